// The push and merge_group run (and any other event): the files changed between two commits, reviewed against
// the whole tree; annotations and the job summary only.
import * as core from '@actions/core';
import { logLine } from '../util/escape.js';
import { Git } from '../review/git.js';
import type { ChangeSet } from '../review/diff.js';
import { listViewFiles, readViewFile, type PathFilter } from '../review/files.js';
import { renderInputs } from '../targets/discover.js';
import { buildViews, planReview, relevantChanges } from '../review/pipeline.js';
import { readWorkspaceFile } from '../manifests/no-follow.js';
import type { Inputs } from './inputs.js';
import { linker, pushRangeOf, type Env } from './event.js';
import { loadFor } from './settings.js';
import { Publisher } from './publisher.js';
import { apiFor } from './client.js';

/** push, merge_group and anything else: the files changed between two commits against the whole tree;
 *  annotations and the job summary only. */
export async function runOnPush(inputs: Inputs, env: Env, filter: PathFilter): Promise<void> {
  const git = new Git(env.root);
  const range = pushRangeOf(env);
  const headSha = range.head ?? (env.sha || git.headSha() || '');
  const api = apiFor(inputs, env);
  const publisher = new Publisher(api, inputs, env, headSha);
  try {
    await checkPush(inputs, env, filter, git, headSha, range.before ?? '', publisher);
  } catch (err) {
    await publisher.failClosed(err);
  }
}

export async function checkPush(
  inputs: Inputs,
  env: Env,
  filter: PathFilter,
  git: Git,
  headSha: string,
  before: string,
  publisher: Publisher,
): Promise<void> {
  const gitOk = git.isRepo();
  const haveBase =
    gitOk && /^[0-9a-f]{7,40}$/.test(before) && !/^0+$/.test(before) && git.hasCommit(before) && git.hasCommit(headSha);
  let changes: ChangeSet;
  if (haveBase) changes = git.diff(before, headSha);
  else {
    core.info(
      'No earlier commit to compare with (new branch, other event, or shallow history): checking every manifest under `paths`.',
    );
    changes = {
      files: listViewFiles(env.root, filter).map((p) => ({
        path: p,
        basePath: null,
        status: 'added',
        hunks: null,
        added: new Set<number>(),
        patch: null,
      })),
      truncated: false,
    };
  }
  if (relevantChanges(changes, filter).length === 0) {
    core.info('No file under `paths` changed: nothing to check.');
    publisher.notes.push('No manifest under `paths` changed.');
    await publisher.publish({ plan: null, outside: [], resolved: 0, fresh: [], onlyUpdateSummary: true });
    return;
  }
  const loaded = loadFor(inputs);
  const headIsWorkspace = git.headSha() === headSha || !gitOk;
  const views = await buildViews(
    changes,
    filter,
    {
      workspaceFiles: listViewFiles(env.root, filter),
      root: env.root,
      readWorkspaceFile: (p) => readViewFile(env.root, p),
      readHead: async (paths) =>
        headIsWorkspace ? new Map(paths.map((p) => [p, readWorkspaceFile(env.root, p)])) : git.readAt(headSha, paths),
      readBase: async (files) =>
        haveBase
          ? git.readAt(
              before,
              files.map((f) => f.basePath!),
            )
          : new Map(),
    },
    renderInputs(loaded.config.targets, loaded.config.baseDir),
  );
  const plan = await planReview(views, changes, {
    loaded,
    threads: [],
    maxComments: 0,
    runId: env.runId,
    link: linker(env, headSha),
    commentLevel: inputs.commentLevel,
  });
  publisher.notes.push(...plan.notes);
  for (const n of plan.notes) core.info(logLine(n.replace(/\\/g, '')));
  publisher.listIntroduced(plan.introduced, false);
  await publisher.publish({
    plan,
    outside: plan.reported,
    resolved: 0,
    fresh: plan.classified.fresh,
    onlyUpdateSummary: true,
  });
}
