import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const egress = (resolution: string) =>
  yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: cnn, namespace: egress}
  spec:
    hosts: [edition.cnn.com]
    ports: [{number: 80, name: http, protocol: HTTP}]
    location: MESH_EXTERNAL
` + resolution;

const vs = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: istio-egressgateway, namespace: egress}
  spec:
    selector: {istio: egressgateway}
    servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [edition.cnn.com]}]
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: cnn-through-egress, namespace: egress}
  spec:
    hosts: [edition.cnn.com]
    gateways: [istio-egressgateway, mesh]
    http:
    - match: [{gateways: [mesh], port: 80}]
      route:
      - destination: {host: istio-egressgateway.istio-system.svc.cluster.local, port: {number: 80}}
    - match: [{gateways: [istio-egressgateway], port: 80}]
      route:
      - destination: {host: edition.cnn.com, port: {number: 80}}
`;

ruleTable(rule('gateway-route-to-resolution-none'), [
  {
    name: 'the egress gateway routes to a ServiceEntry without resolution (NONE): error, the fix sets DNS',
    files: { 'se.yaml': egress(''), 'vs.yaml': vs },
    expect: [
      {
        rule: 'gateway-route-to-resolution-none',
        file: 'vs.yaml',
        line: 20,
        hasFix: true,
        messageId: 'resolutionNone',
        data: {
          gateways: '"istio-egressgateway"',
          host: 'edition.cnn.com',
          serviceEntries: 'ServiceEntry egress/cnn',
          resolutionSource: 'the default',
        },
      },
    ],
    fixed: { 'se.yaml': egress('') + '  resolution: DNS\n' },
  },
  {
    name: 'an ingress route to a wildcard NONE entry: error without a fix',
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: partners, namespace: shop}
        spec:
          hosts: ["*.partners.example"]
          ports: [{number: 443, name: tls, protocol: TLS}]
          resolution: NONE
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: partner-api, namespace: shop}
        spec:
          hosts: [api.partners.example]
          gateways: [istio-system/public]
          tls:
          - match: [{sniHosts: [api.partners.example], port: 443}]
            route:
            - destination: {host: api.partners.example}
      `,
    },
    expect: [
      {
        rule: 'gateway-route-to-resolution-none',
        file: 'vs.yaml',
        line: 10,
        hasFix: false,
        messageId: 'resolutionNoneNoFix',
        data: {
          gateways: '"istio-system/public"',
          serviceEntries: 'ServiceEntry shop/partners',
          resolutionSource: 'as written',
        },
      },
    ],
  },
  {
    name: 'DNS resolution behind the gateway, NONE reached from sidecars only, a Service host: silent',
    files: {
      'se.yaml':
        egress('  resolution: DNS\n') +
        '---\n' +
        yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: passthrough, namespace: egress}
        spec:
          hosts: [api.github.com]
          ports: [{number: 443, name: tls, protocol: TLS}]
          resolution: NONE
      `,
      'vs.yaml':
        vs +
        '---\n' +
        yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: github, namespace: egress}
        spec:
          hosts: [api.github.com]
          tls:
          - match: [{sniHosts: [api.github.com], port: 443}]
            route:
            - destination: {host: api.github.com}
      `,
    },
    expect: [],
  },
]);
