import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const ns = (name: string, labels = '{}') => yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: ${name}
    labels: ${labels}
`;

ruleTable(rule('namespace-multiple-injection-labels'), [
  {
    name: 'one label each, and disabled injection next to another mode',
    files: {
      'ns.yaml': [
        ns('a', '{istio-injection: enabled}'),
        ns('b', '{istio.io/rev: canary}'),
        ns('c', '{istio-injection: disabled, istio.io/dataplane-mode: ambient}'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'injection plus revision, revision plus ambient',
    files: {
      'ns.yaml': [
        ns('a', '{istio-injection: enabled, istio.io/rev: canary}'),
        ns('b', '{istio.io/rev: canary, istio.io/dataplane-mode: ambient}'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'namespace-multiple-injection-labels',
        line: 5,
        messageId: 'injectionAndRevision',
        data: { namespace: 'a', labels: 'istio-injection=enabled, istio.io/rev=canary' },
      },
      {
        rule: 'namespace-multiple-injection-labels',
        line: 11,
        messageId: 'sidecarAndAmbient',
        data: { namespace: 'b', labels: 'istio.io/rev=canary, istio.io/dataplane-mode=ambient' },
      },
    ],
  },
]);

ruleTable(rules('namespace-not-injected', 'namespace-injected-by-default'), [
  {
    name: 'labelled, ambient, the Istio namespace and kube-system are not reported',
    files: {
      'ns.yaml': [
        ns('a', '{istio-injection: disabled}'),
        ns('b', '{istio.io/dataplane-mode: ambient}'),
        ns('istio-system'),
        ns('kube-system'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'an unlabelled namespace is outside the mesh',
    files: { 'ns.yaml': ns('shop') },
    expect: [{ rule: 'namespace-not-injected', line: 4, messageId: 'notInjected', data: { namespace: 'shop' } }],
  },
  {
    name: 'with enableNamespacesByDefault it is injected by default instead',
    files: {
      'ns.yaml': ns('shop'),
      'cm.yaml': yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio-sidecar-injector, namespace: istio-system}
        data:
          values: '{"sidecarInjectorWebhook": {"enableNamespacesByDefault": true}}'
      `,
    },
    expect: [
      {
        rule: 'namespace-injected-by-default',
        file: 'ns.yaml',
        line: 4,
        messageId: 'injectedByDefault',
        data: { namespace: 'shop', configMap: 'istio-system/istio-sidecar-injector' },
      },
    ],
  },
  {
    name: 'a rendered injector ConfigMap whose template block holds {{ }} is still read',
    files: {
      'ns.yaml': ns('shop'),
      'cm.yaml': yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio-sidecar-injector, namespace: istio-system}
        data:
          config: |-
            policy: enabled
            template: |
              {{- if .Values.global.proxy.enableCoreDump }}
              initContainers: []
              {{- end }}
          values: |-
            {"sidecarInjectorWebhook": {"enableNamespacesByDefault": true}}
      `,
    },
    expect: [
      {
        rule: 'namespace-injected-by-default',
        file: 'ns.yaml',
        line: 4,
        messageId: 'injectedByDefault',
        data: { namespace: 'shop', configMap: 'istio-system/istio-sidecar-injector' },
      },
    ],
  },
]);

ruleTable(rules('pod-missing-proxy', 'pod-without-proxy-in-injected-namespace'), [
  {
    name: 'injected, opted-out and host-network pods; Deployments are injected when their pods are created',
    files: {
      'x.yaml': [
        ns('shop', '{istio-injection: enabled}'),
        yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: a, namespace: shop}
      spec: {containers: [{name: app, image: a}, {name: istio-proxy, image: proxyv2}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: b, namespace: shop, labels: {sidecar.istio.io/inject: "false"}}
      spec: {containers: [{name: app, image: a}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: c, namespace: shop}
      spec: {hostNetwork: true, containers: [{name: app, image: a}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d, namespace: shop}
      spec: {template: {metadata: {labels: {app: d}}, spec: {containers: [{name: app, image: a}]}}}
    `,
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'a bare Pod manifest relies on injection at creation (info)',
    files: {
      'x.yaml': [
        ns('shop', '{istio-injection: enabled}'),
        yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: debug, namespace: shop}
      spec:
        containers: [{name: app, image: busybox}]
    `,
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'pod-without-proxy-in-injected-namespace',
        line: 11,
        name: 'debug',
        messageId: 'bareRelyingOnInjection',
        data: { pod: 'debug', namespace: 'shop' },
      },
    ],
  },
  {
    name: 'a snapshot of a running Pod without sidecar was not injected (warning); ambient pods need none',
    files: {
      'x.yaml': [
        ns('shop', '{istio-injection: enabled}'),
        yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: debug, namespace: shop, uid: 6b1f0c6e-1d2a-4c47-9a55-0f1d2e3a4b5c}
      spec:
        containers: [{name: app, image: busybox}]
      status: {phase: Running}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: ambient, namespace: shop, annotations: {ambient.istio.io/redirection: enabled}}
      spec:
        containers: [{name: app, image: busybox}]
    `,
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'pod-missing-proxy',
        line: 11,
        name: 'debug',
        messageId: 'missingProxy',
        data: { pod: 'debug', namespace: 'shop' },
      },
    ],
  },
]);

