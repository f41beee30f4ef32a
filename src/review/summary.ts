// Stage 5 (text): the sticky summary comment, also written to the job summary. Bounded by GitHub's
// 65,536-character body limit: rows are added while they fit, then a note says what was left out.
import { LOOSE_TARGET } from '../targets/discover.js';
import type { Finding, Severity } from '../types.js';
import { SEVERITY_RANK } from '../types.js';
import { describeResource } from '../manifests/resource.js';
import { escapeMarkdown, severityLabel, MAX_BODY, safeUrl } from './markdown.js';
import type { OutsideReason } from './placement.js';

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
  /** Where this run's line comments sit (fingerprint → file and line): the summary shows that line. */
  anchors?: ReadonlyMap<string, Anchor>;
  /** YAML files in the view that are plainly not Kubernetes objects (counted, not reported). */
  notManifests?: number;
}

export interface Anchor {
  path: string;
  line: number;
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
  'below-level': 'below comment-level',
};

/** Findings by fingerprint, merged: the same problem found in several targets is one row naming them. */
interface Row {
  finding: Finding;
  targets: string[];
  /** What the row shows and links: the comment's anchor when there is one, else the finding. */
  at: Anchor;
  where: string;
}

/** Findings carry the targets they were found in (see src/targets/analyze.ts). */
type WithTargets = Finding & { targets?: readonly string[] };

function rowsOf(s: SummaryInput): Row[] {
  const byFp = new Map<string, Row>();
  for (const f of s.reported as readonly WithTargets[]) {
    const row = byFp.get(f.fingerprint);
    if (row) {
      for (const t of f.targets ?? []) if (!row.targets.includes(t)) row.targets.push(t);
      continue;
    }
    const where = s.where.get(f.fingerprint) ?? 'outside-diff';
    const anchor = where === 'inline' ? s.anchors?.get(f.fingerprint) : undefined;
    byFp.set(f.fingerprint, {
      finding: f,
      targets: [...(f.targets ?? [])],
      at: anchor ?? { path: f.file, line: f.line },
      where,
    });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...byFp.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      cmp(a.at.path, b.at.path) ||
      a.at.line - b.at.line ||
      cmp(a.finding.rule, b.finding.rule),
  );
}

const TABLE_HEAD =
  '| Severity | Resource | Where | Rule | Problem | Placement |\n| --- | --- | --- | --- | --- | --- |';

function rowText(r: Row, link: SummaryInput['link']): string {
  const f = r.finding;
  const resource = f.resource ? escapeMarkdown(describeResource(f.resource)) : '—';
  // The loose files alone are no target worth naming (a repository without kustomizations or declared targets).
  const named = r.targets.length === 1 && r.targets[0] === LOOSE_TARGET ? [] : r.targets;
  const targets =
    named.length > 0 ? ` (${named.length === 1 ? 'target' : 'targets'}: ${named.map(escapeMarkdown).join(', ')})` : '';
  return `| ${severityLabel(f.severity)} | ${resource}${targets} | [${escapeMarkdown(r.at.path)}:${r.at.line}](${safeUrl(link(r.at.path, r.at.line))}) | \`${f.rule.replace(/`/g, '')}\` | ${escapeMarkdown(f.message)} | ${WHERE_TEXT[r.where] ?? ''} |`;
}

export function summaryMarkdown(s: SummaryInput): string {
  const max = s.maxChars ?? MAX_BODY - 200; // room for the run marker appended by the Action
  const rows = rowsOf(s);
  const loud = rows.filter((r) => r.where !== 'below-level');
  const quiet = rows.filter((r) => r.where === 'below-level');
  const counts = countBySeverity(rows.map((r) => r.finding));
  const head: string[] = ['## istio-review', ''];
  const at = `at ${s.headSha.slice(0, 7)}`;
  const incomplete = s.incomplete ?? [];
  if (incomplete.length > 0) {
    head.push(
      `⚠️ **Review incomplete** (${at}): istio-review could not see all of this pull request, so it cannot say it is clear.`,
    );
    for (const why of incomplete) head.push(`- ${escapeMarkdown(why)}`);
    if (rows.length > 0)
      head.push('', `**${plural(rows.length, 'new finding')}** in what it could see: ${countsText(counts)}.`);
  } else if (rows.length === 0)
    head.push(`✅ **All clear**: this pull request adds no Istio configuration problems (checked ${at}).`);
  else if (loud.length === 0)
    head.push(
      `✅ **No new problems** that need a comment (checked ${at}); ${plural(quiet.length, 'note')} below the comment level, in the collapsed section.`,
    );
  else head.push(`**${plural(rows.length, 'new finding')}**: ${countsText(counts)} (${at}).`);
  const pre = s.preExisting.error + s.preExisting.warning + s.preExisting.info;
  if (pre > 0)
    head.push(
      '',
      `Pre-existing problems left alone (already on the base branch, on lines this PR does not edit): ${countsText(s.preExisting)}.`,
    );
  if (s.resolved > 0) head.push('', `${plural(s.resolved, 'earlier comment')} marked fixed.`);
  for (const n of s.notes) head.push('', n);
  const notInline = loud.filter((r) => r.where !== 'inline' && r.where !== 'posted-before').length;
  if (notInline > 0)
    head.push(
      '',
      `${plural(notInline, 'finding')} could not be placed as a line comment; they are listed below${s.notAnnotated < notInline ? ' and annotated in the check run' : ''}.`,
    );
  if (s.notAnnotated > 0)
    head.push(
      '',
      `${plural(s.notAnnotated, 'finding')} could not be annotated (annotation limit or missing permission); this table is the full list.`,
    );
  const skipped = s.notManifests ?? 0;
  if (skipped > 0)
    head.push(
      '',
      `${plural(skipped, 'YAML file')} under \`paths\` ${skipped === 1 ? 'is' : 'are'} not Kubernetes objects (workflows, Helm values, kustomizations, tool configs) and ${skipped === 1 ? 'was' : 'were'} not checked.`,
    );

  const tail = `\n${s.runUrl ? `<sub>[istio-review run](${safeUrl(s.runUrl)})</sub>` : ''}`;
  let text = head.join('\n');
  let left = 0;
  // Rows are added while they fit; what is left is counted (the check run and the log have every finding).
  const budget = () => max - text.length - tail.length - 300;
  const table = (list: readonly Row[], close = '') => {
    let body = `\n\n${TABLE_HEAD}`;
    let shown = 0;
    for (const r of list) {
      const line = `\n${rowText(r, s.link)}`;
      if (body.length + line.length + close.length > budget()) break;
      body += line;
      shown++;
    }
    left += list.length - shown;
    text += body;
  };
  if (loud.length > 0) table(loud);
  if (quiet.length > 0 && budget() > 500) {
    const levels = [...new Set(quiet.map((r) => r.finding.severity))].join(' and ');
    text += `\n\n<details><summary>${plural(quiet.length, 'finding')} below the comment level (${levels}): no line comment, annotated in the check run</summary>`;
    table(quiet, '\n\n</details>');
    text += '\n\n</details>';
  } else {
    left += quiet.length;
  }
  if (left > 0)
    text += `\n\n_…and ${left} more not shown: the comment would exceed GitHub's size limit. The check run and the job log list every finding._`;
  text += `\n${tail}`;
  return text.length > max ? text.slice(0, max) : text;
}
