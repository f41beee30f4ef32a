// The pull-request run (pull_request, pull_request_target): read the changes, run the shared review pipeline,
// post one review with the line comments, resolve fixed threads, publish.
import * as core from '@actions/core';
import type { FailOn, Severity } from '../types.js';
import { logLine } from '../util/escape.js';
import { Git } from '../review/git.js';
import type { ChangeSet, ChangedFile } from '../review/diff.js';
import { listViewFiles, readViewFile, toPosix, type PathFilter } from '../review/files.js';
import { renderInputs } from '../targets/discover.js';
import { buildViews, planReview, relevantChanges, type ViewReaders } from '../review/pipeline.js';
import { anchorIsValid, type Outside } from '../review/placement.js';
import { countsText } from '../review/summary.js';
import { withFixedNote } from '../review/markdown.js';
import { changedWorkflows, configChanges, type Introduced } from '../review/introduced.js';
import { parseReviewConfig, type ReviewConfig } from '../config/config.js';
import { readWorkspaceFile } from '../manifests/no-follow.js';
import type { LoadedSettings } from '../settings-loader.js';
import type { ExistingThread } from '../review/threads.js';
import { isGraphqlForbidden, messageOf, type GitHubApi } from './api.js';
import type { Inputs } from './inputs.js';
import { linker, payloadField, pullRequestOf, type Env } from './event.js';
import { baseSettings, loadFor } from './settings.js';
import { completeFromTrees, readBaseVersions } from './pr-files.js';
import { Publisher } from './publisher.js';
import { apiFor } from './client.js';

export async function runOnPullRequest(inputs: Inputs, env: Env, filter: PathFilter): Promise<void> {
  const api = apiFor(inputs, env);
  const headGuess = payloadField(env.event.pull_request, 'head', 'sha');
  const publisher = new Publisher(api, inputs, env, typeof headGuess === 'string' ? headGuess : env.sha);
  try {
    await reviewPullRequest(inputs, env, filter, api, publisher);
  } catch (err) {
    // Whatever went wrong, the check must not stay green or missing: say so everywhere, and fail.
    await publisher.failClosed(err);
  }
}

