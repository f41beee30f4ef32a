// Shared reading of ServiceEntries and DestinationRules for the service-entry rules: defaults Istio applies
// (resolution NONE, location MESH_EXTERNAL), the TLS settings a DestinationRule applies to one port, and which
// DestinationRules apply to an entry's host from the namespaces that call it.
import { isIP } from 'node:net';
import {
  asArray,
  asObject,
  asString,
  asStringMap,
  isObject,
  stringsOf,
  type Json,
  type JsonObject,
  type Path,
  type Resource,
} from '../../manifests/resource.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import { quote } from '../../util/quote.js';
import { exportScope, isVisibleFrom, type ExportScope } from '../../mesh/export-to.js';
import { isTcpFamily, protocolFamily, protocolFromPortName, unsetProtocolPhrase } from '../../mesh/protocol.js';
import { hostMatches, resolveHost } from '../../mesh/hosts.js';
import { routeDestinations } from '../analyzers/traffic/common.js';
import type { SePort } from '../../mesh/service-entry-ports.js';

export { portsOf, type SePort } from '../../mesh/service-entry-ports.js';

export const KNOWN_PROTOCOLS = [
  'TCP',
  'UDP',
  'HTTP',
  'HTTP2',
  'HTTPS',
  'GRPC',
  'GRPC-WEB',
  'TLS',
  'MONGO',
  'REDIS',
  'MYSQL',
  'HTTP_PROXY',
];
export function isHttpFamily(protocol: string): boolean {
  return protocolFamily(protocol) === 'HTTP';
}
export function isTlsFamily(protocol: string): boolean {
  return protocolFamily(protocol) === 'TLS';
}

export function serviceEntries(mesh: MeshView): readonly Resource[] {
  return mesh.byKind('ServiceEntry', 'networking.istio.io');
}

/** `spec.resolution` as written, or NONE (Istio's default) when absent. Non-strings come back as null. */
export function resolutionOf(se: Resource): string | null {
  const v = se.spec.resolution;
  if (v === undefined || v === null) return 'NONE';
  return typeof v === 'string' ? v : null;
}

/** `spec.location`, MESH_EXTERNAL when absent. */
export function locationOf(se: Resource): string {
  return asString(se.spec.location) ?? 'MESH_EXTERNAL';
}

export function hostsOf(se: Resource): string[] {
  return stringsOf(se.spec.hosts) ?? [];
}

export function addressesOf(se: Resource): string[] {
  return stringsOf(se.spec.addresses) ?? [];
}

export function endpointsOf(se: Resource): Json[] {
  return asArray(se.spec.endpoints);
}

export function hasSelector(se: Resource): boolean {
  return isObject(se.spec.workloadSelector);
}

export function selectorLabels(se: Resource): Record<string, string> {
  return asStringMap(asObject(se.spec.workloadSelector).labels);
}

/** Does traffic on this port need the entry's addresses to be told apart from other traffic to the same port?
 *  Plain TCP does (TCP, MONGO, MYSQL, REDIS: the proxy has only the destination IP and port). So does a port without
 *  protocol, whose traffic the sidecar sniffs and forwards as TCP unless it is HTTP, except when its name says it
 *  carries HTTP: then it is routed by Host (istioctl's IST0134 flags every unset protocol; pilot does not need it). */
export function needsAddress(p: SePort): boolean {
  if (p.protocol === null || p.protocol === '') return protocolFamily(protocolFromPortName(p.name)) !== 'HTTP';
  return isTcpFamily(p.protocol);
}

/** The openings of the messages about a port that needs an address (see needsAddress), by how it carries plain TCP:
 *  TCP itself, another protocol of the TCP family, or none (sniffed; its name does not suggest HTTP, or it would not
 *  need an address, so the phrase has no name hint). A rule's templates go on after a comma. */
const TCP_PORT_OPENINGS = {
  tcpPort: 'Port {port} is TCP',
  tcpFamilyPort: 'Port {port} is {protocol} (plain TCP to the proxy)',
  unsetProtocolPort: `Port {port} ${unsetProtocolPhrase(null)}`,
} as const;

/** A message catalogue with one template per way a port carries plain TCP, each going on with `rest`. */
export function tcpPortMessages(rest: string): Record<keyof typeof TCP_PORT_OPENINGS, string> {
  const out = {} as Record<keyof typeof TCP_PORT_OPENINGS, string>;
  for (const [id, opening] of Object.entries(TCP_PORT_OPENINGS) as [keyof typeof TCP_PORT_OPENINGS, string][])
    out[id] = `${opening}, ${rest}`;
  return out;
}

/** The message id (of tcpPortMessages) and the data of its opening for a port that needs an address. */
export function tcpPortReport(p: SePort): {
  messageId: keyof typeof TCP_PORT_OPENINGS;
  data: { port: string; protocol?: string };
} {
  const port = describePort(p);
  if (p.protocol === null || p.protocol === '') return { messageId: 'unsetProtocolPort', data: { port } };
  return p.protocol.toUpperCase() === 'TCP'
    ? { messageId: 'tcpPort', data: { port } }
    : { messageId: 'tcpFamilyPort', data: { port, protocol: quote(p.protocol) } };
}

/** A port as people say it: `443 ("https")`. */
export function describePort(p: SePort): string {
  return p.name ? `${p.number ?? '?'} ("${p.name}")` : `${p.number ?? '?'}`;
}

export function scopeOf(
  mesh: MeshView,
  r: Resource,
  defaults: string[] | null = mesh.settings.defaultServiceExportTo,
): ExportScope {
  return exportScope(stringsOf(r.spec.exportTo), r.namespace!, defaults);
}

export function isIpAddress(s: string): boolean {
  return isIP(s) !== 0;
}

