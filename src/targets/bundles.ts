// Generated bundles: one file holding the objects of several other files (a release manifest concatenated from its
// sources, with pinned image tags). It is an alternative way to apply the same app, never applied together with its
// sources, so it is a target of its own: its objects are checked once there and never paired with their sources.
// Pure: files are read through the given function.
import { makeSourceFile } from '../manifests/source.js';
import { parseManifestFile } from '../manifests/parse.js';
import { resourcesOf } from '../manifests/identity.js';

/** A bundle holds at least this many objects… */
export const BUNDLE_MIN_OBJECTS = 3;
/** …and at least this share of them is also defined in other, smaller files (its sources). One or two shared
 *  objects in a large file are a real duplicate (reported by duplicate-resource), not a bundle; a file whose objects
 *  are mostly copies of smaller files is. Two equally large files with the same objects (alternative versions of one
 *  app) are neither's sources: they stay together, and their differences stay duplicate-resource warnings. */
export const BUNDLE_MIN_SHARED = 0.5;

/** …gathered from at least this many source files: one smaller file with the same names is another version of it
 *  (clusters/prod/app.yaml beside clusters/staging/app.yaml), not its source. */
export const BUNDLE_MIN_SOURCES = 2;

/** The objects' identities (group/kind/namespace/name) in a manifest file; null when it is not one. */
export function identitiesIn(file: string, text: string): string[] | null {
  const src = makeSourceFile(file, text);
  const parsed = parseManifestFile(src);
  if (parsed.docs.length === 0) return null;
  return resourcesOf(src, parsed.docs, {}).resources.map((r) => `${r.group}/${r.kind}/${r.namespace ?? ''}/${r.name}`);
}

/**
 * Which of the `loose` files are generated bundles. `others` are every other file holding whole objects under the
 * checked paths (files kustomize roots consume as resources included: a bundle's sources may be a kustomization's).
 */
export function findBundles(loose: readonly string[], others: readonly string[], readText: (p: string) => string | null): string[] {
  const cache = new Map<string, string[]>();
  const ids = (f: string): string[] => {
    let v = cache.get(f);
    if (v === undefined) {
      const text = /\.(ya?ml|json)$/i.test(f) ? readText(f) : null;
      v = (text !== null ? identitiesIn(f, text) : null) ?? [];
      cache.set(f, v);
    }
    return v;
  };
  // Cheap first: only a file with several documents can be a bundle; most trees have none, and nothing else is read.
  const candidates = loose.filter((f) => {
    const text = /\.(ya?ml|json)$/i.test(f) ? readText(f) : null;
    return text !== null && (text.match(/^---/gm)?.length ?? 0) >= BUNDLE_MIN_OBJECTS - 1 && ids(f).length >= BUNDLE_MIN_OBJECTS;
  });
  if (candidates.length === 0) return [];
  /** For each identity, the sizes (object counts) of the files defining it. */
  const definedIn = new Map<string, { file: string; size: number }[]>();
  for (const f of new Set([...loose, ...others])) {
    const mine = ids(f);
    for (const id of new Set(mine)) (definedIn.get(id) ?? definedIn.set(id, []).get(id)!).push({ file: f, size: mine.length });
  }
  return candidates.filter((f) => {
    const mine = ids(f);
    const sources = new Set<string>();
    let shared = 0;
    for (const id of mine) {
      const from = (definedIn.get(id) ?? []).filter((d) => d.file !== f && d.size < mine.length);
      if (from.length > 0) shared++;
      for (const d of from) sources.add(d.file);
    }
    return shared / mine.length >= BUNDLE_MIN_SHARED && sources.size >= BUNDLE_MIN_SOURCES;
  });
}
