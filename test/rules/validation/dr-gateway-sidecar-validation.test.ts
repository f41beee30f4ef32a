import { ruleTable, yaml } from '../../helpers/harness.js';

ruleTable(['dr-invalid', 'dr-validation-warning'], [
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

ruleTable(['gateway-invalid', 'gateway-validation-warning'], [
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

ruleTable(['sidecar-invalid', 'sidecar-validation-warning'], [
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
