// The one reader of a ServiceEntry's `spec.ports`: MeshView's host index and the ServiceEntry rules both use it.
import { asArray, asString, isObject, type JsonObject, type Resource } from '../manifests/resource.js';

export interface SePort {
  /** Index in `spec.ports`. */
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
      index,
      port: p,
      number: typeof p.number === 'number' ? p.number : null,
      name: asString(p.name) ?? null,
      protocol: asString(p.protocol) ?? null,
      targetPort: typeof p.targetPort === 'number' ? p.targetPort : null,
    });
  });
  return out;
}