/** An IP or a CIDR block. */
export function isIpOrCidr(s: string): boolean {
  if (isIpAddress(s)) return true;
  const slash = s.indexOf('/');
  if (slash === -1) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const v = isIP(ip);
  if (v === 0 || !/^[0-9]{1,3}$/.test(bits)) return false;
  return Number(bits) <= (v === 4 ? 32 : 128);
}

// ---- DestinationRule TLS --------------------------------------------------------------------------

export interface TlsSetting {
  tls: JsonObject;
  /** Path of the `tls` mapping inside the DestinationRule. */
  path: Path;
  mode: string | null;
}

/** The TLS settings a DestinationRule applies to traffic on `port`: a `portLevelSettings` entry for that port
 *  number replaces the top level wholesale (an entry without `tls` means no TLS settings, as pilot's
 *  MergeTrafficPolicy does); without an entry the top-level `trafficPolicy.tls` applies. */
export function tlsForPort(dr: Resource, port: number | null): TlsSetting | null {
  const policy = asObject(dr.spec.trafficPolicy);
  if (port !== null) {
    const pls = asArray(policy.portLevelSettings);
    for (let i = 0; i < pls.length; i++) {
      const p = pls[i];
      if (!isObject(p) || asObject(p.port).number !== port) continue;
      if (isObject(p.tls))
        return {
          tls: p.tls,
          path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'],
          mode: asString(p.tls.mode) ?? null,
        };
      return null;
    }
  }
  if (isObject(policy.tls))
    return { tls: policy.tls, path: ['spec', 'trafficPolicy', 'tls'], mode: asString(policy.tls.mode) ?? null };
  return null;
}

/** SIMPLE or MUTUAL: the sidecar opens a TLS connection itself (ISTIO_MUTUAL is Istio's own mTLS). */
export function originatesTls(t: TlsSetting | null): boolean {
  return t !== null && (t.mode === 'SIMPLE' || t.mode === 'MUTUAL');
}

/** Namespaces whose proxies send traffic to `host` (a host of `se`, literal): those of the VirtualServices that route
 *  or mirror to it, and those of the DestinationRules written for it (each is written for its own namespace's callers,
 *  at least); the entry's own namespace when nothing else says. Only namespaces that can see the entry. */
export function callingNamespaces(mesh: MeshView, se: Resource, host: string): string[] {
  const scope = scopeOf(mesh, se);
  const out = new Set<string>();
  for (const dr of mesh.destinationRulesMatching(host)) out.add(dr.namespace!);
  const routed = routedHosts(mesh);
  // Two plain names match only when equal: look those up; only wildcards on either side need a scan.
  if (host.startsWith('*')) {
    for (const r of routed.all) if (hostMatches(host, r.host) || hostMatches(r.host, host)) out.add(r.namespace);
  } else {
    for (const ns of routed.exact.get(host) ?? []) out.add(ns);
    for (const r of routed.wildcards) if (hostMatches(r.host, host)) out.add(r.namespace);
  }
  const visible = [...out].filter((ns) => ns === se.namespace || isVisibleFrom(scope, ns)).sort();
  return visible.length > 0 ? visible : [se.namespace!];
}

interface RoutedHost {
  host: string;
  namespace: string;
}

/** Every VirtualService destination host, resolved in its VirtualService's namespace (computed once per view), and
 *  indexed: by exact name, and the wildcard ones apart. */
function routedHosts(mesh: MeshView): { all: RoutedHost[]; exact: Map<string, Set<string>>; wildcards: RoutedHost[] } {
  return mesh.memo('service-entry/routed-hosts', () => {
    const all: RoutedHost[] = [];
    const exact = new Map<string, Set<string>>();
    const wildcards: RoutedHost[] = [];
    for (const vs of mesh.byKind('VirtualService')) {
      if (vs.namespace === null) continue;
      for (const d of routeDestinations(mesh, vs)) {
        if (d.host === '') continue;
        const r = { host: resolveHost(d.host, vs.namespace), namespace: vs.namespace };
        all.push(r);
        if (r.host.startsWith('*')) wildcards.push(r);
        else (exact.get(r.host) ?? exact.set(r.host, new Set()).get(r.host)!).add(r.namespace);
      }
    }
    return { all, exact, wildcards };
  });
}

/** The DestinationRules Istio applies to traffic to `host` (declared by `se`) from the entry's own namespace and
 *  every namespace that calls it (callingNamespaces), each rule once. */
export function drsApplying(mesh: MeshView, se: Resource, host: string): Resource[] {
  const out: Resource[] = [];
  for (const caller of new Set([se.namespace!, ...callingNamespaces(mesh, se, host)])) {
    const dr = mesh.destinationRuleFor(host, caller, se.namespace);
    if (dr && !out.includes(dr)) out.push(dr);
  }
  return out;
}

/** Does some DestinationRule that applies to one of the entry's hosts originate TLS on this port? */
export function tlsOriginatedOn(mesh: MeshView, se: Resource, port: number | null): Resource | null {
  for (const h of hostsOf(se)) {
    for (const dr of drsApplying(mesh, se, h)) if (originatesTls(tlsForPort(dr, port))) return dr;
  }
  return null;
}

/** The calling namespaces whose DestinationRule (as pilot picks it for them) does not originate TLS on this port. */
export function callersWithoutOrigination(mesh: MeshView, se: Resource, port: number | null): string[] {
  const out = new Set<string>();
  for (const h of hostsOf(se)) {
    for (const caller of callingNamespaces(mesh, se, h)) {
      const dr = mesh.destinationRuleFor(h, caller, se.namespace);
      if (!dr || !originatesTls(tlsForPort(dr, port))) out.add(caller);
    }
  }
  return [...out].sort();
}
