// Turns parsed YAML documents into Resources: apiVersion/kind/namespace/name, `kind: List` items,
// and the namespace a resource lands in when its manifest does not say.
import type { Document, ParsedNode } from 'yaml';
import { fileProblem, type FileProblem, type ProblemMessage } from './file-problems.js';
import type { ParsedDocument } from './parsed-document.js';
import type { SourceFile } from './source.js';
import { CLUSTER_SCOPED_KINDS, TOOLING_API_GROUPS, splitApiVersion } from './kinds.js';
import { readOnlyStringMap, isObject, type Json, type JsonObject, type Path, type Resource } from './resource.js';
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
        if (!isObject(item)) {
          const span = locateIn(d, src, basePath);
          problem({ messageId: 'listItemNotAnObject', data: { index: i } }, span.line, span.endLine);
          return;
        }
        const r = toResource(src, d, item, basePath, ns, problem);
        if (r) resources.push(r);
      });
      continue;
    }
    const r = toResource(src, d, v, [], ns, problem);
    if (r) resources.push(r);
  }
  return { resources, problems };
}

function toResource(
  src: SourceFile,
  parsed: ParsedDocument,
  obj: JsonObject,
  basePath: Path,
  ns: NamespaceDefaults,
  problem: (message: NotAManifest, line?: number, endLine?: number) => void,
): Resource | null {
  const apiVersion = obj.apiVersion;
  const kind = obj.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === '' || apiVersion === '') {
    const missing = [
      typeof apiVersion !== 'string' || apiVersion === '' ? 'apiVersion' : null,
      typeof kind !== 'string' || kind === '' ? 'kind' : null,
    ]
      .filter(Boolean)
      .join(' and ');
    const lines = objectLines(src, parsed, basePath);
    problem({ messageId: 'noApiVersionOrKind', data: { missing } }, lines.startLine, lines.endLine);
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
  if (namespace !== null && ns.kustomizationNamespace && namespaceSource === 'metadata')
    namespace = ns.kustomizationNamespace;
  return new FileResource(
    {
      apiVersion,
      group,
      version,
      kind,
      name: nameValue,
      namespace,
      namespaceSource,
      labels: readOnlyStringMap(metadata.labels),
      annotations: readOnlyStringMap(metadata.annotations),
      obj,
      spec: isObject(obj.spec) ? obj.spec : {},
    },
    src,
    parsed,
    basePath,
  );
}

/** Lines of the object at `basePath` in a document: the document's own for a whole document, else located. */
function objectLines(src: SourceFile, parsed: ParsedDocument, basePath: Path): { startLine: number; endLine: number } {
  if (basePath.length === 0) return { startLine: parsed.startLine, endLine: parsed.endLine };
  const span = locateIn(parsed, src, basePath);
  return { startLine: span.line, endLine: span.endLine };
}

type ResourceFields = Pick<
  Resource,
  | 'apiVersion'
  | 'group'
  | 'version'
  | 'kind'
  | 'name'
  | 'namespace'
  | 'namespaceSource'
  | 'labels'
  | 'annotations'
  | 'obj'
  | 'spec'
>;

/** A resource read from a file. Its document's nodes, offsets and lines are read through to the parsed document,
 *  which computes them on first use (a document parsed by js-yaml or in a worker thread gets its YAML nodes only
 *  when asked: positions, fixes). A class, its getters on the prototype: an object literal with getters costs a
 *  closure per getter and a dictionary of properties per resource (about 1 KB each, 10 MB at 10,000 resources). */
class FileResource implements Resource {
  apiVersion: string;
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string | null;
  namespaceSource: Resource['namespaceSource'];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  obj: JsonObject;
  spec: JsonObject;
  file: SourceFile;
  basePath: Path;
  readonly #parsed: ParsedDocument;
  #lines: { startLine: number; endLine: number } | undefined;

  constructor(fields: ResourceFields, file: SourceFile, parsed: ParsedDocument, basePath: Path) {
    this.apiVersion = fields.apiVersion;
    this.group = fields.group;
    this.version = fields.version;
    this.kind = fields.kind;
    this.name = fields.name;
    this.namespace = fields.namespace;
    this.namespaceSource = fields.namespaceSource;
    this.labels = fields.labels;
    this.annotations = fields.annotations;
    this.obj = fields.obj;
    this.spec = fields.spec;
    this.file = file;
    this.basePath = basePath;
    this.#parsed = parsed;
  }

  get doc(): Document.Parsed<ParsedNode> {
    return this.#parsed.doc;
  }
  get positions(): DocPositions | undefined {
    return this.#parsed.positions;
  }
  get startLine(): number {
    return this.#objectLines().startLine;
  }
  get endLine(): number {
    return this.#objectLines().endLine;
  }

  #objectLines(): { startLine: number; endLine: number } {
    return (this.#lines ??= objectLines(this.file, this.#parsed, this.basePath));
  }
}
