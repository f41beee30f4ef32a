// Comment bodies: what GitHub renders must never let manifest text mention people, inject HTML, or break
// out of a code fence; hidden markers make the bot's own comments findable on the next run.
import { inTargets } from '../output/text.js';
import { LOOSE_TARGET } from '../targets/discover.js';
import type { Finding, Severity } from '../types.js';
import { createHash } from 'node:crypto';
import { describeResource } from '../manifests/resource.js';

export const SUMMARY_MARKER = '<!-- istio-review:summary -->';
export const MAX_BODY = 65_536;

export function fingerprintMarker(fp: string): string {
  return `<!-- istio-review:fp=${fp.replace(/[^A-Za-z0-9_.-]/g, '')} -->`;
}

export function runMarker(runId: string): string {
  return `<!-- istio-review:run=${runId.replace(/[^A-Za-z0-9_.-]/g, '')} -->`;
}

/** The bot's trailing marker line: every marker of a comment, on the comment's last line. */
export function markerLine(markers: readonly string[]): string {
  return markers.join(' ');
}

const MARKER = /<!-- istio-review:([a-z]+)(?:=([A-Za-z0-9_.-]+))? -->/g;
const MARKER_ONLY_LINE = /^(?:\s*<!-- istio-review:[a-z]+(?:=[A-Za-z0-9_.-]+)? -->)+\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The markers of a comment body, read only from its trailing marker line(s) — the last lines that hold nothing
 *  but markers — and only when they are outside a code fence. Marker-like text anywhere else (quoted YAML, a
 *  suggestion, a message) is never read: whoever can put text into a comment cannot make it carry a marker. */
export function trailingMarkers(body: string | null | undefined): { name: string; value: string | null }[] {
  if (typeof body !== 'string') return [];
  const lines = body.replace(/\s+$/, '').split(/\r?\n/);
  let first = lines.length;
  while (first > 0 && MARKER_ONLY_LINE.test(lines[first - 1]!)) first--;
  if (first === lines.length) return [];
  // An unclosed fence before the marker lines would make them part of a code block.
  let fence: string | null = null;
  for (let i = 0; i < first; i++) {
    const m = FENCE.exec(lines[i]!);
    if (!m) continue;
    const run = m[1]!;
    if (fence === null) fence = run;
    else if (run[0] === fence[0] && run.length >= fence.length && lines[i]!.trim() === run) fence = null;
  }
  if (fence !== null) return [];
  return lines.slice(first).flatMap((l) => [...l.matchAll(MARKER)].map((m) => ({ name: m[1]!, value: m[2] ?? null })));
}

/** Which resource a comment is about, as a hash of its identity (kind, namespace, name): names are untrusted
 *  text and must not reach a hidden marker as they are. */
export function resourceMarker(r: { kind: string; namespace: string | null; name: string }): string {
  return `<!-- istio-review:res=${resourceKey(r)} -->`;
}

export function resourceKey(r: { kind: string; namespace: string | null; name: string }): string {
  return createHash('sha256')
    .update(`${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}`)
    .digest('hex')
    .slice(0, 16);
}

/** The resource key a comment body carries, or null (file-level findings, comments from older versions). */
export function resourceIn(body: string): string | null {
  const v = trailingMarkers(body).find((m) => m.name === 'res')?.value ?? null;
  return v !== null && /^[0-9a-f]{16}$/.test(v) ? v : null;
}

/** The fingerprints a comment body carries (normally one). */
export function fingerprintsIn(body: string): string[] {
  return trailingMarkers(body)
    .filter((m) => m.name === 'fp' && m.value !== null)
    .map((m) => m.value!);
}

export function hasRunMarker(body: string | null | undefined, runId: string): boolean {
  const id = runId.replace(/[^A-Za-z0-9_.-]/g, '');
  return trailingMarkers(body).some((m) => m.name === 'run' && m.value === id);
}

export function isSummaryBody(body: string | null | undefined): boolean {
  return trailingMarkers(body).some((m) => m.name === 'summary');
}

/** The sticky summary comment: the summary, then the bot's marker line. */
export function summaryCommentBody(md: string, runId: string): string {
  return `${md}\n\n${markerLine([SUMMARY_MARKER, runMarker(runId)])}`;
}

/** Marker-like text removed from anything quoted into a comment (YAML in a suggestion, a value in a message). */
export function stripMarkers(text: string): string {
  return text.replace(/<!--\s*istio-review[\s\S]*?-->/gi, '');
}

/** Untrusted text as inline Markdown: no HTML, no @mentions, no #references turning into links to
 *  other issues, no line breaks (so it cannot end a table row or start a block). */
