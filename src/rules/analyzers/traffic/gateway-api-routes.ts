// Gateway API routes (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute): parentRefs and backendRefs are references
// like any other. A parent must exist and accept routes from the route's namespace; a backend must exist and,
// across namespaces, be allowed by a ReferenceGrant.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, asString, isObject, stringsOf, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { hostsOverlap, serviceHost } from '../../../mesh/hosts.js';
import { labelsMatch } from '../../../mesh/workloads.js';
import { GROUP, isExternalNamespace, namespaceLabels, repositoryManagesServicesOf, selectorLabels } from './common.js';
import { valueText } from '../../../util/quote.js';

const GW_GROUP = 'gateway.networking.k8s.io';
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute'];

function routes(mesh: MeshView): Resource[] {
  const out: Resource[] = [];
  for (const k of ROUTE_KINDS) for (const r of mesh.byKind(k, GW_GROUP)) if (r.namespace !== null) out.push(r);
  return out;
}

interface ParentRef {
  index: number;
  namespace: string;
  name: string;
  sectionName: string | null;
  port: number | null;
}

function gatewayParents(route: Resource): ParentRef[] {
  const out: ParentRef[] = [];
  asArray(route.spec.parentRefs).forEach((p, index) => {
    if (!isObject(p) || typeof p.name !== 'string') return;
    const kind = asString(p.kind) ?? 'Gateway';
    const group = asString(p.group) ?? GW_GROUP;
    if (kind !== 'Gateway' || group !== GW_GROUP) return; // Service parents (mesh routing) are resolved elsewhere
    out.push({
      index,
      namespace: asString(p.namespace) ?? route.namespace!,
      name: p.name,
      sectionName: asString(p.sectionName) ?? null,
      port: typeof p.port === 'number' ? p.port : null,
    });
  });
  return out;
}

function k8sGateway(mesh: MeshView, ns: string, name: string): Resource | null {
  const g = mesh.gateway(ns, name);
  if (!g || g.group === GW_GROUP) return g;
  // An Istio Gateway of the same name shadows it in the index: rare, so a scan is fine.
  return mesh.byKind('Gateway', GW_GROUP).find((x) => x.namespace === ns && x.name === name) ?? null;
}

/** Mesh (GAMMA) parents: parentRefs of kind Service. */
function serviceParents(route: Resource): { index: number; namespace: string; name: string }[] {
  const out: { index: number; namespace: string; name: string }[] = [];
  asArray(route.spec.parentRefs).forEach((p, index) => {
    if (!isObject(p) || typeof p.name !== 'string' || p.kind !== 'Service' || (asString(p.group) ?? '') !== '') return;
    out.push({ index, namespace: asString(p.namespace) ?? route.namespace!, name: p.name });
  });
  return out;
}

export const routeParentNotFound = defineRule({
  id: 'route-parent-not-found',
  severity: 'warning',
  istioCode: null,
  kialiCode: 'KIA1401',
  group: GROUP,
  fixable: false,
  inputs: [
    { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TCPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TLSRoute', group: 'gateway.networking.k8s.io' },
  ],
  title:
    "A Gateway API route's parentRef names a Gateway (or, for mesh routing, a Service) that is not defined in the repository.",
  messages: {
    serviceParentNotFound:
      '{routeKind} {route} attaches to Service {service} for mesh routing, and no such Service is defined in this repository (which defines other Services of "{namespace}"): the route is never applied. Fix the name.',
    gatewayParentNotFound:
      '{routeKind} {route} attaches to Gateway {gateway}, which no Gateway (gateway.networking.k8s.io) in this repository defines: ' +
      'if the cluster has none either, the route is never attached (status Accepted=False) and its traffic gets 404. Fix the name or namespace, or declare the gateway under `external.gateways`.',
  },
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const p of serviceParents(r)) {
        if (
          ctx.mesh
            .exactHostEntries(serviceHost(p.name, p.namespace))
            .some((e) => e.source === 'Service' || e.source === 'external')
        )
          continue;
        if (isExternalNamespace(ctx.mesh, p.namespace) || !repositoryManagesServicesOf(ctx.mesh, p.namespace)) continue;
        ctx.report({
          resource: r,
          path: ['spec', 'parentRefs', p.index, 'name'],
          subject: `Service ${p.namespace}/${p.name}`,
          messageId: 'serviceParentNotFound',
          data: {
            routeKind: r.kind,
            route: `${r.namespace}/${r.name}`,
            service: `${p.namespace}/${p.name}`,
            namespace: p.namespace,
          },
        });
      }
      for (const p of gatewayParents(r)) {
        if (k8sGateway(ctx.mesh, p.namespace, p.name) || ctx.mesh.isExternalGateway(p.namespace, p.name)) continue;
        ctx.report({
          resource: r,
          path: ['spec', 'parentRefs', p.index, 'name'],
          subject: `${p.namespace}/${p.name}`,
          messageId: 'gatewayParentNotFound',
          data: { routeKind: r.kind, route: `${r.namespace}/${r.name}`, gateway: `${p.namespace}/${p.name}` },
        });
      }
    }
  },
});

