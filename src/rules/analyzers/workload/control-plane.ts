// Analyzers about the Istio installation itself: istiod's JWKS fetch restrictions (IST0175), webhooks of an
// external control plane (IST0163, IST0164), overlapping injection webhooks (IST0139), Gateway API CRDs too
// old for this Istio (IST0176), and unknown registries in the mesh networks file (IST0126).
import { isIP } from 'node:net';
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import {
  asArray,
  asObject,
  asString,
  asStringMap,
  isObject,
  type Json,
  type Resource,
} from '../../../manifests/resource.js';
import { labelSelectorMatches } from './common.js';
import { own } from '../../../util/own.js';

export const blockedCidrs = defineRule({
  id: 'istiod-jwks-fetch-unrestricted',
  severity: 'warning',
  istioCode: 'IST0175',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'RequestAuthentication' }, { kind: 'Deployment' }],
  title:
    'RequestAuthentications exist but istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS: jwksUri can reach internal addresses.',
  messages: {
    jwksFetchUnrestricted:
      'istiod fetches the jwksUri of RequestAuthentications ({requestAuthentications}) without BLOCKED_CIDRS_IN_JWKS_URIS: anyone who can create a RequestAuthentication can make istiod request internal addresses (SSRF). Set the env var on the discovery container to the ranges to block (e.g. "169.254.0.0/16,10.0.0.0/8").',
  },
  check(ctx) {
    const ras = ctx.inputs('RequestAuthentication');
    if (ras.length === 0) return;
    const names =
      ras
        .slice(0, 5)
        .map((r) => `${r.namespace}/${r.name}`)
        .join(', ') + (ras.length > 5 ? ', …' : '');
    for (const d of ctx.mesh.byKind('Deployment')) {
      if (d.labels.app !== 'istiod') continue;
      const containers = asArray(asObject(asObject(asObject(d.spec.template).spec)).containers);
      // A value from a ConfigMap or Secret (valueFrom) counts as set: its content is not in the manifest.
      const configured = containers.some((c) =>
        asArray(asObject(c).env).some(
          (e) =>
            isObject(e) &&
            e.name === 'BLOCKED_CIDRS_IN_JWKS_URIS' &&
            ((typeof e.value === 'string' && e.value !== '') || isObject(e.valueFrom)),
        ),
      );
      if (configured) continue;
      ctx.report({
        resource: d,
        path: ['spec', 'template', 'spec', 'containers'],
        subject: 'BLOCKED_CIDRS_IN_JWKS_URIS',
        messageId: 'jwksFetchUnrestricted',
        data: { requestAuthentications: names },
      });
    }
  },
});

const webhookInputs = [{ kind: 'ValidatingWebhookConfiguration' }, { kind: 'MutatingWebhookConfiguration' }];

function controlPlaneWebhookConfigs(ctx: RuleContext): Resource[] {
  return [
    ...ctx
      .inputs('ValidatingWebhookConfiguration')
      .filter((r) => r.name === 'istiod-default-validator' || r.name.startsWith('istio-validator')),
    ...ctx.inputs('MutatingWebhookConfiguration').filter((r) => r.name.startsWith('istio-sidecar-injector')),
  ];
}

type UrlProblem = { kind: 'blank' | 'unparsable' | 'ip'; url: string };

function urlProblem(clientConfig: Json | undefined): UrlProblem | null {
  const cc = asObject(clientConfig);
  const url = asString(cc.url) ?? '';
  if (url === '') return isObject(cc.service) ? null : { kind: 'blank', url };
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return { kind: 'unparsable', url };
  }
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return isIP(host) !== 0 ? { kind: 'ip', url } : null;
}

function eachWebhookProblem(
  resources: readonly Resource[],
  want: (p: UrlProblem) => boolean,
  report: (r: Resource, i: number, name: string, p: UrlProblem) => void,
): void {
  for (const r of resources) {
    asArray(r.obj.webhooks).forEach((wh, i) => {
      if (!isObject(wh)) return;
      const p = urlProblem(wh.clientConfig);
      if (p && want(p)) report(r, i, asString(wh.name) ?? `#${i}`, p);
    });
  }
}

