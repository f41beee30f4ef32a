import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

ruleTable(rules('dr-invalid', 'dr-validation-warning'), [
  {
    name: 'a DestinationRule with subsets, pools, outlier detection, locality failover and port-level TLS is valid',
    files: {
      'dr.yaml': yaml`
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
    `,
    },
    expect: [],
  },
  {
    name: 'wrong types are skipped silently',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: odd}
      spec: {host: 7, trafficPolicy: [], subsets: {a: 1}, exportTo: x}
    `,
    },
    expect: [],
  },
]);

ruleTable(rules('gateway-invalid', 'gateway-validation-warning'), [
  {
    name: 'an ingress Gateway with HTTP redirect, SIMPLE and MUTUAL servers and a passthrough is valid',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [],
  },
]);

ruleTable(rules('sidecar-invalid', 'sidecar-validation-warning'), [
  {
    name: 'a namespace default Sidecar and a workload Sidecar with ingress are valid',
    files: {
      'sc.yaml': yaml`
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
    `,
    },
    expect: [],
  },
]);

ruleTable(rules('dr-invalid', 'dr-validation-warning'), [
  {
    name: 'duplicate and invalid subset names (a missing host is left to the schema rules)',
    files: {
      'dr.yaml': yaml`
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
    `,
    },
    expect: [
      { rule: 'dr-invalid', line: 8, messageId: 'rejected', data: { problem: 'Subset name "v1" is defined twice' } },
      {
        rule: 'dr-invalid',
        line: 10,
        messageId: 'rejected',
        data: { problem: 'Subset name "V_2" is not a DNS-1123 label (letters, digits and "-")' },
      },
    ],
  },
  {
    name: 'MUTUAL without certificates, credentialName with file paths, an empty trafficPolicy on a subset',
    files: {
      'dr.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'dr-invalid',
        line: 10,
        messageId: 'rejected',
        data: {
          problem:
            'Tls mode MUTUAL without credentialName needs clientCertificate and privateKey, so there is no client certificate to present',
        },
      },
      {
        rule: 'dr-invalid',
        line: 14,
        messageId: 'rejected',
        data: {
          problem:
            'credentialName is set together with file certificates (clientCertificate, privateKey, caCertificates or caCrl)',
        },
      },
      { rule: 'dr-invalid', line: 18, messageId: 'rejected', data: { problem: 'The trafficPolicy is empty' } },
    ],
  },
  {
    name: 'connection pool and outlier detection mistakes, durations',
    files: {
      'dr.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'dr-invalid',
        line: 9,
        messageId: 'rejected',
        data: { problem: 'connectionPool.tcp.maxConnections -1 is negative' },
      },
      {
        rule: 'dr-invalid',
        line: 10,
        messageId: 'rejected',
        data: { problem: 'tcp.connectTimeout "0s" is zero, and Istio accepts no duration below 1ms' },
      },
      {
        rule: 'dr-invalid',
        line: 13,
        messageId: 'rejected',
        data: { problem: 'useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE' },
      },
      {
        rule: 'dr-invalid',
        line: 15,
        messageId: 'rejected',
        data: {
          problem: 'consecutiveLocalOriginFailures is set but splitExternalLocalOriginErrors is not true',
          hint: ' Set splitExternalLocalOriginErrors: true, or remove consecutiveLocalOriginFailures.',
        },
      },
      {
        rule: 'dr-invalid',
        line: 16,
        messageId: 'rejected',
        data: { problem: 'maxEjectionPercent 150 is not in 0..100' },
      },
    ],
  },
  {
    name: 'load balancer: maglev table not prime, cookie without name, locality weights not 100',
    files: {
      'dr.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'dr-invalid',
        line: 9,
        messageId: 'rejected',
        data: { problem: 'consistentHash.httpCookie has no name' },
      },
      {
        rule: 'dr-invalid',
        line: 11,
        messageId: 'rejected',
        data: { problem: 'maglev.tableSize 65536 is not a prime number' },
      },
      {
        rule: 'dr-invalid',
        line: 15,
        messageId: 'rejected',
        data: { problem: 'The locality weights add up to 90, not 100' },
      },
    ],
  },
  {
    name: 'consecutiveErrors written as a mapping is shown as written, not as [object Object]',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r}
      spec:
        host: reviews
        trafficPolicy:
          outlierDetection:
            consecutiveErrors: {value: 5}
    `,
    },
    expect: [
      {
        rule: 'dr-validation-warning',
        line: 8,
        messageId: 'acceptedWithWarning',
        data: {
          problem:
            'outlierDetection.consecutiveErrors: {"value":5} has no effect: Istio no longer reads it, so Envoy\'s default (eject after 5 consecutive 5xx) applies instead',
        },
      },
    ],
  },
  {
    name: 'failover without outlier detection and the ignored consecutiveErrors are warnings',
    files: {
      'dr.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'dr-validation-warning',
        line: 8,
        messageId: 'acceptedWithWarning',
        data: { problem: 'Locality failover is configured without outlierDetection, so it never fails over' },
        hasFix: false,
      },
      {
        rule: 'dr-validation-warning',
        line: 14,
        messageId: 'acceptedWithWarning',
        data: {
          problem:
            "outlierDetection.consecutiveErrors: 5 has no effect: Istio no longer reads it, so Envoy's default (eject after 5 consecutive 5xx) applies instead",
        },
        hasFix: true,
      },
    ],
    fixed: {
      'dr.yaml': yaml`
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
    `,
    },
  },
  {
    name: 'exportTo beyond the namespace with a workloadSelector; a wildcard in the selector',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: r, namespace: shop}
      spec:
        host: api.example.com
        workloadSelector:
          matchLabels:
            app: "*"
        exportTo: ["*"]
    `,
    },
    expect: [
      {
        rule: 'dr-invalid',
        line: 8,
        messageId: 'rejected',
        data: { problem: 'Selector label "app=*" uses a wildcard, which selectors do not support' },
      },
      {
        rule: 'dr-invalid',
        line: 9,
        messageId: 'rejected',
        data: { problem: 'A DestinationRule with a workloadSelector cannot be exported beyond its own namespace' },
      },
    ],
  },
]);

ruleTable(rules('gateway-invalid', 'gateway-validation-warning'), [
  {
    name: 'SIMPLE without a certificate; an HTTPS server without tls; TLS on a plain HTTP server',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'gateway-invalid',
        line: 9,
        messageId: 'rejected',
        data: {
          problem:
            'Tls mode SIMPLE terminates TLS but has no credentialName, and serverCertificate, privateKey are not set',
        },
      },
      {
        rule: 'gateway-invalid',
        line: 10,
        messageId: 'rejected',
        data: { problem: 'A HTTPS server needs tls settings' },
      },
      {
        rule: 'gateway-invalid',
        line: 14,
        messageId: 'rejected',
        data: { problem: 'A plain-text HTTP server cannot have TLS settings (only tls.httpsRedirect)' },
      },
    ],
  },
  {
    name: 'hosts: a short name, a partial wildcard, a bad namespace; duplicate port names; no port name',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'gateway-invalid',
        line: 8,
        messageId: 'rejected',
        data: {
          problem:
            'Host "reviews": "reviews" is a short name; a fully qualified name is required (e.g. "reviews.<namespace>.svc.cluster.local")',
        },
      },
      {
        rule: 'gateway-invalid',
        line: 9,
        messageId: 'rejected',
        data: {
          problem:
            'Host "*foo.example.com": partial wildcard "*foo.example.com" is not allowed (only "*" or "*.<domain>")',
        },
      },
      {
        rule: 'gateway-invalid',
        line: 10,
        messageId: 'rejected',
        data: { problem: 'Host "Team_A/app.example.com": namespace "Team_A" is not "*", "." or a namespace name' },
      },
      {
        rule: 'gateway-invalid',
        line: 11,
        messageId: 'rejected',
        data: { problem: 'Port name "http" is used by more than one server' },
      },
      { rule: 'gateway-invalid', line: 13, messageId: 'rejected', data: { problem: 'The server port name is empty' } },
    ],
  },
  {
    name: 'a name with dots, no servers; ISTIO_MUTUAL with a credential',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'gateway-invalid',
        line: 4,
        name: 'my.gateway',
        messageId: 'rejected',
        data: { problem: 'Gateway name "my.gateway" is not a DNS-1123 label (no dots)' },
      },
      {
        rule: 'gateway-invalid',
        line: 5,
        name: 'my.gateway',
        messageId: 'rejected',
        data: { problem: 'The Gateway has no servers' },
      },
      {
        rule: 'gateway-invalid',
        line: 17,
        name: 'cross-network',
        messageId: 'rejected',
        data: { problem: "Tls mode ISTIO_MUTUAL uses Istio's own certificates and cannot have a credentialName" },
      },
    ],
  },
  {
    name: 'a certificate with the default PASSTHROUGH mode, and httpsRedirect on HTTPS, are warnings',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'gateway-validation-warning',
        line: 8,
        messageId: 'acceptedWithWarning',
        data: {
          problem:
            'Tls mode PASSTHROUGH (the default when mode is not set) does not terminate TLS, so the certificates are ignored',
        },
        hasFix: true,
      },
      {
        rule: 'gateway-validation-warning',
        line: 15,
        messageId: 'acceptedWithWarning',
        data: { problem: 'tls.httpsRedirect only makes sense on an HTTP server, not on "HTTPS"' },
      },
    ],
    fixed: {
      'gw.yaml': yaml`
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
    `,
    },
  },
  {
    name: 'certificates on a TLS-protocol server without a mode: no fix, passthrough may be meant',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: tls, protocol: TLS}
          hosts: [db.example.com]
          tls: {credentialName: db-cert}
    `,
    },
    expect: [{ rule: 'gateway-validation-warning', line: 8, hasFix: false }],
  },
]);

