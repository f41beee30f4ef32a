// From kustomize's output back to the files a user edits. kustomize's build metadata says which file each object
// came from (config.kubernetes.io/origin) and which kustomizations transformed it; a field then maps to:
//   - the patch that sets it, when a patch of one of those kustomizations holds the rendered value there;
//   - the kustomization line of the transformer that produced it (namespace, namePrefix/nameSuffix, labels);
//   - else its place in the origin file.
// A fix is offered only where the mapped source text holds the rendered value. Pure: files come from a reader.
import { parse as parseYaml } from 'yaml';
import { makeSourceFile, type SourceFile } from '../manifests/source.js';
import { parseManifestFile, type FileProblem } from '../manifests/parse.js';
import type { ParsedDocument } from '../manifests/parsed-document.js';
import { resourcesOf } from '../manifests/identity.js';
import { locateIn } from '../manifests/locate.js';
import {
  getPath,
  isObject,
  type Json,
  type JsonObject,
  type ObjectOrigin,
  type Path,
  type Resource,
  type SourceSpan,
} from '../manifests/resource.js';
import type { Kustomization, PatchRef } from './kustomization.js';
import type { Target } from './discover.js';

export interface ParsedSource {
  src: SourceFile;
  docs: ParsedDocument[];
  resources: Resource[];
  problems: FileProblem[];
}

export interface SourceReader {
  /** A file of the tree, parsed (null when absent or unreadable). */
  file(treePath: string): ParsedSource | null;
  /** The tree's path for a file that a tool names relative to `baseDir`; null when it is not in the tree. */
  treePath(baseDir: string, toolPath: string): string | null;
}

export interface MappedOutput {
  resources: Resource[];
  /** Source files the objects map to (for displays and line clamping). */
  files: SourceFile[];
  problems: FileProblem[];
}

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

/** One place a patch writes: a strategic-merge object, or one JSON 6902 operation's value. */
interface PatchSite {
  kustomization: Kustomization;
  ref: PatchRef;
  /** Strategic merge: the partial object. JSON 6902: the operation's target path and value. */
  smp: { kind: string | null; name: string | null; value: JsonObject; docPath: Path } | null;
  /** `path` segments are keys and indexes, or "-" (JSON Pointer's end of a list). */
  op: { path: (string | number)[]; value: Json; docPath: Path } | null;
  doc: ParsedDocument;
  src: SourceFile;
  /** Added to lines of an inline patch (its text starts inside the kustomization). */
  lineOffset: number;
  /** The file findings name: the patch file, or the kustomization holding it inline. */
  file: string;
  /** A resource fixes may edit (file patches only). */
  fixResource: Resource | null;
}

export function mapKustomizeOutput(
  text: string,
  baseDir: string,
  target: Target,
  reader: SourceReader,
  opts: { defaultNamespace?: string },
): MappedOutput {
  const rootFile = target.kustomizations[0]?.file ?? `${target.root}/kustomization.yaml`;
  const used = new Map<string, SourceFile>();
  const problems: FileProblem[] = [];
  const sites = loadPatchSites(target, reader, used, problems);
  const renderedSrc = makeSourceFile(rootFile, text);
  const rendered = parseManifestFile(renderedSrc);
  const resources: Resource[] = [];
  for (const d of rendered.docs) {
    if (!isObject(d.value)) continue;
    const meta = isObject(d.value.metadata) ? d.value.metadata : {};
    const ann = isObject(meta.annotations) ? meta.annotations : {};
    const origin = readYaml(ann[ORIGIN]);
    const transformations = readYaml(ann[TRANSFORMATIONS]);
    // The metadata is ours, not the user's: rules never see it. (Only the value is cleaned: positions of a rendered
    // object are never used, its fields map to the sources.)
    delete ann[ORIGIN];
    delete ann[TRANSFORMATIONS];
    if (isObject(meta.annotations) && Object.keys(ann).length === 0) delete meta.annotations;

    const originFile =
      isObject(origin) && typeof origin.path === 'string' ? reader.treePath(baseDir, origin.path) : null;
    const generatorIn =
      isObject(origin) && typeof origin.configuredIn === 'string'
        ? reader.treePath(baseDir, origin.configuredIn)
        : null;
    const configuredIn = Array.isArray(transformations)
      ? transformations.filter(isObject).map((t) => ({
          file: typeof t.configuredIn === 'string' ? reader.treePath(baseDir, t.configuredIn) : null,
          kind: isObject(t.configuredBy) && typeof t.configuredBy.kind === 'string' ? t.configuredBy.kind : '',
        }))
      : [];
    const parsedOrigin = originFile ? reader.file(originFile) : null;
    if (parsedOrigin) used.set(parsedOrigin.src.path, parsedOrigin.src);
    // The rendered text, named after the file the object comes from (messages that name an object's file say that).
    const objSrc: SourceFile = { ...renderedSrc, path: originFile ?? generatorIn ?? rootFile };
    const ids = resourcesOf(objSrc, [d], { configDefault: opts.defaultNamespace });
    const r = ids.resources[0];
    if (!r) continue;
    const source = parsedOrigin ? pickSource(parsedOrigin.resources, r) : null;
    const kustomizationsOf = (kind: string) =>
      configuredIn
        .filter((c) => c.kind === kind && c.file)
        .map((c) => target.kustomizations.find((k) => k.file === c.file))
        .filter((k): k is Kustomization => !!k);
    const patchKs = new Set(
      kustomizationsOf('PatchTransformer').concat(
        kustomizationsOf('PatchStrategicMergeTransformer'),
        kustomizationsOf('PatchJson6902Transformer'),
      ),
    );
    // Outer kustomizations patch last, so their patches win: look at them first, and at later patches first.
    const applicable = sites.filter((s) => patchKs.has(s.kustomization) && patchMatches(s, r, source)).reverse();
    const fallbackFile = originFile ?? generatorIn ?? target.kustomizations[0]?.file ?? rootFile;
    r.origin = kustomizeOrigin(r, source, applicable, {
      fallbackFile,
      transformerLine: (key) => {
        for (const c of [...configuredIn].reverse()) {
          const k = target.kustomizations.find((x) => x.file === c.file);
          const line = k?.keyLine(key) ?? null;
          if (k && line !== null) return { file: k.file, line };
        }
        return null;
      },
    });
    resources.push(r);
  }
  return { resources, files: [...used.values()], problems };
}

