// Istio Gateways (istioctl's gateway.IngressGatewayPortAnalyzer, CertificateAnalyzer, ConflictingGatewayAnalyzer):
// the selector must pick a gateway workload, each server port must be one the workload's Service forwards,
// and two gateways on the same workload must not claim the same port and host or the same certificate.
import { defineRule, type Rule } from '../../rule.js';
import {
  asArray,
  asObject,
  asString,
  isObject,
  stringsOf,
  type JsonObject,
  type Resource,
} from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { labelsMatch, type Workload } from '../../../mesh/workloads.js';
import { GROUP, deploysGateways, describeSelector, isStandardGatewaySelector, selectorLabels } from './common.js';
import { valueText } from '../../../util/quote.js';

function istioGateways(mesh: MeshView): Resource[] {
  return mesh.byKind('Gateway').filter((g) => g.namespace !== null);
}

function selectorPath(g: Resource): (string | number)[] {
  const sel = asObject(g.spec.selector);
  const first = Object.keys(sel)[0];
  return first !== undefined ? ['spec', 'selector', first] : ['spec'];
}

export const gatewaySelectorNoWorkload = defineRule({
  id: 'gateway-selector-no-workload',
  severity: 'warning',
  istioCode: 'IST0101',
  kialiCode: 'KIA0302',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Gateway' }],
  title: "A Gateway's selector matches no gateway workload in the repository.",
  messages: {
    noWorkload:
      'Gateway {gateway} selects workloads labelled {selector}, and no workload in this repository has those labels: ' +
      'if no gateway deployment in the cluster has them either, no proxy serves this Gateway and connections to it are refused. Fix the selector, or declare the gateway workload under `external.workloads`.',
  },
  check(ctx) {
    for (const g of istioGateways(ctx.mesh)) {
      if (!isObject(g.spec.selector)) continue;
      const sel = selectorLabels(g.spec.selector);
      if (Object.keys(sel).length === 0) continue;
      if (ctx.mesh.workloadsMatching(sel, null).length > 0) continue;
      // Istio's own gateway charts (istio: ingressgateway …) are usually installed outside application repositories;
      // unless the repository deploys gateways itself (workloads labelled `istio: …`), then a miss is a real one.
      if (isStandardGatewaySelector(sel) && !deploysGateways(ctx.mesh)) continue;
      ctx.report({
        resource: g,
        path: selectorPath(g),
        subject: describeSelector(sel),
        messageId: 'noWorkload',
        data: { gateway: `${g.namespace}/${g.name}`, selector: describeSelector(sel) },
      });
    }
  },
});

/** Services in the workload's namespace whose selector selects it. */
function servicesSelecting(byNs: Map<string, Resource[]>, w: Workload): Resource[] {
  return (byNs.get(w.namespace) ?? []).filter((s) => {
    const sel = selectorLabels(s.spec.selector);
    return Object.keys(sel).length > 0 && labelsMatch(sel, w.labels);
  });
}

