import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const web = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: web, tier: frontend}}
      spec: {containers: [{name: web, image: web:1}]}
`;

ruleTable(rules('sidecar-selector-no-workload', 'sidecar-conflicting-selectors', 'sidecar-multiple-defaults'), [
  {
    name: 'one default Sidecar and one selecting a Deployment pod template',
    files: {
      'app.yaml': web,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec: {egress: [{hosts: ["./*", "istio-system/*"]}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: web, namespace: shop}
      spec:
        workloadSelector: {labels: {app: web}}
        egress: [{hosts: ["./*"]}]
    `,
    },
    expect: [],
  },
  {
    name: 'a selector matching nothing in its namespace',
    files: {
      'app.yaml': web,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: web, namespace: shop}
      spec:
        workloadSelector:
          labels: {app: website}
    `,
    },
    expect: [
      {
        rule: 'sidecar-selector-no-workload',
        file: 'sidecar.yaml',
        line: 6,
        messageId: 'selectsNoWorkload',
        data: { namespace: 'shop', name: 'web', selector: 'app=website' },
      },
    ],
  },
  {
    name: 'two Sidecars selecting the same workload',
    files: {
      'app.yaml': web,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: by-app, namespace: shop}
      spec:
        workloadSelector:
          labels: {app: web}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: by-tier, namespace: shop}
      spec:
        workloadSelector:
          labels: {tier: frontend}
    `,
    },
    expect: [
      {
        rule: 'sidecar-conflicting-selectors',
        file: 'sidecar.yaml',
        line: 6,
        messageId: 'workloadSelectedTwice',
        data: { kind: 'Deployment', namespace: 'shop', name: 'web', others: '"by-tier"' },
      },
      {
        rule: 'sidecar-conflicting-selectors',
        file: 'sidecar.yaml',
        line: 13,
        messageId: 'workloadSelectedTwice',
        data: { others: '"by-app"' },
      },
    ],
  },
  {
    name: 'two default Sidecars in one namespace',
    files: {
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: a
        namespace: shop
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: b
        namespace: shop
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: c, namespace: other}
    `,
    },
    expect: [
      {
        rule: 'sidecar-multiple-defaults',
        line: 4,
        name: 'a',
        messageId: 'multipleDefaults',
        data: { namespace: 'shop', count: 2, sidecars: '"a", "b"' },
      },
      {
        rule: 'sidecar-multiple-defaults',
        line: 10,
        name: 'b',
        messageId: 'multipleDefaults',
        data: { namespace: 'shop', count: 2, sidecars: '"a", "b"' },
      },
    ],
  },
]);

ruleTable(rule('sidecar-ineffective-in-ambient'), [
  {
    name: 'Sidecars in an ambient namespace and on ambient workloads',
    files: {
      'ns.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: amb, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: amb}
      spec:
        template:
          metadata: {labels: {app: api}}
          spec: {containers: [{name: api, image: api}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata:
        name: default
        namespace: amb
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: api, namespace: amb}
      spec:
        workloadSelector:
          labels: {app: api}
    `,
    },
    expect: [
      {
        rule: 'sidecar-ineffective-in-ambient',
        line: 16,
        name: 'default',
        messageId: 'ambientNamespace',
        data: { namespace: 'amb' },
      },
      {
        rule: 'sidecar-ineffective-in-ambient',
        line: 24,
        name: 'api',
        messageId: 'ambientWorkload',
        data: { kind: 'Deployment', namespace: 'amb', name: 'api' },
      },
    ],
  },
  {
    name: 'a namespace with both ambient and sidecar injection labels uses sidecars',
    files: {
      'ns.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: mixed, labels: {istio.io/dataplane-mode: ambient, istio-injection: enabled}}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: mixed}
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('sidecar-egress-host-not-visible'), [
  {
    name: 'an egress host exported to the Sidecar namespace, and wildcards',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: partner, namespace: partner}
      spec: {hosts: [api.partner.example], exportTo: [".", shop], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}
    `,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec: {egress: [{hosts: ["partner/api.partner.example", "./*", "*/*.example.com"]}]}
    `,
    },
    expect: [],
  },
  {
    name: 'an egress host the defining namespace keeps to itself: fixed in the ServiceEntry file',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: partner, namespace: partner}
      spec: {hosts: [api.partner.example], exportTo: ["."], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}
    `,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        egress:
        - hosts:
          - "./*"
          - "partner/api.partner.example"
    `,
    },
    expect: [
      {
        rule: 'sidecar-egress-host-not-visible',
        file: 'sidecar.yaml',
        line: 8,
        hasFix: true,
        messageId: 'egressHostNotVisible',
        data: {
          egressHost: 'partner/api.partner.example',
          definedBy: 'ServiceEntry partner/partner (se.yaml), exportTo: ["."]',
          namespace: 'shop',
        },
      },
    ],
    fixed: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: partner, namespace: partner}
      spec: {hosts: [api.partner.example], exportTo: [".", shop], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}
    `,
    },
  },
]);

ruleTable(rule('sidecar-egress-host-not-found'), [
  {
    name: 'imports of declared hosts, wildcards, and namespaces the repository does not manage',
    files: {
      'svc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books}
      spec: {ports: [{name: http, port: 9080}]}
    `,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec: {egress: [{hosts: ["books/ratings.books.svc.cluster.local", "books/*", "./*", "istio-system/*", "shared/api.shared.svc.cluster.local"]}]}
    `,
    },
    expect: [],
  },
  {
    name: 'a host typo in a namespace whose services the repository declares',
    files: {
      'svc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books}
      spec: {ports: [{name: http, port: 9080}]}
    `,
      'sidecar.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        egress:
        - hosts:
          - "./*"
          - "books/ratngs.books.svc.cluster.local"
    `,
    },
    expect: [
      {
        rule: 'sidecar-egress-host-not-found',
        file: 'sidecar.yaml',
        line: 8,
        messageId: 'egressHostNotFound',
        data: {
          egressHost: 'books/ratngs.books.svc.cluster.local',
          namespace: 'books',
          host: 'ratngs.books.svc.cluster.local',
        },
      },
    ],
  },
]);
