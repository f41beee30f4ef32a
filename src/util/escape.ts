// Text from manifests is untrusted. Before it reaches a log line it must not carry control characters
// (terminal escapes, line breaks, bidirectional overrides that make a line read differently than it is)
// or start a GitHub workflow command (`::set-output`, `::add-mask`, the legacy `##[...]` form).

// C0 controls, DEL, C1 controls (U+0080–U+009F: 8-bit CSI/NEL), zero-width and bidirectional formatting
// characters, line/paragraph separators and stray byte-order marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** One log line: unsafe characters shown as \uXXXX escapes, so a value cannot break the line, recolour the
 *  terminal or hide text. A tab becomes a space. */
export function sanitizeForLog(s: string): string {
  return s.replace(UNSAFE, (c) => (c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A full line for the log: sanitized, and never starting (after blanks) with "::" or "##[" (workflow commands). */
export function logLine(s: string): string {
  const clean = sanitizeForLog(s);
  if (/^\s*::/.test(clean)) return ` ${clean.replace(/^(\s*)::/, '$1:\u200b:')}`;
  if (/^\s*##\[/.test(clean)) return ` ${clean.replace(/^(\s*)##\[/, '$1#\u200b#[')}`;
  return clean;
}
