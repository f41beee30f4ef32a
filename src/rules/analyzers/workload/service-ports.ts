// istioctl's service.PortNameAnalyzer: Service ports whose protocol Istio cannot tell (IST0118), and
// ExternalName Services whose ports would be treated as opaque TCP (IST0150). The fix adds `appProtocol`
// instead of renaming the port, because DestinationRules, probes and other Services refer to ports by name.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asString, isObject, type JsonObject, type Resource } from '../../../manifests/resource.js';
import type { FixEdit } from '../../../fixes/edits.js';
import { isControlPlane } from './common.js';
import { valueText } from '../../../util/quote.js';

const PROTOCOLS = new Set([
  'tcp',
  'udp',
  'grpc',
  'grpc-web',
  'http',
  'http_proxy',
  'http2',
  'https',
  'tls',
  'mongo',
  'redis',
  'mysql',
]);
/** Services Istio's gateway controllers create (gateway.istio.io/managed): not written by users. */
const GATEWAY_MANAGED = new Set([
  'istio.io-gateway-controller',
  'istio.io-mesh-controller',
  'istio.io-eastwest-controller',
]);
const K8S_APP_PROTOCOLS = new Set(['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss']);
/** Ports Istio recognises by number alone (SMTP, DNS, MySQL, MongoDB). */
const WELL_KNOWN_PORTS = new Set([25, 53, 3306, 27017]);

function knownProtocol(p: string): boolean {
  return PROTOCOLS.has(p.toLowerCase()) || K8S_APP_PROTOCOLS.has(p);
}

/** Can Istio derive this port's protocol? As Istio does it: UDP is UDP; otherwise appProtocol when set, else the
 *  port name, is read up to its first "-" ("grpc-web" whole); a port known by number falls back to TCP. */
function protocolDerivable(port: JsonObject): boolean {
  if ((asString(port.protocol) ?? '') === 'UDP') return true;
  const app = port.appProtocol;
  const name = typeof app === 'string' ? app : (asString(port.name) ?? '');
  if (K8S_APP_PROTOCOLS.has(name) || name.toLowerCase().startsWith('grpc-web')) return true;
  const dash = name.indexOf('-');
  if (knownProtocol(dash === -1 ? name : name.slice(0, dash))) return true;
  return typeof port.port === 'number' && WELL_KNOWN_PORTS.has(port.port);
}

const HTTP_PORTS = new Set([80, 3000, 5000, 8000, 8008, 8080, 8081, 8888, 9090]);
const HTTPS_PORTS = new Set([443, 8443]);
const TCP_PORTS = new Set([2181, 5432, 5672, 6379, 9042, 9092, 11211]);

/** A likely appProtocol from the port's name or number, or null when there is no good guess. */
function guessProtocol(port: JsonObject): { protocol: string; from: string } | null {
  const name = (asString(port.name) ?? '').toLowerCase();
  if (name !== '') {
    if (name.includes('grpc')) return { protocol: 'grpc', from: 'its name' };
    if (name.includes('https')) return { protocol: 'https', from: 'its name' };
    if (name.includes('http2') || name.includes('h2c')) return { protocol: 'http2', from: 'its name' };
    if (/http|web|metrics|rest/.test(name)) return { protocol: 'http', from: 'its name' };
    if (/postgres|kafka|amqp|redis|memcache|zookeeper|cassandra/.test(name))
      return { protocol: 'tcp', from: 'its name' };
  }
  const n = typeof port.port === 'number' ? port.port : null;
  if (n === null) return null;
  if (HTTP_PORTS.has(n)) return { protocol: 'http', from: `port ${n}` };
  if (HTTPS_PORTS.has(n)) return { protocol: 'https', from: `port ${n}` };
  if (TCP_PORTS.has(n)) return { protocol: 'tcp', from: `port ${n}` };
  return null;
}

function servicesToCheck(resources: readonly Resource[]): Resource[] {
  return resources.filter(
    (s) => !isControlPlane(s.labels) && !GATEWAY_MANAGED.has(s.labels['gateway.istio.io/managed'] ?? ''),
  );
}