/** Does the listener accept routes from `routeNs`? (`allowedRoutes.namespaces.from`: Same by default, All, Selector.) */
function listenerAllows(
  mesh: MeshView,
  gw: Resource,
  listener: Record<string, unknown>,
  routeNs: string,
  routeKind: string,
): boolean {
  const allowed = asObject((listener as Record<string, never>).allowedRoutes);
  const kinds = asArray(allowed.kinds)
    .filter(isObject)
    .map((k) => asString(k.kind))
    .filter((k): k is string => !!k);
  if (kinds.length > 0 && !kinds.includes(routeKind)) return false;
  const nsSpec = asObject(allowed.namespaces);
  const from = asString(nsSpec.from) ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return gw.namespace === routeNs;
  if (from === 'Selector') {
    const labels = namespaceLabels(mesh, routeNs);
    if (!labels) return true; // the namespace is defined elsewhere: its labels are unknown
    const sel = selectorLabels(asObject(nsSpec.selector).matchLabels);
    return labelsMatch(sel, { ...labels, 'kubernetes.io/metadata.name': routeNs });
  }
  return false;
}

const NOT_ALLOWED =
  "(allowedRoutes defaults to the Gateway's own namespace): the route is not attached (NotAllowedByListeners) and its traffic gets 404. " +
  'Set the listener\'s `allowedRoutes.namespaces.from` to All or a Selector that matches "{namespace}".';

