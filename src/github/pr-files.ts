// A pull request's changed files and their base versions when the files API and the checkout do not give them.
import { reverseApplyPatch, type ChangeSet, type ChangedFile } from '../review/diff.js';
import type { Git } from '../review/git.js';
import { logLine } from '../util/escape.js';
import { messageOf, type GitHubApi } from './api.js';

/** Past the files API's cap and without git history: the changed paths are those whose blob differs between the
 *  merge base's tree and the head's (no patch: commentable nowhere, but reviewed and reported). */
export async function completeFromTrees(
  api: GitHubApi,
  listed: ChangeSet,
  baseSha: string,
  headSha: string,
): Promise<{ changes: ChangeSet; mergeBase: string | null; added: number; problem: string | null }> {
  const fail = (why: string) => ({
    changes: listed,
    mergeBase: null,
    added: 0,
    problem: `GitHub listed only ${listed.files.length} of this pull request's changed files, and the rest could not be found another way (${why}). Files past that point were not reviewed.`,
  });
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
    files.push({
      path: p,
      basePath: before === undefined ? null : p,
      status: before === undefined ? 'added' : 'modified',
      hunks: null,
      added: new Set(),
      patch: null,
    });
    added++;
  }
  for (const p of baseTree.keys()) {
    if (known.has(p) || headTree.has(p)) continue;
    files.push({ path: p, basePath: p, status: 'removed', hunks: null, added: new Set(), patch: null });
    added++;
  }
  return { changes: { files, truncated: false }, mergeBase, added, problem: null };
}

export async function readBaseVersions(
  files: readonly ChangedFile[],
  head: ReadonlyMap<string, Buffer | null>,
  src: { git: Git; mergeBase: string | null; api: GitHubApi | null; baseSha: string },
): Promise<Map<string, Buffer | null>> {
  const out = new Map<string, Buffer | null>();
  if (src.mergeBase)
    return src.git.readAt(
      src.mergeBase,
      files.map((f) => f.basePath!),
    );
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
    missing.forEach((f, i) => {
      const t = blobs.get(exprs[i]!);
      out.set(f.basePath!, t === null || t === undefined ? null : Buffer.from(t, 'utf8'));
    });
  }
  return out;
}
