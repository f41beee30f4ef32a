import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

ruleTable(rules('authz-invalid', 'authz-validation-warning', 'peer-authn-invalid', 'peer-authn-validation-warning', 'request-authn-invalid', 'request-authn-validation-warning'), [
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
          to: [{operation: {methods: [GET, POST], paths: ["/cart/*", "/api/{*}/items", "/{**}/edit"], ports: ["8080"]}}]
          when:
          - key: request.auth.claims[groups]
            values: [buyers]
          - key: request.auth.claims[realm][role]
            values: [admin]
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
      metadata: {name: by-service-account, namespace: shop}
      spec:
        action: DENY
        rules:
        - from: [{source: {notServiceAccounts: ["shop/frontend"]}}]
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

ruleTable(rules('telemetry-invalid', 'telemetry-validation-warning', 'workload-entry-invalid', 'workload-entry-validation-warning', 'workload-group-invalid'), [
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

ruleTable(rules('authz-invalid', 'authz-validation-warning'), [
  {
    name: 'DENY without rules, provider on an ALLOW policy, CUSTOM without a provider name',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny, namespace: shop}
      spec:
        action: DENY
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow, namespace: shop}
      spec:
        provider: {name: ext-authz}
        rules: [{}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: custom, namespace: shop}
      spec:
        action: CUSTOM
        rules:
        - from: [{source: {principals: ["cluster.local/ns/shop/sa/web"]}}]
    ` },
    expect: [
      { rule: 'authz-invalid', line: 5, name: 'deny', message: 'DENY policy without rules never triggers' },
      { rule: 'authz-invalid', line: 11, name: 'allow', message: 'only allowed with action CUSTOM' },
      { rule: 'authz-invalid', line: 18, name: 'custom', message: 'needs provider.name' },
      { rule: 'authz-invalid', line: 20, name: 'custom', message: 'not supported with the CUSTOM action' },
    ],
  },
  {
    name: 'empty source, operation without values, bad IP block, bad port, bad path template, unknown when key',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - from:
          - source: {}
          - source:
              ipBlocks: [10.0.0.300/8]
          to:
          - operation:
              ports: [http]
              paths: ["/api/{id}"]
          when:
          - key: request.header[x-user]
            values: [alice]
          - key: source.ip
    ` },
    expect: [
      { rule: 'authz-invalid', line: 7, message: '`from.source` is empty' },
      { rule: 'authz-invalid', line: 9, message: 'not an IP address or CIDR block' },
      { rule: 'authz-invalid', line: 12, message: 'not a port number' },
      { rule: 'authz-invalid', line: 13, message: 'not a supported template' },
      { rule: 'authz-invalid', line: 15, message: /unknown when key "request\.header\[x\-user\]"/i },
      { rule: 'authz-invalid', line: 17, message: 'neither values nor notValues' },
    ],
  },
  {
    name: 'a DENY rule on HTTP methods only warns that it blocks TCP traffic; with ports it does not',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        action: DENY
        rules:
        - to: [{operation: {methods: [DELETE]}}]
        - to: [{operation: {methods: [PUT], ports: ["8080"]}}]
    ` },
    expect: [{ rule: 'authz-validation-warning', line: 7, message: 'denies all traffic' }],
  },
  {
    name: 'a targetRef to a Deployment (selector and targetRefs together is a CRD rule, reported by schema-validation-rule)',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        targetRefs:
        - {kind: Deployment, group: apps, name: web}
    ` },
    expect: [
      { rule: 'authz-invalid', line: 7, message: 'is not a Service' },
    ],
  },
]);

ruleTable(rules('peer-authn-invalid', 'peer-authn-validation-warning', 'request-authn-invalid', 'request-authn-validation-warning'), [
  {
    name: 'an empty selector warns (portLevelMtls without a selector and bad port keys are CRD rules, reported by schema-validation-rule)',
    files: { 'pa.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: shop}
      spec:
        mtls: {mode: STRICT}
        portLevelMtls:
          "8080": {mode: PERMISSIVE}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        portLevelMtls:
          "70000": {mode: DISABLE}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: empty, namespace: shop}
      spec:
        selector: {}
        mtls: {mode: PERMISSIVE}
    ` },
    expect: [
      { rule: 'peer-authn-validation-warning', line: 21, name: 'empty', message: 'no matchLabels' },
    ],
  },
  {
    name: 'JWT rule without issuer, a jwksUri that does not parse, jwks that is not JSON (a header without name is a schema finding)',
    files: { 'ra.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        jwtRules:
        - jwksUri: https://auth.example.com/jwks.json
        - issuer: https://auth.example.com/
          jwksUri: "https://auth example.com/jwks.json"
          fromHeaders:
          - prefix: "Bearer "
        - issuer: other
          jwks: "keys: []"
          timeout: 5
    ` },
    expect: [
      { rule: 'request-authn-invalid', line: 6, message: 'has no issuer' },
      { rule: 'request-authn-invalid', line: 8, message: 'not a valid URL' },
      { rule: 'request-authn-invalid', line: 12, message: 'does not parse as JSON' },
    ],
  },
]);

