// `istio-review review`'s publisher: the review the Action would post, written to the terminal in the chosen
// format (text: each line comment, then the summary; json: one object; sarif: the reported findings).
import type { Finding } from '../types.js';
import { toSarif } from '../output/sarif.js';
import { ALL_RULES } from '../rules/index.js';
import { VERSION } from '../version.js';
import { sanitizeForLog } from '../util/escape.js';
import type { InlineComment, Outside } from './placement.js';
import type { ReviewPublisher, ReviewResult } from './publisher.js';

export interface TerminalTarget {
  format: 'text' | 'json' | 'sarif';
  write: (s: string) => void;
  /** The merge base and the commit reviewed, and the base as the user named it. */
  mergeBase: string;
  head: string;
  baseName: string;
  /** Where the findings that are not line comments went, and why (the json format lists them). */
  outside: readonly Outside[];
}

export class TerminalPublisher implements ReviewPublisher {
  private comments: readonly InlineComment[] = [];
  private summaryText = '';
  /** The command's exit status, once the outputs are written: 1 when a new finding reaches fail-on. */
  exitCode = 0;

  constructor(private readonly to: TerminalTarget) {}

  /** Kept for the output: a terminal takes every comment. */
  async lineComments(comments: readonly InlineComment[], _reported: number): Promise<readonly InlineComment[]> {
    this.comments = comments;
    return [];
  }

  async summary(markdown: string, _create: boolean): Promise<void> {
    this.summaryText = markdown;
  }

  /** A terminal has no annotations: those findings are in the summary (and the json output's `outside`). */
  async annotations(_markdown: string, _findings: readonly Finding[], _result: ReviewResult): Promise<number> {
    return 0;
  }

  async outputs(_markdown: string, result: ReviewResult): Promise<void> {
    const { format, write: out, mergeBase, head } = this.to;
    const summary = this.summaryText;
    if (format === 'json') {
      out(
        JSON.stringify(
          {
            base: mergeBase,
            head,
            comments: this.comments.map((c) => ({
              path: c.path,
              line: c.line,
              startLine: c.startLine ?? null,
              suggestion: c.suggestion,
              body: c.body,
              rule: c.finding.rule,
              fingerprint: c.finding.fingerprint,
            })),
            outside: this.to.outside.map((o) => ({ reason: o.reason, finding: o.finding })),
            counts: { new: result.newCounts, preExisting: result.preExistingCounts },
            summary,
          },
          null,
          2,
        ) + '\n',
      );
    } else if (format === 'sarif') {
      out(JSON.stringify(toSarif(result.reported, ALL_RULES, VERSION), null, 2) + '\n');
    } else {
      out(
        `Review of ${head.slice(0, 12)} against ${mergeBase.slice(0, 12)} (merge base with ${sanitizeForLog(this.to.baseName)}): ` +
          `${this.comments.length} line comment(s)\n\n`,
      );
      for (const c of this.comments) {
        const where = c.startLine !== undefined ? `${c.path}:${c.startLine}-${c.line}` : `${c.path}:${c.line}`;
        out(`── ${sanitizeForLog(where)} ${'─'.repeat(Math.max(3, 60 - where.length))}\n${printable(c.body)}\n\n`);
      }
      out(`── summary ${'─'.repeat(55)}\n${printable(summary)}\n`);
    }
    this.exitCode = result.failing.length > 0 ? 1 : 0;
  }
}

/** Drop the hidden markers and any control character, keep line breaks. */
function printable(body: string): string {
  return body
    .split('\n')
    .filter((l) => !/^<!-- istio-review:/.test(l))
    .map((l) => sanitizeForLog(l))
    .join('\n')
    .trimEnd();
}
