// The severity choice for "not in this repository": an application repository that relies on an ingress gateway,
// mesh-wide DestinationRules and namespaces installed elsewhere must not get a single error from these rules.
import { check, yaml } from '../../../helpers/harness.js';
import { trafficAnalyzerRules } from '../../../../src/rules/analyzers/traffic/index.js';

const app = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: storefront, namespace: shop}
  spec:
    selector: {matchLabels: {app: storefront}}
    template:
      metadata: {labels: {app: storefront, version: v1}}
      spec: {containers: [{name: storefront, image: "example/storefront:1.4"}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: storefront, namespace: shop}
  spec:
    selector: {app: storefront}
    ports: [{name: http, port: 80, targetPort: 8080}]
  ---
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: storefront, namespace: shop}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      tls: {mode: SIMPLE, credentialName: storefront-cert}
      hosts: [shop.example.com]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: storefront, namespace: shop}
  spec:
    hosts: [shop.example.com, storefront]
    gateways: [istio-system/ingressgateway, storefront, mesh]
    http:
    - route:
      - destination: {host: storefront, subset: v1}
      mirror: {host: storefront-canary.staging.svc.cluster.local}
    - route:
      - destination: {host: payments.billing.svc.cluster.local, port: {number: 8080}}
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: storefront, namespace: shop}
  spec:
    host: storefront
    subsets: [{name: v1, labels: {version: v1}}]
  ---
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: storefront, namespace: shop}
  spec:
    selector: {matchLabels: {app: storefront}}
    rules: [{from: [{source: {namespaces: [istio-system, frontend]}}]}]
  ---
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: default, namespace: shop}
  spec:
    egress: [{hosts: ["./*", "istio-system/*", "billing/payments.billing.svc.cluster.local"]}]
`;

test('an application repository with its ingress gateway and neighbours installed elsewhere gets no error', () => {
  const ids = new Set(trafficAnalyzerRules.map((r) => r.id));
  const findings = check({ 'shop.yaml': app }).filter((f) => ids.has(f.rule));
  expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  // What it does get is a handful of warnings that name the missing pieces and how to declare them.
  expect(findings.map((f) => f.rule).sort()).toEqual(['authz-namespace-not-found', 'vs-gateway-not-found']);
});

test('declaring the external pieces in the config file leaves nothing', () => {
  const ids = new Set(trafficAnalyzerRules.map((r) => r.id));
  const config = 'external:\n  gateways: [istio-system/ingressgateway]\n  namespaces: [frontend]\n';
  expect(
    check({ 'shop.yaml': app }, { config })
      .filter((f) => ids.has(f.rule))
      .map((f) => `${f.rule}: ${f.message}`),
  ).toEqual([]);
});
