import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const publicGw = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: public, namespace: istio-system}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*/shop.example.com", "./admin.example.com"]
`;

ruleTable(rules('vs-gateway-not-found', 'vs-host-not-in-gateway', 'vs-internal-gateway'), [
  {
    name: 'a typical app repository binding to istio-system/ingressgateway it does not define: a warning, no error',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: web}
      spec:
        hosts: [web.example.com]
        gateways:
        - istio-system/ingressgateway
        http:
        - route:
          - destination: {host: web}
    `,
    },
    expect: [
      {
        rule: 'vs-gateway-not-found',
        line: 7,
        messageId: 'gatewayNotFound',
        data: {
          virtualService: 'web/web',
          gatewayRef: 'istio-system/ingressgateway',
          gateway: 'istio-system/ingressgateway',
        },
      },
    ],
  },
  {
    name: 'the same repository with the gateway declared external gets nothing',
    config: 'external:\n  gateways: [istio-system/ingressgateway]\n',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: web}
      spec:
        hosts: [web.example.com]
        gateways: [istio-system/ingressgateway, mesh]
    `,
    },
    expect: [],
  },
  {
    name: 'a gateway typo in the own namespace: one cause, one finding (not found), not also "no server serves the hosts"',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: shop-gateway, namespace: shop}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: shop, namespace: shop}
      spec:
        hosts: [shop.example.com]
        gateways:
        - shop-gatway
    `,
    },
    expect: [
      {
        rule: 'vs-gateway-not-found',
        line: 14,
        messageId: 'gatewayNotFound',
        data: { gatewayRef: 'shop-gatway', gateway: 'shop/shop-gatway' },
      },
    ],
  },
  {
    name: 'namespace prefixes of gateway hosts decide who may bind',
    files: {
      'gw.yaml': publicGw,
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: shop, namespace: shop}
      spec:
        hosts: [shop.example.com]
        gateways: [istio-system/public]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: admin, namespace: shop}
      spec:
        hosts: [admin.example.com]
        gateways:
        - istio-system/public
    `,
    },
    expect: [
      {
        rule: 'vs-host-not-in-gateway',
        file: 'vs.yaml',
        line: 14,
        name: 'admin',
        messageId: 'hostNotInGateway',
        data: {
          hosts: '"admin.example.com"',
          namespace: 'shop',
          gatewayKind: 'Gateway',
          gateway: 'istio-system/public',
          gatewayHosts: '"shop.example.com"',
        },
      },
    ],
  },
  {
    name: 'Kubernetes Gateway listeners: wildcard hostnames match, a listener without hostname accepts all',
    files: {
      'gw.yaml': yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: web, namespace: web}
      spec:
        gatewayClassName: istio
        listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: any, namespace: web}
      spec:
        gatewayClassName: istio
        listeners: [{name: http, port: 80, protocol: HTTP}]
    `,
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: a, namespace: web}
      spec:
        hosts: [shop.example.com]
        gateways: [web/web, web/any]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: b, namespace: web}
      spec:
        hosts: [shop.example.org]
        gateways:
        - web/web
    `,
    },
    expect: [
      {
        rule: 'vs-host-not-in-gateway',
        file: 'vs.yaml',
        line: 14,
        name: 'b',
        messageId: 'hostNotInGateway',
        data: { hosts: '"shop.example.org"', gateway: 'web/web', gatewayHosts: '"*.example.com"' },
      },
    ],
  },
  {
    name: 'an internal generated gateway',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: a, namespace: web}
      spec:
        hosts: [shop.example.com]
        gateways:
        - web/web-istio-autogenerated-k8s-gateway-http
    `,
    },
    expect: [
      {
        rule: 'vs-internal-gateway',
        line: 7,
        messageId: 'internalGateway',
        data: { gateway: 'web/web-istio-autogenerated-k8s-gateway-http' },
      },
    ],
  },
]);

