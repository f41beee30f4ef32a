// Request-body validation against GitHub's published OpenAPI description (@octokit/openapi, api.github.com).
// The dereferenced description is ~70 MB: it is read once per process, only the request-body schemas of the routes the
// stand-in serves are kept (and cached on disk under node_modules/.cache so later test files skip the big parse), and
// each schema is compiled by ajv on first use.

import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

type Schemas = Record<string /* 'POST /repos/{owner}/{repo}/...' */, unknown /* JSON schema */>;

let schemas: Schemas | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function specPath(): string {
  return require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
}

function loadSchemas(routes: string[]): Schemas {
  if (schemas) return schemas;
  const spec = specPath();
  const pkg = JSON.parse(readFileSync(join(dirname(spec), '..', 'package.json'), 'utf8')) as { version: string };
  const key = `${pkg.version}-${createHash('sha1').update(routes.join('\n')).digest('hex').slice(0, 12)}`;
  const cacheDir = join(dirname(require.resolve('ajv/package.json')), '..', '.cache', 'github-stand-in');
  const cacheFile = join(cacheDir, `request-bodies-${key}.json`);
  if (existsSync(cacheFile)) {
    try {
      schemas = JSON.parse(readFileSync(cacheFile, 'utf8')) as Schemas;
      return schemas;
    } catch {
      // fall through: rebuild
    }
  }
  const doc = JSON.parse(readFileSync(spec, 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
  };
  const out: Schemas = {};
  for (const route of routes) {
    const [method, path] = route.split(' ') as [string, string];
    const op = doc.paths[path]?.[method.toLowerCase()];
    const schema = op?.requestBody?.content?.['application/json']?.schema;
    if (schema) out[route] = schema;
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
  const all = loadSchemas(routes);
  const schema = all[route];
  if (!schema) return { ok: true };
  let validate = compiled.get(route);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
      const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
      (addFormats as unknown as (a: Ajv) => void)(ajv);
    }
    validate = ajv.compile(schema as object);
    compiled.set(route, validate);
  }
  if (validate(body ?? {})) return { ok: true };
  const errors = validate.errors ?? [];
  return { ok: false, errors, message: ajv!.errorsText(errors, { dataVar: 'body' }) };
}