ruleTable(rules('telemetry-invalid', 'telemetry-validation-warning'), [
  {
    name: 'an UPSERT override without a value, a REMOVE override with one, two tracing providers (sampling and provider names are schema findings)',
    files: { 'tel.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: t, namespace: istio-system}
      spec:
        tracing:
        - providers:
          - name: zipkin
          - name: otel
          randomSamplingPercentage: 1000
        metrics:
        - providers: [{}]
          overrides:
          - tagOverrides:
              team: {}
              source_app: {operation: REMOVE, value: x}
    ` },
    expect: [
      { rule: 'telemetry-validation-warning', line: 6, message: /more than one tracing provider/i },
      { rule: 'telemetry-invalid', line: 14, message: 'has no value' },
      { rule: 'telemetry-invalid', line: 15, message: 'cannot have a value' },
    ],
  },
]);

ruleTable(rules('workload-entry-invalid', 'workload-entry-validation-warning', 'workload-group-invalid'), [
  {
    name: 'WorkloadEntry: a bad address, a unix socket with ports, a bad port name; network without address',
    files: { 'we.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1, namespace: legacy}
      spec:
        address: 10.0.0.300
        ports:
          http_web: 8080
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-2, namespace: legacy}
      spec:
        address: unix:///var/run/app.sock
        ports: {http: 8080}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-3, namespace: legacy}
      spec:
        network: vm-net
    ` },
    expect: [
      { rule: 'workload-entry-invalid', line: 5, name: 'vm-1', message: 'not an IP address or a DNS name' },
      { rule: 'workload-entry-invalid', line: 7, name: 'vm-1', message: /port name "http_web"/i },
      { rule: 'workload-entry-invalid', line: 14, name: 'vm-2', message: 'cannot list ports' },
      { rule: 'workload-entry-validation-warning', line: 20, name: 'vm-3', message: /address is not set/i },
    ],
  },
  {
    name: 'WorkloadGroup: a probe without a check; a lower-case scheme is fixed (a missing template is a schema finding)',
    files: { 'wg.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: a, namespace: legacy}
      spec:
        metadata: {labels: {app: a}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: b, namespace: legacy}
      spec:
        template: {serviceAccount: b}
        probe:
          periodSeconds: 5
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: c, namespace: legacy}
      spec:
        template: {serviceAccount: c}
        probe:
          httpGet: {port: 8080, scheme: https}
    ` },
    expect: [
      { rule: 'workload-group-invalid', line: 12, name: 'b', message: 'has no check' },
      { rule: 'workload-group-invalid', line: 21, name: 'c', message: 'scheme "https"', hasFix: true },
    ],
    fixed: { 'wg.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: a, namespace: legacy}
      spec:
        metadata: {labels: {app: a}}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: b, namespace: legacy}
      spec:
        template: {serviceAccount: b}
        probe:
          periodSeconds: 5
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadGroup
      metadata: {name: c, namespace: legacy}
      spec:
        template: {serviceAccount: c}
        probe:
          httpGet: {port: 8080, scheme: HTTPS}
    ` },
  },
]);

ruleTable(rule('authz-unsupported-wildcard'), [
  {
    name: 'exact, prefix, suffix and presence values, and path templates, are fine',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - from: [{source: {principals: ["cluster.local/ns/shop/sa/web", "cluster.local/ns/shop/*", "*/sa/web", "*"]}}]
          to: [{operation: {hosts: ["*.example.com", "api.*"], paths: ["/api/{*}/items", "/static/*", "/{**}/edit"]}}]
          when:
          - key: source.ip
            values: [10.0.0.0/8]
    ` },
    expect: [],
  },
  {
    name: 'a "*" in the middle of a principal is reported; a path wildcard segment is rewritten as a template',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - from:
          - source:
              principals: ["cluster.local/ns/*/sa/web"]
          to:
          - operation:
              paths: ["/api/*/items"]
          when:
          - key: request.headers[x-team]
            values: ["*pay*"]
    ` },
    expect: [
      { rule: 'authz-unsupported-wildcard', line: 8, message: 'compares it literally', hasFix: false },
      { rule: 'authz-unsupported-wildcard', line: 11, message: '"/api/{*}/items"', hasFix: true },
      { rule: 'authz-unsupported-wildcard', line: 14, hasFix: false },
    ],
    fixed: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - from:
          - source:
              principals: ["cluster.local/ns/*/sa/web"]
          to:
          - operation:
              paths: ["/api/{*}/items"]
          when:
          - key: request.headers[x-team]
            values: ["*pay*"]
    ` },
  },
]);

ruleTable(rule('authz-invalid'), [
  {
    name: 'istio.io/dry-run: fine on ALLOW/DENY with a boolean, rejected on CUSTOM or with another value',
    files: { 'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: trial
        namespace: shop
        annotations: {istio.io/dry-run: "true"}
      spec:
        action: DENY
        rules: [{to: [{operation: {paths: [/admin], ports: ["8080"]}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: custom
        namespace: shop
        annotations: {istio.io/dry-run: "true"}
      spec:
        action: CUSTOM
        provider: {name: opa}
        rules: [{}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata:
        name: maybe
        namespace: shop
        annotations: {istio.io/dry-run: "yes"}
      spec: {}
    ` },
    expect: [
      { rule: 'authz-invalid', line: 16, name: 'custom', message: 'only supports actions ALLOW and DENY' },
      { rule: 'authz-invalid', line: 27, name: 'maybe', message: 'is not a boolean' },
    ],
  },
]);
