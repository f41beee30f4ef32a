// The caps on what one run parses (MAX_TOTAL_BYTES of text, MAX_TOTAL_DOCUMENTS documents): files past them are
// not parsed, and each says so with an input-too-large finding, so that memory and time stay bounded and
// nothing is left unchecked silently.
import { makeSourceFile } from './source.js';
import { MAX_TOTAL_BYTES, MAX_TOTAL_DOCUMENTS } from './limits.js';
import { documentStarts } from './parse.js';
import type { ParsedFile } from './parallel.js';
import { fileProblem } from './file-problems.js';

export interface Budget {
  maxBytes?: number;
  maxDocuments?: number;
}

/** How many of `files` (in order) fit within the budget together. Documents are counted on the text (linear). */
export function filesWithinBudget(files: readonly { text: string }[], budget: Budget = {}): number {
  const maxBytes = budget.maxBytes ?? MAX_TOTAL_BYTES;
  const maxDocuments = budget.maxDocuments ?? MAX_TOTAL_DOCUMENTS;
  let bytes = 0;
  let documents = 0;
  for (let i = 0; i < files.length; i++) {
    bytes += files[i]!.text.length;
    if (bytes > maxBytes) return i;
    documents += documentStarts(files[i]!.text, maxDocuments - documents).count;
    if (documents > maxDocuments) return i;
  }
  return files.length;
}

/** What a file past the budget reads as: no documents, one error finding at line 1, and no text (not kept, so
 *  that memory stays bounded however many such files there are; the finding needs only line 1). */
export function overBudgetFile(file: { path: string }, budget: Budget = {}): ParsedFile {
  const mib = Math.round((budget.maxBytes ?? MAX_TOTAL_BYTES) / 1048576);
  const documents = (budget.maxDocuments ?? MAX_TOTAL_DOCUMENTS).toLocaleString('en-US');
  return {
    source: makeSourceFile(file.path, ''),
    docs: [],
    problems: [
      fileProblem(
        'input-too-large',
        { messageId: 'runTooLarge', data: { mebibytes: mib, documents } },
        { file: file.path, line: 1 },
      ),
    ],
  };
}
