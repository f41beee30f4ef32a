// How a message shows a value from a manifest: in double quotes, with JSON's escapes, so an empty string, spaces or
// a quote inside stay visible. (Markdown and mention escaping happen later, where the text is written to GitHub.)
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A manifest value as text, unquoted: a scalar as String() writes it, a mapping or list as JSON (never
 *  "[object Object]", which says nothing about what was written). */
export function valueText(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
