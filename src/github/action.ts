// The Action: read the runner's environment and the event, run the shared review pipeline, publish one
// review, the sticky summary, a check run with annotations, the job summary and outputs; decide the exit.
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { Finding, FailOn, Severity } from '../types.js';
import { reachesThreshold } from '../types.js';
import { loadSettings, readInsideRepository, settingsFiles, type LoadedSettings, type LoadOptions } from '../settings-loader.js';
import { logLine } from '../util/escape.js';
import { toSarif } from '../output/sarif.js';
import { ALL_RULES } from '../rules/index.js';
import { VERSION } from '../version.js';
import { Git } from '../review/git.js';
import { reverseApplyPatch, type ChangeSet, type ChangedFile } from '../review/diff.js';
import { chartDirOnDisk, DEFAULT_PATHS, listViewFiles, parseGlobs, pathFilter, readViewFile, toPosix, type PathFilter } from '../review/files.js';
import { renderInputs } from '../targets/discover.js';
import { buildViews, planReview, relevantChanges, type ReviewPlan, type ViewReaders } from '../review/pipeline.js';
import { anchorIsValid, type Outside } from '../review/placement.js';
import { countsText, summaryMarkdown, type Counts } from '../review/summary.js';
import { escapeMarkdown, runMarker, safeUrl, summaryCommentBody, withFixedNote } from '../review/markdown.js';
import { changedWorkflows, configChanges, type Introduced } from '../review/introduced.js';
import { parseReviewConfig, type ReviewConfig } from '../config/config.js';
import { readWorkspaceFile } from '../manifests/no-follow.js';
import type { ExistingThread } from '../review/threads.js';
import { GitHubApi, isForbidden, isGraphqlForbidden, makeClient, messageOf, ReadOnlyTokenError, statusOf, type CheckAnnotation } from './api.js';

export const FORK_HELP = 'This token may not write to the pull request (GitHub answered 403: pull requests from forks and ' +
  'Dependabot get a read-only token under `pull_request`). The findings are in the job summary and the annotations. ' +
  'To get review comments on such pull requests, run istio-review from a workflow triggered by `pull_request_target` ' +
  '(see the README, "Pull requests from forks and Dependabot"): that is safe for this Action because it checks out the base branch and only reads the pull ' +
  "request's files as data, never running them.";

interface Inputs {
  token: string;
  paths: string[];
  config: string;
  failOn: FailOn;
  maxComments: number;
  sarifFile: string;
  checkName: string;
  meshConfig: string;
  meshNetworks: string;
  commentLevel: Severity;
  /** The conclusion when the review could not see every change (failure, or neutral when configured). */
  onIncomplete: 'failure' | 'neutral';
  /** false: suppressions a pull request adds count as findings at the fail-on level. */
  allowNewSuppressions: boolean;
}

function readInputs(): Inputs {
  const failOn = (core.getInput('fail-on') || 'error').trim().toLowerCase();
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new Error(`fail-on must be error, warning, info or none, not "${failOn}"`);
  const max = Number((core.getInput('max-comments') || '30').trim());
  if (!Number.isInteger(max) || max < 0) throw new Error('max-comments must be a whole number ≥ 0');
  const onIncomplete = (core.getInput('on-incomplete') || 'failure').trim().toLowerCase();
  if (onIncomplete !== 'failure' && onIncomplete !== 'neutral') throw new Error(`on-incomplete must be failure or neutral, not "${onIncomplete}"`);
  const allow = (core.getInput('allow-new-suppressions') || 'true').trim().toLowerCase();
  if (allow !== 'true' && allow !== 'false') throw new Error(`allow-new-suppressions must be true or false, not "${allow}"`);
  const token = core.getInput('github-token') || process.env.GITHUB_TOKEN || '';
  const paths = parseGlobs(core.getInput('paths'));
  const commentLevel = (core.getInput('comment-level') || 'warning').trim().toLowerCase();
  if (!['error', 'warning', 'info'].includes(commentLevel)) throw new Error(`comment-level must be error, warning or info, not "${commentLevel}"`);
  return {
    token,
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    config: core.getInput('config') || '.istio-review.yaml',
    failOn: failOn as FailOn,
    maxComments: max,
    sarifFile: core.getInput('sarif-file'),
    checkName: core.getInput('check-name') || 'istio-review',
    meshConfig: core.getInput('mesh-config'),
    meshNetworks: core.getInput('mesh-networks'),
    commentLevel: commentLevel as Severity,
    onIncomplete,
    allowNewSuppressions: allow === 'true',
  };
}

interface Env {
  eventName: string;
  /** The event payload as @actions/github's context reads it from GITHUB_EVENT_PATH. */
  event: typeof context.payload;
  owner: string;
  repo: string;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  root: string;
  sha: string;
  runId: string;
  runUrl: string | null;
}

