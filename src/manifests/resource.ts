// A Kubernetes object read from a file, with its identity and a way back to the YAML it came from.
import type { Document, ParsedNode } from 'yaml';
import type { ResourceRef } from '../types.js';
import type { SourceFile } from './source.js';
import type { DocPositions } from './locate.js';
import { emptyRecord } from '../util/own.js';
import type { Path } from './path.js';

export type { Path };

/** Any JSON-like value read from YAML; rules must check types before use (manifests lie). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Resource {
  apiVersion: string;
  /** API group: "" for the core group. */
  group: string;
  version: string;
  kind: string;
  name: string;
  /** null for cluster-scoped kinds. */
  namespace: string | null;
  /** Where the namespace came from; "default" means neither the manifest nor a kustomization said. */
  namespaceSource: 'metadata' | 'kustomization' | 'default' | 'config' | 'cluster-scoped';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The whole object as plain data. */
  obj: JsonObject;
  /** `obj.spec` when it is an object, else an empty object. */
  spec: JsonObject;
  file: SourceFile;
  /** The YAML document holding this object, for positions and format-preserving fixes. */
  doc: Document.Parsed<ParsedNode>;
  /** Offsets of the document's nodes when it was parsed on a worker thread (see locateIn). */
  positions?: DocPositions;
  /** Path of this object inside its document: [] normally, ['items', i] inside a `kind: List`. */
  basePath: Path;
  /** Line where the object starts (its document, or its list item). */
  startLine: number;
  endLine: number;
  /** Set on an object a tool rendered (kustomize, a render command): where its fields are written in the sources.
   *  Its `file` and `doc` are then the rendered text, which no user edits. */
  origin?: ObjectOrigin;
}

/** A place in a source file. */
export interface SourceSpan {
  file: string;
  line: number;
  endLine: number;
}

export interface ObjectOrigin {
  /** The source lines of the field at `path` (relative to the object; an absent field maps as its nearest ancestor). */
  locate(path: Path): SourceSpan;
  /** The source object and path a fix of the field at `path` edits: only where the source text holds exactly the
   *  rendered value (a value a patch or transformer changed cannot be fixed where the base writes it). */
  fixAt(path: Path): { resource: Resource; path: Path } | null;
}

export function refOf(r: Resource): ResourceRef {
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}

/** "Kind ns/name" or "Kind name", as istioctl prints resources. */
export function describeResource(r: { kind: string; namespace: string | null; name: string }): string {
  return r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at `path`, or undefined. */
export function getPath(obj: Json | undefined, path: Path): Json | undefined {
  let cur: Json | undefined = obj;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isObject(cur) || !Object.hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

export function asString(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function asArray(v: Json | undefined): Json[] {
  return Array.isArray(v) ? v : [];
}

/** The strings of a list (other items dropped), or null when the value is absent or not a list. The one reader of
 *  string lists (hosts, exportTo, gateways, kustomize resources, MeshConfig lists). */
export function stringsOf(v: unknown): string[] | null {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
}

export function asObject(v: Json | undefined): JsonObject {
  return isObject(v) ? v : {};
}

/** Label maps as strings; Kubernetes would reject non-string values, which schema rules report. */
export function asStringMap(v: Json | undefined): Record<string, string> {
  return stringMap(v) ?? emptyRecord<string>();
}

/** asStringMap for maps kept for the whole run and only read (a resource's labels and annotations): an empty one is
 *  a single shared, frozen object. An object without a prototype is a hash table of its own, about 150 bytes even
 *  when empty, and most resources have no annotations, many no labels. */
export function readOnlyStringMap(v: Json | undefined): Readonly<Record<string, string>> {
  return stringMap(v) ?? NO_STRINGS;
}

const NO_STRINGS: Readonly<Record<string, string>> = Object.freeze(emptyRecord<string>());

/** The string-valued entries (numbers and booleans as text), or null when there are none. */
function stringMap(v: Json | undefined): Record<string, string> | null {
  // No prototype: a label or annotation named `__proto__` or `constructor` is an entry like any other.
  let out: Record<string, string> | null = null;
  if (!isObject(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') (out ??= emptyRecord<string>())[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') (out ??= emptyRecord<string>())[k] = String(val);
  }
  return out;
}