export async function reviewPullRequest(
  inputs: Inputs,
  env: Env,
  filter: PathFilter,
  api: GitHubApi,
  publisher: Publisher,
): Promise<void> {
  const { number, headSha, baseSha } = pullRequestOf(env);
  publisher.pullRequest = number;
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
      core.info(
        'The files API did not list every changed file (it stops at 3000); reading the changes with git diff instead.',
      );
      changes = git.diff(mergeBase, headSha);
    } else {
      const completed = await completeFromTrees(api, changes, baseSha, headSha);
      changes = completed.changes;
      apiMergeBase = completed.mergeBase;
      if (completed.problem) publisher.incomplete.push(completed.problem);
      else
        core.info(
          `The files API did not list every changed file; the rest were found by comparing the trees (${completed.added} more).`,
        );
    }
  }
  const relevant = relevantChanges(changes, filter);
  const loaded = loadFor(inputs);
  const baseLoaded = await baseSettings(inputs, loaded, changes, env.eventName, {
    git,
    mergeBase,
    api,
    baseSha: apiMergeBase ?? baseSha,
  });
  if (relevant.length === 0 && publisher.incomplete.length === 0 && !baseLoaded) {
    core.info('No file under `paths` changed: nothing to review.');
    publisher.notes.push('No manifest under `paths` changed in this pull request.');
    await publisher.publish({ plan: null, outside: [], resolved: 0, fresh: [], onlyUpdateSummary: true });
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
      return new Map(
        paths.map((p) => {
          const t = blobs.get(`${headSha}:${p}`);
          return [p, t === null || t === undefined ? null : Buffer.from(t, 'utf8')];
        }),
      );
    },
    readBase: async (files, head) => readBaseVersions(files, head, { git, mergeBase, api, baseSha: baseForBlobs }),
  };
  const views = await buildViews(changes, filter, readers, renderInputs(loaded.config.targets, loaded.config.baseDir));
  // Without the earlier threads a review could repeat old comments: then everything goes to the summary instead.
  let threadsKnown = true;
  const listed = await api.listThreads(number).catch((err: unknown) => {
    threadsKnown = false;
    core.warning(
      `Could not read the earlier review threads (${logLine(messageOf(err))}); no line comments this run, the summary lists every finding.`,
    );
    publisher.notes.push(
      'The earlier review threads could not be read, so this run posts no line comments (they could repeat old ones); every finding is listed here.',
    );
    return { viewer: null, threads: [] };
  });
  if (listed.viewer) publisher.bot = listed.viewer;
  const found = [
    ...(await configChangesOf(inputs, env, changes, loaded, (files, head) => readers.readBase(files, head))),
    ...changedWorkflows(changes),
  ];
  const plan = await planReview(views, changes, {
    loaded,
    threads: listed.threads,
    maxComments: inputs.maxComments,
    runId: env.runId,
    link: linker(env, headSha),
    commentLevel: inputs.commentLevel,
    ...(baseLoaded ? { baseLoaded } : {}),
    introduced: { found, failAs: inputs.allowNewSuppressions ? null : failSeverity(inputs.failOn) },
    // A render command would run next to the pull request's files with this event's write token.
    runCommands:
      env.eventName === 'pull_request_target'
        ? {
            allowed: false,
            reason:
              "render commands do not run under pull_request_target, where they would run next to the pull request's files with a write token",
          }
        : { allowed: true },
  });
  publisher.notes.push(...plan.notes);
  for (const n of plan.notes) core.info(logLine(n.replace(/\\/g, '')));
  publisher.listIntroduced(plan.introduced, !inputs.allowNewSuppressions);
  core.info(
    `Reviewed ${views.head.files.length} manifest file(s), ${relevant.length} changed: ${countsText(plan.newCounts)} new; ${countsText(plan.preExistingCounts)} pre-existing.`,
  );

  // One review with every inline comment, each anchor re-validated against the hunks.
  const outside: Outside[] = [...plan.placement.outside];
  const inline = plan.placement.inline.filter(
    (c) =>
      (threadsKnown && anchorIsValid(c, changes)) || (outside.push({ finding: c.finding, reason: 'rejected' }), false),
  );
  // Comments GitHub did not take move to the summary and the check run, and the run goes on to publish them.
  for (const c of await publisher.lineComments(inline, inline.length + outside.length))
    outside.push({ finding: c.finding, reason: 'rejected' });
  for (const o of outside) plan.where.set(o.finding.fingerprint, o.reason);

  const resolved = await resolveFixed(publisher, api, plan.threadPlan.resolve, headSha);
  await publisher.publish({
    plan,
    outside: outside.map((o) => o.finding),
    resolved,
    fresh: plan.classified.fresh,
    onlyUpdateSummary: false,
    anchors: plan.anchors,
  });
}

/** New suppressions count at the fail-on level (with fail-on: none nothing fails, so they are infos). */
function failSeverity(failOn: FailOn): Severity {
  return failOn === 'none' ? 'info' : failOn;
}

/** The config file's changes in this pull request, when the PR's copy is the one this run uses (`pull_request`;
 *  under `pull_request_target` the base branch's copy applies and the PR's edits have no effect). */
async function configChangesOf(
  inputs: Inputs,
  env: Env,
  changes: ChangeSet,
  loaded: LoadedSettings,
  readBase: (
    files: readonly ChangedFile[],
    head: ReadonlyMap<string, Buffer | null>,
  ) => Promise<Map<string, Buffer | null>>,
): Promise<Introduced[]> {
  const file = toPosix(inputs.config);
  const cf = changes.files.find((f) => f.path === file || f.basePath === file);
  if (!cf) return [];
  if (env.eventName === 'pull_request_target') {
    core.info(
      `This pull request changes ${file}; under pull_request_target the base branch's copy applies, so the change has no effect on this check.`,
    );
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

async function resolveFixed(
  publisher: Publisher,
  api: GitHubApi,
  threads: readonly ExistingThread[],
  headSha: string,
): Promise<number> {
  let n = 0;
  for (const t of threads) {
    if (publisher.readOnly) break;
    try {
      await api.resolveThread(t.id);
      n++;
    } catch (err) {
      if (!isGraphqlForbidden(err)) {
        core.warning(`Could not resolve a fixed thread: ${logLine(messageOf(err))}`);
        continue;
      }
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
