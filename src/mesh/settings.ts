// Mesh-wide settings that change what the checks conclude: root namespace, default exportTo,
// outbound traffic policy, DNS capture and address auto-allocation. Read from a MeshConfig
// (the `mesh` key of the `istio` ConfigMap, or a bare MeshConfig) and the project's config file.
import { isObject, stringsOf, type Json, type JsonObject } from '../manifests/resource.js';

export interface MeshSettings {
  /** Istio minor version the checks assume, e.g. "1.28"; picks version-dependent defaults. */
  istioVersion: string;
  rootNamespace: string;
  istioNamespace: string;
  defaultServiceExportTo: string[] | null;
  defaultVirtualServiceExportTo: string[] | null;
  defaultDestinationRuleExportTo: string[] | null;
  outboundTrafficPolicy: 'ALLOW_ANY' | 'REGISTRY_ONLY';
  /** ISTIO_META_DNS_CAPTURE="true" in the default proxy metadata. */
  dnsCapture: boolean;
  /** ISTIO_META_DNS_AUTO_ALLOCATE or PILOT_ENABLE_IP_AUTOALLOCATE set "true". */
  addressAutoAllocate: boolean;
  /** The merged MeshConfig as written, for checks that read other fields (providers, …). */
  meshConfig: JsonObject;
  meshNetworks: JsonObject | null;
}

export const DEFAULT_ISTIO_VERSION = '1.28';

export function defaultMeshSettings(): MeshSettings {
  return {
    istioVersion: DEFAULT_ISTIO_VERSION,
    rootNamespace: 'istio-system',
    istioNamespace: 'istio-system',
    defaultServiceExportTo: null,
    defaultVirtualServiceExportTo: null,
    defaultDestinationRuleExportTo: null,
    outboundTrafficPolicy: 'ALLOW_ANY',
    dnsCapture: false,
    addressAutoAllocate: false,
    meshConfig: {},
    meshNetworks: null,
  };
}

/** Accepts a bare MeshConfig, or an `istio` ConfigMap whose `data.mesh` holds one as a string. */
export function meshConfigFromDocument(value: Json, parseString: (s: string) => Json): JsonObject {
  if (!isObject(value)) return {};
  if (value.kind === 'ConfigMap' && isObject(value.data) && typeof value.data.mesh === 'string') {
    const inner = parseString(value.data.mesh);
    return isObject(inner) ? inner : {};
  }
  return value;
}

export function applyMeshConfig(base: MeshSettings, mesh: JsonObject): MeshSettings {
  const merged = deepMerge(base.meshConfig, mesh);
  const s: MeshSettings = { ...base, meshConfig: merged };
  if (typeof merged.rootNamespace === 'string' && merged.rootNamespace) s.rootNamespace = merged.rootNamespace;
  s.defaultServiceExportTo = stringsOf(merged.defaultServiceExportTo);
  s.defaultVirtualServiceExportTo = stringsOf(merged.defaultVirtualServiceExportTo);
  s.defaultDestinationRuleExportTo = stringsOf(merged.defaultDestinationRuleExportTo);
  const otp = isObject(merged.outboundTrafficPolicy) ? merged.outboundTrafficPolicy.mode : undefined;
  if (otp === 'REGISTRY_ONLY' || otp === 'ALLOW_ANY') s.outboundTrafficPolicy = otp;
  const meta =
    isObject(merged.defaultConfig) && isObject(merged.defaultConfig.proxyMetadata)
      ? merged.defaultConfig.proxyMetadata
      : {};
  const isTrue = (v: Json | undefined) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
  s.dnsCapture = isTrue(meta.ISTIO_META_DNS_CAPTURE);
  s.addressAutoAllocate = isTrue(meta.ISTIO_META_DNS_AUTO_ALLOCATE) || isTrue(meta.PILOT_ENABLE_IP_AUTOALLOCATE);
  return s;
}

function deepMerge(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}
