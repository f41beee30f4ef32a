import { ruleTable, yaml, rule, rules } from '../../helpers/harness.js';

/** A valid DNS entry; `body` lines replace nothing, they are appended to spec. */
function entry(spec: string, meta = ''): string {
  return (
    yaml`
    apiVersion: networking.istio.io/v1
    kind: ServiceEntry
    metadata:
      name: ext
      namespace: shop${meta}
    spec:
  ` + spec
  );
}

const ok = entry(
  yaml`
    hosts: [api.example.com, "*.cdn.example.com"]
    resolution: NONE
    addresses: [10.8.0.0/16]
    ports:
    - {number: 443, name: https, protocol: HTTPS}
    - {number: 8080, name: http-alt, protocol: HTTP, targetPort: 80}
    exportTo: [".", istio-system]
`
    .replace(/^/gm, '  ')
    .replace(/^ {2}$/gm, ''),
);

ruleTable(rules('se-invalid-host', 'se-partial-wildcard-host'), [
  { name: 'DNS names and a subdomain wildcard', files: { 'se.yaml': ok }, expect: [] },
  {
    name: 'no hosts at all is left to the schema rules (one finding per problem)',
    files: { 'se.yaml': entry('  ports: [{number: 443, name: https, protocol: HTTPS}]\n') },
    expect: [],
  },
  {
    name: '"*", an IP and a bad label; a partial wildcard warns',
    files: {
      'se.yaml': entry(
        yaml`
      hosts:
      - "*"
      - 10.1.2.3
      - api_v2.example.com
      - "*foo.example.com"
      - "*-.example.com"
      resolution: NONE
      ports: [{number: 443, name: https, protocol: HTTPS}]
    `
          .replace(/^/gm, '  ')
          .replace(/^ {2}$/gm, ''),
      ),
    },
    expect: [
      { rule: 'se-invalid-host', line: 8, messageId: 'wildcardOnlyHost', data: { host: '"*"' } },
      { rule: 'se-invalid-host', line: 9, messageId: 'numericHost', data: { host: '"10.1.2.3"' } },
      {
        rule: 'se-invalid-host',
        line: 10,
        messageId: 'invalidDnsLabel',
        data: { host: '"api_v2.example.com"', label: '"api_v2"' },
      },
      {
        rule: 'se-partial-wildcard-host',
        line: 11,
        messageId: 'partialWildcard',
        data: {
          host: '"*foo.example.com"',
          suffix: '"foo.example.com"',
          suffixText: 'foo.example.com',
          domain: 'foo.example.com',
        },
      },
      { rule: 'se-invalid-host', line: 12, messageId: 'invalidDnsLabel', data: { label: '"*-"' } },
    ],
  },
  {
    name: 'an empty host and one longer than 255 characters',
    files: {
      'se.yaml': entry(
        `  hosts:\n  - ""\n  - ${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example.com\n  resolution: NONE\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n`,
      ),
    },
    expect: [
      { rule: 'se-invalid-host', line: 8, messageId: 'emptyHost', data: { host: '""' } },
      { rule: 'se-invalid-host', line: 9, messageId: 'hostTooLong' },
    ],
  },
]);

ruleTable(rule('se-invalid-address'), [
  { name: 'IPs and CIDRs', files: { 'se.yaml': ok }, expect: [] },
  {
    name: 'a host name under addresses, and a CIDR with DNS',
    files: {
      'se.yaml': entry(
        yaml`
      hosts: [api.example.com]
      resolution: DNS
      addresses:
      - api.example.com
      - 10.0.0.0/8
      ports: [{number: 443, name: https, protocol: HTTPS}]
    `
          .replace(/^/gm, '  ')
          .replace(/^ {2}$/gm, ''),
      ),
    },
    expect: [
      { rule: 'se-invalid-address', line: 10, messageId: 'notIpOrCidr', data: { address: '"api.example.com"' } },
      {
        rule: 'se-invalid-address',
        line: 11,
        messageId: 'cidrWithResolution',
        data: { address: '"10.0.0.0/8"', resolution: 'DNS' },
      },
    ],
  },
]);

