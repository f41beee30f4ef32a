// HTTP route matches (a VirtualService's `http[].match[]` entries) as sets of requests, so that route order can be
// reasoned about: does one match take every request of another (covers), and is there a concrete request both take
// (commonRequest)? Both answers are conservative — "true" and a request only when they can be shown; a regex or a
// source condition that cannot be decided from files makes the answer "no".
import type { Json } from '../manifests/resource.js';
import { asObject, isObject } from '../manifests/resource.js';
import { hostMatches } from './hosts.js';
import { valueText } from '../util/quote.js';

/** One StringMatch: `present` is an empty header/query match (the name must be there, any value). */
export interface StringCond {
  kind: 'exact' | 'prefix' | 'regex' | 'present';
  value: string;
}

export interface HttpMatch {
  uri: StringCond | null;
  ignoreUriCase: boolean;
  scheme: StringCond | null;
  method: StringCond | null;
  authority: StringCond | null;
  /** Header names lower-cased, as HTTP treats them. */
  headers: Map<string, StringCond>;
  withoutHeaders: Map<string, StringCond>;
  queryParams: Map<string, StringCond>;
  port: number | null;
  sourceLabels: Record<string, string> | null;
  sourceNamespace: string | null;
  gateways: string[] | null;
}

/** A concrete request: what a finding shows as "GET /test-root1 with header x-canary: true". */
export interface HttpRequest {
  method: string;
  path: string;
  authority: string | null;
  scheme: string | null;
  headers: Map<string, string>;
  query: Map<string, string>;
}

/** No match at all (a route without `match`): every request. */
export const MATCH_ALL: HttpMatch = {
  uri: null,
  ignoreUriCase: false,
  scheme: null,
  method: null,
  authority: null,
  headers: new Map(),
  withoutHeaders: new Map(),
  queryParams: new Map(),
  port: null,
  sourceLabels: null,
  sourceNamespace: null,
  gateways: null,
};

function readCond(v: Json | undefined, emptyIsPresence: boolean): StringCond | null | 'bad' {
  if (v === undefined || v === null) return null;
  if (!isObject(v)) return 'bad';
  for (const kind of ['exact', 'prefix', 'regex'] as const) {
    const s = v[kind];
    if (s === undefined || s === null || s === '') continue;
    if (typeof s !== 'string') return 'bad';
    return { kind, value: s };
  }
  return emptyIsPresence ? { kind: 'present', value: '' } : null;
}

function readCondMap(v: Json | undefined, lower: boolean): Map<string, StringCond> | 'bad' {
  const out = new Map<string, StringCond>();
  if (v === undefined || v === null) return out;
  if (!isObject(v)) return 'bad';
  for (const [k, x] of Object.entries(v)) {
    const c = readCond(x, true);
    if (c === 'bad' || c === null) return 'bad';
    out.set(lower ? k.toLowerCase() : k, c);
  }
  return out;
}

/** Read one `match` entry; null when it has a shape the model cannot read (the schema rules report those). */
export function readHttpMatch(m: Json | undefined): HttpMatch | null {
  if (!isObject(m)) return null;
  const uri = readCond(m.uri, false);
  const scheme = readCond(m.scheme, false);
  const method = readCond(m.method, false);
  const authority = readCond(m.authority, false);
  const headers = readCondMap(m.headers, true);
  const withoutHeaders = readCondMap(m.withoutHeaders, true);
  const queryParams = readCondMap(m.queryParams, false);
  if (
    uri === 'bad' ||
    scheme === 'bad' ||
    method === 'bad' ||
    authority === 'bad' ||
    headers === 'bad' ||
    withoutHeaders === 'bad' ||
    queryParams === 'bad'
  )
    return null;
  if (m.port !== undefined && typeof m.port !== 'number') return null;
  const labels = m.sourceLabels === undefined ? null : asObject(m.sourceLabels);
  const gateways = Array.isArray(m.gateways) ? m.gateways.filter((g): g is string => typeof g === 'string') : null;
  return {
    uri,
    ignoreUriCase: m.ignoreUriCase === true,
    scheme,
    method,
    authority,
    headers,
    withoutHeaders,
    queryParams,
    port: typeof m.port === 'number' && m.port !== 0 ? m.port : null,
    sourceLabels:
      labels && Object.keys(labels).length > 0
        ? Object.fromEntries(Object.entries(labels).map(([k, x]) => [k, valueText(x)]))
        : null,
    sourceNamespace: typeof m.sourceNamespace === 'string' && m.sourceNamespace !== '' ? m.sourceNamespace : null,
    gateways: gateways && gateways.length > 0 ? gateways : null,
  };
}

/** Is this match a catch-all as Envoy's route table sees it (what Istio moves to the end of a gateway's merged
 *  routes): any path (no uri, prefix "/" or regex ".*") and no header, method or query condition. */