function readEnv(): Env {
  const e = process.env;
  let owner = '';
  let repo = '';
  try { ({ owner, repo } = context.repo); } catch { /* neither GITHUB_REPOSITORY nor a repository in the payload */ }
  const serverUrl = context.serverUrl.replace(/\/$/, '');
  const apiUrl = context.apiUrl.replace(/\/$/, '');
  const runId = Number.isFinite(context.runId) ? String(context.runId) : String(Date.now());
  const attempt = Number.isFinite(context.runAttempt) ? context.runAttempt : 1;
  return {
    eventName: context.eventName ?? '',
    event: context.payload,
    owner, repo, apiUrl, serverUrl,
    // context falls back to github.com's GraphQL endpoint; on GitHub Enterprise Server it sits beside the REST API.
    graphqlUrl: e.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/v3$/, '')}/graphql`,
    root: e.GITHUB_WORKSPACE || process.cwd(),
    sha: context.sha ?? '',
    runId: `${runId}-${attempt}`,
    runUrl: Number.isFinite(context.runId) && owner && repo ? `${serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : null,
  };
}

/** The fields of a pull_request event this Action needs, checked: a payload without them is a clear error. */
function pullRequestOf(env: Env): { number: number; headSha: string; baseSha: string } {
  const pr = env.event.pull_request;
  if (!pr) throw new Error(`the ${env.eventName} event has no pull_request payload`);
  const headSha: unknown = pr.head?.sha;
  const baseSha: unknown = pr.base?.sha;
  if (!Number.isInteger(pr.number) || typeof headSha !== 'string' || typeof baseSha !== 'string') {
    throw new Error(`the ${env.eventName} event's pull_request lacks number, head.sha or base.sha`);
  }
  return { number: pr.number, headSha, baseSha };
}

/** The commits a push (or merge_group) event compares, when the payload names them. */
function pushRangeOf(env: Env): { head: string | null; before: string | null } {
  const p = env.event;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return { head: str(p.after) ?? str(p.merge_group?.head_sha), before: str(p.before) ?? str(p.merge_group?.base_sha) };
}

const log = { warning: (m: string) => core.warning(logLine(m)), info: (m: string) => core.info(logLine(m)) };

export async function runAction(): Promise<void> {
  const inputs = readInputs();
  const env = readEnv();
  process.chdir(env.root);
  // The config file is never a manifest of the view (and under pull_request_target only the base's copy is read).
  const globs = pathFilter(inputs.paths, chartDirOnDisk(env.root));
  const configPath = toPosix(inputs.config);
  const filter: PathFilter = (p) => toPosix(p) !== configPath && globs(p);
  if (env.eventName === 'pull_request' || env.eventName === 'pull_request_target') return runOnPullRequest(inputs, env, filter);
  return runOnPush(inputs, env, filter);
}

function loadOptions(inputs: Inputs): LoadOptions {
  return { configFile: inputs.config, configRequired: inputs.config !== '.istio-review.yaml', meshConfigFile: inputs.meshConfig || null, meshNetworksFile: inputs.meshNetworks || null };
}

function loadFor(inputs: Inputs): LoadedSettings {
  // The checkout is the pull request's (under pull_request): settings files are read inside it, links not followed.
  const loaded = loadSettings({ ...loadOptions(inputs), read: readInsideRepository(process.cwd()) });
  for (const w of loaded.warnings) core.warning(logLine(w));
  return loaded;
}

/**
 * The settings as they were at the merge base, when the pull request changes a settings file (the config file,
 * the mesh config or mesh networks file): the base findings are computed under them, so that what the change
 * affects anywhere in the repository is new. Null when no settings file changed. Under pull_request_target the
 * settings come from the base anyway.
 */
async function baseSettings(
  inputs: Inputs, loaded: LoadedSettings, changes: ChangeSet, eventName: string,
  src: { git: Git; mergeBase: string | null; api: GitHubApi; baseSha: string },
): Promise<LoadedSettings | null> {
  if (eventName === 'pull_request_target') return null;
  const opts = loadOptions(inputs);
  const files = [...new Set(settingsFiles(opts, loaded).map(toPosix))];
  const changed = changes.files.filter((f) => files.includes(f.path) || (f.basePath !== null && files.includes(f.basePath)));
  if (changed.length === 0) return null;
  core.info(logLine(`The pull request changes ${changed.map((f) => f.path).join(', ')}: reviewing everything these settings affect.`));
  let texts: Map<string, string | null>;
  if (src.mergeBase) {
    texts = new Map([...src.git.readAt(src.mergeBase, files)].map(([p, b]) => [p, b ? b.toString('utf8') : null]));
  } else {
    const blobs = await src.api.readBlobs(files.map((p) => `${src.baseSha}:${p}`));
    texts = new Map(files.map((p) => [p, blobs.get(`${src.baseSha}:${p}`) ?? null]));
  }
  const read = (f: string) => texts.get(toPosix(f)) ?? null;
  try {
    return loadSettings({ ...opts, configRequired: false, read });
  } catch (err) {
    // A base whose settings do not load (a file the pull request adds, or broken on the base): compare with the defaults.
    core.info(`The base's settings do not load (${logLine(messageOf(err))}); comparing with the default settings.`);
    return loadSettings({ read: () => null });
  }
}

