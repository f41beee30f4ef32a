// Names of gateways as VirtualServices write them (`gateways:` and `match[].gateways`), resolved to the
// Gateway they mean.
import type { Resource } from '../manifests/resource.js';
import type { MeshView } from './mesh-view.js';

/** "ns/name", "name" (same namespace) or "name.ns[.svc.cluster.local]" → namespace and name. */
export function parseGatewayRef(ref: string, ownNamespace: string): { namespace: string; name: string } {
  const slash = ref.indexOf('/');
  if (slash !== -1) return { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
  const dot = ref.indexOf('.');
  if (dot !== -1) return { namespace: ref.slice(dot + 1).split('.')[0]!, name: ref.slice(0, dot) };
  return { namespace: ownNamespace, name: ref };
}

/** The gateway a reference written in `ownNamespace` names, as "ns/name", and the Gateway when the repository has it
 *  (a plain name with dots is tried as a gateway of the own namespace first when one by that name exists). */
export function resolveGatewayRef(
  mesh: MeshView,
  ref: string,
  ownNamespace: string,
): { key: string; namespace: string; name: string; gateway: Resource | null } {
  if (!ref.includes('/')) {
    const own = mesh.gateway(ownNamespace, ref);
    if (own && ref.includes('.'))
      return { key: `${ownNamespace}/${ref}`, namespace: ownNamespace, name: ref, gateway: own };
  }
  const p = parseGatewayRef(ref, ownNamespace);
  return {
    key: `${p.namespace}/${p.name}`,
    namespace: p.namespace,
    name: p.name,
    gateway: mesh.gateway(p.namespace, p.name),
  };
}