ruleTable(rule('vs-jwt-claim-route-without-authn'), [
  {
    name: 'claim routing on a gateway with a RequestAuthentication for its pods',
    files: {
      'all.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ingress, namespace: istio-system}
      spec:
        template:
          metadata: {labels: {istio: ingressgateway}}
          spec: {containers: [{name: istio-proxy, image: proxyv2}]}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: istio-system}
      spec:
        selector: {matchLabels: {istio: ingressgateway}}
        jwtRules: [{issuer: https://issuer.example.com}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: admin, namespace: web}
      spec:
        hosts: [admin.example.com]
        gateways: [istio-system/public]
        http:
        - match: [{headers: {"@request.auth.claims.group": {exact: admin}}}]
          route: [{destination: {host: admin}}]
    `,
    },
    expect: [],
  },
  {
    name: 'claim routing without any RequestAuthentication',
    files: {
      'all.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ingress, namespace: istio-system}
      spec:
        template:
          metadata: {labels: {istio: ingressgateway}}
          spec: {containers: [{name: istio-proxy, image: proxyv2}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: admin, namespace: web}
      spec:
        hosts: [admin.example.com]
        gateways:
        - istio-system/public
        http:
        - match: [{withoutHeaders: {"@request.auth.claims[group]": {exact: admin}}}]
          route: [{destination: {host: admin}}]
    `,
    },
    expect: [
      {
        rule: 'vs-jwt-claim-route-without-authn',
        line: 22,
        messageId: 'claimsNotExtracted',
        data: {
          gateway: 'istio-system/public',
          meshWideNamespaces: 'istio-system',
          workloadNamespace: 'istio-system',
          workload: 'Deployment istio-system/ingress',
        },
      },
    ],
  },
]);

ruleTable(rule('vs-conflicting-mesh-hosts'), [
  {
    name: 'the finding points at the hosts entry that conflicts, not at the name',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews-routes
        namespace: books
      spec:
        hosts:
        - ratings
        - reviews
        http:
        - route:
          - destination: {host: reviews}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews-canary
        namespace: books
      spec:
        hosts:
        - reviews.books.svc.cluster.local
    `,
    },
    expect: [
      {
        rule: 'vs-conflicting-mesh-hosts',
        line: 9,
        name: 'reviews-routes',
        messageId: 'conflictingHosts',
        data: {
          virtualService: 'books/reviews-routes',
          others: 'books/reviews-canary',
          host: 'reviews.books.svc.cluster.local',
        },
      },
      {
        rule: 'vs-conflicting-mesh-hosts',
        line: 21,
        name: 'reviews-canary',
        messageId: 'conflictingHosts',
        data: { others: 'books/reviews-routes' },
      },
    ],
  },
  {
    name: 'two mesh VirtualServices for one host in one namespace: one finding each',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: a, namespace: foo}
      spec: {hosts: [productpage]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: b, namespace: foo}
      spec: {hosts: [productpage.foo.svc.cluster.local], gateways: [mesh]}
    `,
    },
    expect: [
      { rule: 'vs-conflicting-mesh-hosts', line: 4, name: 'a' },
      { rule: 'vs-conflicting-mesh-hosts', line: 9, name: 'b' },
    ],
  },
  {
    name: 'gateway-only bindings and disjoint exportTo scopes do not conflict',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: a, namespace: foo}
      spec: {hosts: [ratings], exportTo: ["."]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: b, namespace: bar}
      spec: {hosts: [ratings.foo.svc.cluster.local], exportTo: ["."]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: c, namespace: bar}
      spec: {hosts: [ratings.foo.svc.cluster.local], gateways: [istio-system/public]}
    `,
    },
    expect: [],
  },
  {
    name: 'a scoped VirtualService clashes with a wildcard one exported everywhere',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: wide, namespace: infra}
      spec: {hosts: ["*.example.com"]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: narrow, namespace: shop}
      spec: {hosts: [api.example.com], exportTo: ["."]}
    `,
    },
    expect: [
      { rule: 'vs-conflicting-mesh-hosts', line: 4, name: 'wide' },
      { rule: 'vs-conflicting-mesh-hosts', line: 9, name: 'narrow' },
    ],
  },
]);
