import { ruleTable, yaml, rule } from '../../helpers/harness.js';

const staticNoEndpoints = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: payments
    namespace: shop
  spec:
    hosts:
    - api.payments.example.com
    location: MESH_EXTERNAL
    ports:
    - number: 443
      name: https
      protocol: HTTPS
    resolution: STATIC # no endpoints
`;

ruleTable(rule('se-static-without-endpoints'), [
  {
    name: 'STATIC with endpoints is fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: db, namespace: shop}
      spec:
        hosts: [db.internal.example.com]
        addresses: [10.20.0.0/16]
        ports: [{number: 5432, name: tcp-postgres, protocol: TCP}]
        resolution: STATIC
        endpoints:
        - address: 10.20.1.7
    `,
    },
    expect: [],
  },
  {
    name: 'STATIC with a workloadSelector matching a Deployment is fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: legacy, namespace: shop}
      spec:
        hosts: [legacy.shop.internal]
        location: MESH_INTERNAL
        ports: [{number: 8080, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector:
          labels: {app: legacy}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: legacy, namespace: shop}
      spec:
        selector: {matchLabels: {app: legacy}}
        template:
          metadata: {labels: {app: legacy}}
          spec: {containers: [{name: app, image: legacy:1}]}
    `,
    },
    expect: [],
  },
  {
    name: 'STATIC with nothing, concrete hosts: fixed to DNS',
    files: { 'se.yaml': staticNoEndpoints },
    expect: [
      {
        rule: 'se-static-without-endpoints',
        line: 14,
        messageId: 'noEndpointsUseDns',
        data: { hosts: '"api.payments.example.com"' },
        hasFix: true,
      },
    ],
    fixed: { 'se.yaml': staticNoEndpoints.replace('resolution: STATIC #', 'resolution: DNS #') },
  },
  {
    name: 'STATIC with a wildcard host gets no DNS fix',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: wild}
      spec:
        hosts: ["*.example.com"]
        ports: [{number: 443, name: https, protocol: HTTPS}]
        resolution: STATIC
    `,
    },
    expect: [
      {
        rule: 'se-static-without-endpoints',
        line: 7,
        messageId: 'noEndpoints',
        data: { hosts: '"*.example.com"' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'STATIC with a CIDR address gets no DNS fix',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: net}
      spec:
        hosts: [net.example.com]
        addresses: [192.168.0.0/24]
        ports: [{number: 443, name: https, protocol: HTTPS}]
        resolution: STATIC
    `,
    },
    expect: [{ rule: 'se-static-without-endpoints', line: 8, messageId: 'noEndpoints', hasFix: false }],
  },
]);

ruleTable(rule('se-selector-matches-nothing'), [
  {
    name: 'a selector matching a WorkloadEntry of the namespace is fine',
    files: {
      'vm.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vm-api, namespace: legacy}
      spec:
        hosts: [vm-api.legacy.internal]
        location: MESH_INTERNAL
        ports: [{number: 8080, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector: {labels: {app: vm-api}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: legacy}
      spec: {address: 10.0.0.12, labels: {app: vm-api}}
    `,
    },
    expect: [],
  },
  {
    name: 'workloads declared in the config file count',
    config: yaml`
      external:
        workloads:
        - namespace: legacy
          labels: {app: vm-api}
    `,
    files: {
      'vm.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vm-api, namespace: legacy}
      spec:
        hosts: [vm-api.legacy.internal]
        location: MESH_INTERNAL
        ports: [{number: 8080, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector: {labels: {app: vm-api}}
    `,
    },
    expect: [],
  },
  {
    name: 'a selector matching only a workload of another namespace',
    files: {
      'vm.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vm-api, namespace: legacy}
      spec:
        hosts: [vm-api.legacy.internal]
        location: MESH_INTERNAL
        ports: [{number: 8080, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector:
          labels:
            app: vm-api
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: other}
      spec: {address: 10.0.0.12, labels: {app: vm-api}}
    `,
    },
    expect: [
      {
        rule: 'se-selector-matches-nothing',
        line: 10,
        messageId: 'selectorMatchesNothing',
        data: { selector: '{app=vm-api}', namespace: 'legacy' },
      },
    ],
  },
]);

ruleTable(rule('se-selector-on-mesh-external'), [
  {
    name: 'MESH_INTERNAL with a selector is fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vm, namespace: legacy}
      spec:
        hosts: [vm.legacy.internal]
        location: MESH_INTERNAL
        ports: [{number: 80, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector: {labels: {app: vm}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: legacy}
      spec: {address: 10.0.0.12, labels: {app: vm}}
    `,
    },
    expect: [],
  },
  {
    name: 'location left to its MESH_EXTERNAL default',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vm, namespace: legacy}
      spec:
        hosts: [vm.legacy.internal]
        ports: [{number: 80, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector: {labels: {app: vm}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: legacy}
      spec: {address: 10.0.0.12, labels: {app: vm}}
    `,
    },
    expect: [
      {
        rule: 'se-selector-on-mesh-external',
        line: 8,
        messageId: 'selectorOnMeshExternal',
        data: { defaultNote: ' (the default, as "location" is not set)' },
      },
    ],
  },
  {
    name: 'location MESH_EXTERNAL written out',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: vm, namespace: legacy}
      spec:
        hosts: [vm.legacy.internal]
        location: MESH_EXTERNAL
        ports: [{number: 80, name: http, protocol: HTTP}]
        resolution: STATIC
        workloadSelector: {labels: {app: vm}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: legacy}
      spec: {address: 10.0.0.12, labels: {app: vm}}
    `,
    },
    expect: [
      { rule: 'se-selector-on-mesh-external', line: 6, messageId: 'selectorOnMeshExternal', data: { defaultNote: '' } },
    ],
  },
]);

const dnsWildcard = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: googleapis}
  spec:
    hosts: ["*.googleapis.com"]
    ports: [{number: 443, name: tls, protocol: TLS}]
    resolution: DNS
`;

ruleTable(rule('se-dns-wildcard-host'), [
  {
    name: 'a wildcard NONE passthrough entry is fine',
    files: { 'se.yaml': dnsWildcard.replace('resolution: DNS', 'resolution: NONE') },
    expect: [],
  },
  {
    name: 'DNS with a wildcard host and an endpoint is accepted',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: googleapis}
      spec:
        hosts: ["*.googleapis.com"]
        ports: [{number: 443, name: tls, protocol: TLS}]
        resolution: DNS
        endpoints: [{address: private.googleapis.com}]
    `,
    },
    expect: [],
  },
  {
    name: 'DNS with a wildcard host: fixed to NONE',
    files: { 'se.yaml': dnsWildcard },
    expect: [
      {
        rule: 'se-dns-wildcard-host',
        line: 7,
        messageId: 'dnsWildcardHost',
        data: { resolution: 'DNS', hosts: '"*.googleapis.com"' },
        hasFix: true,
      },
    ],
    fixed: { 'se.yaml': dnsWildcard.replace('resolution: DNS', 'resolution: NONE') },
  },
  {
    name: 'no NONE fix where NONE would lose an auto-allocated address for a TCP port',
    mesh: {
      defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
    },
    files: {
      'se.yaml': dnsWildcard.replace(
        '{number: 443, name: tls, protocol: TLS}',
        '{number: 5432, name: tcp, protocol: TCP}',
      ),
    },
    expect: [{ rule: 'se-dns-wildcard-host', line: 7, hasFix: false }],
  },
  {
    name: 'a mix of wildcard and concrete hosts gets no fix',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: mixed}
      spec:
        hosts: ["*.googleapis.com", storage.example.com]
        ports: [{number: 443, name: tls, protocol: TLS}]
        resolution: DNS_ROUND_ROBIN
    `,
    },
    expect: [
      {
        rule: 'se-dns-wildcard-host',
        line: 7,
        messageId: 'dnsWildcardHost',
        data: { resolution: 'DNS_ROUND_ROBIN', hosts: '"*.googleapis.com"' },
        hasFix: false,
      },
    ],
  },
]);

const noneIpEndpoints = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: ext}
  spec:
    hosts: [ext.example.com]
    ports: [{number: 443, name: https, protocol: HTTPS}]
    endpoints:
    - address: 203.0.113.10
`;

const noneNameEndpoints = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: ext}
  spec:
    hosts: [ext.example.com]
    ports: [{number: 443, name: https, protocol: HTTPS}]
    resolution: NONE
    endpoints: [{address: ext-eu.example.net}, {address: ext-us.example.net}]
`;

ruleTable(rule('se-none-with-endpoints'), [
  {
    name: 'NONE without endpoints is fine',
    files: { 'se.yaml': dnsWildcard.replace('resolution: DNS', 'resolution: NONE') },
    expect: [],
  },
  {
    name: 'IP endpoints under the default NONE resolution: STATIC inserted',
    files: { 'se.yaml': noneIpEndpoints },
    expect: [
      {
        rule: 'se-none-with-endpoints',
        line: 7,
        messageId: 'noneWithEndpoints',
        data: { defaultNote: ' (the default)' },
        hasFix: true,
      },
    ],
    fixed: {
      'se.yaml': noneIpEndpoints.replace(
        '  - address: 203.0.113.10\n',
        '  - address: 203.0.113.10\n  resolution: STATIC\n',
      ),
    },
  },
  {
    name: 'explicit NONE with host-name endpoints: set to DNS',
    files: { 'se.yaml': noneNameEndpoints },
    expect: [
      {
        rule: 'se-none-with-endpoints',
        line: 7,
        messageId: 'noneWithEndpoints',
        data: { defaultNote: '' },
        hasFix: true,
      },
    ],
    fixed: { 'se.yaml': noneNameEndpoints.replace('resolution: NONE', 'resolution: DNS') },
  },
  {
    name: 'a mix of IP and host-name endpoints gets no fix',
    files: { 'se.yaml': noneNameEndpoints.replace('{address: ext-us.example.net}', '{address: 198.51.100.7}') },
    expect: [{ rule: 'se-none-with-endpoints', line: 7, hasFix: false }],
  },
]);