function linker(env: Env, sha: string): (file: string, line: number) => string {
  return (file, line) => `${env.serverUrl}/${env.owner}/${env.repo}/blob/${sha}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

async function runOnPullRequest(inputs: Inputs, env: Env, filter: PathFilter): Promise<void> {
  const api = new GitHubApi(makeClient(inputs.token, env.apiUrl, env.graphqlUrl, log), { owner: env.owner, repo: env.repo });
  const headGuess = env.event.pull_request?.head?.sha;
  const publisher = new Publisher(api, inputs, env, typeof headGuess === 'string' ? headGuess : env.sha);
  try {
    await reviewPullRequest(inputs, env, filter, api, publisher);
  } catch (err) {
    // Whatever went wrong, the check must not stay green or missing: say so everywhere, and fail.
    await publisher.failClosed(err);
  }
}

async function reviewPullRequest(inputs: Inputs, env: Env, filter: PathFilter, api: GitHubApi, publisher: Publisher): Promise<void> {
  const { number, headSha, baseSha } = pullRequestOf(env);
  const git = new Git(env.root);
  const gitOk = git.isRepo();
  const haveHead = gitOk && git.hasCommit(headSha);
  const mergeBase = haveHead && git.hasCommit(baseSha) ? git.mergeBase(baseSha, headSha) : null;
  const changedFiles: unknown = env.event.pull_request?.changed_files;
  const expectedFiles = typeof changedFiles === 'number' ? changedFiles : null;

  let changes = await api.listPullFiles(number, expectedFiles);
  let apiMergeBase: string | null = null;
  if (changes.truncated) {
    if (mergeBase) {
      core.info('The files API did not list every changed file (it stops at 3000); reading the changes with git diff instead.');
      changes = git.diff(mergeBase, headSha);
    } else {
      const completed = await completeFromTrees(api, changes, baseSha, headSha);
      changes = completed.changes;
      apiMergeBase = completed.mergeBase;
      if (completed.problem) publisher.incomplete.push(completed.problem);
      else core.info(`The files API did not list every changed file; the rest were found by comparing the trees (${completed.added} more).`);
    }
  }
  const relevant = relevantChanges(changes, filter);
  const loaded = loadFor(inputs);
  const baseLoaded = await baseSettings(inputs, loaded, changes, env.eventName, { git, mergeBase, api, baseSha: apiMergeBase ?? baseSha });
  if (relevant.length === 0 && publisher.incomplete.length === 0 && !baseLoaded) {
    core.info('No file under `paths` changed: nothing to review.');
    publisher.notes.push('No manifest under `paths` changed in this pull request.');
    await publisher.publish({ number, plan: null, outside: [], resolved: 0, fresh: [], onlyUpdateSummary: true });
    return;
  }

  const headIsWorkspace = gitOk && git.headSha() === headSha;
  const baseForBlobs = apiMergeBase ?? baseSha;
  const readers: ViewReaders = {
    workspaceFiles: listViewFiles(env.root, filter),
    root: env.root,
    readWorkspaceFile: (p) => readViewFile(env.root, p),
    readHead: async (paths) => {
      if (headIsWorkspace) return new Map(paths.map((p) => [p, readWorkspaceFile(env.root, p)]));
      if (haveHead) return git.readAt(headSha, paths);
      const blobs = await api.readBlobs(paths.map((p) => `${headSha}:${p}`));
      return new Map(paths.map((p) => { const t = blobs.get(`${headSha}:${p}`); return [p, t === null || t === undefined ? null : Buffer.from(t, 'utf8')]; }));
    },
    readBase: async (files, head) => readBaseVersions(files, head, { git, mergeBase, api, baseSha: baseForBlobs }),
  };
  const views = await buildViews(changes, filter, readers, renderInputs(loaded.config.targets, loaded.config.baseDir));
  // Without the earlier threads a review could repeat old comments: then everything goes to the summary instead.
  let threadsKnown = true;
  const listed = await api.listThreads(number).catch((err: unknown) => {
    threadsKnown = false;
    core.warning(`Could not read the earlier review threads (${logLine(messageOf(err))}); no line comments this run, the summary lists every finding.`);
    publisher.notes.push('The earlier review threads could not be read, so this run posts no line comments (they could repeat old ones); every finding is listed here.');
    return { viewer: null, threads: [] };
  });
  if (listed.viewer) publisher.bot = listed.viewer;
  const found = [...await configChangesOf(inputs, env, changes, loaded, (files, head) => readers.readBase(files, head)), ...changedWorkflows(changes)];
  const plan = await planReview(views, changes, {
    loaded, threads: listed.threads, maxComments: inputs.maxComments, runId: env.runId, link: linker(env, headSha), commentLevel: inputs.commentLevel,
    ...(baseLoaded ? { baseLoaded } : {}),
    introduced: { found, failAs: inputs.allowNewSuppressions ? null : failSeverity(inputs.failOn) },
    // A render command would run next to the pull request's files with this event's write token.
    runCommands: env.eventName === 'pull_request_target'
      ? { allowed: false, reason: 'render commands do not run under pull_request_target, where they would run next to the pull request\'s files with a write token' }
      : { allowed: true },
  });
  publisher.notes.push(...plan.notes);
  for (const n of plan.notes) core.info(logLine(n.replace(/\\/g, '')));
  publisher.listIntroduced(plan.introduced, !inputs.allowNewSuppressions);
  core.info(`Reviewed ${views.head.files.length} manifest file(s), ${relevant.length} changed: ${countsText(plan.newCounts)} new; ${countsText(plan.preExistingCounts)} pre-existing.`);

  // One review with every inline comment, each anchor re-validated against the hunks.
  const outside: Outside[] = [...plan.placement.outside];
  let inline = plan.placement.inline.filter((c) => (threadsKnown && anchorIsValid(c, changes)) || (outside.push({ finding: c.finding, reason: 'rejected' }), false));
  if (inline.length > 0) {
    try {
      const author = await publisher.write(() => api.createReview(number, headSha, reviewBody(inline.length, inline.length + outside.length, env.runId), inline, env.runId, publisher.bot));
      publisher.bot ??= author;
      core.info(`Posted a review with ${inline.length} comment(s).`);
    } catch (err) {
      // Refused (422), forbidden (403) or failing (5xx, timeouts): the findings move to the summary and the check
      // run either way, and the run goes on to publish them.
      if (statusOf(err) === 422) {
        core.warning(`GitHub refused the review's line comments (${logLine(messageOf(err))}); they are listed in the summary instead.`);
        publisher.notes.push('GitHub refused this run\'s line comments, so every finding is listed here instead.');
      } else if (!publisher.readOnly) {
        core.warning(`Could not post the review (${logLine(messageOf(err))}); its line comments are listed in the summary instead.`);
        publisher.notes.push(`The review with this run's line comments could not be posted (${escapeMarkdown(messageOf(err))}), so every finding is listed here instead.`);
      }
      for (const c of inline) outside.push({ finding: c.finding, reason: 'rejected' });
      inline = [];
    }
  }
  for (const o of outside) plan.where.set(o.finding.fingerprint, o.reason);

  const resolved = await resolveFixed(publisher, api, plan.threadPlan.resolve, headSha);
  await publisher.publish({ number, plan, outside: outside.map((o) => o.finding), resolved, fresh: plan.classified.fresh, onlyUpdateSummary: false, anchors: plan.anchors });
}

