import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

ruleTable(rules('dr-invalid', 'dr-validation-warning'), [
  {
    name: 'a DestinationRule with subsets, pools, outlier detection, locality failover and port-level TLS is valid',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        host: reviews
        exportTo: ["."]
        trafficPolicy:
          connectionPool:
            tcp: {maxConnections: 100, connectTimeout: 30ms, tcpKeepalive: {time: 7200s, interval: 75s}}
            http: {http2MaxRequests: 1000, maxRequestsPerConnection: 10, idleTimeout: 1h}
          outlierDetection: {consecutive5xxErrors: 7, interval: 5m, baseEjectionTime: 15m, maxEjectionPercent: 50}
          loadBalancer:
            simple: LEAST_REQUEST
            localityLbSetting:
              enabled: true
              failover: [{from: us-east, to: us-west}]
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
              consistentHash: {httpCookie: {name: user, ttl: 0s}, maglev: {tableSize: 65537}}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: egress-mtls, namespace: egress}
      spec:
        host: "*.example.com"
        trafficPolicy:
          tls: {mode: MUTUAL, credentialName: client-cert}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: distribute, namespace: egress}
      spec:
        host: api.example.com
        workloadSelector: {matchLabels: {app: gateway}}
        trafficPolicy:
          loadBalancer:
            localityLbSetting:
              distribute:
              - from: us-west/zone1/*
                to: {"us-west/zone1/*": 80, "us-west/zone2/*": 20}
    ` },
    expect: [],
  },
  {
    name: 'wrong types are skipped silently',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: odd}
      spec: {host: 7, trafficPolicy: [], subsets: {a: 1}, exportTo: x}
    ` },
    expect: [],
  },
]);

ruleTable(rules('gateway-invalid', 'gateway-validation-warning'), [
  {
    name: 'an ingress Gateway with HTTP redirect, SIMPLE and MUTUAL servers and a passthrough is valid',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public-gw, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: ["*.example.com"]
          tls: {httpsRedirect: true}
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: ["shop/shop.example.com", "./api.example.com"]
          tls: {mode: SIMPLE, credentialName: shop-cert}
        - port: {number: 8443, name: https-mtls, protocol: HTTPS}
          hosts: ["*/partner.example.com"]
          tls: {mode: MUTUAL, credentialName: partner-cert, minProtocolVersion: TLSV1_2}
        - port: {number: 15443, name: tls, protocol: TLS}
          hosts: ["*.local"]
          tls: {mode: AUTO_PASSTHROUGH}
        - port: {number: 31400, name: tcp, protocol: TCP}
          hosts: ["*"]
    ` },
    expect: [],
  },
]);

ruleTable(rules('sidecar-invalid', 'sidecar-validation-warning'), [
  {
    name: 'a namespace default Sidecar and a workload Sidecar with ingress are valid',
    files: { 'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: bookinfo}
      spec:
        egress:
        - hosts: ["./*", "istio-system/*", "*/api.example.com"]
        outboundTrafficPolicy: {mode: REGISTRY_ONLY}
      ---
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: ratings, namespace: bookinfo}
      spec:
        workloadSelector: {labels: {app: ratings}}
        ingress:
        - port: {number: 9080, protocol: HTTP, name: http}
          defaultEndpoint: 127.0.0.1:8080
        - port: {number: 9090, protocol: TCP, name: metrics}
          defaultEndpoint: unix:///var/run/metrics.sock
        egress:
        - port: {number: 3306, protocol: MYSQL, name: mysql}
          hosts: ["db/mysql.db.svc.cluster.local"]
        - hosts: ["./*"]
    ` },
    expect: [],
  },
]);

