// ServiceEntry hosts are literal: a short host is not expanded with the entry's namespace, so neither the short name
// a VirtualService uses (expanded in its own namespace) nor the FQDN reaches it.
import { ruleTable, yaml, rules } from '../../helpers/harness.js';

const shortEntry = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata: {name: payments, namespace: shop}
  spec:
    hosts:
    - payments
    location: MESH_INTERNAL
    resolution: DNS
    endpoints: [{address: payments.internal.example.com}]
    ports: [{number: 8080, name: http, protocol: HTTP}]
`;
const fqdnEntry = shortEntry.replace('  - payments\n', '  - payments.shop.svc.cluster.local\n');
const route = yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: checkout, namespace: shop}
  spec:
    hosts: [checkout]
    http:
    - route:
      - destination:
          host: payments
`;

ruleTable(rules('se-short-host', 'vs-destination-host-not-found'), [
  {
    name: 'an FQDN host is reached by the short name a VirtualService in that namespace uses',
    files: { 'se.yaml': fqdnEntry, 'vs.yaml': route },
    expect: [],
  },
  {
    name: 'a short host: flagged with a fix to the name callers mean, and the route that misses it is reported',
    files: { 'se.yaml': shortEntry, 'vs.yaml': route },
    expect: [
      {
        rule: 'se-short-host',
        file: 'se.yaml',
        line: 6,
        messageId: 'shortHost',
        data: { host: '"payments"', fullName: '"payments.shop.svc.cluster.local"' },
        hasFix: true,
      },
      {
        rule: 'vs-destination-host-not-found',
        file: 'vs.yaml',
        line: 9,
        messageId: 'literalShortHost',
        data: { host: 'payments', serviceEntry: 'shop/payments' },
      },
    ],
    fixed: { 'se.yaml': fqdnEntry },
  },
  {
    name: 'callers in another namespace mean the host of their own namespace',
    files: {
      'se.yaml': shortEntry,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: payments, namespace: billing}
        spec:
          host: payments
          trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
      `,
    },
    expect: [
      {
        rule: 'se-short-host',
        file: 'se.yaml',
        line: 6,
        messageId: 'shortHost',
        data: { fullName: '"payments.billing.svc.cluster.local"' },
        hasFix: true,
      },
    ],
  },
  {
    name: 'callers in two namespaces mean different hosts: no fix, the message names them',
    files: {
      'se.yaml': shortEntry,
      'vs.yaml': route,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: payments, namespace: billing}
        spec:
          host: payments
          trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
      `,
    },
    expect: [
      {
        rule: 'se-short-host',
        file: 'se.yaml',
        line: 6,
        messageId: 'shortHostCallersDisagree',
        data: { host: '"payments"', callers: '"billing", "shop"' },
        hasFix: false,
      },
      { rule: 'vs-destination-host-not-found', file: 'vs.yaml', line: 9 },
    ],
  },
]);