export const externalControlPlaneInvalid = defineRule({
  id: 'control-plane-webhook-url-invalid',
  severity: 'warning',
  istioCode: 'IST0163',
  group: 'analyzers/workload',
  fixable: false,
  inputs: webhookInputs,
  title: 'An Istio injection/validation webhook has a blank or unparsable clientConfig.url and no service.',
  messages: {
    noUrl:
      'Webhook "{webhook}" has neither clientConfig.url nor clientConfig.service: the API server cannot call it, so {failing} fails. Set the URL of the external istiod.',
    invalidUrl:
      'Webhook "{webhook}" has clientConfig.url "{url}", which is not a valid URL: the API server cannot call it. Use https://<istiod host>:<port>/<path>.',
  },
  check(ctx) {
    eachWebhookProblem(
      controlPlaneWebhookConfigs(ctx),
      (p) => p.kind !== 'ip',
      (r, i, name, p) => {
        const has =
          isObject(asObject(asArray(r.obj.webhooks)[i]).clientConfig) &&
          asObject(asObject(asArray(r.obj.webhooks)[i]).clientConfig).url !== undefined;
        ctx.report({
          resource: r,
          path: ['webhooks', i, 'clientConfig', ...(has ? ['url'] : [])],
          subject: name,
          ...(p.kind === 'blank'
            ? {
                messageId: 'noUrl',
                data: {
                  webhook: name,
                  failing: r.kind === 'MutatingWebhookConfiguration' ? 'sidecar injection' : 'config validation',
                },
              }
            : { messageId: 'invalidUrl', data: { webhook: name, url: p.url } }),
        });
      },
    );
  },
});

export const externalControlPlaneIp = defineRule({
  id: 'control-plane-webhook-url-ip',
  severity: 'info',
  istioCode: 'IST0164',
  group: 'analyzers/workload',
  fixable: false,
  inputs: webhookInputs,
  title: 'An Istio webhook points at an IP address instead of a host name.',
  messages: {
    urlIsIp:
      'Webhook "{webhook}" calls "{url}" by IP address: the istiod serving certificate must then carry that IP, and the webhook breaks when the address changes. Prefer a stable host name.',
  },
  check(ctx) {
    eachWebhookProblem(
      controlPlaneWebhookConfigs(ctx),
      (p) => p.kind === 'ip',
      (r, i, name, p) => {
        ctx.report({
          resource: r,
          path: ['webhooks', i, 'clientConfig', 'url'],
          subject: name,
          messageId: 'urlIsIp',
          data: { webhook: name, url: p.url },
        });
      },
    );
  },
});

// ---- overlapping injection webhooks (webhook.Analyzer) -----------------------------------------------

interface Hook {
  config: Resource;
  index: number;
  name: string;
  namespaceSelector: Json | undefined;
  objectSelector: Json | undefined;
}

function revisionsIn(selector: Json | undefined, into: Set<string>): void {
  const s = asObject(selector);
  const v = asStringMap(s.matchLabels)['istio.io/rev'];
  if (v !== undefined) into.add(v);
  for (const e of asArray(s.matchExpressions))
    if (isObject(e) && e.key === 'istio.io/rev')
      for (const x of asArray(e.values)) if (typeof x === 'string') into.add(x);
}

/** Webhooks of Istio's injection configurations: a webhook name ending in istio.io, or a revision in labels or selectors. */
function istioInjectionHooks(configs: readonly Resource[]): { hooks: Hook[]; revisions: Set<string> } {
  const hooks: Hook[] = [];
  const revisions = new Set<string>();
  for (const c of configs) {
    const list = asArray(c.obj.webhooks);
    const revs = new Set<string>();
    if (c.labels['istio.io/rev'] !== undefined) revs.add(c.labels['istio.io/rev']);
    for (const h of list)
      if (isObject(h)) {
        revisionsIn(h.namespaceSelector, revs);
        revisionsIn(h.objectSelector, revs);
      }
    const istio = revs.size > 0 || list.some((h) => isObject(h) && (asString(h.name) ?? '').endsWith('istio.io'));
    if (!istio) continue;
    for (const r of revs) revisions.add(r);
    list.forEach((h, index) => {
      if (isObject(h))
        hooks.push({
          config: c,
          index,
          name: asString(h.name) ?? '',
          namespaceSelector: h.namespaceSelector,
          objectSelector: h.objectSelector,
        });
    });
  }
  return { hooks, revisions };
}

/** Namespace and pod label sets to try: injection label values, each with and without each revision. */
function labelPermutations(key: string, values: string[], revisions: Set<string>): Record<string, string>[] {
  const base: Record<string, string>[] = [{}, ...values.map((v) => ({ [key]: v }))];
  const out = [...base];
  for (const rev of revisions) for (const b of base) out.push({ ...b, 'istio.io/rev': rev });
  return out;
}