/** Past the files API's cap and without git history: the changed paths are those whose blob differs between the
 *  merge base's tree and the head's (no patch: commentable nowhere, but reviewed and reported). */
async function completeFromTrees(api: GitHubApi, listed: ChangeSet, baseSha: string, headSha: string): Promise<{ changes: ChangeSet; mergeBase: string | null; added: number; problem: string | null }> {
  const fail = (why: string) => ({ changes: listed, mergeBase: null, added: 0, problem: `GitHub listed only ${listed.files.length} of this pull request's changed files, and the rest could not be found another way (${why}). Files past that point were not reviewed.` });
  let mergeBase: string | null;
  let baseTree: Map<string, string> | null;
  let headTree: Map<string, string> | null;
  try {
    mergeBase = await api.mergeBase(baseSha, headSha);
    if (!mergeBase) return fail('no merge base');
    [baseTree, headTree] = await Promise.all([api.treeFiles(mergeBase), api.treeFiles(headSha)]);
  } catch (err) {
    return fail(`reading the trees failed: ${logLine(messageOf(err))}`);
  }
  if (!baseTree || !headTree) return fail('GitHub truncated the tree listing');
  const known = new Set(listed.files.flatMap((f) => [f.path, ...(f.basePath ? [f.basePath] : [])]));
  const files: ChangedFile[] = [...listed.files];
  let added = 0;
  for (const [p, sha] of headTree) {
    if (known.has(p)) continue;
    const before = baseTree.get(p);
    if (before === sha) continue;
    files.push({ path: p, basePath: before === undefined ? null : p, status: before === undefined ? 'added' : 'modified', hunks: null, added: new Set(), patch: null });
    added++;
  }
  for (const p of baseTree.keys()) {
    if (known.has(p) || headTree.has(p)) continue;
    files.push({ path: p, basePath: p, status: 'removed', hunks: null, added: new Set(), patch: null });
    added++;
  }
  return { changes: { files, truncated: false }, mergeBase, added, problem: null };
}

