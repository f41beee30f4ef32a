// Stage 4: where each finding goes. Inline with a suggestion when the fix's whole line range lies in one
// hunk; inline without one when only the finding's line is in the diff; otherwise the summary and an
// annotation. Every anchor is validated against the hunks here, before anything is posted.
import type { Finding, Severity } from '../types.js';
import { reachesThreshold, SEVERITY_RANK } from '../types.js';
import { hunkContaining, type ChangeSet, type ChangedFile } from './diff.js';
import { commentBody } from './markdown.js';

export interface InlineComment {
  path: string;
  /** Last line of the range (RIGHT side). */
  line: number;
  /** First line, only when it precedes `line`. */
  startLine?: number;
  body: string;
  finding: Finding;
  suggestion: boolean;
}

/** `below-level`: less severe than `comment-level`, so summary and annotation only, by choice. */
export type OutsideReason = 'outside-diff' | 'not-in-pr' | 'no-patch' | 'over-limit' | 'rejected' | 'below-level';

export interface Outside {
  finding: Finding;
  reason: OutsideReason;
}

export interface Placement {
  inline: InlineComment[];
  outside: Outside[];
}

export interface PlacementOptions {
  maxComments: number;
  runId: string;
  /** Markdown link to a file and line (for fixes that live outside the diff). */
  link: (file: string, line: number) => string;
  preExisting?: ReadonlySet<string>;
  /** Only findings at least this severe get a line comment (default: every finding). */
  commentLevel?: Severity;
}

export function bySeverity(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line
  );
}

export function placeFindings(findings: readonly Finding[], changes: ChangeSet, opts: PlacementOptions): Placement {
  const files = new Map<string, ChangedFile>(changes.files.map((f) => [f.path, f]));
  const out: Placement = { inline: [], outside: [] };
  const anchored = new Set<string>(); // one comment per line range, so suggestions never overlap
  for (const f of [...findings].sort(bySeverity)) {
    if (opts.commentLevel && !reachesThreshold(f.severity, opts.commentLevel)) {
      out.outside.push({ finding: f, reason: 'below-level' });
      continue;
    }
    const pre = opts.preExisting?.has(f.fingerprint) ?? false;
    const c = anchorFor(f, files);
    if ('reason' in c) {
      out.outside.push({ finding: f, reason: c.reason });
      continue;
    }
    if (out.inline.length >= opts.maxComments) {
      out.outside.push({ finding: f, reason: 'over-limit' });
      continue;
    }
    const key = `${c.path}:${c.startLine ?? c.line}-${c.line}`;
    let { suggestion } = c;
    if (suggestion && anchored.has(key)) suggestion = false;
    anchored.add(key);
    const fix = f.fix;
    const body = commentBody({
      finding: f,
      runId: opts.runId,
      preExisting: pre,
      suggestion: suggestion && fix ? fix.text : null,
      otherFix: !suggestion && fix ? { link: opts.link(fix.file, fix.startLine), text: fix.text } : null,
      findingLink: suggestion && fix && fix.file !== f.file ? opts.link(f.file, f.line) : null,
    });
    if (suggestion && fix) {
      out.inline.push({
        path: fix.file,
        line: fix.endLine,
        ...(fix.startLine < fix.endLine ? { startLine: fix.startLine } : {}),
        body,
        finding: f,
        suggestion: true,
      });
    } else {
      out.inline.push({
        path: f.file,
        line: c.line,
        ...(c.startLine !== undefined ? { startLine: c.startLine } : {}),
        body,
        finding: f,
        suggestion: false,
      });
    }
  }
  return out;
}

type Anchor = { path: string; line: number; startLine?: number; suggestion: boolean } | { reason: OutsideReason };

function anchorFor(f: Finding, files: Map<string, ChangedFile>): Anchor {
  const fix = f.fix;
  if (
    fix &&
    fix.startLine >= 1 &&
    fix.endLine >= fix.startLine &&
    hunkContaining(files.get(fix.file), fix.startLine, fix.endLine)
  ) {
    return {
      path: fix.file,
      line: fix.endLine,
      ...(fix.startLine < fix.endLine ? { startLine: fix.startLine } : {}),
      suggestion: true,
    };
  }
  const cf = files.get(f.file);
  if (!cf) return { reason: 'not-in-pr' };
  if (!cf.hunks) return { reason: 'no-patch' };
  if (!hunkContaining(cf, f.line, f.line)) return { reason: 'outside-diff' };
  return { path: f.file, line: f.line, suggestion: false };
}

/** Re-check an anchor against the hunks (the last guard before posting). */
export function anchorIsValid(c: InlineComment, changes: ChangeSet): boolean {
  const cf = changes.files.find((f) => f.path === c.path);
  const start = c.startLine ?? c.line;
  if (c.startLine !== undefined && c.startLine >= c.line) return false;
  return hunkContaining(cf, start, c.line) !== null;
}
