// What a kustomization file refers to, read only to know which files it consumes and where its patches and
// transformer settings are written. Rendering is kustomize's job (see render.ts); nothing here re-implements it.
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type ParsedNode } from 'yaml';
import { makeSourceFile, lineOf, type SourceFile } from '../manifests/source.js';

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function isKustomizationPath(p: string): boolean {
  return KUSTOMIZATION_NAMES.includes(path.posix.basename(p));
}

/** A patch as the kustomization lists it: in a file, or written inline. */
export interface PatchRef {
  /** Repository-relative path of the patch file; null for an inline patch. */
  file: string | null;
  /** Inline patch text, and the line of the kustomization where it starts (its first content line). */
  inline: { text: string; firstLine: number } | null;
  /** The `target:` selector, when given. */
  target: { kind?: string; name?: string; namespace?: string; group?: string } | null;
  /** Where the entry is written in the kustomization. */
  line: number;
}

export interface Kustomization {
  /** Repository-relative path of the kustomization file. */
  file: string;
  dir: string;
  source: SourceFile;
  doc: Document.Parsed<ParsedNode>;
  /** Local entries of resources/bases/components, resolved against the kustomization's directory. */
  resources: string[];
  components: string[];
  /** Remote entries (URLs, git references): kustomize fetches them; they are not files of this tree. */
  remote: string[];
  patches: PatchRef[];
  /** Other local files it reads: generator inputs, replacements, configurations, CRDs. */
  otherFiles: string[];
  /** Line of a top-level key (namespace, namePrefix, labels, …), when present. */
  keyLine(key: string): number | null;
  /** `kind: Component`: applied only through another kustomization's `components:`, never built on its own. */
  isComponent: boolean;
  /** A problem reading it (not YAML, not a mapping), and its line: the kustomization is still a target. */
  problem: string | null;
  problemLine: number;
}

function isRemote(entry: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
    /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(entry) ||
    /\?ref=|\/\/.*\?/.test(entry)
  );
}

export function parseKustomization(file: string, text: string): Kustomization {
  const dir = path.posix.dirname(file);
  const source = makeSourceFile(file, text);
  const doc = parseDocument(source.text, { version: '1.1', keepSourceTokens: false });
  const k: Kustomization = {
    file,
    dir,
    source,
    doc,
    resources: [],
    components: [],
    remote: [],
    patches: [],
    otherFiles: [],
    isComponent: false,
    problem: null,
    problemLine: 1,
    keyLine: (key) => {
      const contents = doc.contents;
      if (!isMap(contents)) return null;
      const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === key);
      const r = (pair?.key as Node | undefined)?.range;
      return r ? lineOf(source, r[0]) : null;
    },
  };
  if (doc.errors.length > 0) {
    k.problem = doc.errors[0]!.message.split('\n')[0]!;
    k.problemLine = lineOf(source, doc.errors[0]!.pos[0]);
    return k;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    if (root !== null) k.problem = 'a kustomization must be a YAML mapping';
    return k;
  }
  const kind = root.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.value;
  k.isComponent = isScalar(kind) && kind.value === 'Component';
  const rel = (p: string) => path.posix.normalize(path.posix.join(dir, p));
  const strings = (key: string): { value: string; node: Node }[] => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    const v = pair?.value;
    if (!isSeq(v)) return [];
    return v.items
      .filter((i): i is typeof i & { value: string } => isScalar(i) && typeof i.value === 'string')
      .map((i) => ({ value: i.value, node: i }));
  };
  const seqOfMaps = (key: string) => {
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    return isSeq(pair?.value) ? (pair.value as { items: unknown[] }).items : [];
  };
  for (const key of ['resources', 'bases']) {
    for (const { value } of strings(key))
      (isRemote(value) ? k.remote : k.resources).push(isRemote(value) ? value : rel(value));
  }
  for (const { value } of strings('components'))
    (isRemote(value) ? k.remote : k.components).push(isRemote(value) ? value : rel(value));
  const lineOfNode = (n: unknown) => {
    const r = (n as Node | null)?.range;
    return r ? lineOf(source, r[0]) : 1;
  };
  const inlineOf = (n: unknown): PatchRef['inline'] => {
    if (!isScalar(n) || typeof n.value !== 'string') return null;
    const r = (n as Node).range!;
    // A block scalar's content starts on the line after its indicator (`|`, `|-`); a plain or quoted one on its own line.
    const block = n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED';
    return { text: n.value, firstLine: lineOf(source, r[0]) + (block ? 1 : 0) };
  };
  const targetOf = (n: unknown): PatchRef['target'] => {
    if (!isMap(n)) return null;
    const t: NonNullable<PatchRef['target']> = {};
    for (const p of n.items) {
      if (!isScalar(p.key) || !isScalar(p.value) || typeof p.value.value !== 'string') continue;
      const key = String(p.key.value);
      if (key === 'kind' || key === 'name' || key === 'namespace' || key === 'group') t[key] = p.value.value;
    }
    return t;
  };
  const mapField = (item: unknown, key: string): unknown =>
    isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === key)?.value : undefined;
  for (const key of ['patches', 'patchesJson6902']) {
    for (const item of seqOfMaps(key)) {
      const p = mapField(item, 'path');
      const inline = inlineOf(mapField(item, 'patch'));
      const file = isScalar(p) && typeof p.value === 'string' ? rel(p.value) : null;
      if (!file && !inline) continue;
      k.patches.push({ file, inline, target: targetOf(mapField(item, 'target')), line: lineOfNode(item) });
    }
  }
  for (const item of seqOfMaps('patchesStrategicMerge')) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    // An entry is a file path, or (older kustomize) the patch itself written inline.
    if (/\n/.test(item.value) || /^\s*(apiVersion|kind):/m.test(item.value))
      k.patches.push({ file: null, inline: inlineOf(item), target: null, line: lineOfNode(item) });
    else k.patches.push({ file: rel(item.value), inline: null, target: null, line: lineOfNode(item) });
  }
  // Generator inputs and other files kustomize reads: consumed, never checked as manifests of their own.
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    for (const item of seqOfMaps(key)) {
      for (const list of ['files', 'envs']) {
        const v = mapField(item, list);
        if (isSeq(v))
          for (const f of v.items)
            if (isScalar(f) && typeof f.value === 'string') k.otherFiles.push(rel(f.value.replace(/^[^=]*=/, '')));
      }
      const env = mapField(item, 'env');
      if (isScalar(env) && typeof env.value === 'string') k.otherFiles.push(rel(env.value));
    }
  }
  for (const key of ['crds', 'configurations', 'transformers', 'generators', 'validators']) {
    for (const { value } of strings(key)) if (!isRemote(value)) k.otherFiles.push(rel(value));
  }
  for (const item of seqOfMaps('replacements')) {
    const p = mapField(item, 'path');
    if (isScalar(p) && typeof p.value === 'string') k.otherFiles.push(rel(p.value));
  }
  const openapi = mapField(root.items.find((p) => isScalar(p.key) && p.key.value === 'openapi')?.value ?? null, 'path');
  if (isScalar(openapi) && typeof openapi.value === 'string') k.otherFiles.push(rel(openapi.value));
  return k;
}

/** The kustomization file in a directory of the tree, if any. */
export function kustomizationIn(dir: string, has: (p: string) => boolean): string | null {
  for (const name of KUSTOMIZATION_NAMES) {
    const p = dir === '.' || dir === '' ? name : `${dir}/${name}`;
    if (has(p)) return p;
  }
  return null;
}
