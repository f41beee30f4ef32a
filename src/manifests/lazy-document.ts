// A document kept as its value alone, with everything that needs its YAML nodes (lines, offsets for findings,
// nodes for fixes) computed on first use, from the yaml library — only for the documents where something needs
// it (those with findings). Most documents never get a finding.
import { isMap, isPair, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { lineOf, type SourceFile } from './source.js';
import { decodePositions, type DocPositions } from './locate.js';
import type { Json } from './resource.js';
import type { ParsedDocument } from './parsed-document.js';

/** The YAML nodes of a file's documents by number, parsed on first use and then kept. (Objects, not closures: one
 *  is kept for every file read.) */
export interface NodesOnce {
  of(index: number): Document.Parsed<ParsedNode>;
}

type ParseYaml = (text: string) => Document.Parsed<ParsedNode>[];

/** Every document of the file, parsed together on first use. */
export function nodesOnce(source: SourceFile, parse: ParseYaml): NodesOnce {
  return new WholeFileNodes(source, parse);
}

class WholeFileNodes implements NodesOnce {
  readonly #source: SourceFile;
  readonly #parse: ParseYaml;
  #docs: Document.Parsed<ParsedNode>[] | null = null;

  constructor(source: SourceFile, parse: ParseYaml) {
    this.#source = source;
    this.#parse = parse;
  }

  of(index: number): Document.Parsed<ParsedNode> {
    return (this.#docs ??= this.#parse(this.#source.text))[index]!;
  }
}

/** One document at a time: its own text (from its `---` line to the next) parsed on first use, its offsets then
 *  moved to where it stands in the file. For files the fast path read (fast-load.ts: no directives, no `...`, no
 *  empty documents), where documents are exactly the stretches between `---` lines (the first stretch joining the
 *  second when it holds only comments). Anything unexpected parses the whole file instead. */
export function documentNodesOnce(source: SourceFile, parse: ParseYaml): NodesOnce {
  return new DocumentByDocumentNodes(source, parse);
}

class DocumentByDocumentNodes implements NodesOnce {
  readonly #source: SourceFile;
  readonly #parse: ParseYaml;
  #whole: WholeFileNodes | null = null;
  #docs: Map<number, Document.Parsed<ParsedNode>> | null = null;
  #starts: number[] | null = null;

  constructor(source: SourceFile, parse: ParseYaml) {
    this.#source = source;
    this.#parse = parse;
  }

  of(index: number): Document.Parsed<ParsedNode> {
    const docs = (this.#docs ??= new Map<number, Document.Parsed<ParsedNode>>());
    let doc = docs.get(index);
    if (doc) return doc;
    const text = this.#source.text;
    const starts = (this.#starts ??= documentStarts(text));
    const from = starts[index];
    const to = starts[index + 1] ?? text.length;
    const parsed = from === undefined ? [] : this.#parse(text.slice(from, to));
    doc =
      parsed.length === 1 && parsed[0]!.errors.length === 0
        ? shift(parsed[0]!, from!)
        : (this.#whole ??= new WholeFileNodes(this.#source, this.#parse)).of(index);
    docs.set(index, doc);
    return doc;
  }
}

/** Offsets where the text's documents start: 0, then every `---` line (unless nothing but comments and blank
 *  lines come before the first one: that `---` then opens the first document). */
function documentStarts(text: string): number[] {
  const starts = [0];
  let content = false;
  for (let i = 0; i < text.length;) {
    let nl = text.indexOf('\n', i);
    if (nl === -1) nl = text.length;
    if (text.startsWith('---', i) && (nl - i === 3 || /[ \t\r]/.test(text[i + 3]!))) {
      if (content) starts.push(i);
      content = true;
    } else if (!content && !/^[ \t\r]*(#|$)/.test(text.slice(i, nl))) {
      content = true;
    }
    i = nl + 1;
  }
  return starts;
}

/** Moves every range in a document parsed from a slice of the file by `by` characters. */
function shift(doc: Document.Parsed<ParsedNode>, by: number): Document.Parsed<ParsedNode> {
  if (by === 0) return doc;
  const move = (r: [number, number, number] | null | undefined) => {
    if (r) {
      r[0] += by;
      r[1] += by;
      r[2] += by;
    }
  };
  move(doc.range);
  const stack: unknown[] = doc.contents ? [doc.contents] : [];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n || typeof n !== 'object' || seen.has(n)) continue;
    seen.add(n);
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    move((n as Node).range);
    if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
  return doc;
}

/** Lines of a document as parse.ts reports them: from its contents' first line to its last. */
export function documentLines(
  src: SourceFile,
  doc: Document.Parsed<ParsedNode>,
): { startLine: number; endLine: number } {
  const contentStart = doc.contents?.range?.[0] ?? doc.range[0];
  return { startLine: lineOf(src, contentStart), endLine: lineOf(src, Math.max(contentStart, doc.range[1] - 1)) };
}

/** A document from its value and index, with what else is known (lines and offsets when it was read by the yaml
 *  library, in a worker or here; nothing when js-yaml read it). */
export function lazyDocument(
  src: SourceFile,
  nodes: NodesOnce,
  d: { value: Json; index: number; startLine?: number; endLine?: number },
  positions?: DocPositions | string,
): ParsedDocument {
  return new LazyDocument(src, nodes, d, positions);
}

/** A class, its getters on the prototype: an object literal with getters costs a closure per getter and a
 *  dictionary of properties per document. */
class LazyDocument implements ParsedDocument {
  value: Json;
  index: number;
  nodesLater: boolean;
  readonly #src: SourceFile;
  readonly #nodes: NodesOnce;
  #lines: { startLine: number; endLine: number } | undefined;
  /** Offsets as encodePositions() wrote them, until first decoded. */
  #positions: DocPositions | string | undefined;

  constructor(
    src: SourceFile,
    nodes: NodesOnce,
    d: { value: Json; index: number; startLine?: number; endLine?: number },
    positions?: DocPositions | string,
  ) {
    this.value = d.value;
    this.index = d.index;
    this.nodesLater = positions === undefined;
    this.#src = src;
    this.#nodes = nodes;
    this.#lines =
      d.startLine !== undefined && d.endLine !== undefined ? { startLine: d.startLine, endLine: d.endLine } : undefined;
    this.#positions = positions;
  }

  get startLine(): number {
    return this.#linesOnce().startLine;
  }
  get endLine(): number {
    return this.#linesOnce().endLine;
  }
  get positions(): DocPositions | undefined {
    if (typeof this.#positions === 'string') this.#positions = decodePositions(this.#positions);
    return this.#positions;
  }
  get doc(): Document.Parsed<ParsedNode> {
    return this.#nodes.of(this.index);
  }

  #linesOnce(): { startLine: number; endLine: number } {
    return (this.#lines ??= documentLines(this.#src, this.#nodes.of(this.index)));
  }
}
