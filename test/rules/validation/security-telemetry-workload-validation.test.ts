import { ruleTable, yaml } from '../../helpers/harness.js';

ruleTable(['authz-invalid', 'authz-validation-warning', 'peer-authn-invalid', 'peer-authn-validation-warning', 'request-authn-invalid', 'request-authn-validation-warning'], [
  {
    name: 'typical ALLOW, DENY, CUSTOM policies, STRICT mTLS with a port exception and JWT auth are valid',
    files: { 'sec.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-frontend, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        action: ALLOW
        rules:
        - from: [{source: {principals: ["cluster.local/ns/shop/sa/frontend"], namespaces: [shop]}}]
          to: [{operation: {methods: [GET, POST], paths: ["/cart/*", "/api/{*}/items"], ports: ["8080"]}}]
          when:
          - key: request.auth.claims[groups]
            values: [buyers]
          - key: source.ip
            notValues: [10.0.0.0/8]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-admin, namespace: shop}
      spec:
        action: DENY
        rules:
        - from: [{source: {notNamespaces: [shop]}}]
          to: [{operation: {paths: [/admin], ports: ["8080"]}}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ext-authz, namespace: shop}
      spec:
        action: CUSTOM
        provider: {name: oauth2-proxy}
        rules: [{to: [{operation: {hosts: [shop.example.com]}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: locked}
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: istio-system}
      spec: {mtls: {mode: STRICT}}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: metrics, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        mtls: {mode: STRICT}
        portLevelMtls:
          "9090": {mode: DISABLE}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        jwtRules:
        - issuer: https://auth.example.com/
          jwksUri: https://auth.example.com/.well-known/jwks.json
          audiences: [shop]
          fromHeaders: [{name: Authorization, prefix: "Bearer "}]
          outputClaimToHeaders: [{header: x-user, claim: sub}]
          forwardOriginalToken: true
    ` },
    expect: [],
  },
]);

ruleTable(['telemetry-invalid', 'telemetry-validation-warning', 'workload-entry-invalid', 'workload-entry-validation-warning', 'workload-group-invalid'], [
  {
    name: 'mesh-wide Telemetry, a VM WorkloadEntry and a WorkloadGroup are valid',
    files: { 'tel.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: mesh-default, namespace: istio-system}
      spec:
        tracing:
        - providers: [{name: otel}]
          randomSamplingPercentage: 1.5
          customTags:
            env: {literal: {value: prod}}
        accessLogging: [{providers: [{name: envoy}]}]
        metrics:
        - providers: [{name: prometheus}]
          overrides:
          - match: {metric: REQUEST_COUNT}
            tagOverrides:
              request_host: {operation: REMOVE}
              team: {value: "'shop'"}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: legacy}
      spec:
        address: 10.128.0.12
        labels: {app: billing, version: v1}
        ports: {http: 8080}
        serviceAccount: billing
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: billing, namespace: legacy}
      spec:
        metadata: {labels: {app: billing}}
        template: {serviceAccount: billing, ports: {http: 8080}}
        probe:
          periodSeconds: 5
          httpGet: {path: /ready, port: 8080, scheme: HTTP}
    ` },
    expect: [],
  },
]);
