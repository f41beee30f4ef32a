// Istio's resource annotations as istioctl's annotation analyzer knows them: which resource types each
// belongs on, whether it is deprecated, and how its value is validated. Compiled by hand from Istio's
// published annotation list (istio.io "Resource Annotations", istio/api annotation/annotations.yaml), plus a few
// newer ones (ambient DNS capture, stats flush/compression settings) so that they are not reported as unknown;
// the operator's install.operator.istio.io annotations and long-removed ones are gone from the list, as in Istio.
// The validators follow the sidecar injector's.
import { isIP } from 'node:net';
import { parse as parseYaml } from 'yaml';

export interface AnnotationDef {
  /** Resource types it belongs on; 'Any' means every type. */
  resources: readonly string[];
  deprecated?: boolean;
  /** Why a value is rejected, or null when it is accepted. */
  validate?: (value: string) => string | null;
}

const POD = ['Pod'] as const;

function uint(value: string, bits: 16 | 32): boolean {
  if (!/^[0-9]+$/.test(value)) return false;
  return Number(value) <= (bits === 16 ? 0xffff : 0xffffffff);
}

const portList = (value: string): string | null => {
  const v = value.trim();
  if (v === '') return null;
  for (const p of v.split(',')) if (!uint(p.trim(), 16)) return `"${p}" is not a port number`;
  return null;
};

function isCidr(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash === -1) return false;
  const ip = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  const family = isIP(ip);
  if (family === 0 || !/^[0-9]+$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

const cidrList = (value: string): string | null => {
  if (value === '') return null;
  for (const c of value.split(',')) if (!isCidr(c)) return `"${c}" is not a CIDR (address/prefix length, no spaces)`;
  return null;
};

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

const VALIDATORS = {
  interceptionMode: (v: string) =>
    ['REDIRECT', 'TPROXY', 'NONE'].includes(v) ? null : 'must be REDIRECT, TPROXY or NONE',
  port: (v: string) => (uint(v.trim(), 16) ? null : 'must be a port number'),
  uint32: (v: string) => (uint(v, 32) ? null : 'must be a non-negative whole number'),
  includeIPRanges: (v: string) => (v === '*' ? null : cidrList(v)),
  excludeIPRanges: cidrList,
  includePorts: (v: string) => (v === '*' ? null : portList(v)),
  ports: portList,
  bool: (v: string) => (GO_BOOLS.has(v) ? null : 'must be true or false'),
  proxyConfig: (v: string) => {
    try {
      const parsed: unknown = parseYaml(v);
      return parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed))
        ? null
        : 'must be a ProxyConfig in YAML or JSON';
    } catch {
      return 'is not valid YAML/JSON';
    }
  },
};