/** New suppressions count at the fail-on level (with fail-on: none nothing fails, so they are infos). */
function failSeverity(failOn: FailOn): Severity {
  return failOn === 'none' ? 'info' : failOn;
}

/** The config file's changes in this pull request, when the PR's copy is the one this run uses (`pull_request`;
 *  under `pull_request_target` the base branch's copy applies and the PR's edits have no effect). */
async function configChangesOf(
  inputs: Inputs, env: Env, changes: ChangeSet, loaded: LoadedSettings,
  readBase: (files: readonly ChangedFile[], head: ReadonlyMap<string, Buffer | null>) => Promise<Map<string, Buffer | null>>,
): Promise<Introduced[]> {
  const file = toPosix(inputs.config);
  const cf = changes.files.find((f) => f.path === file || f.basePath === file);
  if (!cf) return [];
  if (env.eventName === 'pull_request_target') {
    core.info(`This pull request changes ${file}; under pull_request_target the base branch's copy applies, so the change has no effect on this check.`);
    return [];
  }
  const headBytes = cf.status === 'removed' ? null : readWorkspaceFile(env.root, file);
  const headText = headBytes ? headBytes.toString('utf8') : '';
  let base: ReviewConfig | null = null;
  if (cf.basePath) {
    const bytes = (await readBase([cf], new Map([[cf.path, headBytes]]))).get(cf.basePath);
    if (bytes) {
      const parsed = parseReviewConfig(file, bytes.toString('utf8'));
      base = parsed.errors.length === 0 ? parsed.config : null;
    }
  }
  return configChanges(file, headText, base, loaded.config);
}

function reviewBody(inline: number, reported: number, runId: string): string {
  const rest = reported - inline;
  const more = rest > 0 ? ` ${rest} more ${rest === 1 ? 'is' : 'are'} listed in the summary comment.` : '';
  return `**istio-review**: ${inline} line comment${inline === 1 ? '' : 's'} on this change.${more}\n\n${runMarker(runId)}`;
}

function zero(): Counts { return { error: 0, warning: 0, info: 0 }; }

async function readBaseVersions(
  files: readonly ChangedFile[], head: ReadonlyMap<string, Buffer | null>,
  src: { git: Git; mergeBase: string | null; api: GitHubApi | null; baseSha: string },
): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  if (src.mergeBase) return src.git.readAt(src.mergeBase, files.map((f) => f.basePath!));
  const missing: ChangedFile[] = [];
  for (const f of files) {
    // The files API's patch goes from the merge base to the head: undoing it gives the base text exactly.
    const h = head.get(f.path);
    const headText = f.status === 'removed' ? '' : h ? h.toString('utf8') : null;
    const base = f.patch !== null && headText !== null ? reverseApplyPatch(headText, f.patch) : null;
    if (base !== null) out.set(f.basePath!, Buffer.from(base, 'utf8'));
    else missing.push(f);
  }
  if (missing.length > 0 && src.api) {
    const exprs = missing.map((f) => `${src.baseSha}:${f.basePath}`);
    const blobs = await src.api.readBlobs(exprs);
    missing.forEach((f, i) => { const t = blobs.get(exprs[i]!); out.set(f.basePath!, t === null || t === undefined ? null : Buffer.from(t, 'utf8')); });
  }
  return out;
}

async function resolveFixed(publisher: Publisher, api: GitHubApi, threads: readonly ExistingThread[], headSha: string): Promise<number> {
  let n = 0;
  for (const t of threads) {
    if (publisher.readOnly) break;
    try {
      await api.resolveThread(t.id);
      n++;
    } catch (err) {
      if (!isGraphqlForbidden(err)) { core.warning(`Could not resolve a fixed thread: ${logLine(messageOf(err))}`); continue; }
      if (t.commentId === null || t.commentBody.includes('Fixed in')) continue;
      // Only the bot's own comments reach here (listThreads); still, a refused edit says nothing about the token's
      // other permissions, so it never switches the run to read-only.
      try {
        await api.editReviewComment(t.commentId, withFixedNote(t.commentBody, headSha));
        n++;
      } catch (e) {
        core.warning(`Could not mark a fixed thread: ${logLine(messageOf(e))}`);
      }
    }
  }
  return n;
}

const LEVEL = { error: 'failure', warning: 'warning', info: 'notice' } as const;

type Conclusion = 'success' | 'failure' | 'neutral';
type PlanAnchors = ReviewPlan['anchors'];

