import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const reviewsSvc = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: reviews, namespace: books}
  spec:
    selector: {app: reviews}
    ports:
    - {name: http, port: 9080}
    - {name: grpc, port: 9090}
`;
const ratingsSvc = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ratings, namespace: books}
  spec:
    selector: {app: ratings}
    ports: [{name: http, port: 9080}]
`;

ruleTable(rules('vs-destination-host-not-found', 'vs-destination-host-not-visible'), [
  {
    name: 'short name, FQDN and ServiceEntry destinations that exist',
    files: {
      'svc.yaml': ratingsSvc,
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: ext, namespace: books}
        spec: {hosts: ["*.example.com"], resolution: NONE, ports: [{number: 443, name: tls, protocol: TLS}]}
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings, namespace: books}
        spec:
          hosts: [ratings]
          http:
          - route:
            - destination: {host: ratings}
            mirror: {host: ratings.books.svc.cluster.local}
          tls:
          - match: [{sniHosts: [api.example.com]}]
            route:
            - destination: {host: api.example.com}
      `,
    },
    expect: [],
  },
  {
    name: 'a typo in a namespace whose services the repository declares is reported at the host line',
    files: {
      'svc.yaml': ratingsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings, namespace: books}
        spec:
          hosts: [ratings]
          http:
          - route:
            - destination:
                host: ratigns
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-found',
        file: 'vs.yaml',
        line: 9,
        hasFix: true,
        messageId: 'notDeclaredDidYouMean',
        data: {
          hostRole: 'destination host',
          host: 'ratigns',
          fqdnNote: ' (ratigns.books.svc.cluster.local)',
          guess: 'ratings',
        },
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: books}
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination:
              host: ratings
    `,
    },
  },
  {
    name: 'mirrors and external FQDNs are checked too',
    files: {
      'svc.yaml': ratingsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings, namespace: books}
        spec:
          hosts: [ratings]
          http:
          - route:
            - destination: {host: ratings}
            mirrors:
            - destination: {host: api.partner.example}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-found',
        file: 'vs.yaml',
        line: 10,
        hasFix: false,
        messageId: 'notDeclared',
        data: { hostRole: 'mirror host', host: 'api.partner.example', fqdnNote: '' },
      },
    ],
  },
  {
    name: 'a destination without a host',
    files: {
      'svc.yaml': ratingsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings, namespace: books}
        spec:
          hosts: [ratings]
          tcp:
          - route:
            - destination:
                port: {number: 9080}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-found',
        file: 'vs.yaml',
        line: 8,
        hasFix: false,
        messageId: 'noHost',
        data: { section: 'tcp', virtualService: 'books/ratings' },
      },
    ],
  },
  {
    name: 'a short host that a ServiceEntry declares literally, close to a Service name: both causes are named, the fix takes the Service',
    files: {
      'svc.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: payment, namespace: shop}
        spec: {ports: [{name: http, port: 8080}]}
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: payments, namespace: shop}
        spec:
          hosts: [payments]
          location: MESH_INTERNAL
          resolution: DNS
          endpoints: [{address: payments.internal.example.com}]
          ports: [{number: 8080, name: http, protocol: HTTP}]
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: checkout, namespace: shop}
        spec:
          hosts: [checkout]
          http:
          - route:
            - destination:
                host: payments
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-found',
        file: 'vs.yaml',
        line: 9,
        hasFix: true,
        messageId: 'literalShortHostDidYouMean',
        data: {
          host: 'payments',
          fqdn: 'payments.shop.svc.cluster.local',
          serviceEntry: 'shop/payments',
          guess: 'payment',
        },
      },
    ],
  },
  {
    name: 'a typical app repository routing to a namespace it does not manage gets nothing',
    files: {
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: web}
        spec:
          hosts: [web.example.com]
          gateways: [istio-system/ingressgateway]
          http:
          - route:
            - destination: {host: frontend.web.svc.cluster.local}
      `,
    },
    expect: [],
  },
  {
    name: 'hosts declared external in the config file are fine',
    config: 'external:\n  hosts: [api.partner.example]\n',
    files: {
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: partner, namespace: shop}
        spec:
          hosts: [api.partner.example]
          http:
          - route:
            - destination: {host: api.partner.example}
      `,
    },
    expect: [],
  },
  {
    name: 'a host hidden by the ServiceEntry exportTo is an error with a fix on the ServiceEntry file',
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: partner, namespace: partner}
        spec:
          hosts: [api.partner.example]
          exportTo: ["."]
          location: MESH_EXTERNAL
          resolution: DNS
          ports: [{number: 443, name: tls, protocol: TLS}]
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: partner, namespace: shop}
        spec:
          hosts: [api.partner.example]
          tls:
          - match: [{sniHosts: [api.partner.example]}]
            route:
            - destination: {host: api.partner.example}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-visible',
        file: 'vs.yaml',
        line: 9,
        hasFix: true,
        messageId: 'notExported',
        data: {
          hostRole: 'destination host',
          host: 'api.partner.example',
          definitions: 'ServiceEntry partner/partner (se.yaml), exportTo: ["."]',
          namespace: 'shop',
        },
      },
    ],
    fixed: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: partner, namespace: partner}
      spec:
        hosts: [api.partner.example]
        exportTo: [".", shop]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 443, name: tls, protocol: TLS}]
    `,
    },
  },
  {
    name: 'a Service hidden by its exportTo annotation: the fix extends the annotation',
    files: {
      'svc.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: payments
          namespace: billing
          annotations:
            networking.istio.io/exportTo: "."
        spec:
          ports: [{name: http, port: 80}]
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: pay, namespace: shop}
        spec:
          hosts: [pay.shop.svc.cluster.local]
          http:
          - route:
            - destination: {host: payments.billing.svc.cluster.local}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-visible',
        file: 'vs.yaml',
        line: 8,
        hasFix: true,
        messageId: 'notExported',
        data: { host: 'payments.billing.svc.cluster.local', namespace: 'shop' },
      },
    ],
    fixed: {
      'svc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: payments
        namespace: billing
        annotations:
          networking.istio.io/exportTo: ".,shop"
      spec:
        ports: [{name: http, port: 80}]
    `,
    },
  },
  {
    name: "a VirtualService exported only to the host's namespace is judged from there",
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: partner, namespace: partner}
        spec: {hosts: [api.partner.example], exportTo: ["."], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: partner, namespace: routing}
        spec:
          hosts: [api.partner.example]
          exportTo: [partner]
          tls:
          - match: [{sniHosts: [api.partner.example]}]
            route:
            - destination: {host: api.partner.example}
      `,
    },
    expect: [],
  },
  {
    name: 'a host hidden only by the mesh default exportTo has no fix',
    mesh: { defaultServiceExportTo: ['.'] },
    files: {
      'svc.yaml': ratingsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: r, namespace: shop}
        spec:
          hosts: [r.shop.svc.cluster.local]
          http:
          - route:
            - destination: {host: ratings.books.svc.cluster.local}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-visible',
        file: 'vs.yaml',
        line: 8,
        hasFix: false,
        messageId: 'notExported',
        data: { definitions: 'Service books/ratings (svc.yaml), exportTo from the mesh default: [books]' },
      },
    ],
  },
  {
    name: 'a Sidecar egress that leaves the host out',
    files: {
      'svc.yaml': ratingsSvc,
      'sidecar.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: shop}
        spec:
          egress:
          - hosts: ["./*", "istio-system/*"]
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: r, namespace: shop}
        spec:
          hosts: [r.shop.svc.cluster.local]
          http:
          - route:
            - destination: {host: ratings.books.svc.cluster.local}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-host-not-visible',
        file: 'vs.yaml',
        line: 8,
        messageId: 'sidecarOmits',
        data: {
          hostRole: 'destination host',
          host: 'ratings.books.svc.cluster.local',
          namespace: 'shop',
          sidecar: 'shop/default',
          hostNamespace: 'books',
        },
      },
    ],
  },
  {
    name: 'manifests that lie do not crash the rules',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: odd, namespace: books}
      spec: {hosts: 5, http: [null, {route: [null, {destination: 7}]}], tcp: "x"}
    `,
    },
    expect: [],
  },
]);

