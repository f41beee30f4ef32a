import { check, ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const VS_RULES = ['vs-invalid', 'vs-validation-warning', 'vs-unreachable-route', 'vs-ineffective-match'];

ruleTable(rules(...VS_RULES), [
  {
    name: 'a bookinfo-style canary with retries, timeout, fault and mirror is valid',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        hosts: [reviews]
        http:
        - name: jason
          match:
          - headers:
              end-user: {exact: jason}
          fault:
            delay: {fixedDelay: 7s, percentage: {value: 100}}
          route:
          - destination: {host: reviews, subset: v2}
        - match:
          - uri: {prefix: /api/v2}
          - uri: {prefix: /api/v1}
          - uri: {regex: "^/api/v[0-9]+/.*"}
          - authority: {regex: "(?i)^shop\\.example\\.com$"}
          rewrite: {uri: /api}
          route:
          - destination: {host: reviews, subset: v3, port: {number: 9080}}
        - route:
          - destination: {host: reviews, subset: v1}
            weight: 90
          - destination: {host: reviews, subset: v2}
            weight: 10
          retries: {attempts: 3, perTryTimeout: 2s, retryOn: "5xx,connect-failure,refused-stream,503"}
          timeout: 10s
          mirror: {host: reviews-shadow}
          mirrorPercentage: {value: 5}
          corsPolicy:
            allowOrigins: [{exact: "https://example.com"}]
            allowMethods: [GET, POST]
            allowHeaders: [authorization, "*"]
            maxAge: 24h
          headers:
            request:
              set: {x-request-source: "%HOSTNAME%"}
            response:
              remove: [x-internal]
    `,
    },
    expect: [],
  },
  {
    name: 'an ingress VirtualService with redirect, directResponse, tcp and tls routes is valid',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: edge, namespace: ingress}
      spec:
        hosts: ["*.example.com", api.example.org]
        gateways: [istio-system/public-gw, mesh]
        http:
        - match: [{uri: {exact: /old}}]
          redirect: {uri: /new, redirectCode: 301}
        - match: [{uri: {prefix: /healthz}}]
          directResponse: {status: 200, body: {string: ok}}
        - route: [{destination: {host: web.web.svc.cluster.local}}]
        tls:
        - match: [{port: 443, sniHosts: [shop.example.com]}]
          route: [{destination: {host: shop.shop.svc.cluster.local, port: {number: 443}}}]
        tcp:
        - match: [{port: 5432, destinationSubnets: [10.0.0.0/8]}]
          route: [{destination: {host: db.data.svc.cluster.local, port: {number: 5432}}}]
    `,
    },
    expect: [],
  },
  {
    name: 'a delegate VirtualService (no hosts) with http routes is valid, and so is its root',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: root, namespace: ingress}
      spec:
        hosts: [shop.example.com]
        gateways: [public-gw]
        http:
        - match: [{uri: {prefix: /cart}}]
          delegate: {name: cart, namespace: cart}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: cart, namespace: cart}
      spec:
        http:
        - route: [{destination: {host: cart}}]
    `,
    },
    expect: [],
  },
  {
    name: 'wrong types are left to the schema rules and never crash',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: odd}
      spec:
        hosts: 5
        http: {}
        tcp: [null]
        tls: "x"
        exportTo: 7
    `,
    },
    expect: [],
  },
  {
    name: 'a route with neither route, redirect nor directResponse is rejected',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - name: broken
          timeout: 5s
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 7,
        messageId: 'rejected',
        data: { problem: 'Http route "broken" has no route, redirect or directResponse' },
      },
    ],
  },
  {
    name: 'route together with redirect, and rewrite together with redirect',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - redirect: {uri: /v2}
          rewrite: {uri: /v3}
          route: [{destination: {host: reviews}}]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 7,
        messageId: 'rejected',
        data: { problem: 'The http route has both route and redirect' },
      },
      {
        rule: 'vs-invalid',
        line: 8,
        messageId: 'rejected',
        data: { problem: 'The http route has both rewrite and redirect' },
      },
    ],
  },
  {
    name: 'durations: no unit, below 1ms, finer than a millisecond',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          timeout: "10"
          retries:
            attempts: 2
            perTryTimeout: 1.5ms
        - route: [{destination: {host: reviews}}]
          timeout: 500us
    `,
    },
    expect: [
      { rule: 'vs-invalid', line: 8, messageId: 'rejected', data: { problem: 'Timeout "10" is not a duration' } },
      {
        rule: 'vs-invalid',
        line: 11,
        messageId: 'rejected',
        data: { problem: 'retries.perTryTimeout "1.5ms" is finer than a millisecond' },
      },
      { rule: 'vs-invalid', line: 13, messageId: 'rejected', data: { problem: 'Timeout "500us" is shorter than 1ms' } },
      { rule: 'vs-unreachable-route', line: 12 },
    ],
  },
  {
    name: 'a retryOn list with spaces and an underscore is fixed',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          retries: {attempts: 3, retryOn: "5xx, connect-failure,refused_stream"}
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 8,
        messageId: 'rejected',
        data: {
          problem:
            'retryOn "5xx, connect-failure,refused_stream" has policies Envoy does not know: " connect-failure", "refused_stream"',
          hint: ' Did you mean "5xx,connect-failure,refused-stream"? (comma-separated, no spaces)',
        },
        hasFix: true,
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          retries: {attempts: 3, retryOn: "5xx,connect-failure,refused-stream"}
    `,
    },
  },
  {
    name: 'retry settings with attempts 0, an unknown retry policy without a guess',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          retries:
            attempts: 0
            retryOn: whenever
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 9,
        messageId: 'rejected',
        data: {
          problem: 'Retries sets perTryTimeout, retryOn or retryRemoteLocalities but attempts is 0 (retries disabled)',
        },
      },
      {
        rule: 'vs-invalid',
        line: 10,
        messageId: 'rejected',
        data: { problem: 'retryOn "whenever" has a policy Envoy does not know: "whenever"' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'hosts: "*" for the mesh, overlapping hosts, an invalid host',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: ["*"]
        http: [{route: [{destination: {host: a}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: s}
      spec:
        hosts:
        - "*.example.com"
        - api.example.com
        - bad_host.example.com
        http: [{route: [{destination: {host: a}}]}]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 5,
        name: 'r',
        messageId: 'rejected',
        data: {
          problem:
            'The wildcard host "*" is not allowed for a VirtualService that applies to sidecars (the mesh gateway)',
        },
      },
      {
        rule: 'vs-invalid',
        line: 15,
        name: 's',
        messageId: 'rejected',
        data: {
          problem:
            'Domain name "bad_host.example.com" is invalid: label "bad_host" is not a DNS-1123 label (a wildcard may only be the first label)',
        },
      },
    ],
  },
  {
    name: 'overlapping hosts are rejected',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: s}
      spec:
        hosts:
        - "*.example.com"
        - api.example.com
        http: [{route: [{destination: {host: a}}]}]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 7,
        messageId: 'rejected',
        data: { problem: 'Hosts "*.example.com" and "api.example.com" overlap' },
      },
    ],
  },
  {
    name: 'the legacy name.namespace gateway form is a warning with a fix; a bad namespace is an error',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r, namespace: web}
      spec:
        hosts: [web.example.com]
        gateways: [public-gw.istio-system]
        http: [{route: [{destination: {host: web}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: s, namespace: web}
      spec:
        hosts: [web2.example.com]
        gateways: [Istio_System/public-gw]
        http: [{route: [{destination: {host: web}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public-gw, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*/*.example.com"]}]
    `,
    },
    expect: [
      {
        rule: 'vs-validation-warning',
        line: 6,
        messageId: 'acceptedWithWarning',
        data: {
          problem: 'Gateway "public-gw.istio-system" uses the legacy "name.namespace" form',
          hint: ' Write it as "istio-system/public-gw".',
        },
        hasFix: true,
      },
      {
        rule: 'vs-invalid',
        line: 14,
        messageId: 'rejected',
        data: {
          problem: 'Gateway reference "Istio_System/public-gw": namespace "Istio_System" is not a valid namespace name',
        },
      },
    ],
    fixed: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r, namespace: web}
      spec:
        hosts: [web.example.com]
        gateways: [istio-system/public-gw]
        http: [{route: [{destination: {host: web}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: s, namespace: web}
      spec:
        hosts: [web2.example.com]
        gateways: [Istio_System/public-gw]
        http: [{route: [{destination: {host: web}}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public-gw, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*/*.example.com"]}]
    `,
    },
  },
  {
    name: 'destinations: "*" host, bad subset, port out of range, all weights 0',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route:
          - destination: {host: "*"}
          - destination:
              host: reviews
              subset: v1.0
              port: {number: 70000}
            weight: 0
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 7,
        messageId: 'rejected',
        data: { problem: 'The destinations all have weight 0, so no traffic can be sent' },
      },
      { rule: 'vs-invalid', line: 8, messageId: 'rejected', data: { problem: 'Destination host "*" is not allowed' } },
      {
        rule: 'vs-invalid',
        line: 11,
        messageId: 'rejected',
        data: { problem: 'Subset name "v1.0" is not a DNS-1123 label' },
      },
      {
        rule: 'vs-invalid',
        line: 12,
        messageId: 'rejected',
        data: { problem: 'Destination port 70000 is not in the range 1..65535' },
      },
    ],
  },
  {
    name: 'delegation errors: gateways and tcp in a delegate, route in a root, delegate in a delegate',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: child}
      spec:
        gateways: [public-gw]
        http:
        - delegate: {name: grandchild}
        tcp:
        - route: [{destination: {host: db}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: root}
      spec:
        hosts: [shop.example.com]
        http:
        - delegate: {name: child}
          route: [{destination: {host: web}}]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 5,
        messageId: 'rejected',
        data: { problem: 'A delegate VirtualService (one without hosts) cannot list gateways' },
      },
      {
        rule: 'vs-invalid',
        line: 7,
        messageId: 'rejected',
        data: { problem: 'A delegate VirtualService cannot delegate again' },
      },
      { rule: 'vs-invalid', line: 7 },
      {
        rule: 'vs-invalid',
        line: 8,
        messageId: 'rejected',
        data: { problem: 'A delegate VirtualService (one without hosts) cannot have tcp routes' },
      },
      {
        rule: 'vs-invalid',
        line: 18,
        messageId: 'rejected',
        data: { problem: 'The http route delegates, so it may not also have route destinations' },
      },
    ],
  },
  {
    name: 'header operations on pseudo-headers and a lone percent sign',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          headers:
            request:
              set:
                ":path": /x
                x-discount: "10%"
            response:
              set: {host: example.com}
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 11,
        messageId: 'rejected',
        data: { problem: 'Header ":path" cannot be modified: names starting with ":" are reserved' },
      },
      {
        rule: 'vs-invalid',
        line: 12,
        messageId: 'rejected',
        data: { problem: 'Header value "10%" ends with a lone "%" (write "%%" for a literal percent sign)' },
      },
      {
        rule: 'vs-invalid',
        line: 14,
        messageId: 'rejected',
        data: { problem: 'Response header "host" cannot be set' },
      },
    ],
  },
  {
    name: 'authority rewritten twice; JWT claim routing without a gateway',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - match:
          - headers:
              "@request.auth.claims.group": {exact: admin}
          rewrite: {authority: new.example.com}
          headers:
            request:
              set: {host: other.example.com}
          route: [{destination: {host: reviews}}]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 9,
        messageId: 'rejected',
        data: {
          problem:
            'JWT claim routing ("@request.auth.claims.group") only works on a gateway, and this VirtualService is not bound to one',
        },
      },
      {
        rule: 'vs-invalid',
        line: 13,
        messageId: 'rejected',
        data: { problem: 'The authority is set more than once ("new.example.com" and "other.example.com")' },
      },
    ],
  },
  {
    name: 'match conditions: empty prefix, look-ahead regex, invalid header name, bad port',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - match:
          - method: {prefix: ""}
            uri: {regex: "^/(?!admin).*"}
            headers:
              "x user": {exact: a}
            port: 0
          - port: 99999
          route: [{destination: {host: reviews}}]
    `,
    },
    expect: [
      { rule: 'vs-invalid', line: 8, messageId: 'rejected', data: { problem: 'method: the prefix match is empty' } },
      {
        rule: 'vs-invalid',
        line: 9,
        messageId: 'rejected',
        data: {
          problem: 'uri: regex "^/(?!admin).*" uses look-around, which RE2 (Envoy\'s regex engine) does not support',
        },
      },
      {
        rule: 'vs-invalid',
        line: 11,
        messageId: 'rejected',
        data: { problem: 'Header name "x user" is not a valid header name (letters, digits, "-" and "_")' },
      },
      {
        rule: 'vs-invalid',
        line: 13,
        messageId: 'rejected',
        data: { problem: 'Match port 99999 is not in the range 1..65535' },
      },
    ],
  },
  {
    name: 'CORS: a lower-case method is fixed; redirect code and scheme; fault without abort or delay',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - match: [{uri: {exact: /x}}]
          redirect: {uri: /y, redirectCode: 200}
        - match: [{uri: {exact: /z}}]
          redirect: {authority: example.com, scheme: HTTPS}
        - corsPolicy:
            allowMethods: [get, POST]
          route: [{destination: {host: reviews}}]
          fault: {}
    `,
    },
    expect: [
      { rule: 'vs-invalid', line: 8, messageId: 'rejected', data: { problem: 'redirectCode 200 is not a 3xx status' } },
      {
        rule: 'vs-invalid',
        line: 10,
        messageId: 'rejected',
        data: { problem: 'Redirect scheme "HTTPS" is not "http" or "https"' },
        hasFix: true,
      },
      {
        rule: 'vs-invalid',
        line: 12,
        messageId: 'rejected',
        data: { problem: 'CORS allowMethods entry "get" is not an HTTP method' },
        hasFix: true,
      },
      {
        rule: 'vs-invalid',
        line: 14,
        messageId: 'rejected',
        data: { problem: 'The fault has neither abort nor delay' },
      },
    ],
  },
  {
    name: 'an abort without an error type and the deprecated mirrorPercent are warnings',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          fault:
            abort: {percentage: {value: 10}}
          mirror: {host: shadow}
          mirrorPercent: 20
    `,
    },
    expect: [
      {
        rule: 'vs-validation-warning',
        line: 9,
        messageId: 'acceptedWithWarning',
        data: { problem: 'The abort sets no error type, so nothing is aborted' },
      },
      {
        rule: 'vs-validation-warning',
        line: 11,
        messageId: 'acceptedWithWarning',
        data: { problem: 'mirrorPercent is deprecated' },
      },
    ],
  },
  {
    name: 'tls routes: no match, SNI host outside the hosts, an IP SNI host',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [shop.example.com]
        gateways: [public-gw]
        tls:
        - {match: [], route: [{destination: {host: shop}}]}
        - match: [{sniHosts: [other.example.com, 10.0.0.1]}]
          route: [{destination: {host: shop}}]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 8,
        messageId: 'rejected',
        data: { problem: 'The tls route has no match; tls routes must match on sniHosts' },
      },
      {
        rule: 'vs-invalid',
        line: 9,
        messageId: 'rejected',
        data: {
          problem:
            'SNI host "other.example.com" is not one of the VirtualService\'s hosts (or covered by one): [shop.example.com]',
        },
      },
      {
        rule: 'vs-validation-warning',
        line: 9,
        messageId: 'acceptedWithWarning',
        data: {
          problem:
            'sniHosts entry "10.0.0.1" is an IP address; SNI carries host names and most clients never send an IP',
        },
      },
    ],
  },
  {
    name: 'exportTo: a duplicate of the own namespace, "*" with others',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r, namespace: shop}
      spec:
        hosts: [reviews]
        http: [{route: [{destination: {host: reviews}}]}]
        exportTo:
        - "."
        - shop
        - "*"
    `,
    },
    expect: [
      { rule: 'vs-invalid', line: 9, messageId: 'rejected', data: { problem: 'exportTo lists "shop" twice' } },
      {
        rule: 'vs-invalid',
        line: 7,
        messageId: 'rejected',
        data: { problem: 'exportTo combines "*" with other entries' },
      },
    ],
  },
  {
    name: 'a kustomize patch holds part of an object: missing routes or hosts are not reported there',
    files: {
      'overlays/prod/patches/reviews-patch.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews}
      spec:
        gateways: [istio-system/public-gw]
    `,
    },
    expect: [],
  },
  {
    name: 'a VirtualService without routes is rejected',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
    `,
    },
    expect: [
      {
        rule: 'vs-invalid',
        line: 4,
        messageId: 'rejected',
        data: { problem: 'The VirtualService has no http, tcp or tls routes' },
      },
    ],
  },
]);

ruleTable(rules(...VS_RULES), [
  {
    name: 'a catch-all route before other routes makes them unreachable',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews, subset: v1}}]
        - match: [{headers: {end-user: {exact: jason}}}]
          route: [{destination: {host: reviews, subset: v2}}]
    `,
    },
    expect: [
      {
        rule: 'vs-unreachable-route',
        line: 8,
        messageId: 'unreachableRoute',
        data: { problem: 'Http route #1 comes after route #0, which has no match and takes every request' },
      },
    ],
  },
  {
    name: 'routes after a catch-all are unreachable once each; their repeated matches are still ineffective',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: a}}]
        - match: [{uri: {prefix: /x}}]
          route: [{destination: {host: b}}]
        - match: [{uri: {prefix: /x}}]
          route: [{destination: {host: c}}]
    `,
    },
    expect: [
      {
        rule: 'vs-unreachable-route',
        line: 8,
        messageId: 'unreachableRoute',
        data: { problem: 'Http route #1 comes after route #0, which has no match and takes every request' },
      },
      {
        rule: 'vs-unreachable-route',
        line: 10,
        messageId: 'unreachableRoute',
        data: { problem: 'Http route #2 comes after route #0, which has no match and takes every request' },
      },
      {
        rule: 'vs-ineffective-match',
        line: 10,
        messageId: 'ineffectiveMatch',
        data: { problem: 'Match #0 of http route #2 repeats a match of the earlier route #1' },
      },
    ],
  },
  {
    name: 'two routes without a match: the second is unreachable',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        tcp:
        - route: [{destination: {host: reviews}}]
        - route: [{destination: {host: ratings}}]
    `,
    },
    expect: [
      {
        rule: 'vs-unreachable-route',
        line: 8,
        messageId: 'unreachableRoute',
        data: {
          problem:
            'Tcp route #1 has no match, and neither has the earlier route #0; only the last route may match everything',
        },
      },
    ],
  },
  {
    name: 'a repeated match (names aside) is ineffective, and a route whose matches all repeat is unreachable',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - name: first
          match:
          - name: products
            uri: {prefix: /products}
          route: [{destination: {host: a}}]
        - name: second
          match:
          - uri: {prefix: /products}
          - uri: {prefix: /cart}
          route: [{destination: {host: b}}]
        - name: third
          match:
          - uri: {prefix: /cart}
          route: [{destination: {host: c}}]
    `,
    },
    expect: [
      {
        rule: 'vs-ineffective-match',
        line: 14,
        messageId: 'ineffectiveMatch',
        data: { problem: 'Match #0 of http route "second" repeats a match of the earlier route "first"' },
      },
      { rule: 'vs-ineffective-match', line: 19 },
      {
        rule: 'vs-unreachable-route',
        line: 17,
        messageId: 'unreachableRoute',
        data: {
          problem: 'Http route "third" is never used: every one of its matches is already taken by earlier routes',
        },
      },
    ],
  },
  {
    name: 'a shorter URI prefix first covers the longer one; the reverse order is fine',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: bad}
      spec:
        hosts: [reviews]
        http:
        - match: [{uri: {prefix: /api}}]
          route: [{destination: {host: a}}]
        - match: [{uri: {prefix: /api/v2}}]
          route: [{destination: {host: b}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: good}
      spec:
        hosts: [ratings]
        http:
        - match: [{uri: {prefix: /api/v2}}]
          route: [{destination: {host: b}}]
        - match: [{uri: {prefix: /api}}]
          route: [{destination: {host: a}}]
        - match: [{uri: {prefix: /api/v3}, method: {exact: POST}}]
          route: [{destination: {host: c}}]
    `,
    },
    expect: [
      {
        rule: 'vs-ineffective-match',
        line: 9,
        name: 'bad',
        messageId: 'ineffectiveMatch',
        data: {
          problem:
            'Match #0 (uri prefix "/api/v2") of http route #1 is covered by match #0 (uri prefix "/api") of the earlier route #0',
        },
      },
    ],
  },
  {
    name: 'tls routes with the same SNI and port: the second is unreachable',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [api.example.com]
        tls:
        - match: [{port: 443, sniHosts: [api.example.com]}]
          route: [{destination: {host: api.example.com}}]
        - match: [{sniHosts: [api.example.com], port: 443}]
          route: [{destination: {host: backup.example.com}}]
    `,
    },
    expect: [
      { rule: 'vs-ineffective-match', line: 9 },
      { rule: 'vs-unreachable-route', line: 9 },
    ],
  },
]);

describe('unreachable-route findings keep their fingerprint when routes move', () => {
  const vs = (extra: string) => yaml`
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: r}
    spec:
      hosts: [reviews]
      http:${extra}
      - match: [{uri: {prefix: /api}}]
        route: [{destination: {host: a}}]
      - match: [{uri: {prefix: /api}}]
        route: [{destination: {host: b}}]
  `;
  test('adding a route above changes the line, not the fingerprint', () => {
    const pick = (files: Record<string, string>) =>
      check(files).filter((f) => f.rule === 'vs-unreachable-route' || f.rule === 'vs-ineffective-match');
    const before = pick({ 'vs.yaml': vs('') });
    const after = pick({
      'vs.yaml': vs('\n      - match: [{uri: {exact: /health}}]\n        directResponse: {status: 200}'),
    });
    expect(before.map((f) => f.rule).sort()).toEqual(['vs-ineffective-match', 'vs-unreachable-route']);
    expect(after.map((f) => f.line)).not.toEqual(before.map((f) => f.line));
    expect(after.map((f) => f.fingerprint).sort()).toEqual(before.map((f) => f.fingerprint).sort());
  });
});

ruleTable(rule('vs-invalid'), [
  {
    name: 'a glob written as a regex does not compile',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [static]
        http:
        - match:
          - uri:
              regex: "*.js"
          route: [{destination: {host: static}}]
    `,
    },
    expect: [{ rule: 'vs-invalid', line: 9, messageId: 'rejected', message: 'it looks like a glob' }],
  },
]);