const badPorts = entry(
  yaml`
  hosts: [api.example.com]
  resolution: DNS
  ports:
  - {number: 443, name: https, protocol: HTTPS}
  - {number: 443, name: https2, protocol: HTTPS}
  - {number: 8443, name: https, protocol: HTTPS}
  - {number: 70000, name: big, protocol: HTTP}
  - {number: 8081, name: Big_Port, protocol: HTTP}
  - {number: 8080, protocol: HTTP}
  - {number: 9090, name: web, protocol: HTPP}
  - {number: 9091, name: web2, protocol: HTTP, targetPort: 70000}
`
    .replace(/^/gm, '  ')
    .replace(/^ {2}$/gm, ''),
);

ruleTable(rule('se-invalid-port'), [
  { name: 'valid ports', files: { 'se.yaml': ok }, expect: [] },
  {
    name: 'duplicates, ranges, names and a protocol typo (fixed); a missing name is left to the schema rules',
    files: { 'se.yaml': badPorts },
    expect: [
      { rule: 'se-invalid-port', line: 11, messageId: 'duplicateNumber', data: { number: 443 } },
      { rule: 'se-invalid-port', line: 12, messageId: 'duplicateName', data: { name: '"https"' } },
      { rule: 'se-invalid-port', line: 13, messageId: 'numberOutOfRange', data: { port: '"big"', number: 70000 } },
      { rule: 'se-invalid-port', line: 14, messageId: 'nameNotDnsLabel', data: { name: '"Big_Port"' } },
      {
        rule: 'se-invalid-port',
        line: 16,
        messageId: 'unknownProtocolDidYouMean',
        data: { protocol: '"HTPP"', guess: 'HTTP' },
        hasFix: true,
      },
      { rule: 'se-invalid-port', line: 17, messageId: 'targetPortOutOfRange', data: { targetPort: 70000 } },
    ],
    fixed: { 'se.yaml': badPorts.replace('protocol: HTPP', 'protocol: HTTP') },
  },
  {
    name: 'a protocol nothing like a known one: no guess, no fix',
    files: {
      'se.yaml': entry(
        '  hosts: [api.example.com]\n  resolution: DNS\n  ports:\n  - {number: 443, name: quic, protocol: QUIC}\n',
      ),
    },
    expect: [
      { rule: 'se-invalid-port', line: 10, messageId: 'unknownProtocol', data: { protocol: '"QUIC"' }, hasFix: false },
    ],
  },
]);

ruleTable(rules('se-invalid-workload-selector', 'se-workload-selector-ignored'), [
  {
    name: 'a STATIC internal entry with a selector',
    files: {
      'se.yaml':
        entry(
          yaml`
      hosts: [vm.shop.internal]
      location: MESH_INTERNAL
      resolution: STATIC
      ports: [{number: 80, name: http, protocol: HTTP}]
      workloadSelector: {labels: {app: vm}}
    `
            .replace(/^/gm, '  ')
            .replace(/^ {2}$/gm, ''),
        ) +
        '---\napiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata: {name: vm, namespace: shop}\nspec: {address: 10.0.0.4, labels: {app: vm}}\n',
    },
    expect: [],
  },
  {
    name: 'wildcard label value, selector beside endpoints',
    files: {
      'se.yaml': entry(
        yaml`
      hosts: [vm.shop.internal]
      location: MESH_INTERNAL
      resolution: STATIC
      ports: [{number: 80, name: http, protocol: HTTP}]
      endpoints: [{address: 10.0.0.4}]
      workloadSelector:
        labels:
          app: "*"
    `
          .replace(/^/gm, '  ')
          .replace(/^ {2}$/gm, ''),
      ),
    },
    expect: [
      {
        rule: 'se-invalid-workload-selector',
        line: 14,
        messageId: 'wildcardLabel',
        data: { key: '"app"', value: '"*"' },
      },
      { rule: 'se-invalid-workload-selector', line: 12, messageId: 'selectorWithEndpoints' },
    ],
  },
  {
    name: 'an empty label key',
    files: {
      'se.yaml': entry(
        '  hosts: [vm.shop.internal]\n  location: MESH_INTERNAL\n  resolution: STATIC\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  workloadSelector:\n    labels: {"": vm}\n',
      ),
    },
    expect: [
      { rule: 'se-invalid-workload-selector', line: 12, messageId: 'emptyLabel', data: { key: '""', value: '"vm"' } },
    ],
  },
  {
    // Each file holds its own ServiceEntry (one kind/namespace/name defined twice would be one object).
    name: 'an empty selector, and a selector with resolution NONE',
    files: {
      'a.yaml': entry(
        '  hosts: [vm.shop.internal]\n  location: MESH_INTERNAL\n  resolution: STATIC\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  workloadSelector: {}\n',
      ),
      'b.yaml': entry(
        '  hosts: [vm.shop.internal]\n  location: MESH_INTERNAL\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  workloadSelector: {labels: {app: vm}}\n',
        '-b',
      ),
    },
    expect: [
      { rule: 'se-workload-selector-ignored', file: 'a.yaml', line: 11, messageId: 'noLabels' },
      {
        rule: 'se-workload-selector-ignored',
        file: 'b.yaml',
        line: 10,
        messageId: 'resolutionNone',
        data: { defaultNote: ' (the default)' },
      },
    ],
  },
]);