interface PublishInput {
  number: number | null;
  plan: ReviewPlan | null;
  /** Findings that are not line comments (annotated on the check run). */
  outside: readonly Finding[];
  resolved: number;
  /** New findings (those that can fail the check). */
  fresh: readonly Finding[];
  /** No review ran: only an existing summary is updated, none is created. */
  onlyUpdateSummary: boolean;
  /** Where each inline comment sits (the summary links to it). */
  anchors?: PlanAnchors;
}

class Publisher {
  readOnly = false;
  notes: string[] = [];
  /** Why the review is not complete (files not listed or not read): the check can then not succeed. */
  incomplete: string[] = [];
  /** The account this token writes as, once known (GraphQL viewer, or the author of what the bot posted). */
  bot: string | null = null;
  /** The pull request changes what is checked: the summary comment must say so even when nothing is found. */
  changesWhatIsChecked = false;

  constructor(readonly api: GitHubApi, readonly inputs: Inputs, readonly env: Env, readonly headSha: string) {}

  /** Run a write; a 403 switches to read-only mode (annotations and job summary only) and rethrows. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.readOnly) throw new ReadOnlyTokenError();
    try { return await fn(); } catch (err) {
      if (isForbidden(err)) this.markReadOnly(err);
      throw err;
    }
  }

  private markReadOnly(err: unknown): void {
    if (this.readOnly) return;
    this.readOnly = true;
    core.warning(`${logLine(messageOf(err))}. ${FORK_HELP}`);
    this.notes.push(`ℹ️ ${FORK_HELP}`);
  }

  /** The summary's list of what the pull request changes about what is checked. */
  listIntroduced(items: readonly Introduced[], counted: boolean): void {
    if (items.length === 0) return;
    // Only a change that hides findings opens a summary comment by itself; the rest are listed wherever the summary goes.
    if (items.some((i) => i.suppresses)) this.changesWhatIsChecked = true;
    const lines = ['**This pull request changes what is checked** (compared with its base branch):', ''];
    for (const i of items.slice(0, 50)) lines.push(`- [${escapeMarkdown(i.file)}:${i.line}](${safeUrl(linker(this.env, this.headSha)(i.file, i.line))}): ${escapeMarkdown(i.text)}`);
    if (items.length > 50) lines.push(`- …and ${items.length - 50} more.`);
    lines.push('', counted
      ? 'Each one that hides findings is reported as a finding (`allow-new-suppressions: false`).'
      : 'A reviewer should confirm each one: they apply to this pull request\'s own check (set `allow-new-suppressions: false` to make them findings).');
    this.notes.push(lines.join('\n'));
  }

  /** The account this token writes as; asked of GitHub once, when first needed. */
  async identity(): Promise<string | null> {
    if (this.bot) return this.bot;
    try { this.bot = await this.api.viewerLogin(); } catch (err) { core.warning(`Could not tell which account this token writes as: ${logLine(messageOf(err))}`); }
    return this.bot;
  }

  /** New findings that reach fail-on. */
  failing(fresh: readonly Finding[]): Finding[] {
    return fresh.filter((f) => reachesThreshold(f.severity, this.inputs.failOn));
  }

  conclusion(failing: readonly Finding[]): Conclusion {
    if (failing.length > 0) return 'failure';
    if (this.incomplete.length > 0) return this.inputs.onIncomplete;
    return 'success';
  }

  /** Everything a finished review leaves behind, in an order where a late failure cannot contradict an earlier
   *  write: the summary comment, then the check run, then the job summary, outputs and exit status — all from one
   *  conclusion. A write that fails is reported in the ones that follow, never thrown past them. */
  async publish(p: PublishInput): Promise<void> {
    const failing = this.failing(p.fresh);
    const conclusion = this.conclusion(failing);
    const reported = p.plan?.reported ?? [];
    const newCounts = p.plan?.newCounts ?? zero();
    const md = (notAnnotated: number) => summaryMarkdown({
      reported, where: p.plan?.where ?? new Map(), preExisting: p.plan?.preExistingCounts ?? zero(), resolved: p.resolved, notAnnotated,
      notes: this.notes, incomplete: this.incomplete, link: linker(this.env, this.headSha), headSha: this.headSha, runUrl: this.env.runUrl,
      ...(p.anchors ? { anchors: p.anchors } : {}), notManifests: p.plan?.notManifests.length ?? 0,
    });
    const expectedNotAnnotated = Math.max(0, p.outside.length - MAX_ANNOTATIONS);
    // Findings below comment-level alone do not open a conversation: they are in the check run and the job summary.
    const worthAComment = reported.some((f) => reachesThreshold(f.severity, this.inputs.commentLevel)) || p.resolved > 0 || this.incomplete.length > 0 || this.changesWhatIsChecked;
    if (p.number !== null && !this.readOnly) await this.writeSummaryComment(p.number, md(expectedNotAnnotated), !p.onlyUpdateSummary && worthAComment);
    const notAnnotated = await this.annotate(md(expectedNotAnnotated), p.outside, conclusion, newCounts, reported.length);
    await this.finish(md(notAnnotated), newCounts, reported, failing, conclusion);
  }