ruleTable(rules('dr-invalid', 'dr-validation-warning'), [
  {
    name: 'duplicate and invalid subset names (a missing host is left to the schema rules)',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        subsets:
        - name: v1
          labels: {version: v1}
        - name: v1
          labels: {version: v2}
        - name: V_2
    ` },
    expect: [
      { rule: 'dr-invalid', line: 8, message: /subset name "v1" is defined twice/i },
      { rule: 'dr-invalid', line: 10, message: 'not a DNS-1123 label' },
    ],
  },
  {
    name: 'MUTUAL without certificates, credentialName with file paths, an empty trafficPolicy on a subset',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: db.example.com
        trafficPolicy:
          portLevelSettings:
          - port: {number: 5432}
            tls:
              mode: MUTUAL
          - port: {number: 443}
            tls:
              mode: SIMPLE
              credentialName: client
              caCertificates: /etc/certs/ca.pem
        subsets:
        - name: v1
          trafficPolicy: {}
    ` },
    expect: [
      { rule: 'dr-invalid', line: 10, message: 'needs clientCertificate and privateKey' },
      { rule: 'dr-invalid', line: 14, message: 'together with file certificates' },
      { rule: 'dr-invalid', line: 18, message: 'trafficPolicy is empty' },
    ],
  },
  {
    name: 'connection pool and outlier detection mistakes, durations',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy:
          connectionPool:
            tcp:
              maxConnections: -1
              connectTimeout: 0s
            http:
              h2UpgradePolicy: UPGRADE
              useClientProtocol: true
          outlierDetection:
            consecutiveLocalOriginFailures: 3
            maxEjectionPercent: 150
            interval: 30
    ` },
    expect: [
      { rule: 'dr-invalid', line: 9, message: 'is negative' },
      { rule: 'dr-invalid', line: 10, message: 'is zero' },
      { rule: 'dr-invalid', line: 13, message: 'h2UpgradePolicy is UPGRADE' },
      { rule: 'dr-invalid', line: 15, message: 'splitExternalLocalOriginErrors' },
      { rule: 'dr-invalid', line: 16, message: 'maxEjectionPercent 150' },
    ],
  },
  {
    name: 'load balancer: maglev table not prime, cookie without name, locality weights not 100',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy:
          loadBalancer:
            consistentHash:
              httpCookie: {name: "", ttl: 10s}
              maglev:
                tableSize: 65536
            localityLbSetting:
              distribute:
              - from: us-west/*
                to:
                  us-west/*: 80
                  us-east/*: 10
    ` },
    expect: [
      { rule: 'dr-invalid', line: 9, message: 'has no name' },
      { rule: 'dr-invalid', line: 11, message: 'not a prime' },
      { rule: 'dr-invalid', line: 15, message: 'add up to 90' },
    ],
  },
  {
    name: 'failover without outlier detection and the ignored consecutiveErrors are warnings',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy:
          loadBalancer:
            localityLbSetting:
              failover: [{from: us-east, to: us-west}]
        subsets:
        - name: v1
          trafficPolicy:
            outlierDetection:
              consecutiveErrors: 5
    ` },
    expect: [
      { rule: 'dr-validation-warning', line: 8, message: 'without outlierDetection', hasFix: false },
      { rule: 'dr-validation-warning', line: 14, message: /consecutiveErrors: 5 has no effect.*consecutiveGatewayErrors.*502, 503 and 504.*consecutive5xxErrors/, hasFix: true },
    ],
    fixed: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy:
          loadBalancer:
            localityLbSetting:
              failover: [{from: us-east, to: us-west}]
        subsets:
        - name: v1
          trafficPolicy:
            outlierDetection:
              consecutiveGatewayErrors: 5
    ` },
  },
  {
    name: 'exportTo beyond the namespace with a workloadSelector; a wildcard in the selector',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r, namespace: shop}
      spec:
        host: api.example.com
        workloadSelector:
          matchLabels:
            app: "*"
        exportTo: ["*"]
    ` },
    expect: [
      { rule: 'dr-invalid', line: 8, message: 'uses a wildcard' },
      { rule: 'dr-invalid', line: 9, message: 'cannot be exported beyond its own namespace' },
    ],
  },
]);

ruleTable(rules('gateway-invalid', 'gateway-validation-warning'), [
  {
    name: 'SIMPLE without a certificate; an HTTPS server without tls; TLS on a plain HTTP server',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls:
            mode: SIMPLE
        - port: {number: 8443, name: https-2, protocol: HTTPS}
          hosts: [api.example.com]
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: [web.example.com]
          tls:
            mode: SIMPLE
            credentialName: web-cert
    ` },
    expect: [
      { rule: 'gateway-invalid', line: 9, message: 'serverCertificate, privateKey are not set' },
      { rule: 'gateway-invalid', line: 10, message: 'needs tls settings' },
      { rule: 'gateway-invalid', line: 14, message: 'plain-text HTTP server cannot have TLS settings' },
    ],
  },
  {
    name: 'hosts: a short name, a partial wildcard, a bad namespace; duplicate port names; no port name',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts:
          - reviews
          - "*foo.example.com"
          - "Team_A/app.example.com"
        - port: {number: 8080, name: http, protocol: HTTP}
          hosts: ["*"]
        - port: {number: 9080, name: "", protocol: HTTP}
          hosts: ["*"]
    ` },
    expect: [
      { rule: 'gateway-invalid', line: 8, message: 'short name' },
      { rule: 'gateway-invalid', line: 9, message: 'partial wildcard' },
      { rule: 'gateway-invalid', line: 10, message: 'namespace "Team_A"' },
      { rule: 'gateway-invalid', line: 11, message: /port name "http" is used by more than one server/i },
      { rule: 'gateway-invalid', line: 13, message: 'port name is empty' },
    ],
  },
  {
    name: 'a name with dots, no servers; ISTIO_MUTUAL with a credential',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: my.gateway
      spec:
        selector: {istio: ingressgateway}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: cross-network}
      spec:
        servers:
        - port: {number: 15443, name: tls, protocol: TLS}
          hosts: ["*.local"]
          tls:
            mode: ISTIO_MUTUAL
            credentialName: cert
    ` },
    expect: [
      { rule: 'gateway-invalid', line: 4, name: 'my.gateway', message: 'not a DNS-1123 label' },
      { rule: 'gateway-invalid', line: 5, name: 'my.gateway', message: 'has no servers' },
      { rule: 'gateway-invalid', line: 17, name: 'cross-network', message: 'cannot have a credentialName' },
    ],
  },
  {
    name: 'a certificate with the default PASSTHROUGH mode, and httpsRedirect on HTTPS, are warnings',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls:
            credentialName: shop-cert
        - port: {number: 8443, name: https-2, protocol: HTTPS}
          hosts: [api.example.com]
          tls:
            mode: SIMPLE
            credentialName: api-cert
            httpsRedirect: true
    ` },
    expect: [
      { rule: 'gateway-validation-warning', line: 8, message: 'PASSTHROUGH (the default when mode is not set)', hasFix: true },
      { rule: 'gateway-validation-warning', line: 15, message: 'only makes sense on an HTTP server' },
    ],
    fixed: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls:
            credentialName: shop-cert
            mode: SIMPLE
        - port: {number: 8443, name: https-2, protocol: HTTPS}
          hosts: [api.example.com]
          tls:
            mode: SIMPLE
            credentialName: api-cert
            httpsRedirect: true
    ` },
  },
  {
    name: 'certificates on a TLS-protocol server without a mode: no fix, passthrough may be meant',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: tls, protocol: TLS}
          hosts: [db.example.com]
          tls: {credentialName: db-cert}
    ` },
    expect: [{ rule: 'gateway-validation-warning', line: 8, hasFix: false }],
  },
]);

ruleTable(rules('sidecar-invalid', 'sidecar-validation-warning'), [
  {
    name: 'an egress host without a namespace is fixed to */host',
    files: { 'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        egress:
        - hosts:
          - "./*"
          - api.example.com
    ` },
    expect: [{ rule: 'sidecar-invalid', line: 8, message: 'has no namespace', hasFix: true }],
    fixed: { 'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        egress:
        - hosts:
          - "./*"
          - "*/api.example.com"
    ` },
  },
  {
    name: 'an empty Sidecar is rejected',
    files: { 'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        workloadSelector:
          labels: {app: cart}
    ` },
    expect: [{ rule: 'sidecar-invalid', line: 4, message: 'configures nothing' }],
  },
  {
    name: 'ports, defaultEndpoint, catch-all listener order, ingress TLS credentialName',
    files: { 'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: s, namespace: shop}
      spec:
        workloadSelector: {labels: {app: cart}}
        ingress:
        - port: {number: 8080, protocol: HTTP, name: http}
          defaultEndpoint: 10.1.2.3:8080
        - port: {number: 8080, protocol: HTTP, name: http2}
          defaultEndpoint: 127.0.0.1:8081
          tls:
            mode: SIMPLE
            credentialName: cart-cert
        egress:
        - hosts: ["./*"]
        - port: {number: 5432, protocol: POSTGRES, name: pg}
          hosts: ["db/*"]
    ` },
    expect: [
      { rule: 'sidecar-invalid', line: 8, message: 'must point at the workload itself' },
      { rule: 'sidecar-invalid', line: 9, message: /ingress port 8080 is used by more than one listener/i },
      { rule: 'sidecar-invalid', line: 13, message: 'credentialName is not supported' },
      { rule: 'sidecar-invalid', line: 15, message: 'must be the last one' },
      { rule: 'sidecar-invalid', line: 16, message: /protocol "POSTGRES"/i },
    ],
  },
  {
    name: 'redundant egress hosts and a selector without labels are warnings; egressProxy needs ALLOW_ANY',
    files: { 'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: s, namespace: shop}
      spec:
        workloadSelector: {}
        egress:
        - hosts:
          - "istio-system/*"
          - "istio-system/istiod.istio-system.svc.cluster.local"
        outboundTrafficPolicy:
          egressProxy: {host: proxy.example.com, port: {number: 3128}}
    ` },
    expect: [
      { rule: 'sidecar-validation-warning', line: 5, message: 'no labels' },
      { rule: 'sidecar-validation-warning', line: 9, message: 'repeats or is covered' },
      { rule: 'sidecar-invalid', line: 11, message: 'ALLOW_ANY' },
    ],
  },
]);