ruleTable(rule('se-addresses-not-allocated'), [
  {
    name: 'default mesh: IST0134 (se-addresses-required) reports it instead',
    files: { 'se.yaml': entry('  hosts: [db.example.com]\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n') },
    expect: [],
  },
  {
    name: 'auto-allocating mesh: resolution NONE still gets no address',
    mesh: {
      defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
    },
    files: {
      'se.yaml': entry('  hosts: [db.example.com]\n  ports:\n  - name: tcp\n    number: 5432\n    protocol: TCP\n'),
    },
    expect: [
      {
        rule: 'se-addresses-not-allocated',
        line: 9,
        messageId: 'tcpPort',
        data: { port: '5432 ("tcp")', reason: 'for resolution NONE' },
      },
    ],
  },
  {
    name: 'auto-allocating mesh, resolution NONE: a MYSQL port and a protocol-less one get no address either',
    mesh: {
      defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
    },
    files: {
      'se.yaml': entry(
        '  hosts: [db.example.com]\n  ports:\n  - {number: 3306, name: mysql, protocol: MYSQL}\n  - {number: 5432, name: postgres}\n',
      ),
    },
    expect: [
      {
        rule: 'se-addresses-not-allocated',
        line: 9,
        messageId: 'tcpFamilyPort',
        data: { port: '3306 ("mysql")', protocol: '"MYSQL"', reason: 'for resolution NONE' },
      },
      {
        rule: 'se-addresses-not-allocated',
        line: 10,
        messageId: 'unsetProtocolPort',
        data: { port: '5432 ("postgres")', reason: 'for resolution NONE' },
      },
    ],
  },
  {
    name: 'auto-allocating mesh: DNS resolution gets an address',
    mesh: {
      defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
    },
    files: {
      'se.yaml': entry(
        '  hosts: [db.example.com]\n  resolution: DNS\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n',
      ),
    },
    expect: [],
  },
  {
    name: 'auto-allocating mesh: the entry opts out by label',
    mesh: {
      defaultConfig: { proxyMetadata: { ISTIO_META_DNS_CAPTURE: 'true', ISTIO_META_DNS_AUTO_ALLOCATE: 'true' } },
    },
    files: {
      'se.yaml': entry(
        '  hosts: [db.example.com]\n  resolution: DNS\n  ports:\n  - {number: 5432, name: tcp, protocol: TCP}\n',
        '\n      labels: {networking.istio.io/enable-autoallocate-ip: "false"}',
      ),
    },
    expect: [
      {
        rule: 'se-addresses-not-allocated',
        line: 11,
        messageId: 'tcpPort',
        data: { reason: 'because the entry opts out with networking.istio.io/enable-autoallocate-ip: "false"' },
      },
    ],
  },
]);

