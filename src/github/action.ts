// The Action: read the runner's environment and the event, run the shared review pipeline, publish one
// review, the sticky summary, a check run with annotations, the job summary and outputs; decide the exit.
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { Finding, FailOn, Severity } from '../types.js';
import { reachesThreshold } from '../types.js';
import { loadSettings, settingsFiles, type LoadedSettings, type LoadOptions } from '../settings-loader.js';
import { logLine } from '../util/escape.js';
import { toSarif } from '../output/sarif.js';
import { ALL_RULES } from '../rules/index.js';
import { VERSION } from '../version.js';
import { Git } from '../review/git.js';
import { reverseApplyPatch, type ChangeSet, type ChangedFile } from '../review/diff.js';
import { chartDirOnDisk, DEFAULT_PATHS, listViewFiles, parseGlobs, pathFilter, readViewFile, toPosix, type PathFilter } from '../review/files.js';
import { renderInputs } from '../targets/discover.js';
import { buildViews, planReview, relevantChanges, type ViewReaders } from '../review/pipeline.js';
import { anchorIsValid, type Outside } from '../review/placement.js';
import { countsText, summaryMarkdown, type Counts } from '../review/summary.js';
import { fixedNote, runMarker } from '../review/markdown.js';
import type { ExistingThread } from '../review/threads.js';
import { GitHubApi, GraphqlError, isForbidden, makeClient, messageOf, statusOf, type CheckAnnotation } from './api.js';

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
}

