// A YAML document as the reader hands it on: its value, its lines, and its nodes (now or on demand). A module of its
// own so that the parser (parse.ts) and the on-demand positions (lazy-document.ts) both name it without importing
// each other.
import type { Document, ParsedNode } from 'yaml';
import type { Json } from './resource.js';
import type { DocPositions } from './locate.js';

export interface ParsedDocument {
  readonly doc: Document.Parsed<ParsedNode>;
  value: Json;
  readonly startLine: number;
  readonly endLine: number;
  /** Position of this document among all documents of the file (parseYamlDocuments order). */
  index?: number;
  /** Offsets of its nodes, for a document kept without them (its YAML nodes are then parsed again only when
   *  something needs them: fixes). */
  readonly positions?: DocPositions;
  /** True when nothing but its value was read yet (lines, offsets and nodes come from parsing the file again
   *  with the yaml library on first use: lazy-document.ts). */
  nodesLater?: boolean;
}
