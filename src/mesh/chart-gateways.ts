// Istio gateways a GitOps repository installs through a Helm release of Istio's `gateway` chart (a Flux HelmRelease
// or an Argo CD Application) rather than as a Deployment: no pod template is in the repository, but the chart's pods
// carry labels the chart derives from the release, so selectors (`istio: gateway`) do match something.
// The chart (manifests/charts/gateway, `gateway.selectorLabels`) labels its pods
//   app:   values.labels.app   ?? name
//   istio: values.labels.istio ?? name without its "istio-" prefix
// where name is values.name ?? the release name.
import { asObject, asString, asStringMap, type JsonObject, type Resource } from '../manifests/resource.js';
import type { Workload } from './workloads.js';

const GATEWAY_CHART = 'gateway';

/** The gateway workload a Helm release of Istio's gateway chart deploys, or null for any other resource. */
export function chartGatewayOf(r: Resource): Workload | null {
  const release = fluxRelease(r) ?? argoRelease(r);
  if (!release || !release.namespace) return null;
  const name = asString(release.values.name) ?? release.releaseName;
  const labels = asStringMap(release.values.labels);
  const workloadLabels = { ...labels, app: labels.app ?? name, istio: labels.istio ?? name.replace(/^istio-/, '') };
  return { kind: r.kind, name, namespace: release.namespace, labels: workloadLabels, annotations: {}, podSpec: null, templatePath: ['spec'], resource: r };
}

/** A workload chartGatewayOf made (the only workloads of these kinds): gateway proxies, always in the mesh. */
export function isChartGateway(w: { kind: string; resource: Resource | null }): boolean {
  return w.resource !== null && (w.kind === 'HelmRelease' || w.kind === 'Application');
}

interface Release { releaseName: string; namespace: string | null; values: JsonObject }

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
