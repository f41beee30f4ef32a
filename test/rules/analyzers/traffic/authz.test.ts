import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const httpbin = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: httpbin, labels: {istio-injection: enabled}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: httpbin, namespace: httpbin}
  spec:
    template:
      metadata: {labels: {app: httpbin, version: v1}}
      spec: {containers: [{name: httpbin, image: httpbin}]}
`;

ruleTable(rule('authz-no-matching-workload'), [
  {
    name: 'policies selecting an injected Deployment, namespace-wide, mesh-wide and targetRef policies',
    files: {
      'app.yaml': httpbin,
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: httpbin, namespace: httpbin}
      spec: {selector: {matchLabels: {app: httpbin}}, action: ALLOW, rules: [{from: [{source: {namespaces: [httpbin]}}]}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ns-wide, namespace: httpbin}
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: mesh-wide, namespace: istio-system}
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: on-gateway, namespace: httpbin}
      spec: {targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: web}]}
    `,
    },
    expect: [],
  },
  {
    name: 'a selector matching no workload, and a root-namespace selector matching nothing anywhere',
    files: {
      'app.yaml': httpbin,
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: typo, namespace: httpbin}
      spec:
        selector:
          matchLabels: {app: httbin}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: root, namespace: istio-system}
      spec:
        selector:
          matchLabels: {version: v9}
    `,
    },
    expect: [
      {
        rule: 'authz-no-matching-workload',
        file: 'ap.yaml',
        line: 6,
        name: 'typo',
        messageId: 'selectorMatchesNoWorkload',
        data: { selector: 'app=httbin', namespace: 'httpbin' },
      },
      {
        rule: 'authz-no-matching-workload',
        file: 'ap.yaml',
        line: 13,
        name: 'root',
        messageId: 'rootSelectorMatchesNoWorkload',
        data: { selector: 'version=v9', namespace: 'istio-system' },
      },
    ],
  },
  {
    name: 'workloads not in the mesh do not count: a Pod without proxy in a plain namespace',
    files: {
      'app.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: plain}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: plain, labels: {app: p}}
      spec: {containers: [{name: p, image: p}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: p
        namespace: plain
      spec: {}
    `,
    },
    expect: [
      {
        rule: 'authz-no-matching-workload',
        line: 13,
        messageId: 'namespaceHasNoWorkload',
        data: { namespace: 'plain', name: 'p' },
      },
    ],
  },
  {
    name: 'a workload opted out with sidecar.istio.io/inject: "false" does not count, even in an injected namespace',
    files: {
      'app.yaml': yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: jobs, labels: {istio-injection: enabled}}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, namespace: jobs}
      spec:
        schedule: "0 * * * *"
        jobTemplate:
          spec:
            template:
              metadata: {labels: {app: report, sidecar.istio.io/inject: "false"}}
              spec: {containers: [{name: report, image: report}], restartPolicy: Never}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: report, namespace: jobs}
      spec:
        selector:
          matchLabels: {app: report}
    `,
    },
    expect: [
      {
        rule: 'authz-no-matching-workload',
        line: 21,
        messageId: 'selectorMatchesNoWorkload',
        data: { selector: 'app=report' },
      },
    ],
  },
  {
    name: 'a Deployment in a namespace defined elsewhere is assumed injected',
    files: {
      'app.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: api}
      spec:
        template:
          metadata: {labels: {app: api}}
          spec: {containers: [{name: api, image: api}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: api, namespace: api}
      spec: {selector: {matchLabels: {app: api}}}
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('authz-namespace-not-found'), [
  {
    name: 'namespaces and patterns that match known namespaces',
    files: {
      'app.yaml': httpbin,
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: httpbin, namespace: httpbin}
      spec:
        rules:
        - from:
          - source: {namespaces: [httpbin, "http*", "*bin", "*"], notNamespaces: [istio-system]}
    `,
    },
    expect: [],
  },
  {
    name: 'unknown namespaces and patterns, in namespaces and notNamespaces',
    files: {
      'app.yaml': httpbin,
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: httpbin, namespace: httpbin}
      spec:
        rules:
        - from:
          - source:
              namespaces:
              - httpbin
              - fronend
              - "*-bogus"
          - source:
              notNamespaces:
              - prod-*
    `,
    },
    expect: [
      {
        rule: 'authz-namespace-not-found',
        file: 'ap.yaml',
        line: 10,
        messageId: 'namespaceNotFound',
        data: { namespace: 'fronend' },
      },
      {
        rule: 'authz-namespace-not-found',
        file: 'ap.yaml',
        line: 11,
        messageId: 'namespaceNotFound',
        data: { namespace: '*-bogus' },
      },
      {
        rule: 'authz-namespace-not-found',
        file: 'ap.yaml',
        line: 14,
        messageId: 'notNamespaceNotFound',
        data: { namespace: 'prod-*' },
      },
    ],
  },
  {
    name: 'namespaces declared external in the config file',
    config: 'external:\n  namespaces: [frontend]\n',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: a, namespace: api}
      spec: {rules: [{from: [{source: {namespaces: [frontend]}}]}]}
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('selector-on-kubernetes-gateway'), [
  {
    name: 'selectors on the pods of a Kubernetes Gateway, or naming a Gateway of the repository',
    files: {
      'gw.yaml': yaml`
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: web, namespace: web}
      spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ap, namespace: web}
      spec:
        selector:
          matchLabels: {gateway.networking.k8s.io/gateway-name: web}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: edge-abc, namespace: web, labels: {gateway.networking.k8s.io/gateway-name: edge, app: edge}}
      spec: {containers: [{name: istio-proxy, image: proxyv2}]}
      ---
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: t, namespace: web}
      spec:
        selector:
          matchLabels: {app: edge}
    `,
    },
    expect: [
      {
        rule: 'selector-on-kubernetes-gateway',
        line: 11,
        name: 'ap',
        messageId: 'selectorOnGateway',
        data: { kind: 'AuthorizationPolicy', gateway: 'web' },
      },
      {
        rule: 'selector-on-kubernetes-gateway',
        line: 23,
        name: 't',
        messageId: 'selectorOnGateway',
        data: { kind: 'Telemetry', gateway: 'edge' },
      },
    ],
  },
  {
    name: 'targetRefs attach policies to Kubernetes Gateways correctly',
    files: {
      'gw.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: ra, namespace: web}
      spec:
        selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: web}}
        targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: web}]
    `,
    },
    expect: [],
  },
]);
