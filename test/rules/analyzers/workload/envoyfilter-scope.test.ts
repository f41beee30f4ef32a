// An EnvoyFilter outside the root namespace applies only to proxies of its own namespace.
import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const gatewayFilter = (namespace: string, selector: string) => yaml`
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: {name: gateway-buffer, namespace: ${namespace}}
  spec:
    ${selector}
    configPatches:
    - applyTo: HTTP_FILTER
      match:
        context: GATEWAY
        listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager}}}
      patch:
        operation: INSERT_BEFORE
        value: {name: envoy.filters.http.buffer}
`;
const shopApp = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: web, image: web}]}
`;

ruleTable(rule('envoyfilter-out-of-scope'), [
  {
    name: "a gateway filter in the root namespace, and a filter for the namespace's own workloads",
    files: {
      'app.yaml': shopApp,
      'gw.yaml': gatewayFilter('istio-system', 'workloadSelector: {labels: {istio: ingressgateway}}'),
      'ef.yaml': yaml`
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: web-lua, namespace: shop}
        spec:
          workloadSelector: {labels: {app: web}}
          configPatches:
          - applyTo: HTTP_FILTER
            match: {context: SIDECAR_INBOUND}
            patch: {operation: INSERT_BEFORE, value: {name: envoy.filters.http.lua}}
      `,
    },
    expect: [],
  },
  {
    name: 'a filter for the ingress gateway placed in an application namespace',
    files: {
      'app.yaml': shopApp,
      'gw.yaml': gatewayFilter('shop', 'workloadSelector: {labels: {istio: ingressgateway}}'),
    },
    expect: [
      {
        rule: 'envoyfilter-out-of-scope',
        file: 'gw.yaml',
        line: 5,
        messageId: 'selectsStandardGateway',
        data: {
          selector: 'istio=ingressgateway',
          istioNamespace: 'istio-system',
          namespace: 'shop',
          rootNamespace: 'istio-system',
        },
      },
    ],
  },
  {
    name: 'a selector-less GATEWAY patch in a namespace whose workloads are all sidecars',
    files: { 'app.yaml': shopApp, 'gw.yaml': gatewayFilter('shop', 'priority: 10') },
    expect: [
      {
        rule: 'envoyfilter-out-of-scope',
        file: 'gw.yaml',
        line: 9,
        messageId: 'gatewayPatchWithoutGateway',
        data: { namespace: 'shop' },
      },
    ],
  },
  {
    name: 'a selector that matches workloads of another namespace only',
    files: {
      'app.yaml': shopApp,
      'ef.yaml': yaml`
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: web-lua, namespace: payments}
        spec:
          workloadSelector:
            labels: {app: web}
          configPatches:
          - applyTo: HTTP_FILTER
            match: {context: SIDECAR_INBOUND}
            patch: {operation: INSERT_BEFORE, value: {name: envoy.filters.http.lua}}
      `,
    },
    expect: [
      {
        rule: 'envoyfilter-out-of-scope',
        file: 'ef.yaml',
        line: 6,
        messageId: 'selectsOtherNamespace',
        data: { selector: 'app=web', workloadNamespaces: '"shop"', namespace: 'payments' },
      },
    ],
  },
]);