export const ISTIO_ANNOTATIONS: Readonly<Record<string, AnnotationDef>> = {
  // any resource
  'galley.istio.io/analyze-suppress': { resources: ['Any'] },
  'gateway.istio.io/controller-version': { resources: ['Any'] },
  // Services and ServiceEntries
  'networking.istio.io/exportTo': { resources: ['Service'] },
  'networking.istio.io/traffic-distribution': { resources: ['Service', 'ServiceEntry'] },
  'traffic.istio.io/nodeSelector': { resources: ['Service'] },
  'alpha.istio.io/kubernetes-serviceaccounts': { resources: ['Service'], deprecated: true },
  'alpha.istio.io/canonical-serviceaccounts': { resources: ['Service'], deprecated: true },
  // Gateways (Kubernetes Gateway API) and classes
  'gateway.istio.io/name-override': { resources: ['Gateway'] },
  'gateway.istio.io/service-account': { resources: ['Gateway'] },
  'networking.istio.io/address-type': { resources: ['Gateway'] },
  'networking.istio.io/service-type': { resources: ['Gateway'] },
  'ambient.istio.io/waypoint-inbound-binding': { resources: ['GatewayClass', 'Gateway'] },
  // other Istio resources
  'istio.io/dry-run': { resources: ['AuthorizationPolicy'] },
  'istio.io/autoRegistrationGroup': { resources: ['WorkloadEntry'] },
  'istio.io/workloadController': { resources: ['WorkloadEntry'] },
  'istio.io/connectedAt': { resources: ['WorkloadEntry'] },
  'istio.io/disconnectedAt': { resources: ['WorkloadEntry'] },
  'topology.istio.io/controlPlaneClusters': { resources: ['Namespace'] },
  'kubernetes.io/ingress.class': { resources: ['Ingress'] },
  // Pods (and pod templates)
  'ambient.istio.io/redirection': { resources: POD },
  'ambient.istio.io/dns-capture': { resources: POD },
  'ambient.istio.io/bypass-inbound-capture': { resources: POD },
  'istio.io/reroute-virtual-interfaces': { resources: POD },
  'inject.istio.io/templates': { resources: POD },
  'prometheus.istio.io/merge-metrics': { resources: POD, validate: VALIDATORS.bool },
  'proxy.istio.io/config': { resources: POD, validate: VALIDATORS.proxyConfig },
  'proxy.istio.io/overrides': { resources: POD },
  'readiness.status.sidecar.istio.io/applicationPorts': { resources: POD },
  'readiness.status.sidecar.istio.io/failureThreshold': { resources: POD, validate: VALIDATORS.uint32 },
  'readiness.status.sidecar.istio.io/initialDelaySeconds': { resources: POD, validate: VALIDATORS.uint32 },
  'readiness.status.sidecar.istio.io/periodSeconds': { resources: POD, validate: VALIDATORS.uint32 },
  'sidecar.istio.io/agentLogLevel': { resources: POD },
  'sidecar.istio.io/bootstrapOverride': { resources: POD },
  'sidecar.istio.io/componentLogLevel': { resources: POD },
  'sidecar.istio.io/discoveryAddress': { resources: POD, deprecated: true },
  'sidecar.istio.io/enableCoreDump': { resources: POD },
  'sidecar.istio.io/extraStatTags': { resources: POD, deprecated: true },
  'sidecar.istio.io/inject': { resources: POD, deprecated: true },
  'sidecar.istio.io/interceptionMode': { resources: POD, validate: VALIDATORS.interceptionMode },
  'sidecar.istio.io/logLevel': { resources: POD },
  'sidecar.istio.io/nativeSidecar': { resources: POD },
  'sidecar.istio.io/proxyCPU': { resources: POD },
  'sidecar.istio.io/proxyCPULimit': { resources: POD },
  'sidecar.istio.io/proxyImage': { resources: POD },
  'sidecar.istio.io/proxyImageType': { resources: POD },
  'sidecar.istio.io/proxyMemory': { resources: POD },
  'sidecar.istio.io/proxyMemoryLimit': { resources: POD },
  'sidecar.istio.io/rewriteAppHTTPProbers': { resources: POD },
  'sidecar.istio.io/statsCompression': { resources: POD },
  'sidecar.istio.io/statsEvictionInterval': { resources: POD },
  'sidecar.istio.io/statsFlushInterval': { resources: POD },
  'sidecar.istio.io/statsHistogramBuckets': { resources: POD },
  'sidecar.istio.io/statsInclusionPrefixes': { resources: POD, deprecated: true },
  'sidecar.istio.io/statsInclusionRegexps': { resources: POD, deprecated: true },
  'sidecar.istio.io/statsInclusionSuffixes': { resources: POD, deprecated: true },
  'sidecar.istio.io/status': { resources: POD },
  'sidecar.istio.io/userVolume': { resources: POD },
  'sidecar.istio.io/userVolumeMount': { resources: POD },
  'status.sidecar.istio.io/port': { resources: POD, validate: VALIDATORS.port },
  'traffic.sidecar.istio.io/excludeInboundPorts': { resources: POD, validate: VALIDATORS.ports },
  'traffic.sidecar.istio.io/excludeInterfaces': { resources: POD },
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': { resources: POD, validate: VALIDATORS.excludeIPRanges },
  'traffic.sidecar.istio.io/excludeOutboundPorts': { resources: POD, validate: VALIDATORS.ports },
  'traffic.sidecar.istio.io/includeInboundPorts': { resources: POD, validate: VALIDATORS.includePorts },
  'traffic.sidecar.istio.io/includeOutboundIPRanges': { resources: POD, validate: VALIDATORS.includeIPRanges },
  'traffic.sidecar.istio.io/includeOutboundPorts': { resources: POD },
  'traffic.sidecar.istio.io/kubevirtInterfaces': { resources: POD },
};

/** Annotations istioctl never reports: written by Istio itself. */
export const IGNORED_ANNOTATIONS = new Set([
  'sidecar.istio.io/status',
  'gateway.istio.io/controller-version',
  'istio.io/rev',
]);

/** Is the annotation in Istio's namespace (a prefix ending in istio.io), or the one Kubernetes annotation Istio documents? */
export function isIstioAnnotation(key: string): boolean {
  if (key === 'kubernetes.io/ingress.class') return true;
  const slash = key.indexOf('/');
  return slash !== -1 && key.slice(0, slash).endsWith('istio.io');
}

/** Istio labels that people put under annotations by mistake (Istio reads them only as labels). */
export const ISTIO_LABELS = new Set([
  'istio.io/dataplane-mode',
  'istio.io/use-waypoint',
  'istio.io/use-waypoint-namespace',
  'istio.io/waypoint-for',
  'istio.io/ingress-use-waypoint',
  'topology.istio.io/network',
  'topology.istio.io/cluster',
  'topology.istio.io/subzone',
  'service.istio.io/canonical-name',
  'service.istio.io/canonical-revision',
  'security.istio.io/tlsMode',
  'networking.istio.io/gatewayPort',
  'networking.istio.io/enable-autoallocate-ip',
  'istio.io/tag',
]);
