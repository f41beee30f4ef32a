import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const deployment = (meta: string, template: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
${meta}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata:
        labels: {app: web}
${template.replace(/^/gm, '  ')}
      spec:
        containers: [{name: web, image: nginx}]
`;

ruleTable(rule('unknown-istio-annotation'), [
  {
    name: 'known annotations, annotations of other tools and Istio-written ones are fine',
    files: {
      'd.yaml': deployment(
        '',
        '      annotations:\n        sidecar.istio.io/proxyCPU: 500m\n        prometheus.io/scrape: "true"\n        sidecar.istio.io/status: "{}"\n        istio.io/rev: canary',
      ),
    },
    expect: [],
  },
  {
    name: 'a typo in a pod-template annotation is found, with the closest name as fix',
    files: { 'd.yaml': deployment('', '      annotations:\n        sidecar.istio.io/proxyCpu: 500m') },
    expect: [
      {
        rule: 'unknown-istio-annotation',
        line: 13,
        messageId: 'unknownAnnotation',
        data: { key: 'sidecar.istio.io/proxyCpu', suggestion: 'sidecar.istio.io/proxyCPU' },
        hasFix: true,
      },
    ],
    fixed: { 'd.yaml': deployment('', '      annotations:\n        sidecar.istio.io/proxyCPU: 500m') },
  },
  {
    name: 'an unknown name without a close match on a Service has no fix',
    files: {
      's.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: api
        annotations:
          networking.istio.io/exportThree: "."
      spec: {ports: [{name: http, port: 80}]}
    `,
    },
    expect: [
      {
        rule: 'unknown-istio-annotation',
        line: 6,
        messageId: 'unknownAnnotationNoGuess',
        data: { key: 'networking.istio.io/exportThree' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'an Istio label written as an annotation',
    files: {
      'ns.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        annotations:
          istio.io/dataplane-mode: ambient
    `,
    },
    expect: [
      {
        rule: 'unknown-istio-annotation',
        line: 6,
        messageId: 'labelAsAnnotation',
        data: { key: 'istio.io/dataplane-mode', labelsPath: 'metadata.labels' },
        hasFix: false,
      },
    ],
  },
]);

ruleTable(rule('misplaced-istio-annotation'), [
  {
    name: 'a Pod annotation on the pod template is in place',
    files: { 'd.yaml': deployment('', '      annotations:\n        sidecar.istio.io/inject: "false"') },
    expect: [],
  },
  {
    name: "a Pod annotation on the Deployment's own metadata has no effect",
    files: {
      'd.yaml': deployment('    annotations:\n      traffic.sidecar.istio.io/excludeOutboundPorts: "5432"', ''),
    },
    expect: [
      {
        rule: 'misplaced-istio-annotation',
        line: 7,
        messageId: 'misplacedPodAnnotation',
        data: {
          key: 'traffic.sidecar.istio.io/excludeOutboundPorts',
          where: 'this Deployment',
          templateAnnotations: 'spec.template.metadata.annotations',
        },
      },
    ],
  },
  {
    name: 'the same on a StatefulSet, and an Ingress annotation on a Namespace',
    files: {
      'x.yaml': yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
        annotations:
          sidecar.istio.io/proxyMemory: 1Gi
      spec:
        template:
          metadata: {labels: {app: db}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: staging
        annotations:
          kubernetes.io/ingress.class: istio
    `,
    },
    expect: [
      {
        rule: 'misplaced-istio-annotation',
        line: 6,
        messageId: 'misplacedPodAnnotation',
        data: { templateAnnotations: 'spec.template.metadata.annotations' },
      },
      {
        rule: 'misplaced-istio-annotation',
        line: 16,
        messageId: 'misplaced',
        data: { key: 'kubernetes.io/ingress.class', kinds: 'Ingress', where: 'this Namespace' },
      },
    ],
  },
  {
    name: 'annotations meant for any object are fine anywhere',
    files: {
      'ns.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        annotations:
          galley.istio.io/analyze-suppress: IST0102
    `,
    },
    expect: [],
  },
  {
    name: "on a CronJob the message names the job template's path",
    files: {
      'cj.yaml': yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
        annotations:
          sidecar.istio.io/inject: "false"
      spec:
        schedule: "@daily"
        jobTemplate: {spec: {template: {spec: {containers: [{name: r, image: r}]}}}}
    `,
    },
    expect: [
      {
        rule: 'misplaced-istio-annotation',
        line: 6,
        messageId: 'misplacedPodAnnotation',
        data: { templateAnnotations: 'spec.jobTemplate.spec.template.metadata.annotations' },
      },
    ],
  },
]);

