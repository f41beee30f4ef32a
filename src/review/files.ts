// Which files form the mesh view (the `paths` globs), walking and reading them: the one walker and reader for the
// CLI and the review alike (src/targets/ decodes, parses and renders what they return).
// Files outside `paths` are never read; Helm charts' templates/ are not manifests until rendered.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import {
  isRegularFileUnder,
  readNoFollow,
  readUnder,
  type NoFollowRead,
  type RealDirectories,
} from '../manifests/no-follow.js';

// .github/ holds workflows and repository settings, never cluster objects.
export const DEFAULT_PATHS = [
  '**/*.yaml',
  '**/*.yml',
  '**/*.json',
  '**/Kustomization',
  '!**/node_modules/**',
  '!**/.git/**',
  '!.github/**',
];

export interface PathFilter {
  /** True when a repository-relative path belongs to the mesh view. */
  (relPath: string): boolean;
}

/** Globs (one per line or comma-separated; "!" excludes) → a filter. Paths inside a Helm chart's
 *  templates/ directory are excluded when `isChartDir` says the parent holds a Chart.yaml. */
export function pathFilter(globs: readonly string[], isChartDir: (dir: string) => boolean): PathFilter {
  const inc = globs.filter((g) => g && !g.startsWith('!'));
  const exc = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const isInc = picomatch(inc.length > 0 ? inc : DEFAULT_PATHS.filter((g) => !g.startsWith('!')), { dot: true });
  const isExc = exc.length > 0 ? picomatch(exc, { dot: true }) : () => false;
  return (p: string) => {
    const rel = toPosix(p);
    if (!isInc(rel) || isExc(rel)) return false;
    if (rel.split('/').some((seg) => seg === 'node_modules' || seg === '.git')) return false;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length - 1; i++) {
      if (parts[i] === 'templates' && isChartDir(parts.slice(0, i).join('/') || '.')) return false;
    }
    return true;
  };
}

export function parseGlobs(input: string): string[] {
  return input
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function toPosix(p: string): string {
  return path.posix.normalize(p.split(path.sep).join('/')).replace(/^\.\//, '');
}

export function chartDirOnDisk(root: string): (dir: string) => boolean {
  const cache = new Map<string, boolean>();
  return (dir: string) => {
    let v = cache.get(dir);
    if (v === undefined) {
      v = isRegularFileUnder(root, path.posix.join(dir, 'Chart.yaml'));
      cache.set(dir, v);
    }
    return v;
  };
}

/** Every file under `root` the filter accepts, as sorted repository-relative posix paths. */
export function listViewFiles(root: string, filter: PathFilter): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      // A symbolic link is listed like a file and read as its link text (see readViewFiles), never followed.
      else if ((e.isFile() || e.isSymbolicLink()) && filter(p)) out.push(p);
    }
  };
  walk('');
  return out.sort();
}

/** One file of the working tree: its bytes, null when absent, an Error when it cannot be read (a finding, not a skip).
 *  `relPath` is relative to `root` (or absolute, or outside it, as a CLI argument may be). A symbolic link is read
 *  as its link text, never followed: under `root` no directory on the way may be a link either. */
export function readViewFile(root: string, relPath: string, realDirs?: RealDirectories): Buffer | null | Error {
  const posix = relPath.split(path.sep).join('/');
  const inside = !path.isAbsolute(relPath) && !posix.split('/').includes('..');
  return fromRead(inside ? readUnder(root, posix, undefined, realDirs) : readNoFollow(path.resolve(root, relPath)));
}

function fromRead(r: NoFollowRead): Buffer | null | Error {
  if (r.kind === 'file') return r.bytes;
  return r.kind === 'missing' ? null : new Error(r.reason);
}