  private async writeSummaryComment(number: number, md: string, createIfMissing: boolean): Promise<void> {
    const body = summaryCommentBody(md, this.env.runId);
    try {
      const existing = await this.api.findSummaryComment(number, () => this.identity());
      if (existing) await this.write(() => this.api.updateSummaryComment(existing.id, body));
      else if (createIfMissing) {
        const author = await this.write(() => this.api.createSummaryComment(number, body, this.env.runId, this.bot));
        this.bot ??= author;
      }
    } catch (err) {
      if (this.readOnly) return;
      core.warning(`Could not write the summary comment: ${logLine(messageOf(err))}`);
      this.notes.push(`The summary comment on the pull request could not be written (${escapeMarkdown(messageOf(err))}); this check run and the job summary hold the result.`);
    }
  }

  /** A completed check run with annotations (at most MAX_ANNOTATIONS), else workflow-command annotations.
   *  Returns how many findings could not be annotated. */
  async annotate(md: string, toAnnotate: readonly Finding[], conclusion: Conclusion, newCounts: Counts, reportedCount: number): Promise<number> {
    const capped = toAnnotate.slice(0, MAX_ANNOTATIONS);
    const annotations: CheckAnnotation[] = capped.map((f) => ({
      path: f.file, start_line: Math.max(1, f.line), end_line: Math.max(1, f.line), annotation_level: LEVEL[f.severity],
      message: f.message.slice(0, 60000), title: `${f.rule}${f.istioCode ? ` (${f.istioCode})` : ''}`,
    }));
    let checked = false;
    if (!this.readOnly) {
      try {
        await this.api.createCheckRun({
          name: this.inputs.checkName, headSha: this.headSha, conclusion,
          title: this.incomplete.length > 0 && reportedCount === 0 ? 'Review incomplete' : reportedCount === 0 ? 'No new Istio problems' : `${countsText(newCounts)} new`,
          summary: md.slice(0, 65000), detailsUrl: this.env.runUrl, externalId: this.env.runId, annotations,
        });
        checked = true;
      } catch (err) {
        // Without `checks: write` the other writes may still work: fall back to workflow-command annotations only.
        core.warning(`Could not create the check run (${logLine(messageOf(err))}); annotating through the workflow log instead.` +
          (isForbidden(err) ? ' Grant `checks: write` to get a check run with every annotation.' : ''));
      }
    }
    if (checked) return toAnnotate.length - capped.length;
    return toAnnotate.length > 0 ? workflowAnnotations(toAnnotate) : 0;
  }

  /** Job summary, outputs, SARIF, exit status — from the same conclusion as the check run. */
  async finish(md: string, newCounts: Counts, reported: readonly Finding[], failing: readonly Finding[], conclusion: Conclusion): Promise<void> {
    if (process.env.GITHUB_STEP_SUMMARY) {
      try { await core.summary.addRaw(md.slice(0, 1_000_000), true).write(); } catch (err) { core.warning(`Could not write the job summary: ${logLine(messageOf(err))}`); }
    }
    core.setOutput('errors', newCounts.error);
    core.setOutput('warnings', newCounts.warning);
    core.setOutput('infos', newCounts.info);
    core.setOutput('conclusion', conclusion);
    if (this.inputs.sarifFile) {
      try {
        fs.mkdirSync(path.dirname(path.resolve(this.inputs.sarifFile)), { recursive: true });
        fs.writeFileSync(this.inputs.sarifFile, JSON.stringify(toSarif(reported, ALL_RULES, VERSION), null, 2));
        core.setOutput('sarif-file', this.inputs.sarifFile);
      } catch (err) { core.warning(`Could not write the SARIF file: ${logLine(messageOf(err))}`); }
    }
    core.info(`GitHub API calls: ${this.api.calls}.`);
    for (const f of reported) core.info(`${f.severity}: ${logLine(`${f.file}:${f.line}: ${f.rule}: ${f.message}`)}`);
    for (const why of this.incomplete) core.warning(`Review incomplete: ${logLine(why)}`);
    if (failing.length > 0) core.setFailed(`istio-review: ${failing.length} new finding(s) at or above "${this.inputs.failOn}".`);
    else if (conclusion === 'failure') core.setFailed(`istio-review: the review is incomplete (${logLine(this.incomplete.join(' '))})`);
  }

