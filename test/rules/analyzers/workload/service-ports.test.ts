import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const svc = (ports: string, extra = '') => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop${extra}}
  spec:
    selector: {app: api}
    ports:
${ports}
`;

ruleTable(rule('service-port-protocol-unknown'), [
  {
    name: 'protocol prefixes, appProtocol, UDP and well-known port numbers',
    files: {
      's.yaml': svc(`    - {name: http-web, port: 80}
    - {name: grpc, port: 9000}
    - {name: metrics, port: 9100, appProtocol: http}
    - {name: stats, port: 8125, protocol: UDP}
    - {port: 3306}`),
    },
    expect: [],
  },
  {
    name: "Istio's own and gateway-managed Services are skipped",
    files: {
      's.yaml':
        svc('    - {name: foo, port: 8080}', ', labels: {istio: ingressgateway}') +
        '---\n' +
        svc(
          '    - {name: foo, port: 8080}',
          ', labels: {gateway.istio.io/managed: istio.io-gateway-controller}',
        ).replace('name: api', 'name: gw'),
    },
    expect: [],
  },
  {
    name: 'an unnamed port gets appProtocol guessed from its number; the name is kept',
    files: {
      's.yaml': svc(`    - port: 8080
      targetPort: 8080`),
    },
    expect: [
      {
        rule: 'service-port-protocol-unknown',
        line: 7,
        messageId: 'protocolUnknownGuessed',
        data: { port: '8080', protocol: 'http', guessedFrom: 'port 8080' },
        hasFix: true,
      },
    ],
    fixed: {
      's.yaml': svc(`    - port: 8080
      targetPort: 8080
      appProtocol: http`),
    },
  },
  {
    name: 'a name that says nothing and an unusual port: reported without a fix',
    files: {
      's.yaml': svc(`    - name: api
      port: 7070`),
    },
    expect: [
      {
        rule: 'service-port-protocol-unknown',
        line: 8,
        messageId: 'protocolUnknown',
        data: { port: '"api" (7070)' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'appProtocol replaces the name: an unknown appProtocol hides a good name',
    files: {
      's.yaml': svc(`    - name: http-web
      port: 7070
      appProtocol: webby`),
    },
    expect: [
      {
        rule: 'service-port-protocol-unknown',
        line: 8,
        messageId: 'protocolUnknownGuessed',
        data: { port: '"http-web" (7070)', protocol: 'http', guessedFrom: 'its name' },
        hasFix: true,
      },
    ],
    fixed: {
      's.yaml': svc(`    - name: http-web
      port: 7070
      appProtocol: http`),
    },
  },
]);

const external = (ports: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: payments, namespace: shop}
  spec:
    type: ExternalName
    externalName: api.payments.example.com
    ports:
${ports}
`;

ruleTable(rule('externalname-service-port-protocol'), [
  {
    name: 'ExternalName ports with a protocol',
    files: { 's.yaml': external('    - {name: https, port: 443}\n    - {name: api, port: 8443, appProtocol: tls}') },
    expect: [],
  },
  {
    name: 'a port named plain tcp, and an unnamed 443 (fixed with appProtocol https)',
    files: { 's.yaml': external('    - name: tcp\n      port: 5432\n    - port: 443') },
    expect: [
      {
        rule: 'externalname-service-port-protocol',
        line: 9,
        messageId: 'plainTcp',
        data: {
          service: 'payments',
          port: '"tcp" (5432)',
          portNumber: '5432',
          externalName: 'api.payments.example.com',
        },
        hasFix: false,
      },
      {
        rule: 'externalname-service-port-protocol',
        line: 10,
        messageId: 'plainTcpGuessed',
        data: { port: '443', protocol: 'https', guessedFrom: 'port 443' },
        hasFix: true,
      },
    ],
    fixed: { 's.yaml': external('    - name: tcp\n      port: 5432\n    - port: 443\n      appProtocol: https') },
  },
]);
