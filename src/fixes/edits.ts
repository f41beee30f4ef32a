// Turns an intended YAML edit ("set spec.resolution to DNS") into a Fix: a replacement of whole lines
// that keeps everything else on those lines — comments, indentation, quoting — exactly as written.
// Edits are made on the source text around the node's position, never by re-serialising the document.
import { isMap, isScalar, isSeq, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Fix } from '../types.js';
import { nodeAt } from '../manifests/locate.js';
import { lineOf } from '../manifests/source.js';
import type { Path, Resource } from '../manifests/resource.js';

export type FixValue = string | number | boolean | FixValue[] | { [k: string]: FixValue };

export type FixEdit =
  /** Replace the scalar at `path`, keeping its quoting style. */
  | { op: 'set'; path: Path; value: string | number | boolean; description: string }
  /** Add `key: value` to the mapping at `path` (created, with its parents, when absent). */
  | { op: 'insert'; path: Path; key: string; value: FixValue; description: string }
  /** Append an item to the sequence at `path` (created when absent). */
  | { op: 'append'; path: Path; value: string | number; description: string }
  /** Rename the key whose value is at `path`. */
  | { op: 'renameKey'; path: Path; newKey: string; description: string }
  /** Replace the whole `key: value` entry whose value is at `path` (a one-line scalar) by `newKey: value`
   *  (a mapping value is written in flow style on the same line). */
  | { op: 'replaceEntry'; path: Path; newKey: string; value: FixValue; description: string }
  /** Replace the value at `path` (a block mapping entry, however many lines) by `value`, written in block style. */
  | { op: 'replaceValue'; path: Path; value: FixValue; description: string };

/** Build the line replacement for an edit, or null when the YAML's shape does not allow a clean edit. */
export function buildFix(r: Resource, edit: FixEdit): Fix | null {
  try {
    return buildFixUnsafe(r, edit);
  } catch {
    return null; // an odd shape (anchors, multi-line flow) — better no fix than a wrong one
  }
}

interface LineEdit {
  /** Offsets in the source text of the region to replace. */
  start: number;
  end: number;
  replacement: string;
}

function buildFixUnsafe(r: Resource, edit: FixEdit): Fix | null {
  const full = [...r.basePath, ...edit.path];
  const text = r.file.text;
  let le: LineEdit | null = null;
  switch (edit.op) {
    case 'set': {
      const { node } = nodeAt(r.doc, full);
      if (!node || !isScalar(node) || !node.range) return null;
      le = { start: node.range[0], end: node.range[1], replacement: scalarText(edit.value, node.type) };
      break;
    }
    case 'renameKey': {
      const parentPath = full.slice(0, -1);
      const key = full[full.length - 1];
      const { node: parent } = nodeAt(r.doc, parentPath);
      if (!parent || !isMap(parent)) return null;
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair || !isScalar(pair.key) || !pair.key.range) return null;
      le = { start: pair.key.range[0], end: pair.key.range[1], replacement: scalarText(edit.newKey, pair.key.type) };
      break;
    }
    case 'replaceEntry': {
      const { node: parent } = nodeAt(r.doc, full.slice(0, -1));
      const key = full[full.length - 1];
      if (!parent || !isMap(parent)) return null;
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair || !isScalar(pair.key) || !pair.key.range || !isScalar(pair.value) || !pair.value.range) return null;
      if (text.slice(pair.key.range[0], pair.value.range[1]).includes('\n')) return null;
      le = {
        start: pair.key.range[0],
        end: pair.value.range[1],
        replacement: `${scalarText(edit.newKey)}: ${flowText(edit.value)}`,
      };
      break;
    }
    case 'replaceValue': {
      const { node: parent } = nodeAt(r.doc, full.slice(0, -1));
      const key = full[full.length - 1];
      if (!parent || !isMap(parent) || parent.flow) return null;
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      const valueNode = pair?.value as Node | null | undefined;
      if (!pair || !isScalar(pair.key) || !pair.key.range || !valueNode?.range) return null;
      const indent = columnOf(text, pair.key.range[0]);
      const lines = blockEntry(text.slice(pair.key.range[0], pair.key.range[1]), edit.value, indent);
      le = {
        start: pair.key.range[0],
        end: lineEndAt(text, contentEnd(text, valueNode)),
        replacement: lines.join('\n').slice(indent),
      };
      break;
    }
    case 'append': {
      const { node, depth } = nodeAt(r.doc, full);
      if (depth === full.length && node && isSeq(node)) le = appendToSeq(text, node, scalarText(edit.value));
      else if (depth === full.length)
        return null; // exists but is not a list
      else
        return buildFixUnsafe(r, {
          op: 'insert',
          path: edit.path.slice(0, -1),
          key: String(edit.path[edit.path.length - 1]),
          value: [edit.value],
          description: edit.description,
        });
      break;
    }
    case 'insert': {
      // Walk down to the deepest existing mapping, then insert the rest as nested block YAML.
      let existing = full.length;
      let target: Node | null = null;
      for (; existing >= 0; existing--) {
        const { node, depth } = nodeAt(r.doc, full.slice(0, existing));
        if (depth === existing && node) {
          target = node;
          break;
        }
      }
      if (!target || !isMap(target)) return null;
      let value: FixValue = edit.value;
      value = { [edit.key]: value };
      for (let i = full.length - 1; i >= existing; i--) value = { [String(full[i])]: value };
      le = insertIntoMap(text, target, value);
      break;
    }
  }
  if (!le) return null;
  return toLineFix(r, le, edit.description);
}

