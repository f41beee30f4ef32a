// ServiceEntry port protocols that do not match the traffic on the port.
import { defineRule, type Rule } from '../rule.js';
import { asArray, isObject } from '../../manifests/resource.js';
import {
  addressesOf,
  describePort,
  hasSelector,
  needsAddress,
  hostsOf,
  isHttpFamily,
  isTlsFamily,
  portsOf,
  resolutionOf,
  tcpPortMessages,
  tcpPortReport,
  tlsOriginatedOn,
  type SePort,
} from './common.js';
import { quote } from '../../util/quote.js';
import type { Resource } from '../../manifests/resource.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import { protocolFromPortName } from '../../mesh/protocol.js';

const group = 'service-entry';
const MULTIPLE_HOSTS_REJECTED =
  'for non-HTTP, non-TLS traffic the sidecar cannot tell the hosts apart, and Istio rejects the ServiceEntry at apply time ("multiple hosts provided with non-HTTP, non-TLS ports"). ' +
  'Split it into one ServiceEntry per host, or use an HTTP/TLS protocol if that is what the port carries.';

/** Port 443 or a port named https…/tls… declared as plain HTTP, and the protocol it should have. */
export function tlsPortDeclaredHttp(p: SePort): string | null {
  if (!p.protocol || !['HTTP', 'HTTP2', 'GRPC'].includes(p.protocol.toUpperCase())) return null;
  const fromName = protocolFromPortName(p.name);
  if (fromName === 'TLS') return 'TLS';
  if (fromName === 'HTTPS') return 'HTTPS';
  // 443 forwarded to another backend port (443 → 8080) is a deliberate plain-HTTP mapping, not a TLS port.
  if (p.number === 443 && (p.targetPort === null || p.targetPort === 443)) return 'HTTPS';
  return null;
}

function isTlsPortDeclaredHttp(mesh: MeshView, se: Resource, p: SePort): string | null {
  const want = tlsPortDeclaredHttp(p);
  if (!want) return null;
  // Mesh workloads picked by a selector may serve plain HTTP on 443; only a https…/tls… name says otherwise.
  if (hasSelector(se) && protocolFromPortName(p.name) !== want) return null;
  return tlsOriginatedOn(mesh, se, p.number) ? null : want;
}

function sharedHostPort(mesh: MeshView, se: Resource, p: SePort): boolean {
  for (const h of hostsOf(se)) {
    for (const e of mesh.exactHostEntries(h)) {
      if (e.resource !== se && e.source === 'ServiceEntry' && e.ports.some((x) => x.number === p.number)) return true;
    }
  }
  return false;
}

