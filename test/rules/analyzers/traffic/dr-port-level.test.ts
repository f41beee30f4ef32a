import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const reviewsService = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: reviews, namespace: books}
  spec:
    selector: {app: reviews}
    ports:
    - {name: http-web, port: 9080}
    - {name: grpc-api, port: 9090}
    - {name: tcp-db, port: 5432}
`;

ruleTable(rules('dr-port-level-drops-setting', 'dr-port-level-drops-tls'), [
  {
    name: 'connectionPool only on port 9080: the top-level outlierDetection no longer applies there; the fix copies it',
    files: {
      'svc.yaml': reviewsService,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: books}
        spec:
          host: reviews
          trafficPolicy:
            outlierDetection:
              consecutive5xxErrors: 5
              interval: 10s
            portLevelSettings:
            - port: {number: 9080}
              connectionPool:
                http: {http2MaxRequests: 100}
      `,
    },
    expect: [
      {
        rule: 'dr-port-level-drops-setting',
        file: 'dr.yaml',
        line: 11,
        hasFix: true,
        messageId: 'portEntryDropsSetting',
        data: {
          port: 9080,
          field: 'outlierDetection',
          from: 'spec.trafficPolicy.outlierDetection',
          fallback: 'no outlier detection: failing endpoints are never ejected',
        },
      },
    ],
    fixed: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: books}
      spec:
        host: reviews
        trafficPolicy:
          outlierDetection:
            consecutive5xxErrors: 5
            interval: 10s
          portLevelSettings:
          - port: {number: 9080}
            connectionPool:
              http: {http2MaxRequests: 100}
            outlierDetection:
              consecutive5xxErrors: 5
              interval: "10s"
    `,
    },
  },
  {
    name: "a subset port entry drops the subset's loadBalancer",
    files: {
      'svc.yaml': reviewsService,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: books}
        spec:
          host: reviews
          subsets:
          - name: v2
            labels: {version: v2}
            trafficPolicy:
              loadBalancer:
                consistentHash: {httpHeaderName: x-user}
              portLevelSettings:
              - port: {number: 9080}
                connectionPool:
                  tcp: {maxConnections: 10}
      `,
    },
    expect: [
      {
        rule: 'dr-port-level-drops-setting',
        file: 'dr.yaml',
        line: 13,
        messageId: 'portEntryDropsSetting',
        data: { port: 9080, field: 'loadBalancer', from: 'spec.subsets.0.trafficPolicy.loadBalancer' },
      },
    ],
  },
  {
    name: 'TLS origination at the top level, a port entry without tls on a port declared HTTP: error, the fix copies tls',
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: payments, namespace: shop}
        spec:
          hosts: [api.payments.example]
          location: MESH_EXTERNAL
          resolution: DNS
          ports:
          - {number: 80, name: http, protocol: HTTP, targetPort: 443}
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: payments, namespace: shop}
        spec:
          host: api.payments.example
          trafficPolicy:
            tls: {mode: SIMPLE}
            portLevelSettings:
            - port: {number: 80}
              connectionPool:
                tcp: {maxConnections: 50}
      `,
    },
    expect: [
      {
        rule: 'dr-port-level-drops-tls',
        file: 'dr.yaml',
        line: 9,
        hasFix: true,
        messageId: 'portEntryDropsTlsOnTargetPort',
        data: {
          port: 80,
          mode: 'SIMPLE',
          from: 'spec.trafficPolicy.tls',
          declaredBy: 'ServiceEntry shop/payments',
          protocol: 'HTTP',
          targetPort: 443,
        },
      },
    ],
    fixed: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: payments, namespace: shop}
      spec:
        host: api.payments.example
        trafficPolicy:
          tls: {mode: SIMPLE}
          portLevelSettings:
          - port: {number: 80}
            connectionPool:
              tcp: {maxConnections: 50}
            tls:
              mode: SIMPLE
    `,
    },
  },
  {
    name: 'TLS origination dropped on a port declared HTTP without a targetPort: error naming the port as declared',
    files: {
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: ledger, namespace: shop}
        spec:
          hosts: [ledger.partner.example]
          location: MESH_EXTERNAL
          resolution: DNS
          ports:
          - {number: 8443, name: http-ledger, protocol: HTTP}
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: ledger, namespace: shop}
        spec:
          host: ledger.partner.example
          trafficPolicy:
            tls: {mode: MUTUAL, credentialName: ledger-client}
            portLevelSettings:
            - port: {number: 8443}
              loadBalancer: {simple: ROUND_ROBIN}
      `,
    },
    expect: [
      {
        rule: 'dr-port-level-drops-tls',
        file: 'dr.yaml',
        line: 9,
        hasFix: true,
        messageId: 'portEntryDropsTls',
        data: { port: 8443, mode: 'MUTUAL', declaredBy: 'ServiceEntry shop/ledger', protocol: 'HTTP' },
      },
    ],
  },
  {
    name: 'complete port entries, no top-level settings, ISTIO_MUTUAL left to auto mTLS, origination dropped on a TLS port: silent',
    files: {
      'svc.yaml': reviewsService,
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: db, namespace: books}
        spec:
          hosts: [db.example.com]
          resolution: DNS
          ports: [{number: 443, name: tls, protocol: TLS}, {number: 80, name: http, protocol: HTTP}]
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: books}
        spec:
          host: reviews
          trafficPolicy:
            tls: {mode: ISTIO_MUTUAL}
            outlierDetection: {consecutive5xxErrors: 5}
            portLevelSettings:
            - port: {number: 9080}
              outlierDetection: {consecutive5xxErrors: 3}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: plain, namespace: books}
        spec:
          host: ratings
          trafficPolicy:
            portLevelSettings:
            - port: {number: 9080}
              connectionPool: {tcp: {maxConnections: 5}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: db, namespace: books}
        spec:
          host: db.example.com
          trafficPolicy:
            tls: {mode: SIMPLE}
            portLevelSettings:
            - port: {number: 443}
              loadBalancer: {simple: ROUND_ROBIN}
            - port: {number: 80}
              loadBalancer: {simple: ROUND_ROBIN}
              tls: {mode: SIMPLE}
      `,
    },
    expect: [],
  },
]);

