// Where a finished review goes. One interface with the operations a review publishes, as reviewdog's comment
// writers: the pull request on GitHub (src/github/publisher.ts) and the terminal of `istio-review review`
// (src/review/terminal-publisher.ts). Both runs call them in this order: line comments, summary, annotations,
// outputs.
import type { Finding } from '../types.js';
import type { InlineComment } from './placement.js';
import type { Counts } from './summary.js';

/** How the review ends: `failure` fails the check (or the command's exit status). */
export type Conclusion = 'success' | 'failure' | 'neutral';

/** The outcome every operation after the line comments is given. */
export interface ReviewResult {
  /** Every finding the review reports (new and pre-existing). */
  reported: readonly Finding[];
  newCounts: Counts;
  preExistingCounts: Counts;
  /** New findings at or above fail-on. */
  failing: readonly Finding[];
  conclusion: Conclusion;
}

export interface ReviewPublisher {
  /** The line comments, as one review. Resolves to the comments that could not be posted: the caller lists them in
   *  the summary instead. `reported` is how many findings the review reports in all. */
  lineComments(comments: readonly InlineComment[], reported: number): Promise<readonly InlineComment[]>;
  /** The summary (Markdown). `create` false: only a summary that is already there is updated. */
  summary(markdown: string, create: boolean): Promise<void>;
  /** The findings that are not line comments, as annotations (a check run). Resolves to how many could not be
   *  annotated. */
  annotations(markdown: string, findings: readonly Finding[], result: ReviewResult): Promise<number>;
  /** What the result leaves for whoever ran the review (job summary, step outputs, SARIF; or the chosen output
   *  format) and the exit status. */
  outputs(markdown: string, result: ReviewResult): Promise<void>;
}
