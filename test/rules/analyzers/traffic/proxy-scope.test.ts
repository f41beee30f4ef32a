// How several resources combine in the proxy: gateways ignore Sidecars, plain-text HTTP gateway servers merge,
// Gateway API Gateways get a generated Service, WorkloadGroups are workloads, a gateway-bound splitting
// VirtualService applies at the gateway, Istio's own services exist without being in the repository.
import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const ratingsSvc = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ratings, namespace: books}
  spec:
    selector: {app: ratings}
    ports: [{name: http, port: 9080}]
`;
const shopSidecar = yaml`
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: default, namespace: shop}
  spec:
    egress:
    - hosts: ["./*", "istio-system/*"]
`;

ruleTable(rule('vs-destination-host-not-visible'), [
  {
    name: 'a VirtualService bound only to a gateway is not judged against the Sidecar of its namespace',
    files: {
      'svc.yaml': ratingsSvc,
      'sidecar.yaml': shopSidecar,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: storefront, namespace: shop}
        spec:
          hosts: [shop.example.com]
          gateways: [istio-system/public]
          http:
          - route:
            - destination: {host: ratings.books.svc.cluster.local}
      `,
    },
    expect: [],
  },
  {
    name: 'with gateways [gw, mesh] the mesh part is judged against the Sidecar',
    files: {
      'svc.yaml': ratingsSvc,
      'sidecar.yaml': shopSidecar,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: storefront, namespace: shop}
        spec:
          hosts: [shop.example.com]
          gateways: [istio-system/public, mesh]
          http:
          - route:
            - destination:
                host: ratings.books.svc.cluster.local
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-visible',
        file: 'vs.yaml',
        line: 10,
        messageId: 'sidecarOmits',
        data: { sidecar: 'shop/default', namespace: 'shop' },
      },
    ],
  },
]);

const gateway = (name: string, server: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: ${name}, namespace: istio-system}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - ${server}
`;

ruleTable(rule('gateway-conflict'), [
  {
    name: 'plain-text HTTP servers of two Gateways on one port merge, even for the same host',
    files: {
      'a.yaml': gateway('shop', '{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*.example.com"]}'),
      'b.yaml': gateway('books', '{port: {number: 80, name: http-books, protocol: HTTP2}, hosts: ["*.example.com"]}'),
      'c.yaml': gateway(
        'redirect',
        '{port: {number: 80, name: http-redirect, protocol: HTTP}, hosts: ["*.example.com"], tls: {httpsRedirect: true}}',
      ),
    },
    expect: [],
  },
  {
    name: 'a TCP server and an HTTP server on the same port and host cannot merge',
    files: {
      'a.yaml': gateway('shop', '{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}'),
      'b.yaml': gateway('legacy', '{port: {number: 80, name: tcp, protocol: TCP}, hosts: [shop.example.com]}'),
    },
    expect: [
      {
        rule: 'gateway-conflict',
        file: 'a.yaml',
        line: 3,
        messageId: 'conflict',
        data: { gateway: 'istio-system/shop', other: 'istio-system/legacy', host: 'shop.example.com', port: '80' },
      },
      {
        rule: 'gateway-conflict',
        file: 'b.yaml',
        line: 3,
        messageId: 'conflict',
        data: { gateway: 'istio-system/legacy', other: 'istio-system/shop' },
      },
    ],
  },
  {
    name: 'two TLS servers for one host on one port: the second is skipped',
    files: {
      'a.yaml': gateway(
        'shop',
        '{port: {number: 443, name: https, protocol: HTTPS}, hosts: [shop.example.com], tls: {mode: SIMPLE, credentialName: shop-a}}',
      ),
      'b.yaml': gateway(
        'shop-v2',
        '{port: {number: 443, name: https-v2, protocol: HTTPS}, hosts: [shop.example.com], tls: {mode: SIMPLE, credentialName: shop-b}}',
      ),
    },
    expect: [
      { rule: 'gateway-conflict', file: 'a.yaml', line: 3 },
      { rule: 'gateway-conflict', file: 'b.yaml', line: 3 },
    ],
  },
]);

const k8sGateway = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: {name: public, namespace: ingress}
  spec:
    gatewayClassName: istio
    listeners:
    - {name: http, port: 80, protocol: HTTP}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: docs, namespace: ingress}
  spec: {selector: {app: docs}, ports: [{name: http, port: 80}]}
`;

