// A Gateway's credentialName Secret is read from the gateway workload's namespace.
import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const ingressDeployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: istio-ingressgateway, namespace: istio-ingress}
  spec:
    selector: {matchLabels: {istio: ingressgateway}}
    template:
      metadata: {labels: {istio: ingressgateway, app: istio-ingressgateway}}
      spec: {containers: [{name: istio-proxy, image: auto}]}
`;
const shopGateway = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: shop, namespace: shop}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: [shop.example.com]
      tls:
        mode: SIMPLE
        credentialName: shop-tls
`;
const certificate = (namespace: string) => yaml`
  apiVersion: cert-manager.io/v1
  kind: Certificate
  metadata: {name: shop, namespace: ${namespace}}
  spec:
    secretName: shop-tls
    dnsNames: [shop.example.com]
    issuerRef: {name: letsencrypt, kind: ClusterIssuer}
`;

ruleTable(rule('gateway-credential-wrong-namespace'), [
  {
    name: "the certificate is issued into the gateway workload's namespace",
    files: { 'gw.yaml': ingressDeployment, 'shop.yaml': shopGateway, 'cert.yaml': certificate('istio-ingress') },
    expect: [],
  },
  {
    name: 'the certificate is issued next to the Gateway resource, not next to the gateway proxy',
    files: { 'gw.yaml': ingressDeployment, 'shop.yaml': shopGateway, 'cert.yaml': certificate('shop') },
    expect: [
      {
        rule: 'gateway-credential-wrong-namespace',
        file: 'shop.yaml',
        line: 11,
        messageId: 'wrongNamespace',
        data: { credential: 'shop-tls', missing: '"istio-ingress"', definedIn: '"shop"' },
      },
    ],
  },
  {
    name: 'a Secret in the wrong namespace, the same way',
    files: {
      'gw.yaml': ingressDeployment,
      'shop.yaml': shopGateway,
      'secret.yaml': yaml`
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-tls, namespace: shop}
        type: kubernetes.io/tls
        data: {tls.crt: "", tls.key: ""}
      `,
    },
    expect: [
      {
        rule: 'gateway-credential-wrong-namespace',
        file: 'shop.yaml',
        line: 11,
        messageId: 'wrongNamespace',
        data: { missing: '"istio-ingress"', definedIn: '"shop"' },
      },
    ],
  },
  {
    name: 'gateway workloads not in the repository: their namespace is unknown, nothing is judged',
    files: { 'shop.yaml': shopGateway, 'cert.yaml': certificate('shop') },
    expect: [],
  },
]);
