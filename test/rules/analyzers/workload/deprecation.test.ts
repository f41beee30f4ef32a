import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const vs = (delay: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: ratings, namespace: shop}
  spec:
    hosts: [ratings]
    http:
    - fault:
        delay:
${delay}
          fixedDelay: 5s
      route:
      - destination: {host: ratings}
`;

ruleTable(rule('deprecated-istio-field'), [
  {
    name: 'percentage is the current field',
    files: { 'vs.yaml': vs('          percentage: {value: 10}') },
    expect: [],
  },
  {
    name: 'fault.delay.percent is rewritten as percentage.value',
    files: { 'vs.yaml': vs('          percent: 50  # half of the requests') },
    expect: [
      {
        rule: 'deprecated-istio-field',
        line: 9,
        messageId: 'delayPercent',
        data: { percent: 50 },
        message: 'use "percentage: {value: 50}"',
        hasFix: true,
      },
    ],
    fixed: { 'vs.yaml': vs('          percentage: {value: 50}  # half of the requests') },
  },
  {
    name: 'two routes with percent: one finding for the VirtualService, at the first',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ratings}
      spec:
        hosts: [ratings]
        http:
        - fault: {delay: {percent: 10, fixedDelay: 1s}}
          route: [{destination: {host: ratings}}]
        - fault: {delay: {percent: 20, fixedDelay: 1s}}
          route: [{destination: {host: ratings}}]
    `,
    },
    expect: [
      {
        rule: 'deprecated-istio-field',
        line: 7,
        messageId: 'delayPercentMoreRoutes',
        data: { percent: 10, moreRoutes: 1 },
      },
    ],
  },
  {
    name: 'a Sidecar egressProxy and an rbac.istio.io CRD',
    files: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        outboundTrafficPolicy:
          mode: REGISTRY_ONLY
          egressProxy: {host: squid.proxy.svc.cluster.local, port: {number: 3128}}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: serviceroles.rbac.istio.io
      spec:
        group: rbac.istio.io
        names: {kind: ServiceRole, plural: serviceroles}
    `,
    },
    expect: [
      { rule: 'deprecated-istio-field', line: 7, messageId: 'egressProxy' },
      {
        rule: 'deprecated-istio-field',
        line: 12,
        messageId: 'rbacCrd',
        data: { crd: 'serviceroles.rbac.istio.io', kind: 'ServiceRole' },
      },
    ],
  },
]);
