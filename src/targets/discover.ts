// Which targets a tree holds: kustomize roots (kustomizations no other kustomization there references), the
// targets the config declares, and the loose files no target consumes. Pure: the tree is given as functions.
import path from 'node:path';
import picomatch from 'picomatch';
import { isKustomizationPath, kustomizationIn, parseKustomization, type Kustomization } from './kustomization.js';
import type { DeclaredTarget } from '../config/config.js';
import { findBundles, objectReader, type ObjectFacts } from './bundles.js';
import { findEnvironmentFolders } from './environments.js';

/** `component`: a kustomize Component no kustomization under the checked paths uses. kustomize cannot build one on
 *  its own and nothing applies it, so it is listed, not checked; its files are not loose files either. */
/** `bundle`: a generated one-file bundle of objects defined in other files (see bundles.ts): checked on its own. */
/** `folder`: the loose files of one environment folder (see environments.ts), with the loose files its siblings share. */
export type TargetKind = 'kustomize' | 'paths' | 'render' | 'loose' | 'component' | 'bundle' | 'folder';

export interface Target {
  name: string;
  kind: TargetKind;
  /** kustomize: the root kustomization's directory; folder: the environment folder. */
  root: string | null;
  /** folder: every environment folder beside it (itself included), sorted. */
  environments: string[];
  /** render: the command that prints the manifests. */
  command: string | null;
  /** render: the paths its arguments name; a change under one of them changes the target. */
  watch: string[];
  /** Every file the target consumes (manifests, patches, kustomizations, generator inputs), sorted. */
  files: string[];
  /** kustomize: every kustomization it builds, the root first. */
  kustomizations: Kustomization[];
  /** Files kustomize reads as patches: partial objects, never checked as whole ones. */
  patchFiles: Set<string>;
  /** Per-target settings from a declared target. */
  defaultNamespace: string | null;
  mesh: Record<string, unknown> | null;
}

export interface TreeLookup {
  /** Files under the checked paths (the tree's own path form). */
  files: readonly string[];
  exists(p: string): boolean;
  readText(p: string): string | null;
  /** The objects of these files, read (and parsed) in one go by the reader the views will use too, so that no file
   *  is parsed twice; the returned function answers for any file. Default: parse each file here. */
  objectsOf?(files: readonly string[]): (file: string) => ObjectFacts[];
}

export const LOOSE_TARGET = 'default';

/** istio-review's own config: settings, not a manifest. */
const CONFIG_FILES = new Set(['.istio-review.yaml', '.istio-review.yml']);

function emptyTarget(name: string, kind: TargetKind): Target {
  return {
    name,
    kind,
    root: null,
    environments: [],
    command: null,
    watch: [],
    files: [],
    kustomizations: [],
    patchFiles: new Set(),
    defaultNamespace: null,
    mesh: null,
  };
}

