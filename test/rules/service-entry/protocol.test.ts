import { ruleTable, yaml, rule } from '../../helpers/harness.js';

const http443 = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: stripe, namespace: payments}
  spec:
    hosts: [api.stripe.com]
    location: MESH_EXTERNAL
    resolution: DNS
    ports:
    - number: 443
      name: https
      protocol: HTTP # should be HTTPS
`;

const originationDr = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: stripe, namespace: payments}
  spec:
    host: api.stripe.com
    trafficPolicy:
      portLevelSettings:
      - port: {number: 443}
        tls: {mode: SIMPLE}
`;

ruleTable(rule('se-tls-port-declared-http'), [
  {
    name: 'HTTPS on 443 is fine',
    files: { 'se.yaml': http443.replace('protocol: HTTP #', 'protocol: HTTPS #') },
    expect: [],
  },
  {
    name: 'the older origination pattern: HTTP on 443 with a DestinationRule originating TLS there',
    files: { 'se.yaml': http443, 'dr.yaml': originationDr },
    expect: [],
  },
  {
    name: 'port 443 named http and forwarded to a plain backend port is deliberate',
    files: {
      'se.yaml': http443
        .replace('name: https', 'name: http')
        .replace('protocol: HTTP #', 'targetPort: 8080\n    protocol: HTTP #'),
    },
    expect: [],
  },
  {
    name: 'mesh workloads picked by a selector may serve plain HTTP on 443 (name http)',
    files: {
      'se.yaml': http443
        .replace('name: https', 'name: http-api')
        .replace('location: MESH_EXTERNAL', 'location: MESH_INTERNAL')
        .replace('resolution: DNS', 'resolution: STATIC\n  workloadSelector: {labels: {app: api}}'),
    },
    expect: [],
  },
  {
    name: 'HTTP on 443 named https: fixed to HTTPS',
    files: { 'se.yaml': http443 },
    expect: [
      {
        rule: 'se-tls-port-declared-http',
        line: 11,
        messageId: 'tlsPortDeclaredHttp',
        data: { port: '443 ("https")', protocol: '"HTTP"', tlsProtocol: 'HTTPS' },
        hasFix: true,
      },
    ],
    fixed: { 'se.yaml': http443.replace('protocol: HTTP #', 'protocol: HTTPS #') },
  },
  {
    name: 'a port named tls… declared GRPC: fixed to TLS',
    files: {
      'se.yaml': http443
        .replace('number: 443', 'number: 8443')
        .replace('name: https', 'name: tls-api')
        .replace('protocol: HTTP #', 'protocol: GRPC #'),
    },
    expect: [
      {
        rule: 'se-tls-port-declared-http',
        line: 11,
        messageId: 'tlsPortDeclaredHttp',
        data: { port: '8443 ("tls-api")', protocol: '"GRPC"', tlsProtocol: 'TLS' },
        hasFix: true,
      },
    ],
    fixed: {
      'se.yaml': http443
        .replace('number: 443', 'number: 8443')
        .replace('name: https', 'name: tls-api')
        .replace('protocol: HTTP #', 'protocol: TLS #'),
    },
  },
  {
    name: 'port 443 with another name: fixed to HTTPS',
    files: { 'se.yaml': http443.replace('name: https', 'name: web') },
    expect: [{ rule: 'se-tls-port-declared-http', line: 11 }],
    fixed: { 'se.yaml': http443.replace('name: https', 'name: web').replace('protocol: HTTP #', 'protocol: HTTPS #') },
  },
  {
    name: 'no fix while another entry declares the same host and port (the change would make them conflict)',
    files: {
      'se.yaml': http443,
      'other.yaml': http443.replace('name: stripe, namespace: payments', 'name: stripe-billing, namespace: billing'),
    },
    expect: [
      { rule: 'se-tls-port-declared-http', file: 'se.yaml', line: 11, hasFix: false },
      { rule: 'se-tls-port-declared-http', file: 'other.yaml', line: 11, hasFix: false },
    ],
  },
  {
    name: 'a DestinationRule in another namespace that does not apply does not excuse it',
    files: {
      'se.yaml': http443.replace('  location:', '  exportTo: ["."]\n  location:'),
      'dr.yaml': originationDr.replace('namespace: payments', 'namespace: other'),
    },
    expect: [{ rule: 'se-tls-port-declared-http', file: 'se.yaml', line: 12 }],
  },
]);

