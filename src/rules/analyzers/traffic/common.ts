// Shared helpers of the traffic analyzers: walking route destinations, reading selectors, deciding
// whether something missing is "not in this repository" or "defined but hidden", and building exportTo fixes.
import {
  asArray,
  asObject,
  asString,
  asStringMap,
  isObject,
  stringsOf,
  type Json,
  type Path,
  type Resource,
} from '../../../manifests/resource.js';
import type { HostEntry, MeshView } from '../../../mesh/mesh-view.js';
import { describeScope, exportScope } from '../../../mesh/export-to.js';
import { parseServiceHost, resolveHost } from '../../../mesh/hosts.js';
import type { FixEdit } from '../../../fixes/edits.js';
import { isVmWorkload, type Workload } from '../../../mesh/workloads.js';
import { isInstalledGateway } from '../../../mesh/chart-gateways.js';

export { parseGatewayRef } from '../../../mesh/gateway-refs.js';

export const GROUP = 'analyzers/traffic';

/** One destination of a VirtualService: a route destination or a mirror. */
export interface RouteDestination {
  /** 'http' | 'tcp' | 'tls' | 'mirror' | 'mirrors' */
  section: string;
  host: string;
  /** Path of the `host` field (or of the destination object when host is missing). */
  hostPath: Path;
  port: number | null;
  hasPort: boolean;
  subset: string | null;
  /** Index of the http route the destination is in (for IST0140). */
  httpIndex: number | null;
}

/** Route and mirror destinations of a VirtualService (computed once per resource; several rules read them). */
export function routeDestinations(mesh: MeshView, vs: Resource): RouteDestination[] {
  return mesh.memoOf('traffic/route-destinations', vs, collectDestinations);
}

function collectDestinations(vs: Resource): RouteDestination[] {
  const out: RouteDestination[] = [];
  const add = (section: string, dest: Json | undefined, destPath: Path, httpIndex: number | null) => {
    if (!isObject(dest)) return;
    if (dest.host !== undefined && typeof dest.host !== 'string') return; // a wrong type is the schema rules' finding
    const host = asString(dest.host) ?? '';
    const port = asObject(dest.port);
    out.push({
      section,
      host,
      hostPath: dest.host !== undefined ? [...destPath, 'host'] : destPath,
      port: typeof port.number === 'number' ? port.number : null,
      hasPort: isObject(dest.port),
      subset: asString(dest.subset) ?? null,
      httpIndex,
    });
  };
  for (const section of ['http', 'tcp', 'tls'] as const) {
    asArray(vs.spec[section]).forEach((rule, i) => {
      if (!isObject(rule)) return;
      asArray(rule.route).forEach((rt, j) => {
        if (isObject(rt))
          add(section, rt.destination, ['spec', section, i, 'route', j, 'destination'], section === 'http' ? i : null);
      });
      if (section === 'http') {
        if (isObject(rule.mirror)) add('mirror', rule.mirror, ['spec', 'http', i, 'mirror'], i);
        asArray(rule.mirrors).forEach((m, k) => {
          if (isObject(m)) add('mirrors', m.destination, ['spec', 'http', i, 'mirrors', k, 'destination'], i);
        });
      }
    });
  }
  return out;
}

/** `spec.gateways` of a VirtualService; empty means the mesh. */
export function vsGateways(vs: Resource): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  asArray(vs.spec.gateways).forEach((g, index) => {
    if (typeof g === 'string') out.push({ value: g, index });
  });
  return out;
}

export function appliesToMesh(vs: Resource): boolean {
  const gws = vsGateways(vs);
  return gws.length === 0 || gws.some((g) => g.value === 'mesh');
}

export function selectorLabels(v: Json | undefined): Record<string, string> {
  return asStringMap(v);
}

/** Does the repository itself declare services (Services or ServiceEntries) of this namespace? When it does not,
 *  the namespace's services are deployed from elsewhere and a missing name there is no evidence of a mistake. */