export const routeParentRejectsRoute = defineRule({
  id: 'route-parent-rejects-route',
  severity: 'error',
  istioCode: null,
  kialiCode: 'KIA1401',
  group: GROUP,
  fixable: false,
  inputs: [
    { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TCPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TLSRoute', group: 'gateway.networking.k8s.io' },
  ],
  title:
    'A Gateway API route attaches to a Gateway whose listeners do not accept it (namespace, kind, sectionName or hostnames).',
  messages: {
    noListeners:
      'Gateway {gateway} has no listeners (listeners: none): the route is not attached and its traffic gets 404.',
    noListenerNamed:
      'Gateway {gateway} has no listener named "{sectionName}" (listeners: {listeners}): the route is not attached and its traffic gets 404.',
    noMatchingHostname:
      'None of the hostnames {hostnames} matches a listener of Gateway {gateway} that accepts this route ' +
      '({listeners}): the route is not attached (NoMatchingListenerHostname) and its traffic gets 404.',
    notAllowed: `No listener of Gateway {gateway} accepts {routeKind}s from namespace "{namespace}" ${NOT_ALLOWED}`,
    notAllowedByListener: `No listener of Gateway {gateway} named "{sectionName}" accepts {routeKind}s from namespace "{namespace}" ${NOT_ALLOWED}`,
  },
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const p of gatewayParents(r)) {
        const gw = k8sGateway(ctx.mesh, p.namespace, p.name);
        if (!gw) continue;
        const listeners = asArray(gw.spec.listeners).filter(isObject);
        const named = p.sectionName === null ? listeners : listeners.filter((l) => l.name === p.sectionName);
        const path = ['spec', 'parentRefs', p.index, p.sectionName === null ? 'name' : 'sectionName'];
        const gateway = `${p.namespace}/${p.name}`;
        if (named.length === 0) {
          ctx.report({
            resource: r,
            path,
            subject: `${p.namespace}/${p.name}/${p.sectionName ?? ''}`,
            // Without a sectionName every listener is named: none were found because the Gateway has none.
            ...(p.sectionName === null
              ? { messageId: 'noListeners', data: { gateway } }
              : {
                  messageId: 'noListenerNamed',
                  data: {
                    gateway,
                    sectionName: p.sectionName,
                    listeners: listeners.map((l) => `"${valueText(l.name)}"`).join(', ') || 'none',
                  },
                }),
          });
          continue;
        }
        const candidates = p.port === null ? named : named.filter((l) => l.port === p.port);
        const allowing = candidates.filter((l) => listenerAllows(ctx.mesh, gw, l, r.namespace!, r.kind));
        if (allowing.length > 0) {
          // Accepted by some listener; it attaches only where the hostnames intersect.
          const routeHosts = stringsOf(r.spec.hostnames) ?? [];
          if (
            routeHosts.length === 0 ||
            allowing.some((l) => {
              const lh = asString(l.hostname);
              return !lh || routeHosts.some((h) => hostsOverlap(h, lh));
            })
          )
            continue;
          ctx.report({
            resource: r,
            path: ['spec', 'hostnames'],
            subject: `${p.namespace}/${p.name}/${p.sectionName ?? ''}|hostnames`,
            messageId: 'noMatchingHostname',
            data: {
              hostnames: routeHosts.map((h) => `"${h}"`).join(', '),
              gateway,
              listeners: allowing
                .map(
                  (l) => `"${valueText(l.name)}": ${asString(l.hostname) ? `"${asString(l.hostname)}"` : 'any host'}`,
                )
                .join(', '),
            },
          });
          continue;
        }
        ctx.report({
          resource: r,
          path,
          subject: `${p.namespace}/${p.name}/${p.sectionName ?? ''}`,
          ...(p.sectionName === null
            ? { messageId: 'notAllowed', data: { gateway, routeKind: r.kind, namespace: r.namespace! } }
            : {
                messageId: 'notAllowedByListener',
                data: { gateway, sectionName: p.sectionName, routeKind: r.kind, namespace: r.namespace! },
              }),
        });
      }
    }
  },
});

interface BackendRef {
  path: (string | number)[];
  namespace: string;
  name: string;
  port: number | null;
}

function serviceBackends(route: Resource): BackendRef[] {
  const out: BackendRef[] = [];
  asArray(route.spec.rules).forEach((rule, i) => {
    if (!isObject(rule)) return;
    asArray(rule.backendRefs).forEach((b, j) => {
      if (!isObject(b) || typeof b.name !== 'string') return;
      const kind = asString(b.kind) ?? 'Service';
      const group = asString(b.group) ?? '';
      if (kind !== 'Service' || group !== '') return;
      out.push({
        path: ['spec', 'rules', i, 'backendRefs', j, 'name'],
        namespace: asString(b.namespace) ?? route.namespace!,
        name: b.name,
        port: typeof b.port === 'number' ? b.port : null,
      });
    });
  });
  return out;
}

export const routeBackendNotFound = defineRule({
  id: 'route-backend-not-found',
  severity: 'warning',
  istioCode: null,
  kialiCode: 'KIA1402',
  group: GROUP,
  fixable: false,
  inputs: [
    { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TCPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TLSRoute', group: 'gateway.networking.k8s.io' },
  ],
  title: "A Gateway API route's backendRef names a Service that is not defined in the repository.",
  messages: {
    backendNotFound:
      'Backend Service {service} is not defined in this repository, which defines other Services of "{namespace}": ' +
      'if it does not exist, the route reports ResolvedRefs=False and requests to this backend get 500. Fix the name.',
  },
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const b of serviceBackends(r)) {
        const host = serviceHost(b.name, b.namespace);
        if (ctx.mesh.exactHostEntries(host).some((e) => e.source === 'Service' || e.source === 'external')) continue;
        if (isExternalNamespace(ctx.mesh, b.namespace) || !repositoryManagesServicesOf(ctx.mesh, b.namespace)) continue;
        ctx.report({
          resource: r,
          path: b.path,
          subject: `${b.namespace}/${b.name}`,
          messageId: 'backendNotFound',
          data: { service: `${b.namespace}/${b.name}`, namespace: b.namespace },
        });
      }
    }
  },
});

