// Every GitHub call the review makes (the exact GraphQL documents are listed in README.md here).
// Octokit's retry plugin retries 5xx and the throttling plugin honours retry-after; POSTs that create
// something are sent without automatic retries and retried here only after checking they did not land.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { changedFile, type ChangeSet, type ChangeStatus } from '../review/diff.js';
import type { ExistingThread } from '../review/threads.js';
import { fingerprintsIn, hasRunMarker, SUMMARY_MARKER } from '../review/markdown.js';
import type { InlineComment } from '../review/placement.js';

const ReviewOctokit = Octokit.plugin(retry, throttling);
export type Client = InstanceType<typeof ReviewOctokit>;

export interface ApiLog {
  warning(msg: string): void;
  info(msg: string): void;
}

export function makeClient(token: string, baseUrl: string, log: ApiLog): Client {
  return new ReviewOctokit({
    auth: token,
    baseUrl,
    userAgent: 'istio-review',
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warning(m), error: () => {} },
    throttle: {
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log.warning(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < 2;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
  });
}

export function statusOf(err: unknown): number | null {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : null;
}

export function messageOf(err: unknown): string {
  const e = err as { message?: unknown; response?: { data?: { message?: unknown; errors?: unknown } } };
  const m = e?.response?.data?.message ?? e?.message;
  return typeof m === 'string' ? m : String(err);
}

/** A write the token is not allowed to make (fork PRs, Dependabot, restricted default permissions). */
export function isForbidden(err: unknown): boolean {
  const s = statusOf(err);
  return s === 403 && !/rate limit/i.test(messageOf(err)) || s === 401;
}

export class GraphqlError extends Error {
  constructor(message: string, readonly types: string[]) { super(message); }
}

export const THREADS_QUERY = `query IstioReviewThreads($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line originalLine
          resolvedBy { login }
          comments(first: 50) { nodes { databaseId body author { login } } }
        }
      }
    }
  }
}`;

export const RESOLVE_MUTATION = `mutation IstioReviewResolve($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } }
}`;

export function blobsQuery(n: number): string {
  const vars = Array.from({ length: n }, (_, i) => `$e${i}: String!`).join(', ');
  const fields = Array.from({ length: n }, (_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { text isBinary } }`).join('\n    ');
  return `query IstioReviewBlobs($owner: String!, $repo: String!, ${vars}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`;
}

interface ThreadNode {
  id: string; isResolved: boolean; isOutdated: boolean; path: string; line: number | null; originalLine: number | null;
  resolvedBy: { login: string } | null;
  comments: { nodes: { databaseId: number | null; body: string; author: { login: string } | null }[] };
}

export class GitHubApi {
  /** Calls made, by kind (for the log and the tests' cost checks). */
  calls = 0;

  constructor(readonly client: Client, readonly graphqlUrl: string, readonly ref: { owner: string; repo: string }) {}

  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    this.calls++;
    const res = await this.client.request('POST {+url}', { url: this.graphqlUrl, data: { query, variables }, headers: { 'content-type': 'application/json' } });
    const body = res.data as { data?: T; errors?: { message: string; type?: string }[] };
    if (body.errors && body.errors.length > 0) {
      throw new GraphqlError(body.errors.map((e) => e.message).join('; '), body.errors.map((e) => e.type ?? ''));
    }
    return body.data as T;
  }

  /** PR files (paginated, up to GitHub's 3000-file cap). */
  async listPullFiles(number: number): Promise<ChangeSet> {
    const files = [];
    let page = 1;
    for (;;) {
      this.calls++;
      const res = await this.client.rest.pulls.listFiles({ ...this.ref, pull_number: number, per_page: 100, page });
      for (const f of res.data) {
        const status = f.status as ChangeStatus;
        const basePath = status === 'added' ? null : (f.previous_filename ?? f.filename);
        files.push(changedFile(f.filename, basePath, status, f.patch));
      }
      if (res.data.length < 100 || !/rel="next"/.test(String(res.headers.link ?? ''))) break;
      page++;
    }
    return { files, truncated: files.length >= 3000 };
  }

  async listThreads(number: number): Promise<ExistingThread[]> {
    const out: ExistingThread[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      type R = { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: ThreadNode[] } } | null } };
      const data: R = await this.graphql<R>(THREADS_QUERY, { ...this.ref, number, cursor });
      const rt = data.repository.pullRequest?.reviewThreads;
      if (!rt) break;
      for (const n of rt.nodes) {
        const first = n.comments.nodes[0];
        if (!first) continue;
        const fps = fingerprintsIn(first.body);
        if (fps.length === 0) continue; // not ours
        const bot = first.author?.login ?? '';
        out.push({
          id: n.id, isResolved: n.isResolved, isOutdated: n.isOutdated, path: n.path, line: n.line, originalLine: n.originalLine,
          resolvedByBot: n.isResolved && (n.resolvedBy?.login ?? '') === bot,
          fingerprints: fps, commentId: first.databaseId, commentBody: first.body,
        });
      }
      if (!rt.pageInfo.hasNextPage || !rt.pageInfo.endCursor) break;
      cursor = rt.pageInfo.endCursor;
    }
    return out;
  }

  /** Many file versions in one GraphQL query per 50 files: expressions are "sha:path". */
  async readBlobs(exprs: readonly string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (let i = 0; i < exprs.length; i += 50) {
      const chunk = exprs.slice(i, i + 50);
      const vars: Record<string, unknown> = { ...this.ref };
      chunk.forEach((e, j) => { vars[`e${j}`] = e; });
      const data = await this.graphql<{ repository: Record<string, { text: string | null; isBinary: boolean } | null> }>(blobsQuery(chunk.length), vars);
      chunk.forEach((e, j) => {
        const b = data.repository[`f${j}`];
        out.set(e, b && !b.isBinary && typeof b.text === 'string' ? b.text : null);
      });
    }
    return out;
  }

  async resolveThread(threadId: string): Promise<void> {
    await this.graphql(RESOLVE_MUTATION, { threadId });
  }

  async editReviewComment(id: number, body: string): Promise<void> {
    this.calls++;
    await this.client.rest.pulls.updateReviewComment({ ...this.ref, comment_id: id, body });
  }

  /** One review (event COMMENT) with every inline comment. A 5xx may still have created it: look for
   *  this run's marker before trying again, so the review is never posted twice. */
  async createReview(number: number, headSha: string, body: string, comments: readonly InlineComment[], runId: string): Promise<void> {
    const payload = {
      ...this.ref, pull_number: number, commit_id: headSha, event: 'COMMENT' as const, body,
      comments: comments.map((c) => ({
        path: c.path, body: c.body, line: c.line, side: 'RIGHT' as const,
        ...(c.startLine !== undefined && c.startLine < c.line ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
      })),
      request: { retries: 0 },
    };
    for (let attempt = 0; ; attempt++) {
      try {
        this.calls++;
        await this.client.rest.pulls.createReview(payload);
        return;
      } catch (err) {
        const s = statusOf(err);
        if (s === null || s < 500 || attempt >= 2) throw err;
        if (await this.reviewWithRunMarker(number, runId)) return;
        await sleep(1000 * (attempt + 1));
      }
    }
  }

  private async reviewWithRunMarker(number: number, runId: string): Promise<boolean> {
    for (let page = 1; page < 20; page++) {
      this.calls++;
      const res = await this.client.rest.pulls.listReviews({ ...this.ref, pull_number: number, per_page: 100, page });
      if (res.data.some((r) => hasRunMarker(r.body, runId))) return true;
      if (res.data.length < 100) return false;
    }
    return false;
  }

  async findSummaryComment(number: number): Promise<{ id: number; body: string } | null> {
    for (let page = 1; page < 50; page++) {
      this.calls++;
      const res = await this.client.rest.issues.listComments({ ...this.ref, issue_number: number, per_page: 100, page });
      const c = res.data.find((x) => typeof x.body === 'string' && x.body.includes(SUMMARY_MARKER));
      if (c) return { id: c.id, body: c.body ?? '' };
      if (res.data.length < 100) return null;
    }
    return null;
  }

  async updateSummaryComment(id: number, body: string): Promise<void> {
    this.calls++;
    await this.client.rest.issues.updateComment({ ...this.ref, comment_id: id, body });
  }

  async createSummaryComment(number: number, body: string, runId: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        this.calls++;
        await this.client.rest.issues.createComment({ ...this.ref, issue_number: number, body, request: { retries: 0 } });
        return;
      } catch (err) {
        const s = statusOf(err);
        if (s === null || s < 500 || attempt >= 2) throw err;
        const found = await this.findSummaryComment(number);
        if (found && hasRunMarker(found.body, runId)) return;
        await sleep(1000 * (attempt + 1));
      }
    }
  }

  /** A completed check run; annotations beyond the first 50 are appended by updates (50 per request). */
  async createCheckRun(run: {
    name: string; headSha: string; conclusion: 'success' | 'failure' | 'neutral'; title: string; summary: string; detailsUrl: string | null; externalId: string;
    annotations: CheckAnnotation[];
  }): Promise<void> {
    const first = run.annotations.slice(0, 50);
    this.calls++;
    const res = await this.client.rest.checks.create({
      ...this.ref, name: run.name, head_sha: run.headSha, status: 'completed', conclusion: run.conclusion, external_id: run.externalId,
      ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
      output: { title: run.title, summary: run.summary, annotations: first },
    });
    for (let i = 50; i < run.annotations.length; i += 50) {
      this.calls++;
      await this.client.rest.checks.update({
        ...this.ref, check_run_id: res.data.id,
        output: { title: run.title, summary: run.summary, annotations: run.annotations.slice(i, i + 50) },
      });
    }
  }
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