export const gatewayPortNotOnService = defineRule({
  id: 'gateway-port-not-on-service',
  severity: 'warning',
  istioCode: 'IST0162',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Gateway' }, { kind: 'Service' }],
  title: "A Gateway server listens on a port the gateway's Service does not forward to.",
  messages: {
    portNotOnService:
      'Gateway {gateway} listens on port {port}, but no Service of its workload ({selector}) forwards to {port} (ports: {servicePorts}): ' +
      'clients cannot reach this server. Use a port the gateway Service exposes (its targetPort), or add the port to the Service.',
  },
  check(ctx) {
    const svcCache = new Map<Workload, Resource[]>();
    const byNs = new Map<string, Resource[]>();
    for (const s of ctx.allInputs('Service', ''))
      if (s.namespace) (byNs.get(s.namespace) ?? byNs.set(s.namespace, []).get(s.namespace)!).push(s);
    for (const g of istioGateways(ctx.mesh)) {
      const sel = selectorLabels(g.spec.selector);
      const workloads = ctx.mesh.workloadsMatching(sel, null).filter((w) => w.resource !== null);
      if (workloads.length === 0) continue;
      const reachable = new Set<number>();
      let services = 0;
      for (const w of workloads) {
        let svcs = svcCache.get(w);
        if (!svcs) svcCache.set(w, (svcs = servicesSelecting(byNs, w)));
        for (const s of svcs) {
          services++;
          for (const p of asArray(s.spec.ports)) {
            if (!isObject(p)) continue;
            const proto = asString(p.protocol) ?? 'TCP'; // the API server's default
            if (proto.toUpperCase() !== 'TCP') continue;
            if (typeof p.targetPort === 'number') reachable.add(p.targetPort);
            else if (p.targetPort === undefined && typeof p.port === 'number') reachable.add(p.port);
            if (typeof p.port === 'number') reachable.add(p.port);
          }
        }
      }
      if (services === 0) continue; // the gateway's Service lives elsewhere: nothing to compare with
      asArray(g.spec.servers).forEach((s, i) => {
        if (!isObject(s)) return;
        const port = asObject(s.port).number;
        if (typeof port !== 'number' || reachable.has(port)) return;
        ctx.report({
          resource: g,
          path: ['spec', 'servers', i, 'port', 'number'],
          subject: String(port),
          messageId: 'portNotOnService',
          data: {
            gateway: `${g.namespace}/${g.name}`,
            port,
            selector: describeSelector(sel),
            servicePorts: [...reachable].sort((a, b) => a - b).join(', ') || 'none',
          },
        });
      });
    }
  },
});

const REUSED_CERTIFICATE =
  'browsers reuse HTTP/2 connections across hosts with one certificate and get 404 on the second host. ' +
  'Give each Gateway its own certificate, or merge the servers into one Gateway.';

interface TlsServer {
  gateway: Resource;
  index: number;
}

export const gatewayDuplicateCertificate = defineRule({
  id: 'gateway-duplicate-certificate',
  severity: 'warning',
  istioCode: 'IST0138',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Gateway' }],
  title: 'Two Gateways on the same workload use the same TLS certificate.',
  messages: {
    sameCredential: `Gateway {gateway} and Gateway {other} run on the same gateway workload and use the same certificate (credentialName "{credential}"): ${REUSED_CERTIFICATE}`,
    sameCertificateFiles: `Gateway {gateway} and Gateway {other} run on the same gateway workload and use the same certificate (serverCertificate/privateKey): ${REUSED_CERTIFICATE}`,
  },
  check(ctx) {
    const byCert = new Map<string, TlsServer[]>();
    for (const g of istioGateways(ctx.mesh)) {
      asArray(g.spec.servers).forEach((s, i) => {
        if (!isObject(s) || !isObject(s.tls)) return;
        const cred = asString(s.tls.credentialName);
        const key = cred
          ? `cred:${cred}`
          : asString(s.tls.serverCertificate) && asString(s.tls.privateKey)
            ? `files:${valueText(s.tls.serverCertificate)}|${valueText(s.tls.privateKey)}`
            : null;
        if (!key) return;
        (byCert.get(key) ?? byCert.set(key, []).get(key)!).push({ gateway: g, index: i });
      });
    }
    const reported = new Set<Resource>();
    for (const [key, servers] of byCert) {
      for (const a of servers) {
        if (reported.has(a.gateway)) continue;
        // As istioctl: reported on the gateway whose selector is contained in the other's (it selects every pod
        // the other does), so a broader and a narrower gateway get one finding, on the broader one.
        const sa = selectorLabels(a.gateway.spec.selector);
        const other = servers.find(
          (b) => b.gateway !== a.gateway && labelsMatch(sa, selectorLabels(b.gateway.spec.selector)),
        );
        if (!other) continue;
        reported.add(a.gateway);
        const pair = {
          gateway: `${a.gateway.namespace}/${a.gateway.name}`,
          other: `${other.gateway.namespace}/${other.gateway.name}`,
        };
        ctx.report({
          resource: a.gateway,
          path: ['metadata', 'name'],
          subject: key,
          ...(key.startsWith('cred:')
            ? { messageId: 'sameCredential', data: { ...pair, credential: key.slice(5) } }
            : { messageId: 'sameCertificateFiles', data: pair }),
        });
      }
    }
  },
});