  /** The run could not finish: a failing check run that says why, the job summary, outputs, a failed step. */
  async failClosed(err: unknown): Promise<void> {
    const msg = err instanceof Error ? err.message : String(err);
    this.incomplete.push(`istio-review stopped before it could finish the review: ${msg}`);
    const md = summaryMarkdown({
      reported: [], where: new Map(), preExisting: zero(), resolved: 0, notAnnotated: 0, notes: this.notes, incomplete: this.incomplete,
      link: linker(this.env, this.headSha), headSha: this.headSha, runUrl: this.env.runUrl,
    });
    if (!this.readOnly) {
      try {
        await this.api.createCheckRun({ name: this.inputs.checkName, headSha: this.headSha, conclusion: 'failure', title: 'Review failed', summary: md.slice(0, 65000), detailsUrl: this.env.runUrl, externalId: this.env.runId, annotations: [] });
      } catch (e) { core.warning(`Could not create the check run: ${logLine(messageOf(e))}`); }
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      try { await core.summary.addRaw(md, true).write(); } catch { /* the step's failure below still says it */ }
    }
    core.setOutput('conclusion', 'failure');
    core.setFailed(`istio-review: ${logLine(msg)}`);
  }
}

const MAX_ANNOTATIONS = 500;

/** Workflow-command annotations: GitHub shows only 10 per level per step, so stop there and say so. */
function workflowAnnotations(findings: readonly Finding[]): number {
  const used = { error: 0, warning: 0, info: 0 };
  let dropped = 0;
  for (const f of findings) {
    if (used[f.severity] >= 10) { dropped++; continue; }
    used[f.severity]++;
    const props = { file: f.file, startLine: f.line, title: f.rule };
    const msg = logLine(f.message);
    if (f.severity === 'error') core.error(msg, props);
    else if (f.severity === 'warning') core.warning(msg, props);
    else core.notice(msg, props);
  }
  return dropped;
}

/** push, merge_group and anything else: the files changed between two commits against the whole tree;
 *  annotations and the job summary only. */
async function runOnPush(inputs: Inputs, env: Env, filter: PathFilter): Promise<void> {
  const git = new Git(env.root);
  const range = pushRangeOf(env);
  const headSha = range.head ?? (env.sha || git.headSha() || '');
  const api = new GitHubApi(makeClient(inputs.token, env.apiUrl, env.graphqlUrl, log), { owner: env.owner, repo: env.repo });
  const publisher = new Publisher(api, inputs, env, headSha);
  try {
    await checkPush(inputs, env, filter, git, headSha, range.before ?? '', publisher);
  } catch (err) {
    await publisher.failClosed(err);
  }
}

async function checkPush(inputs: Inputs, env: Env, filter: PathFilter, git: Git, headSha: string, before: string, publisher: Publisher): Promise<void> {
  const gitOk = git.isRepo();
  const haveBase = gitOk && /^[0-9a-f]{7,40}$/.test(before) && !/^0+$/.test(before) && git.hasCommit(before) && git.hasCommit(headSha);
  let changes: ChangeSet;
  if (haveBase) changes = git.diff(before, headSha);
  else {
    core.info('No earlier commit to compare with (new branch, other event, or shallow history): checking every manifest under `paths`.');
    changes = { files: listViewFiles(env.root, filter).map((p) => ({ path: p, basePath: null, status: 'added', hunks: null, added: new Set<number>(), patch: null })), truncated: false };
  }
  if (relevantChanges(changes, filter).length === 0) {
    core.info('No file under `paths` changed: nothing to check.');
    publisher.notes.push('No manifest under `paths` changed.');
    await publisher.publish({ number: null, plan: null, outside: [], resolved: 0, fresh: [], onlyUpdateSummary: true });
    return;
  }
  const loaded = loadFor(inputs);
  const headIsWorkspace = git.headSha() === headSha || !gitOk;
  const views = await buildViews(changes, filter, {
    workspaceFiles: listViewFiles(env.root, filter),
    root: env.root,
    readWorkspaceFile: (p) => readViewFile(env.root, p),
    readHead: async (paths) => headIsWorkspace ? new Map(paths.map((p) => [p, readWorkspaceFile(env.root, p)])) : git.readAt(headSha, paths),
    readBase: async (files) => haveBase ? git.readAt(before, files.map((f) => f.basePath!)) : new Map(),
  }, renderInputs(loaded.config.targets, loaded.config.baseDir));
  const plan = await planReview(views, changes, { loaded, threads: [], maxComments: 0, runId: env.runId, link: linker(env, headSha), commentLevel: inputs.commentLevel });
  publisher.notes.push(...plan.notes);
  for (const n of plan.notes) core.info(logLine(n.replace(/\\/g, '')));
  publisher.listIntroduced(plan.introduced, false);
  await publisher.publish({ number: null, plan, outside: plan.reported, resolved: 0, fresh: plan.classified.fresh, onlyUpdateSummary: true });
}