ruleTable(rule('dr-outlier-detection-non-http'), [
  {
    name: 'consecutive5xxErrors on a host with a TCP port and a TLS ServiceEntry port: info naming the ports',
    files: {
      'svc.yaml': reviewsService,
      'se.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: bank, namespace: books}
        spec:
          hosts: [api.bank.example]
          resolution: DNS
          ports: [{number: 443, name: https, protocol: HTTPS}]
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: books}
        spec:
          host: reviews
          trafficPolicy:
            outlierDetection:
              consecutive5xxErrors: 5
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: bank, namespace: books}
        spec:
          host: api.bank.example
          trafficPolicy:
            outlierDetection:
              consecutiveGatewayErrors: 3
      `,
    },
    expect: [
      {
        rule: 'dr-outlier-detection-non-http',
        file: 'dr.yaml',
        line: 7,
        messageId: 'statusCodesUnseenOnPort',
        data: {
          fields: '`consecutive5xxErrors`',
          namespace: 'books',
          name: 'reviews',
          ports: '5432 (TCP, Service books/reviews)',
        },
      },
      {
        rule: 'dr-outlier-detection-non-http',
        file: 'dr.yaml',
        line: 16,
        messageId: 'statusCodesUnseenOnPort',
        data: { fields: '`consecutiveGatewayErrors`', ports: '443 (HTTPS, ServiceEntry books/bank)' },
      },
    ],
  },
  {
    name: 'status-code fields on a host with several TCP ports: one info naming every field and port',
    files: {
      'svc.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: cache, namespace: books}
        spec:
          selector: {app: cache}
          ports: [{name: tcp-redis, port: 6379}, {name: tcp-sentinel, port: 26379}]
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: cache, namespace: books}
        spec:
          host: cache
          trafficPolicy:
            outlierDetection: {consecutive5xxErrors: 5, consecutiveGatewayErrors: 3}
      `,
    },
    expect: [
      {
        rule: 'dr-outlier-detection-non-http',
        file: 'dr.yaml',
        line: 7,
        messageId: 'statusCodesUnseenOnPorts',
        data: {
          fields: '`consecutive5xxErrors` and `consecutiveGatewayErrors`',
          ports: '6379 (TCP, Service books/cache), 26379 (TCP, Service books/cache)',
        },
      },
    ],
  },
  {
    name: 'HTTP and gRPC ports, connection-only outlier detection, unnamed Service ports: silent',
    files: {
      'svc.yaml': yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: books}
        spec:
          selector: {app: web}
          ports: [{name: http, port: 80}, {name: grpc, port: 9090}, {port: 7000, protocol: TCP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: books}
        spec:
          selector: {app: db}
          ports: [{name: tcp-pg, port: 5432}]
      `,
      'dr.yaml': yaml`
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: web, namespace: books}
        spec:
          host: web
          trafficPolicy:
            outlierDetection: {consecutive5xxErrors: 5}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: db, namespace: books}
        spec:
          host: db
          trafficPolicy:
            outlierDetection: {consecutiveLocalOriginFailures: 3, splitExternalLocalOriginErrors: true}
      `,
    },
    expect: [],
  },
]);
