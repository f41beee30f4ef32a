import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

ruleTable(
  rules(
    'authz-invalid',
    'authz-validation-warning',
    'peer-authn-invalid',
    'peer-authn-validation-warning',
    'request-authn-invalid',
    'request-authn-validation-warning',
  ),
  [
    {
      name: 'typical ALLOW, DENY, CUSTOM policies, STRICT mTLS with a port exception and JWT auth are valid',
      files: {
        'sec.yaml': yaml`
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
    `,
      },
      expect: [],
    },
  ],
);

ruleTable(
  rules(
    'telemetry-invalid',
    'telemetry-validation-warning',
    'workload-entry-invalid',
    'workload-entry-validation-warning',
    'workload-group-invalid',
  ),
  [
    {
      name: 'mesh-wide Telemetry, a VM WorkloadEntry and a WorkloadGroup are valid',
      files: {
        'tel.yaml': yaml`
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
    `,
      },
      expect: [],
    },
  ],
);

ruleTable(rules('authz-invalid', 'authz-validation-warning'), [
  {
    name: 'DENY without rules, provider on an ALLOW policy, CUSTOM without a provider name',
    files: {
      'ap.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'authz-invalid',
        line: 5,
        name: 'deny',
        messageId: 'rejected',
        data: { problem: 'A DENY policy without rules never triggers' },
      },
      {
        rule: 'authz-invalid',
        line: 11,
        name: 'allow',
        messageId: 'rejected',
        data: { problem: 'Provider is only allowed with action CUSTOM, not ALLOW' },
      },
      {
        rule: 'authz-invalid',
        line: 18,
        name: 'custom',
        messageId: 'rejected',
        data: { problem: 'A CUSTOM policy needs provider.name' },
      },
      {
        rule: 'authz-invalid',
        line: 20,
        name: 'custom',
        messageId: 'rejected',
        data: { problem: 'source.principals is not supported with the CUSTOM action' },
      },
    ],
  },
  {
    name: 'empty source, operation without values, bad IP block, bad port, bad path template, unknown when key',
    files: {
      'ap.yaml': yaml`
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
    `,
    },
    expect: [
      { rule: 'authz-invalid', line: 7, messageId: 'rejected', data: { problem: '`from.source` is empty' } },
      {
        rule: 'authz-invalid',
        line: 9,
        messageId: 'rejected',
        data: { problem: 'ipBlocks entry "10.0.0.300/8" is not an IP address or CIDR block' },
      },
      {
        rule: 'authz-invalid',
        line: 12,
        messageId: 'rejected',
        data: { problem: 'Ports entry "http" is not a port number' },
      },
      {
        rule: 'authz-invalid',
        line: 13,
        messageId: 'rejected',
        data: { problem: 'Path "/api/{id}": segment "{id}" is not a supported template ("{*}" or "{**}")' },
      },
      {
        rule: 'authz-invalid',
        line: 15,
        messageId: 'rejected',
        data: { problem: 'Unknown when key "request.header[x-user]"' },
      },
      {
        rule: 'authz-invalid',
        line: 17,
        messageId: 'rejected',
        data: { problem: 'The `when` condition on "source.ip" has neither values nor notValues' },
      },
    ],
  },
  {
    name: 'a DENY rule on HTTP methods only warns that it blocks TCP traffic; with ports it does not',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        action: DENY
        rules:
        - to: [{operation: {methods: [DELETE]}}]
        - to: [{operation: {methods: [PUT], ports: ["8080"]}}]
    `,
    },
    expect: [
      {
        rule: 'authz-validation-warning',
        line: 7,
        messageId: 'acceptedWithWarning',
        data: { problem: 'This DENY rule uses only HTTP attributes, so on TCP ports in scope it denies all traffic' },
      },
    ],
  },
  {
    name: 'a targetRef to a Deployment (selector and targetRefs together is a CRD rule, reported by schema-validation-rule)',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        targetRefs:
        - {kind: Deployment, group: apps, name: web}
    `,
    },
    expect: [
      {
        rule: 'authz-invalid',
        line: 7,
        messageId: 'rejected',
        data: {
          problem:
            'targetRef "apps/Deployment" is not a Service (core), ServiceEntry (networking.istio.io) or Gateway (gateway.networking.k8s.io)',
        },
      },
    ],
  },
]);

