// ServiceEntry hosts are literal: pilot does not expand a short host `foo` with the entry's namespace
// (serviceentry/conversion.go), while VirtualService and DestinationRule short names are expanded relative to their
// own namespace. A short ServiceEntry host therefore matches neither a destination `foo` (foo.<ns>.svc.cluster.local)
// nor the FQDN.
import { defineRule, type Rule } from '../rule.js';
import { asArray, type Resource } from '../../manifests/resource.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import { resolveHost, serviceHost } from '../../mesh/hosts.js';
import { isShortHost, routeDestinations } from '../analyzers/traffic/common.js';
import { quote } from '../../util/quote.js';

const group = 'service-entry';

/** Short name → the namespaces of the VirtualServices and DestinationRules that name it (each expands it there). */
function callerNamespaces(mesh: MeshView): Map<string, Set<string>> {
  return mesh.memo('service-entry/short-host-callers', () => collectCallerNamespaces(mesh));
}

function collectCallerNamespaces(mesh: MeshView): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (host: string, ns: string) => {
    if (isShortHost(host)) (m.get(host) ?? m.set(host, new Set()).get(host)!).add(ns);
  };
  for (const vs of mesh.byKind('VirtualService')) {
    if (vs.namespace === null) continue;
    for (const d of routeDestinations(mesh, vs)) add(d.host, vs.namespace);
  }
  for (const dr of mesh.byKind('DestinationRule'))
    if (dr.namespace !== null && typeof dr.spec.host === 'string') add(dr.spec.host, dr.namespace);
  return m;
}

/** The name callers mean: the FQDN their namespace expands the short name to, when they all agree; with no callers,
 *  the FQDN in the entry's own namespace. Null when callers in several namespaces mean different hosts. */
function intendedHost(mesh: MeshView, se: Resource, host: string): string | null {
  const namespaces = callerNamespaces(mesh).get(host);
  if (!namespaces || namespaces.size === 0) return serviceHost(host, se.namespace!);
  if (namespaces.size > 1) return null;
  return resolveHost(host, [...namespaces][0]!);
}

const LITERAL_HOSTS =
  'Istio takes ServiceEntry hosts literally (it does not add the namespace), while a VirtualService or DestinationRule that names {host} means {callerMeans}: ' +
  'neither that short name nor the FQDN reaches this entry, so routes to it fail with 503 (NR) and DestinationRules for it apply to nothing.';

export const shortHostRules: Rule[] = [
  defineRule({
    id: 'se-short-host',
    severity: 'warning',
    istioCode: null,
    group,
    fixable: true,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A ServiceEntry host without a domain: Istio takes it literally, so short names and FQDNs used by callers do not match it.',
    messages: {
      shortHost: `Host {host} has no domain. ${LITERAL_HOSTS} Use the full name {fullName}.`,
      shortHostCallersDisagree: `Host {host} has no domain. ${LITERAL_HOSTS} Callers in {callers} mean different hosts by it: write the full name each of them means.`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        asArray(se.spec.hosts).forEach((h, i) => {
          if (typeof h !== 'string' || !isShortHost(h)) return;
          const fix = intendedHost(ctx.mesh, se, h);
          const callers = [...(callerNamespaces(ctx.mesh).get(h) ?? [])].sort();
          const about = { host: quote(h), callerMeans: quote(resolveHost(h, callers[0] ?? se.namespace!)) };
          ctx.report({
            resource: se,
            path: ['spec', 'hosts', i],
            subject: h,
            ...(fix
              ? {
                  messageId: 'shortHost',
                  data: { ...about, fullName: quote(fix) },
                  fix: { op: 'set', path: ['spec', 'hosts', i], value: fix, description: `host: ${fix}` },
                }
              : { messageId: 'shortHostCallersDisagree', data: { ...about, callers: callers.map(quote).join(', ') } }),
          });
        });
      }
    },
  }),
];
