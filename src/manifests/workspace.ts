// The Workspace: every manifest file parsed once, its resources and the problems found while reading.
// Pure: it receives file contents; reading the disk or git is the caller's job.
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { makeSourceFile, type SourceFile } from './source.js';
import { parseManifestFile } from './parse.js';
import { fileProblem, type FileProblem, type ProblemMessage } from './file-problems.js';
import { resourcesOf } from './identity.js';
import { stringsOf, type Resource } from './resource.js';
import type { ParsedFile } from './parallel.js';
import { notAManifest } from './not-a-manifest.js';

export interface InputFile {
  path: string;
  /** Decoded text, or a problem found while reading (binary content, invalid UTF-8, too large). */
  text: string | null;
  readProblem?: ProblemMessage<'unreadable-file'>;
  /** The file already parsed (by readManifestFiles, possibly on another thread); buildWorkspace uses it as is. */
  parsed?: ParsedFile;
}

export interface Workspace {
  files: SourceFile[];
  resources: Resource[];
  problems: FileProblem[];
  /** YAML files that are plainly not Kubernetes objects (workflows, Helm values, tool configs): counted, not reported. */
  notManifests: string[];
}

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export function isKustomizationFile(p: string): boolean {
  return KUSTOMIZATION_NAMES.has(path.basename(p));
}

export interface WorkspaceOptions {
  /** Namespace for resources that state none and no kustomization places (default "default"). */
  defaultNamespace?: string;
}

export function buildWorkspace(inputs: InputFile[], opts: WorkspaceOptions = {}): Workspace {
  const kustomizeNs = kustomizationNamespaces(inputs);
  const files: SourceFile[] = [];
  const resources: Resource[] = [];
  const problems: FileProblem[] = [];
  const notManifests: string[] = [];
  for (const input of inputs) {
    if (input.text === null) {
      problems.push(
        fileProblem('unreadable-file', input.readProblem ?? { messageId: 'notText' }, { file: input.path, line: 1 }),
      );
      continue;
    }
    if (isKustomizationFile(input.path)) {
      notManifests.push(input.path);
      continue;
    } // read above for namespaces
    const src = input.parsed?.source ?? makeSourceFile(input.path, input.text);
    const parsed = input.parsed ?? parseManifestFile(src);
    if (
      notAManifest(
        input.path,
        parsed.docs.map((d) => d.value),
        parsed.problems.length > 0,
      )
    ) {
      notManifests.push(input.path);
      continue;
    }
    files.push(src);
    problems.push(...parsed.problems);
    const ids = resourcesOf(src, parsed.docs, {
      kustomizationNamespace: kustomizeNs.get(normalize(input.path)),
      configDefault: opts.defaultNamespace,
    });
    resources.push(...ids.resources);
    problems.push(...ids.problems);
  }
  return { files, resources, problems, notManifests };
}

function normalize(p: string): string {
  return path.posix.normalize(p.split(path.sep).join('/'));
}

/** Maps each file a kustomization lists (directly, or through a listed directory's own kustomization)
 *  to the namespace that kustomization sets. The outermost kustomization wins, as in `kustomize build`. */
export function kustomizationNamespaces(inputs: InputFile[]): Map<string, string> {
  const byDir = new Map<string, { namespace?: string; resources: string[] }>();
  for (const f of inputs) {
    if (!isKustomizationFile(f.path) || f.text === null) continue;
    let k: unknown;
    try {
      k = parseYaml(f.text, { version: '1.1' });
    } catch {
      continue;
    }
    if (typeof k !== 'object' || k === null) continue;
    const o = k as Record<string, unknown>;
    const list = [...(stringsOf(o.resources) ?? []), ...(stringsOf(o.bases) ?? [])];
    byDir.set(path.posix.dirname(normalize(f.path)), {
      namespace: typeof o.namespace === 'string' ? o.namespace : undefined,
      resources: list,
    });
  }
  const result = new Map<string, string>();
  const visit = (dir: string, ns: string | undefined, seen: Set<string>) => {
    const k = byDir.get(dir);
    if (!k || seen.has(dir)) return;
    seen.add(dir);
    const effective = ns ?? k.namespace;
    for (const r of k.resources) {
      const target = path.posix.normalize(path.posix.join(dir, r));
      if (byDir.has(target)) visit(target, effective, seen);
      else if (effective && !result.has(target)) result.set(target, effective);
    }
  };
  // Visit outermost first: shorter directory paths before the ones nested in them.
  for (const dir of [...byDir.keys()].sort((a, b) => a.length - b.length)) visit(dir, undefined, new Set());
  return result;
}

/** A settings file given on the command line (e.g. `--mesh-networks`) as a synthetic resource, so rules can
 *  report against its lines the way istioctl reports on `MeshNetworks istio-system/meshnetworks`. Null when the
 *  file holds no YAML mapping. */
export function settingsFileResource(
  input: { path: string; text: string },
  identity: { apiVersion: string; kind: string; namespace: string | null; name: string },
): Resource | null {
  const src = makeSourceFile(input.path, input.text);
  const doc = parseManifestFile(src).docs[0];
  if (!doc || typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) return null;
  const slash = identity.apiVersion.lastIndexOf('/');
  const obj = doc.value;
  return {
    apiVersion: identity.apiVersion,
    group: slash === -1 ? '' : identity.apiVersion.slice(0, slash),
    version: identity.apiVersion.slice(slash + 1),
    kind: identity.kind,
    name: identity.name,
    namespace: identity.namespace,
    namespaceSource: identity.namespace === null ? 'cluster-scoped' : 'config',
    labels: {},
    annotations: {},
    obj,
    spec: obj,
    file: src,
    doc: doc.doc,
    basePath: [],
    startLine: doc.startLine,
    endLine: doc.endLine,
  };
}

/** Adds the mesh-networks settings file as the synthetic `MeshNetworks <istio namespace>/meshnetworks` resource
 *  that istioctl reports mesh-networks problems on, so rules can point at the file's lines. */
export function addMeshNetworksResource(
  ws: Workspace,
  source: { path: string; text: string },
  istioNamespace: string,
): void {
  const r = settingsFileResource(source, {
    apiVersion: 'mesh.istio.io/v1alpha1',
    kind: 'MeshNetworks',
    namespace: istioNamespace,
    name: 'meshnetworks',
  });
  if (r) {
    ws.resources.push(r);
    ws.files.push(r.file);
  }
}
