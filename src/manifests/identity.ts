// Turns parsed YAML documents into Resources: apiVersion/kind/namespace/name, `kind: List` items,
// and the namespace a resource lands in when its manifest does not say.
import type { Document, ParsedNode } from 'yaml';
import { fileProblem, type FileProblem, type ProblemMessage } from './file-problems.js';
import type { ParsedDocument } from './parsed-document.js';
import type { SourceFile } from './source.js';
import { CLUSTER_SCOPED_KINDS, TOOLING_API_GROUPS, splitApiVersion } from './kinds.js';
import { asStringMap, isObject, type Json, type JsonObject, type Path, type Resource } from './resource.js';
import { locateIn, type DocPositions } from './locate.js';
import { isEmptyDocument } from './not-a-manifest.js';

type NotAManifest = ProblemMessage<'not-a-manifest'>;

export interface NamespaceDefaults {
  /** Namespace from a kustomization.yaml that lists this file, if any. */
  kustomizationNamespace?: string;
  /** Namespace the config file gives resources that say none (else "default", as `kubectl apply` without -n). */
  configDefault?: string;
}

export function resourcesOf(
  src: SourceFile,
  docs: ParsedDocument[],
  ns: NamespaceDefaults,
): { resources: Resource[]; problems: FileProblem[] } {
  const resources: Resource[] = [];
  const problems: FileProblem[] = [];
  for (const d of docs) {
    const problem = (message: NotAManifest, line = d.startLine, endLine = d.endLine) =>
      problems.push(fileProblem('not-a-manifest', message, { file: src.path, line, endLine }));
    if (isEmptyDocument(d.value)) continue; // a trailing `---` or a document of comments: kubectl skips it
    if (!isObject(d.value)) {
      const what = Array.isArray(d.value) ? 'a list' : `a ${d.value === null ? 'null' : typeof d.value} value`;
      problem({ messageId: 'notAnObject', data: { what } });
      continue;
    }
    const v = d.value;
    if (v.kind === 'List' && Array.isArray(v.items)) {
      v.items.forEach((item, i) => {
        const basePath = ['items', i];
        let span: { line: number; endLine: number } | undefined;
        const lines = () => { span ??= locateIn(d, src, basePath); return { startLine: span.line, endLine: span.endLine }; };
        if (!isObject(item)) {
          problem({ messageId: 'listItemNotAnObject', data: { index: i } }, lines().startLine, lines().endLine);
          return;
        }
        const r = toResource(src, d, item, basePath, lines, ns, problem);
        if (r) resources.push(r);
      });
      continue;
    }
    const r = toResource(src, d, v, [], () => ({ startLine: d.startLine, endLine: d.endLine }), ns, problem);
    if (r) resources.push(r);
  }
  return { resources, problems };
}

function toResource(
  src: SourceFile,
  parsed: ParsedDocument,
  obj: JsonObject,
  basePath: Path,
  /** The object's lines: asked for only when needed (they may need the file parsed again: lazy-document.ts). */
  lines: () => { startLine: number; endLine: number },
  ns: NamespaceDefaults,
  problem: (message: NotAManifest, line?: number, endLine?: number) => void,
): Resource | null {
  const apiVersion = obj.apiVersion;
  const kind = obj.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === '' || apiVersion === '') {
    const missing = [typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : null, typeof kind !== 'string' || kind === '' ? 'kind' : null]
      .filter(Boolean).join(' and ');
    problem({ messageId: 'noApiVersionOrKind', data: { missing } }, lines().startLine, lines().endLine);
    return null;
  }
  const { group, version } = splitApiVersion(apiVersion);
  if (TOOLING_API_GROUPS.has(group)) return null; // kustomization.yaml and friends: read elsewhere for context
  const metadata: JsonObject = isObject(obj.metadata) ? obj.metadata : {};
  const nameValue: Json | undefined = metadata.name ?? metadata.generateName;
  if (typeof nameValue !== 'string' || nameValue === '') {
    const at = locateIn(parsed, src, [...basePath, 'metadata']);
    problem({ messageId: 'noName', data: { kind } }, at.line, at.endLine);
    return null;
  }
  let namespace: string | null;
  let namespaceSource: Resource['namespaceSource'];
  if (CLUSTER_SCOPED_KINDS.has(kind)) {
    namespace = null;
    namespaceSource = 'cluster-scoped';
  } else if (typeof metadata.namespace === 'string' && metadata.namespace !== '') {
    namespace = metadata.namespace;
    namespaceSource = 'metadata';
  } else if (ns.kustomizationNamespace) {
    namespace = ns.kustomizationNamespace;
    namespaceSource = 'kustomization';
  } else if (ns.configDefault) {
    namespace = ns.configDefault;
    namespaceSource = 'config';
  } else {
    namespace = 'default';
    namespaceSource = 'default';
  }
  // A kustomization's namespace overrides what the manifest says, as `kustomize build` does.
  if (namespace !== null && ns.kustomizationNamespace && namespaceSource === 'metadata') namespace = ns.kustomizationNamespace;
  return {
    apiVersion,
    group,
    version,
    kind,
    name: nameValue,
    namespace,
    namespaceSource,
    labels: asStringMap(metadata.labels),
    annotations: asStringMap(metadata.annotations),
    obj,
    spec: isObject(obj.spec) ? obj.spec : {},
    file: src,
    // Read through: a document parsed in a worker thread gets its YAML nodes only when asked (positions, fixes).
    get doc(): Document.Parsed<ParsedNode> { return parsed.doc; },
    get positions(): DocPositions | undefined { return parsed.positions; },
    basePath,
    get startLine() { return lines().startLine; },
    get endLine() { return lines().endLine; },
  };
}

