// Unified diffs the way GitHub's `patch` field shows them (3 lines of context, `@@ -a,b +c,d @@` headers,
// "\ No newline at end of file"), and the parsed hunks the stand-in checks review-comment anchors against.

import { createHash } from 'node:crypto';
import type { PrFile } from './types.js';

const CONTEXT = 3;
/** Appended to a last line without newline so that it differs from the same text with one (as in git). */
const NO_EOL = '\u0000<no-eol>';

/** Lines of a text; `eolAtEnd` false when the last line has no newline. */
function splitLines(text: string | null): { lines: string[]; eolAtEnd: boolean } {
  if (text === null || text === '') return { lines: [], eolAtEnd: true };
  const lines = text.split('\n');
  const eolAtEnd = lines[lines.length - 1] === '';
  if (eolAtEnd) lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return { lines, eolAtEnd };
}

type Op = { kind: ' ' | '-' | '+'; text: string; oldNo: number; newNo: number };

/** Myers' O(ND) diff of two line arrays into an edit script of context/delete/insert operations. */
function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  trace.push(v.slice());
  // Backtrack from (n, m).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', text: a[x]!, oldNo: x + 1, newNo: y + 1 });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      ops.push({ kind: '+', text: b[y]!, oldNo: x, newNo: y + 1 });
    } else {
      x--;
      ops.push({ kind: '-', text: a[x]!, oldNo: x + 1, newNo: y });
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: ' ', text: a[x]!, oldNo: x + 1, newNo: y + 1 });
  }
  ops.reverse();
  // Git shows deletions before insertions inside a change block; Myers' backtrack may interleave them.
  const out: Op[] = [];
  for (let i = 0; i < ops.length;) {
    if (ops[i]!.kind === ' ') {
      out.push(ops[i]!);
      i++;
      continue;
    }
    const dels: Op[] = [];
    const adds: Op[] = [];
    while (i < ops.length && ops[i]!.kind !== ' ') {
      (ops[i]!.kind === '-' ? dels : adds).push(ops[i]!);
      i++;
    }
    out.push(...dels, ...adds);
  }
  return out;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/**
 * A unified-diff patch between two versions of a file, like the `patch` field of GitHub's PR files API:
 * hunks only (no `diff --git`/`---`/`+++` header), 3 lines of context, hunks closer than 2×3 lines merged.
 * `oldText` null = added file, `newText` null = removed file. Returns '' when the texts are equal.
 */
export function patchFromTexts(oldText: string | null, newText: string | null, _path?: string): string {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = diffLines(a.lines, b.lines);
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  // Group changes into hunks.
  const groups: Array<[number, number]> = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] - 1 <= 2 * CONTEXT) last[1] = i;
    else groups.push([i, i]);
  }
  const out: string[] = [];
  for (const [first, last] of groups) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, last + CONTEXT);
    const slice = ops.slice(from, to + 1);
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    const firstOld = slice.find((o) => o.kind !== '+');
    const firstNew = slice.find((o) => o.kind !== '-');
    const oldStart = oldCount === 0 ? slice[0]!.oldNo : firstOld!.oldNo;
    const newStart = newCount === 0 ? slice[0]!.newNo : firstNew!.newNo;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const o of slice) {
      if (o.text.endsWith(NO_EOL))
        out.push(`${o.kind}${o.text.slice(0, -NO_EOL.length)}`, '\\ No newline at end of file');
      else out.push(`${o.kind}${o.text}`);
    }
  }
  return out.join('\n');
}

export interface HunkLine {
  kind: ' ' | '-' | '+';
  /** line number on the LEFT (base) side, for ' ' and '-' */
  oldNo: number | null;
  /** line number on the RIGHT (head) side, for ' ' and '+' */
  newNo: number | null;
  text: string;
  /** 1-based position in the whole patch, counted as GitHub's deprecated `position` (first line below the first @@ = 1) */
  position: number;
}

export interface Hunk {
  header: string;
  /** index of the header line in the patch */
  headerIndex: number;
  lines: HunkLine[];
}

