// Stage 1 of the review (reviewdog's "filter against the diff"): which lines of a changed file a review
// comment may anchor to. GitHub accepts RIGHT-side anchors only on lines shown in a hunk of the PR diff
// (added lines and the context around them), and a range only inside one hunk.
import parseDiff from 'parse-diff';

/** Lines newStart..newEnd (1-based, inclusive) of the head version, shown in one hunk. */
export interface Hunk {
  start: number;
  end: number;
}

export type ChangeStatus = 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  path: string;
  /** The path at the base (the previous name of a renamed file), null for an added file. */
  basePath: string | null;
  status: ChangeStatus;
  /** Hunks on the RIGHT side; null when the change has no patch (too large, binary): changed, not commentable. */
  hunks: Hunk[] | null;
  /** Lines the PR added or modified (head line numbers). */
  added: Set<number>;
  /** The unified-diff patch (hunks only), when known. */
  patch: string | null;
}

export interface ChangeSet {
  files: ChangedFile[];
  /** True when the file list is known to be incomplete (the files API stops at 3000). */
  truncated: boolean;
}

export interface Chunk {
  newStart: number;
  newLines: number;
  oldStart: number;
  oldLines: number;
  changes: { type: string; content: string; ln?: number; ln1?: number; ln2?: number }[];
}

function chunksOf(patch: string): Chunk[] {
  // The files API gives hunks without file headers; parse-diff needs them to start a file.
  const text = /^(---|diff )/m.test(patch.split('\n', 1)[0] ?? '') ? patch : `--- a/f\n+++ b/f\n${patch}`;
  const files = parseDiff(text);
  return files.flatMap((f) => f.chunks as unknown as Chunk[]);
}

/** Parse a file's patch into its RIGHT-side hunks and added lines. */
export function parsePatch(patch: string): { hunks: Hunk[]; added: Set<number> } {
  return hunksOf(chunksOf(patch));
}

/** The RIGHT-side hunks and added lines of parse-diff chunks (of a files-API patch or of `git diff`). */
export function hunksOf(chunks: readonly Chunk[]): { hunks: Hunk[]; added: Set<number> } {
  const hunks: Hunk[] = [];
  const added = new Set<number>();
  for (const c of chunks) {
    if (c.newLines > 0) hunks.push({ start: c.newStart, end: c.newStart + c.newLines - 1 });
    for (const ch of c.changes) {
      // parse-diff reports "\ No newline at end of file" as a change; it is not a line.
      if (ch.type === 'add' && !ch.content.startsWith('\\') && typeof ch.ln === 'number') added.add(ch.ln);
    }
  }
  return { hunks, added };
}

export function changedFile(
  path: string,
  basePath: string | null,
  status: ChangeStatus,
  patch: string | null | undefined,
): ChangedFile {
  if (patch === null || patch === undefined || patch === '') {
    return { path, basePath, status, hunks: null, added: new Set(), patch: null };
  }
  const { hunks, added } = parsePatch(patch);
  return { path, basePath, status, hunks, added, patch };
}

/** The hunk holding every line start..end, if one does. */
export function hunkContaining(file: ChangedFile | undefined, start: number, end: number): Hunk | null {
  if (!file?.hunks) return null;
  return file.hunks.find((h) => h.start <= start && end <= h.end) ?? null;
}

/** Rebuild the base version of a file from its head text and the patch between them (merge base → head).
 *  Exact for the files API's patches, so no request is needed for a changed file's base text. */
export function reverseApplyPatch(headText: string, patch: string): string | null {
  const eol = headText.includes('\r\n') ? '\r\n' : '\n';
  const headEndsWithNl = headText.endsWith('\n');
  const head = headText.length === 0 ? [] : (headEndsWithNl ? headText.slice(0, -eol.length) : headText).split(/\r?\n/);
  const out: string[] = [];
  let hi = 0; // next head line index (0-based)
  let baseNoNl = false;
  let lastBaseTouched = false;
  let chunks: Chunk[];
  try {
    chunks = chunksOf(patch);
  } catch {
    return null;
  }
  for (const c of chunks) {
    const startIdx = c.newLines === 0 ? c.newStart : c.newStart - 1;
    if (startIdx < hi || startIdx > head.length) return null;
    while (hi < startIdx) out.push(head[hi++]!);
    let prev: string | null = null;
    for (const ch of c.changes) {
      if (ch.content.startsWith('\\')) {
        // "\ No newline at end of file" applies to the line before it.
        if (prev === 'del' || prev === 'normal') baseNoNl = true;
        continue;
      }
      const body = ch.content.slice(1).replace(/\r$/, '');
      if (ch.type === 'normal') {
        if (head[hi] === undefined) return null;
        out.push(head[hi++]!);
      } else if (ch.type === 'add') hi++;
      else if (ch.type === 'del') out.push(body);
      prev = ch.type;
    }
    lastBaseTouched = hi >= head.length;
  }
  while (hi < head.length) {
    out.push(head[hi++]!);
    lastBaseTouched = false;
  }
  const baseEndsWithNl = lastBaseTouched ? !baseNoNl : headEndsWithNl;
  if (out.length === 0) return '';
  return out.join(eol) + (baseEndsWithNl ? eol : '');
}
