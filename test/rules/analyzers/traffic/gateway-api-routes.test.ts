import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const infraGw = yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: {name: web, namespace: infra}
  spec:
    gatewayClassName: istio
    listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {expose: "true"}}}}
    - name: internal
      port: 8080
      protocol: HTTP
`;

ruleTable(rules('route-parent-not-found', 'route-parent-rejects-route'), [
  {
    name: 'a route in an allowed namespace, and a same-namespace route on a default listener',
    files: {
      'gw.yaml': infraGw,
      'routes.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {expose: "true"}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        parentRefs: [{name: web, namespace: infra, sectionName: http}]
        rules: [{backendRefs: [{name: shop, port: 80}]}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: admin, namespace: infra}
      spec:
        parentRefs: [{name: web, sectionName: internal}]
    `,
    },
    expect: [],
  },
  {
    name: 'a parent Gateway missing from the repository: warning; declared external: nothing',
    config: 'external:\n  gateways: [infra/shared]\n',
    files: {
      'routes.yaml': yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        parentRefs:
        - name: shared
          namespace: infra
        - name: web-gw
          namespace: infra
    `,
    },
    expect: [
      {
        rule: 'route-parent-not-found',
        line: 8,
        messageId: 'gatewayParentNotFound',
        data: { routeKind: 'HTTPRoute', route: 'shop/shop', gateway: 'infra/web-gw' },
      },
    ],
  },
  {
    name: 'mesh routing: a Service parent that exists, and one with a typo',
    files: {
      'routes.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec: {ports: [{name: http, port: 9080}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: reviews, namespace: books}
      spec:
        parentRefs:
        - {group: "", kind: Service, name: reviews, port: 9080}
        - group: ""
          kind: Service
          name: reveiws
    `,
    },
    expect: [
      {
        rule: 'route-parent-not-found',
        line: 14,
        messageId: 'serviceParentNotFound',
        data: { route: 'books/reviews', service: 'books/reveiws', namespace: 'books' },
      },
    ],
  },
  {
    name: 'a namespace the listener does not allow, and a sectionName that does not exist',
    files: {
      'gw.yaml': infraGw,
      'routes.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        parentRefs:
        - name: web
          namespace: infra
        - name: web
          namespace: infra
          sectionName: https
    `,
    },
    expect: [
      {
        rule: 'route-parent-rejects-route',
        file: 'routes.yaml',
        line: 10,
        messageId: 'notAllowed',
        data: { gateway: 'infra/web', routeKind: 'HTTPRoute', namespace: 'shop' },
      },
      {
        rule: 'route-parent-rejects-route',
        file: 'routes.yaml',
        line: 14,
        messageId: 'noListenerNamed',
        data: { sectionName: 'https', listeners: '"http", "internal"' },
      },
    ],
  },
  {
    name: 'a named listener that keeps routes to its own namespace, and a Gateway without listeners',
    files: {
      'gw.yaml': infraGw,
      'routes.yaml': yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: draft, namespace: infra}
      spec:
        gatewayClassName: istio
        listeners: []
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        parentRefs:
        - name: web
          namespace: infra
          sectionName: internal
        - name: draft
          namespace: infra
    `,
    },
    expect: [
      {
        rule: 'route-parent-rejects-route',
        file: 'routes.yaml',
        line: 15,
        messageId: 'notAllowedByListener',
        data: { gateway: 'infra/web', sectionName: 'internal', namespace: 'shop' },
      },
      {
        rule: 'route-parent-rejects-route',
        file: 'routes.yaml',
        line: 16,
        messageId: 'noListeners',
        data: { gateway: 'infra/draft' },
      },
    ],
  },
  {
    name: 'hostnames: a wildcard listener accepts a matching route, and rejects one that does not match',
    files: {
      'all.yaml': yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: web, namespace: web}
      spec:
        gatewayClassName: istio
        listeners: [{name: http, port: 80, protocol: HTTP, hostname: "*.example.com"}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: web}
      spec:
        parentRefs: [{name: web}]
        hostnames: [shop.example.com]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: other, namespace: web}
      spec:
        parentRefs: [{name: web}]
        hostnames:
        - shop.example.org
    `,
    },
    expect: [
      {
        rule: 'route-parent-rejects-route',
        line: 20,
        name: 'other',
        messageId: 'noMatchingHostname',
        data: { hostnames: '"shop.example.org"', gateway: 'web/web', listeners: '"http": "*.example.com"' },
      },
    ],
  },
]);

ruleTable(rules('route-backend-not-found', 'route-backend-not-permitted'), [
  {
    name: 'a local backend, and a cross-namespace backend allowed by a ReferenceGrant',
    files: {
      'all.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: shop}
      spec: {ports: [{name: http, port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: payments, namespace: billing}
      spec: {ports: [{name: http, port: 80}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1beta1
      kind: ReferenceGrant
      metadata: {name: shop-routes, namespace: billing}
      spec:
        from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
        to: [{group: "", kind: Service}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        parentRefs: [{name: web, namespace: infra}]
        rules:
        - backendRefs: [{name: shop, port: 80}, {name: payments, namespace: billing, port: 80}]
    `,
    },
    config: 'external:\n  gateways: [infra/web]\n',
    expect: [],
  },
  {
    name: 'a backend typo, and a cross-namespace backend without ReferenceGrant',
    config: 'external:\n  gateways: [infra/web]\n',
    files: {
      'all.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: shop}
      spec: {ports: [{name: http, port: 80}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        parentRefs: [{name: web, namespace: infra}]
        rules:
        - backendRefs:
          - name: shpo
            port: 80
          - name: payments
            namespace: billing
            port: 80
    `,
    },
    expect: [
      {
        rule: 'route-backend-not-found',
        line: 13,
        messageId: 'backendNotFound',
        data: { service: 'shop/shpo', namespace: 'shop' },
      },
      {
        rule: 'route-backend-not-permitted',
        line: 15,
        messageId: 'notPermitted',
        data: { route: 'shop/shop', service: 'billing/payments', serviceNamespace: 'billing', routeNamespace: 'shop' },
      },
    ],
  },
]);

ruleTable(rule('route-backend-port-not-found'), [
  {
    name: 'backend ports that the Service exposes; a Service not in the repository is not judged',
    files: {
      'all.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: shop}
      spec: {ports: [{name: http, port: 80, targetPort: 8080}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        rules:
        - backendRefs: [{name: shop, port: 80}, {name: elsewhere, port: 1234}]
    `,
    },
    expect: [],
  },
  {
    name: 'the targetPort instead of the Service port: fixed when the Service has one port',
    files: {
      'all.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: shop}
      spec: {ports: [{name: http, port: 80, targetPort: 8080}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        rules:
        - backendRefs:
          - name: shop
            port: 8080
    `,
    },
    expect: [
      {
        rule: 'route-backend-port-not-found',
        line: 13,
        messageId: 'portNotFound',
        data: { service: 'shop/shop', port: 8080, ports: '80' },
        hasFix: true,
      },
    ],
    fixed: {
      'all.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: shop}
      spec: {ports: [{name: http, port: 80, targetPort: 8080}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: shop, namespace: shop}
      spec:
        rules:
        - backendRefs:
          - name: shop
            port: 80
    `,
    },
  },
]);
