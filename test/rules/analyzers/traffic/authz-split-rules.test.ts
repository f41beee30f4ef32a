import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: orders, namespace: shop}
  spec:
    selector: {matchLabels: {app: orders}}
    template:
      metadata: {labels: {app: orders}}
      spec: {containers: [{name: orders, image: orders:1}]}
`;

ruleTable(rule('authz-split-allow-rules'), [
  {
    name: 'from and to in separate rules: warning, the fix merges them into one rule',
    files: {
      'deploy.yaml': deployment,
      'ap.yaml': yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: orders-admin, namespace: shop}
        spec:
          selector:
            matchLabels: {app: orders}
          action: ALLOW
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/ops/sa/admin"]
          - to:
            - operation:
                methods: ["POST"]
                paths: ["/admin/*"]
      `,
    },
    expect: [
      {
        rule: 'authz-split-allow-rules',
        file: 'ap.yaml',
        line: 8,
        hasFix: true,
        messageId: 'splitRulesMergeable',
        data: {
          fromRule: 0,
          sources: 'principals [cluster.local/ns/ops/sa/admin]',
          toRule: 1,
          operations: 'methods [POST]; paths [/admin/*]',
        },
      },
    ],
    fixed: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: orders-admin, namespace: shop}
      spec:
        selector:
          matchLabels: {app: orders}
        action: ALLOW
        rules:
        - from:
          - source:
              principals:
              - cluster.local/ns/ops/sa/admin
          to:
          - operation:
              methods:
              - POST
              paths:
              - "/admin/*"
    `,
    },
  },
  {
    name: 'a third rule: warning without a fix',
    files: {
      'deploy.yaml': deployment,
      'ap.yaml': yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: orders, namespace: shop}
        spec:
          selector: {matchLabels: {app: orders}}
          rules:
          - from: [{source: {namespaces: [shop]}}]
          - to: [{operation: {paths: [/internal/*]}}]
          - when:
            - key: source.namespace
              values: [debug]
      `,
    },
    expect: [
      {
        rule: 'authz-split-allow-rules',
        file: 'ap.yaml',
        line: 6,
        hasFix: false,
        messageId: 'splitRules',
        data: { fromRule: 0, sources: 'namespaces [shop]', toRule: 1, operations: 'paths [/internal/*]' },
      },
    ],
  },
  {
    name: 'combined rules, DENY policies, from with when, to with from: silent',
    files: {
      'deploy.yaml': deployment,
      'ap.yaml': yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: orders, namespace: shop}
        spec:
          selector: {matchLabels: {app: orders}}
          rules:
          - from: [{source: {namespaces: [shop]}}]
            to: [{operation: {methods: [GET]}}]
          - from: [{source: {namespaces: [ops]}}]
            when: [{key: source.ip, values: [10.0.0.0/8]}]
          - to: [{operation: {paths: [/healthz]}}]
            from: [{source: {namespaces: [monitoring]}}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: orders-deny, namespace: shop}
        spec:
          selector: {matchLabels: {app: orders}}
          action: DENY
          rules:
          - from: [{source: {notNamespaces: [shop]}}]
          - to: [{operation: {paths: [/admin/*]}}]
      `,
    },
    expect: [],
  },
]);
