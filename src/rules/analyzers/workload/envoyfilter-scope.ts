// Where an EnvoyFilter applies: one in the root namespace applies to every proxy its selector picks; one in any other
// namespace only to proxies of its own namespace (pilot's push context merges root-namespace filters with those of
// the proxy's own namespace, nothing else). An EnvoyFilter aimed at a gateway in another namespace applies to nothing.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, asString, asStringMap, isObject, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { describeSelector, isStandardGatewaySelector } from '../traffic/common.js';

/** Is some workload of the namespace (in the repository) a gateway: Istio's charts label theirs `istio: …`,
 *  Gateway API deployments carry the gateway-name label, and a Gateway API Gateway there gets a deployment there. */
function hasGatewayIn(mesh: MeshView, namespace: string): boolean {
  if (mesh.byKind('Gateway', 'gateway.networking.k8s.io').some((g) => g.namespace === namespace)) return true;
  return mesh
    .workloadsIn(namespace)
    .some((w) => w.labels.istio !== undefined || w.labels['gateway.networking.k8s.io/gateway-name'] !== undefined);
}

function gatewayPatchIndex(ef: Resource): number {
  return asArray(ef.spec.configPatches).findIndex(
    (cp) => isObject(cp) && asString(asObject(cp.match).context) === 'GATEWAY',
  );
}

const OWN_NAMESPACE_ONLY =
  ' An EnvoyFilter outside the root namespace ("{rootNamespace}") applies only to proxies of its own namespace ("{namespace}"), so this one patches nothing there. ' +
  'Move it to the namespace of the proxies it is meant for (or to "{rootNamespace}" with a selector).';

export const envoyFilterOutOfScope = defineRule({
  id: 'envoyfilter-out-of-scope',
  severity: 'warning',
  istioCode: null,
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'EnvoyFilter' }],
  title:
    'An EnvoyFilter outside the root namespace aimed at proxies of another namespace (typically the ingress gateway): it applies to nothing.',
  messages: {
    selectsOtherNamespace: `The workloadSelector ({selector}) matches workloads only in {workloadNamespaces}.${OWN_NAMESPACE_ONLY}`,
    selectsStandardGateway: `The workloadSelector ({selector}) picks Istio's standard gateway, which runs in its own namespace (usually "{istioNamespace}"), not in "{namespace}".${OWN_NAMESPACE_ONLY}`,
    gatewayPatchWithoutGateway: `This patch targets context GATEWAY, and no gateway runs in namespace "{namespace}" (its workloads in this repository are sidecars).${OWN_NAMESPACE_ONLY}`,
  },
  check(ctx) {
    const mesh = ctx.mesh;
    const root = mesh.settings.rootNamespace;
    for (const ef of ctx.allInputs('EnvoyFilter')) {
      const ns = ef.namespace;
      if (ns === null || ns === root) continue;
      const selectorPath = isObject(ef.spec.workloadSelector) ? ['spec', 'workloadSelector', 'labels'] : null;
      const selector = asStringMap(asObject(ef.spec.workloadSelector).labels);
      const hasSelector = Object.keys(selector).length > 0;
      const scope = { rootNamespace: root, namespace: ns };
      if (hasSelector) {
        if (mesh.workloadsMatching(selector, ns).length > 0) continue;
        const elsewhere = [
          ...new Set(
            mesh
              .workloadsMatching(selector, null)
              .filter((w) => w.resource !== null)
              .map((w) => w.namespace),
          ),
        ].sort();
        if (elsewhere.length > 0) {
          ctx.report({
            resource: ef,
            path: selectorPath!,
            subject: describeSelector(selector),
            messageId: 'selectsOtherNamespace',
            data: {
              ...scope,
              selector: describeSelector(selector),
              workloadNamespaces: elsewhere.map((n) => `"${n}"`).join(', '),
            },
          });
        } else if (isStandardGatewaySelector(selector) && !hasGatewayIn(mesh, ns)) {
          ctx.report({
            resource: ef,
            path: selectorPath!,
            subject: describeSelector(selector),
            messageId: 'selectsStandardGateway',
            data: { ...scope, selector: describeSelector(selector), istioNamespace: mesh.settings.istioNamespace },
          });
        }
        continue;
      }
      // No selector: every proxy of the namespace. Patches for GATEWAY reach a gateway only if one runs there.
      const gi = gatewayPatchIndex(ef);
      if (gi === -1 || hasGatewayIn(mesh, ns) || mesh.workloadsIn(ns).length === 0) continue;
      ctx.report({
        resource: ef,
        path: ['spec', 'configPatches', gi, 'match', 'context'],
        subject: 'GATEWAY',
        messageId: 'gatewayPatchWithoutGateway',
        data: scope,
      });
    }
  },
});

export const envoyFilterScopeRules: Rule[] = [envoyFilterOutOfScope];