export const overlappingWebhooks = defineRule({
  id: 'injection-webhooks-overlap',
  severity: 'error',
  istioCode: 'IST0139',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'MutatingWebhookConfiguration' }],
  title: 'Istio injection webhooks that select the same pods: they are injected twice and fail to start.',
  messages: {
    overlap:
      'Webhook "{webhook}" selects the same pods as {others} (for example a namespace labelled {namespaceLabels} and pod labels {podLabels}): such pods are injected twice and fail to start (duplicate istio-proxy container). Narrow the namespaceSelector/objectSelector (e.g. by istio.io/rev) so each pod matches one webhook.',
  },
  check(ctx) {
    const { hooks, revisions } = istioInjectionHooks(ctx.inputs('MutatingWebhookConfiguration'));
    if (hooks.length < 2) return;
    const label = (h: Hook) => `${h.config.name}/${h.name}`;
    const reported = new Set<string>();
    for (const ns of labelPermutations('istio-injection', ['enabled', 'disabled'], revisions)) {
      for (const obj of labelPermutations('sidecar.istio.io/inject', ['true', 'false'], revisions)) {
        const matched = hooks.filter(
          (h) => labelSelectorMatches(h.namespaceSelector, ns) && labelSelectorMatches(h.objectSelector, obj),
        );
        if (matched.length < 2) continue;
        for (const h of matched) {
          const others = matched
            .filter((o) => o !== h)
            .map(label)
            .sort();
          const key = `${label(h)}|${others.join(',')}`;
          if (reported.has(key)) continue;
          reported.add(key);
          ctx.report({
            resource: h.config,
            path: ['webhooks', h.index, 'name'],
            subject: `${h.name} overlaps ${others.join(',')}`,
            messageId: 'overlap',
            data: {
              webhook: h.name,
              others: others.map((o) => `"${o}"`).join(', '),
              namespaceLabels: JSON.stringify(ns),
              podLabels: JSON.stringify(obj),
            },
          });
        }
      }
    }
  },
});

export const webhookServiceMissing = defineRule({
  id: 'injection-webhook-service-missing',
  severity: 'warning',
  istioCode: 'IST0139',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'MutatingWebhookConfiguration' }, { kind: 'Service' }],
  title: 'An Istio injection webhook calls a Service that is not defined in this repository.',
  messages: {
    serviceMissing:
      'Webhook "{webhook}" calls Service {service}, which is not defined in this repository: if it does not exist in the cluster, pod creation in the selected namespaces fails (or injection is skipped with failurePolicy Ignore). Check the name, or declare "{namespace}" under external.namespaces if istiod is installed elsewhere.',
  },
  check(ctx) {
    const { hooks } = istioInjectionHooks(ctx.inputs('MutatingWebhookConfiguration'));
    const services = new Set(ctx.mesh.byKind('Service').map((s) => `${s.namespace}/${s.name}`));
    const declared = new Set(ctx.mesh.config.external.namespaces);
    const configs = new Set(hooks.map((h) => h.config));
    for (const c of configs) {
      asArray(c.obj.webhooks).forEach((wh, i) => {
        const svc = asObject(asObject(asObject(wh).clientConfig).service);
        const name = asString(svc.name);
        const ns = asString(svc.namespace);
        if (!name || !ns || services.has(`${ns}/${name}`) || declared.has(ns)) return;
        ctx.report({
          resource: c,
          path: ['webhooks', i, 'clientConfig', 'service', 'name'],
          subject: `${ns}/${name}`,
          messageId: 'serviceMissing',
          data: { webhook: asString(asObject(wh).name) ?? i, service: `${ns}/${name}`, namespace: ns },
        });
      });
    }
  },
});

// ---- Gateway API CRD versions --------------------------------------------------------------------------

const MIN_BUNDLE: Record<string, string> = {
  'grpcroutes.gateway.networking.k8s.io': '1.1.0',
  'backendtlspolicies.gateway.networking.k8s.io': '1.4.0',
  'tlsroutes.gateway.networking.k8s.io': '1.5.0',
  'tcproutes.gateway.networking.k8s.io': '1.6.0',
};
const BUNDLE = 'gateway.networking.k8s.io/bundle-version';

function semver(v: string): number[] | null {
  // Lenient like the semver library Istio uses: "v1.4" and "1.4.0-rc.1+build" both read; the pre-release is ignored.
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}

