// Environment folders: one folder per cluster or environment (clusters/prod, clusters/staging) holding loose files
// that define the same objects. Each folder is applied to its own cluster, never together with its siblings, so each
// is a target of its own: the same names in two of them are not duplicates, and a mesh-wide object (a root-namespace
// Sidecar) in one does not apply to the other's routes. Pure: objects are read through the given function.
import path from 'node:path';
import type { ObjectFacts } from './bundles.js';

export interface EnvironmentSplit {
  /** The directory the environment folders are in ('' for the tree's top). */
  parent: string;
  /** The environment folders, sorted: the children of `parent` that hold a file of an object defined more than once. */
  folders: string[];
  /** The loose files of each folder (in it or below it). */
  filesOf: Map<string, string[]>;
  /** The other loose files under `parent`: shared by the environments (a base/ folder beside them), so they join each. */
  shared: string[];
}

const dirOf = (f: string) => {
  const d = path.posix.dirname(f);
  return d === '.' ? '' : d;
};
const under = (f: string, dir: string) => dir === '' || f.startsWith(`${dir}/`);
/** The child of `dir` that `f` lies in, or null when `f` is directly in `dir`. */
function childOf(f: string, dir: string): string | null {
  const rest = (dir === '' ? f : f.slice(dir.length + 1)).split('/');
  return rest.length > 1 ? (dir === '' ? rest[0]! : `${dir}/${rest[0]}`) : null;
}

function commonDir(dirs: readonly string[]): string {
  let parts = dirs[0]!.split('/');
  for (const d of dirs.slice(1)) {
    const other = d.split('/');
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join('/');
}

/**
 * Whether the `loose` files (those no kustomization, declared target or bundle takes) are environment folders, and
 * which. Conservative: only objects defined in more than one file, in more than one directory, count as evidence, and
 * every such object must be spread over different children of one and the same directory (none of its files directly
 * in that directory). A folder of alternative versions (all in one directory) proves nothing and stays as it is; a
 * repository whose duplicates diverge at different places (a samples or tutorial collection) is not split; one
 * with no object defined twice (app folders referring to each other) is never split.
 */
export function findEnvironmentFolders(
  loose: readonly string[],
  objects: (f: string) => ObjectFacts[],
): EnvironmentSplit | null {
  const definedIn = new Map<string, Set<string>>();
  for (const f of loose)
    for (const o of objects(f)) (definedIn.get(o.id) ?? definedIn.set(o.id, new Set()).get(o.id)!).add(f);
  let parent: string | null = null;
  const folders = new Set<string>();
  for (const files of definedIn.values()) {
    if (files.size < 2) continue;
    const dirs = [...new Set([...files].map(dirOf))];
    if (dirs.length < 2) continue; // alternatives in one folder: a duplicate wherever the folder goes
    const common = dirs.includes('') ? '' : commonDir(dirs);
    if (parent === null) parent = common;
    else if (parent !== common) return null;
    for (const f of files) {
      const child = childOf(f, common);
      if (child === null) return null; // one copy beside the folders, not in one: a base and its variants, not siblings
      folders.add(child);
    }
  }
  if (parent === null || folders.size < 2) return null;
  const sorted = [...folders].sort();
  const filesOf = new Map(sorted.map((d) => [d, loose.filter((f) => under(f, d))]));
  const shared = loose.filter((f) => under(f, parent) && !sorted.some((d) => under(f, d)));
  return { parent, folders: sorted, filesOf, shared };
}
