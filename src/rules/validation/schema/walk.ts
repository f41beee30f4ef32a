// One recursive walk of a resource against its CRD schema, collecting every structural problem the API server
// would reject. The walk follows the schema, never the data: its depth is bounded by the schema's, and an
// open (preserve-unknown-fields) node stops it, so hostile nesting costs nothing.
import type { Json, Path } from '../../../manifests/resource.js';
import { editDistance } from '../../../util/closest.js';
import type { SchemaNode } from './schema-tree.js';

export type SchemaProblem =
  | {
      kind: 'unknown';
      path: Path;
      key: string;
      suggestion: string | null;
      unambiguous: boolean;
      belongsUnder: string | null;
    }
  | {
      kind: 'type';
      path: Path;
      expected: string;
      got: string;
      fixValue: number | boolean | null;
      quotable: boolean;
      /** A single string written where a list of strings belongs (`hosts: a.com`). */
      wrap: boolean;
      /** A plain port number written where a port selector belongs (`port: 8080` for `port: {number: 8080}`). */
      portNumber: number | null;
      /** For a string written where a string match belongs (`uri: /api`): the match kinds to choose from. */
      matchKinds: string[] | null;
    }
  | { kind: 'enum'; path: Path; value: string; allowed: string[]; caseFix: string | null; suggestion: string | null }
  | { kind: 'required'; path: Path; field: string }
  | { kind: 'oneof'; path: Path; fields: string[] }
  | { kind: 'value'; path: Path; detail: string };

/** At most this many problems per resource: a generated 10,000-item list of wrong types is one mistake. */
export const MAX_PROBLEMS = 25;

export function describeType(t: SchemaNode['t']): string {
  switch (t) {
    case 's':
      return 'a string';
    case 'i':
      return 'an integer';
    case 'n':
      return 'a number';
    case 'b':
      return 'a boolean';
    case 'o':
      return 'an object';
    case 'a':
      return 'a list';
    case 'is':
      return 'an integer or a string';
    default:
      return 'any value';
  }
}

export function describeValue(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `the boolean ${v}`;
    default:
      return 'an object';
  }
}

function typeMatches(t: SchemaNode['t'], v: Json): boolean {
  switch (t) {
    case 's':
      return typeof v === 'string';
    case 'i':
      return typeof v === 'number' && Number.isInteger(v);
    case 'n':
      return typeof v === 'number' && Number.isFinite(v);
    case 'b':
      return typeof v === 'boolean';
    case 'o':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'a':
      return Array.isArray(v);
    case 'is':
      return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
    default:
      return true;
  }
}

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++; // a surrogate pair is one code point
    n++;
  }
  return n;
}

/** The value a mistyped scalar plainly meant ("443" → 443, "true" → true), when there is one. */
function coerce(t: SchemaNode['t'], v: Json): number | boolean | null {
  if (typeof v !== 'string') return null;
  if ((t === 'i' || t === 'n') && /^(0|[1-9][0-9]{0,9})$/.test(v)) return Number(v);
  if (t === 'b' && (v === 'true' || v === 'false')) return v === 'true';
  return null;
}

/** The candidates nearest to `word`, with whether exactly one is nearest (an unambiguous rename). */
export function nearest(word: string, candidates: readonly string[]): { best: string | null; unambiguous: boolean } {
  if (word.length > 80) return { best: null, unambiguous: false }; // no field is that long; spare the distance matrix
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestD = Infinity;
  let ties = 0;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
      ties = 1;
    } else if (d === bestD) ties++;
  }
  if (best === null || bestD > limit) return { best: null, unambiguous: false };
  return { best, unambiguous: ties === 1 };
}

/** Where below `node` (two levels at most) a field named `key` is declared: "trafficPolicy" for a DestinationRule
 *  `tls` written directly under spec. Only an unambiguous place is returned. */