export function isCatchAllMatch(m: HttpMatch): boolean {
  const anyPath =
    m.uri === null ||
    (m.uri.kind === 'prefix' && m.uri.value === '/') ||
    (m.uri.kind === 'regex' && m.uri.value === '.*');
  return (
    anyPath &&
    m.method === null &&
    m.authority === null &&
    m.scheme === null &&
    m.headers.size === 0 &&
    m.withoutHeaders.size === 0 &&
    m.queryParams.size === 0
  );
}

// ---- satisfying a condition -------------------------------------------------------------------------

const regexCache = new Map<string, RegExp | null>();
function fullRegex(re: string): RegExp | null {
  if (!regexCache.has(re)) {
    let compiled: RegExp | null;
    try {
      compiled = new RegExp(`^(?:${re})$`);
    } catch {
      compiled = null;
    }
    regexCache.set(re, compiled);
  }
  return regexCache.get(re)!;
}

/** Does `value` satisfy `c`? null when it cannot be decided (a regex JavaScript cannot read). */
function satisfies(c: StringCond, value: string, ignoreCase = false): boolean | null {
  const v = ignoreCase ? value.toLowerCase() : value;
  const w = ignoreCase ? c.value.toLowerCase() : c.value;
  switch (c.kind) {
    case 'present':
      return true;
    case 'exact':
      return v === w;
    case 'prefix':
      return v.startsWith(w);
    case 'regex': {
      const re = fullRegex(c.value);
      return re ? re.test(value) : null;
    }
  }
}

/** Every value satisfying `b` satisfies `a` (provably). */
function condCovers(a: StringCond | null, b: StringCond | null, aIgnoreCase = false, bIgnoreCase = false): boolean {
  if (a === null) return true;
  if (b === null) return false;
  if (a.kind === 'present') return true;
  if (bIgnoreCase && !aIgnoreCase) return false;
  const fold = (s: string) => (aIgnoreCase ? s.toLowerCase() : s);
  if (a.kind === 'regex' || b.kind === 'regex' || b.kind === 'present') return a.kind === b.kind && a.value === b.value;
  if (a.kind === 'exact') return b.kind === 'exact' && fold(a.value) === fold(b.value);
  return fold(b.value).startsWith(fold(a.value)); // a prefix covers an exact or prefix that starts with it
}

const uriIsAnyPath = (c: StringCond | null) => c === null || (c.kind === 'prefix' && c.value === '/');

/** Every request `b` takes, `a` takes too (shown from the conditions; false when unsure). */
export function matchCovers(a: HttpMatch, b: HttpMatch): boolean {
  if (!uriIsAnyPath(a.uri) && !condCovers(a.uri, b.uri, a.ignoreUriCase, b.ignoreUriCase)) return false;
  if (!condCovers(a.scheme, b.scheme) || !condCovers(a.method, b.method) || !condCovers(a.authority, b.authority))
    return false;
  for (const [k, ca] of a.headers) if (!condCovers(ca, b.headers.get(k) ?? null)) return false;
  for (const [k, ca] of a.queryParams) if (!condCovers(ca, b.queryParams.get(k) ?? null)) return false;
  // `a` refuses requests carrying a header value; `b` must refuse at least those.
  for (const [k, na] of a.withoutHeaders) {
    const nb = b.withoutHeaders.get(k);
    if (!nb || !condCovers(nb, na)) return false;
  }
  if (a.port !== null && a.port !== b.port) return false;
  if (a.sourceNamespace !== null && a.sourceNamespace !== b.sourceNamespace) return false;
  if (a.sourceLabels) {
    for (const [k, v] of Object.entries(a.sourceLabels)) if (b.sourceLabels?.[k] !== v) return false;
  }
  if (a.gateways) {
    if (!b.gateways || !b.gateways.every((g) => a.gateways!.includes(g))) return false;
  }
  return true;
}

/** Does the match take this request? null when it cannot be decided (regex, or a source condition). */
export function matchTakes(m: HttpMatch, r: HttpRequest): boolean | null {
  if (m.sourceLabels || m.sourceNamespace) return null;
  let unsure = false;
  const check = (c: StringCond | null, v: string | null | undefined, ignoreCase = false): boolean => {
    if (c === null) return true;
    if (v === null || v === undefined) return c.kind === 'present' ? false : ((unsure = true), false);
    const s = satisfies(c, v, ignoreCase);
    if (s === null) {
      unsure = true;
      return false;
    }
    return s;
  };
  let ok = check(m.uri, r.path, m.ignoreUriCase) && check(m.method, r.method) && check(m.scheme, r.scheme);
  if (ok && m.authority) ok = check(m.authority, r.authority);
  for (const [k, c] of m.headers) if (ok) ok = r.headers.has(k) && check(c, r.headers.get(k));
  for (const [k, c] of m.queryParams) if (ok) ok = r.query.has(k) && check(c, r.query.get(k));
  for (const [k, c] of m.withoutHeaders) {
    if (!ok || !r.headers.has(k)) continue;
    const s = satisfies(c, r.headers.get(k)!);
    if (s === null) unsure = true;
    else if (s) ok = false;
  }
  if (unsure && !ok) return null;
  return ok;
}

