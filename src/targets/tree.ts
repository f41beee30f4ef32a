// The files a check reads, as one interface for the CLI (paths on disk as given) and the review (the repository
// at the PR head or base: the working tree with some files replaced). Targets are built from a SourceTree only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listViewFiles, readViewFile } from '../review/files.js';
import { readByOrigin, type FileOrigin } from '../manifests/load.js';
import type { RealDirectories } from '../manifests/no-follow.js';

export interface SourceTree {
  /** Files under the checked paths, in the tree's path form (as given on the command line, or repository-relative). */
  readonly files: readonly string[];
  /** Where render commands run, and what relative tree paths are relative to. */
  readonly root: string;
  exists(p: string): boolean;
  /** The file's bytes; null when absent; an Error when it cannot be read. */
  read(p: string): Buffer | null | Error;
  /** True when this tree's content of `p` differs from the shared base (a changed file in a review view). */
  overlaid?(p: string): boolean;
  /** The tree path of a file on disk (absolute path), or null when the file is not in the tree. */
  fromDisk(abs: string): string | null;
  /** Every file at or under `p` (a file or a directory), whatever its kind: what a render command may read. */
  listUnder(p: string): string[];
  /** A directory on disk holding these tree files as the tree has them (the disk itself when none differs), and
   *  how to turn a path under it back into a tree path. `release` removes any copy made. */
  onDisk(files: readonly string[]): { dir: string; toTree(abs: string): string | null; release(): void };
}

/** Files at or under `abs` (a file or a directory) on disk, whatever their kind, named by `name`. */
function filesUnder(abs: string, name: (abs: string) => string | null): string[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return [];
  }
  const found = st.isDirectory() ? listViewFiles(abs, () => true).map((rel) => path.join(abs, rel)) : [abs];
  return found.map(name).filter((n): n is string => n !== null);
}

/** Files on disk named as the user gave them: relative to the working directory, or absolute; `memory` holds files
 *  that are not on disk (standard input); `origins` says how each was found (see FileOrigin), which decides whether
 *  a symbolic link is read through. */
export function diskTree(
  files: readonly string[],
  cwd = process.cwd(),
  memory: ReadonlyMap<string, Buffer> = new Map(),
  origins: ReadonlyMap<string, FileOrigin> = new Map(),
): SourceTree {
  const realDirs: RealDirectories = new Set(); // see readUnder: each directory checked once, not once per file
  const readDisk = (p: string): Buffer | null | Error => {
    const origin = origins.get(p);
    if (!origin) return readViewFile(cwd, p, realDirs);
    const r = readByOrigin(
      path.resolve(cwd, p),
      origin.named ? origin : { ...origin, root: path.resolve(cwd, origin.root) },
      realDirs,
    );
    return r.kind === 'file' ? r.bytes : r.kind === 'missing' ? null : new Error(r.reason);
  };
  const onDisk = files.filter((f) => !memory.has(f));
  const absolute = onDisk.length > 0 && onDisk.every((f) => path.isAbsolute(f));
  const fromDisk = (abs: string) => {
    if (absolute) return abs;
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    return rel.startsWith('../') || rel === '..' ? abs : rel || '.';
  };
  return {
    files,
    root: cwd,
    exists: (p) => memory.has(p) || fs.existsSync(path.resolve(cwd, p)),
    read: (p) => memory.get(p) ?? readDisk(p),
    fromDisk,
    listUnder: (p) => filesUnder(path.resolve(cwd, p), fromDisk),
    onDisk: () => ({ dir: cwd, toTree: fromDisk, release: () => {} }),
  };
}

/** Where a repository's files come from: a directory on disk (the working tree), or only a reader (tests). */
export interface TreeBase {
  /** The directory holding the files, for tools that read the disk; null: they get a temporary copy. */
  root: string | null;
  read(p: string): Buffer | null | Error;
}

/** A repository's files (paths relative to the root) with some replaced: `overlay` maps a path to its contents in
 *  this tree (null: absent here; an Error: present but unreadable). Tools that read the disk get a temporary copy when a file they read is overlaid. */
export function overlayTree(
  base: TreeBase,
  files: readonly string[],
  overlay: ReadonlyMap<string, Buffer | null | Error>,
): SourceTree {
  const root = base.root ?? process.cwd();
  const fromDisk = (abs: string) => {
    if (base.root === null) return null;
    const rel = path.relative(base.root, abs).split(path.sep).join('/');
    return rel.startsWith('../') || rel === '..' || path.isAbsolute(rel) ? null : rel;
  };
  const read = (p: string): Buffer | null | Error => (overlay.has(p) ? overlay.get(p)! : base.read(p));
  return {
    files,
    root,
    exists: (p) => {
      const b = read(p);
      return Buffer.isBuffer(b);
    },
    read,
    fromDisk,
    overlaid: (p) => overlay.has(p),
    listUnder: (p) => {
      const under = (q: string) => q === p || q.startsWith(`${p}/`);
      const onDisk =
        base.root !== null
          ? filesUnder(path.join(base.root, p), fromDisk).filter((q) => !overlay.has(q))
          : files.filter(under).filter((q) => !overlay.has(q));
      return [...onDisk, ...[...overlay].filter(([q, b]) => b !== null && under(q)).map(([q]) => q)].sort();
    },
    onDisk: (needed) => {
      if (base.root !== null && !needed.some((p) => overlay.has(p)))
        return { dir: base.root, toTree: fromDisk, release: () => {} };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-tree-'));
      for (const p of needed) {
        if (path.isAbsolute(p) || p.split('/').includes('..')) continue; // outside the repository: not ours to copy
        const b = read(p);
        if (!Buffer.isBuffer(b)) continue;
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.writeFileSync(path.join(dir, p), b);
      }
      return {
        dir,
        toTree: (abs) => {
          const rel = path.relative(dir, abs).split(path.sep).join('/');
          return rel.startsWith('..') ? null : rel;
        },
        release: () => fs.rmSync(dir, { recursive: true, force: true }),
      };
    },
  };
}
