import { ruleTable, yaml, rule } from '../../helpers/harness.js';

function se(name: string, ns: string, host: string, port: number, protocol: string | null, extra = ''): string {
  return (
    yaml`
    apiVersion: networking.istio.io/v1
    kind: ServiceEntry
    metadata:
      name: ${name}
      namespace: ${ns}
    spec:
      hosts: ["${host}"]
      resolution: ${host.startsWith('*') ? 'NONE' : 'DNS'}
      ports:
      - {number: ${port}, name: p${port}${protocol ? `, protocol: ${protocol}` : ''}}
  ` + extra
  );
}

ruleTable(rule('se-conflicting-protocol'), [
  {
    name: 'same host and port, same protocol',
    files: {
      'a.yaml': se('a', 'team-a', 'api.example.com', 8443, 'HTTPS'),
      'b.yaml': se('b', 'team-b', 'api.example.com', 8443, 'HTTPS'),
    },
    expect: [],
  },
  {
    name: 'different protocols, both exported everywhere: one finding per entry at metadata.name',
    files: {
      'a.yaml': se('a', 'team-a', 'api.example.com', 8443, 'HTTPS'),
      'b.yaml': se('b', 'team-b', 'api.example.com', 8443, 'HTTP'),
    },
    expect: [
      {
        rule: 'se-conflicting-protocol',
        file: 'a.yaml',
        line: 4,
        messageId: 'conflictingProtocol',
        data: {
          host: '"api.example.com"',
          port: '8443',
          protocol: '"HTTPS"',
          otherProtocol: '"HTTP"',
          otherEntry: 'team-b/b',
        },
      },
      {
        rule: 'se-conflicting-protocol',
        file: 'b.yaml',
        line: 4,
        messageId: 'conflictingProtocol',
        data: { protocol: '"HTTP"', otherProtocol: '"HTTPS"', otherEntry: 'team-a/a' },
      },
    ],
  },
  {
    name: 'an empty protocol is its own value',
    files: {
      'a.yaml': se('a', 'team-a', 'api.example.com', 8443, 'TLS', '  addresses: [10.0.0.9]\n'),
      'b.yaml': se('b', 'team-b', 'api.example.com', 8443, null, '  addresses: [10.0.0.9]\n'),
    },
    expect: [
      {
        rule: 'se-conflicting-protocol',
        file: 'a.yaml',
        line: 4,
        messageId: 'conflictingProtocol',
        data: {
          protocol: '"TLS"',
          otherProtocol: 'no protocol (detected from the first bytes: HTTP by Host, else TCP)',
        },
      },
      {
        rule: 'se-conflicting-protocol',
        file: 'b.yaml',
        line: 4,
        messageId: 'conflictingProtocol',
        data: {
          protocol: 'no protocol (detected from the first bytes: HTTP by Host, else TCP)',
          otherProtocol: '"TLS"',
        },
      },
    ],
  },
  {
    name: 'entries private to different namespaces do not conflict',
    files: {
      'a.yaml': se('a', 'team-a', 'api.example.com', 8443, 'HTTPS', '  exportTo: ["."]\n'),
      'b.yaml': se('b', 'team-b', 'api.example.com', 8443, 'HTTP', '  exportTo: ["."]\n'),
    },
    expect: [],
  },
  {
    name: 'a private entry conflicts with one exported everywhere',
    files: {
      'a.yaml': se('a', 'team-a', 'api.example.com', 8443, 'HTTPS', '  exportTo: ["."]\n'),
      'b.yaml': se('b', 'team-b', 'api.example.com', 8443, 'http'),
    },
    expect: [
      { rule: 'se-conflicting-protocol', file: 'a.yaml', line: 4 },
      { rule: 'se-conflicting-protocol', file: 'b.yaml', line: 4 },
    ],
  },
  {
    name: 'protocols compare case-insensitively',
    files: {
      'a.yaml': se('a', 'team-a', 'api.example.com', 8443, 'HTTPS'),
      'b.yaml': se('b', 'team-b', 'api.example.com', 8443, 'https'),
    },
    expect: [],
  },
]);

ruleTable(rule('se-wildcard-protocol-conflict'), [
  {
    name: 'a wildcard NONE entry beside a concrete DNS entry with the same protocol',
    files: {
      'a.yaml': se('wild', 'egress', '*.example.com', 443, 'TLS'),
      'b.yaml': se('api', 'egress', 'api.example.com', 443, 'TLS'),
    },
    expect: [],
  },
  {
    name: 'the concrete entry gives the port another protocol',
    files: {
      'a.yaml': se('wild', 'egress', '*.example.com', 443, 'TLS'),
      'b.yaml': se('api', 'egress', 'api.example.com', 443, 'HTTPS'),
    },
    expect: [
      {
        rule: 'se-wildcard-protocol-conflict',
        file: 'b.yaml',
        line: 10,
        messageId: 'wildcardProtocolConflict',
        data: {
          port: '443',
          protocol: '"HTTPS"',
          host: '"api.example.com"',
          wildcardProtocol: '"TLS"',
          wildcardHost: '"*.example.com"',
          wildcardEntry: 'egress/wild',
        },
      },
    ],
  },
  {
    name: 'TLS origination for the concrete host beside a TLS wildcard is deliberate',
    files: {
      'a.yaml': se('wild', 'egress', '*.example.com', 443, 'TLS'),
      'b.yaml': se('api', 'egress', 'api.example.com', 443, 'HTTP'),
      'dr.yaml':
        'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: api, namespace: egress}\nspec:\n  host: api.example.com\n  trafficPolicy: {tls: {mode: SIMPLE}}\n',
    },
    expect: [],
  },
  {
    name: 'not visible in the same namespaces',
    files: {
      'a.yaml': se('wild', 'egress', '*.example.com', 443, 'TLS', '  exportTo: ["."]\n'),
      'b.yaml': se('api', 'apps', 'api.example.com', 443, 'HTTPS', '  exportTo: ["."]\n'),
    },
    expect: [],
  },
]);

ruleTable(rule('se-duplicate-host-port'), [
  {
    name: 'different hosts',
    files: {
      'a.yaml': se('a', 'team-a', 'a.example.com', 443, 'HTTPS'),
      'b.yaml': se('b', 'team-a', 'b.example.com', 443, 'HTTPS'),
    },
    expect: [],
  },
  {
    name: 'the same host and port twice: info on the second, at the host',
    files: {
      'a.yaml': se('a', 'team-a', 'a.example.com', 443, 'HTTPS'),
      'b.yaml': se('b', 'team-b', 'a.example.com', 443, 'HTTPS'),
    },
    expect: [
      {
        rule: 'se-duplicate-host-port',
        file: 'b.yaml',
        line: 7,
        messageId: 'duplicateHostPort',
        data: { host: '"a.example.com"', port: '443', otherEntry: 'team-a/a' },
      },
    ],
  },
]);
