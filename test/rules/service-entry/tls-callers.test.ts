// TLS origination judged from each calling namespace: a DestinationRule applies from the caller's namespace, the
// host's namespace or the root namespace, so one in an application's namespace upgrades that application's traffic only.
import { ruleTable, yaml, rule, rules } from '../../helpers/harness.js';

const originationSe = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: payments-api, namespace: egress}
  spec:
    hosts: [api.payments.example]
    location: MESH_EXTERNAL
    resolution: DNS
    ports:
    - number: 80
      name: http
      protocol: HTTP
      targetPort: 443
`;
const originationDr = (namespace: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: payments-api-tls, namespace: ${namespace}}
  spec:
    host: api.payments.example
    trafficPolicy:
      portLevelSettings:
      - port: {number: 80}
        tls: {mode: SIMPLE, sni: api.payments.example}
`;
const route = (namespace: string, port: number) => yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: payments-api, namespace: ${namespace}}
  spec:
    hosts: [api.payments.example]
    http:
    - route:
      - destination: {host: api.payments.example, port: {number: ${port}}}
`;

ruleTable(rule('se-missing-tls-origination'), [
  {
    name: 'the DestinationRule sits with the entry: every caller gets it',
    files: { 'se.yaml': originationSe, 'dr.yaml': originationDr('egress'), 'vs.yaml': route('checkout', 80) },
    expect: [],
  },
  {
    name: "the DestinationRule sits in one application's namespace: callers routing from another get plaintext on 443",
    files: { 'se.yaml': originationSe, 'dr.yaml': originationDr('billing'), 'vs.yaml': route('checkout', 80) },
    expect: [
      {
        rule: 'se-missing-tls-origination',
        file: 'se.yaml',
        line: 12,
        messageId: 'originationNotApplying',
        data: { destinationRule: 'billing/payments-api-tls', callers: '"checkout"', host: '"api.payments.example"' },
      },
    ],
  },
]);

const httpsSe = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: github, namespace: egress}
  spec:
    hosts: [api.github.com]
    resolution: DNS
    ports: [{number: 443, name: https, protocol: HTTPS}]
`;
const githubDr = (namespace: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: github, namespace: ${namespace}}
  spec:
    host: api.github.com
    trafficPolicy:
      tls: {mode: SIMPLE}
`;
const githubRoute = (namespace: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: github, namespace: ${namespace}}
  spec:
    hosts: [api.github.com]
    http:
    - route:
      - destination: {host: api.github.com, port: {number: 443}}
`;

ruleTable(rules('dr-double-tls', 'dr-double-tls-direct-https'), [
  {
    name: 'the HTTP route and the originating DestinationRule reach the same callers: the egress pattern, a warning',
    files: { 'se.yaml': httpsSe, 'dr.yaml': githubDr('ci'), 'vs.yaml': githubRoute('ci') },
    expect: [{ rule: 'dr-double-tls-direct-https', file: 'dr.yaml', line: 7, messageId: 'directHttpsBreaks' }],
  },
  {
    name: 'the HTTP route is in another namespace, where this DestinationRule does not apply: its own callers encrypt twice',
    files: { 'se.yaml': httpsSe, 'dr.yaml': githubDr('ci'), 'vs.yaml': githubRoute('deploy') },
    expect: [
      { rule: 'dr-double-tls', file: 'dr.yaml', line: 7, messageId: 'doubleTls', data: { entry: 'egress/github' } },
    ],
  },
]);
