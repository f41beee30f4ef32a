// GitHub's published OpenAPI description (@octokit/openapi, api.github.com) for the routes the stand-in serves:
// request bodies are validated against it, and answers are completed with every field it documents as required
// (so a client sees GitHub's full shapes, not just the fields the stand-in models).
// The dereferenced description is ~70 MB: it is read once per process, only the schemas of the served routes are
// kept (and cached on disk under node_modules/.cache so later test files skip the big parse), and each request schema
// is compiled by ajv on first use.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

type JsonSchema = Record<string, unknown>;

interface RouteSchemas {
  request?: JsonSchema;
  /** success status → schema of the JSON answer */
  responses: Record<string, JsonSchema>;
}

let schemas: Record<string, RouteSchemas> | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function specPath(): string {
  return require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
}

function loadSchemas(routes: string[]): Record<string, RouteSchemas> {
  if (schemas) return schemas;
  const spec = specPath();
  const pkg = JSON.parse(readFileSync(join(dirname(spec), '..', 'package.json'), 'utf8')) as { version: string };
  const key = `${pkg.version}-${createHash('sha1').update(routes.join('\n')).digest('hex').slice(0, 12)}`;
  const cacheDir = join(dirname(require.resolve('ajv/package.json')), '..', '.cache', 'github-stand-in');
  const cacheFile = join(cacheDir, `schemas-v2-${key}.json`);
  if (existsSync(cacheFile)) {
    try {
      schemas = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, RouteSchemas>;
      return schemas;
    } catch {
      // fall through: rebuild
    }
  }
  type Op = {
    requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
    responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  };
  const doc = JSON.parse(readFileSync(spec, 'utf8')) as { paths: Record<string, Record<string, Op>> };
  const out: Record<string, RouteSchemas> = {};
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op) continue;
    const entry: RouteSchemas = { responses: {} };
    const request = op.requestBody?.content?.['application/json']?.schema;
    if (request) entry.request = request;
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      const schema = r.content?.['application/json']?.schema;
      if (/^2\d\d$/.test(status) && schema) entry.responses[status] = schema;
    }
    out[route] = entry;
  }
  schemas = out;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(out));
    renameSync(tmp, cacheFile);
  } catch {
    // a read-only tree only costs the big parse again next time
  }
  return out;
}

export interface BodyCheck {
  ok: boolean;
  errors?: ErrorObject[];
  message?: string;
}

/**
 * Validates a JSON request body for a route template ('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews').
 * `routes` lists every route the stand-in serves (the set whose schemas are extracted and cached).
 */
export function validateBody(route: string, body: unknown, routes: string[]): BodyCheck {
  const schema = loadSchemas(routes)[route]?.request;
  if (!schema) return { ok: true };
  let validate = compiled.get(route);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
      const addFormats =
        (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
      (addFormats as unknown as (a: Ajv) => void)(ajv);
    }
    validate = ajv.compile(openApiNullable(schema) as JsonSchema);
    compiled.set(route, validate);
  }
  if (validate(body ?? {})) return { ok: true };
  const errors = validate.errors ?? [];
  return { ok: false, errors, message: ajv!.errorsText(errors, { dataVar: 'body' }) };
}

/**
 * The answer completed with every property the route's response schema requires and the stand-in did not set
 * (recursively: users, repositories, links…): null where the schema allows it, else the first enum value, an
 * example-like string, 0, false, [] or a completed object. Fields already present are kept as they are.
 */
export function completeResponse(route: string, status: number, body: unknown, routes: string[]): unknown {
  const schema = loadSchemas(routes)[route]?.responses[String(status)];
  return schema ? fill(body, schema, 0) : body;
}

/**
 * OpenAPI 3.0's `nullable: true` in the forms ajv does not take: without `type` (→ anyOf with null) and with an
 * `enum` that does not list null (→ null added).
 */
export function openApiNullable(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(openApiNullable);
  if (s === null || typeof s !== 'object') return s;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s as JsonSchema))
    out[k] = k === 'example' || k === 'examples' || k === 'enum' ? v : openApiNullable(v);
  if (out.nullable === true) {
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined) {
      delete out.nullable;
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function typesOf(s: JsonSchema): string[] {
  const t = s.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

function allowsNull(s: JsonSchema): boolean {
  if (s.nullable === true || typesOf(s).includes('null')) return true;
  const alts = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  return !!alts?.some((a) => allowsNull(a));
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The alternative of an anyOf/oneOf that fits a value best (same JSON type, and a matching `type` discriminator). */
function pickAlternative(alts: JsonSchema[], v: unknown): JsonSchema | undefined {
  const t = jsonType(v);
  const sameType = alts.filter((a) => {
    const ts = typesOf(a);
    return ts.length === 0 || ts.includes(t) || (t === 'integer' && ts.includes('number'));
  });
  const disc = (v as { type?: unknown } | null)?.type;
  return (
    sameType.find((a) => {
      const e = ((a.properties as Record<string, JsonSchema> | undefined)?.type?.enum ?? []) as unknown[];
      return e.includes(disc);
    }) ?? sameType[0]
  );
}

function fill(v: unknown, s: JsonSchema, depth: number): unknown {
  if (depth > 20) return v;
  if (Array.isArray(s.allOf)) for (const part of s.allOf as JsonSchema[]) v = fill(v, part, depth + 1);
  if (v === undefined) return defaultFor(s, depth);
  const alts = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alts && v !== null) {
    const alt = pickAlternative(alts, v);
    return alt ? fill(v, alt, depth + 1) : v;
  }
  if (Array.isArray(v)) {
    const items = s.items as JsonSchema | undefined;
    return items ? v.map((x) => fill(x, items, depth + 1)) : v;
  }
  if (v !== null && typeof v === 'object') {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const out: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    for (const [k, ps] of Object.entries(props)) {
      if (k in out) out[k] = fill(out[k], ps, depth + 1);
      else if (((s.required ?? []) as string[]).includes(k)) out[k] = defaultFor(ps, depth + 1);
    }
    return out;
  }
  return v;
}

function defaultFor(s: JsonSchema, depth: number): unknown {
  if (allowsNull(s)) return null;
  const alts = (s.anyOf ?? s.oneOf ?? s.allOf) as JsonSchema[] | undefined;
  if (alts && alts.length) return defaultFor(alts[0]!, depth + 1);
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  const t = typesOf(s)[0] ?? (s.properties ? 'object' : 'string');
  switch (t) {
    case 'string':
      if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
      if (s.format === 'uri' || s.format === 'url') return 'https://github.invalid/stand-in';
      if (s.format === 'email') return 'stand-in@example.invalid';
      return typeof s.example === 'string' ? s.example : '';
    case 'integer':
    case 'number':
      return typeof s.example === 'number' ? s.example : 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return fill({}, s, depth + 1);
  }
}
