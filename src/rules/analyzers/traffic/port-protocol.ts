// The protocol a destination port carries, as the host's declarations say it: a ServiceEntry's `protocol`, a
// Service port's `appProtocol` or name prefix (`http-web`, `tcp-db`). A Service port's `protocol: TCP` is the
// transport, not Istio's protocol, and says nothing; an unnamed Service port is detected at runtime (unknown here).
import { asArray, asString, isObject } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { protocolFamily, protocolFromPortName } from '../../../mesh/protocol.js';

export interface DeclaredPort {
  number: number;
  protocol: string;
  /** "ServiceEntry ns/name" or "Service ns/name". */
  declaredBy: string;
  targetPort: number | null;
}

/** Ports of the (resolved, non-wildcard) host whose protocol a declaration states; ports declared with different
 *  protocols by different resources are left out. */
export function declaredPorts(mesh: MeshView, host: string, fromNamespace: string): DeclaredPort[] {
  const byNumber = new Map<number, DeclaredPort | null>();
  for (const e of mesh.lookupHost(host, fromNamespace).visible) {
    const r = e.resource;
    if (!r) continue;
    const ports = asArray(r.spec.ports).filter(isObject);
    for (const p of ports) {
      const number = r.kind === 'ServiceEntry' ? p.number : p.port;
      if (typeof number !== 'number') continue;
      const name = asString(p.name) ?? null;
      // Pilot reads a ServiceEntry port's protocol field only (unset: detected at runtime, unknown here).
      const protocol =
        (r.kind === 'ServiceEntry'
          ? asString(p.protocol)
          : (asString(p.appProtocol) ?? protocolFromPortName(name))
        )?.toUpperCase() ?? null;
      if (!protocol) continue;
      const prev = byNumber.get(number);
      const declared: DeclaredPort = {
        number,
        protocol,
        declaredBy: `${r.kind} ${r.namespace}/${r.name}`,
        targetPort: typeof p.targetPort === 'number' ? p.targetPort : null,
      };
      if (prev === undefined) byNumber.set(number, declared);
      else if (prev !== null && prev.protocol !== protocol) byNumber.set(number, null);
    }
  }
  return [...byNumber.values()].filter((p): p is DeclaredPort => p !== null);
}

/** Plain HTTP the sidecar reads. */
export function isHttpProtocol(protocol: string): boolean {
  return protocolFamily(protocol) === 'HTTP';
}

/** Traffic the sidecar forwards as bytes (TCP, or TLS it passes through): it cannot see HTTP status codes. */
export function isOpaqueProtocol(protocol: string): boolean {
  const family = protocolFamily(protocol);
  return family === 'TLS' || family === 'TCP';
}
