// The plain CEL rules of Istio's CRDs that the API server enforces at `kubectl apply` time.
import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

ruleTable(rule('schema-validation-rule'), [
  {
    name: 'policies attached by selector or by targetRefs, not both; waypoint policy by targetRefs',
    files: { 'ok.yaml': yaml`
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
    ` },
    expect: [],
  },
  {
    name: 'selector and targetRefs together; a cross-namespace targetRef; a wildcard label value',
    files: { 'ap.yaml': yaml`
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
    ` },
    expect: [
      { rule: 'schema-validation-rule', line: 6, message: '"wildcard not allowed in label value match"' },
      { rule: 'schema-validation-rule', line: 7, message: 'spec sets "selector" and "targetRefs": "only one of targetRefs or selector can be set"' },
      { rule: 'schema-validation-rule', line: 8, message: 'spec.targetRefs[0].namespace is "istio-ingress": "cross namespace referencing is not currently supported"' },
    ],
  },
  {
    name: 'PeerAuthentication port-level mTLS without a selector, and a port key that is not a number',
    files: { 'pa.yaml': yaml`
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata: {name: default, namespace: shop}
      spec:
        mtls: {mode: STRICT}
        portLevelMtls:
          http: {mode: PERMISSIVE}
    ` },
    expect: [
      { rule: 'schema-validation-rule', line: 6, message: '"portLevelMtls requires selector"' },
      { rule: 'schema-validation-rule', line: 7, message: 'key "http" is not a port number' },
    ],
  },
  {
    name: 'RequestAuthentication with jwks and jwksUri, and a jwksUri without a scheme',
    files: { 'ra.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        jwtRules:
        - issuer: https://issuer.example.com
          jwksUri: issuer.example.com/jwks.json
          jwks: '{"keys": []}'
    ` },
    expect: [
      { rule: 'schema-validation-rule', line: 7, message: '"url must have scheme http:// or https://"' },
      { rule: 'schema-validation-rule', line: 8, message: '"only one of jwks or jwksUri can be set"' },
    ],
  },
  {
    name: 'TrafficExtension with both wasm and lua; WasmPlugin env value taken from the host',
    files: { 'ext.yaml': yaml`
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
    ` },
    expect: [
      { rule: 'schema-validation-rule', line: 6, message: '"exactly one of wasm or lua must be set"' },
      { rule: 'schema-validation-rule', line: 15, message: '"value may only be set when valueFrom is INLINE"' },
      { rule: 'schema-validation-rule', line: 18, message: 'spec.match[0].ports[2] repeats number 8080' },
    ],
  },
  {
    name: 'a kustomize patch may leave the selector to its base',
    files: { 'overlays/prod/pa-patch.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: db, namespace: shop}
      spec:
        portLevelMtls:
          5432: {mode: DISABLE}
    ` },
    expect: [],
  },
]);
