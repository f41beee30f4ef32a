// Working configurations of every schema-checked Istio kind: the schema rules must report nothing.
import { ruleTable, yaml, rules } from '../../../helpers/harness.js';

const SCHEMA_RULES = [
  'schema-unknown-field',
  'schema-wrong-type',
  'schema-invalid-enum',
  'schema-missing-required',
  'schema-invalid-value',
  'schema-invalid-name',
  'schema-oneof',
  'schema-validation-rule',
];

ruleTable(rules(...SCHEMA_RULES), [
  {
    name: 'DestinationRule (v1) with TLS origination, pools, outlier detection, subsets and port-level settings',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: reviews
        namespace: bookinfo
        labels: {app: reviews, version: "1.0"}
        annotations: {owner: team-a}
      spec:
        host: reviews.bookinfo.svc.cluster.local
        exportTo: ["."]
        trafficPolicy:
          connectionPool:
            tcp: {maxConnections: 100, connectTimeout: 30ms}
            http: {http2MaxRequests: 1000, maxRequestsPerConnection: 10, idleTimeout: 1h}
          outlierDetection:
            consecutive5xxErrors: 7
            interval: 5m
            baseEjectionTime: 15m
          loadBalancer:
            simple: LEAST_REQUEST
          portLevelSettings:
          - port: {number: 443}
            tls: {mode: SIMPLE, sni: reviews.example.com}
        subsets:
        - name: v1
          labels: {version: v1}
        - name: v2
          labels: {version: v2}
          trafficPolicy:
            loadBalancer:
              consistentHash: {httpHeaderName: x-user}
    `,
    },
    expect: [],
  },
  {
    name: 'VirtualService (v1beta1) with matches, rewrites, retries, fault injection and mirrors',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: reviews-route, namespace: bookinfo}
      spec:
        hosts: [reviews]
        gateways: [mesh, istio-system/public-gw]
        http:
        - name: canary
          match:
          - headers:
              end-user: {exact: jason}
            uri: {prefix: /api}
          rewrite: {uri: /}
          route:
          - destination: {host: reviews, subset: v2, port: {number: 9080}}
            weight: 90
          - destination: {host: reviews, subset: v1}
            weight: 10
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure"}
          timeout: 10s
          fault:
            delay: {percentage: {value: 0.1}, fixedDelay: 5s}
          mirror: {host: reviews-shadow}
          mirrorPercentage: {value: 50.0}
        tcp:
        - match: [{port: 27017}]
          route:
          - destination: {host: mongo.backup.svc.cluster.local, port: {number: 5555}}
    `,
    },
    expect: [],
  },
  {
    name: 'Gateway (v1) and Sidecar (v1alpha3)',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public-gw, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: ["*.example.com"]
          tls: {mode: SIMPLE, credentialName: example-cert, minProtocolVersion: TLSV1_2}
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: ["*.example.com"]
          tls: {httpsRedirect: true}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: Sidecar
      metadata: {name: default, namespace: bookinfo}
      spec:
        egress:
        - hosts: ["./*", "istio-system/*"]
        outboundTrafficPolicy: {mode: REGISTRY_ONLY}
    `,
    },
    expect: [],
  },
  {
    name: 'ServiceEntry (v1alpha3) with endpoints and WorkloadEntry (v1)',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: ServiceEntry
      metadata: {name: external-db}
      spec:
        hosts: [db.internal.example]
        addresses: [10.0.0.0/24]
        location: MESH_INTERNAL
        resolution: STATIC
        ports:
        - {number: 5432, name: tcp-postgres, protocol: TCP, targetPort: 15432}
        endpoints:
        - address: 10.0.0.5
          ports: {tcp-postgres: 15432}
          labels: {app: db}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: vm-1}
      spec:
        address: 10.0.0.6
        labels: {app: db}
        serviceAccount: db-sa
        ports: {tcp-postgres: 15432}
    `,
    },
    expect: [],
  },
  {
    name: 'security.istio.io: AuthorizationPolicy, PeerAuthentication (port-level map), RequestAuthentication',
    files: {
      'sec.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: httpbin, namespace: foo}
      spec:
        selector:
          matchLabels: {app: httpbin}
        action: ALLOW
        rules:
        - from:
          - source: {principals: ["cluster.local/ns/default/sa/sleep"]}
          to:
          - operation: {methods: [GET], paths: ["/info*"]}
          when:
          - key: request.auth.claims[iss]
            values: ["https://accounts.example.com"]
      ---
      apiVersion: security.istio.io/v1beta1
      kind: PeerAuthentication
      metadata: {name: default, namespace: foo}
      spec:
        selector:
          matchLabels: {app: httpbin}
        mtls: {mode: STRICT}
        portLevelMtls:
          8080: {mode: PERMISSIVE}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: foo}
      spec:
        jwtRules:
        - issuer: https://accounts.example.com
          jwksUri: https://accounts.example.com/.well-known/jwks.json
          forwardOriginalToken: true
          outputClaimToHeaders:
          - {header: x-sub, claim: sub}
    `,
    },
    expect: [],
  },
  {
    name: 'open fields are not descended: EnvoyFilter patch values, WasmPlugin and TrafficExtension plugin config, status',
    files: {
      'ext.yaml': yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: lua, namespace: istio-system}
      spec:
        workloadSelector:
          labels: {istio: ingressgateway}
        configPatches:
        - applyTo: HTTP_FILTER
          match:
            context: GATEWAY
            listener:
              filterChain:
                filter:
                  name: envoy.filters.network.http_connection_manager
          patch:
            operation: INSERT_BEFORE
            value:
              name: envoy.lua
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                inlineCode: "function envoy_on_request(h) end"
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: WasmPlugin
      metadata: {name: basic-auth, namespace: istio-system}
      spec:
        selector:
          matchLabels: {istio: ingressgateway}
        url: oci://ghcr.io/example/basic_auth:1.0
        phase: AUTHN
        priority: 10
        pluginConfig:
          basic_auth_rules:
          - prefix: /api
            request_methods: [GET, POST]
      status:
        anything: [goes, here]
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: TrafficExtension
      metadata: {name: parity, namespace: default}
      spec:
        targetRefs:
        - {kind: Gateway, group: gateway.networking.k8s.io, name: bookinfo-gateway}
        phase: STATS
        match:
        - mode: SERVER
          ports: [{number: 8080}]
        lua:
          inlineCode: |
            function envoy_on_request(request_handle) end
    `,
    },
    expect: [],
  },
  {
    name: 'telemetry.istio.io (v1, v1alpha1) and ProxyConfig',
    files: {
      'tel.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Telemetry
      metadata: {name: mesh-default, namespace: istio-system}
      spec:
        accessLogging:
        - providers: [{name: envoy}]
          filter: {expression: "response.code >= 400"}
        tracing:
        - randomSamplingPercentage: 10.5
        metrics:
        - providers: [{name: prometheus}]
          overrides:
          - match: {metric: REQUEST_COUNT, mode: CLIENT_AND_SERVER}
            tagOverrides:
              request_host: {operation: REMOVE}
      ---
      apiVersion: telemetry.istio.io/v1alpha1
      kind: Telemetry
      metadata: {name: ns-logging, namespace: foo}
      spec:
        accessLogging:
        - disabled: true
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ProxyConfig
      metadata: {name: concurrency, namespace: foo}
      spec:
        concurrency: 2
        environmentVariables: {LOG_LEVEL: debug}
    `,
    },
    expect: [],
  },
  {
    name: 'kinds outside Istio groups and unknown Istio kinds are not schema-checked',
    files: {
      'misc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: Upper_Case}
      spec: {whatever: 1}
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEnrty
      metadata: {name: typo}
      spec: {hostz: [a]}
    `,
    },
    expect: [],
  },
]);

ruleTable(rules(...SCHEMA_RULES), [
  {
    name: 'a date-like label value and numeric-looking quoted strings are strings',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: ext
        labels: {released: 2024-01-01, build: "42"}
      spec:
        hosts: [api.example.com]
        ports: [{number: 443, name: "443", protocol: TLS}]
        resolution: DNS
    `,
    },
    expect: [],
  },
]);