export const gatewayCrdVersion = defineRule({
  id: 'gateway-api-crd-too-old',
  severity: 'warning',
  istioCode: 'IST0176',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'CustomResourceDefinition' }],
  title: 'A Gateway API CRD older than the version this Istio needs for that kind.',
  messages: {
    crdTooOld:
      '{crd} is from Gateway API {version}, but Istio needs at least v{minVersion} for it: Istio ignores these routes or fails to watch them. Install the Gateway API CRDs v{minVersion} or newer.',
  },
  check(ctx) {
    for (const crd of ctx.inputs('CustomResourceDefinition')) {
      const min = own(MIN_BUNDLE, crd.name);
      const have = own(crd.annotations, BUNDLE);
      if (!min || have === undefined) continue;
      const h = semver(have);
      const m = semver(min)!;
      if (!h) continue;
      const below = h[0]! - m[0]! || h[1]! - m[1]! || h[2]! - m[2]!;
      if (below >= 0) continue;
      ctx.report({
        resource: crd,
        path: ['metadata', 'annotations', BUNDLE],
        subject: crd.name,
        messageId: 'crdTooOld',
        data: { crd: crd.name, version: have, minVersion: min },
      });
    }
  },
});

// ---- mesh networks -----------------------------------------------------------------------------------

const BUILTIN_REGISTRIES = ['Mock', 'Kubernetes', 'External'];

const NO_SECRET =
  'Network "{network}" takes endpoints from registry "{registry}", which is not Kubernetes, External, Mock, and no Secret labelled istio/multiCluster=true in this repository has that key: ' +
  'istiod finds no endpoints for this network, so cross-network traffic fails.';
const NOT_A_CLUSTER =
  'Network "{network}" takes endpoints from registry "{registry}", which is not Kubernetes, External, Mock or a cluster of the remote secrets ({clusters}): ' +
  'istiod finds no endpoints for this network, so cross-network traffic fails.';
const WRONG_CASE = ' Registry names are case-sensitive: use "{builtin}".';

export const meshNetworksRegistry = defineRule({
  id: 'mesh-networks-unknown-registry',
  severity: 'error',
  istioCode: 'IST0126',
  group: 'analyzers/workload',
  fixable: true,
  inputs: [{ kind: 'MeshNetworks', group: 'mesh.istio.io' }, { kind: 'Secret' }],
  title: "A meshNetworks endpoint names a registry that is neither built in nor a remote cluster's secret.",
  messages: {
    unknownRegistry: NO_SECRET,
    unknownRegistryCase: NO_SECRET + WRONG_CASE,
    unknownCluster: NOT_A_CLUSTER,
    unknownClusterCase: NOT_A_CLUSTER + WRONG_CASE,
  },
  check(ctx) {
    const clusters = new Set<string>();
    for (const s of ctx.mesh.byKind('Secret')) {
      if (s.labels['istio/multiCluster'] !== 'true') continue;
      for (const k of [...Object.keys(asObject(s.obj.data)), ...Object.keys(asObject(s.obj.stringData))])
        clusters.add(k);
    }
    for (const mn of ctx.mesh.byKind('MeshNetworks', 'mesh.istio.io')) {
      for (const [net, def] of Object.entries(asObject(mn.obj.networks))) {
        asArray(asObject(def).endpoints).forEach((ep, i) => {
          const reg = asString(asObject(ep).fromRegistry);
          if (reg === undefined || BUILTIN_REGISTRIES.includes(reg) || clusters.has(reg)) return;
          const builtin = BUILTIN_REGISTRIES.find((b) => b.toLowerCase() === reg.toLowerCase());
          const path = ['networks', net, 'endpoints', i, 'fromRegistry'];
          ctx.report({
            resource: mn,
            path,
            subject: `${net}:${reg}`,
            ...registryMessage({ network: net, registry: reg }, [...clusters], builtin),
            fix: builtin ? { op: 'set', path, value: builtin, description: `fromRegistry: ${builtin}` } : null,
          });
        });
      }
    }
  },
});

/** The message for an unknown registry: with or without remote clusters to name, with or without the built-in
 *  registry it differs from only in case. */
function registryMessage(
  about: { network: string; registry: string },
  clusters: string[],
  builtin: string | undefined,
) {
  if (clusters.length > 0) {
    const data = { ...about, clusters: clusters.join(', ') };
    return builtin
      ? { messageId: 'unknownClusterCase', data: { ...data, builtin } }
      : { messageId: 'unknownCluster', data };
  }
  return builtin
    ? { messageId: 'unknownRegistryCase', data: { ...about, builtin } }
    : { messageId: 'unknownRegistry', data: about };
}

export const controlPlaneRules: Rule[] = [
  blockedCidrs,
  externalControlPlaneInvalid,
  externalControlPlaneIp,
  overlappingWebhooks,
  webhookServiceMissing,
  gatewayCrdVersion,
  meshNetworksRegistry,
];
