// Hostile and broken manifest files, generated at test time (nothing large is committed). Each case says what
// a user must see: a finding of a given rule on the file (and line where there is one), or for valid-but-odd
// files (JSON, List, BOM, CRLF, a 2 MB line) the real problem planted inside them, at the right line.

export interface HostileCase {
  name: string;
  /** File name inside the temp directory. */
  file: string;
  content: string | Buffer;
  /** Findings the file must get: rule and, where the problem has one, the line. */
  expect: { rule: string; line?: number }[];
}

/** The real problem every run must still report: a typo'd Istio kind (rule unknown-istio-kind, line 2). */
export const REAL_PROBLEM_FILE = 'zz-real-problem.yaml';
export const REAL_PROBLEM = `apiVersion: networking.istio.io/v1
kind: ServiceEnrty
metadata:
  name: payments
  namespace: shop
spec:
  hosts: [api.payments.example.com]
  resolution: DNS
  ports:
    - {number: 443, name: tls, protocol: TLS}
`;

/** A second real problem (rule se-static-without-endpoints): STATIC resolution with nothing to send traffic to. */
export const STATIC_SE_FILE = 'zz-static-se.yaml';
export const STATIC_SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: legacy-db
  namespace: shop
spec:
  hosts: [db.legacy.internal]
  location: MESH_INTERNAL
  resolution: STATIC
  ports:
    - {number: 5432, name: tcp-postgres, protocol: TCP}
`;

const typo = (name: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEnrty
metadata:
  name: ${name}
  namespace: shop
spec:
  hosts: [${name}.example.com]
`;

function billionLaughs(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  ${lines.join('\n  ')}\n`;
}

function deepBlock(levels: number): string {
  let s = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n';
  for (let i = 0; i < levels; i++) s += `${' '.repeat(2 * (i + 1))}k${i}:\n`;
  return s + `${' '.repeat(2 * (levels + 1))}leaf\n`;
}

/** A ConfigMap whose data mapping holds `keys` keys, the key at `repeatAt` (if any) repeating key0. */
function wideMapping(keys: number, repeatAt: number | null): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: wide', '  namespace: shop', 'data:'];
  for (let i = 0; i < keys; i++) lines.push(i === repeatAt ? '  key0: again' : `  key${i}: v${i}`);
  return `${lines.join('\n')}\n`;
}

/** `count` small ConfigMaps in one file. */
function manyDocuments(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: shop}\n`,
  ).join('---\n');
}