ruleTable(rules('dr-host-not-found', 'vs-destination-host-not-found'), [
  {
    name: 'the Service Istio generates for a Gateway API Gateway (<name>-istio) exists',
    files: {
      'gw.yaml': k8sGateway,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: public-gateway, namespace: ingress}
        spec:
          host: public-istio
          trafficPolicy: {loadBalancer: {simple: LEAST_REQUEST}}
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: to-gateway, namespace: shop}
        spec:
          hosts: [www.example.com]
          http:
          - route:
            - destination: {host: public-istio.ingress.svc.cluster.local, port: {number: 80}}
      `,
    },
    expect: [],
  },
  {
    name: "the Gateway's own name is not its Service",
    files: {
      'gw.yaml': k8sGateway,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: public-gateway, namespace: ingress}
        spec:
          host: public
      `,
    },
    expect: [
      {
        rule: 'dr-host-not-found',
        file: 'dr.yaml',
        line: 5,
        messageId: 'shortHostNotFound',
        data: { host: 'public', fullName: 'public.ingress.svc.cluster.local' },
      },
    ],
  },
  {
    name: "Istio's own Services in the root namespace exist unless the repository installs Istio",
    files: {
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: ingress, namespace: istio-system}
        spec:
          host: istio-ingressgateway.istio-system.svc.cluster.local
          trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: istiod, namespace: istio-system}
        spec:
          host: istiod.istio-system.svc.cluster.local
          trafficPolicy: {tls: {mode: DISABLE}}
      `,
    },
    expect: [],
  },
  {
    name: 'a repository that installs Istio itself is judged like any other',
    files: {
      'istiod.yaml': yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: istiod, namespace: istio-system}
        spec:
          selector: {matchLabels: {app: istiod}}
          template:
            metadata: {labels: {app: istiod, istio: pilot}}
            spec: {containers: [{name: discovery, image: pilot}]}
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: ingress, namespace: istio-system}
        spec:
          host: istio-ingressgateway.istio-system.svc.cluster.local
      `,
    },
    expect: [
      {
        rule: 'dr-host-not-found',
        file: 'dr.yaml',
        line: 5,
        messageId: 'hostNotFound',
        data: { host: 'istio-ingressgateway.istio-system.svc.cluster.local' },
      },
    ],
  },
]);

const workloadGroup = yaml`
  apiVersion: networking.istio.io/v1
  kind: WorkloadGroup
  metadata: {name: billing-vms, namespace: billing}
  spec:
    metadata:
      labels: {app: billing, class: vm}
    template:
      serviceAccount: billing
      ports: {http: 8080}
`;

ruleTable(rules('se-selector-matches-nothing', 'authz-no-matching-workload', 'sidecar-selector-no-workload'), [
  {
    name: "selectors matching a WorkloadGroup's labels match the VMs that register from it",
    files: {
      'group.yaml': workloadGroup,
      'policy.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: billing, namespace: billing}
        spec:
          hosts: [billing.internal]
          location: MESH_INTERNAL
          resolution: STATIC
          ports: [{number: 8080, name: http, protocol: HTTP}]
          workloadSelector: {labels: {app: billing}}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: billing, namespace: billing}
        spec:
          selector: {matchLabels: {class: vm}}
          rules: [{from: [{source: {principals: ["cluster.local/ns/shop/sa/shop"]}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: vms, namespace: billing}
        spec:
          workloadSelector: {labels: {app: billing}}
          egress: [{hosts: ["./*"]}]
      `,
    },
    expect: [],
  },
  {
    name: 'a selector that matches neither the group nor any workload is still reported',
    files: {
      'group.yaml': workloadGroup,
      'policy.yaml': yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: billing, namespace: billing}
        spec:
          selector:
            matchLabels: {app: biling}
      `,
    },
    expect: [
      {
        rule: 'authz-no-matching-workload',
        file: 'policy.yaml',
        line: 6,
        messageId: 'selectorMatchesNoWorkload',
        data: { selector: 'app=biling', namespace: 'billing' },
      },
    ],
  },
]);

ruleTable(rule('authz-no-matching-workload'), [
  {
    name: "a policy on Istio's standard ingress gateway, installed outside the repository",
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ingress-allow, namespace: istio-system}
      spec:
        selector: {matchLabels: {istio: ingressgateway}}
        action: ALLOW
        rules: [{to: [{operation: {hosts: ["shop.example.com"]}}]}]
    `,
    },
    expect: [],
  },
  {
    name: 'a repository that deploys its own gateways: a selector matching none of them is reported',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ingress-allow, namespace: istio-system}
      spec:
        selector:
          matchLabels: {istio: ingressgateway}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: internal-gateway, namespace: istio-system}
      spec:
        selector: {matchLabels: {istio: internal-gateway}}
        template:
          metadata: {labels: {istio: internal-gateway}}
          spec: {containers: [{name: istio-proxy, image: auto}]}
    `,
    },
    expect: [
      {
        rule: 'authz-no-matching-workload',
        line: 6,
        messageId: 'rootSelectorMatchesNoWorkload',
        data: { selector: 'istio=ingressgateway' },
      },
    ],
  },
]);