function appProtocolFix(port: JsonObject, i: number, protocol: string): FixEdit {
  if (port.appProtocol !== undefined)
    return {
      op: 'set',
      path: ['spec', 'ports', i, 'appProtocol'],
      value: protocol,
      description: `appProtocol: ${protocol}`,
    };
  return {
    op: 'insert',
    path: ['spec', 'ports', i],
    key: 'appProtocol',
    value: protocol,
    description: `appProtocol: ${protocol}`,
  };
}

const UNKNOWN_PROTOCOL =
  'Istio cannot tell the protocol of port {port}: it has no appProtocol and its name does not start with a protocol (http-, grpc-, tcp-, …), so the sidecar falls back to protocol sniffing — ' +
  'server-first protocols (databases, SMTP) stall until the detection timeout, and HTTP features apply only when sniffing happens to detect HTTP.';
const PLAIN_TCP =
  'ExternalName Service "{service}" port {port} is treated as plain TCP: TCP traffic cannot be told apart by host, so every TCP service on port {portNumber} may be sent to "{externalName}". ' +
  'Name the port with its protocol or set appProtocol (http, https, tls, grpc).';

const portLabel = (p: JsonObject) =>
  asString(p.name) ? `"${asString(p.name)}" (${valueText(p.port)})` : valueText(p.port);

export const portNameConvention = defineRule({
  id: 'service-port-protocol-unknown',
  severity: 'info',
  istioCode: 'IST0118',
  group: 'analyzers/workload',
  fixable: true,
  inputs: [{ kind: 'Service' }],
  title:
    'A Service port whose protocol Istio cannot tell (no protocol name prefix, no appProtocol): left to protocol sniffing.',
  messages: {
    protocolUnknown: `${UNKNOWN_PROTOCOL} Set appProtocol to the protocol it speaks.`,
    protocolUnknownGuessed: `${UNKNOWN_PROTOCOL} Set appProtocol ({protocol}, guessed from {guessedFrom}; check it).`,
  },
  check(ctx) {
    for (const s of servicesToCheck(ctx.inputs('Service'))) {
      if (s.spec.type === 'ExternalName') continue;
      asArray(s.spec.ports).forEach((p, i) => {
        if (!isObject(p) || protocolDerivable(p)) return;
        const guess = guessProtocol(p);
        ctx.report({
          resource: s,
          path: ['spec', 'ports', i, 'port'],
          subject: `port ${valueText(p.port)}`,
          ...(guess
            ? {
                messageId: 'protocolUnknownGuessed',
                data: { port: portLabel(p), protocol: guess.protocol, guessedFrom: guess.from },
              }
            : { messageId: 'protocolUnknown', data: { port: portLabel(p) } }),
          fix: guess ? appProtocolFix(p, i, guess.protocol) : null,
        });
      });
    }
  },
});

export const externalNamePortName = defineRule({
  id: 'externalname-service-port-protocol',
  severity: 'warning',
  istioCode: 'IST0150',
  group: 'analyzers/workload',
  fixable: true,
  inputs: [{ kind: 'Service' }],
  title:
    'An ExternalName Service port without a derivable protocol (or named plain "tcp"): Istio cannot route it by host.',
  messages: {
    plainTcp: PLAIN_TCP,
    plainTcpGuessed: `${PLAIN_TCP} {protocol} is likely (from {guessedFrom}).`,
  },
  check(ctx) {
    for (const s of servicesToCheck(ctx.inputs('Service'))) {
      if (s.spec.type !== 'ExternalName') continue;
      asArray(s.spec.ports).forEach((p, i) => {
        if (!isObject(p)) return;
        const namedTcp = p.name === 'tcp';
        if (!namedTcp && protocolDerivable(p)) return;
        const guess = namedTcp ? null : guessProtocol(p);
        const useful = guess && guess.protocol !== 'tcp' ? guess : null;
        const about = {
          service: s.name,
          port: portLabel(p),
          portNumber: valueText(p.port),
          externalName: asString(s.spec.externalName) ?? '',
        };
        ctx.report({
          resource: s,
          path: ['spec', 'ports', i, 'port'],
          subject: `port ${valueText(p.port)}`,
          ...(useful
            ? { messageId: 'plainTcpGuessed', data: { ...about, protocol: useful.protocol, guessedFrom: useful.from } }
            : { messageId: 'plainTcp', data: about }),
          fix: useful ? appProtocolFix(p, i, useful.protocol) : null,
        });
      });
    }
  },
});

export const servicePortRules: Rule[] = [portNameConvention, externalNamePortName];
