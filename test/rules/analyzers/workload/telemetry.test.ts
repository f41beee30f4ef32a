import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const telemetry = (name: string, namespace: string, spec: string) => yaml`
  apiVersion: telemetry.istio.io/v1
  kind: Telemetry
  metadata: {name: ${name}, namespace: ${namespace}}
  spec: ${spec}
`;
const deployment = (name: string, namespace: string, labels: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}, namespace: ${namespace}}
  spec: {template: {metadata: {labels: ${labels}}, spec: {containers: [{name: app, image: app}]}}}
`;

ruleTable(rule('telemetry-access-log-without-provider'), [
  {
    name: 'entries with a provider or disabled',
    files: {
      't.yaml': telemetry(
        'mesh-default',
        'istio-system',
        '{accessLogging: [{providers: [{name: envoy}]}, {disabled: true}]}',
      ),
    },
    expect: [],
  },
  {
    name: 'an entry without provider and no default provider in the mesh config',
    files: {
      't.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: mesh-default, namespace: istio-system}
      spec:
        accessLogging:
        - providers: [{name: envoy}]
        - filter:
            expression: response.code >= 400
    `,
    },
    expect: [{ rule: 'telemetry-access-log-without-provider', line: 7, messageId: 'noProvider' }],
  },
  {
    name: 'several entries without a provider: one finding for the Telemetry',
    files: {
      't.yaml': telemetry('t', 'shop', '{accessLogging: [{filter: {expression: "a"}}, {filter: {expression: "b"}}]}'),
    },
    expect: [{ rule: 'telemetry-access-log-without-provider', line: 4 }],
  },
  {
    name: 'a default access-log provider in the mesh config makes it fine',
    mesh: { defaultProviders: { accessLogging: ['envoy'] } },
    files: { 't.yaml': telemetry('t', 'shop', '{accessLogging: [{filter: {expression: "true"}}]}') },
    expect: [],
  },
]);

