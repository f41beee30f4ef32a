import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const gateway = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: public, namespace: istio-system}
  spec:
    selector: {istio: ingressgateway}
    servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts:
      - "shop/shop.example.com"
`;

ruleTable(rule('gateway-host-without-route'), [
  {
    name: 'a VirtualService for the gateway host without gateways: 404 at the gateway; the fix binds it and keeps mesh',
    files: {
      'gw.yaml': gateway,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: shop}
        spec:
          hosts: [shop.example.com]
          http:
          - route:
            - destination: {host: web}
      `,
    },
    expect: [
      {
        rule: 'gateway-host-without-route',
        file: 'gw.yaml',
        line: 9,
        hasFix: true,
        messageId: 'notBoundMeshOnly',
        data: {
          host: 'shop.example.com',
          gatewayRef: 'istio-system/public',
          candidates:
            'VirtualService shop/web has the host but applies only to sidecars (no `gateways:`, which means `mesh`)',
        },
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: shop}
      spec:
        hosts: [shop.example.com]
        http:
        - route:
          - destination: {host: web}
        gateways:
        - istio-system/public
        - mesh
    `,
    },
  },
  {
    name: 'a VirtualService bound to another gateway: the fix appends this one',
    files: {
      'gw.yaml': gateway,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: shop}
        spec:
          hosts: [shop.example.com]
          gateways:
          - shop/internal
          http:
          - route:
            - destination: {host: web}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: internal, namespace: shop}
        spec:
          selector: {istio: internal-gateway}
          servers:
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: [shop.example.com]
      `,
    },
    expect: [
      {
        rule: 'gateway-host-without-route',
        file: 'gw.yaml',
        line: 9,
        messageId: 'notBound',
        data: {
          gatewayRef: 'istio-system/public',
          candidates: 'VirtualService shop/web has the host but is bound to "shop/internal" only',
        },
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: web, namespace: shop}
      spec:
        hosts: [shop.example.com]
        gateways:
        - shop/internal
        - istio-system/public
        http:
        - route:
          - destination: {host: web}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: internal, namespace: shop}
      spec:
        selector: {istio: internal-gateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: [shop.example.com]
    `,
    },
  },
  {
    name: 'two VirtualServices have the host and neither is bound: no fix, since which one should serve it is a guess',
    files: {
      'gw.yaml': gateway,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: shop}
        spec:
          hosts: [shop.example.com]
          http:
          - route:
            - destination: {host: web}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web-canary, namespace: shop}
        spec:
          hosts: [shop.example.com]
          gateways: [mesh]
          http:
          - route:
            - destination: {host: web-canary}
      `,
    },
    expect: [
      {
        rule: 'gateway-host-without-route',
        file: 'gw.yaml',
        line: 9,
        hasFix: false,
        messageId: 'notBoundSeveral',
        data: {
          candidates:
            'VirtualService shop/web has the host but applies only to sidecars (no `gateways:`, which means `mesh`); VirtualService shop/web-canary has the host but is bound to "mesh" only',
        },
      },
    ],
  },
  {
    name: 'served hosts are silent: bound VirtualService, a wildcard VirtualService host, another Gateway on the same workload and port, an HTTPS redirect',
    files: {
      'gw.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: public, namespace: istio-system}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: [shop.example.com, blog.example.com, docs.example.com]
          - port: {number: 8080, name: http-redirect, protocol: HTTP}
            hosts: [api.example.com]
            tls: {httpsRedirect: true}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: docs, namespace: docs}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - port: {number: 80, name: http, protocol: HTTP}
            hosts: [docs.example.com]
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: shop, namespace: shop}
        spec:
          hosts: [shop.example.com]
          gateways: [istio-system/public, mesh]
          http: [{route: [{destination: {host: web}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: blog, namespace: blog}
        spec:
          hosts: ["*.example.com"]
          gateways: [istio-system/public]
          http: [{route: [{destination: {host: blog}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: docs, namespace: docs}
        spec:
          hosts: [docs.example.com]
          gateways: [docs]
          http: [{route: [{destination: {host: docs}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: api-mesh, namespace: api}
        spec:
          hosts: [api.example.com]
          http: [{route: [{destination: {host: api}}]}]
      `,
    },
    expect: [],
  },
  {
    name: 'a mesh VirtualService for a host the gateway accepts only from another namespace, or a wildcard gateway host: silent',
    files: {
      'gw.yaml':
        gateway +
        yaml`
        - port: {number: 8080, name: http-any, protocol: HTTP}
          hosts: ["*"]
      `
          .replace(/^/gm, '  ')
          .replace(/^ {2}$/gm, ''),
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: other}
        spec:
          hosts: [shop.example.com]
          http: [{route: [{destination: {host: web}}]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: shop}
        spec:
          hosts: [reviews]
          http: [{route: [{destination: {host: reviews}}]}]
      `,
    },
    expect: [],
  },
]);