export function escapeMarkdown(s: string): string {
  return (
    stripInvisible(s)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      // A zero-width joiner after "@" and "#" keeps GitHub from turning them into mentions or references.
      .replace(/@/g, '@\u200d')
      .replace(/#(?=\w)/g, '#\u200d')
      // Nor a bare URL into a link, nor GH-123 into a link to issue 123.
      .replace(/(https?|ftp)(?=:\/\/)/gi, '$1\u200d')
      .replace(/\b(www)(?=\.)/gi, '$1\u200d')
      .replace(/\b(GH)(?=-\d)/gi, '$1\u200d')
  );
}

/** Bidirectional controls and zero-width characters make text read differently from what it is (a host that looks
 *  like another, a line that hides its end); text from manifests loses them before it is written into a comment. */
export function stripInvisible(s: string): string {
  return s.replace(/[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
}

/** A code fence longer than any backtick run in `text` (at least three). */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function codeBlock(raw: string, info = ''): string {
  const text = stripInvisible(stripMarkers(raw));
  const fence = fenceFor(text);
  return `${fence}${info}\n${text}${text.length > 0 ? '\n' : ''}${fence}`;
}

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '🛑 **Error**',
  warning: '⚠️ **Warning**',
  info: 'ℹ️ **Info**',
};

export function severityLabel(s: Severity): string {
  return SEVERITY_LABEL[s];
}

function ruleLabel(f: Finding): string {
  const code = f.istioCode ? ` · ${escapeMarkdown(f.istioCode)}` : '';
  return `[\`${f.rule.replace(/`/g, '')}\`](${safeUrl(f.docs)})${code}`;
}

/** Only http(s) links, and nothing that can close the Markdown link. */
export function safeUrl(u: string): string {
  return /^https?:\/\/[^\s()<>"]+$/.test(u) ? u : '#';
}

export interface CommentParts {
  finding: Finding;
  /** Replacement text for the anchored lines, when the comment carries a suggestion. */
  suggestion: string | null;
  /** A fix that could not be a suggestion (outside the diff), shown as a plain block with its location. */
  otherFix?: { link: string; text: string } | null;
  runId: string;
  preExisting?: boolean;
  /** Where the finding itself is, when the comment sits elsewhere (on its fix in another file). */
  findingLink?: string | null;
}

/** Room for one comment's parts, so that no value a manifest holds can push a body past GitHub's limit (a refused
 *  body would send every line comment of the review to the summary). */
const MAX_MESSAGE = 8_000;
const MAX_LABEL = 1_000;
const MAX_FIX_BLOCK = 40_000;

/** At most `max` characters, cut at a character boundary, saying it was cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function commentBody(p: CommentParts): string {
  const f = p.finding;
  const who = f.resource ? ` · ${clip(escapeMarkdown(describeResource(f.resource)), MAX_LABEL)}` : '';
  const lines = [
    `${severityLabel(f.severity)} ${ruleLabel(f)}${who}`,
    '',
    clip(escapeMarkdown(f.message), MAX_MESSAGE),
  ];
  // Which deployment targets it occurs in, unless all there is is the loose files.
  if (f.targets && f.targets.length > 0 && !(f.targets.length === 1 && f.targets[0] === LOOSE_TARGET)) {
    lines.push(
      '',
      `_In ${f.targets.length === 1 ? 'target' : 'targets'} ${clip(escapeMarkdown(inTargets(f.targets)), MAX_LABEL)}._`,
    );
  }
  if (p.findingLink) lines.push('', `_Found in ${p.findingLink}; the fix goes here._`);
  if (p.preExisting)
    lines.push(
      '',
      '_This problem was already on the base branch; it is shown because this pull request edits its line._',
    );
  const description = f.fix ? clip(escapeMarkdown(f.fix.description), MAX_LABEL) : '';
  if (p.suggestion !== null && f.fix) {
    const block = codeBlock(p.suggestion, 'suggestion');
    if (block.length <= MAX_FIX_BLOCK) lines.push('', `Suggested fix (${description}):`, block);
    else lines.push('', `Suggested fix (${description}): too long to show as a suggestion; see the rule's page.`);
  } else if (p.otherFix && f.fix) {
    const block = codeBlock(p.otherFix.text, 'yaml');
    lines.push(
      '',
      `Fix (${description}) in ${p.otherFix.link}${block.length <= MAX_FIX_BLOCK ? `:\n${block}` : ' (too long to show here).'}`,
    );
  }
  lines.push(
    '',
    markerLine([
      fingerprintMarker(f.fingerprint),
      ...(f.resource ? [resourceMarker(f.resource)] : []),
      runMarker(p.runId),
    ]),
  );
  return lines.join('\n');
}

/** The text a resolved comment gets when the thread cannot be resolved. */
export function fixedNote(sha: string): string {
  return `\n\n---\n✅ Fixed in ${sha.replace(/[^0-9a-fA-F]/g, '').slice(0, 40)}.`;
}

/** The bot's comment with the fixed note added above its trailing marker line (which must stay last). */
export function withFixedNote(body: string, sha: string): string {
  const lines = body.replace(/\s+$/, '').split('\n');
  let first = lines.length;
  while (first > 0 && MARKER_ONLY_LINE.test(lines[first - 1]!)) first--;
  return `${lines.slice(0, first).join('\n').replace(/\s+$/, '')}${fixedNote(sha)}\n\n${lines.slice(first).join('\n')}`;
}