ruleTable(rules('vs-destination-port-required', 'vs-destination-port-not-found'), [
  {
    name: 'a port is given for a multi-port host; no port needed for a single-port host',
    files: {
      'svc.yaml': reviewsSvc + '---\n' + ratingsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: r, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, port: {number: 9080}}
            - destination: {host: ratings}
      `,
    },
    expect: [],
  },
  {
    name: 'no port for a multi-port host',
    files: {
      'svc.yaml': reviewsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: r, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination:
                host: reviews
      `,
    },
    expect: [
      {
        rule: 'vs-destination-port-required',
        file: 'vs.yaml',
        line: 9,
        messageId: 'portRequired',
        data: { hostRole: 'destination host', host: 'reviews', ports: '9080, 9090' },
      },
    ],
  },
  {
    name: 'no port for a multi-port host, at a gateway',
    files: {
      'svc.yaml': reviewsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: r, namespace: books}
        spec:
          hosts: [reviews.example.com]
          gateways: [istio-system/public]
          http:
          - route:
            - destination:
                host: reviews
      `,
    },
    expect: [
      {
        rule: 'vs-destination-port-required',
        file: 'vs.yaml',
        line: 10,
        messageId: 'portRequiredAtGateway',
        data: { host: 'reviews', ports: '9080, 9090' },
      },
    ],
  },
  {
    name: 'a targetPort instead of the service port: fixed when the host has one port',
    files: {
      'svc.yaml': ratingsSvc,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: r, namespace: books}
        spec:
          hosts: [ratings]
          http:
          - route:
            - destination:
                host: ratings
                port: {number: 8080}
      `,
    },
    expect: [
      {
        rule: 'vs-destination-port-not-found',
        file: 'vs.yaml',
        line: 9,
        hasFix: true,
        messageId: 'portNotFound',
        data: { hostRole: 'destination host', host: 'ratings', port: 8080, ports: '9080' },
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r, namespace: books}
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination:
              host: ratings
              port: {number: 9080}
    `,
    },
  },
]);

const reviewsDr = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: reviews, namespace: books}
  spec:
    host: reviews
    subsets:
    - {name: v1, labels: {version: v1}}
    - {name: v2, labels: {version: v2}}
`;

ruleTable(rules('vs-subset-not-found', 'vs-subset-without-destination-rule'), [
  {
    name: 'subsets defined by the DestinationRule, by short name or FQDN',
    files: {
      'dr.yaml': reviewsDr,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v1}
            - destination: {host: reviews.books.svc.cluster.local, subset: v2}
      `,
    },
    expect: [],
  },
  {
    name: 'a subset typo is fixed to the defined name',
    files: {
      'dr.yaml': reviewsDr,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination:
                host: reviews
                subset: v3
      `,
    },
    expect: [
      {
        rule: 'vs-subset-not-found',
        file: 'vs.yaml',
        line: 9,
        hasFix: true,
        messageId: 'subsetNotFoundDidYouMean',
        data: { host: 'reviews', subset: 'v3', destinationRule: 'books/reviews', subsets: '"v1", "v2"', guess: 'v1' },
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: books}
      spec:
        hosts: [reviews]
        http:
        - route:
          - destination:
              host: reviews
              subset: v1
    `,
    },
  },
  {
    name: 'a subset of a host whose DestinationRule defines none',
    files: {
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: books}
        spec:
          host: reviews
          trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v1}
      `,
    },
    expect: [
      {
        rule: 'vs-subset-not-found',
        file: 'vs.yaml',
        line: 8,
        hasFix: false,
        messageId: 'subsetNotFound',
        data: { destinationRule: 'books/reviews', subsets: 'no subsets' },
      },
    ],
  },
  {
    name: 'subsets missing from every one of two DestinationRules for the host: a typo is fixed, another name is not',
    files: {
      'dr.yaml':
        reviewsDr +
        '---\n' +
        yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews-canary, namespace: books}
        spec:
          host: reviews.books.svc.cluster.local
          subsets:
          - {name: canary, labels: {track: canary}}
      `,
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: books}
        spec:
          hosts: [reviews]
          http:
          - route:
            - destination: {host: reviews, subset: v3}
              weight: 90
            - destination: {host: reviews, subset: stable}
              weight: 10
      `,
    },
    expect: [
      {
        rule: 'vs-subset-not-found',
        file: 'vs.yaml',
        line: 8,
        hasFix: true,
        messageId: 'subsetNotFoundInRulesDidYouMean',
        data: { destinationRules: 'books/reviews, books/reviews-canary', subsets: '"v1", "v2", "canary"', guess: 'v1' },
      },
      {
        rule: 'vs-subset-not-found',
        file: 'vs.yaml',
        line: 10,
        hasFix: false,
        messageId: 'subsetNotFoundInRules',
        data: { subset: 'stable' },
      },
    ],
  },
  {
    name: "a mirror subset of a host without DestinationRule, where the repository keeps the namespace's DestinationRules",
    files: {
      'dr.yaml': reviewsDr,
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: books}
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination: {host: ratings}
          mirror:
            host: ratings
            subset: canary
    `,
    },
    expect: [
      {
        rule: 'vs-subset-without-destination-rule',
        file: 'vs.yaml',
        line: 10,
        messageId: 'noDestinationRule',
        data: { hostRole: 'mirror host', host: 'ratings', subset: 'canary' },
      },
    ],
  },
  {
    name: 'a subset when the repository has no DestinationRule at all is still a warning (istioctl IST0101)',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: books}
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination: {host: ratings, subset: v1}
    `,
    },
    expect: [
      {
        rule: 'vs-subset-without-destination-rule',
        line: 8,
        messageId: 'noDestinationRule',
        data: { hostRole: 'destination host', subset: 'v1' },
      },
    ],
  },
  {
    name: 'a host whose DestinationRules are declared external in the config file is not judged',
    config: 'external:\n  destinationRules: ["*.books.svc.cluster.local"]\n',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings, namespace: books}
      spec:
        hosts: [ratings]
        http:
        - route:
          - destination: {host: ratings, subset: v1}
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('vs-ingress-route-ignores-subsets'), [
  {
    name: 'gateway route without subset while the mesh VirtualService splits by subset',
    files: {
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings, namespace: books}
        spec:
          hosts: [ratings]
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
            - destination:
                host: ratings
      `,
    },
    expect: [
      {
        rule: 'vs-ingress-route-ignores-subsets',
        file: 'vs.yaml',
        line: 19,
        name: 'public',
        messageId: 'gatewayIgnoresSplit',
        data: { splitter: 'books/ratings', host: 'ratings' },
      },
    ],
  },
  {
    name: 'gateway route that names the subset',
    files: {
      'vs.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: ratings, namespace: books}
        spec:
          hosts: [ratings]
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
            - destination: {host: ratings, subset: v1}
      `,
    },
    expect: [],
  },
]);