function readInputs(): Inputs {
  const failOn = (core.getInput('fail-on') || 'error').trim().toLowerCase();
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new Error(`fail-on must be error, warning, info or none, not "${failOn}"`);
  const max = Number((core.getInput('max-comments') || '30').trim());
  if (!Number.isInteger(max) || max < 0) throw new Error('max-comments must be a whole number ≥ 0');
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
  const loaded = loadSettings(loadOptions(inputs));
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
  const { number, headSha, baseSha } = pullRequestOf(env);
  const api = new GitHubApi(makeClient(inputs.token, env.apiUrl, log), env.graphqlUrl, { owner: env.owner, repo: env.repo });
  const git = new Git(env.root);
  const gitOk = git.isRepo();
  const haveHead = gitOk && git.hasCommit(headSha);
  const mergeBase = haveHead && git.hasCommit(baseSha) ? git.mergeBase(baseSha, headSha) : null;

  let changes = await api.listPullFiles(number);
  if (changes.truncated) {
    if (mergeBase) {
      core.info('The pull request has 3000 files or more (the API limit); reading the changes with git diff instead.');
      changes = git.diff(mergeBase, headSha);
    } else {
      core.warning('The pull request has 3000 files or more and git history is not available (use fetch-depth: 0); files past the first 3000 are not reviewed.');
    }
  }
  const relevant = relevantChanges(changes, filter);
  const publisher = new Publisher(api, inputs, env, headSha);
  const loaded = loadFor(inputs);
  const baseLoaded = await baseSettings(inputs, loaded, changes, env.eventName, { git, mergeBase, api, baseSha });
  if (relevant.length === 0 && !baseLoaded) {
    core.info('No file under `paths` changed: nothing to review.');
    const existing = await publisher.tryRead(() => api.findSummaryComment(number));
    const md = summaryMarkdown({ reported: [], where: new Map(), preExisting: zero(), resolved: 0, notAnnotated: 0, notes: ['No manifest under `paths` changed in this pull request.'], link: linker(env, headSha), headSha, runUrl: env.runUrl });
    if (existing) await publisher.tryWrite(() => api.updateSummaryComment(existing.id, md + '\n' + runMarker(env.runId)));
    await publisher.annotate(md, [], false, zero(), 0);
    await publisher.finish(md, zero(), [], []);
    return;
  }

  const headIsWorkspace = gitOk && git.headSha() === headSha;
  const readers: ViewReaders = {
    workspaceFiles: listViewFiles(env.root, filter),
    root: env.root,
    readWorkspaceFile: (p) => readViewFile(env.root, p),
    readHead: async (paths) => {
      if (headIsWorkspace) return new Map(paths.map((p) => [p, readOrNull(path.join(env.root, p))]));
      if (haveHead) return git.readAt(headSha, paths);
      const blobs = await api.readBlobs(paths.map((p) => `${headSha}:${p}`));
      return new Map(paths.map((p) => { const t = blobs.get(`${headSha}:${p}`); return [p, t === null || t === undefined ? null : Buffer.from(t, 'utf8')]; }));
    },
    readBase: async (files, head) => readBaseVersions(files, head, { git, mergeBase, api, baseSha }),
  };
  const views = await buildViews(changes, filter, readers, renderInputs(loaded.config.targets, loaded.config.baseDir));
  // Without the earlier threads a review could repeat old comments: then everything goes to the summary instead.
  let threadsKnown = true;
  const threads = await api.listThreads(number).catch((err: unknown) => {
    threadsKnown = false;
    core.warning(`Could not read the earlier review threads (${logLine(messageOf(err))}); no line comments this run, the summary lists every finding.`);
    publisher.notes.push('The earlier review threads could not be read, so this run posts no line comments (they could repeat old ones); every finding is listed here.');
    return [];
  });
  const plan = await planReview(views, changes, {
    loaded, threads, maxComments: inputs.maxComments, runId: env.runId, link: linker(env, headSha), commentLevel: inputs.commentLevel,
    ...(baseLoaded ? { baseLoaded } : {}),
    // A render command would run next to the pull request's files with this event's write token.
    runCommands: env.eventName === 'pull_request_target'
      ? { allowed: false, reason: 'render commands do not run under pull_request_target, where they would run next to the pull request\'s files with a write token' }
      : { allowed: true },
  });
  publisher.notes.push(...plan.notes);
  for (const n of plan.notes) core.info(logLine(n.replace(/\\/g, '')));
  core.info(`Reviewed ${views.head.files.length} manifest file(s), ${relevant.length} changed: ${countsText(plan.newCounts)} new; ${countsText(plan.preExistingCounts)} pre-existing.`);

  // One review with every inline comment, each anchor re-validated against the hunks.
  const outside: Outside[] = [...plan.placement.outside];
  let inline = plan.placement.inline.filter((c) => (threadsKnown && anchorIsValid(c, changes)) || (outside.push({ finding: c.finding, reason: 'rejected' }), false));
  if (inline.length > 0) {
    try {
      await publisher.write(() => api.createReview(number, headSha, reviewBody(inline.length, inline.length + outside.length, env.runId), inline, env.runId));
      core.info(`Posted a review with ${inline.length} comment(s).`);
    } catch (err) {
      if (statusOf(err) !== 422 && !publisher.readOnly) throw err;
      if (statusOf(err) === 422) {
        core.warning(`GitHub refused the review's line comments (${logLine(messageOf(err))}); they are listed in the summary instead.`);
        publisher.notes.push('GitHub refused this run\'s line comments, so every finding is listed here instead.');
      }
      for (const c of inline) outside.push({ finding: c.finding, reason: 'rejected' });
      inline = [];
    }
  }
  for (const o of outside) plan.where.set(o.finding.fingerprint, o.reason);

  const resolved = await resolveFixed(publisher, api, plan.threadPlan.resolve, headSha);
  const makeMd = (notAnnotated: number) => summaryMarkdown({
    reported: plan.reported, where: plan.where, preExisting: plan.preExistingCounts, resolved, notAnnotated,
    notes: publisher.notes, link: linker(env, headSha), headSha, runUrl: env.runUrl,
    anchors: plan.anchors, notManifests: plan.notManifests.length,
  });
  const failing = publisher.failing(plan.classified.fresh);
  const notAnnotated = await publisher.annotate(makeMd(0), outside.map((o) => o.finding), failing.length > 0, plan.newCounts, plan.reported.length);
  const md = makeMd(notAnnotated);
  if (!publisher.readOnly) {
    const existing = await api.findSummaryComment(number);
    const body = `${md}\n${runMarker(env.runId)}`;
    if (existing) await publisher.tryWrite(() => api.updateSummaryComment(existing.id, body));
    // Findings below comment-level alone do not open a conversation: they are in the check run and the job summary.
    else if (plan.reported.some((f) => reachesThreshold(f.severity, inputs.commentLevel)) || resolved > 0) await publisher.tryWrite(() => api.createSummaryComment(number, body, env.runId));
  }
  await publisher.finish(md, plan.newCounts, plan.reported, failing);
}

