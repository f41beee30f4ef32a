// The review pipeline shared by the Action and `istio-review review`: ChangeSet → head and base views →
// findings → new findings → threads to post or resolve → placement. Pure apart from the readers it is given.
import type { Finding, Severity } from '../types.js';
import { introducedCharts, introducedFinding, introducedSuppressions, type Introduced } from './introduced.js';
import type { InputFile } from '../manifests/workspace.js';
import type { SourceFile } from '../manifests/source.js';
import type { Resource } from '../manifests/resource.js';
import { addMeshNetworksResource } from '../manifests/workspace.js';
import { overlayTree, type SourceTree, type TreeBase } from '../targets/tree.js';
import { buildTargetViews, discoverInTree, rawFiles, type TargetBuild } from '../targets/views.js';
import { targetTouches, type Target } from '../targets/discover.js';
import { analyzeTargets } from '../targets/analyze.js';
import { anchorAtCause } from './cause.js';
import { escapeMarkdown } from './markdown.js';
import type { LoadedSettings } from '../settings-loader.js';
import type { ChangeSet, ChangedFile } from './diff.js';
import { classifyFindings, type Classified } from './classify.js';
import { fixIsObservable, planThreads, type ExistingThread, type HeadFacts, type ThreadPlan } from './threads.js';
import { resourceKey } from './markdown.js';
import { placeFindings, type Placement, type OutsideReason } from './placement.js';
import { countBySeverity, type Anchor, type Counts } from './summary.js';
import type { PathFilter } from './files.js';

export interface ViewReaders {
  /** Files under `paths` in the working tree (repository-relative). */
  workspaceFiles: string[];
  /** The working tree on disk (kustomize reads it there), or null when files come only from readWorkspaceFile. */
  root: string | null;
  /** One working-tree file: bytes, null when absent, an Error when unreadable. */
  readWorkspaceFile(path: string): Buffer | null | Error;
  /** Contents at the PR head of these changed files (null: absent). */
  readHead(paths: readonly string[]): Promise<Map<string, Buffer | null>>;
  /** Contents at the merge base of these changed files, given their head texts (null: absent). */
  readBase(
    files: readonly ChangedFile[],
    head: ReadonlyMap<string, Buffer | null>,
  ): Promise<Map<string, Buffer | null>>;
}

/** The repository at the PR head and at the base: the working tree with the changed files as they are there. */
export interface Views {
  head: SourceTree;
  base: SourceTree;
  /** Changed files that belong to the view (by head or base path). */
  relevant: ChangedFile[];
}

export function relevantChanges(changes: ChangeSet, filter: PathFilter): ChangedFile[] {
  return changes.files.filter(
    (f) => (f.status !== 'removed' && filter(f.path)) || (f.basePath !== null && filter(f.basePath)),
  );
}

/** `alsoRead`: changed files outside `paths` whose contents the views need all the same (what a declared target's
 *  render command reads: chart templates, values files). */
