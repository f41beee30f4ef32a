import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const gateway = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: public, namespace: istio-system}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*/shop.example.com"]
`;

/** A VirtualService for shop.example.com at the public gateway with the given http routes (indented YAML). */
const shopVs = (name: string, http: string) =>
  yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: ${name}, namespace: shop}
  spec:
    hosts: [shop.example.com]
    gateways: [istio-system/public]
    http:
` + http;

ruleTable(rule('vs-gateway-route-overlap'), [
  {
    name: 'prefixes /test-root and /test-root1 in two VirtualServices: /test-root1 may go either way',
    files: {
      'gw.yaml': gateway,
      'legacy.yaml': shopVs(
        'legacy',
        `  - match: [{uri: {prefix: /test-root}}]\n    route: [{destination: {host: legacy}}]\n`,
      ),
      'new.yaml': shopVs(
        'new',
        `  - match: [{uri: {prefix: /test-root1}}]\n    route: [{destination: {host: next}}]\n`,
      ),
    },
    expect: [
      {
        rule: 'vs-gateway-route-overlap',
        file: 'new.yaml',
        line: 8,
        name: 'new',
        messageId: 'overlap',
        data: {
          request: 'GET /test-root1',
          host: 'shop.example.com',
          gateway: 'istio-system/public',
          port: 80,
          route: '#0 (/test-root1 → next)',
          other: 'shop/legacy',
          otherRoute: '#0 (/test-root → legacy)',
        },
      },
    ],
  },
  {
    name: 'a prefix "/" with a header condition is not a catch-all: it can take the other VirtualService\'s /api requests',
    files: {
      'gw.yaml': gateway,
      'canary.yaml': shopVs(
        'canary',
        `  - match: [{uri: {prefix: /}, headers: {x-canary: {exact: "true"}}}]\n    route: [{destination: {host: shop-canary}}]\n`,
      ),
      'api.yaml': shopVs('api', `  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: api}}]\n`),
    },
    expect: [
      {
        rule: 'vs-gateway-route-overlap',
        file: 'api.yaml',
        line: 8,
        messageId: 'overlap',
        data: { request: 'GET /api with header x-canary: true', other: 'shop/canary' },
      },
      {
        rule: 'vs-gateway-route-overlap',
        file: 'canary.yaml',
        line: 8,
        messageId: 'overlap',
        data: { other: 'shop/api', otherRoute: '#0 (/api → api)' },
      },
    ],
  },
  {
    name: 'a host served on port 80 and on an HTTPS server is one finding, not one per port',
    files: {
      'gw.yaml':
        gateway +
        yaml`
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: ["*/shop.example.com"]
          tls: {mode: SIMPLE, credentialName: shop-cert}
      `
          .replace(/^/gm, '  ')
          .replace(/^ {2}$/gm, ''),
      'legacy.yaml': shopVs(
        'legacy',
        `  - match: [{uri: {prefix: /test-root}}]\n    route: [{destination: {host: legacy}}]\n`,
      ),
      'new.yaml': shopVs(
        'new',
        `  - match: [{uri: {prefix: /test-root1}}]\n    route: [{destination: {host: next}}]\n`,
      ),
    },
    expect: [{ rule: 'vs-gateway-route-overlap', file: 'new.yaml', line: 8, messageId: 'overlap', data: { port: 80 } }],
  },
  {
    name: 'disjoint prefixes, exact matches on different paths and headers that cannot both hold: silent',
    files: {
      'gw.yaml': gateway,
      'a.yaml': shopVs(
        'a',
        `  - match: [{uri: {prefix: /orders/}}]\n    route: [{destination: {host: orders}}]\n  - match: [{uri: {exact: /health}}]\n    route: [{destination: {host: orders}}]\n  - match: [{uri: {prefix: /cart}, headers: {x-tier: {exact: gold}}}]\n    route: [{destination: {host: cart-gold}}]\n`,
      ),
      'b.yaml': shopVs(
        'b',
        `  - match: [{uri: {prefix: /users/}}]\n    route: [{destination: {host: users}}]\n  - match: [{uri: {exact: /status}}]\n    route: [{destination: {host: users}}]\n  - match: [{uri: {prefix: /cart}, headers: {x-tier: {exact: silver}}}]\n    route: [{destination: {host: cart-silver}}]\n`,
      ),
    },
    expect: [],
  },
  {
    name: 'the same overlap in one VirtualService per host is ordered, and so is an overlap at two different gateways: silent',
    files: {
      'gw.yaml':
        gateway +
        '---\n' +
        gateway.replace('name: public', 'name: internal').replace('ingressgateway}', 'internal-gateway}'),
      'one.yaml': shopVs(
        'one',
        `  - match: [{uri: {prefix: /test-root1}}]\n    route: [{destination: {host: next}}]\n  - match: [{uri: {prefix: /test-root}}]\n    route: [{destination: {host: legacy}}]\n`,
      ),
      'other.yaml': shopVs(
        'other',
        `  - match: [{uri: {prefix: /test-root}}]\n    route: [{destination: {host: legacy}}]\n`,
      ).replace('istio-system/public', 'istio-system/internal'),
    },
    expect: [],
  },
  {
    name: 'two VirtualServices whose overlapping routes send to the same place: order does not matter, silent',
    files: {
      'gw.yaml': gateway,
      'a.yaml': shopVs('a', `  - match: [{uri: {prefix: /static}}]\n    route: [{destination: {host: web}}]\n`),
      'b.yaml': shopVs('b', `  - match: [{uri: {prefix: /static/img}}]\n    route: [{destination: {host: web}}]\n`),
    },
    expect: [],
  },
  {
    name: 'a request an earlier route of the same VirtualService takes first is not the overlap: silent',
    files: {
      'gw.yaml': gateway,
      'a.yaml': shopVs(
        'a',
        `  - match: [{uri: {prefix: /test-root1}}]\n    route: [{destination: {host: next}}]\n  - match: [{uri: {prefix: /test-root}}]\n    route: [{destination: {host: legacy}}]\n`,
      ),
      'b.yaml': shopVs('b', `  - match: [{uri: {prefix: /test-root1}}]\n    route: [{destination: {host: next}}]\n`),
    },
    expect: [],
  },
  {
    name: 'routes restricted to another gateway or port, and regex matches, are not claimed to overlap',
    files: {
      'gw.yaml': gateway,
      'a.yaml': shopVs(
        'a',
        `  - match: [{uri: {prefix: /api}, port: 8080}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {regex: "/api/v[0-9]+"}}]\n    route: [{destination: {host: a}}]\n`,
      ),
      'b.yaml': shopVs('b', `  - match: [{uri: {prefix: /api/x}}]\n    route: [{destination: {host: b}}]\n`),
    },
    expect: [],
  },
]);

