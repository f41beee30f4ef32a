// From a render command's output back to the templates. `helm template` writes `# Source: <chart>/templates/<file>`
// above each object; an object maps to that template file, and a field to the template line whose text is the
// rendered line's text (templates are mostly literal YAML with a few expressions). No fix is offered: the
// rendered value may come from values files or expressions, not from the template text. Pure.
import { makeSourceFile, type SourceFile } from '../manifests/source.js';
import { documentsBySource } from '../manifests/stdin-split.js';
import { parseManifestFile, type FileProblem } from '../manifests/parse.js';
import { resourcesOf } from '../manifests/identity.js';
import { locateIn } from '../manifests/locate.js';
import type { Path, Resource } from '../manifests/resource.js';

export interface TemplateReader {
  /** The tree file a `# Source:` path names (chart name, then the path inside the chart); null when not found. */
  resolve(sourcePath: string): string | null;
  text(treePath: string): string | null;
}

export interface MappedRender {
  resources: Resource[];
  files: SourceFile[];
  problems: FileProblem[];
}

/** Rendered output as its documents that hold content, each with the `# Source:` it starts with. */
function splitDocuments(text: string): { source: string | null; text: string }[] {
  return documentsBySource(text)
    .map((d) => ({ source: d.source, lines: d.lines.map((l) => l.replace(/\r$/, '')) }))
    .filter((d) => d.lines.some((l) => l.trim() !== '' && !l.trimStart().startsWith('#')))
    .map((d) => ({ source: d.source, text: `${d.lines.join('\n')}\n` }));
}

export function mapRenderedOutput(
  text: string,
  command: string,
  reader: TemplateReader,
  opts: { defaultNamespace?: string },
): MappedRender {
  const resources: Resource[] = [];
  const files = new Map<string, SourceFile>();
  const problems: FileProblem[] = [];
  const label = `(output of ${command})`;
  for (const part of splitDocuments(text)) {
    const templatePath = part.source ? reader.resolve(part.source) : null;
    const templateText = templatePath ? reader.text(templatePath) : null;
    const src = makeSourceFile(templatePath ?? part.source ?? label, part.text);
    const parsed = parseManifestFile(src);
    const ids = resourcesOf(src, parsed.docs, { configDefault: opts.defaultNamespace });
    if (templatePath && templateText !== null) files.set(templatePath, makeSourceFile(templatePath, templateText));
    const renderedLines = part.text.split('\n');
    const templateLines = templateText?.split(/\r?\n/) ?? [];
    const aligned = align(renderedLines, templateLines);
    for (const r of ids.resources) {
      const file = templatePath ?? part.source ?? label;
      r.origin = {
        locate: (p: Path) => {
          const span = locateIn(r, r.file, [...r.basePath, ...p]);
          // The nearest rendered line at or above the field that matches a template line.
          for (let l = span.line; l >= 1; l--) {
            const t = aligned.get(l);
            if (t !== undefined) return { file, line: t, endLine: t };
          }
          return { file, line: 1, endLine: 1 };
        },
        fixAt: () => null,
      };
      resources.push(r);
    }
  }
  return { resources, files: [...files.values()], problems };
}

/** Rendered line (1-based) → template line (1-based), matching trimmed text in order. */
function align(rendered: string[], template: string[]): Map<number, number> {
  const out = new Map<number, number>();
  const norm = (s: string) => s.trim();
  let from = 0;
  rendered.forEach((line, i) => {
    const t = norm(line);
    if (t === '' || t.startsWith('#') || t === '---') return;
    for (let j = from; j < template.length; j++) {
      if (norm(template[j]!) === t) {
        out.set(i + 1, j + 1);
        from = j + 1;
        return;
      }
    }
  });
  return out;
}