export function repositoryManagesServicesOf(mesh: MeshView, namespace: string): boolean {
  const managed = mesh.memo('traffic/namespaces-with-services', () => {
    const out = new Set<string>();
    // Istio's own components (selector key `istio`, e.g. the ingress gateway's Service) say nothing about
    // whether the namespace's application services live in this repository.
    for (const s of mesh.byKind('Service', '')) {
      if (s.namespace && !(isObject(s.spec.selector) && 'istio' in s.spec.selector)) out.add(s.namespace);
    }
    for (const s of mesh.byKind('ServiceEntry')) if (s.namespace) out.add(s.namespace);
    return out;
  });
  return managed.has(namespace);
}

/** Is `namespace` declared in the config file as existing outside the repository? */
export function isExternalNamespace(mesh: MeshView, namespace: string): boolean {
  return mesh.config.external.namespaces.includes(namespace);
}

export type HostVerdict =
  | { kind: 'visible'; entries: HostEntry[] }
  /** Declared, but not exported to `from` (the namespace the reference is judged from). */
  | { kind: 'hidden'; entries: HostEntry[]; from: string }
  /** Exported to the namespace, but the namespace's Sidecar egress does not import it. */
  | { kind: 'sidecar'; entries: HostEntry[]; sidecar: Resource; from: string }
  /** Not declared anywhere, and the repository manages the host's namespace (or it is not a cluster service). */
  | { kind: 'missing' }
  /** Not declared, but the host belongs to a namespace the repository does not manage: assume it exists elsewhere. */
  | { kind: 'unknown' };

/** Resolve a host named by a resource in `fromNamespace`, the way Istio resolves destination hosts. */
export function judgeHost(mesh: MeshView, rawHost: string, fromNamespace: string): HostVerdict {
  const cache = mesh.memo('traffic/host-verdicts', () => new Map<string, HostVerdict>());
  const key = `${fromNamespace}\u0000${rawHost}`;
  let v = cache.get(key);
  if (!v) cache.set(key, (v = judgeHostUncached(mesh, rawHost, fromNamespace)));
  return v;
}

function judgeHostUncached(mesh: MeshView, rawHost: string, fromNamespace: string): HostVerdict {
  const host = resolveHost(rawHost, fromNamespace);
  const found = mesh.lookupHost(host, fromNamespace);
  if (found.visible.length > 0) {
    let narrowing: Resource | null = null;
    for (const e of found.visible) {
      if (e.source === 'external') return { kind: 'visible', entries: found.visible };
      const s = mesh.sidecarAllows(fromNamespace, e.host, e.namespace);
      if (s.allowed) return { kind: 'visible', entries: found.visible };
      narrowing = s.sidecar;
    }
    return { kind: 'sidecar', entries: found.visible, sidecar: narrowing!, from: fromNamespace };
  }
  // A hidden catch-all (`*`) says nothing about this host in particular.
  const hidden = found.hidden.filter((e) => e.host !== '*');
  if (hidden.length > 0) return { kind: 'hidden', entries: hidden, from: fromNamespace };
  if (isAssumedIstioService(mesh, host)) return { kind: 'unknown' };
  // A ServiceEntry that declares the short name itself is the cause, and the reference certainly misses it.
  if (shortHostServiceEntry(mesh, rawHost)) return { kind: 'missing' };
  const svc = parseServiceHost(host);
  if (svc) {
    if (isExternalNamespace(mesh, svc.namespace)) return { kind: 'unknown' };
    return repositoryManagesServicesOf(mesh, svc.namespace) ? { kind: 'missing' } : { kind: 'unknown' };
  }
  return { kind: 'missing' };
}

/** A host without a dot (and not `*`): the form VirtualServices and DestinationRules expand and ServiceEntries do not. */
export function isShortHost(host: string): boolean {
  return host !== '' && host !== '*' && !host.includes('.');
}

/** The ServiceEntry that declares this short name literally (`hosts: [foo]`), which a short reference never reaches:
 *  the reference expands to `foo.<namespace>.svc.cluster.local` and pilot keeps the entry's host as written. */
export function shortHostServiceEntry(mesh: MeshView, rawHost: string): Resource | null {
  if (!isShortHost(rawHost)) return null;
  return mesh.exactHostEntries(rawHost).find((e) => e.source === 'ServiceEntry')?.resource ?? null;
}

/** A VirtualService destination: short names resolve in the VirtualService's namespace, and the host must be
 *  visible where the VirtualService applies — its own namespace, unless its exportTo leaves that out, in which
 *  case any namespace it is exported to will do. */
