// Mistakes the API server rejects at `kubectl apply` time: exact lines, messages and fixed output.
import { check, ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const SCHEMA_RULES = [
  'schema-unknown-field',
  'schema-wrong-type',
  'schema-invalid-enum',
  'schema-missing-required',
  'schema-invalid-value',
  'schema-invalid-name',
];

ruleTable(rules(...SCHEMA_RULES), [
  {
    name: 'a misspelt field is renamed, and a lowercase enum value is upper-cased (DestinationRule v1)',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: api-tls}
      spec:
        host: api.example.com
        trafficPolicy:
          tls:
            mod: SIMPLE # originate TLS
          loadBalancer:
            simple: round_robin
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 8,
        messageId: 'unknownFieldDidYouMean',
        data: {
          key: 'mod',
          where: 'in spec.trafficPolicy.tls',
          kind: 'DestinationRule',
          apiVersion: 'networking.istio.io/v1',
        },
        hasFix: true,
      },
      {
        rule: 'schema-invalid-enum',
        line: 10,
        messageId: 'invalidEnumCase',
        data: { caseFix: 'ROUND_ROBIN' },
        hasFix: true,
      },
    ],
    fixed: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: api-tls}
      spec:
        host: api.example.com
        trafficPolicy:
          tls:
            mode: SIMPLE # originate TLS
          loadBalancer:
            simple: ROUND_ROBIN
    `,
    },
  },
  {
    name: 'rename and case fix in flow style, quoting kept (v1alpha3)',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: DestinationRule
      metadata: {name: api-tls}
      spec:
        host: api.example.com
        trafficPolicy: {tls: {mode: "simple"},
          portLevelSettings: [{port: {numbr: 443}, tls: {mode: SIMPLE}}]}
    `,
    },
    expect: [
      { rule: 'schema-invalid-enum', line: 6, messageId: 'invalidEnumCase', data: { value: 'simple' } },
      { rule: 'schema-unknown-field', line: 7, messageId: 'unknownFieldDidYouMean', data: { suggestion: 'number' } },
    ],
    fixed: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: DestinationRule
      metadata: {name: api-tls}
      spec:
        host: api.example.com
        trafficPolicy: {tls: {mode: "SIMPLE"},
          portLevelSettings: [{port: {number: 443}, tls: {mode: SIMPLE}}]}
    `,
    },
  },
  {
    name: 'a top-level typo (specs) is renamed; the missing spec is not reported twice',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: foo}
      specs: {}
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 4,
        messageId: 'unknownFieldDidYouMean',
        data: { where: 'at the top level' },
        hasFix: true,
      },
    ],
    fixed: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: foo}
      spec: {}
    `,
    },
  },
  {
    name: 'an unknown field with no near miss has no fix; a nested mistake inside it is not reported',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route:
          - destination: {host: reviews}
          circuitBreaker:
            allowOrigin: [{exact: "*"}]
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 9,
        messageId: 'unknownField',
        data: { key: 'circuitBreaker', where: 'in spec.http[0]', kind: 'VirtualService' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'wrong types: a string for a list, a list for a string, a quoted port number, null in a list (ServiceEntry v1)',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: ext}
      spec:
        hosts: api.example.com
        resolution: [DNS]
        location: MESH_EXTERNAL
        ports:
        - number: "443"
          name: https
          protocol: TLS
        exportTo: [".", null]
    `,
    },
    expect: [
      {
        rule: 'schema-wrong-type',
        line: 5,
        messageId: 'wrongTypeList',
        data: { path: 'spec.hosts', expected: 'a list', got: 'the string "api.example.com"', item: 'api.example.com' },
        hasFix: true,
      },
      {
        rule: 'schema-wrong-type',
        line: 6,
        messageId: 'wrongType',
        data: { path: 'spec.resolution', expected: 'a string', got: 'a list' },
        hasFix: false,
      },
      {
        rule: 'schema-wrong-type',
        line: 9,
        messageId: 'wrongTypeUnquote',
        data: { path: 'spec.ports[0].number', expected: 'an integer', got: 'the string "443"', value: '443' },
        hasFix: true,
      },
      {
        rule: 'schema-wrong-type',
        line: 12,
        messageId: 'wrongType',
        data: { path: 'spec.exportTo[1]', expected: 'a string', got: 'null' },
      },
    ],
    fixed: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: ext}
      spec:
        hosts: [api.example.com]
        resolution: [DNS]
        location: MESH_EXTERNAL
        ports:
        - number: 443
          name: https
          protocol: TLS
        exportTo: [".", null]
    `,
    },
  },
  {
    name: 'a quoted number is unquoted by the fix',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1beta1
      kind: Gateway
      metadata: {name: gw}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port:
            number: "8080"
            name: http
            protocol: HTTP
          hosts: ["*"]
    `,
    },
    expect: [{ rule: 'schema-wrong-type', line: 8, messageId: 'wrongTypeUnquote', data: { value: '8080' } }],
    fixed: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1beta1
      kind: Gateway
      metadata: {name: gw}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - port:
            number: 8080
            name: http
            protocol: HTTP
          hosts: ["*"]
    `,
    },
  },
  {
    name: 'a number where a duration string is expected, and a boolean written as a string',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - route: [{destination: {host: reviews}}]
          timeout: 10
          retries: {attempts: 2, retryRemoteLocalities: "true"}
    `,
    },
    expect: [
      {
        rule: 'schema-wrong-type',
        line: 8,
        messageId: 'wrongType',
        data: { path: 'spec.http[0].timeout', expected: 'a string', got: 'the number 10' },
        hasFix: false,
      },
      {
        rule: 'schema-wrong-type',
        line: 9,
        messageId: 'wrongTypeUnquote',
        data: { expected: 'a boolean', value: 'true' },
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
          timeout: 10
          retries: {attempts: 2, retryRemoteLocalities: true}
    `,
    },
  },
  {
    name: 'an enum typo gets "did you mean" but no fix (ServiceEntry v1beta1, AuthorizationPolicy v1beta1)',
    files: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: ext}
      spec:
        hosts: [api.example.com]
        location: MESH_EXTERNL
        resolution: DNS
      ---
      apiVersion: security.istio.io/v1beta1
      kind: AuthorizationPolicy
      metadata: {name: deny, namespace: foo}
      spec:
        action: REJECT
    `,
    },
    expect: [
      {
        rule: 'schema-invalid-enum',
        line: 6,
        messageId: 'invalidEnumDidYouMean',
        data: { suggestion: 'MESH_EXTERNAL' },
        hasFix: false,
      },
      {
        rule: 'schema-invalid-enum',
        line: 13,
        messageId: 'invalidEnum',
        data: { allowed: ' Allowed: ALLOW, DENY, AUDIT, CUSTOM.' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'enum values in Telemetry (v1alpha1), WasmPlugin and PeerAuthentication are upper-cased',
    files: {
      'x.yaml': yaml`
      apiVersion: telemetry.istio.io/v1alpha1
      kind: Telemetry
      metadata: {name: t, namespace: foo}
      spec:
        metrics:
        - overrides:
          - match: {metric: REQUEST_COUNT, mode: client}
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: WasmPlugin
      metadata: {name: w, namespace: foo}
      spec:
        url: oci://ghcr.io/example/filter:1.0
        phase: authn
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: foo}
      spec:
        mtls:
          mode: Strict
    `,
    },
    expect: [
      { rule: 'schema-invalid-enum', line: 7, hasFix: true },
      { rule: 'schema-invalid-enum', line: 14, hasFix: true },
      {
        rule: 'schema-invalid-enum',
        line: 21,
        messageId: 'invalidEnumCase',
        data: { caseFix: 'STRICT' },
        hasFix: true,
      },
    ],
    fixed: {
      'x.yaml': yaml`
      apiVersion: telemetry.istio.io/v1alpha1
      kind: Telemetry
      metadata: {name: t, namespace: foo}
      spec:
        metrics:
        - overrides:
          - match: {metric: REQUEST_COUNT, mode: CLIENT}
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: WasmPlugin
      metadata: {name: w, namespace: foo}
      spec:
        url: oci://ghcr.io/example/filter:1.0
        phase: AUTHN
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: foo}
      spec:
        mtls:
          mode: STRICT
    `,
    },
  },
  {
    name: 'required fields: a WasmPlugin without url, a Gateway server port without number, a subset without name',
    files: {
      'x.yaml': yaml`
      apiVersion: extensions.istio.io/v1alpha1
      kind: WasmPlugin
      metadata: {name: w, namespace: foo}
      spec:
        phase: AUTHN
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {name: http, protocol: HTTP}
          hosts: ["*"]
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        subsets:
        - labels: {version: v1}
    `,
    },
    expect: [
      {
        rule: 'schema-missing-required',
        line: 4,
        messageId: 'missingRequired',
        data: { path: 'spec.url', field: 'url', parent: 'spec' },
      },
      {
        rule: 'schema-missing-required',
        line: 12,
        messageId: 'missingRequired',
        data: { path: 'spec.servers[0].port.number', field: 'number', parent: 'spec.servers[0].port' },
      },
      {
        rule: 'schema-missing-required',
        line: 21,
        messageId: 'missingRequired',
        data: { field: 'name', parent: 'spec.subsets[0]' },
      },
    ],
  },
  {
    name: 'a required spec missing altogether (ServiceEntry)',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: api, namespace: shop}
    `,
    },
    expect: [
      {
        rule: 'schema-missing-required',
        line: 1,
        messageId: 'missingRequiredTopLevel',
        data: { path: 'spec', field: 'spec' },
      },
    ],
  },
  {
    name: 'bounds: a percentage over 100, too many credential names, an empty Lua script (TrafficExtension)',
    files: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        trafficPolicy:
          retryBudget: {percent: 150}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gw}
      spec:
        servers:
        - port: {number: 443, name: https, protocol: HTTPS}
          hosts: ["*"]
          tls: {mode: SIMPLE, credentialNames: [a, b, c]}
      ---
      apiVersion: extensions.istio.io/v1alpha1
      kind: TrafficExtension
      metadata: {name: te, namespace: foo}
      spec:
        lua: {inlineCode: ""}
    `,
    },
    expect: [
      {
        rule: 'schema-invalid-value',
        line: 7,
        messageId: 'invalidValue',
        data: { path: 'spec.trafficPolicy.retryBudget.percent', problem: 'is 150; the maximum is 100' },
      },
      {
        rule: 'schema-invalid-value',
        line: 16,
        messageId: 'invalidValue',
        data: { problem: 'has 3 items; at most 2 are allowed' },
      },
      {
        rule: 'schema-invalid-value',
        line: 22,
        messageId: 'invalidValue',
        data: { path: 'spec.lua.inlineCode', problem: 'must not be empty' },
      },
    ],
  },
  {
    name: 'metadata: a non-string label value, an unknown metadata field, a name that is not DNS-1123',
    files: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: External_API
        labels:
          version: 2
        annotation: {team: a}
      spec:
        hosts: [api.example.com]
    `,
    },
    expect: [
      {
        rule: 'schema-invalid-name',
        line: 4,
        messageId: 'invalidNameUse',
        data: { suggestion: 'external-api' },
        hasFix: false,
      },
      {
        rule: 'schema-wrong-type',
        line: 6,
        messageId: 'wrongTypeQuote',
        data: { path: 'metadata.labels.version', expected: 'a string', got: 'the number 2', written: '2' },
        hasFix: true,
      },
      {
        rule: 'schema-unknown-field',
        line: 7,
        messageId: 'unknownFieldDidYouMean',
        data: { key: 'annotation', suggestion: 'annotations' },
        hasFix: true,
      },
    ],
    fixed: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata:
        name: External_API
        labels:
          version: "2"
        annotations: {team: a}
      spec:
        hosts: [api.example.com]
    `,
    },
  },
  {
    name: 'inside a kind: List, findings point into the item',
    files: {
      'list.yaml': yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: foo}
        spec:
          egres:
          - hosts: ["./*"]
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 8,
        messageId: 'unknownFieldDidYouMean',
        data: { key: 'egres', suggestion: 'egress' },
      },
    ],
    fixed: {
      'list.yaml': yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: foo}
        spec:
          egress:
          - hosts: ["./*"]
    `,
    },
  },
]);