export async function buildViews(
  changes: ChangeSet,
  filter: PathFilter,
  readers: ViewReaders,
  alsoRead: (p: string) => boolean = () => false,
): Promise<Views> {
  const relevant = relevantChanges(changes, filter);
  const wanted = (p: string) => filter(p) || alsoRead(p);
  const headPaths = changes.files.filter((f) => f.status !== 'removed' && wanted(f.path)).map((f) => f.path);
  const headBytes = await readers.readHead(headPaths);
  const baseBytes = await readers.readBase(
    changes.files.filter((f) => f.basePath !== null && wanted(f.basePath)),
    headBytes,
  );
  // What differs from the working tree (a merge, head or base checkout) in each view.
  const headOverlay = new Map<string, Buffer | null | Error>();
  const baseOverlay = new Map<string, Buffer | null | Error>();
  for (const f of changes.files) {
    if (f.status === 'removed') headOverlay.set(f.path, null);
    if (f.status === 'renamed' && f.basePath) headOverlay.set(f.basePath, null); // gone from the head even if the working tree has it
    if (f.status === 'added' || (f.basePath !== null && f.basePath !== f.path)) baseOverlay.set(f.path, null);
  }
  // The pull request changed these files and did not delete them: one that cannot be read is a finding (the check
  // fails), never a file quietly left out of the review.
  for (const p of headPaths) headOverlay.set(p, headBytes.get(p) ?? new Error(UNREADABLE_CHANGED_FILE));
  for (const f of changes.files)
    if (f.basePath && wanted(f.basePath)) baseOverlay.set(f.basePath, baseBytes.get(f.basePath) ?? null);
  const present = (overlay: Map<string, Buffer | null | Error>) => {
    const files = new Set(readers.workspaceFiles.filter((p) => !overlay.has(p)));
    for (const [p, b] of overlay) if (b !== null && filter(p)) files.add(p);
    return [...files].sort();
  };
  const base: TreeBase = { root: readers.root, read: (p) => readers.readWorkspaceFile(p) };
  return {
    head: overlayTree(base, present(headOverlay), headOverlay),
    base: overlayTree(base, present(baseOverlay), baseOverlay),
    relevant,
  };
}

export const UNREADABLE_CHANGED_FILE =
  'this pull request changes it, but its new version could not be read, so it is not checked. ' +
  'The check fails until it can be read (for a file name with unusual characters, rename the file).';

export interface PlanOptions {
  loaded: LoadedSettings;
  threads: readonly ExistingThread[];
  maxComments: number;
  runId: string;
  link: (file: string, line: number) => string;
  /** Whether `render:` target commands may run; under pull_request_target they would run on the PR's files with a
   *  write token, so the Action turns them off there. */
  runCommands?: { allowed: boolean; reason?: string };
  /** Only findings at least this severe get a line comment; the rest go to the summary and annotations. */
  commentLevel: Severity;
  /** The settings at the merge base, when the pull request changes a settings file (default: `loaded`). */
  baseLoaded?: LoadedSettings;
  /** Changes to what is checked that the caller found (config file, workflows); suppression annotations and
   *  new charts are found here. `failAs`: report those that hide findings as findings of this severity
   *  (allow-new-suppressions: false); null lists them only. */
  introduced?: { found: readonly Introduced[]; failAs: Severity | null };
}

export interface ReviewPlan {
  /** Source files of the head view's checked targets, by path. */
  headFiles: Map<string, SourceFile>;
  /** Files of the re-checked head targets that hold YAML but no Kubernetes object (counted, not reported). */
  notManifests: string[];
  headFindings: Finding[];
  classified: Classified;
  /** Findings this review reports (new ones and pre-existing ones on edited lines). */
  reported: Finding[];
  threadPlan: ThreadPlan;
  placement: Placement;
  where: Map<string, 'inline' | 'posted-before' | OutsideReason>;
  /** Where each line comment of this run sits (fingerprint → file and line); with a suggestion, on its fix. */
  anchors: Map<string, Anchor>;
  newCounts: Counts;
  preExistingCounts: Counts;
  /** The targets built at the head and at the base (only those holding a changed file), and how many exist. */
  targets: { head: TargetBuild; base: TargetBuild; all: number };
  /** Lines for the summary (which targets were re-checked, with which kustomize). */
  notes: string[];
  /** What this pull request changes about what is checked (listed in the summary). */
  introduced: Introduced[];
}