ruleTable(rule('se-invalid-endpoint'), [
  {
    name: 'IP endpoints for STATIC, names for DNS',
    files: {
      'a.yaml': entry(
        '  hosts: [db.example.com]\n  addresses: [10.0.0.5]\n  resolution: STATIC\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  endpoints:\n  - {address: 10.0.0.5, ports: {tcp: 15432}}\n',
      ),
      'b.yaml': entry(
        '  hosts: [db.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  endpoints:\n  - {address: db-1.example.net}\n  - {address: db-2.example.net}\n',
        '-b',
      ),
    },
    expect: [],
  },
  {
    name: 'a host name for STATIC, an unknown port name, two endpoints for DNS_ROUND_ROBIN',
    files: {
      'a.yaml': entry(
        '  hosts: [db.example.com]\n  addresses: [10.0.0.5]\n  resolution: STATIC\n  ports: [{number: 5432, name: tcp, protocol: TCP}]\n  endpoints:\n  - address: db.example.net\n    ports: {postgres: 5432}\n',
      ),
      'b.yaml': entry(
        '  hosts: [db.example.com]\n  resolution: DNS_ROUND_ROBIN\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  endpoints:\n  - {address: db-1.example.net}\n  - {address: db-2.example.net}\n',
        '-b',
      ),
    },
    expect: [
      {
        rule: 'se-invalid-endpoint',
        file: 'a.yaml',
        line: 12,
        messageId: 'staticNeedsIp',
        data: { address: '"db.example.net"' },
      },
      {
        rule: 'se-invalid-endpoint',
        file: 'a.yaml',
        line: 13,
        messageId: 'unknownPortName',
        data: { name: '"postgres"', portNames: '"tcp"' },
      },
      { rule: 'se-invalid-endpoint', file: 'b.yaml', line: 10, messageId: 'roundRobinEndpoints', data: { count: 2 } },
    ],
  },
  {
    name: 'an endpoint without address, a bad port number, a name that is no DNS name',
    files: {
      'se.yaml': entry(
        '  hosts: [db.example.com]\n  resolution: DNS\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  endpoints:\n  - {labels: {app: db}}\n  - address: db.example.net\n    ports: {https: 0}\n  - {address: db_1.example.net}\n',
      ),
    },
    expect: [
      { rule: 'se-invalid-endpoint', line: 11, messageId: 'noAddress', data: { position: 1 } },
      { rule: 'se-invalid-endpoint', line: 13, messageId: 'portOutOfRange', data: { name: '"https"', number: '"0"' } },
      { rule: 'se-invalid-endpoint', line: 14, messageId: 'invalidAddress', data: { address: '"db_1.example.net"' } },
    ],
  },
  {
    name: 'a unix endpoint with a relative path and ports',
    files: {
      'se.yaml': entry(
        '  hosts: [local.example.com]\n  resolution: STATIC\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  endpoints:\n  - address: unix://run/app.sock\n    ports: {http: 80}\n',
      ),
    },
    expect: [
      {
        rule: 'se-invalid-endpoint',
        line: 11,
        messageId: 'unixPathNotAbsolute',
        data: { address: '"unix://run/app.sock"' },
      },
      { rule: 'se-invalid-endpoint', line: 12, messageId: 'unixWithPorts', data: { address: '"unix://run/app.sock"' } },
    ],
  },
  {
    name: 'a unix endpoint on an entry with two ports',
    files: {
      'se.yaml': entry(
        '  hosts: [local.example.com]\n  resolution: STATIC\n  ports:\n  - {number: 80, name: http, protocol: HTTP}\n  - {number: 81, name: http-2, protocol: HTTP}\n  endpoints:\n  - address: unix:///run/app.sock\n',
      ),
    },
    expect: [
      {
        rule: 'se-invalid-endpoint',
        line: 13,
        messageId: 'unixNeedsOnePort',
        data: { address: '"unix:///run/app.sock"' },
      },
    ],
  },
]);

