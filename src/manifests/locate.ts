// Finds the lines of a field inside a YAML document, so a finding points at the offending field.
// When the field is absent (the finding is about something missing), the nearest existing ancestor is used.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { lineOf, type SourceFile } from './source.js';
import type { Path } from './path.js';

export interface Span {
  line: number;
  endLine: number;
  /** False when the path does not exist and the span is that of an ancestor. */
  found: boolean;
}

/** The YAML node at `path`, with the map pair that holds it (when reached through a key). */
export function nodeAt(
  doc: Document.Parsed<ParsedNode>,
  path: Path,
): { node: Node | null; keyNode: Node | null; depth: number } {
  let node: Node | null = doc.contents;
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
          if (next === null && nextKey) {
            keyNode = nextKey;
            depth++;
            return { node: null, keyNode, depth };
          }
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
  return { node, keyNode, depth };
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

// ---- positions without YAML nodes ----------------------------------------------------------------------
// A document parsed on a worker thread comes back as plain values plus this compact tree of offsets, so that
// findings get their lines without parsing the file again. locatePositions answers exactly what locate()
// answers on the nodes (the test in test/property/positions.test.ts holds them to it).

/** Offsets of one YAML node: range[0], range[1]; children by map key (first occurrence) or sequence index. */
export interface PositionNode {
  s?: number;
  e?: number;
  /** Map entries: key text → [key start, key end] and the value's node (null when the pair has no value node). */
  m?: Map<string, { k: [number, number] | null; v: PositionNode | null }>;
  /** Sequence items (a pair inside a sequence contributes its value). */
  q?: (PositionNode | null)[];
  /** For an alias: the node it resolves to (null when unresolved). */
  a?: PositionNode | null;
}

export interface DocPositions {
  /** Offset of the document's contents (or of the document when it has none). */
  start: number;
  root: PositionNode | null;
}

export function positionsOf(doc: Document.Parsed<ParsedNode>): DocPositions {
  const memo = new Map<Node, PositionNode>();
  const build = (node: Node): PositionNode => {
    const done = memo.get(node);
    if (done) return done;
    const p: PositionNode = {};
    memo.set(node, p);
    if (node.range) {
      p.s = node.range[0];
      p.e = node.range[1];
    }
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      p.a = target ? build(target) : null;
    } else if (isMap(node)) {
      const m = new Map<string, { k: [number, number] | null; v: PositionNode | null }>();
      for (const pair of node.items) {
        const k = pair.key as Node | null;
        if (!isScalar(k)) continue; // locate() only matches scalar keys
        const key = String(k.value);
        if (m.has(key)) continue; // the first pair with this key wins, as in nodeAt()
        const v = (pair.value as Node | null) ?? null;
        m.set(key, { k: k.range ? [k.range[0], k.range[1]] : null, v: v ? build(v) : null });
      }
      p.m = m;
    } else if (isSeq(node)) {
      p.q = node.items.map((item) => {
        const v = isPair(item) ? ((item.value as Node | null) ?? null) : ((item as Node | null) ?? null);
        return v ? build(v) : null;
      });
    }
    return p;
  };
  const contents = doc.contents as Node | null;
  return { start: doc.contents?.range?.[0] ?? doc.range[0], root: contents ? build(contents) : null };
}

/** locate() on a positions tree. */
export function locatePositions(pos: DocPositions, src: SourceFile, path: Path): Span {
  let node: PositionNode | null = pos.root;
  let key: [number, number] | null = null;
  let keyIsSet = false;
  let depth = 0;
  for (const seg of path) {
    if (node && node.a !== undefined) node = node.a;
    if (!node) break;
    let next: PositionNode | null = null;
    let nextKey: [number, number] | null = null;
    if (node.m && typeof seg === 'string') {
      const entry = node.m.get(seg);
      if (entry) {
        next = entry.v;
        nextKey = entry.k;
        if (next === null && nextKey) {
          key = nextKey;
          keyIsSet = true;
          depth++;
          node = null;
          break;
        }
      }
    } else if (node.q && typeof seg === 'number') {
      next = node.q[seg] ?? null;
    }
    if (!next) break;
    node = next;
    key = nextKey;
    keyIsSet = nextKey !== null;
    depth++;
  }
  const found = depth === path.length;
  const start = (keyIsSet ? key?.[0] : undefined) ?? node?.s;
  if (start === undefined) {
    const line = lineOf(src, pos.start);
    return { line, endLine: line, found: false };
  }
  const end = node?.e ?? (keyIsSet ? key?.[1] : undefined) ?? start;
  const line = lineOf(src, start);
  const endLine = Math.max(line, lineOf(src, Math.max(start, trimEnd(src.text, end) - 1)));
  return found ? { line, endLine, found } : { line, endLine: line, found };
}

/** Where `path` (relative to the document) is, from the positions tree when the document has one (parsed on a
 *  worker thread: no re-parse needed), else from the YAML nodes. */
export function locateIn(
  d: { positions?: DocPositions; readonly doc: Document.Parsed<ParsedNode> },
  src: SourceFile,
  path: Path,
): Span {
  return d.positions ? locatePositions(d.positions, src, path) : locate(d.doc, src, path);
}

/** A positions tree as one JSON string, to cross threads cheaply (a string is copied, not rebuilt object by
 *  object) and be decoded only for the documents that get findings. Nodes are numbered; aliases point by number. */
export function encodePositions(p: DocPositions): string {
  const ids = new Map<PositionNode, number>();
  const order: PositionNode[] = [];
  const number = (root: PositionNode | null) => {
    const stack = root ? [root] : [];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (ids.has(n)) continue;
      ids.set(n, order.length);
      order.push(n);
      const kids: (PositionNode | null)[] = n.m ? [...n.m.values()].map((x) => x.v) : (n.q ?? []);
      for (let i = kids.length - 1; i >= 0; i--) if (kids[i]) stack.push(kids[i]!);
    }
  };
  number(p.root);
  const id = (n: PositionNode | null | undefined) => (n ? (ids.get(n) ?? -1) : -1);
  const nodes = order.map((n) => {
    const se = [n.s ?? -1, n.e ?? -1];
    if (n.a !== undefined) return [...se, 3, id(n.a)];
    if (n.m) return [...se, 1, [...n.m].map(([k, x]) => [k, x.k ? x.k[0] : -1, x.k ? x.k[1] : -1, id(x.v)])];
    if (n.q) return [...se, 2, n.q.map(id)];
    return [...se, 0];
  });
  return JSON.stringify({ start: p.start, root: id(p.root), nodes });
}

export function decodePositions(json: string): DocPositions {
  const { start, root, nodes } = JSON.parse(json) as {
    start: number;
    root: number;
    nodes: [number, number, number, unknown?][];
  };
  const out: PositionNode[] = nodes.map(([s, e]) => (s === -1 ? {} : { s, e }));
  const at = (i: number) => (i === -1 ? null : out[i]!);
  nodes.forEach(([, , kind, payload], i) => {
    const n = out[i]!;
    if (kind === 3) n.a = at(payload as number);
    else if (kind === 1)
      n.m = new Map(
        (payload as [string, number, number, number][]).map(([k, ks, ke, v]) => [
          k,
          { k: ks === -1 ? null : [ks, ke], v: at(v) },
        ]),
      );
    else if (kind === 2) n.q = (payload as number[]).map(at);
  });
  return { start, root: at(root) };
}