function reviewBody(inline: number, reported: number, runId: string): string {
  const rest = reported - inline;
  const more = rest > 0 ? ` ${rest} more ${rest === 1 ? 'is' : 'are'} listed in the summary comment.` : '';
  return `**istio-review**: ${inline} line comment${inline === 1 ? '' : 's'} on this change.${more}\n\n${runMarker(runId)}`;
}

function readOrNull(p: string): Buffer | null {
  try { return fs.readFileSync(p); } catch { return null; }
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
      const forbidden = err instanceof GraphqlError ? err.types.includes('FORBIDDEN') || /not (have permission|accessible)/i.test(err.message) : isForbidden(err);
      if (!forbidden) { core.warning(`Could not resolve a fixed thread: ${logLine(messageOf(err))}`); continue; }
      if (t.commentId === null || t.commentBody.includes('Fixed in')) continue;
      if (await publisher.tryWrite(() => api.editReviewComment(t.commentId!, t.commentBody + fixedNote(headSha)))) n++;
    }
  }
  return n;
}

const LEVEL = { error: 'failure', warning: 'warning', info: 'notice' } as const;

class Publisher {
  readOnly = false;
  notes: string[] = [];

  constructor(readonly api: GitHubApi, readonly inputs: Inputs, readonly env: Env, readonly headSha: string) {}

  /** Run a write; a 403 switches to read-only mode (annotations and job summary only) and rethrows. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    if (this.readOnly) throw Object.assign(new Error('read-only token'), { status: 403 });
    try { return await fn(); } catch (err) {
      if (isForbidden(err)) this.markReadOnly(err);
      throw err;
    }
  }

  async tryWrite(fn: () => Promise<unknown>): Promise<boolean> {
    if (this.readOnly) return false;
    try { await fn(); return true; } catch (err) {
      if (isForbidden(err)) { this.markReadOnly(err); return false; }
      throw err;
    }
  }

  async tryRead<T>(fn: () => Promise<T>): Promise<T | null> {
    try { return await fn(); } catch (err) {
      core.warning(`GitHub read failed: ${logLine(messageOf(err))}`);
      return null;
    }
  }

  private markReadOnly(err: unknown): void {
    if (this.readOnly) return;
    this.readOnly = true;
    core.warning(`${logLine(messageOf(err))}. ${FORK_HELP}`);
    this.notes.push(`ℹ️ ${FORK_HELP}`);
  }

  /** New findings that reach fail-on. */
  failing(fresh: readonly Finding[]): Finding[] {
    return fresh.filter((f) => reachesThreshold(f.severity, this.inputs.failOn));
  }