ruleTable(rules(...VS_RULES, 'gateway-invalid', 'gateway-validation-warning', 'dr-invalid', 'dr-validation-warning'), [
  {
    name: 'the egress-gateway TLS origination pattern produces nothing',
    files: {
      'egress.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: istio-egressgateway, namespace: istio-system}
      spec:
        selector: {istio: egressgateway}
        servers:
        - port: {number: 80, name: http, protocol: HTTP}
          hosts: [edition.cnn.com]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: egressgateway-for-cnn, namespace: istio-system}
      spec:
        host: istio-egressgateway.istio-system.svc.cluster.local
        subsets:
        - name: cnn
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: direct-cnn-through-egress-gateway, namespace: istio-system}
      spec:
        hosts: [edition.cnn.com]
        gateways: [istio-egressgateway, mesh]
        http:
        - match:
          - gateways: [mesh]
            port: 80
          route:
          - destination: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: cnn, port: {number: 80}}
            weight: 100
        - match:
          - gateways: [istio-egressgateway]
            port: 80
          route:
          - destination: {host: edition.cnn.com, port: {number: 443}}
            weight: 100
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: originate-tls-for-edition-cnn-com, namespace: istio-system}
      spec:
        host: edition.cnn.com
        trafficPolicy:
          loadBalancer: {simple: ROUND_ROBIN}
          portLevelSettings:
          - port: {number: 443}
            tls: {mode: SIMPLE}
    `,
    },
    expect: [],
  },
]);
