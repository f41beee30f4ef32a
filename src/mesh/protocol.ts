// Protocols as the proxies treat them. Istio's protocol names fall in three families: HTTP (routed by Host, with
// HTTP filters), TLS (passed through by SNI) and plain TCP (matched by address and port only). MONGO, MYSQL and REDIS
// are TCP with an optional protocol filter: wherever TCP matters (addresses, conflicts, sniffing) they are TCP.
import { own } from '../util/own.js';

export type ProtocolFamily = 'HTTP' | 'TLS' | 'TCP' | 'UDP' | 'unset' | 'unknown';

// Service appProtocol values Kubernetes standardised count as the protocols they name (h2c and ws are HTTP, wss TLS).
const HTTP_FAMILY = new Set([
  'HTTP',
  'HTTP2',
  'HTTP_PROXY',
  'GRPC',
  'GRPC-WEB',
  'KUBERNETES.IO/H2C',
  'KUBERNETES.IO/WS',
]);
const TLS_FAMILY = new Set(['HTTPS', 'TLS', 'KUBERNETES.IO/WSS']);
const TCP_FAMILY = new Set(['TCP', 'MONGO', 'MYSQL', 'REDIS']);

/** The family of a protocol field as written (any case); `unset` when absent or empty. */
export function protocolFamily(protocol: string | null | undefined): ProtocolFamily {
  if (protocol === null || protocol === undefined || protocol === '') return 'unset';
  const p = protocol.toUpperCase();
  if (HTTP_FAMILY.has(p)) return 'HTTP';
  if (TLS_FAMILY.has(p)) return 'TLS';
  if (TCP_FAMILY.has(p)) return 'TCP';
  if (p === 'UDP') return 'UDP';
  return 'unknown';
}

/** Plain TCP as the proxy forwards it: TCP, MONGO, MYSQL, REDIS. */
export function isTcpFamily(protocol: string | null | undefined): boolean {
  return protocolFamily(protocol) === 'TCP';
}

/** The protocol a port name announces by its prefix (`http-api` → HTTP, `grpc-web…` → GRPC-WEB), or null. This is how
 *  Istio reads a Kubernetes Service port without appProtocol; a ServiceEntry port is read from its protocol field only. */
export function protocolFromPortName(name: string | null | undefined): string | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  if (lower.startsWith('grpc-web')) return 'GRPC-WEB';
  const prefix = lower.split('-')[0]!;
  return own(NAME_PREFIXES, prefix) ?? null;
}
const NAME_PREFIXES: Record<string, string> = {
  http: 'HTTP',
  http2: 'HTTP2',
  https: 'HTTPS',
  grpc: 'GRPC',
  tcp: 'TCP',
  tls: 'TLS',
  mongo: 'MONGO',
  redis: 'REDIS',
  mysql: 'MYSQL',
  udp: 'UDP',
};

/** What the proxy does with a ServiceEntry port that has no protocol, as a phrase for messages. Pilot reads only
 *  the protocol field of a ServiceEntry port; without it the sidecar detects the protocol from the first bytes. */
export function unsetProtocolPhrase(portName: string | null): string {
  const named = protocolFromPortName(portName);
  const hint =
    named && protocolFamily(named) === 'HTTP' ? ` (its name suggests ${named}, which detection will find)` : '';
  return `has no protocol, so the sidecar detects it from the first bytes${hint}: HTTP is routed by Host, anything else is forwarded as plain TCP`;
}
