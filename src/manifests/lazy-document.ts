// A document kept as its value alone, with everything that needs its YAML nodes (lines, offsets for findings,
// nodes for fixes) computed on first use, from the file parsed again by the yaml library — once per file, and
// only for the files where something needs it (those with findings). Most documents never get a finding.
import type { Document, ParsedNode } from 'yaml';
import { lineOf, type SourceFile } from './source.js';
import { decodePositions, type DocPositions } from './locate.js';
import type { Json } from './resource.js';
import type { ParsedDocument } from './parse.js';

/** The file's YAML documents, parsed again on first use and then kept. */
export type NodesOnce = () => Document.Parsed<ParsedNode>[];

export function nodesOnce(source: SourceFile, parse: (text: string) => Document.Parsed<ParsedNode>[]): NodesOnce {
  let nodes: Document.Parsed<ParsedNode>[] | null = null;
  return () => (nodes ??= parse(source.text));
}

/** Lines of a document as parse.ts reports them: from its contents' first line to its last. */
export function documentLines(src: SourceFile, doc: Document.Parsed<ParsedNode>): { startLine: number; endLine: number } {
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
  let decoded: DocPositions | undefined = typeof positions === 'string' ? undefined : positions;
  let lines: { startLine: number; endLine: number } | undefined =
    d.startLine !== undefined && d.endLine !== undefined ? { startLine: d.startLine, endLine: d.endLine } : undefined;
  const linesOnce = () => (lines ??= documentLines(src, nodes()[d.index]!));
  return {
    value: d.value,
    index: d.index,
    nodesLater: positions === undefined,
    get startLine() { return linesOnce().startLine; },
    get endLine() { return linesOnce().endLine; },
    get positions(): DocPositions | undefined {
      if (decoded === undefined && typeof positions === 'string') decoded = decodePositions(positions);
      return decoded;
    },
    get doc(): Document.Parsed<ParsedNode> { return nodes()[d.index]!; },
  };
}