export function judgeVirtualServiceHost(mesh: MeshView, vs: Resource, rawHost: string): HostVerdict {
  const ns = vs.namespace!;
  // Gateway proxies always get the default sidecar scope (pilot's push context): a Sidecar's egress.hosts narrows
  // what sidecars import, never what a gateway sees. Only a VirtualService bound to the mesh is judged by it.
  const judge = appliesToMesh(vs)
    ? (h: string, from: string) => judgeHost(mesh, h, from)
    : (h: string, from: string) => ignoringSidecars(judgeHost(mesh, h, from));
  const scope = exportScope(stringsOf(vs.spec.exportTo), ns, mesh.settings.defaultVirtualServiceExportTo);
  if (scope.all || scope.namespaces.has(ns) || scope.namespaces.size === 0) return judge(rawHost, ns);
  const host = resolveHost(rawHost, ns);
  let first: HostVerdict | null = null;
  for (const from of [...scope.namespaces].sort()) {
    const v = judge(host, from);
    if (v.kind === 'visible') return v;
    first ??= v;
  }
  return first!;
}

/** The verdict for a gateway proxy, which no Sidecar resource narrows. */
function ignoringSidecars(v: HostVerdict): HostVerdict {
  return v.kind === 'sidecar' ? { kind: 'visible', entries: v.entries } : v;
}

/** "ServiceEntry ns/name (file.yaml) with exportTo: [...]" */
export function describeHidden(e: HostEntry): string {
  const what = e.resource
    ? `${e.resource.kind} ${e.resource.namespace}/${e.resource.name} (${e.resource.file.path})`
    : `${e.source} in ${e.namespace}`;
  return `${what}, ${describeScope(e.exportTo)}`;
}

/** The edit that makes a host declaration visible to `namespace`: append it to the ServiceEntry's exportTo, or to
 *  the Service's exportTo annotation. Null when exportTo was not written (the mesh default applies) or holds `~`. */
export function exportToFix(e: HostEntry, namespace: string): { target: Resource; edit: FixEdit } | null {
  const r = e.resource;
  if (!r || e.exportTo.written === null) return null;
  if (e.exportTo.written.includes('~')) return null;
  if (e.source === 'ServiceEntry') {
    if (!Array.isArray(r.spec.exportTo)) return null;
    return {
      target: r,
      edit: {
        op: 'append',
        path: ['spec', 'exportTo'],
        value: namespace,
        description: `export ${r.name} to namespace ${namespace}`,
      },
    };
  }
  if (e.source === 'Service') {
    const current = r.annotations['networking.istio.io/exportTo'];
    if (current === undefined) return null;
    return {
      target: r,
      edit: {
        op: 'set',
        path: ['metadata', 'annotations', 'networking.istio.io/exportTo'],
        value: `${current.trim()},${namespace}`,
        description: `export ${r.name} to namespace ${namespace}`,
      },
    };
  }
  return null;
}

/** Hidden entries a fix can reasonably target: one declaration only, else the fix would be a guess. */
export function singleFixable(entries: HostEntry[], namespace: string): { target: Resource; edit: FixEdit } | null {
  const owners = new Set(entries.map((e) => e.resource));
  if (owners.size !== 1) return null;
  return exportToFix(entries[0]!, namespace);
}

// ---- workloads -----------------------------------------------------------------------------------

/** Namespace labels from the repository's Namespace objects. */
export function namespaceLabels(mesh: MeshView, ns: string): Record<string, string> | null {
  const r = mesh.namespaceObject(ns);
  return r ? r.labels : null;
}

export function isAmbientNamespace(mesh: MeshView, ns: string): boolean {
  const l = namespaceLabels(mesh, ns);
  if (!l) return false;
  return (
    l['istio.io/dataplane-mode'] === 'ambient' && l['istio-injection'] !== 'enabled' && l['istio.io/rev'] === undefined
  );
}