describe('schema checks on hostile input', () => {
  test('a huge list of wrong types is reported a bounded number of times', () => {
    const hosts = Array.from({ length: 20000 }, (_, i) => i).join(', ');
    const found = check({
      'se.yaml': `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: big}\nspec:\n  hosts: [${hosts}]\n`,
    }).filter((f) => f.rule.startsWith('schema-'));
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(25);
  });

  test('deep nesting under an unknown or open field is not descended', () => {
    const deep = '{a: '.repeat(200) + '1' + '}'.repeat(200); // the reader skips documents deeper than 256
    const found = check({
      'ef.yaml': `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: deep}\nspec:\n  configPatches:\n  - applyTo: CLUSTER\n    patch: {operation: MERGE, value: ${deep}}\n  bogus: ${deep}\n`,
    }).filter((f) => f.rule.startsWith('schema-'));
    expect(found.map((f) => `${f.rule}:${f.line}`)).toEqual(['schema-unknown-field:8']);
  });

  test('odd shapes do not throw: spec as a list, metadata as a string, a map key that is not a string', () => {
    const found = check({
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec: [1, 2]
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: pa}
      spec:
        portLevelMtls:
          ? [1, 2]
          : {mode: STRICT}
    `,
    }).filter((f) => f.rule.startsWith('schema-'));
    expect(found.map((f) => `${f.rule}:${f.line}`)).toContain('schema-wrong-type:4');
  });
});

ruleTable(rules('schema-unknown-field', 'schema-oneof'), [
  {
    name: 'a field written one level too high is pointed to where it belongs',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: api}
      spec:
        host: api.example.com
        tls:
          mode: SIMPLE
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 6,
        messageId: 'unknownFieldMisplaced',
        data: { key: 'tls', fieldPath: 'spec.trafficPolicy' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'fields that exclude each other: a StringMatch with exact and prefix, simple with consistentHash',
    files: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - match:
          - uri:
              exact: /login
              prefix: /login/
          route: [{destination: {host: reviews}}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        trafficPolicy:
          loadBalancer:
            simple: ROUND_ROBIN
            consistentHash: {httpHeaderName: x-user}
    `,
    },
    expect: [
      {
        rule: 'schema-oneof',
        line: 10,
        messageId: 'oneOf',
        data: { parent: 'spec.http[0].match[0].uri', fields: '"exact", "prefix"' },
      },
      { rule: 'schema-oneof', line: 21, messageId: 'oneOf', data: { fields: '"simple", "consistentHash"' } },
    ],
  },
  {
    name: 'one member of each exclusive group is fine, and a null member does not count',
    files: {
      'x.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - match:
          - uri: {prefix: /api, exact: null}
            headers: {x-env: {regex: "^(dev|qa)$"}}
          route: [{destination: {host: reviews}}]
    `,
    },
    expect: [],
  },
]);

ruleTable(rules('schema-unknown-field', 'schema-missing-required'), [
  {
    name: 'snake_case field names are renamed to the camelCase the CRD declares',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        trafficPolicy:
          outlierDetection:
            consecutive_5xx_errors: 5
            base_ejection_time: 30s
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 8,
        messageId: 'unknownFieldDidYouMean',
        data: { suggestion: 'consecutive5xxErrors' },
        hasFix: true,
      },
      {
        rule: 'schema-unknown-field',
        line: 9,
        messageId: 'unknownFieldDidYouMean',
        data: { suggestion: 'baseEjectionTime' },
        hasFix: true,
      },
    ],
    fixed: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        trafficPolicy:
          outlierDetection:
            consecutive5xxErrors: 5
            baseEjectionTime: 30s
    `,
    },
  },
  {
    name: 'a kustomize patch is partial: no missing-required findings, but unknown fields still count',
    files: {
      'overlays/prod/patches/dr-timeout.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews}
      spec:
        subsets:
        - labels: {version: v2}
        trafficPolicy:
          connectionPool: {tcp: {maxConnection: 10}}
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 8,
        messageId: 'unknownFieldDidYouMean',
        data: { key: 'maxConnection', suggestion: 'maxConnections' },
      },
    ],
  },
]);