export const routeBackendNotPermitted = defineRule({
  id: 'route-backend-not-permitted',
  severity: 'error',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [
    { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TCPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TLSRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'ReferenceGrant', group: 'gateway.networking.k8s.io' },
  ],
  title: 'A Gateway API route refers to a Service in another namespace without a ReferenceGrant allowing it.',
  messages: {
    notPermitted:
      '{routeKind} {route} sends to Service {service} in another namespace, and no ReferenceGrant in "{serviceNamespace}" allows {routeKind}s from "{routeNamespace}": ' +
      'the reference is refused (RefNotPermitted) and requests to this backend get 500. Add a ReferenceGrant in "{serviceNamespace}" (from: {routeKind} in {routeNamespace}, to: Service).',
  },
  check(ctx) {
    const grants = ctx.allInputs('ReferenceGrant', GW_GROUP);
    const byNs = new Map<string, Resource[]>();
    for (const g of grants)
      if (g.namespace) (byNs.get(g.namespace) ?? byNs.set(g.namespace, []).get(g.namespace)!).push(g);
    for (const r of routes(ctx.mesh)) {
      for (const b of serviceBackends(r)) {
        if (b.namespace === r.namespace) continue;
        const ok = (byNs.get(b.namespace) ?? []).some(
          (g) =>
            asArray(g.spec.from).some(
              (f) => isObject(f) && f.group === GW_GROUP && f.kind === r.kind && f.namespace === r.namespace,
            ) &&
            asArray(g.spec.to).some(
              (t) =>
                isObject(t) &&
                (t.group ?? '') === '' &&
                t.kind === 'Service' &&
                (t.name === undefined || t.name === b.name),
            ),
        );
        if (ok) continue;
        if (isExternalNamespace(ctx.mesh, b.namespace) && grants.length === 0) continue; // grants managed elsewhere
        ctx.report({
          resource: r,
          path: b.path,
          subject: `${b.namespace}/${b.name}`,
          messageId: 'notPermitted',
          data: {
            routeKind: r.kind,
            route: `${r.namespace}/${r.name}`,
            service: `${b.namespace}/${b.name}`,
            serviceNamespace: b.namespace,
            routeNamespace: r.namespace!,
          },
        });
      }
    }
  },
});

export const routeBackendPortNotFound = defineRule({
  id: 'route-backend-port-not-found',
  severity: 'error',
  istioCode: null,
  group: GROUP,
  fixable: true,
  inputs: [
    { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'GRPCRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TCPRoute', group: 'gateway.networking.k8s.io' },
    { kind: 'TLSRoute', group: 'gateway.networking.k8s.io' },
  ],
  title: "A Gateway API route's backendRef names a port its Service does not expose.",
  messages: {
    portNotFound:
      'Service {service} has no port {port} (it exposes {ports}; a backendRef names the Service port, not the targetPort): ' +
      "the backend is unresolved and requests to it get 500. Use one of the Service's ports.",
  },
  check(ctx) {
    for (const r of routes(ctx.mesh)) {
      for (const b of serviceBackends(r)) {
        if (b.port === null) continue;
        const entries = ctx.mesh
          .exactHostEntries(serviceHost(b.name, b.namespace))
          .filter((e) => e.source === 'Service');
        if (entries.length === 0) continue;
        const ports = [
          ...new Set(entries.flatMap((e) => e.ports.map((p) => p.number)).filter((n): n is number => n !== null)),
        ].sort((x, y) => x - y);
        if (ports.length === 0 || ports.includes(b.port)) continue;
        const portPath = [...b.path.slice(0, -1), 'port'];
        ctx.report({
          resource: r,
          path: portPath,
          subject: `${b.namespace}/${b.name}:${b.port}`,
          messageId: 'portNotFound',
          data: { service: `${b.namespace}/${b.name}`, port: b.port, ports: ports.join(', ') },
          fix:
            ports.length === 1
              ? { op: 'set', path: portPath, value: ports[0]!, description: `port: ${ports[0]}` }
              : null,
        });
      }
    }
  },
});

export const gatewayApiRouteRules: Rule[] = [
  routeParentNotFound,
  routeParentRejectsRoute,
  routeBackendNotFound,
  routeBackendNotPermitted,
  routeBackendPortNotFound,
];
