// Reads a manifest file into YAML documents with positions, as Kubernetes would read it:
// YAML 1.1 scalars (yes/on are booleans), duplicate keys rejected, `kind: List` expanded by the caller.
// Never throws: whatever cannot be read becomes a FileProblem naming the file and line.
import { Composer, Parser, isMap, isPair, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { kubernetesScalars } from './scalars.js';
import { fastLoad } from './fast-load.js';
import { documentLines, documentNodesOnce, lazyDocument } from './lazy-document.js';
import { lineOf, type SourceFile } from './source.js';
import type { Json } from './resource.js';
import type { ParsedDocument } from './parsed-document.js';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_DOCUMENTS_PER_FILE, MAX_KEYS_PER_MAPPING } from './limits.js';
import { fileProblem, type FileProblem, type ProblemMessage } from './file-problems.js';

export type { FileProblem } from './file-problems.js';

// A Go/Helm template action where YAML expects structure: at a line start, or as an unquoted value. The key part
// stops at a line break: otherwise every line start would scan on to the end of the text (quadratic in lines).
const TEMPLATE_ACTION = /^[ \t]*(?:-[ \t]+)?(?:[^\s#:'"][^:#\n]*:[ \t]+)?\{\{/m;

// A line that opens a block scalar (`key: |`, `- >-`, `data: |2`): the more-indented lines after it are text.
const BLOCK_SCALAR_START = /^([ \t]*)(?:-[ \t]+)?(?:[^#'"\s][^#]*?:[ \t]+|-[ \t]*)?[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** The first template action outside block scalars: `{{` inside a `key: |` block is text (an injector
 *  ConfigMap's template, a script), not template structure, and the file is still a manifest. */
function templateActionOutsideBlockScalars(text: string): RegExpExecArray | null {
  if (!text.includes('{{')) return null; // what TEMPLATE_ACTION needs, found without trying it at every line start
  const first = TEMPLATE_ACTION.exec(text);
  if (!first) return null;
  let blockIndent = -1; // indentation of the line that opened the current block scalar, -1 outside one
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '';
    if (blockIndent >= 0 && (blank || indent > blockIndent)) {
      offset += line.length + 1;
      continue;
    }
    blockIndent = -1;
    const m = TEMPLATE_ACTION.exec(line);
    if (m) return Object.assign([...m], { index: offset + m.index, input: text, groups: m.groups }) as RegExpExecArray;
    const open = BLOCK_SCALAR_START.exec(line.replace(/\r$/, ''));
    if (open) blockIndent = open[1]!.length;
    offset += line.length + 1;
  }
  return null;
}

export interface ParseOptions<T> {
  /** Called on each document as soon as it is read, to keep it in a smaller form (values and offsets, without
   *  its YAML nodes): see parallel.ts and parse-worker.ts. */
  compact: (doc: ParsedDocument) => T;
  /** Read with the yaml library only (no fast path): the differential tests compare the two. */
  exactOnly?: boolean;
}

export function parseManifestFile(
  src: SourceFile,
  opts?: { exactOnly?: boolean },
): { docs: ParsedDocument[]; problems: FileProblem[] };
export function parseManifestFile<T>(src: SourceFile, opts: ParseOptions<T>): { docs: T[]; problems: FileProblem[] };
export function parseManifestFile<T>(
  src: SourceFile,
  options?: ParseOptions<T> | { exactOnly?: boolean },
): { docs: (T | ParsedDocument)[]; problems: FileProblem[] } {
  const opts = options && 'compact' in options ? options : undefined;
  const exactOnly = options?.exactOnly === true;
  const docs: (T | ParsedDocument)[] = [];
  const problems: FileProblem[] = [];
  const problem = <R extends FileProblem['rule']>(rule: R, message: ProblemMessage<R>, line: number, endLine = line) =>
    problems.push(fileProblem(rule, message, { file: src.path, line, endLine }));

  const template = templateActionOutsideBlockScalars(src.text);
  if (template) {
    const line = lineOf(src, template.index + template[0].length - 2);
    problem('template-not-checked', { messageId: 'templateSyntax' }, line);
    return { docs, problems };
  }

  // Decided on the text, before the parser recurses: how deep the parser gets before its stack runs out
  // depends on the thread and the engine, and the result must not.
  const deep = deepNestingLine(src.text, MAX_DEPTH);
  if (deep !== null) {
    problem('yaml-syntax', { messageId: 'fileTooDeep', data: { line: deep } }, deep);
    return { docs, problems };
  }

  const manyDocs = documentStartBeyond(src.text, MAX_DOCUMENTS_PER_FILE);
  if (manyDocs !== null) {
    problem('input-too-large', { messageId: 'tooManyDocuments' }, lineOf(src, manyDocs));
    return { docs, problems };
  }

  // Most files are read by js-yaml, for their values only (fast-load.ts says which); lines and nodes come
  // later, from the yaml library, for the documents that need them.
  const fast = exactOnly ? null : fastLoad(src.text);
  if (fast) {
    const nodes = documentNodesOnce(src, parseYamlDocuments);
    for (let index = 0; index < fast.length; index++) {
      const d = lazyDocument(src, nodes, { value: fast[index]!, index });
      docs.push(opts ? opts.compact(d) : d);
    }
    return { docs, problems };
  }

  const problemsBefore = problems.length;
  const hasAnchors = src.text.includes('&');
  let index = -1;
  try {
    // One document at a time: each is read and let go before the next is built, so a file of thousands of
    // documents never holds all their YAML nodes at once.
    for (const doc of yamlDocuments(src.text)) {
      index++;
      const kept = readDocument(doc, index);
      if (kept) docs.push(opts ? opts.compact(kept) : kept);
    }
  } catch (err) {
    // A file the parser gives up on yields nothing but this, wherever it gave up.
    docs.length = 0;
    problems.length = problemsBefore;
    problem('yaml-syntax', { messageId: 'parserGaveUp', data: { detail: shortError(err) } }, 1);
  }
  return { docs, problems };

  function readDocument(doc: Document.Parsed<ParsedNode>, index: number): ParsedDocument | null {
    const contentStart = doc.contents?.range?.[0] ?? doc.range[0];
    const { startLine, endLine } = documentLines(src, doc);
    const keys = checkKeys(doc);
    if (keys.tooManyAt !== null) {
      problem('input-too-large', { messageId: 'tooManyKeys' }, lineOf(src, keys.tooManyAt));
      return null;
    }
    const errors = documentErrors(doc, keys.duplicates);
    if (errors.length > 0) {
      const reported = new Set<string>();
      for (const e of errors.slice(0, 5)) {
        let line = lineOf(src, e.pos[0]);
        // An unterminated quote is detected at the end of the file; point at where the string opened.
        if (/closing quote|Missing closing/i.test(e.message)) line = unterminatedQuoteLine(src, contentStart) ?? line;
        // Every duplicate key is worth its own finding; after the first syntax error the rest is noise.
        const key = e.code === 'DUPLICATE_KEY' ? `dup:${line}` : 'syntax';
        if (reported.has(key)) return null;
        reported.add(key);
        if (e.code === 'DUPLICATE_KEY') {
          problem('duplicate-key', { messageId: 'duplicateKey', data: { detail: firstLine(e.message) } }, line);
        } else {
          problem('yaml-syntax', { messageId: 'syntaxError', data: { detail: firstLine(e.message) } }, line);
        }
      }
      return null;
    }
    if (doc.contents === null) return null; // an empty document (only comments, or a stray `---`)
    let value: Json;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Json;
    } catch (err) {
      const msg = shortError(err);
      const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(msg);
      if (unresolved) {
        // Point at the alias itself: `*name` inside this document.
        const at = src.text.indexOf(`*${unresolved[1]}`, doc.range[0]);
        const line = at !== -1 && at < doc.range[1] ? lineOf(src, at) : startLine;
        problem('yaml-syntax', { messageId: 'unresolvedAlias', data: { alias: unresolved[1]! } }, line);
        return null;
      }
      problem(
        'yaml-syntax',
        /alias/i.test(msg)
          ? { messageId: 'tooManyAliases' }
          : { messageId: 'unreadableDocument', data: { detail: msg } },
        startLine,
        endLine,
      );
      return null;
    }
    // The text scan above bounds the depth, except that aliases can stack subtrees: check values that may hold some.
    if (hasAnchors && nestedDeeperThan(value, MAX_DEPTH)) {
      problem('yaml-syntax', { messageId: 'documentTooDeep' }, startLine, endLine);
      return null;
    }
    return { doc, value, startLine, endLine, index };
  }
}

/** An error as the problems above read it: yaml's own errors, and the duplicate keys found by checkKeys. */
export interface DocError {
  code: string;
  pos: [number, number];
  message: string;
}

/** What `uniqueKeys: true` in the yaml library reported, found in one pass instead of its scan of all earlier
 *  keys for every key (quadratic: a 40,000-key mapping took 9.5 s). The same rule: two keys are the same when
 *  they are the same node, or scalars with identical (===) values; flow and block mappings alike. Each repeat
 *  gives the error yaml gave ("Map keys must be unique", at the repeated key), in the order yaml met it: in a
 *  block mapping before the key's value is read, in a flow mapping after (`order`, used by mergeErrors). Also
 *  finds the first key past MAX_KEYS_PER_MAPPING. Iterative; every node is visited once (aliases not followed). */
function checkKeys(doc: Document.Parsed<ParsedNode>): {
  duplicates: (DocError & { order: number })[];
  tooManyAt: number | null;
} {
  const duplicates: (DocError & { order: number })[] = [];
  const stack: Node[] = doc.contents ? [doc.contents] : [];
  // Collections only (scalars hold no keys); a pair inside a flow sequence (`[a: 1]`) holds its own.
  const push = (n: unknown) => {
    if (isMap(n) || isSeq(n) || isPair(n)) stack.push(n as Node);
  };
  while (stack.length > 0) {
    const node: unknown = stack.pop();
    if (isPair(node)) {
      push(node.key);
      push(node.value);
      continue;
    }
    if (isSeq(node)) {
      for (const item of node.items) push(item);
      continue;
    }
    if (!isMap(node)) continue;
    if (node.items.length > MAX_KEYS_PER_MAPPING) {
      const key = node.items[MAX_KEYS_PER_MAPPING]!.key as Node | null;
      return { duplicates, tooManyAt: key?.range?.[0] ?? node.range?.[0] ?? 0 };
    }
    const seen = new Set<unknown>();
    for (let i = 0; i < node.items.length; i++) {
      const pair = node.items[i]!;
      const key = pair.key as Node | null;
      if (isScalar(key)) {
        const v = key.value;
        // NaN !== NaN, so two `.nan` keys were never the same key; a Set would say they are.
        if (!(typeof v === 'number' && Number.isNaN(v))) {
          if (seen.has(v)) {
            const at = node.flow ? (key.range?.[0] ?? 0) : blockKeyStart(node.items, i, key);
            const value = pair.value as Node | null;
            const order = node.flow ? (value?.range?.[1] ?? key.range?.[1] ?? at) : at;
            duplicates.push({ code: 'DUPLICATE_KEY', pos: [at, at + 1], message: 'Map keys must be unique', order });
          } else {
            seen.add(v);
          }
        }
      }
      push(pair.key);
      push(pair.value);
    }
  }
  duplicates.sort((a, b) => a.order - b.order);
  return { duplicates, tooManyAt: null };
}

/** Where the library puts a block mapping's key (its "keyStart"): at the key, except right after an item that
 *  ends in an empty value (`a:` with nothing after it, however deep): the key then has no tokens of its own
 *  before it, and the library uses the end of that empty value, on the line above. Kept so that duplicate-key
 *  findings stay on the lines they were reported at. */
function blockKeyStart(items: readonly { key: unknown; value: unknown }[], i: number, key: Node): number {
  const at = key.range?.[0] ?? 0;
  if (i === 0) return at;
  let last: unknown = items[i - 1]!.value ?? items[i - 1]!.key;
  for (;;) {
    if ((isMap(last) || isSeq(last)) && !last.flow) {
      // a flow collection ends with its bracket, not empty
      const tail: unknown = last.items[last.items.length - 1];
      if (tail === undefined) return at;
      last = isPair(tail) ? (tail.value ?? tail.key) : tail;
      continue;
    }
    break;
  }
  if (isScalar(last) && last.range && last.range[0] === last.range[1] && last.source === '') return last.range[2];
  return at;
}

/** A document's errors as the yaml library reports them with `uniqueKeys: true`: its own errors, in the order it
 *  met them, with the duplicate keys (found by checkKeys) slotted in where it would have met each one. */
export function documentErrors(doc: Document.Parsed<ParsedNode>, duplicates = checkKeys(doc).duplicates): DocError[] {
  return duplicates.length > 0 ? mergeErrors(doc.errors, duplicates) : doc.errors;
}

function mergeErrors(errors: readonly DocError[], duplicates: readonly (DocError & { order: number })[]): DocError[] {
  const out: DocError[] = [];
  let d = 0;
  for (const e of errors) {
    while (d < duplicates.length && duplicates[d]!.order < e.pos[0]) out.push(duplicates[d++]!);
    out.push(e);
  }
  while (d < duplicates.length) out.push(duplicates[d++]!);
  return out;
}

/** Offset of the line where document number `limit + 1` starts, or null when the file has at most `limit`
 *  documents. Counted on the text (a `---` line starts a document, unless only comments come before it in the
 *  file; so does any line after a `...` end marker but another `---`), so that a file of a million tiny
 *  documents is never handed to the parser. */
export function documentStartBeyond(text: string, limit: number): number | null {
  return documentStarts(text, limit).beyond;
}

/** How many documents the text holds (counted as documentStartBeyond counts them, stopping past `limit`), and
 *  the offset where document `limit + 1` starts, if any. */
export function documentStarts(text: string, limit = Infinity): { count: number; beyond: number | null } {
  // A document needs a `---` or `...` line before it, except the first: when there are few of those, so are
  // there few documents, and the line-by-line count below is not needed to know it is under the limit.
  let markers = 0;
  for (let i = text.indexOf('\n'); i !== -1 && markers < limit; i = text.indexOf('\n', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if ((c === 45 || c === 46) && text.charCodeAt(i + 2) === c && text.charCodeAt(i + 3) === c) markers++;
  }
  if (markers + 1 <= limit && limit !== Infinity) return { count: markers + 1, beyond: null };
  let docs = 0;
  let content = false; // a line that is not blank or a comment since the file's start
  let ended = false; // the previous marker line was `...`
  for (let i = 0; i < text.length;) {
    let nl = text.indexOf('\n', i);
    if (nl === -1) nl = text.length;
    const marker =
      nl - i >= 3 &&
      (text.startsWith('---', i) || text.startsWith('...', i)) &&
      (nl - i === 3 || /[ \t\r]/.test(text[i + 3]!));
    if (marker && text[i] === '-') {
      if (content || docs > 0) docs++;
      else docs = 1;
      content = true;
      ended = false;
    } else if (marker) {
      ended = true;
    } else if (!/^[ \t\r]*(#|$)/.test(text.slice(i, Math.min(nl, i + 200)))) {
      if (!content || ended) docs++;
      content = true;
      ended = false;
    }
    if (docs > limit) return { count: docs, beyond: i };
    i = nl + 1;
  }
  return { count: docs, beyond: null };
}

/** The first line where the text may nest deeper than `limit` (block indentation levels plus `- ` items plus
 *  open flow brackets: an upper bound of the YAML depth), or null. Linear, no recursion. */
function deepNestingLine(text: string, limit: number): number | null {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  for (let i = 0; i < text.length;) {
    let nl = text.indexOf('\n', i);
    if (nl === -1) nl = text.length;
    let j = i;
    while (j < nl && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < nl && text.charCodeAt(j) !== 35 /* # */ && text.charCodeAt(j) !== 13) {
      const indent = j - i;
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
      }
      let items = 0;
      for (let k = j; k + 1 < nl && text.charCodeAt(k) === 45 /* - */ && text.charCodeAt(k + 1) === 32; k += 2) {
        items++;
        while (k + 2 < nl && text.charCodeAt(k + 2) === 32) k++;
      }
      // An opening bracket counts where a flow collection can start: at the line start or after `:`, `-`, `,`,
      // or another opener (not inside words such as "a[0]" or Lua's "x = {").
      let prev = 0; // last non-blank character code on this line; 0 at its start
      for (let k = j; k < nl; k++) {
        const c = text.charCodeAt(k);
        if (
          (c === 91 || c === 123) &&
          (prev === 0 || prev === 58 || prev === 45 || prev === 44 || prev === 91 || prev === 123)
        ) {
          if (indents.length + items + ++flow > limit) return line;
        } else if ((c === 93 || c === 125) && flow > 0) flow--;
        if (c !== 32 && c !== 9) prev = c;
      }
      if (indents.length + items + flow > limit) return line;
    }
    i = nl + 1;
    line++;
  }
  return null;
}

/** Is `value` nested deeper than `limit` levels? Iterative, so it cannot overflow the stack itself. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = Array.isArray(v)
      ? v
      : v instanceof Map
        ? [...v.values()]
        : v instanceof Set
          ? [...v]
          : Object.values(v as object);
    for (const c of children) if (typeof c === 'object' && c !== null) stack.push([c, depth + 1]);
  }
  return false;
}

/** The YAML documents of a text, exactly as parseManifestFile reads them (the same options, so a file parsed
 *  again later — e.g. for positions after a worker thread read its values — yields the same nodes). */
export function parseYamlDocuments(text: string): Document.Parsed<ParsedNode>[] {
  return [...yamlDocuments(text)];
}

// uniqueKeys off: duplicate keys are found by checkKeys in one pass (the library's check is quadratic).
const YAML_OPTIONS = {
  version: '1.1',
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
  customTags: kubernetesScalars,
} as const;

/** The documents of a text one by one, as parseAllDocuments would list them. */
export function* yamlDocuments(text: string): Generator<Document.Parsed<ParsedNode>> {
  const composer = new Composer(YAML_OPTIONS);
  yield* composer.compose(new Parser().parse(text), true, text.length) as Generator<Document.Parsed<ParsedNode>>;
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