ruleTable(rule('se-port-name-protocol-mismatch'), [
  {
    name: 'matching name and protocol',
    files: { 'se.yaml': http443.replace('protocol: HTTP #', 'protocol: HTTPS #') },
    expect: [],
  },
  {
    name: 'grpc-web under a grpc name',
    files: {
      'se.yaml': http443
        .replace('number: 443', 'number: 8080')
        .replace('name: https', 'name: grpc-web')
        .replace('protocol: HTTP #', 'protocol: GRPC-Web #'),
    },
    expect: [],
  },
  {
    name: 'a tls name on an HTTPS port (both are SNI passthrough)',
    files: { 'se.yaml': http443.replace('name: https', 'name: tls').replace('protocol: HTTP #', 'protocol: HTTPS #') },
    expect: [],
  },
  {
    name: 'a tcp- name on an HTTP port',
    files: { 'se.yaml': http443.replace('number: 443', 'number: 8080').replace('name: https', 'name: tcp-api') },
    expect: [
      {
        rule: 'se-port-name-protocol-mismatch',
        line: 10,
        messageId: 'portNameProtocolMismatch',
        data: { name: '"tcp-api"', nameProtocol: 'TCP', protocol: '"HTTP"' },
      },
    ],
  },
  {
    name: 'a https name declared HTTP is left to se-tls-port-declared-http',
    files: { 'se.yaml': http443 },
    expect: [],
  },
]);

const tcpNoAddress = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: postgres, namespace: data}
  spec:
    hosts: [pg.example.com]
    resolution: DNS
    ports:
    - number: 5432
      name: tcp-postgres
      protocol: tcp
    - number: 6379
      name: redis
      protocol: REDIS
    - number: 9000
      name: raw
`;

ruleTable(rule('se-addresses-required'), [
  {
    name: 'TCP with addresses is fine',
    files: { 'se.yaml': tcpNoAddress.replace('  resolution: DNS', '  addresses: [10.9.0.5]\n  resolution: DNS') },
    expect: [],
  },
  {
    name: 'TCP, REDIS (plain TCP to the proxy) and protocol-less ports without addresses, anchored at the port name',
    files: { 'se.yaml': tcpNoAddress },
    expect: [
      {
        rule: 'se-addresses-required',
        line: 9,
        messageId: 'tcpPort',
        data: { port: '5432 ("tcp-postgres")', hosts: '"pg.example.com"', number: 5432 },
      },
      {
        rule: 'se-addresses-required',
        line: 12,
        messageId: 'tcpFamilyPort',
        data: { port: '6379 ("redis")', protocol: '"REDIS"' },
      },
      { rule: 'se-addresses-required', line: 15, messageId: 'unsetProtocolPort', data: { port: '9000 ("raw")' } },
    ],
  },
  {
    name: 'silent when the mesh captures DNS and auto-allocates addresses',
    mesh: {
      defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
    },
    files: { 'se.yaml': tcpNoAddress },
    expect: [],
  },
  {
    name: 'DNS capture alone is not enough',
    mesh: { defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true' } } },
    files: { 'se.yaml': tcpNoAddress },
    expect: [
      { rule: 'se-addresses-required', line: 9 },
      { rule: 'se-addresses-required', line: 12 },
      { rule: 'se-addresses-required', line: 15 },
    ],
  },
  {
    name: 'silent when status.addresses was allocated',
    files: { 'se.yaml': tcpNoAddress + 'status:\n  addresses:\n  - {host: pg.example.com, value: 240.240.0.3}\n' },
    expect: [],
  },
]);

ruleTable(rule('se-multiple-hosts-non-http-port'), [
  {
    name: 'several hosts on an HTTPS port are fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: google}
      spec:
        hosts: [www.google.com, maps.google.com]
        resolution: DNS
        ports: [{number: 443, name: https, protocol: HTTPS}]
    `,
    },
    expect: [],
  },
  {
    name: 'several hosts with resolution NONE are fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: dbs}
      spec:
        hosts: [db1.example.com, db2.example.com]
        addresses: [10.1.0.0/24]
        ports: [{number: 5432, name: tcp, protocol: TCP}]
    `,
    },
    expect: [],
  },
  {
    name: 'several hosts with DNS and a TCP port',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: dbs}
      spec:
        hosts: [db1.example.com, db2.example.com]
        resolution: DNS
        ports:
        - number: 5432
          name: tcp
          protocol: TCP
        - {number: 443, name: https, protocol: HTTPS}
    `,
    },
    expect: [
      {
        rule: 'se-multiple-hosts-non-http-port',
        line: 10,
        messageId: 'multipleHostsNonHttpPort',
        data: { hostCount: 2, resolution: 'DNS', port: '5432 ("tcp")', protocol: '"TCP"' },
      },
    ],
  },
]);
