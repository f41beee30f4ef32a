// The JSON shapes of GitHub's REST answers, built from the stand-in's state.

import { countChanges, gitBlobSha } from './diff.js';
import type {
  CheckRun,
  IssueComment,
  PrFile,
  PullRequest,
  Review,
  ReviewComment,
  StandInState,
  UserRef,
} from './types.js';

export interface RenderContext {
  apiUrl: string;
  state: StandInState;
  textAt(rev: string, path: string): string | undefined;
  blobSha(text: string): string;
  positionOf(path: string, line: number, side: 'LEFT' | 'RIGHT', commit: string): number | null;
}

export function userRef(login: string): UserRef {
  return { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderFile(x: RenderContext, f: PrFile): Record<string, unknown> {
  const counts = f.additions === undefined || f.deletions === undefined ? countChanges(f.patch) : undefined;
  const additions = f.additions ?? counts!.additions;
  const deletions = f.deletions ?? counts!.deletions;
  const headText = x.textAt(x.state.pull.head.sha, f.filename);
  const sha = f.sha ?? (headText !== undefined ? x.blobSha(headText) : gitBlobSha(`${f.filename}\n${f.patch ?? ''}`));
  const { owner, repo, pull } = x.state;
  const out: Record<string, unknown> = {
    sha,
    filename: f.filename,
    status: f.status,
    additions,
    deletions,
    changes: f.changes ?? additions + deletions,
    blob_url: `https://github.com/${owner}/${repo}/blob/${pull.head.sha}/${f.filename}`,
    raw_url: `https://github.com/${owner}/${repo}/raw/${pull.head.sha}/${f.filename}`,
    contents_url: `${x.apiUrl}/repos/${owner}/${repo}/contents/${f.filename}?ref=${pull.head.sha}`,
  };
  if (f.patch !== undefined) out.patch = f.patch;
  if (f.previous_filename !== undefined) out.previous_filename = f.previous_filename;
  return out;
}

export function repoJson(x: RenderContext, fullName: string, fork: boolean): Record<string, unknown> {
  const [o, n] = fullName.split('/') as [string, string];
  return {
    id: 1296269,
    node_id: 'R_kgDOstandin',
    name: n,
    full_name: fullName,
    owner: { login: o, type: 'User' },
    private: false,
    fork,
    default_branch: x.state.pull.base.ref,
    html_url: `https://github.com/${fullName}`,
    url: `${x.apiUrl}/repos/${fullName}`,
  };
}

export function pullJson(x: RenderContext): Record<string, unknown> {
  const { pull, owner, repo, files } = x.state;
  let additions = 0;
  let deletions = 0;
  for (const f of files) {
    const c = countChanges(f.patch);
    additions += f.additions ?? c.additions;
    deletions += f.deletions ?? c.deletions;
  }
  const base = `${owner}/${repo}`;
  const side = (r: PullRequest['head'], isHead: boolean) => ({
    label: `${r.repo!.split('/')[0]}:${r.ref}`,
    ref: r.ref,
    sha: r.sha,
    user: { login: r.repo!.split('/')[0], type: 'User' },
    repo: repoJson(x, r.repo!, isHead && pull.fork),
  });
  return {
    url: `${x.apiUrl}/repos/${base}/pulls/${pull.number}`,
    id: 100000 + pull.number,
    node_id: `PR_kwDOstandin${pull.number}`,
    html_url: `https://github.com/${base}/pull/${pull.number}`,
    diff_url: `https://github.com/${base}/pull/${pull.number}.diff`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userRef(pull.user.login),
    body: pull.body,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: now(),
    closed_at: null,
    merged_at: null,
    merge_commit_sha: 'c'.repeat(40),
    draft: pull.draft,
    head: side(pull.head, true),
    base: side(pull.base, false),
    author_association: 'CONTRIBUTOR',
    merged: pull.merged,
    mergeable: true,
    mergeable_state: 'clean',
    comments: x.state.issueComments.length,
    review_comments: x.state.reviewComments.length,
    commits: 1,
    additions,
    deletions,
    changed_files: files.length,
  };
}

export function reviewJson(x: RenderContext, r: Review): Record<string, unknown> {
  const { owner, repo, pull } = x.state;
  return {
    id: r.id,
    node_id: r.node_id,
    user: r.user,
    body: r.body,
    state: r.state,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}#pullrequestreview-${r.id}`,
    pull_request_url: `${x.apiUrl}/repos/${owner}/${repo}/pulls/${pull.number}`,
    author_association: r.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    submitted_at: r.submitted_at ?? undefined,
    commit_id: r.commit_id,
  };
}

export function commentJson(x: RenderContext, c: ReviewComment): Record<string, unknown> {
  const { owner, repo, pull } = x.state;
  const out: Record<string, unknown> = {
    url: `${x.apiUrl}/repos/${owner}/${repo}/pulls/comments/${c.id}`,
    pull_request_review_id: c.pull_request_review_id,
    id: c.id,
    node_id: c.node_id,
    diff_hunk: c.diff_hunk,
    path: c.path,
    position: c.line === null || !c.side ? null : x.positionOf(c.path, c.line, c.side, x.state.pull.head.sha),
    original_position:
      c.original_line === null || !c.side ? null : x.positionOf(c.path, c.original_line, c.side, c.original_commit_id),
    commit_id: c.commit_id,
    original_commit_id: c.original_commit_id,
    user: c.user,
    body: c.body,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}#discussion_r${c.id}`,
    pull_request_url: `${x.apiUrl}/repos/${owner}/${repo}/pulls/${pull.number}`,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    start_line: c.start_line,
    original_start_line: c.original_start_line,
    start_side: c.start_side,
    line: c.line,
    original_line: c.original_line,
    side: c.side,
    subject_type: c.subject_type,
  };
  if (c.in_reply_to_id !== undefined) out.in_reply_to_id = c.in_reply_to_id;
  return out;
}

export function issueCommentJson(x: RenderContext, c: IssueComment): Record<string, unknown> {
  const { owner, repo, pull } = x.state;
  return {
    id: c.id,
    node_id: c.node_id,
    url: `${x.apiUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}#issuecomment-${c.id}`,
    issue_url: `${x.apiUrl}/repos/${owner}/${repo}/issues/${pull.number}`,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  };
}

export function checkRunJson(x: RenderContext, r: CheckRun): Record<string, unknown> {
  const { owner, repo } = x.state;
  return {
    id: r.id,
    node_id: r.node_id,
    head_sha: r.head_sha,
    external_id: r.external_id,
    url: `${x.apiUrl}/repos/${owner}/${repo}/check-runs/${r.id}`,
    html_url: `https://github.com/${owner}/${repo}/runs/${r.id}`,
    details_url: r.details_url,
    status: r.status,
    conclusion: r.conclusion,
    started_at: r.started_at,
    completed_at: r.completed_at,
    output: { ...r.output, annotations_url: `${x.apiUrl}/repos/${owner}/${repo}/check-runs/${r.id}/annotations` },
    name: r.name,
    check_suite: { id: 5 },
    app: { id: 15368, slug: r.app.slug, name: 'GitHub Actions' },
    pull_requests: [],
  };
}
