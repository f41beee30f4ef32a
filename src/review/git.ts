// Reading history with git (the I/O edge of the review): merge base, file contents at a commit, diffs.
import { execFileSync, spawnSync } from 'node:child_process';
import parseDiff from 'parse-diff';
import { hunksOf, type ChangeSet, type ChangedFile, type ChangeStatus } from './diff.js';

export class Git {
  constructor(readonly cwd: string) {}

  private run(args: string[], input?: string): string {
    return execFileSync('git', ['-c', 'core.quotepath=false', ...args], {
      cwd: this.cwd,
      encoding: 'utf8',
      input,
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  private ok(args: string[]): boolean {
    return spawnSync('git', args, { cwd: this.cwd, stdio: 'ignore' }).status === 0;
  }

  topLevel(): string | null {
    try {
      return this.run(['rev-parse', '--show-toplevel']).trim() || null;
    } catch {
      return null;
    }
  }

  isRepo(): boolean {
    return this.ok(['rev-parse', '--is-inside-work-tree']);
  }

  hasCommit(sha: string): boolean {
    return /^[0-9a-zA-Z^~._/-]+$/.test(sha) && this.ok(['cat-file', '-e', `${sha}^{commit}`]);
  }

  headSha(): string | null {
    try {
      return this.run(['rev-parse', 'HEAD']).trim();
    } catch {
      return null;
    }
  }

  revParse(ref: string): string | null {
    try {
      return this.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim() || null;
    } catch {
      return null;
    }
  }

  mergeBase(a: string, b: string): string | null {
    try {
      return this.run(['merge-base', a, b]).trim() || null;
    } catch {
      return null;
    }
  }

  /** Contents of many files at one commit; null for a path absent there (or not a file: a submodule, a directory).
   *  Paths go to git NUL-separated (`ls-tree -z`), and `cat-file --batch` is asked for object ids only, so a file
   *  name holding a newline cannot shift the answers; each answer is checked against the object requested, and a
   *  mismatch is an error, never a silently missing file. A symbolic link is its link text, as git stores it. */
  readAt(sha: string, paths: readonly string[]): Map<string, Buffer | null> {
    const out = new Map<string, Buffer | null>();
    if (paths.length === 0) return out;
    if (!/^[0-9a-zA-Z^~._/-]+$/.test(sha)) throw new Error(`not a commit: ${sha}`);
    const tree = this.lsTree(sha);
    const wanted: { path: string; oid: string }[] = [];
    for (const p of paths) {
      const e = tree.get(p);
      if (!e || e.type !== 'blob') out.set(p, null);
      else wanted.push({ path: p, oid: e.oid });
    }
    if (wanted.length === 0) return out;
    const res = spawnSync('git', ['cat-file', '--batch'], {
      cwd: this.cwd,
      input: wanted.map((w) => `${w.oid}\n`).join(''),
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`git cat-file failed: ${res.stderr.toString().slice(0, 200)}`);
    const buf = res.stdout;
    let pos = 0;
    for (const w of wanted) {
      const nl = buf.indexOf(10, pos);
      const header = nl < 0 ? '' : buf.subarray(pos, nl).toString('utf8');
      const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
      if (!m || m[1] !== w.oid || m[2] !== 'blob')
        throw new Error(`git cat-file answered "${header.slice(0, 80)}" for ${w.oid} (${JSON.stringify(w.path)})`);
      const size = Number(m[3]);
      const start = nl + 1;
      if (start + size > buf.length || buf[start + size] !== 10)
        throw new Error(`git cat-file: short answer for ${w.oid}`);
      out.set(w.path, Buffer.from(buf.subarray(start, start + size)));
      pos = start + size + 1;
    }
    return out;
  }

  /** Every entry of a commit's tree (recursively), by exact path. */
  private lsTree(sha: string): Map<string, { type: string; oid: string }> {
    const res = spawnSync('git', ['ls-tree', '-r', '-z', '--full-tree', sha], {
      cwd: this.cwd,
      maxBuffer: 1024 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`git ls-tree failed: ${res.stderr.toString().slice(0, 200)}`);
    const out = new Map<string, { type: string; oid: string }>();
    for (const rec of res.stdout.toString('utf8').split('\0')) {
      const tab = rec.indexOf('\t');
      if (tab < 0) continue;
      const [, type, oid] = rec.slice(0, tab).split(' ');
      if (type && oid) out.set(rec.slice(tab + 1), { type, oid });
    }
    return out;
  }

  /** Every file path in a commit's tree (repository-relative). */
  filesAt(sha: string): string[] {
    return this.run(['ls-tree', '-r', '--name-only', '-z', sha])
      .split('\0')
      .filter((p) => p.length > 0);
  }

  /** Paths whose working-tree state differs from HEAD: modified, staged, deleted or untracked. */
  uncommittedPaths(): string[] {
    const entries = this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all']).split('\0');
    const out: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.length < 4) continue;
      out.push(e.slice(3));
      if (e[0] === 'R' || e[0] === 'C') i++; // the entry after a rename or copy is its original path
    }
    return out;
  }

  /** The change set between two commits, as the PR files API would describe it. */
  diff(base: string, head: string): ChangeSet {
    const text = this.run(['diff', '--no-color', '--no-ext-diff', '-M', '-U3', base, head]);
    return changeSetFromUnifiedDiff(text);
  }
}

export function changeSetFromUnifiedDiff(text: string): ChangeSet {
  const files: ChangedFile[] = [];
  for (const f of parseDiff(text)) {
    const to = f.to && f.to !== '/dev/null' ? unquoteGitPath(f.to) : null;
    const from = f.from && f.from !== '/dev/null' ? unquoteGitPath(f.from) : null;
    const status: ChangeStatus = f.new
      ? 'added'
      : f.deleted
        ? 'removed'
        : from && to && from !== to
          ? 'renamed'
          : 'modified';
    const p = to ?? from;
    if (!p) continue;
    const { hunks, added } = hunksOf(f.chunks);
    const binary = f.chunks.length === 0 && status !== 'renamed';
    files.push({
      path: p,
      basePath: status === 'added' ? null : (from ?? p),
      status,
      hunks: binary && status !== 'added' && status !== 'removed' ? null : hunks,
      added,
      patch: null,
    });
  }
  return { files, truncated: false };
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** git writes a path with special characters (a newline, a tab, a quote, a backslash) C-quoted; parse-diff removes
 *  the quotes but keeps the escapes. Any backslash in a name therefore comes from quoting: undo it, bytes first
 *  (octal escapes are UTF-8 bytes), so the name matches the files API's and the working tree's. */
export function unquoteGitPath(p: string): string {
  if (!p.includes('\\')) return p;
  const bytes: number[] = [];
  const chars = [...p]; // code points, so a character outside the BMP is not split
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== '\\' || i + 1 >= chars.length) {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = chars[i + 1]!;
    const oct = /^[0-7]{3}/.exec(chars.slice(i + 1, i + 4).join(''));
    if (oct) {
      bytes.push(parseInt(oct[0], 8));
      i += 3;
      continue;
    }
    const esc = Object.hasOwn(C_ESCAPES, next) ? C_ESCAPES[next] : undefined;
    if (esc !== undefined) {
      bytes.push(esc);
      i++;
      continue;
    }
    bytes.push(92);
  }
  return Buffer.from(bytes).toString('utf8');
}
