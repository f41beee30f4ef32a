// Reads a manifest file into YAML documents with positions, as Kubernetes would read it:
// YAML 1.1 scalars (yes/on are booleans), duplicate keys rejected, `kind: List` expanded by the caller.
// Never throws: whatever cannot be read becomes a FileProblem naming the file and line.
import { parseAllDocuments, type Document, type ParsedNode } from 'yaml';
import { lineOf, type SourceFile } from './source.js';
import type { Json } from './resource.js';

export interface ParsedDocument {
  doc: Document.Parsed<ParsedNode>;
  value: Json;
  startLine: number;
  endLine: number;
  /** Position of this document among all documents of the file (parseYamlDocuments order). */
  index?: number;
}

/** Something wrong with a file or document before it is a resource at all. */
export interface FileProblem {
  rule: 'yaml-syntax' | 'duplicate-key' | 'template-not-checked' | 'not-a-manifest' | 'unreadable-file';
  message: string;
  file: string;
  line: number;
  endLine: number;
}

/** Aliases allowed per document before it is treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

// A Go/Helm template action where YAML expects structure: at a line start, or as an unquoted value.
const TEMPLATE_ACTION = /^[ \t]*(?:-[ \t]+)?(?:[^\s#:'"][^:#]*:[ \t]+)?\{\{/m;

export function parseManifestFile(src: SourceFile): { docs: ParsedDocument[]; problems: FileProblem[] } {
  const docs: ParsedDocument[] = [];
  const problems: FileProblem[] = [];
  const problem = (rule: FileProblem['rule'], message: string, line: number, endLine = line) =>
    problems.push({ rule, message, file: src.path, line, endLine });

  const template = TEMPLATE_ACTION.exec(src.text);
  if (template) {
    const line = lineOf(src, template.index + template[0].length - 2);
    problem('template-not-checked', 'This file holds template syntax ({{ … }}), so it is not a manifest yet: render it and check the output. Not checked.', line);
    return { docs, problems };
  }

  let parsed: Document.Parsed<ParsedNode>[];
  try {
    parsed = parseYamlDocuments(src.text);
  } catch (err) {
    problem('yaml-syntax', `The YAML parser gave up on this file (${shortError(err)}); nothing in it was checked.`, 1);
    return { docs, problems };
  }

  for (let index = 0; index < parsed.length; index++) {
    const doc = parsed[index]!;
    const contentStart = doc.contents?.range?.[0] ?? doc.range[0];
    const startLine = lineOf(src, contentStart);
    const endLine = lineOf(src, Math.max(contentStart, doc.range[1] - 1));
    if (doc.errors.length > 0) {
      const reported = new Set<string>();
      for (const e of doc.errors.slice(0, 5)) {
        let line = lineOf(src, e.pos[0]);
        // An unterminated quote is detected at the end of the file; point at where the string opened.
        if (/closing quote|Missing closing/i.test(e.message)) line = unterminatedQuoteLine(src, contentStart) ?? line;
        // Every duplicate key is worth its own finding; after the first syntax error the rest is noise.
        const key = e.code === 'DUPLICATE_KEY' ? `dup:${line}` : 'syntax';
        if (reported.has(key)) continue;
        reported.add(key);
        if (e.code === 'DUPLICATE_KEY') {
          problem('duplicate-key', `Duplicate key: kubectl apply rejects this document ("mapping key already defined"). Keep one of the entries. ${firstLine(e.message)}`, line);
        } else {
          problem('yaml-syntax', `YAML syntax error: ${firstLine(e.message)}. The whole document is skipped, so nothing in it was checked.`, line);
        }
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document (only comments, or a stray `---`)
    let value: Json;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Json;
    } catch (err) {
      const msg = shortError(err);
      const why = /alias/i.test(msg)
        ? `It expands too many aliases (more than ${MAX_ALIAS_COUNT}; an "alias bomb" can take the API server down).`
        : `It cannot be read: ${msg}.`;
      problem('yaml-syntax', `${why} The document is skipped.`, startLine, endLine);
      continue;
    }
    docs.push({ doc, value, startLine, endLine, index });
  }
  return { docs, problems };
}

/** The YAML documents of a text, exactly as parseManifestFile reads them (the same options, so a file parsed
 *  again later — e.g. for positions after a worker thread read its values — yields the same nodes). */
export function parseYamlDocuments(text: string): Document.Parsed<ParsedNode>[] {
  const parsed = parseAllDocuments(text, { version: '1.1', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }) as Document.Parsed<ParsedNode>[];
  return Array.isArray(parsed) ? parsed : [];
}

/** The first line from `from` on where a quoted scalar opens and does not close on the same line. */
function unterminatedQuoteLine(src: SourceFile, from: number): number | null {
  const lines = src.text.slice(from).split('\n');
  const first = lineOf(src, from);
  for (let i = 0; i < lines.length; i++) {
    const m = /(?:^|[:\-,[{]\s*)(["'])/.exec(lines[i]!.replace(/\s#.*$/, ''));
    if (!m) continue;
    const q = m[1]!;
    const rest = lines[i]!.slice(m.index + m[0].length);
    const closed = q === '"' ? /(^|[^\\])"/.test(rest) || rest.startsWith('"') : rest.replace(/''/g, '').includes("'");
    if (!closed) return first + i;
  }
  return null;
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function shortError(err: unknown): string {
  if (err instanceof RangeError) return 'nested too deeply';
  return firstLine(err instanceof Error ? err.message : String(err));
}
