// Finds the lines of a field inside a YAML document, so a finding points at the offending field.
// When the field is absent (the finding is about something missing), the nearest existing ancestor is used.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { lineOf, type SourceFile } from './source.js';
import type { Path } from './resource.js';

export interface Span {
  line: number;
  endLine: number;
  /** False when the path does not exist and the span is that of an ancestor. */
  found: boolean;
}

/** The YAML node at `path`, with the map pair that holds it (when reached through a key). */
export function nodeAt(doc: Document.Parsed<ParsedNode>, path: Path): { node: Node | null; keyNode: Node | null; depth: number } {
  let node: Node | null = doc.contents as Node | null;
  let keyNode: Node | null = null;
  let depth = 0;
  for (const seg of path) {
    if (node && isAlias(node)) node = node.resolve(doc) ?? null;
    if (!node) break;
    let next: Node | null = null;
    let nextKey: Node | null = null;
    if (isMap(node) && typeof seg === 'string') {
      for (const pair of node.items) {
        const k = pair.key;
        const keyValue = isScalar(k) ? k.value : k;
        if (keyValue === seg || (isScalar(k) && String(k.value) === seg)) {
          next = (pair.value as Node | null) ?? null;
          nextKey = (k as Node | null) ?? null;
          if (next === null && nextKey) { keyNode = nextKey; depth++; return { node: null, keyNode, depth }; }
          break;
        }
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      next = isPair(item) ? ((item.value as Node | null) ?? null) : ((item as Node | undefined) ?? null);
    }
    if (!next) break;
    node = next;
    keyNode = nextKey;
    depth++;
  }
  return { node: depth === path.length ? node : node, keyNode, depth };
}

export function locate(doc: Document.Parsed<ParsedNode>, src: SourceFile, path: Path): Span {
  const { node, keyNode, depth } = nodeAt(doc, path);
  const found = depth === path.length;
  const start = keyNode?.range?.[0] ?? node?.range?.[0];
  if (start === undefined) {
    const line = lineOf(src, doc.contents?.range?.[0] ?? doc.range[0]);
    return { line, endLine: line, found: false };
  }
  // range[1] is the end of the value proper; block collections may end after a newline, so step back one.
  const end = node?.range?.[1] ?? keyNode?.range?.[1] ?? start;
  const line = lineOf(src, start);
  const endLine = Math.max(line, lineOf(src, Math.max(start, trimEnd(src.text, end) - 1)));
  // For an absent field we point at the ancestor's first line only: its body is not the problem.
  return found ? { line, endLine, found } : { line, endLine: line, found };
}

/** Offset just after the last non-whitespace character before `end`. */
function trimEnd(text: string, end: number): number {
  let e = Math.min(end, text.length);
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
