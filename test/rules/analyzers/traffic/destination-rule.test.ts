import { ruleTable, yaml, rules } from '../../../helpers/harness.js';

const ratings = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ratings, namespace: books}
  spec:
    selector: {app: ratings}
    ports: [{name: http, port: 9080}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ratings-v1, namespace: books, labels: {app: ratings}}
  spec:
    selector: {matchLabels: {app: ratings, version: v1}}
    template:
      metadata: {labels: {app: ratings, version: v1}}
      spec: {containers: [{name: ratings, image: ratings:1}]}
`;

ruleTable(rules('dr-host-not-found', 'dr-host-not-visible'), [
  {
    name: 'short-name, FQDN and wildcard hosts that resolve',
    files: {
      'app.yaml': ratings,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ratings, namespace: books}
      spec: {host: ratings}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ratings-fq, namespace: istio-system}
      spec: {host: ratings.books.svc.cluster.local}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: all, namespace: istio-system}
      spec: {host: "*.local", trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
    `,
    },
    expect: [],
  },
  {
    name: 'a host typo in a namespace the repository manages',
    files: {
      'app.yaml': ratings,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ratings, namespace: books}
      spec:
        host: ratting
    `,
    },
    expect: [
      {
        rule: 'dr-host-not-found',
        file: 'dr.yaml',
        line: 5,
        messageId: 'shortHostNotFound',
        data: { host: 'ratting', fullName: 'ratting.books.svc.cluster.local' },
      },
    ],
  },
  {
    name: 'a short host that a ServiceEntry declares literally: the message names the entry as the cause',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: payments, namespace: shop}
      spec: {hosts: [payments], location: MESH_INTERNAL, resolution: DNS, ports: [{number: 8080, name: http, protocol: HTTP}]}
    `,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: payments, namespace: shop}
      spec:
        host: payments
    `,
    },
    expect: [
      {
        rule: 'dr-host-not-found',
        file: 'dr.yaml',
        line: 5,
        messageId: 'shortHostIsLiteralServiceEntry',
        data: { host: 'payments', fullName: 'payments.shop.svc.cluster.local', entry: 'shop/payments' },
      },
    ],
  },
  {
    name: 'a host of a namespace the repository does not define is still reported, as istioctl does',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: payments, namespace: shop}
      spec:
        host: payments.billing.svc.cluster.local
    `,
    },
    expect: [
      {
        rule: 'dr-host-not-found',
        line: 5,
        messageId: 'hostNotFound',
        data: { namespace: 'shop', name: 'payments', host: 'payments.billing.svc.cluster.local' },
      },
    ],
  },
  {
    name: 'a namespace declared external in the config file silences it',
    config: 'external:\n  namespaces: [billing]\n',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: payments, namespace: shop}
      spec: {host: payments.billing.svc.cluster.local}
    `,
    },
    expect: [],
  },
  {
    name: 'a root-namespace DestinationRule for a host other namespaces cannot see is the fallback for its own namespace',
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: partner, namespace: partner}
        spec: {hosts: [api.partner.example], exportTo: ["."], resolution: DNS, ports: [{number: 443, name: tls, protocol: TLS}]}
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: partner, namespace: istio-system}
        spec: {host: api.partner.example, trafficPolicy: {tls: {mode: SIMPLE}}}
      `,
    },
    expect: [],
  },
  {
    name: 'a host hidden by exportTo: error, fixed on the ServiceEntry',
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: partner, namespace: partner}
        spec:
          hosts: [api.partner.example]
          exportTo:
          - "."
          resolution: DNS
          ports: [{number: 443, name: tls, protocol: TLS}]
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: partner, namespace: shop}
        spec:
          host: api.partner.example
      `,
    },
    expect: [
      {
        rule: 'dr-host-not-visible',
        file: 'dr.yaml',
        line: 5,
        hasFix: true,
        messageId: 'hostNotVisible',
        data: {
          host: 'api.partner.example',
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
      spec:
        hosts: [api.partner.example]
        exportTo:
        - "."
        - shop
        resolution: DNS
        ports: [{number: 443, name: tls, protocol: TLS}]
    `,
    },
  },
]);

