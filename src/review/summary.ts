// Stage 5 (text): the sticky summary comment, also written to the job summary. Bounded by GitHub's
// 65,536-character body limit: rows are added while they fit, then a note says what was left out.
import type { Finding, Severity } from '../types.js';
import { escapeMarkdown, severityLabel, MAX_BODY, safeUrl } from './markdown.js';
import type { OutsideReason } from './placement.js';
import { bySeverity } from './placement.js';

export type Counts = Record<Severity, number>;

export function countBySeverity(fs: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
}

export interface SummaryInput {
  /** New findings (and pre-existing ones on edited lines). */
  reported: readonly Finding[];
  /** Where each reported finding went: fingerprint → 'inline' | 'posted-before' | reason. */
  where: ReadonlyMap<string, 'inline' | 'posted-before' | OutsideReason>;
  preExisting: Counts;
  resolved: number;
  /** Findings not annotated (annotation limits or no permission). */
  notAnnotated: number;
  notes: string[];
  /** Why the review did not see every change; the summary then never says "all clear". */
  incomplete?: readonly string[];
  link: (file: string, line: number) => string;
  headSha: string;
  runUrl: string | null;
  maxChars?: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function countsText(c: Counts): string {
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.info, 'info')}`;
}

const WHERE_TEXT: Record<string, string> = {
  inline: 'review comment',
  'posted-before': 'earlier comment',
  'outside-diff': 'outside the diff',
  'not-in-pr': 'file not in this PR',
  'no-patch': 'no diff shown',
  'over-limit': 'over the comment limit',
  rejected: 'rejected by GitHub',
};

export function summaryMarkdown(s: SummaryInput): string {
  const max = s.maxChars ?? MAX_BODY - 200; // room for the run marker appended by the Action
  const counts = countBySeverity(s.reported);
  const total = s.reported.length;
  const head: string[] = ['## istio-review', ''];
  const incomplete = s.incomplete ?? [];
  if (incomplete.length > 0) {
    head.push(`⚠️ **Review incomplete** (at ${s.headSha.slice(0, 7)}): istio-review could not see all of this pull request, so it cannot say it is clear.`);
    for (const why of incomplete) head.push(`- ${escapeMarkdown(why)}`);
    if (total > 0) head.push('', `**${plural(total, 'new finding')}** in what it could see: ${countsText(counts)}.`);
  } else if (total === 0) head.push(`✅ **All clear**: this pull request adds no Istio configuration problems (checked at ${s.headSha.slice(0, 7)}).`);
  else head.push(`**${plural(total, 'new finding')}**: ${countsText(counts)} (at ${s.headSha.slice(0, 7)}).`);
  const pre = s.preExisting.error + s.preExisting.warning + s.preExisting.info;
  if (pre > 0) head.push('', `Pre-existing problems left alone (already on the base branch, on lines this PR does not edit): ${countsText(s.preExisting)}.`);
  if (s.resolved > 0) head.push('', `${plural(s.resolved, 'earlier comment')} marked fixed.`);
  for (const n of s.notes) head.push('', n);

  const rows: string[] = [];
  const sorted = [...s.reported].sort(bySeverity);
  for (const f of sorted) {
    const where = WHERE_TEXT[s.where.get(f.fingerprint) ?? 'outside-diff'] ?? '';
    rows.push(`| ${severityLabel(f.severity)} | [${escapeMarkdown(f.file)}:${f.line}](${safeUrl(s.link(f.file, f.line))}) | \`${f.rule.replace(/`/g, '')}\` | ${escapeMarkdown(f.message)} | ${where} |`);
  }
  const notInline = sorted.filter((f) => { const w = s.where.get(f.fingerprint); return w !== 'inline' && w !== 'posted-before'; }).length;
  if (notInline > 0) head.push('', `${plural(notInline, 'finding')} could not be placed as a line comment; they are listed below${s.notAnnotated < notInline ? ' and annotated in the check run' : ''}.`);
  if (s.notAnnotated > 0) head.push('', `${plural(s.notAnnotated, 'finding')} could not be annotated (annotation limit or missing permission); this table is the full list.`);

  const tail: string[] = ['', s.runUrl ? `<sub>[istio-review run](${safeUrl(s.runUrl)})</sub>` : ''];
  let text = head.join('\n');
  if (rows.length > 0) {
    const tableHead = '\n\n| Severity | Where | Rule | Problem | Placement |\n| --- | --- | --- | --- | --- |';
    const tailText = tail.join('\n');
    const reserve = 200 + tailText.length;
    let body = tableHead;
    let shown = 0;
    for (const r of rows) {
      if (text.length + body.length + r.length + 1 + reserve > max) break;
      body += `\n${r}`;
      shown++;
    }
    text += body;
    if (shown < rows.length) text += `\n\n_…and ${rows.length - shown} more not shown: the comment would exceed GitHub's size limit. The check run and the job log list every finding._`;
    text += `\n${tailText}`;
  } else {
    text += `\n${tail.join('\n')}`;
  }
  return text.length > max ? text.slice(0, max) : text;
}