ruleTable(rule('vs-ingress-route-ignores-subsets'), [
  {
    name: 'the VirtualService that splits by subset is itself bound to the gateway: the gateway applies its routes',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: books}
      spec:
        hosts: [ratings, ratings.example.com]
        gateways: [istio-system/public, mesh]
        http:
        - match: [{headers: {x-canary: {exact: "1"}}}]
          route:
          - destination: {host: ratings, subset: v2}
        - route:
          - destination: {host: ratings}
    `,
    },
    expect: [],
  },
  {
    name: 'a second gateway VirtualService on the same gateway as the splitting one',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: books}
      spec:
        hosts: [ratings]
        gateways: [istio-system/public, mesh]
        http:
        - route:
          - destination: {host: ratings, subset: v1}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: public, namespace: books}
      spec:
        hosts: [books.example.com]
        gateways: [istio-system/public]
        http:
        - route:
          - destination: {host: ratings}
    `,
    },
    expect: [],
  },
]);

ruleTable(rules('dr-subset-no-workload', 'dr-subset-no-workload-unrouted'), [
  {
    name: 'an empty subset a route sends traffic to is an error; one no route uses is a warning',
    files: {
      'app.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-v1, namespace: books}
        spec:
          selector: {matchLabels: {app: reviews, version: v1}}
          template:
            metadata: {labels: {app: reviews, version: v1}}
            spec: {containers: [{name: reviews, image: reviews:v1}]}
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: books}
        spec:
          host: reviews.books.svc.cluster.local
          subsets:
          - {name: v1, labels: {version: v1}}
          - name: v2
            labels: {version: v2}
          - name: v3
            labels: {version: v3}
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - {destination: {host: reviews, subset: v1}, weight: 90}
            - {destination: {host: reviews, subset: v2}, weight: 10}
      `,
    },
    expect: [
      {
        rule: 'dr-subset-no-workload',
        file: 'dr.yaml',
        line: 9,
        messageId: 'routedSubsetNoWorkload',
        data: { subset: 'v2', selector: 'version=v2' },
      },
      {
        rule: 'dr-subset-no-workload-unrouted',
        file: 'dr.yaml',
        line: 11,
        messageId: 'unroutedSubsetNoWorkload',
        data: { subset: 'v3', selector: 'version=v3' },
      },
    ],
  },
]);

ruleTable(rules('route-backend-not-found', 'route-backend-port-not-found'), [
  {
    name: 'an HTTPRoute sending to the generated Service of another Gateway API Gateway (a gateway chain)',
    files: {
      'gw.yaml': k8sGateway,
      'route.yaml': yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: via-public, namespace: ingress}
        spec:
          parentRefs: [{name: public}]
          rules:
          - backendRefs:
            - {name: public-istio, port: 80}
            - {name: docs, port: 80}
      `,
    },
    expect: [],
  },
  {
    name: 'a backend named after the Gateway itself is not its Service',
    files: {
      'gw.yaml': k8sGateway,
      'route.yaml': yaml`
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: via-public, namespace: ingress}
        spec:
          parentRefs: [{name: public}]
          rules:
          - backendRefs:
            - name: public
              port: 80
      `,
    },
    expect: [
      {
        rule: 'route-backend-not-found',
        file: 'route.yaml',
        line: 8,
        messageId: 'backendNotFound',
        data: { service: 'ingress/public' },
      },
    ],
  },
]);
