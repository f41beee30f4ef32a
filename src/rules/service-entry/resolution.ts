// ServiceEntry resolutions that cannot work: nothing to send traffic to, a selector that selects nothing or is
// ignored, wildcard hosts handed to DNS, endpoints that NONE ignores. (A resolution outside the enum is a schema
// finding: schema-invalid-enum.)
import { defineRule, type Rule } from '../rule.js';
import { isConcreteDnsName, isWildcardHost } from '../../mesh/hosts.js';
import { asString, isObject, type Resource } from '../../manifests/resource.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import {
  addressesOf,
  endpointsOf,
  hasSelector,
  hostsOf,
  needsAddress,
  isIpAddress,
  locationOf,
  portsOf,
  resolutionOf,
  selectorLabels,
} from './common.js';
import { quote } from '../../util/quote.js';

const group = 'service-entry';
const NO_ENDPOINT =
  'resolution: STATIC with no "endpoints" and no "workloadSelector": the entry has no endpoint, so every request to {hosts} fails with "no healthy upstream" (503 UH).';

/** Can the entry use resolution NONE without a new finding? Fixes must not trade one finding for another. */
function noneFits(se: Resource, mesh: MeshView): boolean {
  if (endpointsOf(se).length > 0 || hasSelector(se)) return false;
  // NONE gets no auto-allocated address: in a mesh that allocates, TCP ports would lose theirs.
  const allocating = mesh.settings.dnsCapture && mesh.settings.addressAutoAllocate;
  return !(allocating && addressesOf(se).length === 0 && portsOf(se).some(needsAddress));
}

