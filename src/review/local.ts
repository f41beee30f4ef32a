// `istio-review review --base REF`: the pull-request pipeline on a local git repository. The base is the
// merge base of REF and HEAD, the changes come from `git diff`, and the output is the review the Action
// would post (line comments with their suggestion blocks, then the summary), written by a TerminalPublisher
// through the same publishing interface as the Action's. Same stages as the Action.
import fs from 'node:fs';
import path from 'node:path';
import { loadSettings, settingsFiles, type LoadedSettings, type LoadOptions } from '../settings-loader.js';
import type { FailOn, Severity } from '../types.js';
import { reachesThreshold } from '../types.js';
import { UsageError } from '../settings-loader.js';
import type { ChangeSet } from './diff.js';
import { Git } from './git.js';
import { chartDirOnDisk, DEFAULT_PATHS, pathFilter, readViewFile, toPosix } from './files.js';
import type { RealDirectories } from '../manifests/no-follow.js';
import { renderInputs } from '../targets/discover.js';
import { buildViews, planReview } from './pipeline.js';
import { summaryMarkdown } from './summary.js';
import { TerminalPublisher } from './terminal-publisher.js';
import type { ReviewResult } from './publisher.js';
import { sanitizeForLog } from '../util/escape.js';

const CONFIG_NAMES = new Set(['.istio-review.yaml', '.istio-review.yml']);

export interface ReviewCommandArgs {
  base: string | null;
  paths: string[];
  loaded: LoadedSettings;
  failOn: FailOn;
  format: 'text' | 'json' | 'sarif';
  /** Only findings at least this severe get a line comment (as the Action's `comment-level`). */
  commentLevel: Severity;
  /** How `loaded` was loaded (paths relative to the working directory): when the branch changes one of those
   *  files, the base is analysed under the merge base's versions, as the Action does. */
  loadOptions?: LoadOptions;
}

export interface LocalReviewOptions extends ReviewCommandArgs {
  cwd?: string;
  write?: (s: string) => void;
  /** Notes for the person running the command (standard error by default). */
  warn?: (s: string) => void;
}