export const gatewayConflict = defineRule({
  id: 'gateway-conflict',
  severity: 'error',
  istioCode: 'IST0145',
  kialiCode: 'KIA0301',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Gateway' }],
  title: 'Two Gateways on the same workload claim the same port and host in a way Istio cannot merge.',
  messages: {
    conflict:
      'Gateway {gateway} and Gateway {other} select the same gateway workload and both serve host "{host}" on port {port}, ' +
      'in a way Istio cannot merge (two TLS servers for one host, or servers whose protocols differ or are not HTTP): ' +
      "Istio keeps only one server for them and the other Gateway's routes are dropped. Serve the host from one Gateway, or change the port or host.",
  },
  check(ctx) {
    const byKey = new Map<string, { gateway: Resource; kind: ServerKind }[]>();
    for (const g of istioGateways(ctx.mesh)) {
      for (const s of asArray(g.spec.servers)) {
        if (!isObject(s)) continue;
        const port = asObject(s.port).number;
        if (typeof port !== 'number') continue;
        const bind = asString(s.bind) ?? '';
        const kind = serverKind(s);
        for (const h of new Set(stringsOf(s.hosts) ?? [])) {
          const key = `${port}|${bind}|${h}`;
          const l = byKey.get(key) ?? [];
          if (!l.some((x) => x.gateway === g)) l.push({ gateway: g, kind });
          byKey.set(key, l);
        }
      }
    }
    const conflicts = new Map<Resource, { key: string; other: Resource }>();
    for (const [key, servers] of byKey) {
      if (servers.length < 2) continue;
      for (const a of servers) {
        if (conflicts.has(a.gateway)) continue;
        const sa = selectorLabels(a.gateway.spec.selector);
        const other = servers.find(
          (b) =>
            b.gateway !== a.gateway &&
            !mergeable(a.kind, b.kind) &&
            sameGatewayWorkload(ctx.mesh, sa, selectorLabels(b.gateway.spec.selector)),
        );
        if (other) conflicts.set(a.gateway, { key, other: other.gateway });
      }
    }
    for (const [g, c] of conflicts) {
      const [port, , host] = c.key.split('|');
      ctx.report({
        resource: g,
        path: ['metadata', 'name'],
        subject: `${port}|${host}`,
        messageId: 'conflict',
        data: {
          gateway: `${g.namespace}/${g.name}`,
          other: `${c.other.namespace}/${c.other.name}`,
          host: host!,
          port: port!,
        },
      });
    }
  },
});

/** How pilot treats a server when merging servers of one port: plain-text HTTP-family, TLS (a `tls` block on a
 *  non-HTTP protocol: HTTPS, TLS), or another plain-text protocol. An HTTP server with `tls.httpsRedirect` is plain text. */
type ServerKind = 'plain-http' | 'tls' | 'plain-other';

function serverKind(s: JsonObject): ServerKind {
  const protocol = (asString(asObject(s.port).protocol) ?? '').toUpperCase();
  if (HTTP_PROTOCOLS.has(protocol)) return 'plain-http';
  return isObject(s.tls) ? 'tls' : 'plain-other';
}
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY']);

/** Plain-text HTTP servers on one port merge into one listener and their hosts into its virtual hosts (pilot's
 *  gateway merging); a TLS server with a host another TLS server of that port has is skipped, and so is a plain-text
 *  server whose protocol cannot join the port's first server. */
function mergeable(a: ServerKind, b: ServerKind): boolean {
  return a === 'plain-http' && b === 'plain-http';
}

function sameGatewayWorkload(mesh: MeshView, a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length === kb.length && labelsMatch(a, b)) return true;
  if (labelsMatch(a, b)) return mesh.workloadsMatching(b, null).length > 0; // a ⊆ b
  if (labelsMatch(b, a)) return mesh.workloadsMatching(a, null).length > 0;
  return false;
}

export const gatewayRules: Rule[] = [
  gatewaySelectorNoWorkload,
  gatewayPortNotOnService,
  gatewayDuplicateCertificate,
  gatewayConflict,
];
