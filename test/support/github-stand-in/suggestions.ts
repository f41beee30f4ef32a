// "Commit suggestion" as GitHub's UI does it, so end-to-end tests can check that a posted suggestion really fixes the
// file: the fenced ```suggestion block replaces lines start_line..line (RIGHT side) of the head version.

import type { ReviewComment, StandInState } from './types.js';

/** The replacement text of each ```suggestion block in a comment body (lines joined with '\n', no final newline). */
export function suggestionBlocks(body: string): string[] {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s{0,3}(`{3,}|~{3,})\s*suggestion\s*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const content: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      content.push(lines[j]!);
    }
    if (j >= lines.length) throw new Error('suggestion block is not closed');
    blocks.push(content.join('\n'));
    i = j;
  }
  return blocks;
}

export class SuggestionError extends Error {}

/**
 * Applies the suggestions of the given review comments (default: every comment holding one) to the PR head's files
 * in one batch, as "Add suggestion to batch" + "Commit suggestions" would. Throws SuggestionError where GitHub's UI
 * would refuse: a closed PR, a pending review, a suggestion on a deleted (LEFT) line, on an outdated comment, two suggestions touching one line,
 * a suggestion identical to the current lines, a comment with more than one suggestion block, or a file whose head
 * text the stand-in does not know. Returns the new texts of the changed files (path → text); state is not changed.
 */
export function applySuggestions(state: StandInState, comments?: ReviewComment[]): Record<string, string> {
  const list = (comments ?? state.reviewComments).filter((c) => suggestionBlocks(c.body).length > 0);
  const head = state.pull.head;
  if (state.pull.state === 'closed' || state.pull.merged)
    throw new SuggestionError('suggestions cannot be applied while the pull request is closed');
  const edits = new Map<string, Array<{ from: number; to: number; lines: string[]; id: number }>>();
  for (const c of list) {
    const blocks = suggestionBlocks(c.body);
    if (blocks.length > 1) throw new SuggestionError(`comment ${c.id}: more than one suggestion block`);
    if (c.side !== 'RIGHT' || (c.start_line !== null && c.start_side !== 'RIGHT')) {
      throw new SuggestionError(`comment ${c.id}: suggestions cannot be applied on deleted lines`);
    }
    const review = state.reviews.find((r) => r.id === c.pull_request_review_id);
    if (review?.state === 'PENDING')
      throw new SuggestionError(`comment ${c.id}: suggestions cannot be applied from a pending review`);
    if (c.line === null)
      throw new SuggestionError(`comment ${c.id}: suggestions cannot be applied from an outdated comment`);
    if (c.commit_id !== head.sha) throw new SuggestionError(`comment ${c.id}: suggestion was made on an older commit`);
    const from = c.start_line ?? c.line;
    const lines = blocks[0] === '' ? [] : blocks[0]!.split('\n');
    const arr = edits.get(c.path) ?? [];
    for (const e of arr) {
      if (from <= e.to && c.line >= e.from)
        throw new SuggestionError(
          `comments ${e.id} and ${c.id}: only one suggestion per line can be applied in a batch`,
        );
    }
    arr.push({ from, to: c.line, lines, id: c.id });
    edits.set(c.path, arr);
  }
  const out: Record<string, string> = {};
  for (const [path, arr] of edits) {
    const text = state.contents[head.sha]?.[path] ?? state.contents[head.ref]?.[path];
    if (text === undefined) throw new SuggestionError(`no head text for ${path} in contents[${head.sha}]`);
    const eol = text.endsWith('\n');
    const fileLines = (eol ? text.slice(0, -1) : text).split('\n');
    for (const e of [...arr].sort((a, b) => b.from - a.from)) {
      if (e.to > fileLines.length)
        throw new SuggestionError(`comment ${e.id}: line ${e.to} is past the end of ${path}`);
      const current = fileLines.slice(e.from - 1, e.to);
      if (current.join('\n') === e.lines.join('\n') && e.lines.length === current.length) {
        throw new SuggestionError(
          `comment ${e.id}: this suggestion is invalid because no changes were made to the code`,
        );
      }
      fileLines.splice(e.from - 1, e.to - e.from + 1, ...e.lines);
    }
    out[path] = fileLines.length === 0 ? '' : fileLines.join('\n') + (eol ? '\n' : '');
  }
  return out;
}
