// Trees (path → text) read from directories, for seeding `contents` and computing PR files from two checkouts.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesFromTrees } from './diff.js';
import type { PrFile } from './types.js';

/** Every file under `dir` (repo-relative '/' paths), skipping `.git` and the names in `skip`. Read as UTF-8. */
export function readTree(dir: string, skip: string[] = ['.git', 'node_modules']): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (skip.includes(e.name)) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** PR files between two directories (see filesFromTrees). */
export function filesFromDirs(
  baseDir: string,
  headDir: string,
  opts: { renames?: Record<string, string> } = {},
): PrFile[] {
  return filesFromTrees(readTree(baseDir), readTree(headDir), opts);
}
