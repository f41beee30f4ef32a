// How a message shows a value from a manifest: in double quotes, with JSON's escapes, so an empty string, spaces or
// a quote inside stay visible. (Markdown and mention escaping happen later, where the text is written to GitHub.)
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