export async function planReview(views: Views, changes: ChangeSet, opts: PlanOptions): Promise<ReviewPlan> {
  // The base is analysed under the base's settings (and its declared targets): a pull request that changes only the
  // config file or the mesh settings is reviewed for everything the change affects.
  const baseLoaded = opts.baseLoaded ?? opts.loaded;
  // Only the targets holding a changed file are rendered and checked, at the head and at the base; a target that
  // exists on one side only (a new overlay) is checked on that side.
  // Discovery and the views read each file through one reader per tree (files neither side changes: parsed once).
  const rawCache = new Map<string, InputFile>();
  const headRaw = rawFiles(views.head, rawCache);
  const baseRaw = rawFiles(views.base, rawCache);
  const headTargets = discoverInTree(views.head, opts.loaded.config, headRaw);
  const baseTargets = discoverInTree(views.base, baseLoaded.config, baseRaw);
  // Any changed file counts (a chart template, a generator input), not only the manifests under `paths`.
  const changedHead = new Set(changes.files.filter((f) => f.status !== 'removed').map((f) => f.path));
  const changedBase = new Set(changes.files.filter((f) => f.basePath !== null).map((f) => f.basePath!));
  const settingsChanged = baseLoaded !== opts.loaded;
  const affected = new Set([
    ...headTargets
      .filter((t) => settingsChanged || targetTouches(t, changedHead) || targetTouches(t, changedBase))
      .map((t) => t.name),
    ...baseTargets
      .filter((t) => settingsChanged || targetTouches(t, changedBase) || targetTouches(t, changedHead))
      .map((t) => t.name),
  ]);
  // An environment folder's references to its sibling environments are one info each, as in a full check, only when
  // the siblings are built too (raw files: cheap); their unchanged findings stay pre-existing.
  for (const t of [...headTargets, ...baseTargets])
    if (t.kind === 'folder' && affected.has(t.name)) for (const e of t.environments) affected.add(e);
  const only = (t: Target) => affected.has(t.name);
  const commands = {
    runCommands: opts.runCommands?.allowed ?? true,
    ...(opts.runCommands?.reason ? { noCommandsReason: opts.runCommands.reason } : {}),
  };
  const headBuild = withMeshNetworks(
    await buildTargetViews(views.head, {
      config: opts.loaded.config,
      targets: headTargets,
      only,
      raw: headRaw,
      ...commands,
    }),
    opts.loaded,
  );
  const baseBuild = withMeshNetworks(
    await buildTargetViews(views.base, {
      config: baseLoaded.config,
      targets: baseTargets,
      only,
      raw: baseRaw,
      ...commands,
    }),
    baseLoaded,
  );
  const headFiles = sourceFiles(headBuild);
  const headFindings = clampToFile(
    analyzeTargets(headBuild.views, headBuild.notes, { settings: opts.loaded.settings, config: opts.loaded.config })
      .findings,
    headFiles,
  );
  const baseFindings = analyzeTargets(baseBuild.views, baseBuild.notes, {
    settings: baseLoaded.settings,
    config: baseLoaded.config,
  }).findings;
  const classifiedRaw = classifyFindings(headFindings, baseFindings, changes);
  const classified = { ...classifiedRaw, fresh: anchorAtCause(classifiedRaw.fresh, changes, headBuild) };
  const introduced = [
    ...introducedSuppressions(resourcesOf(headBuild), resourcesOf(baseBuild)),
    ...introducedCharts(changes),
    ...(opts.introduced?.found ?? []),
  ];
  const failAs = opts.introduced?.failAs ?? null;
  if (failAs) for (const i of introduced) if (i.suppresses) classified.fresh.push(introducedFinding(i, failAs));
  const reported = [...classified.fresh, ...classified.touchedPreExisting];
  // Only the re-checked targets' resources are known: a thread on another target's resource is never taken as fixed.
  const head: HeadFacts = {
    resources: new Set(headBuild.views.flatMap((v) => v.workspace.resources.map(resourceKey))),
    files: new Set(views.head.files),
    // A file that could not be checked (broken, unreadable, past an input cap) fixes nothing.
    broken: new Set(
      headFindings
        .filter((f) => f.rule === 'yaml-syntax' || f.rule === 'unreadable-file' || f.rule === 'input-too-large')
        .map((f) => f.file),
    ),
  };
  const threadPlan = planThreads(reported, headFindings, opts.threads, (t) => fixIsObservable(t, head));
  const placement = placeFindings(threadPlan.post, changes, {
    maxComments: opts.maxComments,
    runId: opts.runId,
    link: opts.link,
    commentLevel: opts.commentLevel,
    preExisting: new Set(classified.touchedPreExisting.map((f) => f.fingerprint)),
  });
  const where = new Map<string, 'inline' | 'posted-before' | OutsideReason>();
  for (const f of threadPlan.alreadyPosted) where.set(f.fingerprint, 'posted-before');
  for (const c of placement.inline) where.set(c.finding.fingerprint, 'inline');
  for (const o of placement.outside) where.set(o.finding.fingerprint, o.reason);
  const anchors = new Map(placement.inline.map((c) => [c.finding.fingerprint, { path: c.path, line: c.line }]));
  return {
    headFiles,
    headFindings,
    classified,
    reported,
    threadPlan,
    placement,
    where,
    anchors,
    notManifests: [...new Set(headBuild.views.flatMap((v) => v.workspace.notManifests))].sort(),
    newCounts: countBySeverity(classified.fresh),
    preExistingCounts: countBySeverity(classified.preExisting),
    targets: {
      head: headBuild,
      base: baseBuild,
      all: new Set([...headTargets, ...baseTargets].map((t) => t.name)).size,
    },
    introduced,
    notes: targetNotes(headBuild, baseBuild, new Set([...headTargets, ...baseTargets].map((t) => t.name)).size),
  };
}