ruleTable(rules('telemetry-selector-no-match', 'telemetry-selector-not-in-repository'), [
  {
    name: "a selector matching a Deployment's pod template (istioctl only sees Pods)",
    files: {
      'x.yaml': [
        deployment('reviews', 'shop', '{app: reviews}'),
        telemetry('t', 'shop', '{selector: {matchLabels: {app: reviews}}}'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'a typo in a namespace whose workloads are here is a warning',
    files: {
      'x.yaml': [
        deployment('reviews', 'shop', '{app: reviews}'),
        telemetry('t', 'shop', '{selector: {matchLabels: {app: revews}}}'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'telemetry-selector-no-match',
        line: 9,
        messageId: 'noMatch',
        data: { selector: 'app=revews', namespace: 'shop' },
      },
    ],
  },
  {
    name: 'selectors do not cross namespaces',
    files: {
      'x.yaml': [
        deployment('reviews', 'shop', '{app: reviews}'),
        deployment('other', 'other', '{app: other}'),
        telemetry('t', 'other', '{selector: {matchLabels: {app: reviews}}}'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'telemetry-selector-no-match',
        line: 14,
        messageId: 'noMatch',
        data: { selector: 'app=reviews', namespace: 'other' },
      },
    ],
  },
  {
    name: 'a namespace with no workloads here is "not in this repository" (info)',
    files: { 't.yaml': telemetry('gw', 'istio-system', '{selector: {matchLabels: {istio: ingressgateway}}}') },
    expect: [
      {
        rule: 'telemetry-selector-not-in-repository',
        line: 4,
        messageId: 'notInRepository',
        data: { selector: 'istio=ingressgateway', namespace: 'istio-system' },
      },
    ],
  },
  {
    name: 'a namespace declared external is not reported',
    config: 'external:\n  namespaces: [istio-system]\n',
    files: { 't.yaml': telemetry('gw', 'istio-system', '{selector: {matchLabels: {istio: ingressgateway}}}') },
    expect: [],
  },
  {
    name: 'a workload declared in the config file satisfies the selector',
    config: 'external:\n  workloads:\n  - namespace: istio-system\n    labels: {istio: ingressgateway}\n',
    files: { 't.yaml': telemetry('gw', 'istio-system', '{selector: {matchLabels: {istio: ingressgateway}}}') },
    expect: [],
  },
]);

ruleTable(rules('telemetry-selector-conflict', 'telemetry-multiple-without-selector'), [
  {
    name: 'disjoint selectors and one namespace-wide Telemetry per namespace',
    files: {
      'x.yaml': [
        deployment('a', 'shop', '{app: a}'),
        deployment('b', 'shop', '{app: b}'),
        telemetry('ta', 'shop', '{selector: {matchLabels: {app: a}}}'),
        telemetry('tb', 'shop', '{selector: {matchLabels: {app: b}}}'),
        telemetry('all', 'shop', '{}'),
        telemetry('all', 'other', '{}'),
        telemetry('gw', 'shop', '{targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: gw}]}'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'two Telemetries selecting one workload (overlapping labels), two without selector',
    files: {
      'x.yaml': [
        deployment('ratings', 'shop', '{app: ratings, tier: db}'),
        telemetry('t1', 'shop', '{selector: {matchLabels: {app: ratings}}}'),
        telemetry('t2', 'shop', '{selector: {matchLabels: {tier: db}}}'),
        telemetry('n1', 'shop', '{}'),
        telemetry('n2', 'shop', '{}'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'telemetry-selector-conflict',
        line: 9,
        name: 't1',
        messageId: 'conflict',
        data: { workloadKind: 'Deployment', workload: 'ratings', others: 't2' },
      },
      { rule: 'telemetry-selector-conflict', line: 14, name: 't2' },
      {
        rule: 'telemetry-multiple-without-selector',
        line: 18,
        name: 'n1',
        messageId: 'severalNamespaceWide',
        data: { namespace: 'shop', telemetries: 'n1, n2' },
      },
      { rule: 'telemetry-multiple-without-selector', line: 23, name: 'n2' },
    ],
  },
  {
    name: 'two shared workloads: one finding per Telemetry and workload',
    files: {
      'x.yaml': [
        deployment('a', 'shop', '{tier: web, app: a}'),
        deployment('b', 'shop', '{tier: web, app: b}'),
        telemetry('web', 'shop', '{selector: {matchLabels: {tier: web}}}'),
        telemetry('web-too', 'shop', '{selector: {matchLabels: {tier: web}}}'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'telemetry-selector-conflict',
        line: 14,
        messageId: 'conflict',
        data: { workload: 'a', others: 'web-too' },
      },
      { rule: 'telemetry-selector-conflict', line: 19 },
      { rule: 'telemetry-selector-conflict', line: 14 },
      { rule: 'telemetry-selector-conflict', line: 19 },
    ],
  },
]);

ruleTable(rule('telemetry-lightstep-deprecated'), [
  {
    name: 'an OpenTelemetry provider is fine',
    mesh: {
      extensionProviders: [
        { name: 'otel', opentelemetry: { service: 'otel.observability.svc.cluster.local', port: 4317 } },
      ],
    },
    files: { 't.yaml': telemetry('t', 'istio-system', '{tracing: [{providers: [{name: otel}]}]}') },
    expect: [],
  },
  {
    name: 'a Lightstep provider is deprecated',
    mesh: {
      extensionProviders: [{ name: 'ls', lightstep: { service: 'lightstep.monitoring.svc.cluster.local', port: 443 } }],
    },
    files: {
      't.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: t, namespace: istio-system}
      spec:
        tracing:
        - providers:
          - name: ls
    `,
    },
    expect: [{ rule: 'telemetry-lightstep-deprecated', line: 7, messageId: 'lightstep', data: { provider: 'ls' } }],
  },
]);