function readYaml(v: Json | undefined): Json | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    return parseYaml(v) as Json;
  } catch {
    return undefined;
  }
}

/** The object of the origin file that the rendered one came from: same kind, and its name (before any prefix). */
function pickSource(candidates: Resource[], r: Resource): Resource | null {
  const sameKind = candidates.filter((c) => c.kind === r.kind && c.group === r.group);
  return (
    sameKind.find((c) => c.name === r.name) ??
    sameKind.filter((c) => r.name.includes(c.name)).sort((a, b) => b.name.length - a.name.length)[0] ??
    (sameKind.length === 1 ? sameKind[0]! : null)
  );
}

function loadPatchSites(
  target: Target,
  reader: SourceReader,
  used: Map<string, SourceFile>,
  problems: FileProblem[],
): PatchSite[] {
  const sites: PatchSite[] = [];
  for (const k of target.kustomizations) {
    for (const ref of k.patches) {
      let parsed: { src: SourceFile; docs: ParsedDocument[]; resources: Resource[] } | null;
      let lineOffset = 0;
      if (ref.file) {
        const p = reader.file(ref.file);
        if (!p) continue;
        used.set(p.src.path, p.src);
        // A patch file's syntax matters (kustomize reads it); as an object it is partial, so nothing else is checked.
        problems.push(...p.problems.filter((x) => x.rule === 'yaml-syntax' || x.rule === 'duplicate-key'));
        parsed = p;
      } else if (ref.inline) {
        const src = makeSourceFile(k.file, ref.inline.text);
        const docs = parseManifestFile(src).docs;
        parsed = { src, docs, resources: [] };
        lineOffset = ref.inline.firstLine - 1;
      } else continue;
      const file = ref.file ?? k.file;
      for (const doc of parsed.docs) {
        const v = doc.value;
        if (Array.isArray(v)) {
          v.forEach((op, i) => {
            if (
              !isObject(op) ||
              typeof op.path !== 'string' ||
              (op.op !== 'add' && op.op !== 'replace') ||
              op.value === undefined
            )
              return;
            const segs = op.path
              .split('/')
              .slice(1)
              .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
              .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
            const fixResource = ref.file ? syntheticResource(parsed.src, doc, [i, 'value']) : null;
            sites.push({
              kustomization: k,
              ref,
              smp: null,
              op: { path: segs, value: op.value, docPath: [i, 'value'] },
              doc,
              src: parsed.src,
              lineOffset,
              file,
              fixResource,
            });
          });
        } else if (isObject(v)) {
          const meta = isObject(v.metadata) ? v.metadata : {};
          const res = ref.file
            ? (parsed.resources.find((r) => r.obj === v) ?? syntheticResource(parsed.src, doc, []))
            : null;
          sites.push({
            kustomization: k,
            ref,
            op: null,
            doc,
            src: parsed.src,
            lineOffset,
            file,
            fixResource: res,
            smp: {
              kind: typeof v.kind === 'string' ? v.kind : null,
              name: typeof meta.name === 'string' ? meta.name : null,
              value: v,
              docPath: [],
            },
          });
        }
      }
    }
  }
  return sites;
}

/** Enough of a Resource for buildFix to edit a place inside a patch document. */
function syntheticResource(src: SourceFile, doc: ParsedDocument, basePath: Path): Resource {
  return {
    apiVersion: '',
    group: '',
    version: '',
    kind: 'Patch',
    name: src.path,
    namespace: null,
    namespaceSource: 'cluster-scoped',
    labels: {},
    annotations: {},
    obj: {},
    spec: {},
    file: src,
    get doc() {
      return doc.doc;
    },
    get positions() {
      return doc.positions;
    },
    basePath,
    get startLine() {
      return doc.startLine;
    },
    get endLine() {
      return doc.endLine;
    },
  };
}