/** Values that could satisfy both conditions, most specific first. */
function candidates(...conds: (StringCond | null | undefined)[]): string[] {
  const out = conds
    .filter((c): c is StringCond => !!c && (c.kind === 'exact' || c.kind === 'prefix'))
    .map((c) => c.value);
  return [...new Set(out)].sort((x, y) => y.length - x.length);
}

/** A value both conditions accept, or null when none can be shown. */
function commonValue(
  a: StringCond | null,
  b: StringCond | null,
  fallback: string,
  aFold = false,
  bFold = false,
): string | null {
  const pool =
    a === null && b === null
      ? [fallback]
      : [...candidates(a, b), ...(a?.kind === 'present' || b?.kind === 'present' ? [fallback] : [])];
  for (const v of pool) {
    if ((a === null || satisfies(a, v, aFold) === true) && (b === null || satisfies(b, v, bFold) === true)) return v;
  }
  return null;
}

/** A concrete request both matches take, or null when none can be shown. `host` is the virtual host (a request's
 *  authority must be one it serves). Source conditions (sourceLabels, sourceNamespace) are not decidable from the
 *  request, so a match with them never yields one. */
export function commonRequest(a: HttpMatch, b: HttpMatch, host: string | null = null): HttpRequest | null {
  if (a.sourceLabels || b.sourceLabels || a.sourceNamespace || b.sourceNamespace) return null;
  if (a.port !== null && b.port !== null && a.port !== b.port) return null;
  const path = commonValue(a.uri, b.uri, '/', a.ignoreUriCase, b.ignoreUriCase);
  const method = commonValue(a.method, b.method, 'GET');
  const scheme = a.scheme || b.scheme ? commonValue(a.scheme, b.scheme, 'http') : null;
  const defaultAuthority = host === null ? 'example.com' : host.startsWith('*') ? `www${host.slice(1)}` : host;
  const authority = a.authority || b.authority ? commonValue(a.authority, b.authority, defaultAuthority) : null;
  if (
    path === null ||
    method === null ||
    (scheme === null && (a.scheme || b.scheme)) ||
    (authority === null && (a.authority || b.authority))
  )
    return null;
  if (authority !== null && host !== null && !hostMatches(host, authority.split(':')[0]!)) return null;
  const headers = new Map<string, string>();
  for (const k of new Set([...a.headers.keys(), ...b.headers.keys()])) {
    const v = commonValue(a.headers.get(k) ?? null, b.headers.get(k) ?? null, 'true');
    if (v === null) return null;
    headers.set(k, v);
  }
  const query = new Map<string, string>();
  for (const k of new Set([...a.queryParams.keys(), ...b.queryParams.keys()])) {
    const v = commonValue(a.queryParams.get(k) ?? null, b.queryParams.get(k) ?? null, 'true');
    if (v === null) return null;
    query.set(k, v);
  }
  const request: HttpRequest = { method, path, authority, scheme, headers, query };
  // The request is built from one side's conditions; check it against both in full (withoutHeaders included).
  return matchTakes(a, request) === true && matchTakes(b, request) === true ? request : null;
}

/** "GET /test-root1?v=2 with header x-canary: true". */
export function describeRequest(r: HttpRequest): string {
  const q = [...r.query].map(([k, v]) => `${k}=${v}`).join('&');
  const parts = [`${r.method} ${r.path}${q ? `?${q}` : ''}`];
  const with_: string[] = [];
  if (r.authority !== null) with_.push(`authority ${r.authority}`);
  if (r.scheme !== null) with_.push(`scheme ${r.scheme}`);
  for (const [k, v] of r.headers) with_.push(`header ${k}: ${v}`);
  if (with_.length > 0) parts.push(`with ${with_.join(', ')}`);
  return parts.join(' ');
}

/** "/test-root" (prefix) or "= /api/v2" (exact), plus the other conditions, for naming a route in a message. */
export function describeMatch(m: HttpMatch): string {
  const parts: string[] = [];
  if (m.uri)
    parts.push(
      m.uri.kind === 'exact' ? `= ${m.uri.value}` : m.uri.kind === 'prefix' ? m.uri.value : `~ ${m.uri.value}`,
    );
  if (m.method) parts.push(`method ${m.method.value}`);
  for (const [k, c] of m.headers)
    parts.push(
      c.kind === 'present'
        ? `header ${k}`
        : `header ${k}${c.kind === 'exact' ? ': ' : c.kind === 'prefix' ? ' starting ' : ' ~ '}${c.value}`,
    );
  for (const [k, c] of m.queryParams) parts.push(`query ${k}${c.kind === 'present' ? '' : `=${c.value}`}`);
  for (const k of m.withoutHeaders.keys()) parts.push(`without header ${k}`);
  if (m.port !== null) parts.push(`port ${m.port}`);
  return parts.length > 0 ? parts.join(', ') : '(every request)';
}
