// AuthorizationPolicies and Kubernetes Gateway pods (istioctl's authz.AuthorizationPoliciesAnalyzer and
// k8sgateway.SelectorAnalyzer): a policy must apply to some in-mesh workload, its source namespaces must exist,
// and a `selector` cannot attach a policy to a Gateway API gateway.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, isObject } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import {
  GROUP,
  deploysGateways,
  describeSelector,
  isInMesh,
  isStandardGatewaySelector,
  selectorLabels,
} from './common.js';

const NO_LABELLED_WORKLOAD =
  'and no in-mesh workload in this repository has those labels: the policy enforces nothing. ' +
  'Fix the labels (pod template labels), or check that the workload is injected.';

export const authzNoMatchingWorkload = defineRule({
  id: 'authz-no-matching-workload',
  severity: 'warning',
  istioCode: 'IST0127',
  kialiCode: 'KIA0004',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'AuthorizationPolicy' }],
  title: 'An AuthorizationPolicy applies to no in-mesh workload.',
  messages: {
    selectorMatchesNoWorkload: `AuthorizationPolicy {namespace}/{name} selects workloads labelled {selector} in "{namespace}", ${NO_LABELLED_WORKLOAD}`,
    rootSelectorMatchesNoWorkload: `AuthorizationPolicy {namespace}/{name} selects workloads labelled {selector} (in any namespace), ${NO_LABELLED_WORKLOAD}`,
    namespaceHasNoWorkload:
      'AuthorizationPolicy {namespace}/{name} applies to namespace "{namespace}", which has no in-mesh workload in this repository: the policy enforces nothing there.',
  },
  check(ctx) {
    const mesh = ctx.mesh;
    const root = mesh.settings.rootNamespace;
    for (const ap of ctx.allInputs('AuthorizationPolicy')) {
      if (ap.namespace === null) continue;
      if (isObject(ap.spec.targetRef) || asArray(ap.spec.targetRefs).length > 0) continue; // attached by reference
      const sel = selectorLabels(asObject(ap.spec.selector).matchLabels);
      const hasSelector = Object.keys(sel).length > 0;
      if (ap.namespace === root && !hasSelector) continue; // mesh-wide policy
      const scope = ap.namespace === root ? null : ap.namespace;
      if (mesh.workloadsMatching(sel, scope).some((w) => isInMesh(mesh, w))) continue;
      // Istio's own gateways (istio: ingressgateway …) are installed outside most repositories: not in this
      // repository is no evidence that they do not exist, unless the repository deploys its gateways itself.
      if (isStandardGatewaySelector(sel) && !deploysGateways(mesh)) continue;
      const policy = { namespace: ap.namespace, name: ap.name };
      ctx.report({
        resource: ap,
        path: hasSelector ? ['spec', 'selector', 'matchLabels'] : ['metadata', 'name'],
        subject: hasSelector ? describeSelector(sel) : ap.namespace,
        ...(hasSelector
          ? {
              messageId: scope ? 'selectorMatchesNoWorkload' : 'rootSelectorMatchesNoWorkload',
              data: { ...policy, selector: describeSelector(sel) },
            }
          : { messageId: 'namespaceHasNoWorkload', data: policy }),
      });
    }
  },
});

/** `*`, `prefix*`, `*suffix` or an exact name. */
function namespacePatternMatches(pattern: string, ns: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return ns.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return ns.endsWith(pattern.slice(1));
  return pattern === ns;
}

function knownNamespaces(mesh: MeshView): string[] {
  return mesh.memo('traffic/known-namespaces', () => {
    const s = new Set<string>(mesh.namespaces);
    for (const r of mesh.resources) if (r.namespace) s.add(r.namespace);
    return [...s];
  });
}

const DECLARE_EXTERNAL_NAMESPACE =
  'Fix the name, or declare the namespace under `external.namespaces` in .istio-review.yaml.';

