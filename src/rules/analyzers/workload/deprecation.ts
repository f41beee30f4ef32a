// istioctl's deprecation analyzer (IST0002): fields Istio deprecated or stopped reading — VirtualService
// `fault.delay.percent`, Sidecar `outboundTrafficPolicy.egressProxy` — and CRDs of the removed rbac.istio.io API.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, asString } from '../../../manifests/resource.js';

// The template holds literal braces ("{value: N}"): only {percent} is a placeholder.
const DELAY_PERCENT =
  'fault.delay.percent is deprecated: use "percentage: {value: {percent}}", which also allows fractions. Newer Istio versions may drop the old field and inject the delay into all or no requests.';

const RBAC_KINDS = new Set(['ClusterRbacConfig', 'RbacConfig', 'ServiceRole', 'ServiceRoleBinding']);

export const deprecatedField = defineRule({
  id: 'deprecated-istio-field',
  severity: 'warning',
  istioCode: 'IST0002',
  group: 'analyzers/workload',
  fixable: true,
  inputs: [{ kind: 'VirtualService' }, { kind: 'Sidecar' }, { kind: 'CustomResourceDefinition' }],
  title:
    'A field or API Istio has deprecated or removed (fault.delay.percent, Sidecar egressProxy, rbac.istio.io CRDs).',
  messages: {
    delayPercent: DELAY_PERCENT,
    delayPercentMoreRoutes: `${DELAY_PERCENT} {moreRoutes} more route(s) of this VirtualService use it too.`,
    egressProxy:
      'outboundTrafficPolicy.egressProxy is deprecated and ignored by Istio: traffic does not go to that proxy. Route egress through an egress gateway with a ServiceEntry and VirtualService instead, and remove the field.',
    rbacCrd:
      '{crd} defines {kind} of the rbac.istio.io API, which Istio removed (since 1.6): objects of this kind do nothing. Use AuthorizationPolicy (security.istio.io) and delete this CRD.',
  },
  check(ctx) {
    for (const vs of ctx.inputs('VirtualService')) {
      // One finding per VirtualService (istioctl reports the same message once), at its first such route.
      const routes = asArray(vs.spec.http)
        .map((route, i) => ({ i, delay: asObject(asObject(asObject(route).fault).delay) }))
        .filter((r) => typeof r.delay.percent === 'number' && r.delay.percent > 0);
      const first = routes[0];
      if (!first) continue;
      const percent = first.delay.percent as number;
      const path = ['spec', 'http', first.i, 'fault', 'delay', 'percent'];
      ctx.report({
        resource: vs,
        path,
        subject: 'fault.delay.percent',
        ...(routes.length > 1
          ? { messageId: 'delayPercentMoreRoutes', data: { percent, moreRoutes: routes.length - 1 } }
          : { messageId: 'delayPercent', data: { percent } }),
        fix:
          first.delay.percentage === undefined
            ? {
                op: 'replaceEntry',
                path,
                newKey: 'percentage',
                value: { value: percent },
                description: `percentage: {value: ${percent}}`,
              }
            : null,
      });
    }
    for (const sc of ctx.inputs('Sidecar')) {
      const otp = asObject(sc.spec.outboundTrafficPolicy);
      if (otp.egressProxy === undefined || otp.egressProxy === null) continue;
      ctx.report({
        resource: sc,
        path: ['spec', 'outboundTrafficPolicy', 'egressProxy'],
        subject: 'outboundTrafficPolicy.egressProxy',
        messageId: 'egressProxy',
      });
    }
    for (const crd of ctx.inputs('CustomResourceDefinition')) {
      const kind = asString(asObject(crd.spec.names).kind) ?? '';
      if (asString(crd.spec.group) !== 'rbac.istio.io' || !RBAC_KINDS.has(kind)) continue;
      ctx.report({
        resource: crd,
        path: ['metadata', 'name'],
        subject: crd.name,
        messageId: 'rbacCrd',
        data: { crd: crd.name, kind },
      });
    }
  },
});

export const deprecationRules: Rule[] = [deprecatedField];
