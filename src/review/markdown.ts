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

/** Which resource a comment is about, as a hash of its identity (kind, namespace, name): names are untrusted
 *  text and must not reach a hidden marker as they are. */
export function resourceMarker(r: { kind: string; namespace: string | null; name: string }): string {
  return `<!-- istio-review:res=${resourceKey(r)} -->`;
}

export function resourceKey(r: { kind: string; namespace: string | null; name: string }): string {
  return createHash('sha256').update(`${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}`).digest('hex').slice(0, 16);
}

/** The resource key a comment body carries, or null (file-level findings, comments from older versions). */
export function resourceIn(body: string): string | null {
  return /<!-- istio-review:res=([0-9a-f]{16}) -->/.exec(body)?.[1] ?? null;
}

/** The fingerprints a comment body carries (normally one). */
export function fingerprintsIn(body: string): string[] {
  return [...body.matchAll(/<!-- istio-review:fp=([A-Za-z0-9_.-]+) -->/g)].map((m) => m[1]!);
}

export function hasRunMarker(body: string | null | undefined, runId: string): boolean {
  return typeof body === 'string' && body.includes(runMarker(runId));
}

/** Untrusted text as inline Markdown: no HTML, no @mentions, no #references turning into links to
 *  other issues, no line breaks (so it cannot end a table row or start a block). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    // A zero-width joiner after "@" and "#" keeps GitHub from turning them into mentions or references.
    .replace(/@/g, '@\u200d')
    .replace(/#(?=\w)/g, '#\u200d');
}

/** A code fence longer than any backtick run in `text` (at least three). */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

export function codeBlock(text: string, info = ''): string {
  const fence = fenceFor(text);
  return `${fence}${info}\n${text}${text.length > 0 ? '\n' : ''}${fence}`;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '🛑 **Error**', warning: '⚠️ **Warning**', info: 'ℹ️ **Info**' };

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

export function commentBody(p: CommentParts): string {
  const f = p.finding;
  const who = f.resource ? ` · ${escapeMarkdown(describeResource(f.resource))}` : '';
  const lines = [`${severityLabel(f.severity)} ${ruleLabel(f)}${who}`, '', escapeMarkdown(f.message)];
  // Which deployment targets it occurs in, unless all there is is the loose files.
  if (f.targets && f.targets.length > 0 && !(f.targets.length === 1 && f.targets[0] === LOOSE_TARGET)) {
    lines.push('', `_In ${f.targets.length === 1 ? 'target' : 'targets'} ${escapeMarkdown(inTargets(f.targets))}._`);
  }
  if (p.findingLink) lines.push('', `_Found in ${p.findingLink}; the fix goes here._`);
  if (p.preExisting) lines.push('', '_This problem was already on the base branch; it is shown because this pull request edits its line._');
  if (p.suggestion !== null && f.fix) {
    lines.push('', `Suggested fix (${escapeMarkdown(f.fix.description)}):`, codeBlock(p.suggestion, 'suggestion'));
  } else if (p.otherFix && f.fix) {
    lines.push('', `Fix (${escapeMarkdown(f.fix.description)}) in ${p.otherFix.link}:`, codeBlock(p.otherFix.text, 'yaml'));
  }
  lines.push('', fingerprintMarker(f.fingerprint), ...(f.resource ? [resourceMarker(f.resource)] : []), runMarker(p.runId));
  return lines.join('\n');
}

/** The text a resolved comment gets appended when the thread cannot be resolved. */
export function fixedNote(sha: string): string {
  return `\n\n---\n✅ Fixed in ${sha.replace(/[^0-9a-fA-F]/g, '').slice(0, 40)}.`;
}