ruleTable(rules('dr-subset-no-workload', 'dr-subset-no-workload-unrouted'), [
  {
    name: 'subsets matching pod template labels of a Deployment',
    files: {
      'app.yaml': ratings,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ratings, namespace: books}
      spec:
        host: ratings
        subsets:
        - {name: v1, labels: {version: v1}}
        - {name: west, labels: {version: v1, topology.kubernetes.io/region: us-west-1}}
    `,
    },
    expect: [],
  },
  {
    name: 'a subset selecting labels only the Deployment object has (not its pods)',
    files: {
      'app.yaml': ratings,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: ratings, namespace: books}
      spec:
        host: ratings
        subsets:
        - name: v2
          labels:
            version: v2
    `,
    },
    expect: [
      {
        rule: 'dr-subset-no-workload-unrouted',
        file: 'dr.yaml',
        line: 8,
        messageId: 'unroutedSubsetNoWorkload',
        data: { subset: 'v2', selector: 'version=v2' },
      },
    ],
  },
  {
    name: 'Pods on a Node: topology labels come from the Node; an empty value matches nothing',
    files: {
      'pods.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: web}
      spec: {selector: {app: web}, ports: [{name: http, port: 80}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web-1, namespace: web, labels: {app: web}}
      spec: {nodeName: n1, containers: [{name: web, image: web}]}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: n1, labels: {topology.kubernetes.io/zone: z1}}
    `,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: web, namespace: web}
      spec:
        host: web
        subsets:
        - {name: z1, labels: {topology.kubernetes.io/zone: z1}}
        - {name: z2, labels: {topology.kubernetes.io/zone: z2}}
        - {name: empty, labels: {topology.kubernetes.io/zone: ""}}
    `,
    },
    expect: [
      {
        rule: 'dr-subset-no-workload-unrouted',
        file: 'dr.yaml',
        line: 8,
        messageId: 'unroutedSubsetNoWorkload',
        data: { subset: 'z2' },
      },
      {
        rule: 'dr-subset-no-workload-unrouted',
        file: 'dr.yaml',
        line: 9,
        messageId: 'unroutedSubsetNoWorkload',
        data: { subset: 'empty' },
      },
    ],
  },
  {
    name: 'a ServiceEntry workloadSelector joins the subset labels; WorkloadEntries are workloads',
    files: {
      'vm.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: legacy, namespace: vms}
      spec:
        hosts: [legacy.internal]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 80, name: http, protocol: HTTP}]
        workloadSelector: {labels: {app: legacy}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: vms}
      spec: {address: 10.0.0.5, labels: {app: legacy, version: v1}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: other, namespace: vms}
      spec: {address: 10.0.0.6, labels: {app: other, version: v2}}
    `,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: legacy, namespace: vms}
      spec:
        host: legacy.internal
        subsets:
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
    `,
    },
    expect: [
      {
        rule: 'dr-subset-no-workload-unrouted',
        file: 'dr.yaml',
        line: 8,
        messageId: 'unroutedSubsetNoWorkload',
        data: { subset: 'v2', selector: 'app=legacy,version=v2' },
      },
    ],
  },
  {
    name: 'a Service whose workloads are nowhere in the repository: its subsets select nothing',
    files: {
      'svc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: web}
      spec: {selector: {app: web}, ports: [{name: http, port: 80}]}
    `,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: web, namespace: web}
      spec:
        host: web
        subsets:
        - name: v1
          labels: {version: v1}
    `,
    },
    expect: [
      {
        rule: 'dr-subset-no-workload-unrouted',
        file: 'dr.yaml',
        line: 8,
        messageId: 'unroutedSubsetNoWorkload',
        data: { subset: 'v1', selector: 'version=v1' },
      },
    ],
  },
  {
    name: 'subsets selecting ServiceEntry endpoint labels, and workloads declared in the config file',
    config: 'external:\n  workloads:\n  - {namespace: web, labels: {app: web, version: v1}}\n',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: db, namespace: data}
      spec:
        hosts: [db.internal.example]
        resolution: STATIC
        ports: [{number: 5432, name: tcp, protocol: TCP}]
        endpoints:
        - {address: 10.0.0.1, labels: {role: primary}}
        - {address: 10.0.0.2, labels: {role: replica}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: web}
      spec: {selector: {app: web}, ports: [{name: http, port: 80}]}
    `,
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: db, namespace: data}
      spec:
        host: db.internal.example
        subsets: [{name: primary, labels: {role: primary}}, {name: replica, labels: {role: replica}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: web, namespace: web}
      spec:
        host: web
        subsets: [{name: v1, labels: {version: v1}}]
    `,
    },
    expect: [],
  },
]);
