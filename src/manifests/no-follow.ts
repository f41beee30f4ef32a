// Reading files of a checkout that a pull request controls, without ever following a symbolic link: a link is its
// link text (what git and the GitHub API store for it), never the file it points at. A link to /dev/zero must not
// become an endless read, and one to a file outside the repository must not reveal that file (or that it exists).
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from './limits.js';

export type NoFollowRead =
  { kind: 'file'; bytes: Buffer } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

/** Directories (absolute or as joined from a root) already found to be real directories, not links: one reader of
 *  many files under the same directories (a whole tree) checks each directory once instead of once per file. */
export type RealDirectories = Set<string>;

/** `rel` (repository-relative, "/"-separated) under `root`: every directory on the way must be a real directory,
 *  the file itself a regular file or a symbolic link (read as its link text). At most `maxBytes` + 1 bytes are
 *  read, so an oversized file is reported as too large without being read whole. `realDirs`: directories already
 *  checked by this reader (see RealDirectories), and where it records the ones it checks. */
export function readUnder(
  root: string,
  rel: string,
  maxBytes = MAX_FILE_BYTES,
  realDirs?: RealDirectories,
): NoFollowRead {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..'))
    return { kind: 'unreadable', reason: `"${rel}" is not a path inside the repository` };
  let dir = root;
  for (const part of parts.slice(0, -1)) {
    dir = path.join(dir, part);
    if (realDirs?.has(dir)) continue;
    let st: fs.Stats;
    try {
      st = fs.lstatSync(dir);
    } catch {
      return { kind: 'missing' };
    }
    if (st.isSymbolicLink())
      return {
        kind: 'unreadable',
        reason: `the directory "${path.relative(root, dir)}" is a symbolic link, which istio-review does not follow`,
      };
    if (!st.isDirectory()) return { kind: 'missing' };
    realDirs?.add(dir);
  }
  return readNoFollow(path.join(root, ...parts), maxBytes);
}

/** One path, its last component not followed when it is a symbolic link. */
export function readNoFollow(file: string, maxBytes = MAX_FILE_BYTES): NoFollowRead {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? { kind: 'missing' }
      : { kind: 'unreadable', reason: (err as Error).message };
  }
  if (st.isSymbolicLink()) {
    try {
      return { kind: 'file', bytes: Buffer.from(fs.readlinkSync(file, { encoding: 'buffer' })) };
    } catch (err) {
      return { kind: 'unreadable', reason: (err as Error).message };
    }
  }
  if (!st.isFile()) return { kind: 'unreadable', reason: 'it is not a regular file (a device, a pipe or a socket)' };
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { kind: 'unreadable', reason: (err as Error).message };
  }
  try {
    const limit = maxBytes + 1;
    const buf = Buffer.allocUnsafe(Math.min(limit, Math.max(st.size, 0) + 1));
    let n = 0;
    let chunk = buf;
    for (;;) {
      if (n === chunk.length) {
        if (chunk.length >= limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(limit, chunk.length * 2));
        chunk.copy(bigger, 0, 0, n);
        chunk = bigger;
      }
      const r = fs.readSync(fd, chunk, n, chunk.length - n, null);
      if (r === 0) break;
      n += r;
    }
    return { kind: 'file', bytes: chunk.subarray(0, n) };
  } catch (err) {
    return { kind: 'unreadable', reason: (err as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}

/** A path given by the user: links followed, but the target must be a regular file, read bounded. */
export function readFollowing(file: string, maxBytes = MAX_FILE_BYTES): NoFollowRead {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? { kind: 'missing' }
      : { kind: 'unreadable', reason: (err as Error).message };
  }
  return readNoFollow(real, maxBytes);
}

/** A changed file of the checkout: its bytes (a link's text for a symbolic link), or null when it cannot be read. */
export function readWorkspaceFile(root: string, rel: string): Buffer | null {
  const r = readUnder(root, rel);
  return r.kind === 'file' ? r.bytes : null;
}

/** True when `rel` exists under `root` as a regular file, without following links. */
export function isRegularFileUnder(root: string, rel: string): boolean {
  try {
    return fs.lstatSync(path.join(root, rel)).isFile();
  } catch {
    return false;
  }
}
