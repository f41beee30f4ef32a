import { check, ruleTable, yaml, rule, rules } from '../../helpers/harness.js';

const httpsSe = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: github, namespace: ci}
  spec:
    hosts: [api.github.com]
    location: MESH_EXTERNAL
    resolution: DNS
    ports:
    - {number: 443, name: https, protocol: HTTPS}
`;

const simpleDr = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: github, namespace: ci}
  spec:
    host: api.github.com
    trafficPolicy:
      tls:
        mode: SIMPLE
`;

const originationSe = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: github, namespace: ci}
  spec:
    hosts: [api.github.com]
    location: MESH_EXTERNAL
    resolution: DNS
    ports:
    - number: 80
      name: http
      protocol: HTTP
      targetPort: 443
`;

const portLevelDr = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: github, namespace: ci}
  spec:
    host: api.github.com
    trafficPolicy:
      portLevelSettings:
      - port: {number: 80}
        tls: {mode: SIMPLE, sni: api.github.com}
`;

const egressVs = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: github-egress, namespace: ci}
  spec:
    hosts: [api.github.com]
    gateways: [istio-system/egress]
    http:
    - route:
      - destination:
          host: api.github.com
          port: {number: 443}
`;

ruleTable(rules('dr-double-tls', 'dr-double-tls-direct-https'), [
  { name: 'an HTTPS port with no DestinationRule is passthrough', files: { 'se.yaml': httpsSe }, expect: [] },
  {
    name: 'correct origination: HTTP port with targetPort 443',
    files: { 'se.yaml': originationSe, 'dr.yaml': portLevelDr },
    expect: [],
  },
  {
    name: 'SIMPLE on an HTTPS port encrypts twice',
    files: { 'se.yaml': httpsSe, 'dr.yaml': simpleDr },
    expect: [
      {
        rule: 'dr-double-tls',
        file: 'dr.yaml',
        line: 8,
        messageId: 'doubleTls',
        data: {
          mode: 'SIMPLE',
          host: '"api.github.com"',
          port: 443,
          entry: 'ci/github',
          protocol: '"HTTPS"',
          protocolName: 'HTTPS',
        },
      },
    ],
  },
  {
    name: 'portLevelSettings for another port do not change the top level',
    files: {
      'se.yaml': httpsSe,
      'dr.yaml': simpleDr + '    portLevelSettings:\n    - port: {number: 8443}\n      tls: {mode: DISABLE}\n',
    },
    expect: [{ rule: 'dr-double-tls', file: 'dr.yaml', line: 8 }],
  },
  {
    name: 'portLevelSettings DISABLE on the port wins over the top level',
    files: {
      'se.yaml': httpsSe,
      'dr.yaml': simpleDr + '    portLevelSettings:\n    - port: {number: 443}\n      tls: {mode: DISABLE}\n',
    },
    expect: [],
  },
  {
    name: 'a portLevelSettings entry for the port without tls replaces the top level: no TLS origination there, no double TLS',
    files: {
      'se.yaml': httpsSe,
      'dr.yaml':
        simpleDr +
        '    portLevelSettings:\n    - port: {number: 443}\n      connectionPool: {tcp: {maxConnections: 10}}\n',
    },
    expect: [],
  },
  {
    name: 'a wildcard DestinationRule in the root namespace applies too',
    files: {
      'se.yaml': httpsSe,
      'dr.yaml': simpleDr
        .replace('namespace: ci', 'namespace: istio-system')
        .replace('host: api.github.com', 'host: "*.github.com"'),
    },
    expect: [{ rule: 'dr-double-tls', file: 'dr.yaml', line: 8 }],
  },
  {
    name: 'egress-gateway origination: a VirtualService routes plain HTTP to 443',
    files: { 'se.yaml': httpsSe, 'dr.yaml': simpleDr, 'vs.yaml': egressVs },
    expect: [
      {
        rule: 'dr-double-tls-direct-https',
        file: 'dr.yaml',
        line: 8,
        messageId: 'directHttpsBreaks',
        data: {
          host: '"api.github.com"',
          port: 443,
          entry: 'ci/github',
          protocol: '"HTTPS"',
          hostName: 'api.github.com',
        },
      },
    ],
  },
]);

ruleTable(rule('se-missing-tls-origination'), [
  { name: 'origination in place', files: { 'se.yaml': originationSe, 'dr.yaml': portLevelDr }, expect: [] },
  { name: 'top-level origination counts', files: { 'se.yaml': originationSe, 'dr.yaml': simpleDr }, expect: [] },
  {
    name: 'HTTP to targetPort 443 and no DestinationRule',
    files: { 'se.yaml': originationSe },
    expect: [
      {
        rule: 'se-missing-tls-origination',
        line: 12,
        messageId: 'noOrigination',
        data: { port: '80 ("http")', protocol: '"HTTP"', via: 'targetPort 443', host: '"api.github.com"', number: 80 },
      },
    ],
  },
  {
    name: 'mesh workloads picked by a selector may serve plain HTTP on 443',
    files: {
      'se.yaml': originationSe
        .replace('location: MESH_EXTERNAL', 'location: MESH_INTERNAL')
        .replace('resolution: DNS', 'resolution: STATIC\n  workloadSelector: {labels: {app: api}}'),
    },
    expect: [],
  },
  {
    name: 'an endpoint forwarding the HTTP port to 443',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: reports, namespace: ci}
      spec:
        hosts: [reports.example.com]
        resolution: DNS
        ports: [{number: 80, name: http, protocol: HTTP}]
        endpoints:
        - address: reports-eu.example.net
          ports:
            http: 443
    `,
    },
    expect: [
      {
        rule: 'se-missing-tls-origination',
        line: 11,
        messageId: 'noOrigination',
        data: { via: 'endpoint port 443', host: '"reports.example.com"' },
      },
    ],
  },
  {
    name: 'a DestinationRule with origination for another port does not count',
    files: { 'se.yaml': originationSe, 'dr.yaml': portLevelDr.replace('number: 80', 'number: 8080') },
    expect: [{ rule: 'se-missing-tls-origination', file: 'se.yaml', line: 12 }],
  },
]);