export const resolutionRules: Rule[] = [
  defineRule({
    id: 'se-static-without-endpoints',
    severity: 'error',
    istioCode: null,
    group,
    fixable: true,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A STATIC ServiceEntry with neither endpoints nor a workloadSelector: there is no address to send traffic to.',
    messages: {
      noEndpointsUseDns: `${NO_ENDPOINT} Use resolution: DNS to let the sidecar resolve the host names, or list the IPs under "endpoints".`,
      noEndpoints: `${NO_ENDPOINT} List the backend IPs under "endpoints" or select the workloads with a "workloadSelector".`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (resolutionOf(se) !== 'STATIC' || endpointsOf(se).length > 0 || hasSelector(se)) continue;
        const hosts = hostsOf(se);
        const addresses = addressesOf(se);
        const dnsWorks =
          hosts.length > 0 &&
          hosts.every((h) => h.includes('.') && isConcreteDnsName(h)) &&
          !addresses.some((a) => a.includes('/')) &&
          !(hosts.length > 1 && addresses.length > 0);
        ctx.report({
          resource: se,
          path: ['spec', 'resolution'],
          subject: 'STATIC',
          messageId: dnsWorks ? 'noEndpointsUseDns' : 'noEndpoints',
          data: { hosts: hosts.map(quote).join(', ') || 'it' },
          fix: dnsWorks
            ? { op: 'set', path: ['spec', 'resolution'], value: 'DNS', description: 'resolution: DNS' }
            : null,
        });
      }
    },
  }),
  defineRule({
    id: 'se-selector-matches-nothing',
    severity: 'warning',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      "A STATIC ServiceEntry's workloadSelector matches no Pod, workload or WorkloadEntry of its namespace in this repository.",
    messages: {
      selectorMatchesNothing:
        'workloadSelector {selector} matches no Pod, workload or WorkloadEntry of namespace "{namespace}": such workloads are not in this repository. If they do not exist in the cluster either, the entry has no endpoints and requests fail with "no healthy upstream" (503 UH). Check the labels, or declare workloads deployed elsewhere in .istio-review.yaml.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (resolutionOf(se) !== 'STATIC' || !hasSelector(se) || endpointsOf(se).length > 0) continue;
        const labels = selectorLabels(se);
        // An empty or malformed selector is its own finding.
        if (
          Object.keys(labels).length === 0 ||
          Object.entries(labels).some(([k, v]) => k === '' || k.includes('*') || v.includes('*'))
        )
          continue;
        if (ctx.mesh.workloadsMatching(labels, se.namespace).length > 0) continue;
        const sel = Object.entries(labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
        ctx.report({
          resource: se,
          path: ['spec', 'workloadSelector', 'labels'],
          subject: sel,
          // The selector as a map literal, braces included: {app=db,tier=primary}.
          messageId: 'selectorMatchesNothing',
          data: { selector: `{${sel}}`, namespace: String(se.namespace) },
        });
      }
    },
  }),
  defineRule({
    id: 'se-selector-on-mesh-external',
    severity: 'warning',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A workloadSelector on a MESH_EXTERNAL ServiceEntry (location defaults to MESH_EXTERNAL); it is meant for mesh-internal workloads.',
    messages: {
      selectorOnMeshExternal:
        'The entry selects workloads with "workloadSelector" but its location is MESH_EXTERNAL{defaultNote}. Istio documents workloadSelector as applying to MESH_INTERNAL entries only: the selected Pods and WorkloadEntries are mesh workloads, and an external entry treats them as outside the mesh (no Istio mutual TLS, so STRICT PeerAuthentication on them resets the connections). Set location: MESH_INTERNAL, or drop the selector and list external endpoints.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (!hasSelector(se) || locationOf(se) !== 'MESH_EXTERNAL' || resolutionOf(se) === 'NONE') continue;
        const written = se.spec.location !== undefined;
        ctx.report({
          resource: se,
          path: written ? ['spec', 'location'] : ['spec', 'workloadSelector'],
          subject: 'location',
          messageId: 'selectorOnMeshExternal',
          data: { defaultNote: written ? '' : ' (the default, as "location" is not set)' },
        });
      }
    },
  }),
  defineRule({
    id: 'se-dns-wildcard-host',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: true,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'resolution DNS or DNS_ROUND_ROBIN with a wildcard host and no endpoints: Istio rejects the ServiceEntry.',
    messages: {
      dnsWildcardHost:
        'resolution: {resolution} cannot resolve the wildcard host {hosts}: Istio rejects the ServiceEntry at apply time ("wildcard host names are not allowed with DNS resolution without endpoints"). Use resolution: NONE to pass traffic through to whatever address the app resolved, or list concrete host names.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const res = resolutionOf(se);
        if ((res !== 'DNS' && res !== 'DNS_ROUND_ROBIN') || endpointsOf(se).length > 0) continue;
        const hosts = hostsOf(se);
        const wild = hosts.filter((h) => isWildcardHost(h));
        if (wild.length === 0) continue;
        ctx.report({
          resource: se,
          path: ['spec', 'resolution'],
          subject: wild.join(','),
          messageId: 'dnsWildcardHost',
          data: { resolution: res, hosts: wild.map(quote).join(', ') },
          fix:
            wild.length === hosts.length && noneFits(se, ctx.mesh)
              ? { op: 'set', path: ['spec', 'resolution'], value: 'NONE', description: 'resolution: NONE' }
              : null,
        });
      }
    },
  }),
  defineRule({
    id: 'se-none-with-endpoints',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: true,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'resolution NONE with endpoints: Istio rejects the ServiceEntry.',
    messages: {
      noneWithEndpoints:
        'resolution: NONE{defaultNote} cannot have "endpoints": Istio rejects the ServiceEntry at apply time. Use resolution: STATIC for IP endpoints or DNS for host-name endpoints, or drop the endpoints to pass traffic through.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (resolutionOf(se) !== 'NONE' || endpointsOf(se).length === 0) continue;
        // The resolution the endpoints call for: STATIC for IPs (and unix sockets), DNS for host names.
        const addrs = endpointsOf(se).map((e) => (isObject(e) ? asString(e.address) : undefined));
        let want: string | null = null;
        if (addrs.every((a) => a !== undefined && (isIpAddress(a) || a.startsWith('unix://')))) want = 'STATIC';
        else if (
          addrs.every((a) => a !== undefined && !isIpAddress(a) && isConcreteDnsName(a)) &&
          !addressesOf(se).some((a) => a.includes('/'))
        )
          want = 'DNS';
        const names = new Set(portsOf(se).map((p) => p.name));
        const portsOk = endpointsOf(se).every((e) =>
          Object.keys(isObject(e) && isObject(e.ports) ? e.ports : {}).every((n) => names.has(n)),
        );
        if (
          want &&
          (!portsOk || hasSelector(se) || (want === 'DNS' && hostsOf(se).length > 1 && addressesOf(se).length > 0))
        )
          want = null;
        const written = se.spec.resolution !== undefined;
        ctx.report({
          resource: se,
          path: se.spec.resolution === undefined ? ['spec', 'endpoints'] : ['spec', 'resolution'],
          subject: 'NONE',
          messageId: 'noneWithEndpoints',
          data: { defaultNote: written ? '' : ' (the default)' },
          fix:
            want === null
              ? null
              : written
                ? { op: 'set', path: ['spec', 'resolution'], value: want, description: `resolution: ${want}` }
                : { op: 'insert', path: ['spec'], key: 'resolution', value: want, description: `resolution: ${want}` },
        });
      }
    },
  }),
];