/** Expand an offset edit to whole lines and express it as a Fix. */
function toLineFix(r: Resource, le: LineEdit, description: string): Fix {
  const text = r.file.text;
  const lineStart = text.lastIndexOf('\n', le.start - 1) + 1;
  // The edit's last line ends at the first newline at or after the edit's end.
  let lineEnd = text.indexOf('\n', Math.max(le.end, le.start));
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, le.start);
  let after = text.slice(le.end, lineEnd);
  if (after.endsWith('\r')) after = after.slice(0, -1);
  const replaced = (before + le.replacement + after).replace(/\r\n/g, '\n');
  const startLine = lineOf(r.file, lineStart);
  const endLine = lineOf(r.file, Math.max(lineStart, lineEnd - 1));
  return { file: r.file.path, startLine, endLine: Math.max(startLine, endLine), text: replaced, description };
}

/** How a scalar is written: the original quoting style where there was one, plain where that reads the same in YAML 1.1. */
export function scalarText(value: string | number | boolean, type?: Scalar['type']): string {
  if (typeof value !== 'string') return String(value);
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

const YAML11_SPECIAL =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
function isPlainSafe(s: string): boolean {
  if (s === '' || YAML11_SPECIAL.test(s)) return false;
  if (/^[-+]?\.?[0-9]/.test(s) || /^\.(inf|nan)$/i.test(s)) return false; // would read as a number (or sexagesimal)
  if (!/^[A-Za-z0-9_./~-]+$/.test(s)) return false; // `*` starts an alias; `:`, `#`, brackets need quotes
  return !/^[-~]/.test(s);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** End offset of a node's meaningful text (without trailing whitespace and newlines). */
function contentEnd(text: string, node: Node): number {
  let e = node.range![1];
  while (e > node.range![0] && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

function appendToSeq(text: string, seq: YAMLSeq, item: string): LineEdit | null {
  if (seq.flow) {
    const [s, e] = [seq.range![0], contentEnd(text, seq)];
    if (text.slice(s, e).includes('\n')) return null;
    const close = e - 1; // the "]"
    const inner = text.slice(s + 1, close).trim();
    return {
      start: s,
      end: e,
      replacement: inner === '' ? `[${item}]` : `[${text.slice(s + 1, close).replace(/\s+$/, '')}, ${item}]`,
    };
  }
  const first = seq.items[0] as Node | undefined;
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!first || !last || !first.range || !last.range) return null;
  const dash = text.lastIndexOf('-', first.range[0]);
  const indent = ' '.repeat(columnOf(text, dash));
  const end = lineEndAt(text, contentEnd(text, last));
  return { start: end, end, replacement: `\n${indent}- ${item}` };
}

function insertIntoMap(text: string, map: YAMLMap, value: Record<string, FixValue>): LineEdit | null {
  if (map.flow) {
    const s = map.range![0];
    const e = contentEnd(text, map);
    if (text.slice(s, e).includes('\n')) return null;
    const inner = text.slice(s + 1, e - 1).trim();
    const entries = Object.entries(value)
      .map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`)
      .join(', ');
    return { start: s, end: e, replacement: inner === '' ? `{${entries}}` : `{${inner}, ${entries}}` };
  }
  const firstPair = map.items[0];
  const lastPair = map.items[map.items.length - 1];
  if (!firstPair || !lastPair) return null;
  const firstKey = firstPair.key as Node | null;
  if (!firstKey?.range) return null;
  const indent = columnOf(text, firstKey.range[0]);
  const lastNode = (lastPair.value as Node | null) ?? (lastPair.key as Node | null);
  if (!lastNode?.range) return null;
  const end = lineEndAt(text, contentEnd(text, lastNode));
  return { start: end, end, replacement: '\n' + blockText(value, indent).join('\n') };
}

function flowText(v: FixValue): string {
  if (Array.isArray(v)) return `[${v.map(flowText).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${scalarText(k)}: ${flowText(x)}`)
      .join(', ')}}`;
  return scalarText(v);
}

/** Block-style YAML lines for a mapping at the given indentation. */
function blockText(v: Record<string, FixValue>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (Array.isArray(x)) {
      out.push(`${pad}${scalarText(k)}:`);
      for (const item of x) out.push(`${pad}- ${typeof item === 'object' ? flowText(item) : scalarText(item)}`);
    } else if (typeof x === 'object') {
      out.push(`${pad}${scalarText(k)}:`);
      out.push(...blockText(x, indent + 2));
    } else out.push(`${pad}${scalarText(k)}: ${scalarText(x)}`);
  }
  return out;
}

/** `key: value` as block YAML at `indent`, sequences of mappings as block items ("- a: 1\n  b: 2"). */
function blockEntry(keyText: string, v: FixValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (typeof v !== 'object') return [`${pad}${keyText}: ${scalarText(v)}`];
  if (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0) return [`${pad}${keyText}: ${flowText(v)}`];
  return [`${pad}${keyText}:`, ...blockValue(v, indent + 2, Array.isArray(v) ? indent : indent + 2)];
}

function blockValue(v: FixValue, mapIndent: number, seqIndent: number): string[] {
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const item of v) {
      if (typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
        const lines = Object.entries(item).flatMap(([k, x]) => blockEntry(scalarText(k), x, seqIndent + 2));
        out.push(`${' '.repeat(seqIndent)}- ${lines[0]!.slice(seqIndent + 2)}`, ...lines.slice(1));
      } else out.push(`${' '.repeat(seqIndent)}- ${typeof item === 'object' ? flowText(item) : scalarText(item)}`);
    }
    return out;
  }
  if (typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => blockEntry(scalarText(k), x, mapIndent));
  return [`${' '.repeat(mapIndent)}${scalarText(v)}`];
}
