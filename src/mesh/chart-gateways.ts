// Istio gateways a repository installs through an installer rather than as a Deployment: a Helm release of Istio's
// `gateway` chart (a Flux HelmRelease or an Argo CD Application), or an IstioOperator's ingress and egress gateway
// components. No pod template is in the repository, but the installer's pods carry labels derived from what is
// written, so selectors (`istio: gateway`) do match something.
// The chart (manifests/charts/gateway, `gateway.selectorLabels`) labels its pods
//   app:   values.labels.app   ?? name
//   istio: values.labels.istio ?? name without its "istio-" prefix
// where name is values.name ?? the release name.
import { asObject, asString, asStringMap, type JsonObject, type Resource } from '../manifests/resource.js';
import type { Workload } from './workloads.js';

const GATEWAY_CHART = 'gateway';

/** The gateway workloads a resource installs: a Helm release of Istio's gateway chart, an IstioOperator's gateway
 *  components; none for any other resource. */
export function installedGatewaysOf(r: Resource): Workload[] {
  if (r.kind === 'IstioOperator' && r.group === 'install.istio.io') return operatorGateways(r);
  const w = chartGatewayOf(r);
  return w ? [w] : [];
}

/** The gateway workload a Helm release of Istio's gateway chart deploys, or null for any other resource. */
function chartGatewayOf(r: Resource): Workload | null {
  const release = fluxRelease(r) ?? argoRelease(r);
  if (!release || !release.namespace) return null;
  const name = asString(release.values.name) ?? release.releaseName;
  const labels = asStringMap(release.values.labels);
  const workloadLabels = { ...labels, app: labels.app ?? name, istio: labels.istio ?? name.replace(/^istio-/, '') };
  return {
    kind: r.kind,
    name,
    namespace: release.namespace,
    labels: workloadLabels,
    annotations: {},
    podSpec: null,
    templatePath: ['spec'],
    resource: r,
  };
}

/** A workload installedGatewaysOf made (the only workloads of these kinds): gateway proxies, always in the mesh. */
export function isInstalledGateway(w: { kind: string; resource: Resource | null }): boolean {
  return w.resource !== null && (w.kind === 'HelmRelease' || w.kind === 'Application' || w.kind === 'IstioOperator');
}

/** The labels Istio's gateway deployments carry unless an entry's `label` says otherwise. */
const OPERATOR_GATEWAY_LABELS = {
  ingressGateways: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
  egressGateways: { app: 'istio-egressgateway', istio: 'egressgateway' },
} as const;

/** spec.components.ingressGateways / egressGateways: each enabled entry is a gateway deployment named `name` in its
 *  `namespace` (default: the istio namespace), labelled with the standard gateway labels overlaid by its `label`. */
function operatorGateways(r: Resource): Workload[] {
  const components = asObject(r.spec.components);
  const istioNamespace =
    asString(asObject(asObject(r.spec.values).global).istioNamespace) ?? r.namespace ?? 'istio-system';
  const out: Workload[] = [];
  for (const key of ['ingressGateways', 'egressGateways'] as const) {
    const entries = components[key];
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      const entry = asObject(e);
      if (entry.enabled === false) continue;
      const name = asString(entry.name) ?? OPERATOR_GATEWAY_LABELS[key].app;
      const labels = { ...OPERATOR_GATEWAY_LABELS[key], ...asStringMap(entry.label) };
      out.push({
        kind: r.kind,
        name,
        namespace: asString(entry.namespace) ?? istioNamespace,
        labels,
        annotations: {},
        podSpec: null,
        templatePath: ['spec', 'components', key],
        resource: r,
      });
    }
  }
  return out;
}

interface Release {
  releaseName: string;
  namespace: string | null;
  values: JsonObject;
}

/** Flux: spec.chart.spec.chart "gateway" from a source whose name says istio; the release name defaults to
 *  `[targetNamespace-]name`, the namespace to the HelmRelease's own. */
function fluxRelease(r: Resource): Release | null {
  if (r.kind !== 'HelmRelease' || r.group !== 'helm.toolkit.fluxcd.io') return null;
  const chartSpec = asObject(asObject(r.spec.chart).spec);
  if (asString(chartSpec.chart) !== GATEWAY_CHART) return null;
  const source = asString(asObject(chartSpec.sourceRef).name) ?? '';
  if (!/istio/i.test(source)) return null;
  const target = asString(r.spec.targetNamespace);
  return {
    releaseName: asString(r.spec.releaseName) ?? (target ? `${target}-${r.name}` : r.name),
    namespace: target ?? r.namespace,
    values: asObject(r.spec.values),
  };
}

/** Argo CD: spec.source.chart "gateway" from Istio's chart repository; the release name defaults to the Application's. */
function argoRelease(r: Resource): Release | null {
  if (r.kind !== 'Application' || r.group !== 'argoproj.io') return null;
  const source = asObject(r.spec.source);
  if (asString(source.chart) !== GATEWAY_CHART || !/istio/i.test(asString(source.repoURL) ?? '')) return null;
  const helm = asObject(source.helm);
  return {
    releaseName: asString(helm.releaseName) ?? r.name,
    namespace: asString(asObject(r.spec.destination).namespace) ?? null,
    values: asObject(helm.valuesObject),
  };
}
