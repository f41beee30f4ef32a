// GitHub's rules for where a review comment may anchor, and the error texts of its two endpoints.

import { hunkIndexOf, parseHunks, type Hunk } from './diff.js';
import type { PrFile } from './types.js';

export type AnchorProblem = 'path' | 'line' | 'lineRange' | 'blank' | 'sameHunk' | 'precede' | 'position' | 'side';

/** Texts of the reviews endpoint: {"message":"Unprocessable Entity","errors":[text…]}. */
export const REVIEW_TEXT: Record<AnchorProblem, string | string[]> = {
  path: ['Pull request review thread path is invalid', "Pull request review thread diff hunk can't be blank"],
  line: 'Line could not be resolved',
  lineRange: 'Pull request review thread line must be part of the diff',
  blank: "Pull request review thread diff hunk can't be blank",
  sameHunk: 'Pull request review thread start line must be part of the same hunk as the line.',
  precede: 'Pull request review thread start line must precede the end line.',
  position: 'Pull request review thread position is invalid',
  side: 'Pull request review thread side is not included in the list',
};

/** Errors of the single-comment endpoint: {"message":"Validation Failed","errors":[{resource,code,field,message?}…]}. */
export const SINGLE_ERROR: Record<AnchorProblem, Array<{ code: string; field: string; message?: string }>> = {
  path: [
    { code: 'invalid', field: 'pull_request_review_thread.path' },
    { code: 'missing_field', field: 'pull_request_review_thread.diff_hunk' },
  ],
  line: [{ code: 'custom', field: 'pull_request_review_thread.line', message: 'could not be resolved' }],
  lineRange: [
    {
      code: 'custom',
      field: 'pull_request_review_thread.line',
      message: 'pull_request_review_thread.line must be part of the diff',
    },
  ],
  blank: [{ code: 'missing_field', field: 'pull_request_review_thread.diff_hunk' }],
  sameHunk: [
    {
      code: 'custom',
      field: 'pull_request_review_thread.start_line',
      message: 'pull_request_review_thread.start_line must be part of the same hunk as the line.',
    },
  ],
  precede: [
    {
      code: 'custom',
      field: 'pull_request_review_thread.start_line',
      message: 'pull_request_review_thread.start_line must precede the end line.',
    },
  ],
  position: [{ code: 'invalid', field: 'pull_request_review_thread.position' }],
  side: [{ code: 'invalid', field: 'pull_request_review_thread.side' }],
};

export interface CommentAnchor {
  path?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  start_side?: unknown;
  position?: unknown;
}

export interface AnchorResult {
  /** empty when the anchor is valid */
  errors: AnchorProblem[];
  line?: number;
  side?: 'LEFT' | 'RIGHT';
  start_line?: number | null;
  start_side?: 'LEFT' | 'RIGHT' | null;
  hunks?: Hunk[];
}

/**
 * Checks a comment's anchor against its file in the PR (undefined: not in the PR). A `line` on `side` (default RIGHT)
 * must be a line of a hunk on that side (RIGHT: added or context, head numbering; LEFT: deleted or context, base
 * numbering); a range needs start_line < line on the same side and both ends in one hunk; the deprecated `position`
 * counts patch lines below the first hunk header.
 */
export function checkAnchor(file: PrFile | undefined, c: CommentAnchor): AnchorResult {
  if (!file) return { errors: ['path'] };
  const hunks = parseHunks(file.patch);
  let line: number;
  let side: 'LEFT' | 'RIGHT';
  if (c.position !== undefined && c.position !== null && c.line === undefined) {
    const at = hunks.flatMap((h) => h.lines).find((l) => l.position === c.position);
    if (!at) return { errors: ['position'] };
    side = at.kind === '-' ? 'LEFT' : 'RIGHT';
    line = (side === 'LEFT' ? at.oldNo : at.newNo)!;
    return { errors: [], line, side, start_line: null, start_side: null, hunks };
  }
  if (typeof c.line !== 'number') return { errors: ['line'] };
  line = c.line;
  const rawSide = c.side ?? 'RIGHT';
  if (rawSide !== 'LEFT' && rawSide !== 'RIGHT') return { errors: ['side'] };
  side = rawSide;
  const hi = hunkIndexOf(hunks, line, side);
  const hasStart = c.start_line !== undefined && c.start_line !== null;
  if (!hasStart)
    return hi < 0 ? { errors: ['line'] } : { errors: [], line, side, start_line: null, start_side: null, hunks };
  const startLine = c.start_line as number;
  const rawStartSide = c.start_side ?? side;
  if (rawStartSide !== 'LEFT' && rawStartSide !== 'RIGHT') return { errors: ['side'] };
  const startSide = rawStartSide;
  const errors: AnchorProblem[] = [];
  if (hi < 0) errors.push('lineRange', 'blank');
  if (startSide === side && startLine >= line) errors.push('precede');
  else if (hunkIndexOf(hunks, startLine, startSide) !== hi || hi < 0) errors.push('sameHunk');
  return errors.length ? { errors } : { errors, line, side, start_line: startLine, start_side: startSide, hunks };
}