ruleTable(rule('vs-gateway-second-catch-all'), [
  {
    name: 'two VirtualServices for one gateway host each end with a catch-all to different services',
    files: {
      'gw.yaml': gateway,
      'a.yaml': shopVs(
        'a',
        `  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: api}}]\n  - route: [{destination: {host: web}}]\n`,
      ),
      'b.yaml': shopVs('b', `  - match: [{uri: {prefix: /}}]\n    route: [{destination: {host: legacy-web}}]\n`),
    },
    expect: [
      {
        rule: 'vs-gateway-second-catch-all',
        file: 'a.yaml',
        line: 10,
        messageId: 'secondCatchAll',
        data: {
          route: '#1 ((every request) → web)',
          host: 'shop.example.com',
          gateway: 'istio-system/public',
          port: 80,
          others: "VirtualService shop/b's route #0 (/ → legacy-web)",
        },
      },
      {
        rule: 'vs-gateway-second-catch-all',
        file: 'b.yaml',
        line: 8,
        messageId: 'secondCatchAll',
        data: { others: "VirtualService shop/a's route #1 ((every request) → web)" },
      },
    ],
  },
  {
    name: 'one catch-all per host, or catch-alls on different hosts: silent',
    files: {
      'gw.yaml': gateway.replace('["*/shop.example.com"]', '["*/shop.example.com", "*/blog.example.com"]'),
      'a.yaml': shopVs(
        'a',
        `  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: api}}]\n  - route: [{destination: {host: web}}]\n`,
      ),
      'b.yaml': shopVs('b', `  - route: [{destination: {host: blog}}]\n`).replace(
        '[shop.example.com]',
        '[blog.example.com]',
      ),
    },
    expect: [],
  },
]);