ruleTable(rule('gateway-validation-warning'), [
  {
    name: 'IANA cipher suite names are ignored by Envoy; the OpenSSL name is offered',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls:
            mode: SIMPLE
            credentialName: shop-cert
            cipherSuites:
            - ECDHE-RSA-AES256-GCM-SHA384
            - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            - TLS_AES_128_GCM_SHA256
    ` },
    expect: [
      { rule: 'gateway-validation-warning', line: 13, message: '"ECDHE-RSA-AES128-GCM-SHA256"', hasFix: true },
      { rule: 'gateway-validation-warning', line: 14, message: 'TLS 1.3 suites cannot be configured', hasFix: false },
    ],
    fixed: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls:
            mode: SIMPLE
            credentialName: shop-cert
            cipherSuites:
            - ECDHE-RSA-AES256-GCM-SHA384
            - ECDHE-RSA-AES128-GCM-SHA256
            - TLS_AES_128_GCM_SHA256
    ` },
  },
]);

ruleTable(rule('dr-invalid'), [
  {
    name: 'the istio.io/dry-run annotation is only for AuthorizationPolicy',
    files: { 'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: r
        annotations:
          istio.io/dry-run: "true"
      spec:
        host: reviews
    ` },
    expect: [{ rule: 'dr-invalid', line: 6, message: 'only supported on AuthorizationPolicy' }],
  },
]);

ruleTable(rules('gateway-invalid', 'gateway-validation-warning', 'dr-invalid'), [
  {
    name: 'newer API fields count: credentialNames, tlsCertificates, caCertCredentialName, retryBudget',
    files: { 'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: [shop.example.com]
          tls: {mode: SIMPLE, credentialNames: [shop-rsa, shop-ecdsa]}
        - port: {number: 8443, name: https-files, protocol: HTTPS}
          hosts: [api.example.com]
          tls:
            mode: MUTUAL
            tlsCertificates: [{serverCertificate: /etc/c/tls.crt, privateKey: /etc/c/tls.key}]
            caCertCredentialName: client-ca
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: budget}
      spec:
        host: reviews
        trafficPolicy:
          retryBudget: {percent: 20}
    ` },
    expect: [],
  },
]);