/** Parses a `patch` field into hunks. Throws on a malformed header. */
export function parseHunks(patch: string | undefined): Hunk[] {
  if (!patch) return [];
  const hunks: Hunk[] = [];
  const lines = patch.split('\n');
  let cur: Hunk | undefined;
  let oldNo = 0;
  let newNo = 0;
  lines.forEach((raw, index) => {
    if (raw.startsWith('@@')) {
      const m = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(raw);
      if (!m) throw new Error(`malformed hunk header: ${raw}`);
      oldNo = Number(m[1]);
      newNo = Number(m[3]);
      cur = { header: raw, headerIndex: index, lines: [] };
      hunks.push(cur);
      return;
    }
    if (!cur || raw.startsWith('\\')) return;
    const kind = raw[0] === '+' ? '+' : raw[0] === '-' ? '-' : ' ';
    const text = raw.slice(1);
    if (kind === ' ') cur.lines.push({ kind, oldNo: oldNo++, newNo: newNo++, text, position: index });
    else if (kind === '-') cur.lines.push({ kind, oldNo: oldNo++, newNo: null, text, position: index });
    else cur.lines.push({ kind, oldNo: null, newNo: newNo++, text, position: index });
  });
  // GitHub's `position` counts from the line after the first @@ header (which is position 0).
  const base = hunks[0]?.headerIndex ?? 0;
  for (const h of hunks) for (const l of h.lines) l.position -= base;
  return hunks;
}

/** Index of the hunk holding `line` on `side`, or -1. */
export function hunkIndexOf(hunks: Hunk[], line: number, side: 'LEFT' | 'RIGHT'): number {
  return hunks.findIndex((h) => h.lines.some((l) => (side === 'RIGHT' ? l.newNo === line : l.oldNo === line)));
}

/** GitHub's `diff_hunk` of a review comment: the hunk header and hunk lines up to the commented line. */
export function diffHunkFor(hunks: Hunk[], line: number, side: 'LEFT' | 'RIGHT'): string {
  const h = hunks[hunkIndexOf(hunks, line, side)];
  if (!h) return '';
  const out = [h.header];
  for (const l of h.lines) {
    out.push(`${l.kind}${l.text}`);
    if ((side === 'RIGHT' ? l.newNo : l.oldNo) === line) break;
  }
  return out.join('\n');
}

export function countChanges(patch: string | undefined): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (const h of parseHunks(patch))
    for (const l of h.lines) {
      if (l.kind === '+') additions++;
      else if (l.kind === '-') deletions++;
    }
  return { additions, deletions };
}

/** Git's blob id of a text ("blob <bytes>\0<content>" hashed with SHA-1). */
export function gitBlobSha(text: string): string {
  const buf = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

/**
 * PR files from two trees (path → text): added, removed, modified files with patches; `renames` maps an old path to
 * its new path (status 'renamed', previous_filename, patch of the content change, absent when unchanged).
 * Sorted by path, as GitHub lists them.
 */
export function filesFromTrees(
  base: Record<string, string>,
  head: Record<string, string>,
  opts: { renames?: Record<string, string> } = {},
): PrFile[] {
  const renames = opts.renames ?? {};
  const renamedTo = new Set(Object.values(renames));
  const files: PrFile[] = [];
  for (const [from, to] of Object.entries(renames)) {
    const oldText = base[from] ?? '';
    const newText = head[to] ?? '';
    const patch = patchFromTexts(oldText, newText);
    files.push(withCounts({ filename: to, status: 'renamed', previous_filename: from, ...(patch ? { patch } : {}) }));
  }
  const paths = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const p of paths) {
    if (p in renames || renamedTo.has(p)) continue;
    const a = base[p];
    const b = head[p];
    if (a === b) continue;
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified';
    files.push(withCounts({ filename: p, status, patch: patchFromTexts(a ?? null, b ?? null) }));
  }
  return files.sort((x, y) => (x.filename < y.filename ? -1 : x.filename > y.filename ? 1 : 0));
}

function withCounts(f: PrFile): PrFile {
  const { additions, deletions } = countChanges(f.patch);
  return { ...f, additions, deletions, changes: additions + deletions };
}

/**
 * Where line `line` of `oldText` is in `newText` when that line is unchanged between them (Myers diff), else null —
 * how a review comment follows its line across a push.
 */
export function mapLine(oldText: string, newText: string, line: number): number | null {
  const op = diffLines(splitLines(oldText).lines, splitLines(newText).lines).find(
    (o) => o.kind !== '+' && o.oldNo === line,
  );
  return op && op.kind === ' ' ? op.newNo : null;
}
