// Reading history with git (the I/O edge of the review): merge base, file contents at a commit, diffs.
import { execFileSync, spawnSync } from 'node:child_process';
import parseDiff from 'parse-diff';
import type { ChangeSet, ChangedFile, ChangeStatus, Hunk } from './diff.js';

export class Git {
  constructor(readonly cwd: string) {}

  private run(args: string[], input?: string): string {
    return execFileSync('git', ['-c', 'core.quotepath=false', ...args], {
      cwd: this.cwd, encoding: 'utf8', input, maxBuffer: 512 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  private ok(args: string[]): boolean {
    return spawnSync('git', args, { cwd: this.cwd, stdio: 'ignore' }).status === 0;
  }

  topLevel(): string | null {
    try { return this.run(['rev-parse', '--show-toplevel']).trim() || null; } catch { return null; }
  }

  isRepo(): boolean { return this.ok(['rev-parse', '--is-inside-work-tree']); }

  hasCommit(sha: string): boolean { return /^[0-9a-zA-Z^~._/-]+$/.test(sha) && this.ok(['cat-file', '-e', `${sha}^{commit}`]); }

  headSha(): string | null {
    try { return this.run(['rev-parse', 'HEAD']).trim(); } catch { return null; }
  }

  revParse(ref: string): string | null {
    try { return this.run(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).trim() || null; } catch { return null; }
  }

  mergeBase(a: string, b: string): string | null {
    try { return this.run(['merge-base', a, b]).trim() || null; } catch { return null; }
  }

  /** Contents of many files at one commit in one `git cat-file --batch`; null for a path absent there. */
  readAt(sha: string, paths: readonly string[]): Map<string, Buffer | null> {
    const out = new Map<string, Buffer | null>();
    if (paths.length === 0) return out;
    const res = spawnSync('git', ['cat-file', '--batch'], {
      cwd: this.cwd, input: paths.map((p) => `${sha}:${p}\n`).join(''), maxBuffer: 1024 * 1024 * 1024,
    });
    if (res.status !== 0) throw new Error(`git cat-file failed: ${res.stderr.toString().slice(0, 200)}`);
    const buf = res.stdout;
    let pos = 0;
    for (const p of paths) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) { out.set(p, null); continue; }
      const header = buf.subarray(pos, nl).toString('utf8');
      pos = nl + 1;
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
      if (!m) { out.set(p, null); continue; }
      const size = Number(m[2]);
      out.set(p, m[1] === 'blob' ? Buffer.from(buf.subarray(pos, pos + size)) : null);
      pos += size + 1;
    }
    return out;
  }

  /** Every file path in a commit's tree (repository-relative). */
  filesAt(sha: string): string[] {
    return this.run(['ls-tree', '-r', '--name-only', '-z', sha]).split('\0').filter((p) => p.length > 0);
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
    const to = f.to && f.to !== '/dev/null' ? f.to : null;
    const from = f.from && f.from !== '/dev/null' ? f.from : null;
    const status: ChangeStatus = f.new ? 'added' : f.deleted ? 'removed' : from && to && from !== to ? 'renamed' : 'modified';
    const p = to ?? from;
    if (!p) continue;
    const hunks: Hunk[] = [];
    const added = new Set<number>();
    for (const c of f.chunks) {
      if (c.newLines > 0) hunks.push({ start: c.newStart, end: c.newStart + c.newLines - 1 });
      for (const ch of c.changes) if (ch.type === 'add' && !ch.content.startsWith('\\')) added.add(ch.ln);
    }
    const binary = f.chunks.length === 0 && status !== 'renamed';
    files.push({ path: p, basePath: status === 'added' ? null : from ?? p, status, hunks: binary && status !== 'added' && status !== 'removed' ? null : hunks, added, patch: null });
  }
  return { files, truncated: false };
}
