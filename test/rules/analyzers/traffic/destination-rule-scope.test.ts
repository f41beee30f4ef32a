// Where a DestinationRule applies: from the caller's namespace, then the host's namespace, then the root namespace,
// each subject to exportTo. A subset defined only in a DestinationRule that does not apply to the callers does not
// exist for them.
import { ruleTable, yaml, rules } from '../../../helpers/harness.js';

const egressDr = (namespace: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: egressgateway-for-cnn, namespace: ${namespace}}
  spec:
    host: istio-egressgateway.istio-system.svc.cluster.local
    subsets:
    - name: cnn
`;
const routeViaEgress = (namespace: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: cnn-via-egress, namespace: ${namespace}}
  spec:
    hosts: [edition.cnn.com]
    http:
    - route:
      - destination:
          host: istio-egressgateway.istio-system.svc.cluster.local
          subset: cnn
`;

ruleTable(rules('vs-subset-not-in-scope', 'vs-subset-not-found'), [
  {
    name: "the DestinationRule defining the subset is in the callers' namespace",
    files: { 'dr.yaml': egressDr('news'), 'vs.yaml': routeViaEgress('news') },
    expect: [],
  },
  {
    name: 'a DestinationRule in the root namespace applies to every namespace',
    files: { 'dr.yaml': egressDr('istio-system'), 'vs.yaml': routeViaEgress('sports') },
    expect: [],
  },
  {
    name: "the egress gateway DestinationRule placed in one application's namespace does not apply to another's callers",
    files: { 'dr.yaml': egressDr('news'), 'vs.yaml': routeViaEgress('sports') },
    expect: [
      {
        rule: 'vs-subset-not-in-scope',
        file: 'vs.yaml',
        line: 9,
        messageId: 'subsetNotInScope',
        data: {
          subset: 'cnn',
          host: 'istio-egressgateway.istio-system.svc.cluster.local',
          definers: 'news/egressgateway-for-cnn',
          caller: 'sports',
          hostNamespaceNote: ' ("istio-system")',
          rootNamespace: 'istio-system',
        },
      },
    ],
  },
  {
    name: "a DestinationRule in the callers' namespace shadows the one in the host's namespace",
    files: {
      'dr.yaml':
        egressDr('istio-system') +
        '---\n' +
        yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: egress-lb, namespace: sports}
        spec:
          host: istio-egressgateway.istio-system.svc.cluster.local
          trafficPolicy: {loadBalancer: {simple: ROUND_ROBIN}}
      `,
      'vs.yaml': routeViaEgress('sports'),
    },
    expect: [
      {
        rule: 'vs-subset-not-in-scope',
        file: 'vs.yaml',
        line: 9,
        messageId: 'subsetNotInScopeOthersApply',
        data: { definers: 'istio-system/egressgateway-for-cnn', caller: 'sports', applying: 'sports/egress-lb' },
      },
    ],
  },
]);
