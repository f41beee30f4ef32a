// Text from manifests is untrusted. Before it reaches a log line it must not carry control characters
// or start a GitHub workflow command (`::set-output`, `::add-mask`, …).

/** One log line: control characters shown as escapes, so a value cannot break the line or forge a command. */
export function sanitizeForLog(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => (c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** A full line for the log: sanitized, and never starting with "::" (a workflow command). */
export function logLine(s: string): string {
  const clean = sanitizeForLog(s);
  return /^\s*::/.test(clean) ? ` ${clean.replace(/^(\s*)::/, '$1:\u200b:')}` : clean;
}