export const authzNamespaceNotFound = defineRule({
  id: 'authz-namespace-not-found',
  severity: 'warning',
  istioCode: 'IST0101',
  kialiCode: 'KIA0101',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'AuthorizationPolicy' }],
  title:
    'An AuthorizationPolicy source namespace (or notNamespaces entry) matches no namespace known to the repository.',
  messages: {
    namespaceNotFound:
      'Source namespace "{namespace}" matches no namespace defined in this repository: ' +
      `the rule never matches traffic from it, so a typo here denies (or fails to allow) the callers you meant. ${DECLARE_EXTERNAL_NAMESPACE}`,
    notNamespaceNotFound: `Source notNamespaces entry "{namespace}" matches no namespace defined in this repository: the exclusion has no effect. ${DECLARE_EXTERNAL_NAMESPACE}`,
  },
  check(ctx) {
    const known = knownNamespaces(ctx.mesh);
    const exact = new Set(known);
    for (const ap of ctx.allInputs('AuthorizationPolicy')) {
      asArray(ap.spec.rules).forEach((rule, i) => {
        if (!isObject(rule)) return;
        asArray(rule.from).forEach((from, j) => {
          if (!isObject(from) || !isObject(from.source)) return;
          for (const field of ['namespaces', 'notNamespaces'] as const) {
            const list = asArray(from.source[field]);
            list.forEach((v, k) => {
              if (typeof v !== 'string') return;
              const ok = v.includes('*') ? known.some((ns) => namespacePatternMatches(v, ns)) : exact.has(v);
              if (ok) return;
              ctx.report({
                resource: ap,
                path: ['spec', 'rules', i, 'from', j, 'source', field, k],
                subject: `${field}:${v}`,
                messageId: field === 'namespaces' ? 'namespaceNotFound' : 'notNamespaceNotFound',
                data: { namespace: v },
              });
            });
          }
        });
      });
    }
  },
});

const SELECTOR_KINDS: [string, string][] = [
  ['AuthorizationPolicy', 'security.istio.io'],
  ['RequestAuthentication', 'security.istio.io'],
  ['Telemetry', 'telemetry.istio.io'],
  ['WasmPlugin', 'extensions.istio.io'],
];
const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

export const selectorOnKubernetesGateway = defineRule({
  id: 'selector-on-kubernetes-gateway',
  severity: 'warning',
  istioCode: 'IST0166',
  group: GROUP,
  fixable: false,
  inputs: [
    { kind: 'AuthorizationPolicy' },
    { kind: 'RequestAuthentication' },
    { kind: 'Telemetry' },
    { kind: 'WasmPlugin' },
  ],
  title:
    'A policy uses `selector` to target a Kubernetes Gateway API gateway, which ignores selectors; use targetRefs.',
  messages: {
    selectorOnGateway:
      '{kind} {namespace}/{name} selects the pods of Kubernetes Gateway "{gateway}" by label: Istio ignores `selector` for Gateway API gateways, so the {kind} has no effect there. ' +
      'Use `targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: {gateway}}]` instead.',
  },
  check(ctx) {
    const mesh = ctx.mesh;
    for (const [kind, group] of SELECTOR_KINDS) {
      for (const p of ctx.allInputs(kind, group)) {
        if (p.namespace === null) continue;
        if (isObject(p.spec.targetRef) || asArray(p.spec.targetRefs).length > 0) continue;
        const sel = selectorLabels(asObject(p.spec.selector).matchLabels);
        if (Object.keys(sel).length === 0) continue;
        const gateways = new Set<string>();
        for (const w of mesh.workloadsMatching(sel, p.namespace)) {
          const gw = w.labels[GATEWAY_NAME_LABEL];
          if (gw !== undefined) gateways.add(gw);
        }
        // Gateway API pods are generated by Istio, so usually absent from the repository: the label names the Gateway.
        const named = sel[GATEWAY_NAME_LABEL];
        if (named !== undefined && mesh.gateway(p.namespace, named)?.group === 'gateway.networking.k8s.io')
          gateways.add(named);
        for (const gw of gateways) {
          ctx.report({
            resource: p,
            path: ['spec', 'selector', 'matchLabels'],
            subject: gw,
            messageId: 'selectorOnGateway',
            data: { kind, namespace: p.namespace, name: p.name, gateway: gw },
          });
        }
      }
    }
  },
});

export const authzRules: Rule[] = [authzNoMatchingWorkload, authzNamespaceNotFound, selectorOnKubernetesGateway];