export async function runReviewCommand(args: LocalReviewOptions): Promise<number> {
  if (!args.base) throw new UsageError('review needs --base REF (the branch the pull request would merge into)');
  const git = new Git(args.cwd ?? process.cwd());
  if (!git.isRepo()) throw new UsageError('review must run inside a git repository');
  const root = execTop(git);
  const rgit = new Git(root);
  const baseRef = rgit.revParse(args.base);
  if (!baseRef) throw new UsageError(`unknown revision "${args.base}"`);
  const head = rgit.revParse('HEAD');
  if (!head) throw new UsageError('the repository has no commit yet');
  const mergeBase = rgit.mergeBase(baseRef, head);
  if (!mergeBase) throw new UsageError(`"${args.base}" and HEAD have no common ancestor`);
  const globs = pathFilter(
    args.paths.length > 0 ? args.paths.map((p) => asGlob(p, args.cwd ?? process.cwd(), root)) : DEFAULT_PATHS,
    chartDirOnDisk(root),
  );
  const filter = (p: string) => !CONFIG_NAMES.has(p) && globs(p);
  const changes = rgit.diff(mergeBase, head);
  // The review is of HEAD, as the pull request would carry it: files with uncommitted changes are read from
  // HEAD, untracked ones are left out, and the user is told so.
  const dirty = new Set(rgit.uncommittedPaths().filter(filter));
  const warn = args.warn ?? ((s: string) => process.stderr.write(s));
  if (dirty.size > 0) {
    const list = [...dirty].sort();
    warn(
      `istio-review: ${list.length} file${list.length === 1 ? ' has' : 's have'} uncommitted changes that this review does not include (it reviews HEAD): ` +
        `${list.slice(0, 5).map(sanitizeForLog).join(', ')}${list.length > 5 ? ', …' : ''}. Commit them to include them.\n`,
    );
  }
  const realDirs: RealDirectories = new Set(); // see readUnder: each directory checked once, not once per file
  const views = await buildViews(
    changes,
    filter,
    {
      workspaceFiles: rgit.filesAt(head).filter(filter).sort(),
      // Tools (kustomize) read the working tree only when it holds HEAD's files; otherwise they get a copy from HEAD.
      root: dirty.size > 0 ? null : root,
      readWorkspaceFile: (p) =>
        dirty.has(p) ? (rgit.readAt(head, [p]).get(p) ?? null) : readViewFile(root, p, realDirs),
      readHead: async (paths) => rgit.readAt(head, paths),
      readBase: async (files) =>
        rgit.readAt(
          mergeBase,
          files.map((f) => f.basePath!),
        ),
    },
    renderInputs(args.loaded.config.targets, args.loaded.config.baseDir),
  );
  const link = (file: string, line: number) => `${file}#L${line}`;
  const baseLoaded = args.loadOptions
    ? baseSettingsOf(args.loadOptions, args.loaded, changes, {
        git: rgit,
        mergeBase,
        cwd: args.cwd ?? process.cwd(),
        root,
      })
    : null;
  const plan = await planReview(views, changes, {
    loaded: args.loaded,
    threads: [],
    maxComments: 30,
    runId: 'local',
    link,
    commentLevel: args.commentLevel,
    ...(baseLoaded ? { baseLoaded } : {}),
  });
  const publisher = new TerminalPublisher({
    format: args.format,
    write: args.write ?? ((s: string) => process.stdout.write(s)),
    mergeBase,
    head,
    baseName: args.base,
    outside: plan.placement.outside,
  });
  await publisher.lineComments(plan.placement.inline, plan.reported.length);
  const summary = summaryMarkdown({
    reported: plan.reported,
    where: plan.where,
    preExisting: plan.preExistingCounts,
    resolved: 0,
    notAnnotated: 0,
    notes: plan.notes,
    link,
    headSha: head,
    runUrl: null,
    anchors: plan.anchors,
    notManifests: plan.notManifests.length,
  });
  await publisher.summary(summary, true);
  const failing = plan.classified.fresh.filter((f) => reachesThreshold(f.severity, args.failOn));
  const result: ReviewResult = {
    reported: plan.reported,
    newCounts: plan.newCounts,
    preExistingCounts: plan.preExistingCounts,
    failing,
    conclusion: failing.length > 0 ? 'failure' : 'success',
  };
  await publisher.annotations(
    summary,
    plan.placement.outside.map((o) => o.finding),
    result,
  );
  await publisher.outputs(summary, result);
  return publisher.exitCode;
}

/** The settings at the merge base when the branch changes a settings file, else null (see the Action's baseSettings). */
function baseSettingsOf(
  opts: LoadOptions,
  loaded: LoadedSettings,
  changes: ChangeSet,
  at: { git: Git; mergeBase: string; cwd: string; root: string },
): LoadedSettings | null {
  const rel = (f: string) => toPosix(path.relative(at.root, path.resolve(at.cwd, f)));
  const files = [...new Set(settingsFiles(opts, loaded).map(rel))];
  if (!changes.files.some((f) => files.includes(f.path) || (f.basePath !== null && files.includes(f.basePath))))
    return null;
  const texts = at.git.readAt(at.mergeBase, files);
  const read = (f: string) => texts.get(rel(f))?.toString('utf8') ?? null;
  try {
    return loadSettings({ ...opts, configRequired: false, read });
  } catch {
    return loadSettings({ read: () => null }); // the base's settings do not load: compare with the defaults
  }
}

/** A PATH argument (file, directory or glob, relative to where the command runs) as a glob from the repository root. */
function asGlob(p: string, cwd: string, root: string): string {
  const neg = p.startsWith('!');
  const raw = neg ? p.slice(1) : p;
  if (/[*?[\]{}]/.test(raw)) return p; // already a glob (from the root, as in the Action's `paths`)
  const abs = path.resolve(cwd, raw);
  let rel = toPosix(path.relative(root, abs));
  if (rel === '' || rel === '.') rel = '';
  let isDir = false;
  try {
    isDir = fs.statSync(abs).isDirectory();
  } catch {
    /* a path that is gone at HEAD: keep it literal */
  }
  const glob = isDir ? `${rel ? `${rel}/` : ''}**/*.{yaml,yml,json}` : rel;
  return neg ? `!${glob}` : glob;
}

function execTop(git: Git): string {
  // Paths in a review are relative to the repository root, as in a pull request.
  const top = git.topLevel();
  return top ?? path.resolve(git.cwd);
}
