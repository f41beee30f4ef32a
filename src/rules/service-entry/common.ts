// Shared reading of ServiceEntries and DestinationRules for the service-entry rules: defaults Istio applies
// (resolution NONE, location MESH_EXTERNAL), the TLS settings a DestinationRule applies to one port, and which
// DestinationRules apply to an entry's host from the namespaces that call it.
import { isIP } from 'node:net';
import { asArray, asObject, asString, asStringMap, isObject, type Json, type JsonObject, type Path, type Resource } from '../../manifests/resource.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import { stringsOf } from '../../mesh/mesh-view.js';
import { exportScope, isVisibleFrom, type ExportScope } from '../../mesh/export-to.js';
import { resolveHost } from '../../mesh/hosts.js';

export const KNOWN_PROTOCOLS = ['TCP', 'UDP', 'HTTP', 'HTTP2', 'HTTPS', 'GRPC', 'GRPC-WEB', 'TLS', 'MONGO', 'REDIS', 'MYSQL', 'HTTP_PROXY'];
const HTTP_FAMILY = new Set(['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB']);
const TLS_FAMILY = new Set(['HTTPS', 'TLS']);

export function isHttpFamily(protocol: string): boolean {
  return HTTP_FAMILY.has(protocol.toUpperCase());
}
export function isTlsFamily(protocol: string): boolean {
  return TLS_FAMILY.has(protocol.toUpperCase());
}

export function serviceEntries(mesh: MeshView): readonly Resource[] {
  return mesh.byKind('ServiceEntry', 'networking.istio.io');
}
export function destinationRules(mesh: MeshView): readonly Resource[] {
  return mesh.byKind('DestinationRule', 'networking.istio.io');
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

export interface SePort {
  index: number;
  port: JsonObject;
  number: number | null;
  name: string | null;
  /** As written (may be lower case), null when absent. */
  protocol: string | null;
  targetPort: number | null;
}

/** The object entries of `spec.ports`, with their index in the list. */
export function portsOf(se: Resource): SePort[] {
  const out: SePort[] = [];
  asArray(se.spec.ports).forEach((p, index) => {
    if (!isObject(p)) return;
    out.push({
      index, port: p,
      number: typeof p.number === 'number' ? p.number : null,
      name: asString(p.name) ?? null,
      protocol: typeof p.protocol === 'string' ? p.protocol : null,
      targetPort: typeof p.targetPort === 'number' ? p.targetPort : null,
    });
  });
  return out;
}

/** A port as people say it: `443 ("https")`. */
export function describePort(p: SePort): string {
  return p.name ? `${p.number ?? '?'} ("${p.name}")` : `${p.number ?? '?'}`;
}

export function scopeOf(mesh: MeshView, r: Resource, defaults: string[] | null = mesh.settings.defaultServiceExportTo): ExportScope {
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
      if (isObject(p.tls)) return { tls: p.tls, path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'], mode: asString(p.tls.mode) ?? null };
      return null;
    }
  }
  if (isObject(policy.tls)) return { tls: policy.tls, path: ['spec', 'trafficPolicy', 'tls'], mode: asString(policy.tls.mode) ?? null };
  return null;
}

/** SIMPLE or MUTUAL: the sidecar opens a TLS connection itself (ISTIO_MUTUAL is Istio's own mTLS). */
export function originatesTls(t: TlsSetting | null): boolean {
  return t !== null && (t.mode === 'SIMPLE' || t.mode === 'MUTUAL');
}

/** The DestinationRules Istio applies to traffic to `host` (declared by `se`) from every namespace that
 *  plausibly calls it: the entry's own namespace and every namespace holding a DestinationRule for the host
 *  (when the entry is visible there). Each rule once. */
export function drsApplying(mesh: MeshView, se: Resource, host: string): Resource[] {
  const resolved = resolveHost(host, se.namespace!);
  const scope = scopeOf(mesh, se);
  const callers = new Set<string>([se.namespace!]);
  for (const dr of mesh.destinationRulesMatching(resolved)) callers.add(dr.namespace!);
  const out: Resource[] = [];
  for (const caller of callers) {
    if (caller !== se.namespace && !isVisibleFrom(scope, caller)) continue;
    const dr = mesh.destinationRuleFor(resolved, caller, se.namespace);
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

export function quote(s: string): string {
  return JSON.stringify(s);
}