ruleTable(rule('vs-shadowed-route'), [
  {
    name: 'exact /api/v2 after prefix /api is never used',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: api, namespace: shop}
      spec:
        hosts: [api]
        http:
        - name: all-api
          match: [{uri: {prefix: /api}}]
          route: [{destination: {host: api-v1}}]
        - name: v2
          match: [{uri: {exact: /api/v2}}]
          route: [{destination: {host: api-v2}}]
    `,
    },
    expect: [
      {
        rule: 'vs-shadowed-route',
        line: 10,
        messageId: 'shadowedRouteExample',
        data: {
          route: '"v2"',
          virtualService: 'shop/api',
          target: 'api-v2',
          earlierRoutes: 'route "all-api"',
          request: 'GET /api/v2',
          exampleRoute: '"all-api"',
          exampleMatch: '/api',
        },
      },
    ],
  },
  {
    name: 'the same headers and a broader prefix before: the later route is never used',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: api, namespace: shop}
      spec:
        hosts: [api]
        http:
        - match: [{uri: {prefix: /api}, headers: {x-user: {exact: beta}}}]
          route: [{destination: {host: api-beta}}]
        - match: [{uri: {prefix: /api/orders}, headers: {x-user: {exact: beta}}}, {uri: {prefix: /api/cart}, headers: {x-user: {exact: beta}}, method: {exact: POST}}]
          route: [{destination: {host: orders-beta}}]
    `,
    },
    expect: [
      {
        rule: 'vs-shadowed-route',
        line: 9,
        messageId: 'shadowedRouteExample',
        data: { route: '#1', earlierRoutes: 'route #0' },
      },
    ],
  },
  {
    name: 'matches covered by two earlier routes, for one source workload: no request can be shown, the routes are named',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: api, namespace: shop}
      spec:
        hosts: [api]
        http:
        - match: [{uri: {prefix: /api}, sourceLabels: {app: web}}]
          route: [{destination: {host: api}}]
        - match: [{uri: {prefix: /cart}, sourceLabels: {app: web}}]
          route: [{destination: {host: cart}}]
        - match: [{uri: {prefix: /api/v2}, sourceLabels: {app: web}}, {uri: {prefix: /cart/v2}, sourceLabels: {app: web}}]
          route: [{destination: {host: v2}}]
    `,
    },
    expect: [
      {
        rule: 'vs-shadowed-route',
        line: 11,
        messageId: 'shadowedRoute',
        data: { route: '#2', target: 'v2', earlierRoutes: 'routes #0, #1' },
      },
    ],
  },
  {
    name: 'working orders: narrow before broad, a header condition before the plain prefix, one match still reachable: silent',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: api, namespace: shop}
      spec:
        hosts: [api]
        http:
        - match: [{uri: {exact: /api/v2}}]
          route: [{destination: {host: api-v2}}]
        - match: [{uri: {prefix: /api}, headers: {x-user: {exact: beta}}}]
          route: [{destination: {host: api-beta}}]
        - match: [{uri: {prefix: /api}}]
          route: [{destination: {host: api-v1}}]
        - match: [{uri: {prefix: /api/x}}, {uri: {prefix: /web}}]
          route: [{destination: {host: mixed}}]
        - match: [{uri: {regex: "/api/.*"}}]
          route: [{destination: {host: regex}}]
        - route: [{destination: {host: web}}]
    `,
    },
    expect: [],
  },
  {
    name: "a route after one without a match, or repeating earlier matches, is vs-unreachable-route's alone",
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: api, namespace: shop}
      spec:
        hosts: [api]
        http:
        - match: [{uri: {prefix: /api}}]
          route: [{destination: {host: a}}]
        - match: [{uri: {prefix: /api}}]
          route: [{destination: {host: b}}]
        - route: [{destination: {host: c}}]
        - match: [{uri: {prefix: /z}}]
          route: [{destination: {host: d}}]
    `,
    },
    expect: [],
  },
]);

ruleTable(
  rules(
    'vs-shadowed-route',
    'vs-gateway-route-overlap',
    'vs-gateway-second-catch-all',
    'gateway-host-without-route',
    'dr-port-level-drops-setting',
    'dr-port-level-drops-tls',
    'dr-outlier-detection-non-http',
    'gateway-route-to-resolution-none',
    'authz-split-allow-rules',
  ),
  [
    {
      name: 'odd shapes are read as absent by the route and policy rules, never a crash',
      files: {
        'odd.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: shop}
      spec:
        servers: [null, {port: 80, hosts: 5}, {port: {number: 80, protocol: HTTP}, hosts: [null, "shop.example.com"]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: a, namespace: shop}
      spec:
        hosts: [shop.example.com, 7]
        gateways: [public, 5, null]
        http: [null, {match: "x"}, {match: [null, {uri: "abc"}, {headers: {a: 5}}]}, {match: [{uri: {prefix: /a}}], route: 3}]
        tcp: [{route: [{destination: {host: 4}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: b, namespace: shop}
      spec:
        hosts: [shop.example.com]
        gateways: [public]
        http: [{match: [{uri: {prefix: /a}}], route: [{destination: {host: b}}]}, {route: [null]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: d, namespace: shop}
      spec:
        host: 5
        trafficPolicy: {tls: [], portLevelSettings: [null, {port: null}, {port: {number: "80"}}]}
        subsets: [null, {name: v1, trafficPolicy: 3}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules: [null, {from: null}, {to: 5}]
    `,
      },
      expect: [],
    },
  ],
);
