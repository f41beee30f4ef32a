// Workloads: what selectors select. In a repository these are mostly pod templates of Deployments and
// friends, seldom Pods; WorkloadEntries stand for VMs. istioctl looks at Pods only.
import {
  asObject,
  asStringMap,
  getPath,
  isObject,
  readOnlyStringMap,
  type JsonObject,
  type Resource,
} from '../manifests/resource.js';
import { WORKLOAD_KINDS } from '../manifests/kinds.js';
import { own } from '../util/own.js';

export interface Workload {
  kind: string;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  /** Pod-template annotations (Pods: their own). */
  annotations: Record<string, string>;
  /** The pod spec, or null for WorkloadEntries and config-declared workloads. */
  podSpec: JsonObject | null;
  /** Path of the pod template's metadata in the resource, e.g. ['spec','template','metadata']. */
  templatePath: (string | number)[];
  /** null for workloads declared in the config file (they live outside the repository). */
  resource: Resource | null;
}

/** Where each workload kind keeps its pod template. */
export function podTemplatePath(kind: string): (string | number)[] | null {
  switch (kind) {
    case 'Pod':
      return [];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template'];
    default:
      return WORKLOAD_KINDS.has(kind) ? ['spec', 'template'] : null;
  }
}

export function workloadOf(r: Resource): Workload | null {
  if (r.namespace === null) return null;
  if (r.kind === 'WorkloadEntry' && r.group === 'networking.istio.io') {
    return {
      kind: r.kind,
      name: r.name,
      namespace: r.namespace,
      labels: asStringMap(r.spec.labels),
      annotations: r.annotations,
      podSpec: null,
      templatePath: ['spec'],
      resource: r,
    };
  }
  if (r.kind === 'WorkloadGroup' && r.group === 'networking.istio.io') {
    // The WorkloadEntries that auto-register from a group carry its `metadata` labels: selectors that match those
    // labels match the VMs that will join, even though no WorkloadEntry is in the repository.
    const meta = asObject(r.spec.metadata);
    return {
      kind: r.kind,
      name: r.name,
      namespace: r.namespace,
      labels: asStringMap(meta.labels),
      annotations: asStringMap(meta.annotations),
      podSpec: null,
      templatePath: ['spec', 'metadata'],
      resource: r,
    };
  }
  if (r.group !== '' && r.group !== 'apps' && r.group !== 'batch') return null;
  const tpl = podTemplatePath(r.kind);
  if (!tpl) return null;
  if (r.kind === 'Pod') {
    return {
      kind: r.kind,
      name: r.name,
      namespace: r.namespace,
      labels: r.labels,
      annotations: r.annotations,
      podSpec: r.spec,
      templatePath: ['metadata'],
      resource: r,
    };
  }
  const template = asObject(getPath(r.obj, tpl));
  const meta = asObject(template.metadata);
  return {
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    // Kept for the whole run and only read: an empty map is shared, the path exactly its length (see
    // readOnlyStringMap; a spread array keeps room to grow). A repository holds thousands of pod templates.
    labels: readOnlyStringMap(meta.labels),
    annotations: readOnlyStringMap(meta.annotations),
    podSpec: isObject(template.spec) ? template.spec : null,
    templatePath: tpl.concat('metadata'),
    resource: r,
  };
}

/** WorkloadEntries and WorkloadGroups stand for VMs: no pod template, always in the mesh. */
export function isVmWorkload(w: { kind: string }): boolean {
  return w.kind === 'WorkloadEntry' || w.kind === 'WorkloadGroup';
}

/** matchLabels semantics: every selector label present with the same value. An empty selector matches all. */
export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(selector)) if (own(labels, k) !== v) return false;
  return true;
}
