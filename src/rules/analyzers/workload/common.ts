// Shared helpers of the workload analyzers: Kubernetes label selectors, containers, the objects istioctl
// treats as control plane.
import {
  asArray,
  asString,
  asStringMap,
  isObject,
  type Json,
  type JsonObject,
  type Resource,
} from '../../../manifests/resource.js';
import type { Workload } from '../../../mesh/workloads.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { own } from '../../../util/own.js';
import { isIgnoredNamespace } from '../../../mesh/ignored-namespaces.js';
import { valueText } from '../../../util/quote.js';

/** istioctl skips objects labelled as part of the Istio installation: a label key `istio`, or `release: istio`. */
export function isControlPlane(labels: Record<string, string>): boolean {
  return Object.prototype.hasOwnProperty.call(labels, 'istio') || labels.release === 'istio';
}

/** A Kubernetes LabelSelector (matchLabels + matchExpressions). A missing selector matches everything. */
export function labelSelectorMatches(selector: Json | undefined, labels: Record<string, string>): boolean {
  if (!isObject(selector)) return true;
  for (const [k, v] of Object.entries(asStringMap(selector.matchLabels))) if (own(labels, k) !== v) return false;
  for (const e of asArray(selector.matchExpressions)) {
    if (!isObject(e)) continue;
    const key = asString(e.key) ?? '';
    const values = asArray(e.values).map((x) => valueText(x));
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (asString(e.operator)) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export interface ContainerRef {
  container: JsonObject;
  /** Path of the container relative to the resource. */
  path: (string | number)[];
  init: boolean;
}

/** Containers (and init containers) of a workload's pod spec, with their paths in the resource. */
export function containersOf(w: Workload): ContainerRef[] {
  if (!w.podSpec) return [];
  const specPath = w.kind === 'Pod' ? ['spec'] : [...w.templatePath.slice(0, -1), 'spec'];
  const out: ContainerRef[] = [];
  for (const key of ['containers', 'initContainers'] as const) {
    asArray(w.podSpec[key]).forEach((c, i) => {
      if (isObject(c)) out.push({ container: c, path: [...specPath, key, i], init: key === 'initContainers' });
    });
  }
  return out;
}

/** Path of the pod spec in the resource. */
export function podSpecPath(w: Workload): (string | number)[] {
  return w.kind === 'Pod' ? ['spec'] : [...w.templatePath.slice(0, -1), 'spec'];
}

/** Workloads defined in the repository (not declared in the config file) of pod-carrying kinds. */
export function repoWorkloads(all: readonly Workload[]): (Workload & { resource: Resource })[] {
  return all.filter(
    (w): w is Workload & { resource: Resource } =>
      w.resource !== null && w.podSpec !== null && !isIgnoredNamespace(w.namespace),
  );
}

/** Labels of a Namespace object in the repository, or null when the repository does not define it. */
export function namespaceLabels(mesh: MeshView, name: string): Record<string, string> | null {
  return mesh.namespaceObject(name)?.labels ?? null;
}

/** Order resources as istioctl walks a collection: by namespace, then name. */
export function byNamespaceAndName<T extends { namespace: string | null; name: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) =>
    (a.namespace ?? '') < (b.namespace ?? '')
      ? -1
      : (a.namespace ?? '') > (b.namespace ?? '')
        ? 1
        : a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : 0,
  );
}