/** `declared` paths, kustomize directories and commands are relative to `baseDir` (the config file's directory). */
export function discoverTargets(tree: TreeLookup, declared: readonly DeclaredTarget[] | null, baseDir = ''): Target[] {
  const fromBase = (p: string) => normalize(baseDir ? `${baseDir}/${p}` : p);
  const relToBase = (f: string) => (baseDir ? path.posix.relative(baseDir, f) : f);
  const cache = new Map<string, Kustomization | null>();
  const load = (file: string): Kustomization | null => {
    if (!cache.has(file)) {
      const text = tree.readText(file);
      cache.set(file, text === null ? null : parseKustomization(file, text));
    }
    return cache.get(file)!;
  };
  const targets: Target[] = [];
  if (declared && declared.length > 0) {
    for (const d of declared) {
      const t = emptyTarget(d.name, d.kustomize ? 'kustomize' : d.render ? 'render' : 'paths');
      t.defaultNamespace = d.defaultNamespace;
      t.mesh = d.mesh;
      if (d.kustomize) {
        const root = fromBase(d.kustomize);
        t.root = root;
        closeOver(t, root, tree, load);
      } else if (d.render) {
        t.command = d.render;
        // What a render command reads cannot be known; the files its arguments name (a chart, a values file) stand in.
        const args = d.render
          .split(/\s+/)
          .filter((a) => a && !a.startsWith('-'))
          .map(fromBase);
        t.watch = args;
        t.files = tree.files.filter((f) => args.some((a) => f === a || f.startsWith(`${a}/`))).sort();
      } else {
        const match = picomatch(d.paths, { dot: true });
        t.files = tree.files.filter((f) => match(relToBase(f))).sort();
        for (const f of t.files)
          if (isKustomizationPath(f)) {
            const k = load(f);
            if (k) for (const p of k.patches) if (p.file) t.patchFiles.add(p.file);
          }
      }
      targets.push(t);
    }
  } else {
    const ks = tree.files
      .filter(isKustomizationPath)
      .map(load)
      .filter((k): k is Kustomization => k !== null);
    const referenced = new Set<string>();
    for (const k of ks) {
      for (const entry of [...k.resources, ...k.components]) {
        const inner = kustomizationIn(entry, (p) => tree.exists(p));
        if (inner) referenced.add(inner);
      }
    }
    for (const k of ks
      .filter((k) => !referenced.has(k.file))
      .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))) {
      const t = emptyTarget(k.dir, k.isComponent ? 'component' : 'kustomize');
      t.root = k.dir;
      closeOver(t, k.dir, tree, load);
      targets.push(t);
    }
  }
  const consumed = new Set(targets.flatMap((t) => t.files));
  // tree.files is what the walk chose, plus files named on the command line (and standard input): all manifests.
  const patches = new Set(targets.flatMap((t) => [...t.patchFiles]));
  const manifests = tree.files.filter(
    (f) => !isKustomizationPath(f) && !CONFIG_FILES.has(path.posix.basename(f)) && !patches.has(f),
  );
  const unconsumed = manifests.filter((f) => !consumed.has(f));
  // A generated bundle beside its sources is another way to apply them, never together with them: its own target.
  const readText = (p: string) => tree.readText(p);
  const objects = tree.objectsOf ? tree.objectsOf(unconsumed) : objectReader(readText);
  const bundles = new Set(
    findBundles(
      unconsumed,
      manifests.filter((f) => consumed.has(f)),
      readText,
      objects,
    ),
  );
  for (const f of [...bundles].sort()) {
    const t = emptyTarget(f, 'bundle');
    t.files = [f];
    targets.push(t);
  }
  let loose = unconsumed.filter((f) => !bundles.has(f));
  // One folder per cluster or environment, defining the same objects: each is applied alone. Declared targets say
  // what is applied together themselves.
  const split = declared && declared.length > 0 ? null : findEnvironmentFolders(loose, objects);
  if (split) {
    for (const dir of split.folders) {
      const t = emptyTarget(dir, 'folder');
      t.root = dir;
      t.environments = split.folders;
      t.files = [...split.filesOf.get(dir)!, ...split.shared].sort();
      targets.push(t);
    }
    const taken = new Set(targets.filter((t) => t.kind === 'folder').flatMap((t) => t.files));
    loose = loose.filter((f) => !taken.has(f));
  }
  if (loose.length > 0 || targets.length === 0) {
    const t = emptyTarget(LOOSE_TARGET, 'loose');
    t.files = loose;
    // Kustomization files among the loose ones still say which namespace their listed files land in.
    targets.push(t);
  }
  return targets;
}

/** Every file a kustomize root consumes, following resources, bases and components into nested kustomizations. */
function closeOver(t: Target, rootDir: string, tree: TreeLookup, load: (f: string) => Kustomization | null): void {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const kf = kustomizationIn(dir, (p) => tree.exists(p));
    if (!kf || seen.has(kf)) return;
    seen.add(kf);
    files.add(kf);
    const k = load(kf);
    if (!k) return;
    t.kustomizations.push(k);
    for (const entry of [...k.resources, ...k.components]) {
      if (kustomizationIn(entry, (p) => tree.exists(p))) visit(entry);
      else files.add(entry);
    }
    for (const p of k.patches)
      if (p.file) {
        files.add(p.file);
        t.patchFiles.add(p.file);
      }
    for (const f of k.otherFiles) files.add(f);
  };
  visit(rootDir);
  t.files = [...files].sort();
}

function normalize(p: string): string {
  const n = path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '');
  return n.startsWith('./') ? n.slice(2) : n;
}

/** Does a change to these paths change what the target applies? */
export function targetTouches(t: Target, changed: ReadonlySet<string>): boolean {
  if (t.files.some((f) => changed.has(f))) return true;
  for (const c of changed) if (t.watch.some((a) => c === a || c.startsWith(`${a}/`))) return true;
  return false;
}

/** Paths the declared render targets' commands name (relative to the repository root): what they read. */
export function renderInputs(declared: readonly DeclaredTarget[] | null, baseDir = ''): (p: string) => boolean {
  const args = (declared ?? [])
    .flatMap((d) => (d.render ? d.render.split(/\s+/).filter((a) => a && !a.startsWith('-')) : []))
    .map((a) => normalize(baseDir ? `${baseDir}/${a}` : a));
  return (p) => args.some((a) => p === a || p.startsWith(`${a}/`));
}
