// The plain CEL rules of Istio's CRDs that the API server enforces at `kubectl apply` time.
import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

ruleTable(rule('schema-validation-rule'), [
  {
    name: 'policies attached by selector or by targetRefs, not both; waypoint policy by targetRefs',
    files: {
      'ok.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: waypoint-allow, namespace: shop}
      spec:
        targetRefs:
        - {kind: Service, group: "", name: checkout}
        action: ALLOW
        rules: [{from: [{source: {namespaces: [shop]}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: db, namespace: shop}
      spec:
        selector: {matchLabels: {app: db}}
        mtls: {mode: STRICT}
        portLevelMtls:
          5432: {mode: DISABLE}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        selector: {matchLabels: {app: gateway}}
        jwtRules:
        - issuer: https://issuer.example.com
          jwksUri: https://issuer.example.com/jwks.json
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: TrafficExtension
      metadata: {name: lua, namespace: shop}
      spec:
        selector: {matchLabels: {app: gateway}}
        lua: {inlineCode: "function envoy_on_request(h) end"}
    `,
    },
    expect: [],
  },
  {
    name: 'selector and targetRefs together; a cross-namespace targetRef; a wildcard label value',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: mixed, namespace: shop}
      spec:
        selector:
          matchLabels: {app: "checkout-*"}
        targetRefs:
        - {kind: Gateway, group: gateway.networking.k8s.io, name: ingress, namespace: istio-ingress}
        action: DENY
        rules: [{to: [{operation: {paths: [/admin]}}]}]
    `,
    },
    expect: [
      {
        rule: 'schema-validation-rule',
        line: 6,
        messageId: 'wildcardLabelValue',
        data: { key: 'app', value: 'checkout-*' },
      },
      {
        rule: 'schema-validation-rule',
        line: 7,
        messageId: 'selectorWithTargetRefs',
        data: { fields: '"selector" and "targetRefs"' },
      },
      {
        rule: 'schema-validation-rule',
        line: 8,
        messageId: 'crossNamespaceTargetRef',
        data: { ref: 'spec.targetRefs[0]', namespace: 'istio-ingress' },
      },
    ],
  },
  {
    name: 'PeerAuthentication port-level mTLS without a selector, and a port key that is not a number',
    files: {
      'pa.yaml': yaml`
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata: {name: default, namespace: shop}
      spec:
        mtls: {mode: STRICT}
        portLevelMtls:
          http: {mode: PERMISSIVE}
    `,
    },
    expect: [
      { rule: 'schema-validation-rule', line: 6, messageId: 'portLevelMtlsWithoutSelector' },
      { rule: 'schema-validation-rule', line: 7, messageId: 'portLevelMtlsBadPort', data: { port: 'http' } },
    ],
  },
  {
    name: 'RequestAuthentication with jwks and jwksUri, and a jwksUri without a scheme',
    files: {
      'ra.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        jwtRules:
        - issuer: https://issuer.example.com
          jwksUri: issuer.example.com/jwks.json
          jwks: '{"keys": []}'
    `,
    },
    expect: [
      {
        rule: 'schema-validation-rule',
        line: 7,
        messageId: 'jwksUriScheme',
        data: { index: 0, field: 'jwksUri', uri: 'issuer.example.com/jwks.json' },
      },
      {
        rule: 'schema-validation-rule',
        line: 8,
        messageId: 'jwksTwice',
        data: { index: 0, fields: '"jwksUri" and "jwks"' },
      },
    ],
  },
  {
    name: 'TrafficExtension with both wasm and lua; WasmPlugin env value taken from the host',
    files: {
      'ext.yaml': yaml`
      apiVersion: extensions.istio.io/v1alpha1
      kind: TrafficExtension
      metadata: {name: both, namespace: shop}
      spec:
        wasm: {url: oci://ghcr.io/example/filter:1.0}
        lua: {inlineCode: "function envoy_on_request(h) end"}
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: WasmPlugin
      metadata: {name: w, namespace: shop}
      spec:
        url: oci://ghcr.io/example/filter:1.0
        vmConfig:
          env:
          - {name: POD_NAME, valueFrom: HOST, value: x}
        match:
        - mode: SERVER
          ports: [{number: 8080}, {number: 8443}, {number: 8080}]
    `,
    },
    expect: [
      { rule: 'schema-validation-rule', line: 6, messageId: 'wasmAndLua' },
      {
        rule: 'schema-validation-rule',
        line: 15,
        messageId: 'hostEnvWithValue',
        data: { env: 'spec.vmConfig.env[0]' },
      },
      {
        rule: 'schema-validation-rule',
        line: 18,
        messageId: 'duplicateKey',
        data: { item: 'spec.match[0].ports[2]', keyField: 'number', key: '8080' },
      },
    ],
  },
  {
    name: 'an empty or wildcard label key; port-level mTLS with no port; a TrafficExtension with neither wasm nor lua',
    files: {
      'policies.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: t, namespace: shop}
      spec:
        selector:
          matchLabels:
            "": web
            "app*": web
        tracing: [{randomSamplingPercentage: 10}]
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: db, namespace: shop}
      spec:
        selector: {matchLabels: {app: db}}
        portLevelMtls: {}
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: TrafficExtension
      metadata: {name: none, namespace: shop}
      spec:
        selector: {matchLabels: {app: gateway}}
    `,
    },
    expect: [
      { rule: 'schema-validation-rule', line: 7, messageId: 'emptyLabelKey' },
      { rule: 'schema-validation-rule', line: 8, messageId: 'wildcardLabelKey', data: { key: 'app*' } },
      { rule: 'schema-validation-rule', line: 16, messageId: 'portLevelMtlsEmpty' },
      { rule: 'schema-validation-rule', line: 21, messageId: 'neitherWasmNorLua' },
    ],
  },
  {
    name: 'a kustomize patch may leave the selector to its base',
    files: {
      'overlays/prod/pa-patch.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: db, namespace: shop}
      spec:
        portLevelMtls:
          5432: {mode: DISABLE}
    `,
    },
    expect: [],
  },
]);
