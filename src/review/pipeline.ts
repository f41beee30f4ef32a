// The review pipeline shared by the Action and `istio-review review`: ChangeSet → head and base views →
// findings → new findings → threads to post or resolve → placement. Pure apart from the readers it is given.
import type { Finding } from '../types.js';
import type { InputFile } from '../manifests/workspace.js';
import { buildWorkspace, type Workspace } from '../manifests/workspace.js';
import { analyze } from '../engine.js';
import type { LoadedSettings } from '../settings-loader.js';
import type { ChangeSet, ChangedFile } from './diff.js';
import { classifyFindings, type Classified } from './classify.js';
import { planThreads, type ExistingThread, type ThreadPlan } from './threads.js';
import { placeFindings, type Placement, type OutsideReason } from './placement.js';
import { countBySeverity, type Counts } from './summary.js';
import { toInput, type PathFilter } from './files.js';

export interface ViewReaders {
  /** Files under `paths` in the working tree (repository-relative). */
  workspaceFiles: string[];
  readWorkspace(paths: readonly string[]): InputFile[];
  /** Contents at the PR head of these changed files (null: absent). */
  readHead(paths: readonly string[]): Promise<Map<string, Buffer | null>>;
  /** Contents at the merge base of these changed files, given their head texts (null: absent). */
  readBase(files: readonly ChangedFile[], head: ReadonlyMap<string, Buffer | null>): Promise<Map<string, Buffer | null>>;
}

export interface Views {
  head: InputFile[];
  base: InputFile[];
  /** Changed files that belong to the view (by head or base path). */
  relevant: ChangedFile[];
}

export function relevantChanges(changes: ChangeSet, filter: PathFilter): ChangedFile[] {
  return changes.files.filter((f) => (f.status !== 'removed' && filter(f.path)) || (f.basePath !== null && filter(f.basePath)));
}

export async function buildViews(changes: ChangeSet, filter: PathFilter, readers: ViewReaders): Promise<Views> {
  const relevant = relevantChanges(changes, filter);
  const changedHead = new Set(relevant.map((f) => f.path));
  const removed = new Set(changes.files.filter((f) => f.status === 'removed').map((f) => f.path));
  // Renamed files' old names are gone from the head tree even if the working tree (a merge or base checkout) has them.
  const renamedAway = new Set(changes.files.filter((f) => f.status === 'renamed' && f.basePath).map((f) => f.basePath!));
  const unchanged = readers.workspaceFiles.filter((p) => !changedHead.has(p) && !removed.has(p) && !renamedAway.has(p));
  const common = readers.readWorkspace(unchanged);

  const headPaths = relevant.filter((f) => f.status !== 'removed' && filter(f.path)).map((f) => f.path);
  const headBytes = await readers.readHead(headPaths);
  const headChanged: InputFile[] = [];
  for (const p of headPaths) {
    const b = headBytes.get(p);
    if (!b) continue;
    const input = toInput(p, b);
    if (input) headChanged.push(input);
  }
  const baseBytes = await readers.readBase(relevant.filter((f) => f.basePath !== null && filter(f.basePath)), headBytes);
  const baseChanged: InputFile[] = [];
  for (const f of relevant) {
    if (!f.basePath || !filter(f.basePath)) continue;
    const b = baseBytes.get(f.basePath);
    if (!b) continue;
    const input = toInput(f.basePath, b);
    if (input) baseChanged.push(input);
  }
  const byPath = (a: InputFile, b: InputFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { head: [...common, ...headChanged].sort(byPath), base: [...common, ...baseChanged].sort(byPath), relevant };
}

export interface PlanOptions {
  loaded: LoadedSettings;
  threads: readonly ExistingThread[];
  maxComments: number;
  runId: string;
  link: (file: string, line: number) => string;
}

export interface ReviewPlan {
  headWorkspace: Workspace;
  headFindings: Finding[];
  classified: Classified;
  /** Findings this review reports (new ones and pre-existing ones on edited lines). */
  reported: Finding[];
  threadPlan: ThreadPlan;
  placement: Placement;
  where: Map<string, 'inline' | 'posted-before' | OutsideReason>;
  newCounts: Counts;
  preExistingCounts: Counts;
}

export function planReview(views: Views, changes: ChangeSet, opts: PlanOptions): ReviewPlan {
  const wsOpts = { defaultNamespace: opts.loaded.config.defaultNamespace ?? undefined };
  const headWorkspace = buildWorkspace(views.head, wsOpts);
  const headFindings = clampToFile(analyze(headWorkspace, { settings: opts.loaded.settings, config: opts.loaded.config }).findings, headWorkspace);
  const baseFindings = analyze(buildWorkspace(views.base, wsOpts), { settings: opts.loaded.settings, config: opts.loaded.config }).findings;
  const classified = classifyFindings(headFindings, baseFindings, changes);
  const reported = [...classified.fresh, ...classified.touchedPreExisting];
  const broken = new Set(headFindings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'unreadable-file' || f.rule === 'input-too-large').map((f) => f.file));
  const inView = new Set(views.head.map((f) => f.path));
  const threadPlan = planThreads(reported, headFindings, opts.threads, (p) => inView.has(p) && !broken.has(p));
  const placement = placeFindings(threadPlan.post, changes, {
    maxComments: opts.maxComments, runId: opts.runId, link: opts.link,
    preExisting: new Set(classified.touchedPreExisting.map((f) => f.fingerprint)),
  });
  const where = new Map<string, 'inline' | 'posted-before' | OutsideReason>();
  for (const f of threadPlan.alreadyPosted) where.set(f.fingerprint, 'posted-before');
  for (const c of placement.inline) where.set(c.finding.fingerprint, 'inline');
  for (const o of placement.outside) where.set(o.finding.fingerprint, o.reason);
  return {
    headWorkspace, headFindings, classified, reported, threadPlan, placement, where,
    newCounts: countBySeverity(classified.fresh), preExistingCounts: countBySeverity(classified.preExisting),
  };
}

/** A parse error at end of file points one line past the last one; comments can only anchor to real lines. */
function clampToFile(findings: Finding[], ws: Workspace): Finding[] {
  const lastLine = new Map(ws.files.map((f) => [f.path, Math.max(1, f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0))]));
  return findings.map((f) => {
    const last = lastLine.get(f.file);
    if (last === undefined || f.line <= last) return f;
    return { ...f, line: last, endLine: Math.max(last, Math.min(f.endLine, last)) };
  });
}