export function isAmbientWorkload(mesh: MeshView, w: Workload): boolean {
  if (w.annotations['ambient.istio.io/redirection'] === 'enabled') return true;
  if (w.kind === 'Pod') return false; // a Pod shows its real state: without the annotation it is not captured
  if (w.labels['istio.io/dataplane-mode'] === 'none' || w.labels['sidecar.istio.io/inject'] === 'true') return false;
  return w.labels['istio.io/dataplane-mode'] === 'ambient' || isAmbientNamespace(mesh, w.namespace);
}

/** Is the workload part of the mesh (sidecar or ambient)? Istio's order: an `istio-proxy` container with an image,
 *  then the `sidecar.istio.io/inject` label, then the annotation, then the namespace's `istio-injection` label; the
 *  ambient redirection annotation counts too. Pod templates are injected at admission, so for them a namespace
 *  with `istio.io/rev` or ambient mode counts, and a namespace the repository does not define is assumed in the mesh. */
export function isInMesh(mesh: MeshView, w: Workload): boolean {
  if (w.kind === 'external' || isVmWorkload(w) || isInstalledGateway(w)) return true;
  if (w.annotations['ambient.istio.io/redirection'] === 'enabled') return true;
  if (
    w.podSpec &&
    [...asArray(w.podSpec.containers), ...asArray(w.podSpec.initContainers)].some(
      (c) => isObject(c) && c.name === 'istio-proxy' && typeof c.image === 'string' && c.image !== '',
    )
  )
    return true;
  const inject = w.labels['sidecar.istio.io/inject'] ?? w.annotations['sidecar.istio.io/inject'];
  if (inject !== undefined) return inject === 'true';
  const nsLabels = namespaceLabels(mesh, w.namespace);
  if (nsLabels?.['istio-injection'] === 'enabled') return true;
  if (w.kind === 'Pod') return false;
  if (!nsLabels) return true;
  if (nsLabels['istio-injection'] !== undefined) return false;
  return (
    nsLabels['istio.io/rev'] !== undefined ||
    nsLabels['istio.io/dataplane-mode'] === 'ambient' ||
    w.labels['istio.io/rev'] !== undefined
  );
}

// The east-west gateway is installed by Istio's multicluster tooling, like the ingress and egress gateways by its charts.
const STANDARD_ISTIO_SERVICES = ['istiod', 'istio-ingressgateway', 'istio-egressgateway', 'istio-eastwestgateway'];

/** Istio's standard Services in the root namespace (istiod and the default gateways), which an installation outside
 *  the repository provides: assumed to exist unless the repository installs Istio itself. */
export function isAssumedIstioService(mesh: MeshView, host: string): boolean {
  const svc = parseServiceHost(host);
  if (!svc || svc.namespace !== mesh.settings.rootNamespace || !STANDARD_ISTIO_SERVICES.includes(svc.name))
    return false;
  return !installsIstio(mesh);
}

/** Does the repository install Istio's control plane or its gateways (istiod or gateway workloads, an IstioOperator)? */
export function installsIstio(mesh: MeshView): boolean {
  return mesh.memo(
    'traffic/installs-istio',
    () =>
      mesh.byKind('IstioOperator', 'install.istio.io').length > 0 ||
      mesh.workloads.some(
        (w) =>
          w.resource !== null &&
          (w.labels.app === 'istiod' ||
            w.labels.istio === 'pilot' ||
            (w.labels.istio !== undefined && STANDARD_GATEWAY_LABELS.has(w.labels.istio))),
      ),
  );
}
const STANDARD_GATEWAY_LABELS = new Set(['ingressgateway', 'egressgateway', 'eastwestgateway']);

/** Does the repository deploy Istio gateways itself (a workload with an `istio` label, as Istio's gateway charts set)? */
export function deploysGateways(mesh: MeshView): boolean {
  return mesh.memo('traffic/deploys-gateways', () =>
    mesh.workloads.some((w) => w.resource !== null && w.labels.istio !== undefined),
  );
}

/** Istio's standard gateway selectors: charts installed outside most application repositories. */
export function isStandardGatewaySelector(selector: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  const std: Record<string, string[]> = {
    istio: [...STANDARD_GATEWAY_LABELS],
    app: ['istio-ingressgateway', 'istio-egressgateway', 'istio-eastwestgateway'],
  };
  return keys.every((k) => std[k]?.includes(selector[k]!));
}

export function describeSelector(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