ruleTable(rule('invalid-istio-annotation-value'), [
  {
    name: 'valid values',
    files: {
      'p.yaml': yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          readiness.status.sidecar.istio.io/periodSeconds: "10"
          traffic.sidecar.istio.io/includeOutboundIPRanges: "*"
          traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.0.0.0/8,fd00::/8
          traffic.sidecar.istio.io/excludeInboundPorts: "15020, 9090"
          sidecar.istio.io/interceptionMode: TPROXY
          proxy.istio.io/config: '{"holdApplicationUntilProxyStarts": true}'
      spec: {containers: [{name: a, image: a}]}
    `,
    },
    expect: [],
  },
  {
    name: 'a word where a number is expected, a bare IP where a CIDR is expected, a bad mode',
    files: {
      'p.yaml': yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          readiness.status.sidecar.istio.io/initialDelaySeconds: soon
          traffic.sidecar.istio.io/excludeOutboundIPRanges: 10.0.0.1
          sidecar.istio.io/interceptionMode: redirect
      spec: {containers: [{name: a, image: a}]}
    `,
    },
    expect: [
      {
        rule: 'invalid-istio-annotation-value',
        line: 6,
        messageId: 'invalidValue',
        data: {
          key: 'readiness.status.sidecar.istio.io/initialDelaySeconds',
          value: 'soon',
          reason: 'must be a non-negative whole number',
        },
      },
      {
        rule: 'invalid-istio-annotation-value',
        line: 7,
        messageId: 'invalidValue',
        data: { value: '10.0.0.1', reason: '"10.0.0.1" is not a CIDR (address/prefix length, no spaces)' },
      },
      {
        rule: 'invalid-istio-annotation-value',
        line: 8,
        messageId: 'invalidValue',
        data: { value: 'redirect', reason: 'must be REDIRECT, TPROXY or NONE' },
      },
    ],
  },
  {
    name: 'pod-template values are validated too',
    files: { 'd.yaml': deployment('', '      annotations:\n        prometheus.istio.io/merge-metrics: "maybe"') },
    expect: [{ rule: 'invalid-istio-annotation-value', line: 13 }],
  },
]);

ruleTable(rule('deprecated-istio-annotation'), [
  {
    name: 'the inject annotation together with the label is deliberate',
    files: {
      'd.yaml': deployment('', '      annotations:\n        sidecar.istio.io/inject: "true"').replace(
        'labels: {app: web}',
        'labels: {app: web, sidecar.istio.io/inject: "true"}',
      ),
    },
    expect: [],
  },
  {
    name: 'deprecated annotations are reported where they are',
    files: {
      'd.yaml': deployment(
        '    annotations:\n      sidecar.istio.io/statsInclusionPrefixes: cluster.outbound',
        '      annotations:\n        sidecar.istio.io/inject: "false"',
      ),
    },
    expect: [
      {
        rule: 'deprecated-istio-annotation',
        line: 7,
        messageId: 'deprecated',
        data: { key: 'sidecar.istio.io/statsInclusionPrefixes' },
      },
      { rule: 'deprecated-istio-annotation', line: 14, messageId: 'injectAnnotationDeprecated' },
    ],
  },
]);