const caDr = yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: db, namespace: data}
  spec:
    host: db.example.com
    trafficPolicy:
      tls:
        mode: MUTUAL
        clientCertificate: /etc/certs/client.pem
        privateKey: /etc/certs/key.pem
      portLevelSettings:
      - port: {number: 5433}
        tls:
          mode: SIMPLE
`;

ruleTable(rules('dr-ca-certificates-missing', 'dr-port-ca-certificates-missing'), [
  {
    name: 'caCertificates set at both levels',
    files: {
      'dr.yaml': caDr
        .replace(
          'privateKey: /etc/certs/key.pem',
          'privateKey: /etc/certs/key.pem\n      caCertificates: /etc/certs/ca.pem',
        )
        .replace('mode: SIMPLE', 'mode: SIMPLE\n        caCertificates: /etc/certs/ca.pem'),
    },
    expect: [],
  },
  {
    name: 'credentialName with a workloadSelector is accepted',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: db, namespace: data}
      spec:
        host: db.example.com
        workloadSelector: {matchLabels: {app: api}}
        trafficPolicy:
          tls: {mode: SIMPLE, credentialName: db-ca}
    `,
    },
    expect: [],
  },
  {
    name: 'ISTIO_MUTUAL needs nothing',
    files: { 'dr.yaml': caDr.replace(/mode: MUTUAL/, 'mode: ISTIO_MUTUAL').replace('mode: SIMPLE', 'mode: DISABLE') },
    expect: [],
  },
  {
    name: 'missing at both levels: one finding each, at the tls mapping',
    files: { 'dr.yaml': caDr },
    expect: [
      {
        rule: 'dr-ca-certificates-missing',
        line: 7,
        messageId: 'caCertificatesMissing',
        data: { mode: 'MUTUAL', host: '"db.example.com"' },
      },
      {
        rule: 'dr-port-ca-certificates-missing',
        line: 13,
        messageId: 'caCertificatesMissing',
        data: { mode: 'SIMPLE', port: '5433', host: '"db.example.com"' },
      },
    ],
  },
]);

ruleTable(rule('dr-sni-mismatch'), [
  { name: 'sni equal to the host', files: { 'se.yaml': originationSe, 'dr.yaml': portLevelDr }, expect: [] },
  {
    name: 'sni for a Service (not a ServiceEntry) is not judged',
    files: {
      'dr.yaml': portLevelDr.replace(
        'host: api.github.com',
        'host: istio-egressgateway.istio-system.svc.cluster.local',
      ),
    },
    expect: [],
  },
  {
    name: 'sni naming another site',
    files: { 'se.yaml': originationSe, 'dr.yaml': portLevelDr.replace('sni: api.github.com', 'sni: api.gitlab.com') },
    expect: [
      {
        rule: 'dr-sni-mismatch',
        file: 'dr.yaml',
        line: 9,
        messageId: 'sniMismatch',
        data: { sni: '"api.gitlab.com"', hosts: '"api.github.com"', host: '"api.github.com"' },
      },
    ],
  },
]);

describe('correct TLS set-ups are quiet', () => {
  test('origination with an HTTP port, targetPort 443 and a port-level SIMPLE rule gives no warning or error', () => {
    const found = check({ 'se.yaml': originationSe, 'dr.yaml': portLevelDr }).filter((f) => f.severity !== 'info');
    expect(found.map((f) => f.rule)).toEqual([]);
  });
});