  /** A completed check run with annotations (at most MAX_ANNOTATIONS), else workflow-command annotations.
   *  Returns how many findings could not be annotated. */
  async annotate(md: string, toAnnotate: readonly Finding[], failed: boolean, newCounts: Counts, reportedCount: number): Promise<number> {
    const capped = toAnnotate.slice(0, MAX_ANNOTATIONS);
    const annotations: CheckAnnotation[] = capped.map((f) => ({
      path: f.file, start_line: Math.max(1, f.line), end_line: Math.max(1, f.line), annotation_level: LEVEL[f.severity],
      message: f.message.slice(0, 60000), title: `${f.rule}${f.istioCode ? ` (${f.istioCode})` : ''}`,
    }));
    let checked = false;
    if (!this.readOnly) {
      try {
        await this.api.createCheckRun({
          name: this.inputs.checkName, headSha: this.headSha, conclusion: failed ? 'failure' : 'success',
          title: reportedCount === 0 ? 'No new Istio problems' : `${countsText(newCounts)} new`,
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

  /** Job summary, outputs, SARIF, exit status. */
  async finish(md: string, newCounts: Counts, reported: readonly Finding[], failing: readonly Finding[]): Promise<void> {
    if (process.env.GITHUB_STEP_SUMMARY) {
      try { await core.summary.addRaw(md.slice(0, 1_000_000), true).write(); } catch (err) { core.warning(`Could not write the job summary: ${logLine(messageOf(err))}`); }
    }
    core.setOutput('errors', newCounts.error);
    core.setOutput('warnings', newCounts.warning);
    core.setOutput('infos', newCounts.info);
    if (this.inputs.sarifFile) {
      fs.mkdirSync(path.dirname(path.resolve(this.inputs.sarifFile)), { recursive: true });
      fs.writeFileSync(this.inputs.sarifFile, JSON.stringify(toSarif(reported, ALL_RULES, VERSION), null, 2));
      core.setOutput('sarif-file', this.inputs.sarifFile);
    }
    core.info(`GitHub API calls: ${this.api.calls}.`);
    for (const f of reported) core.info(`${f.severity}: ${logLine(`${f.file}:${f.line}: ${f.rule}: ${f.message}`)}`);
    if (failing.length > 0) core.setFailed(`istio-review: ${failing.length} new finding(s) at or above "${this.inputs.failOn}".`);
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
  const gitOk = git.isRepo();
  const range = pushRangeOf(env);
  const headSha = range.head ?? (env.sha || git.headSha() || '');
  const before = range.before ?? '';
  const haveBase = gitOk && /^[0-9a-f]{7,40}$/.test(before) && !/^0+$/.test(before) && git.hasCommit(before) && git.hasCommit(headSha);
  let changes: ChangeSet;
  if (haveBase) changes = git.diff(before, headSha);
  else {
    core.info('No earlier commit to compare with (new branch, other event, or shallow history): checking every manifest under `paths`.');
    changes = { files: listViewFiles(env.root, filter).map((p) => ({ path: p, basePath: null, status: 'added', hunks: null, added: new Set<number>(), patch: null })), truncated: false };
  }
  const api = new GitHubApi(makeClient(inputs.token, env.apiUrl, log), env.graphqlUrl, { owner: env.owner, repo: env.repo });
  const publisher = new Publisher(api, inputs, env, headSha);
  if (relevantChanges(changes, filter).length === 0) {
    core.info('No file under `paths` changed: nothing to check.');
    const md = summaryMarkdown({ reported: [], where: new Map(), preExisting: zero(), resolved: 0, notAnnotated: 0, notes: ['No manifest under `paths` changed.'], link: linker(env, headSha), headSha, runUrl: env.runUrl });
    await publisher.annotate(md, [], false, zero(), 0);
    await publisher.finish(md, zero(), [], []);
    return;
  }
  const loaded = loadFor(inputs);
  const headIsWorkspace = git.headSha() === headSha || !gitOk;
  const views = await buildViews(changes, filter, {
    workspaceFiles: listViewFiles(env.root, filter),
    root: env.root,
    readWorkspaceFile: (p) => readViewFile(env.root, p),
    readHead: async (paths) => headIsWorkspace ? new Map(paths.map((p) => [p, readOrNull(path.join(env.root, p))])) : git.readAt(headSha, paths),
    readBase: async (files) => haveBase ? git.readAt(before, files.map((f) => f.basePath!)) : new Map(),
  }, renderInputs(loaded.config.targets, loaded.config.baseDir));
  const plan = await planReview(views, changes, { loaded, threads: [], maxComments: 0, runId: env.runId, link: linker(env, headSha), commentLevel: inputs.commentLevel });
  publisher.notes.push(...plan.notes);
  for (const n of plan.notes) core.info(logLine(n.replace(/\\/g, '')));
  const makeMd = (notAnnotated: number) => summaryMarkdown({
    reported: plan.reported, where: plan.where, preExisting: plan.preExistingCounts, resolved: 0, notAnnotated,
    notes: publisher.notes, link: linker(env, headSha), headSha, runUrl: env.runUrl, notManifests: plan.notManifests.length,
  });
  const failing = publisher.failing(plan.classified.fresh);
  const notAnnotated = await publisher.annotate(makeMd(0), plan.reported, failing.length > 0, plan.newCounts, plan.reported.length);
  await publisher.finish(makeMd(notAnnotated), plan.newCounts, plan.reported, failing);
}