ruleTable(rules('sidecar-invalid', 'sidecar-validation-warning'), [
  {
    name: 'an egress host without a namespace is fixed to */host',
    files: {
      'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        egress:
        - hosts:
          - "./*"
          - api.example.com
    `,
    },
    expect: [
      {
        rule: 'sidecar-invalid',
        line: 8,
        messageId: 'rejected',
        data: { problem: 'Egress host "api.example.com" has no namespace: it must be "<namespace>/<host>"' },
        hasFix: true,
      },
    ],
    fixed: {
      'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        egress:
        - hosts:
          - "./*"
          - "*/api.example.com"
    `,
    },
  },
  {
    name: 'an empty Sidecar is rejected',
    files: {
      'sc.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: default, namespace: shop}
      spec:
        workloadSelector:
          labels: {app: cart}
    `,
    },
    expect: [
      {
        rule: 'sidecar-invalid',
        line: 4,
        messageId: 'rejected',
        data: {
          problem:
            'The Sidecar configures nothing (no egress, ingress, outboundTrafficPolicy or inboundConnectionPool)',
        },
      },
    ],
  },
  {
    name: 'ports, defaultEndpoint, catch-all listener order, ingress TLS credentialName',
    files: {
      'sc.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'sidecar-invalid',
        line: 8,
        messageId: 'rejected',
        data: {
          problem: 'defaultEndpoint "10.1.2.3:8080" must point at the workload itself (127.0.0.1, 0.0.0.0, ::1 or ::)',
        },
      },
      {
        rule: 'sidecar-invalid',
        line: 9,
        messageId: 'rejected',
        data: { problem: 'Ingress port 8080 is used by more than one listener' },
      },
      {
        rule: 'sidecar-invalid',
        line: 13,
        messageId: 'rejected',
        data: { problem: 'credentialName is not supported on a Sidecar ingress listener' },
      },
      {
        rule: 'sidecar-invalid',
        line: 15,
        messageId: 'rejected',
        data: { problem: 'The egress listener without a port must be the last one' },
      },
      {
        rule: 'sidecar-invalid',
        line: 16,
        messageId: 'rejected',
        data: { problem: 'Protocol "POSTGRES" is not one Istio knows' },
      },
    ],
  },
  {
    name: 'redundant egress hosts and a selector without labels are warnings; egressProxy needs ALLOW_ANY',
    files: {
      'sc.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'sidecar-validation-warning',
        line: 5,
        messageId: 'acceptedWithWarning',
        data: {
          problem: 'The workloadSelector has no labels, so the Sidecar applies to every workload in the namespace',
        },
      },
      {
        rule: 'sidecar-validation-warning',
        line: 9,
        messageId: 'acceptedWithWarning',
        data: {
          problem:
            'Egress host "istio-system/istiod.istio-system.svc.cluster.local" repeats or is covered by an earlier entry',
        },
      },
      {
        rule: 'sidecar-invalid',
        line: 11,
        messageId: 'rejected',
        data: {
          problem: 'egressProxy is only allowed with outboundTrafficPolicy mode ALLOW_ANY',
          hint: ' Set mode: ALLOW_ANY, or remove egressProxy.',
        },
      },
    ],
  },
]);

ruleTable(rule('gateway-validation-warning'), [
  {
    name: 'IANA cipher suite names are ignored by Envoy; the OpenSSL name is offered',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [
      {
        rule: 'gateway-validation-warning',
        line: 13,
        messageId: 'acceptedWithWarning',
        data: {
          problem: 'Cipher suite "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" is not one Envoy knows, so it is ignored',
          hint: ' Envoy uses OpenSSL names: "ECDHE-RSA-AES128-GCM-SHA256".',
        },
        hasFix: true,
      },
      {
        rule: 'gateway-validation-warning',
        line: 14,
        messageId: 'acceptedWithWarning',
        data: {
          problem: 'Cipher suite "TLS_AES_128_GCM_SHA256" is not one Envoy knows, so it is ignored',
          hint: ' Use OpenSSL-style names such as "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256"; TLS 1.3 suites cannot be configured.',
        },
        hasFix: false,
      },
    ],
    fixed: {
      'gw.yaml': yaml`
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
    `,
    },
  },
]);

ruleTable(rule('dr-invalid'), [
  {
    name: 'the istio.io/dry-run annotation is only for AuthorizationPolicy',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata:
        name: r
        annotations:
          istio.io/dry-run: "true"
      spec:
        host: reviews
    `,
    },
    expect: [
      {
        rule: 'dr-invalid',
        line: 6,
        messageId: 'rejected',
        data: {
          problem: 'The annotation istio.io/dry-run is only supported on AuthorizationPolicy, not on DestinationRule',
        },
      },
    ],
  },
]);

ruleTable(rules('gateway-invalid', 'gateway-validation-warning', 'dr-invalid'), [
  {
    name: 'newer API fields count: credentialNames, tlsCertificates, caCertCredentialName, retryBudget',
    files: {
      'gw.yaml': yaml`
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
    `,
    },
    expect: [],
  },
]);