function sourceFiles(build: TargetBuild): Map<string, SourceFile> {
  const out = new Map<string, SourceFile>();
  for (const v of build.views) for (const f of v.workspace.files) if (!out.has(f.path)) out.set(f.path, f);
  return out;
}

/** For the summary (Markdown): which targets were re-checked, with which kustomize (its version changes what is
 *  rendered), or that none was found. Target names are directory names of the repository: escaped. */
function targetNotes(head: TargetBuild, base: TargetBuild, all: number): string[] {
  if (all <= 1 && !head.kustomize && head.notes.length === 0) return [];
  const names = [...new Set([...head.views, ...base.views].map((v) => v.target.name))].sort().map(escapeMarkdown);
  const tool = head.kustomize ?? base.kustomize;
  const missing = head.notes.find((n) => n.rule === 'kustomize-not-found');
  const folders = [...head.views, ...base.views].some((v) => v.target.kind === 'folder');
  const rechecked =
    `Re-checked ${names.length} of ${all} target${all === 1 ? '' : 's'} (the ones holding a changed file${folders ? ', and the environment folders beside them' : ''})` +
    `${names.length ? `: ${names.join(', ')}` : ''}${tool ? `; rendered with ${escapeMarkdown(tool)}` : ''}.`;
  return [...(missing ? [escapeMarkdown(missing.message)] : []), rechecked];
}

/** The `--mesh-networks` file as a resource of every target (istioctl reports on MeshNetworks <istio ns>/meshnetworks). */
function withMeshNetworks(build: TargetBuild, loaded: LoadedSettings): TargetBuild {
  if (loaded.meshNetworksSource)
    for (const v of build.views)
      addMeshNetworksResource(v.workspace, loaded.meshNetworksSource, loaded.settings.istioNamespace);
  return build;
}

/** A parse error at end of file points one line past the last one; comments can only anchor to real lines. */
function clampToFile(findings: Finding[], files: ReadonlyMap<string, SourceFile>): Finding[] {
  const lastLine = new Map(
    [...files.values()].map((f) => [f.path, Math.max(1, f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0))]),
  );
  return findings.map((f) => {
    const last = lastLine.get(f.file);
    if (last === undefined || f.line <= last) return f;
    return { ...f, line: last, endLine: Math.max(last, Math.min(f.endLine, last)) };
  });
}

/** Every resource the built targets hold (a resource several targets share appears once per target). */
function resourcesOf(build: TargetBuild): { resources: Resource[] } {
  return { resources: build.views.flatMap((v) => v.workspace.resources) };
}
