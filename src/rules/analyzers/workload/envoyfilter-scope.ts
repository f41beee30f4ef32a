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
  return mesh.workloadsIn(namespace).some((w) => w.labels.istio !== undefined || w.labels['gateway.networking.k8s.io/gateway-name'] !== undefined);
}

function gatewayPatchIndex(ef: Resource): number {
  return asArray(ef.spec.configPatches).findIndex((cp) => isObject(cp) && asString(asObject(cp.match).context) === 'GATEWAY');
}

export const envoyFilterOutOfScope = defineRule({
  id: 'envoyfilter-out-of-scope', severity: 'warning', istioCode: null, group: 'analyzers/workload', fixable: false,
  inputs: [{ kind: 'EnvoyFilter' }],
  title: 'An EnvoyFilter outside the root namespace aimed at proxies of another namespace (typically the ingress gateway): it applies to nothing.',
  check(ctx) {
    const mesh = ctx.mesh;
    const root = mesh.settings.rootNamespace;
    for (const ef of ctx.allInputs('EnvoyFilter')) {
      const ns = ef.namespace;
      if (ns === null || ns === root) continue;
      const selectorPath = isObject(ef.spec.workloadSelector) ? ['spec', 'workloadSelector', 'labels'] : null;
      const selector = asStringMap(asObject(ef.spec.workloadSelector).labels);
      const hasSelector = Object.keys(selector).length > 0;
      const tail = ` An EnvoyFilter outside the root namespace ("${root}") applies only to proxies of its own namespace ("${ns}"), so this one patches nothing there. Move it to the namespace of the proxies it is meant for (or to "${root}" with a selector).`;
      if (hasSelector) {
        if (mesh.workloadsMatching(selector, ns).length > 0) continue;
        const elsewhere = [...new Set(mesh.workloadsMatching(selector, null).filter((w) => w.resource !== null).map((w) => w.namespace))].sort();
        if (elsewhere.length > 0) {
          ctx.report({
            resource: ef, path: selectorPath!, subject: describeSelector(selector),
            message: `The workloadSelector (${describeSelector(selector)}) matches workloads only in ${elsewhere.map((n) => `"${n}"`).join(', ')}.${tail}`,
          });
        } else if (isStandardGatewaySelector(selector) && !hasGatewayIn(mesh, ns)) {
          ctx.report({
            resource: ef, path: selectorPath!, subject: describeSelector(selector),
            message: `The workloadSelector (${describeSelector(selector)}) picks Istio's standard gateway, which runs in its own namespace (usually "${mesh.settings.istioNamespace}"), not in "${ns}".${tail}`,
          });
        }
        continue;
      }
      // No selector: every proxy of the namespace. Patches for GATEWAY reach a gateway only if one runs there.
      const gi = gatewayPatchIndex(ef);
      if (gi === -1 || hasGatewayIn(mesh, ns) || mesh.workloadsIn(ns).length === 0) continue;
      ctx.report({
        resource: ef, path: ['spec', 'configPatches', gi, 'match', 'context'], subject: 'GATEWAY',
        message: `This patch targets context GATEWAY, and no gateway runs in namespace "${ns}" (its workloads in this repository are sidecars).${tail}`,
      });
    }
  },
});

export const envoyFilterScopeRules: Rule[] = [envoyFilterOutOfScope];