ruleTable(rule('se-invalid-dynamic-dns'), [
  {
    name: 'wildcard hosts with HTTP and TLS ports',
    files: {
      'se.yaml': entry(
        '  hosts: ["*.example.com"]\n  resolution: DYNAMIC_DNS\n  ports:\n  - {number: 443, name: tls, protocol: TLS}\n  - {number: 80, name: http, protocol: HTTP}\n',
      ),
    },
    expect: [],
  },
  {
    name: 'a concrete host and a TCP port',
    files: {
      'se.yaml': entry(
        '  hosts: [api.example.com]\n  resolution: DYNAMIC_DNS\n  ports:\n  - {number: 5432, name: tcp, protocol: TCP}\n',
      ),
    },
    expect: [
      { rule: 'se-invalid-dynamic-dns', line: 7, messageId: 'concreteHost', data: { host: '"api.example.com"' } },
      {
        rule: 'se-invalid-dynamic-dns',
        line: 10,
        messageId: 'unsupportedProtocol',
        data: { port: '5432 ("tcp")', protocol: '"TCP"' },
      },
    ],
  },
  {
    name: 'addresses, endpoints, a port without protocol, and a waypoint on a MESH_INTERNAL entry',
    files: {
      'se.yaml': entry(
        '  hosts: ["*.example.com"]\n  resolution: DYNAMIC_DNS\n  location: MESH_INTERNAL\n  addresses: [10.0.0.9]\n  endpoints: [{address: api.example.com}]\n  ports:\n  - {number: 8080, name: web}\n',
        '\n      labels: {istio.io/use-waypoint: waypoint}',
      ),
    },
    expect: [
      { rule: 'se-invalid-dynamic-dns', line: 10, messageId: 'internalWithWaypoint' },
      { rule: 'se-invalid-dynamic-dns', line: 11, messageId: 'withAddresses' },
      { rule: 'se-invalid-dynamic-dns', line: 12, messageId: 'withEndpoints' },
      { rule: 'se-invalid-dynamic-dns', line: 14, messageId: 'portWithoutProtocol', data: { port: '8080 ("web")' } },
    ],
  },
]);

ruleTable(rule('se-dns-addresses-multiple-hosts'), [
  {
    name: 'one host with an address',
    files: {
      'se.yaml': entry(
        '  hosts: [a.example.com]\n  addresses: [10.0.0.7]\n  resolution: DNS\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n',
      ),
    },
    expect: [],
  },
  {
    name: 'two hosts sharing addresses on a TLS port',
    files: {
      'se.yaml': entry(
        '  hosts: [a.example.com, b.example.com]\n  addresses: [10.0.0.7]\n  resolution: DNS\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n',
      ),
    },
    expect: [
      {
        rule: 'se-dns-addresses-multiple-hosts',
        line: 8,
        messageId: 'addressesForSeveralHosts',
        data: { hostCount: 2, resolution: 'DNS', protocol: '"HTTPS"', port: '443 ("https")' },
      },
    ],
  },
]);

ruleTable(rule('se-invalid-export-to'), [
  { name: '"." and a namespace', files: { 'se.yaml': ok }, expect: [] },
  {
    name: 'duplicates, "*" with others, a bad name',
    files: {
      'a.yaml': entry('  hosts: [a.example.com]\n  exportTo: [".", shop]\n'),
      'b.yaml': entry('  hosts: [a.example.com]\n  exportTo: ["*", istio-system]\n', '-b'),
      'c.yaml': entry('  hosts: [a.example.com]\n  exportTo: [Bad_NS]\n', '-c'),
    },
    expect: [
      {
        rule: 'se-invalid-export-to',
        file: 'a.yaml',
        line: 8,
        messageId: 'duplicateOwnNamespace',
        data: { entry: '"shop"', namespace: 'shop' },
      },
      { rule: 'se-invalid-export-to', file: 'b.yaml', line: 8, messageId: 'starCombined', data: { entry: '"*"' } },
      { rule: 'se-invalid-export-to', file: 'c.yaml', line: 8, messageId: 'invalidEntry', data: { entry: '"Bad_NS"' } },
    ],
  },
  {
    name: 'another namespace twice, "~" with others',
    files: {
      'a.yaml': entry('  hosts: [a.example.com]\n  exportTo: [billing, billing]\n'),
      'b.yaml': entry('  hosts: [a.example.com]\n  exportTo: ["~", istio-system]\n', '-b'),
    },
    expect: [
      {
        rule: 'se-invalid-export-to',
        file: 'a.yaml',
        line: 8,
        messageId: 'duplicateEntry',
        data: { entry: '"billing"' },
      },
      { rule: 'se-invalid-export-to', file: 'b.yaml', line: 8, messageId: 'tildeCombined', data: { entry: '"~"' } },
    ],
  },
]);