export function hostileCases(): HostileCase[] {
  const bigAnnotation = 'x'.repeat(2 * 1024 * 1024);
  return [
    {
      name: 'alias bomb (billion laughs)',
      file: 'alias-bomb.yaml',
      content: billionLaughs(),
      expect: [{ rule: 'yaml-syntax' }],
    },
    {
      name: 'flow nesting 10,000 levels deep',
      file: 'deep-flow.yaml',
      content: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10000)}${']'.repeat(10000)}\n`,
      expect: [{ rule: 'yaml-syntax' }],
    },
    {
      name: 'block nesting 1,500 levels deep',
      file: 'deep-block.yaml',
      content: deepBlock(1500),
      expect: [{ rule: 'yaml-syntax' }],
    },
    {
      name: 'a 20 MB file',
      file: 'huge.yaml',
      content: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n${'  k: v\n'.repeat(0)}${Array.from({ length: 20 * 1024 }, (_, i) => `  key${i}: "${'y'.repeat(1000)}"\n`).join('')}`,
      expect: [{ rule: 'unreadable-file', line: 1 }],
    },
    {
      name: 'a 2 MB line (valid), with a real problem after it',
      file: 'long-line.yaml',
      content: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\n  annotations:\n    blob: "${bigAnnotation}"\n---\n${typo('after-long-line')}`,
      expect: [{ rule: 'unknown-istio-kind', line: 9 }],
    },
    {
      name: 'a 2 MB line of garbage',
      file: 'long-garbage.yaml',
      content: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: g}\ndata: {${'"a": ['.repeat(1)}${'z'.repeat(2 * 1024 * 1024)}\n`,
      expect: [{ rule: 'yaml-syntax' }],
    },
    {
      name: 'binary file',
      file: 'binary.yaml',
      content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x10]),
      expect: [{ rule: 'unreadable-file', line: 1 }],
    },
    {
      name: 'invalid UTF-8',
      file: 'latin1.yaml',
      content: Buffer.concat([
        Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'),
        Buffer.from([0xe9, 0xff]),
        Buffer.from('\n'),
      ]),
      expect: [{ rule: 'unreadable-file', line: 1 }],
    },
    {
      name: 'tabs for indentation',
      file: 'tabs.yaml',
      content: 'apiVersion: v1\nkind: Service\nmetadata:\n\tname: tabbed\n\tnamespace: shop\n',
      expect: [{ rule: 'yaml-syntax', line: 4 }],
    },
    {
      name: 'duplicate keys',
      file: 'dup.yaml',
      content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: dup\n  name: dup2\n',
      expect: [{ rule: 'duplicate-key', line: 5 }],
    },
    {
      name: 'wrong types everywhere',
      file: 'wrong-types.yaml',
      content: `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: wrong
  namespace: shop
  labels: [a, b]
  annotations: 7
spec:
  hosts: 5
  ports: "443"
  resolution: [DNS]
  location: {x: 1}
  endpoints: [null, 5, {address: [1]}]
  exportTo: true
  workloadSelector: "app=web"
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: wrong-vs, namespace: shop}
spec:
  hosts: [null, 5, {a: 1}]
  gateways: mesh
  http: [null, 3, {route: 5}, {route: [null, {destination: 7}, {destination: {host: 5, port: "80", subset: []}}]}]
  tls: {}
  tcp: "x"
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: wrong-dr, namespace: shop}
spec:
  host: [a]
  subsets: [null, {name: 5, labels: [x]}]
  trafficPolicy: {tls: "SIMPLE", portLevelSettings: {a: 1}}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: wrong-gw, namespace: shop}
spec:
  selector: [istio]
  servers: [null, {port: "443", hosts: 5, tls: [SIMPLE]}]
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: wrong-sc, namespace: shop}
spec:
  egress: {hosts: 5}
  workloadSelector: {labels: [x]}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: wrong-ap, namespace: shop}
spec:
  selector: {matchLabels: 5}
  rules: [null, {from: 5, to: [null], when: {}}]
  action: [ALLOW]
---
apiVersion: v1
kind: Service
metadata: {name: wrong-svc, namespace: shop}
spec:
  ports: [null, {port: "http", protocol: 5, name: [1]}]
  selector: [app]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: wrong-deploy, namespace: shop}
spec:
  template: {metadata: {labels: 5, annotations: [x]}, spec: {containers: [null, {ports: 5, image: 7}]}}
`,
      expect: [{ rule: 'schema-wrong-type' }],
    },
    {
      name: 'a scalar document and a list document',
      file: 'scalars.yaml',
      content: 'just a string\n---\n- a\n- b\n---\n42\n',
      expect: [
        { rule: 'not-a-manifest', line: 1 },
        { rule: 'not-a-manifest', line: 3 },
        { rule: 'not-a-manifest', line: 6 },
      ],
    },
    {
      name: 'documents without kind',
      file: 'no-kind.yaml',
      content: 'apiVersion: v1\nmetadata:\n  name: nokind\n---\nmetadata: {name: x}\n',
      expect: [
        { rule: 'not-a-manifest', line: 1 },
        { rule: 'not-a-manifest', line: 5 },
      ],
    },
    {
      name: 'template syntax outside a chart',
      file: 'templated.yaml',
      content:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.ports }}\nspec: {}\n{{- end }}\n',
      expect: [{ rule: 'template-not-checked', line: 4 }],
    },
    {
      name: 'unterminated string',
      file: 'unterminated.yaml',
      content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: "open\n  namespace: shop\nspec: {}\n',
      expect: [{ rule: 'yaml-syntax', line: 4 }],
    },
    {
      name: 'alias that does not resolve',
      file: 'bad-alias.yaml',
      content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: *nowhere\n',
      expect: [{ rule: 'yaml-syntax', line: 4 }],
    },
    {
      name: 'JSON manifest with a real problem',
      file: 'manifest.json',
      content: `{\n  "apiVersion": "networking.istio.io/v1",\n  "kind": "ServiceEnrty",\n  "metadata": {"name": "json-se", "namespace": "shop"},\n  "spec": {"hosts": ["json.example.com"]}\n}\n`,
      expect: [{ rule: 'unknown-istio-kind', line: 3 }],
    },
    {
      name: 'kind: List with a real problem in an item',
      file: 'list.yaml',
      content: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: fine, namespace: shop}\n  - apiVersion: networking.istio.io/v1\n    kind: ServiceEnrty\n    metadata: {name: listed, namespace: shop}\n    spec: {hosts: [listed.example.com]}\n  - 5\n`,
      expect: [
        { rule: 'unknown-istio-kind', line: 8 },
        { rule: 'not-a-manifest', line: 11 },
      ],
    },
    {
      name: 'BOM and CRLF with a real problem',
      file: 'bom-crlf.yaml',
      content:
        `\ufeff${'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: crlf, namespace: shop}\n---\n'}${typo('crlf-se')}`.replace(
          /\n/g,
          '\r\n',
        ),
      expect: [{ rule: 'unknown-istio-kind', line: 6 }],
    },
    // Shapes that were quadratic or unbounded: the duplicate check stays linear, caps end in input-too-large.
    {
      name: 'a 40,000-key mapping with a repeated key near its end',
      file: 'wide.yaml',
      content: wideMapping(40_000, 39_990),
      expect: [{ rule: 'duplicate-key', line: 6 + 39_990 + 1 }],
    },
    // 10,000 keys past the 50,000-key cap: the finding is at the first key past it, wherever the mapping ends.
    {
      name: 'a 60,000-key mapping',
      file: 'wider.yaml',
      content: wideMapping(60_000, null),
      expect: [{ rule: 'input-too-large', line: 6 + 50_000 + 1 }],
    },
    {
      name: '10,001 documents in one file',
      file: 'many-docs.yaml',
      content: manyDocuments(10_001),
      expect: [{ rule: 'input-too-large', line: 10_000 * 4 /* the `---` opening document 10,001 */ }],
    },
    {
      name: 'empty file and comment-only documents',
      file: 'empty.yaml',
      content: '# nothing here\n---\n---\n# still nothing\n',
      expect: [],
    },
    // Issue 14: shapes that crashed a rule, desynchronised a reader, or took quadratic time.
    {
      name: 'an Istio kind named after a prototype member',
      file: 'proto-kind.yaml',
      content:
        'apiVersion: networking.istio.io/v1\nkind: constructor\nmetadata: {name: x, namespace: shop}\n---\napiVersion: security.istio.io/v1\nkind: __proto__\nmetadata: {name: other, namespace: shop}\n',
      expect: [
        { rule: 'unknown-istio-kind', line: 2 },
        { rule: 'unknown-istio-kind', line: 6 },
      ],
    },
    {
      name: 'keys, labels, names and hosts named after prototype members',
      file: 'proto-keys.yaml',
      content: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: constructor
  namespace: shop
  labels: {__proto__: toString, constructor: hasOwnProperty}
  annotations: {__proto__: one, toString: two, sidecar.istio.io/constructor: three}
spec:
  hosts: [constructor, __proto__, toString]
  http:
  - match: [{headers: {__proto__: {exact: five}}, sourceLabels: {constructor: four}}]
    route: [{destination: {host: hasOwnProperty, subset: valueOf}}]
`,
      expect: [{ rule: 'vs-invalid', line: 9 }],
    }, // "__proto__" is not a DNS name: the one real finding
    {
      name: 'a file name with a newline in it',
      file: 'we\nird.yaml',
      content: typo('newline-name'),
      expect: [{ rule: 'unknown-istio-kind', line: 2 }],
    },
    {
      name: 'a VirtualService repeating one host 2,000 times',
      file: 'repeated-hosts.yaml',
      content: `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: repeated, namespace: shop}\nspec:\n  hosts:\n${'  - reviews.shop.svc.cluster.local\n'.repeat(2000)}  http:\n  - route:\n    - destination: {host: reviews.shop.svc.cluster.local}\n`,
      expect: [
        { rule: 'vs-invalid', line: 7 },
        { rule: 'vs-invalid', line: 2005 },
      ],
    },
  ];
}
