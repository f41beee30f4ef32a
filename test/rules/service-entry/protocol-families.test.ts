// The protocol Istio really uses for a ServiceEntry port: the protocol field only (no field: detected from the
// first bytes), and MONGO, MYSQL, REDIS counted as the plain TCP the proxy forwards.
import { ruleTable, yaml, rule, rules } from '../../helpers/harness.js';

ruleTable(rules('se-addresses-required', 'se-addresses-not-allocated'), [
  {
    name: 'a protocol-less port named http carries HTTP, which detection routes by Host: no address needed',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: legacy-api, namespace: shop}
      spec:
        hosts: [legacy.example.com]
        resolution: DNS
        ports: [{number: 80, name: http}, {number: 8080, name: grpc-api}]
    `,
    },
    expect: [],
  },
  {
    name: 'a protocol-less port with another name is described as detected, not as TCP',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: legacy-db, namespace: shop}
      spec:
        hosts: [db.example.com]
        resolution: DNS
        ports:
        - number: 5432
          name: postgres
    `,
    },
    expect: [
      { rule: 'se-addresses-required', line: 9, messageId: 'unsetProtocolPort', data: { port: '5432 ("postgres")' } },
    ],
  },
  {
    name: 'MYSQL and MONGO ports are plain TCP to the proxy and need addresses like TCP',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: databases, namespace: shop}
      spec:
        hosts: [mysql.example.com]
        resolution: DNS
        ports:
        - number: 3306
          name: mysql
          protocol: MYSQL
        - number: 27017
          name: mongo
          protocol: MONGO
    `,
    },
    expect: [
      { rule: 'se-addresses-required', line: 9, messageId: 'tcpFamilyPort', data: { protocol: '"MYSQL"' } },
      { rule: 'se-addresses-required', line: 12, messageId: 'tcpFamilyPort', data: { protocol: '"MONGO"' } },
    ],
  },
  {
    name: 'with addresses, plain TCP protocols are fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: databases, namespace: shop}
      spec:
        hosts: [mysql.example.com]
        addresses: [10.20.0.5]
        resolution: DNS
        ports: [{number: 3306, name: mysql, protocol: MYSQL}]
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('se-multiple-hosts-non-http-port'), [
  {
    name: 'a protocol-less port named http with several hosts: Istio validation rejects it, whatever the name',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: apis, namespace: shop}
      spec:
        hosts: [a.example.com, b.example.com]
        resolution: DNS
        ports:
        - {number: 80, name: http}
    `,
    },
    expect: [
      {
        rule: 'se-multiple-hosts-non-http-port',
        line: 8,
        messageId: 'multipleHostsUnsetProtocol',
        data: { hostCount: 2, port: '80 ("http")' },
      },
    ],
  },
]);

const db = (name: string, protocol: string, line = '') => yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: ${name}, namespace: shop}
  spec:
    hosts: [db.example.com]
    addresses: [10.20.0.5]
    resolution: DNS
    ports: [{number: 3306, name: ${name}, protocol: ${protocol}}]${line}
`;

ruleTable(rule('se-conflicting-protocol'), [
  {
    name: 'TCP and MYSQL for one host and port are both plain TCP to the proxy: no conflict',
    files: { 'a.yaml': db('mysql', 'MYSQL'), 'b.yaml': db('tcp-db', 'TCP') },
    expect: [],
  },
  {
    name: 'HTTP against MYSQL is a real conflict',
    files: { 'a.yaml': db('mysql', 'MYSQL'), 'b.yaml': db('http-db', 'HTTP') },
    expect: [
      {
        rule: 'se-conflicting-protocol',
        file: 'a.yaml',
        line: 3,
        messageId: 'conflictingProtocol',
        data: { protocol: '"MYSQL"', otherProtocol: '"HTTP"' },
      },
      {
        rule: 'se-conflicting-protocol',
        file: 'b.yaml',
        line: 3,
        messageId: 'conflictingProtocol',
        data: { protocol: '"HTTP"', otherProtocol: '"MYSQL"' },
      },
    ],
  },
]);
