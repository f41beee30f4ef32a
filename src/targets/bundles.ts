// Generated bundles: one file holding the objects of several other files (a release manifest concatenated from its
// sources, with pinned image tags). It is an alternative way to apply the same app, never applied together with its
// sources, so it is a target of its own: its objects are checked once there and never paired with their sources.
// Pure: files are read through the given function.
import { makeSourceFile } from '../manifests/source.js';
import { parseManifestFile } from '../manifests/parse.js';
import { MAX_TOTAL_BYTES } from '../manifests/limits.js';

/** A bundle holds at least this many objects… */
export const BUNDLE_MIN_OBJECTS = 3;
/** …and at least this share of them is copied from other, smaller files (its sources). One or two shared
 *  objects in a large file are a real duplicate (reported by duplicate-resource), not a bundle; a file whose objects
 *  are mostly copies of smaller files is. Two equally large files with the same objects (alternative versions of one
 *  app) are neither's sources: they stay together, and their differences stay duplicate-resource warnings. */
export const BUNDLE_MIN_SHARED = 0.5;

/** …gathered from at least this many source files: one smaller file with the same names is another version of it
 *  (clusters/prod/app.yaml beside clusters/staging/app.yaml), not its source. */
export const BUNDLE_MIN_SOURCES = 2;

/** …and a shared object counts only when the smaller file's copy is nearly the same: at least this share of their
 *  fields (path = value, over both) are equal. A generated copy differs in a pinned image tag or a label; an
 *  alternative version of an object (a route to another subset, a tutorial step) differs in what it is about. */
export const BUNDLE_MIN_COPY_SIMILARITY = 0.8;

export interface ObjectFacts {
  id: string;
}

/** The objects one document's value holds (a `kind: List` holds its items), each with its identity —
 *  group/kind/namespace/name, a namespace left out written as '' — read straight from the value: discovery compares
 *  identities and fields only, so it builds no Resource (that is the views' work). */
export function objectsOfValue(value: unknown): { id: string; obj: Record<string, unknown> }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const o = value as Record<string, unknown>;
  if (o.kind === 'List' && Array.isArray(o.items)) return o.items.flatMap((item) => objectsOfValue(item));
  const { apiVersion, kind } = o;
  const meta = o.metadata !== null && typeof o.metadata === 'object' ? (o.metadata as Record<string, unknown>) : {};
  const name = meta.name ?? meta.generateName;
  if (
    typeof apiVersion !== 'string' ||
    typeof kind !== 'string' ||
    typeof name !== 'string' ||
    name === '' ||
    kind === ''
  )
    return [];
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return [{ id: `${group}/${kind}/${typeof meta.namespace === 'string' ? meta.namespace : ''}/${name}`, obj: o }];
}

function objectValuesIn(file: string, text: string): { id: string; obj: Record<string, unknown> }[] | null {
  const parsed = parseManifestFile(makeSourceFile(file, text));
  if (parsed.docs.length === 0) return null;
  return parsed.docs.flatMap((d) => objectsOfValue(d.value));
}

/** The objects in a manifest file: identity and fields; null when it is not one. */
export function objectsIn(file: string, text: string): { id: string; fields: Set<string> }[] | null {
  return objectValuesIn(file, text)?.map((o) => ({ id: o.id, fields: fieldsOf(o.obj) })) ?? null;
}

/**
 * The identities of each file's objects (none when it is not a manifest), each file parsed once: discovery's steps
 * share one reader. Only identities are kept (values are let go at once), and no more text is read than one run
 * checks (MAX_TOTAL_BYTES): files past that are not checked anyway (input-too-large), so discovery does not parse
 * them either — time and memory stay bounded on hostile trees.
 */
export function objectReader(
  readText: (p: string) => string | null,
  maxBytes = MAX_TOTAL_BYTES,
): (file: string) => ObjectFacts[] {
  const cache = new Map<string, ObjectFacts[]>();
  let bytes = 0;
  return (f) => {
    let v = cache.get(f);
    if (v === undefined) {
      const text = /\.(ya?ml|json)$/i.test(f) ? readText(f) : null;
      if (text !== null) bytes += text.length;
      v = (text !== null && bytes <= maxBytes ? objectValuesIn(f, text)?.map((o) => ({ id: o.id })) : null) ?? [];
      cache.set(f, v);
    }
    return v;
  };
}

function fieldsOf(value: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, at: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    else out.add(`${at}=${JSON.stringify(v)}`);
  };
  walk(value, '');
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const f of a) if (b.has(f)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 1 : both / union;
}

/**
 * Which of the `loose` files are generated bundles. `others` are every other file holding whole objects under the
 * checked paths (files kustomize roots consume as resources included: a bundle's sources may be a kustomization's).
 */
export function findBundles(
  loose: readonly string[],
  others: readonly string[],
  readText: (p: string) => string | null,
  objects = objectReader(readText),
): string[] {
  // Cheap first: only a file with several documents can be a bundle; most trees have none, and nothing else is read.
  const candidates = loose.filter((f) => {
    const text = /\.(ya?ml|json)$/i.test(f) ? readText(f) : null;
    return (
      text !== null &&
      (text.match(/^---/gm)?.length ?? 0) >= BUNDLE_MIN_OBJECTS - 1 &&
      objects(f).length >= BUNDLE_MIN_OBJECTS
    );
  });
  if (candidates.length === 0) return [];
  /** For each identity, the files defining it and their sizes (object counts). */
  const definedIn = new Map<string, { file: string; size: number }[]>();
  for (const f of new Set([...loose, ...others])) {
    const mine = objects(f);
    for (const o of mine)
      (definedIn.get(o.id) ?? definedIn.set(o.id, []).get(o.id)!).push({ file: f, size: mine.length });
  }
  // Fields are compared only between a candidate and the smaller files sharing its identities: read again, on demand.
  const fieldCache = new Map<string, Map<string, Set<string>>>();
  const fieldsIn = (f: string): Map<string, Set<string>> => {
    let v = fieldCache.get(f);
    if (v === undefined) {
      const text = readText(f);
      v = new Map((text !== null ? objectsIn(f, text) : null)?.map((o) => [o.id, o.fields]) ?? []);
      fieldCache.set(f, v);
    }
    return v;
  };
  return candidates.filter((f) => {
    const mine = objects(f);
    const sources = new Set<string>();
    let shared = 0;
    for (const o of mine) {
      const from = (definedIn.get(o.id) ?? []).filter((d) => {
        if (d.file === f || d.size >= mine.length) return false;
        const theirs = fieldsIn(d.file).get(o.id);
        const ours = fieldsIn(f).get(o.id);
        return theirs !== undefined && ours !== undefined && similarity(theirs, ours) >= BUNDLE_MIN_COPY_SIMILARITY;
      });
      if (from.length > 0) shared++;
      for (const d of from) sources.add(d.file);
    }
    return shared / mine.length >= BUNDLE_MIN_SHARED && sources.size >= BUNDLE_MIN_SOURCES;
  });
}