export const protocolRules: Rule[] = [
  defineRule({
    id: 'se-tls-port-declared-http',
    severity: 'error',
    istioCode: null,
    group,
    fixable: true,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'Port 443, or a port named https…/tls…, declared HTTP, HTTP2 or GRPC with no DestinationRule originating TLS on it.',
    messages: {
      tlsPortDeclaredHttp:
        'Port {port} carries TLS but is declared protocol {protocol}: the sidecar parses the app\'s TLS bytes as HTTP and requests fail (connection reset, "upstream connect error", or 503/404 NR when no route matches). ' +
        'Declare protocol: {tlsProtocol} so the TLS passes through by SNI. If the app really sends plain HTTP, keep HTTP but use a port such as 80 with targetPort: 443 and a DestinationRule with tls.mode: SIMPLE for it.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        for (const p of portsOf(se)) {
          const want = isTlsPortDeclaredHttp(ctx.mesh, se, p);
          if (!want) continue;
          ctx.report({
            resource: se,
            path: ['spec', 'ports', p.index, 'protocol'],
            subject: String(p.number ?? p.name),
            messageId: 'tlsPortDeclaredHttp',
            data: { port: describePort(p), protocol: quote(p.protocol!), tlsProtocol: want },
            // Not when another entry declares the same host and port: changing one side would make them conflict.
            fix: sharedHostPort(ctx.mesh, se, p)
              ? null
              : {
                  op: 'set',
                  path: ['spec', 'ports', p.index, 'protocol'],
                  value: want,
                  description: `protocol: ${want}`,
                },
          });
        }
      }
    },
  }),
  defineRule({
    id: 'se-port-name-protocol-mismatch',
    severity: 'info',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A ServiceEntry port name announces one protocol and the protocol field says another (the protocol field wins).',
    messages: {
      portNameProtocolMismatch:
        'Port name {name} suggests {nameProtocol} but the port is declared protocol {protocol}; in a ServiceEntry the protocol field decides how the sidecar treats the traffic. Rename the port or fix the protocol so readers are not misled.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        for (const p of portsOf(se)) {
          const fromName = protocolFromPortName(p.name);
          if (!fromName || !p.protocol) continue;
          const proto = p.protocol.toUpperCase();
          if (
            proto === fromName ||
            (fromName === 'GRPC' && proto === 'GRPC-WEB') ||
            (fromName === 'HTTP' && proto === 'HTTP_PROXY')
          )
            continue;
          if (isTlsFamily(proto) && isTlsFamily(fromName)) continue; // HTTPS and TLS are both passed through by SNI
          if (isTlsPortDeclaredHttp(ctx.mesh, se, p)) continue; // reported as an error already
          ctx.report({
            resource: se,
            path: ['spec', 'ports', p.index, 'name'],
            subject: String(p.number ?? p.name),
            messageId: 'portNameProtocolMismatch',
            data: { name: quote(p.name!), nameProtocol: fromName, protocol: quote(p.protocol) },
          });
        }
      }
    },
  }),
  defineRule({
    id: 'se-addresses-required',
    severity: 'warning',
    istioCode: 'IST0134',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A plain-TCP (TCP, MONGO, MYSQL, REDIS) or protocol-less non-HTTP ServiceEntry port without addresses, when the mesh does not auto-allocate addresses.',
    messages: tcpPortMessages(
      'and the entry has no "addresses": for plain TCP the sidecar can only tell destinations apart by IP and port, so traffic to {hosts} on this port is matched as any other traffic to port {number} (passthrough or a different service, connection timeouts with REGISTRY_ONLY). ' +
        'Add the service\'s IPs under "addresses", or enable DNS capture with address auto-allocation in the mesh (ISTIO_META_DNS_CAPTURE and ISTIO_META_DNS_AUTO_ALLOCATE).',
    ),
    check(ctx) {
      const s = ctx.mesh.settings;
      if (s.dnsCapture && s.addressAutoAllocate) return;
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (addressesOf(se).length > 0 || asArray(se.spec.addresses).length > 0) continue;
        const status = se.obj.status;
        if (isObject(status) && asArray(status.addresses).length > 0) continue;
        for (const p of portsOf(se)) {
          if (!needsAddress(p)) continue;
          const opening = tcpPortReport(p);
          ctx.report({
            resource: se,
            path: ['spec', 'ports', p.index, 'name'],
            subject: String(p.number ?? p.name),
            messageId: opening.messageId,
            data: { ...opening.data, hosts: hostsOf(se).map(quote).join(', ') || 'the host', number: p.number ?? '?' },
          });
        }
      }
    },
  }),
  defineRule({
    id: 'se-multiple-hosts-non-http-port',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'Several hosts with a port that is neither HTTP nor TLS while resolution is not NONE: Istio rejects the ServiceEntry.',
    messages: {
      multipleHostsNonHttpPort: `The entry lists {hostCount} hosts with resolution {resolution} and port {port} is {protocol}: ${MULTIPLE_HOSTS_REJECTED}`,
      multipleHostsUnsetProtocol: `The entry lists {hostCount} hosts with resolution {resolution} and port {port} is declared without a protocol (Istio's validation counts an unset protocol as neither HTTP nor TLS, whatever the port name says): ${MULTIPLE_HOSTS_REJECTED}`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const res = resolutionOf(se);
        if (res === 'NONE' || hostsOf(se).length < 2) continue;
        for (const p of portsOf(se)) {
          if (p.protocol && (isHttpFamily(p.protocol) || isTlsFamily(p.protocol))) continue;
          const about = { hostCount: hostsOf(se).length, resolution: String(res), port: describePort(p) };
          ctx.report({
            resource: se,
            path: p.protocol ? ['spec', 'ports', p.index, 'protocol'] : ['spec', 'ports', p.index],
            subject: String(p.number ?? p.name),
            ...(p.protocol
              ? { messageId: 'multipleHostsNonHttpPort', data: { ...about, protocol: quote(p.protocol) } }
              : { messageId: 'multipleHostsUnsetProtocol', data: about }),
          });
        }
      }
    },
  }),
];
