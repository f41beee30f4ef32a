// Applies line-replacement fixes to a file's text, as GitHub applies suggestions: whole lines out, text in.
import type { Fix } from '../types.js';

export interface ApplyResult {
  text: string;
  applied: Fix[];
  /** Fixes skipped because they overlap one applied before them (apply again to pick them up). */
  skipped: Fix[];
}

/** Apply fixes to one file's raw text (BOM and line endings preserved). Overlapping fixes: first by line wins. */
export function applyFixes(raw: string, fixes: readonly Fix[]): ApplyResult {
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const body = hasBom ? raw.slice(1) : raw;
  const eol = /\r\n/.test(body) ? '\r\n' : '\n';
  const lines = body.split(/\r?\n/);
  const sorted = [...fixes].sort((a, b) => a.startLine - b.startLine || a.endLine - b.endLine);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let lastEnd = 0;
  for (const f of sorted) {
    if (f.startLine <= lastEnd || f.startLine < 1 || f.endLine > lines.length || f.endLine < f.startLine) {
      skipped.push(f);
      continue;
    }
    if (applied.some((a) => a.startLine === f.startLine && a.endLine === f.endLine && a.text === f.text)) continue;
    applied.push(f);
    lastEnd = f.endLine;
  }
  // Replace from the bottom up so earlier line numbers stay valid.
  for (const f of [...applied].reverse()) {
    lines.splice(f.startLine - 1, f.endLine - f.startLine + 1, ...f.text.split('\n'));
  }
  return { text: (hasBom ? '\ufeff' : '') + lines.join(eol), applied, skipped };
}