ruleTable(
  rules(
    'peer-authn-invalid',
    'peer-authn-validation-warning',
    'request-authn-invalid',
    'request-authn-validation-warning',
  ),
  [
    {
      name: 'an empty selector warns (portLevelMtls without a selector and bad port keys are CRD rules, reported by schema-validation-rule)',
      files: {
        'pa.yaml': yaml`
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
    `,
      },
      expect: [
        {
          rule: 'peer-authn-validation-warning',
          line: 21,
          name: 'empty',
          messageId: 'acceptedWithWarning',
          data: { problem: 'The selector has no matchLabels, so it selects every workload in the namespace' },
        },
      ],
    },
    {
      name: 'JWT rule without issuer, a jwksUri that does not parse, jwks that is not JSON (a header without name is a schema finding)',
      files: {
        'ra.yaml': yaml`
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
    `,
      },
      expect: [
        {
          rule: 'request-authn-invalid',
          line: 6,
          messageId: 'rejected',
          data: { problem: 'The JWT rule has no issuer' },
        },
        {
          rule: 'request-authn-invalid',
          line: 8,
          messageId: 'rejected',
          data: { problem: 'jwksUri "https://auth example.com/jwks.json" is not a valid URL' },
        },
        {
          rule: 'request-authn-invalid',
          line: 12,
          messageId: 'rejected',
          data: { problem: 'Jwks is not a JSON Web Key Set (it does not parse as JSON)' },
        },
      ],
    },
    {
      name: 'the dry-run annotation on a PeerAuthentication is rejected; a RequestAuthentication with an empty selector warns',
      files: {
        'authn.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata:
        name: trial
        namespace: shop
        annotations: {istio.io/dry-run: "true"}
      spec:
        mtls: {mode: STRICT}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec:
        selector: {matchLabels: {}}
        jwtRules: [{issuer: https://auth.example.com/}]
    `,
      },
      expect: [
        {
          rule: 'peer-authn-invalid',
          line: 6,
          messageId: 'rejected',
          data: {
            problem:
              'The annotation istio.io/dry-run is only supported on AuthorizationPolicy, not on PeerAuthentication',
            hint: ' Remove the annotation.',
          },
        },
        {
          rule: 'request-authn-validation-warning',
          line: 14,
          messageId: 'acceptedWithWarning',
          data: { problem: 'The selector has no matchLabels, so it selects every workload in the namespace' },
        },
      ],
    },
  ],
);

ruleTable(rules('telemetry-invalid', 'telemetry-validation-warning'), [
  {
    name: 'an UPSERT override without a value, a REMOVE override with one, two tracing providers (sampling and provider names are schema findings)',
    files: {
      'tel.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'telemetry-validation-warning',
        line: 6,
        messageId: 'acceptedWithWarning',
        data: { problem: 'More than one tracing provider is not supported' },
      },
      {
        rule: 'telemetry-invalid',
        line: 14,
        messageId: 'rejected',
        data: { problem: 'Tag override "team" adds or updates the tag but has no value' },
      },
      {
        rule: 'telemetry-invalid',
        line: 15,
        messageId: 'rejected',
        data: { problem: 'Tag override "source_app" removes the tag, so it cannot have a value' },
      },
    ],
  },
]);

ruleTable(rules('workload-entry-invalid', 'workload-entry-validation-warning', 'workload-group-invalid'), [
  {
    name: 'WorkloadEntry: a bad address, a unix socket with ports, a bad port name; network without address',
    files: {
      'we.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'workload-entry-invalid',
        line: 5,
        name: 'vm-1',
        messageId: 'rejected',
        data: { problem: 'Address "10.0.0.300" is not an IP address or a DNS name' },
      },
      {
        rule: 'workload-entry-invalid',
        line: 7,
        name: 'vm-1',
        messageId: 'rejected',
        data: { problem: 'Port name "http_web" is not a DNS-1123 label' },
      },
      {
        rule: 'workload-entry-invalid',
        line: 14,
        name: 'vm-2',
        messageId: 'rejected',
        data: { problem: 'A unix socket endpoint ("unix:///var/run/app.sock") cannot list ports' },
      },
      {
        rule: 'workload-entry-validation-warning',
        line: 20,
        name: 'vm-3',
        messageId: 'acceptedWithWarning',
        data: { problem: 'Address is not set, only network "vm-net"' },
      },
    ],
  },
  {
    name: 'WorkloadGroup: a probe without a check; a lower-case scheme is fixed (a missing template is a schema finding)',
    files: {
      'wg.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'workload-group-invalid',
        line: 12,
        name: 'b',
        messageId: 'rejected',
        data: { problem: 'The probe has no check (httpGet, tcpSocket, exec or grpc)' },
      },
      {
        rule: 'workload-group-invalid',
        line: 21,
        name: 'c',
        messageId: 'rejected',
        data: { problem: 'probe.httpGet.scheme "https" is not "HTTP" or "HTTPS"' },
        hasFix: true,
      },
    ],
    fixed: {
      'wg.yaml': yaml`
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
    `,
    },
  },
]);

ruleTable(rule('authz-unsupported-wildcard'), [
  {
    name: 'exact, prefix, suffix and presence values, and path templates, are fine',
    files: {
      'ap.yaml': yaml`
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
    `,
    },
    expect: [],
  },
  {
    name: 'a "*" in the middle of a principal is reported; a path wildcard segment is rewritten as a template',
    files: {
      'ap.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'authz-unsupported-wildcard',
        line: 8,
        messageId: 'misplacedWildcard',
        data: { field: 'principals', value: '"cluster.local/ns/*/sa/web"' },
        hasFix: false,
      },
      {
        rule: 'authz-unsupported-wildcard',
        line: 11,
        messageId: 'misplacedPathWildcardTemplate',
        data: { template: '"/api/{*}/items"' },
        hasFix: true,
      },
      {
        rule: 'authz-unsupported-wildcard',
        line: 14,
        messageId: 'misplacedWildcard',
        data: { field: 'request.headers[x-team] values', value: '"*pay*"' },
        hasFix: false,
      },
    ],
    fixed: {
      'ap.yaml': yaml`
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
    `,
    },
  },
  {
    name: 'a path "*" inside a segment has no template to offer: the message names the templates',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - to: [{operation: {notPaths: ["/api/v*/admin"]}}]
    `,
    },
    expect: [
      {
        rule: 'authz-unsupported-wildcard',
        line: 6,
        messageId: 'misplacedPathWildcard',
        data: { field: 'notPaths', value: '"/api/v*/admin"' },
        hasFix: false,
      },
    ],
  },
]);

ruleTable(rule('authz-invalid'), [
  {
    name: 'istio.io/dry-run: fine on ALLOW/DENY with a boolean, rejected on CUSTOM or with another value',
    files: {
      'ap.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'authz-invalid',
        line: 16,
        name: 'custom',
        messageId: 'rejected',
        data: { problem: 'istio.io/dry-run only supports actions ALLOW and DENY, not CUSTOM' },
      },
      {
        rule: 'authz-invalid',
        line: 27,
        name: 'maybe',
        messageId: 'rejected',
        data: { problem: 'istio.io/dry-run value "yes" is not a boolean' },
      },
    ],
  },
]);