export function fieldBelow(node: SchemaNode, key: string): string | null {
  // Breadth first: the shallowest level holding the field wins, when it holds it once.
  let level: [SchemaNode, string][] = [[node, '']];
  for (let depth = 0; depth < 2; depth++) {
    const found: string[] = [];
    const next: [SchemaNode, string][] = [];
    for (const [n, prefix] of level) {
      for (const [name, child] of n.props ?? []) {
        const target = child.t === 'a' && child.items ? child.items : child;
        const here = (prefix === '' ? name : `${prefix}.${name}`) + (child.t === 'a' ? '[]' : '');
        if (target.props?.has(key)) found.push(here);
        if (target.props) next.push([target, here]);
      }
    }
    if (found.length > 0) return found.length === 1 ? found[0]! : null;
    level = next;
  }
  return null;
}

export function walkSchema(value: Json | undefined, root: SchemaNode): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const path: (string | number)[] = [];
  const push = (p: SchemaProblem) => {
    if (out.length < MAX_PROBLEMS) out.push(p);
  };

  const visit = (v: Json, node: SchemaNode, inMapValue = false): void => {
    if (out.length >= MAX_PROBLEMS || node.t === 'any') return;
    // The YAML 1.1 reader turns `2024-01-01` into a Date; kubectl sends it as a string.
    if ((v as unknown) instanceof Date) {
      if (node.t !== 's' && node.t !== 'is')
        push({
          kind: 'type',
          path: [...path],
          expected: describeType(node.t),
          got: 'a date',
          fixValue: null,
          quotable: false,
          wrap: false,
          portNumber: null,
          matchKinds: null,
        });
      return;
    }
    if (!typeMatches(node.t, v)) {
      // Quoting is the plain fix only for list items and map values (ports: [8080], labels: {v: 1.0});
      // a field such as `timeout: 10` needs a unit, not quotes.
      const quotable =
        node.t === 's' &&
        (typeof v === 'number' || typeof v === 'boolean') &&
        (typeof path[path.length - 1] === 'number' || inMapValue);
      const wrap =
        node.t === 'a' && node.items?.t === 's' && typeof v === 'string' && typeof path[path.length - 1] === 'string';
      // Offer `{number: N}` only where that alone is a valid port selector: a real port number, and no other
      // required field (a Gateway server port also needs name and protocol, so wrapping would trade one error for another).
      const portNumber =
        node.t === 'o' &&
        node.props?.has('number') &&
        node.required.every((f) => f === 'number') &&
        typeof v === 'number' &&
        Number.isInteger(v) &&
        v >= 1 &&
        v <= 65535 &&
        typeof path[path.length - 1] === 'string'
          ? v
          : null;
      const matchKinds =
        node.t === 'o' && typeof v === 'string' && node.props?.has('exact') && node.props.has('prefix')
          ? node.names
          : null;
      push({
        kind: 'type',
        path: [...path],
        expected: describeType(node.t),
        got: describeValue(v),
        fixValue: coerce(node.t, v),
        quotable,
        wrap,
        portNumber,
        matchKinds,
      });
      return;
    }
    switch (node.t) {
      case 's': {
        const s = v as string;
        if (node.enum && !node.enum.includes(s)) {
          const ci = node.enum.filter((e) => e.toLowerCase() === s.toLowerCase());
          const near = ci.length === 0 ? nearest(s, node.enum) : { best: null };
          push({
            kind: 'enum',
            path: [...path],
            value: s,
            allowed: node.enum,
            caseFix: ci.length === 1 ? ci[0]! : null,
            suggestion: near.best,
          });
        }
        // Lengths count code points, as the API server does; UTF-16 length bounds them (cp ≤ length ≤ 2·cp),
        // so code points are only counted when the bound alone cannot decide.
        let tooLong = false;
        if (node.maxL !== undefined && s.length > node.maxL) {
          const count = s.length <= 100_000 ? codePoints(s) : null; // a huge value: its length is beside the point
          tooLong = count === null || count > node.maxL;
          if (tooLong)
            push({
              kind: 'value',
              path: [...path],
              detail: `is ${count ?? 'over 50,000'} characters long; at most ${node.maxL} are allowed`,
            });
        }
        if (node.minL !== undefined && s.length < node.minL * 2 && codePoints(s) < node.minL) {
          push({
            kind: 'value',
            path: [...path],
            detail: s.length === 0 ? 'must not be empty' : `must be at least ${node.minL} characters long`,
          });
        }
        if (node.pattern && !tooLong && s.length <= 4096 && !node.pattern.test(s)) {
          push({
            kind: 'value',
            path: [...path],
            detail: `"${s.length > 60 ? s.slice(0, 60) + '…' : s}" does not match the pattern ${node.pattern.source}`,
          });
        }
        return;
      }
      case 'i':
      case 'n': {
        const n = v as number;
        if (node.max !== undefined && n > node.max)
          push({ kind: 'value', path: [...path], detail: `is ${n}; the maximum is ${node.max}` });
        if (node.min !== undefined && n < node.min)
          push({ kind: 'value', path: [...path], detail: `is ${n}; the minimum is ${node.min}` });
        return;
      }
      case 'a': {
        const arr = v as Json[];
        if (node.maxI !== undefined && arr.length > node.maxI)
          push({ kind: 'value', path: [...path], detail: `has ${arr.length} items; at most ${node.maxI} are allowed` });
        if (node.minI !== undefined && arr.length < node.minI)
          push({
            kind: 'value',
            path: [...path],
            detail: arr.length === 0 ? 'must not be empty' : `must have at least ${node.minI} items`,
          });
        const items = node.items;
        if (!items || items.t === 'any') return;
        for (let i = 0; i < arr.length && out.length < MAX_PROBLEMS; i++) {
          path.push(i);
          visit(arr[i]!, items); // a null item is a type error: only object fields are pruned when null
          path.pop();
        }
        return;
      }
      case 'o': {
        const obj = v as { [k: string]: Json };
        if (node.props) {
          for (const key of Object.keys(obj)) {
            if (out.length >= MAX_PROBLEMS) return;
            const child = node.props.get(key);
            path.push(key);
            if (!child) {
              const camel = key.includes('_')
                ? key.replace(/_+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase())
                : null;
              const near =
                camel && node.props.has(camel) ? { best: camel, unambiguous: true } : nearest(key, node.names);
              const taken = near.best !== null && Object.prototype.hasOwnProperty.call(obj, near.best);
              push({
                kind: 'unknown',
                path: [...path],
                key,
                suggestion: near.best,
                unambiguous: near.unambiguous && !taken,
                belongsUnder: near.best ? null : fieldBelow(node, key),
              });
            } else if (obj[key] !== null) {
              visit(obj[key]!, child); // a null field is pruned by the API server before validation
            }
            path.pop();
          }
          if (node.exclusive) {
            const set = (k: string) => Object.prototype.hasOwnProperty.call(obj, k) && obj[k] !== null;
            const clash = node.exclusive.filter(([a, b]) => set(a) && set(b));
            if (clash.length > 0) {
              const fields = Object.keys(obj).filter((k) => clash.some(([a, b]) => a === k || b === k));
              push({ kind: 'oneof', path: [...path, fields[fields.length - 1]!], fields });
            }
          }
          for (const req of node.required) {
            const present = Object.prototype.hasOwnProperty.call(obj, req) && obj[req] !== null;
            if (!present) push({ kind: 'required', path: [...path], field: req });
          }
        } else if (node.values && node.values.t !== 'any') {
          const count = node.maxP !== undefined ? Object.keys(obj).length : 0;
          if (node.maxP !== undefined && count > node.maxP)
            push({ kind: 'value', path: [...path], detail: `has ${count} entries; at most ${node.maxP} are allowed` });
          for (const key of Object.keys(obj)) {
            if (out.length >= MAX_PROBLEMS) return;
            if (obj[key] === null) continue; // decoded as an empty value, not rejected
            path.push(key);
            visit(obj[key]!, node.values, true);
            path.pop();
          }
        }
        return;
      }
      default:
        return;
    }
  };

  if (value !== undefined) visit(value, root);
  return out;
}

/** A readable dotted path: spec.ports[0].number. */
export function dotted(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s === '' ? seg : `.${seg}`;
  return s;
}

/** The path with list positions blanked, for fingerprints that survive reordering. */
export function subjectPath(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? '[]' : s === '' ? seg : `.${seg}`;
  return s;
}
