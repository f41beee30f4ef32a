// Manifests read from standard input (`helm template … | istio-review check -`): Helm marks each rendered
// document with `# Source: chart/templates/x.yaml`, and a finding is more useful naming that template than
// `<stdin>`. Documents from one template are gathered into one virtual file; lines count within it.
// Pure. Render targets (targets/helm-origin.ts) split a command's output with the same documentsBySource().

export const STDIN_NAME = '<stdin>';

const SEPARATOR = /^---[ \t]*(?:#.*)?\r?$/;
const SOURCE = /^#[ \t]*Source:[ \t]*(\S.*?)[ \t]*\r?$/;

export interface VirtualFile {
  path: string;
  text: string;
}

/** Rendered output as its documents, each with the `# Source:` among its leading comments (null when none); lines
 *  are kept as they are (a CR of CRLF included). */
export function documentsBySource(text: string): { source: string | null; lines: string[] }[] {
  const docs: { source: string | null; lines: string[] }[] = [];
  let current: { source: string | null; lines: string[] } = { source: null, lines: [] };
  let seenContent = false; // a `# Source:` counts only among the leading comments of a document
  for (const line of text.split('\n')) {
    if (SEPARATOR.test(line)) {
      docs.push(current);
      current = { source: null, lines: [] };
      seenContent = false;
      continue;
    }
    const m = !seenContent && current.source === null ? SOURCE.exec(line) : null;
    if (m) current.source = m[1]!;
    else if (line.trim() !== '' && !line.trimStart().startsWith('#')) seenContent = true;
    current.lines.push(line);
  }
  docs.push(current);
  return docs;
}

/** Split standard input by Helm's `# Source:` comments. Without any, one file named `<stdin>`, unchanged. */
export function splitBySource(text: string): VirtualFile[] {
  const docs = documentsBySource(text);
  if (!docs.some((d) => d.source !== null)) return [{ path: STDIN_NAME, text }];
  const bySource = new Map<string, string[][]>();
  for (const d of docs) {
    if (d.lines.every((l) => l.trim() === '')) continue;
    const key = d.source ?? STDIN_NAME;
    (bySource.get(key) ?? bySource.set(key, []).get(key)!).push(d.lines);
  }
  return [...bySource].map(([path, parts]) => ({
    path,
    text: withFinalNewline(parts.map((p) => trimTrailingBlank(p).join('\n')).join('\n---\n')),
  }));
}

function trimTrailingBlank(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return lines.slice(0, end);
}

function withFinalNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