ruleTable(rule('schema-wrong-type'), [
  {
    name: 'AuthorizationPolicy ports are strings: numbers are quoted as written',
    files: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-metrics, namespace: foo, labels: {version: 1.10}}
      spec:
        action: ALLOW
        rules:
        - to:
          - operation:
              ports: [8080, "9090"]
              methods: [GET]
    `,
    },
    expect: [
      { rule: 'schema-wrong-type', line: 3, messageId: 'wrongTypeQuote', data: { written: '1.10' } },
      {
        rule: 'schema-wrong-type',
        line: 9,
        messageId: 'wrongTypeQuote',
        data: {
          path: 'spec.rules[0].to[0].operation.ports[0]',
          expected: 'a string',
          got: 'the number 8080',
          written: '8080',
        },
      },
    ],
    fixed: {
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-metrics, namespace: foo, labels: {version: "1.10"}}
      spec:
        action: ALLOW
        rules:
        - to:
          - operation:
              ports: ["8080", "9090"]
              methods: [GET]
    `,
    },
  },
]);

ruleTable(rule('schema-unknown-field'), [
  {
    name: 'with a newer Istio declared, an unknown field without a near miss says which CRDs were used',
    istioVersion: '1.35',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        futureSetting: {enabled: true}
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 6,
        messageId: 'unknownFieldNewerIstio',
        data: { key: 'futureSetting', istioVersion: '1.35' },
      },
    ],
  },
  {
    name: 'with a newer Istio declared, a field written one level too high is pointed to where it belongs, and the CRDs named',
    istioVersion: '1.35',
    files: {
      'dr.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: dr}
      spec:
        host: reviews
        tls: {mode: SIMPLE}
    `,
    },
    expect: [
      {
        rule: 'schema-unknown-field',
        line: 6,
        messageId: 'unknownFieldMisplacedNewerIstio',
        data: { key: 'tls', fieldPath: 'spec.trafficPolicy', istioVersion: '1.35' },
      },
    ],
  },
]);

ruleTable(rule('schema-invalid-name'), [
  {
    name: 'a namespace with upper case or dots is not a DNS-1123 label; a dotted name is a fine subdomain',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata:
        name: reviews.v2-route
        namespace: Team.A
      spec:
        hosts: [reviews]
    `,
    },
    expect: [{ rule: 'schema-invalid-name', line: 5, messageId: 'invalidNamespace', data: { namespace: 'Team.A' } }],
  },
  {
    name: 'a name that lower case does not mend gets no suggestion',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: "reviews@v2", namespace: shop}
      spec:
        hosts: [reviews]
    `,
    },
    expect: [{ rule: 'schema-invalid-name', line: 3, messageId: 'invalidName', data: { name: 'reviews@v2' } }],
  },
]);

ruleTable(rule('schema-invalid-value'), [
  {
    name: 'patterns: a WasmPlugin checksum that is not hex, a targetRef group with upper case',
    files: {
      'wp.yaml': yaml`
      apiVersion: extensions.istio.io/v1alpha1
      kind: WasmPlugin
      metadata: {name: w, namespace: foo}
      spec:
        url: oci://ghcr.io/example/filter:1.0
        sha256: sha256:ABC
        targetRefs:
        - {kind: Gateway, group: Gateway.Networking.k8s.io, name: gw}
    `,
    },
    expect: [
      {
        rule: 'schema-invalid-value',
        line: 6,
        messageId: 'invalidValue',
        data: { path: 'spec.sha256', problem: '"sha256:ABC" does not match the pattern (^$|^[a-f0-9]{64}$)' },
      },
      { rule: 'schema-invalid-value', line: 8, messageId: 'invalidValue', data: { path: 'spec.targetRefs[0].group' } },
    ],
  },
]);

describe('string bounds count code points', () => {
  test('a 64-character label value of emoji is 64 code points, not 128', () => {
    const emoji = '😀'.repeat(63);
    const ok = check({
      'wp.yaml': `apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata: {name: w}\nspec:\n  url: oci://x/y:1\n  selector: {matchLabels: {app: "${emoji}"}}\n`,
    }).filter((f) => f.rule === 'schema-invalid-value');
    expect(ok).toEqual([]);
    const bad = check({
      'wp.yaml': `apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata: {name: w}\nspec:\n  url: oci://x/y:1\n  selector: {matchLabels: {app: "${emoji}😀"}}\n`,
    }).filter((f) => f.rule === 'schema-invalid-value');
    expect(bad.map((f) => f.message)).toEqual([
      expect.stringContaining('is 64 characters long; at most 63 are allowed'),
    ]);
  });
});

ruleTable(rule('schema-wrong-type'), [
  {
    name: 'a bare port number becomes a port selector; a bare string match gets the choices, no fix',
    files: {
      'vs.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: r}
      spec:
        hosts: [reviews]
        http:
        - match:
          - uri: /api
          route:
          - destination:
              host: reviews
              port: 9080 # v2 listens here
    `,
    },
    expect: [
      {
        rule: 'schema-wrong-type',
        line: 8,
        messageId: 'wrongTypeMatchKinds',
        data: { matchKinds: '{exact: ...}, {prefix: ...}, {regex: ...}' },
        hasFix: false,
      },
      {
        rule: 'schema-wrong-type',
        line: 12,
        messageId: 'wrongTypePortNumber',
        data: { field: 'port', port: 9080 },
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
        - match:
          - uri: /api
          route:
          - destination:
              host: reviews
              port: {number: 9080} # v2 listens here
    `,
    },
  },
]);