function nameMatches(pattern: string, names: string[]): boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`);
  } catch {
    return names.includes(pattern);
  }
  return names.some((n) => re.test(n));
}

function patchMatches(s: PatchSite, r: Resource, source: Resource | null): boolean {
  const names = [r.name, ...(source ? [source.name] : [])];
  const t = s.ref.target;
  if (t) {
    if (t.kind && t.kind !== r.kind) return false;
    if (t.group !== undefined && t.group !== r.group) return false;
    if (t.name && !nameMatches(t.name, names)) return false;
    return true;
  }
  if (s.smp) return (s.smp.kind === null || s.smp.kind === r.kind) && s.smp.name !== null && names.includes(s.smp.name);
  return false;
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || a === undefined || b === undefined) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** The longest prefix of `p` that exists in `obj`. */
function existingPrefix(obj: Json, p: Path): Path {
  let i = 0;
  while (i < p.length && getPath(obj, p.slice(0, i + 1)) !== undefined) i++;
  return p.slice(0, i);
}

interface OriginContext {
  fallbackFile: string;
  /** The kustomization line that sets a transformer key (outermost first). */
  transformerLine(key: string): { file: string; line: number } | null;
}

type Mapped = SourceSpan & { fix: { resource: Resource; path: Path } | null };

function kustomizeOrigin(r: Resource, source: Resource | null, patches: PatchSite[], ctx: OriginContext): ObjectOrigin {
  const map = (p: Path): Mapped => {
    const present = existingPrefix(r.obj, p);
    const renderedValue = getPath(r.obj, present);
    // 1. A patch that writes this very value.
    for (const s of patches) {
      if (s.smp) {
        if (present.length === 0) continue;
        const v = getPath(s.smp.value, present);
        if (v === undefined || !deepEqual(v, renderedValue)) continue;
        const span = locateIn(s.doc, s.src, [...s.smp.docPath, ...p]);
        return {
          file: s.file,
          line: span.line + s.lineOffset,
          endLine: span.endLine + s.lineOffset,
          fix: s.fixResource && s.lineOffset === 0 ? { resource: s.fixResource, path: p } : null,
        };
      }
      if (s.op) {
        const op = s.op;
        if (present.length < op.path.length) continue;
        const prefixOk = op.path.every((seg, i) => (seg === '-' ? typeof present[i] === 'number' : seg === present[i]));
        if (!prefixOk) continue;
        const rest = present.slice(op.path.length);
        const v = getPath(op.value, rest);
        if (v === undefined || !deepEqual(v, renderedValue)) continue;
        const full = p.slice(op.path.length);
        const span = locateIn(s.doc, s.src, [...op.docPath, ...full]);
        return {
          file: s.file,
          line: span.line + s.lineOffset,
          endLine: span.endLine + s.lineOffset,
          fix: s.fixResource && s.lineOffset === 0 ? { resource: s.fixResource, path: full } : null,
        };
      }
    }
    const sourceValue = source ? getPath(source.obj, present) : undefined;
    const same = source !== null && deepEqual(sourceValue, renderedValue);
    // 2. A value only a transformer produced: the kustomization line that configures it.
    if (!same) {
      const key = transformerKeyFor(present, source);
      const at = key ? key.map((k) => ctx.transformerLine(k)).find((x) => x !== null) : null;
      if (at) return { file: at.file, line: at.line, endLine: at.line, fix: null };
    }
    // 3. Where the origin file writes it.
    if (source) {
      const span = locateIn(source, source.file, [...source.basePath, ...p]);
      return {
        file: source.file.path,
        line: span.line,
        endLine: span.endLine,
        fix: same ? { resource: source, path: p } : null,
      };
    }
    const at =
      ctx.transformerLine('resources') ??
      ctx.transformerLine('configMapGenerator') ??
      ctx.transformerLine('secretGenerator');
    return { file: at?.file ?? ctx.fallbackFile, line: at?.line ?? 1, endLine: at?.line ?? 1, fix: null };
  };
  return {
    locate: (p) => {
      const m = map(p);
      return { file: m.file, line: m.line, endLine: m.endLine };
    },
    fixAt: (p) => map(p).fix,
  };
}

/** Which kustomization keys can produce the value at `p` when the origin file does not hold it. */
function transformerKeyFor(p: Path, source: Resource | null): string[] | null {
  const [a, b] = p;
  if (a === 'metadata' && b === 'namespace') return ['namespace'];
  if (a === 'metadata' && b === 'name') return ['namePrefix', 'nameSuffix'];
  if (a === 'metadata' && b === 'labels') return ['labels', 'commonLabels'];
  if (a === 'metadata' && b === 'annotations') return ['commonAnnotations'];
  // Selectors and pod template labels get the common labels too.
  const last = p[p.length - 1];
  if (
    typeof last === 'string' &&
    p.some((s) => s === 'selector' || s === 'matchLabels' || s === 'labels') &&
    (!source || getPath(source.obj, p) === undefined)
  )
    return ['labels', 'commonLabels'];
  if (p.includes('image') || p.includes('images')) return ['images'];
  if (p.length >= 2 && p[0] === 'spec' && p[1] === 'replicas') return ['replicas'];
  return null;
}