const webhook = yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector}
  webhooks:
  - name: namespace.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
    namespaceSelector:
      matchExpressions:
      - {key: istio-injection, operator: In, values: [enabled]}
  - name: object.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
    namespaceSelector:
      matchExpressions:
      - {key: istio-injection, operator: DoesNotExist}
    objectSelector:
      matchLabels: {sidecar.istio.io/inject: "true"}
`;
const gateway = (namespace: string, labels = '{app: gw}') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: gw, namespace: ${namespace}}
  spec:
    template:
      metadata:
        labels: ${labels}
      spec:
        containers:
        - name: istio-proxy
          image: auto
`;

ruleTable(rules('workload-image-auto-not-injected', 'pod-image-auto-not-injected'), [
  {
    name: 'gateway deployments the webhooks select (by namespace or by pod label)',
    files: {
      'x.yaml': [
        webhook,
        ns('ingress', '{istio-injection: enabled}'),
        gateway('ingress'),
        gateway('other', '{app: gw, sidecar.istio.io/inject: "true"}'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'a gateway deployment no webhook selects',
    files: { 'x.yaml': [webhook, gateway('plain')].join('---\n') },
    expect: [
      {
        rule: 'workload-image-auto-not-injected',
        line: 28,
        name: 'gw',
        messageId: 'noWebhookSelects',
        data: { workloadKind: 'Deployment', workload: 'gw' },
      },
    ],
  },
  {
    name: 'without webhooks in the repository: judged by the namespace the repository defines, else left alone',
    files: { 'x.yaml': [ns('ingress'), gateway('ingress'), gateway('elsewhere')].join('---\n') },
    expect: [
      {
        rule: 'workload-image-auto-not-injected',
        line: 17,
        messageId: 'noWebhookSelects',
        data: { namespace: 'ingress' },
      },
    ],
  },
  {
    name: 'a Pod manifest with image auto that a webhook will inject is fine; one no webhook selects is not',
    files: {
      'x.yaml': [
        webhook,
        ns('ingress', '{istio-injection: enabled}'),
        yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: ok, namespace: ingress}
      spec:
        containers:
        - name: istio-proxy
          image: auto
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: stuck, namespace: default}
      spec:
        containers:
        - name: istio-proxy
          image: auto
    `,
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'pod-image-auto-not-injected',
        line: 38,
        name: 'stuck',
        messageId: 'noWebhookSelects',
        data: { pod: 'stuck', namespace: 'default' },
      },
    ],
  },
  {
    name: 'a snapshot of a running Pod still holding image auto was not injected',
    files: {
      'p.yaml': yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: default, uid: 0b7c9a52-4c1e-4a4e-8f57-1d2c3b4a5e6f}
      spec:
        containers:
        - name: istio-proxy
          image: auto
      status: {phase: Pending}
    `,
    },
    expect: [{ rule: 'pod-image-auto-not-injected', line: 7, messageId: 'wasNotInjected', data: { pod: 'p' } }],
  },
  {
    name: 'without webhooks or Namespace in the repository, a Pod manifest is left alone',
    files: {
      'p.yaml': yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: elsewhere}
      spec:
        containers:
        - name: istio-proxy
          image: auto
    `,
    },
    expect: [],
  },
]);
