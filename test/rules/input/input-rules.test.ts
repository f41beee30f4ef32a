import { ruleTable, yaml, rule, rules } from '../../helpers/harness.js';
import { decodeManifest } from '../../../src/manifests/load.js';
import { buildWorkspace } from '../../../src/manifests/workspace.js';
import { overBudgetFile } from '../../../src/manifests/budget.js';
import { MAX_FILE_BYTES } from '../../../src/manifests/limits.js';

ruleTable(rule('unknown-istio-kind'), [
  {
    name: 'known kinds and versions are fine',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: ok}
      spec: {hosts: [api.example.com], resolution: DNS, ports: [{number: 80, name: http, protocol: HTTP}], addresses: [10.1.2.3]}
    `,
    },
    expect: [],
  },
  {
    name: 'a typo in the kind is reported with a fix',
    files: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEnrty # typo
      metadata: {name: typo}
      spec: {hosts: [api.example.com]}
    `,
    },
    expect: [
      {
        rule: 'unknown-istio-kind',
        line: 2,
        messageId: 'unknownKind',
        data: { group: 'networking.istio.io', kind: 'ServiceEnrty', suggestion: 'ServiceEntry' },
        hasFix: true,
      },
    ],
    fixed: {
      'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry # typo
      metadata: {name: typo}
      spec: {hosts: [api.example.com]}
    `,
    },
  },
  {
    name: 'a version the kind is not served at',
    files: {
      'ef.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: EnvoyFilter
      metadata: {name: ef}
      spec: {}
    `,
    },
    expect: [
      {
        rule: 'unknown-istio-kind',
        line: 1,
        messageId: 'versionNotServed',
        data: {
          kind: 'EnvoyFilter',
          apiVersion: 'networking.istio.io/v1',
          servedVersions: 'networking.istio.io/v1alpha3',
        },
      },
    ],
    fixed: {
      'ef.yaml': yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: ef}
      spec: {}
    `,
    },
  },
  {
    name: "a kind nothing resembles: the message lists the group's kinds, and there is no fix",
    files: {
      'x.yaml': yaml`
      apiVersion: telemetry.istio.io/v1
      kind: Xyzzy
      metadata: {name: x}
    `,
    },
    expect: [
      {
        rule: 'unknown-istio-kind',
        line: 2,
        messageId: 'unknownKindNoGuess',
        data: { group: 'telemetry.istio.io', kind: 'Xyzzy', knownKinds: 'Telemetry' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'kinds of other groups are context, not findings',
    files: {
      'x.yaml': yaml`
      apiVersion: example.com/v1
      kind: Whatever
      metadata: {name: w}
    `,
    },
    expect: [],
  },
]);

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n${data}`;

ruleTable(rules('yaml-syntax', 'duplicate-key', 'not-a-manifest', 'template-not-checked', 'input-too-large'), [
  {
    name: 'duplicate keys are an error at the repeated key',
    files: {
      'svc.yaml': yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: a
        name: b
    `,
    },
    expect: [
      { rule: 'duplicate-key', line: 5, messageId: 'duplicateKey', data: { detail: 'Map keys must be unique' } },
    ],
  },
  {
    name: 'a broken document does not hide the next one',
    files: { 'two.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: "x}\n---\n- just\n- a list\n' },
    expect: [{ rule: 'yaml-syntax', line: 3, messageId: 'syntaxError' }],
  },
  {
    name: 'bad indentation in one document leaves the next one checked',
    files: { 'two.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n labels: {}\n---\n- just\n- a list\n' },
    expect: [
      { rule: 'yaml-syntax', line: 5, messageId: 'syntaxError' },
      { rule: 'not-a-manifest', line: 7, messageId: 'notAnObject', data: { what: 'a list' } },
    ],
  },
  {
    name: 'template syntax is one info finding',
    files: { 'tpl.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n' },
    expect: [{ rule: 'template-not-checked', line: 4, messageId: 'templateSyntax' }],
  },
  {
    name: 'an alias without its anchor',
    files: { 'c.yaml': configMap('  a: [1]\n  b: *nowhere\n') },
    expect: [{ rule: 'yaml-syntax', line: 6, messageId: 'unresolvedAlias', data: { alias: 'nowhere' } }],
  },
  {
    name: 'an alias bomb is skipped before it expands',
    files: {
      'c.yaml': configMap(
        [
          '  a: &a [x, x, x, x, x, x, x, x, x, x]',
          ...['b', 'c', 'd', 'e'].map((n, i) => `  ${n}: &${n} [${Array(10).fill(`*${'abcd'[i]}`).join(', ')}]`),
        ].join('\n') + '\n',
      ),
    },
    expect: [{ rule: 'yaml-syntax', line: 1, messageId: 'tooManyAliases' }],
  },
  {
    name: 'nesting too deep in the text, and through aliases stacked on aliases',
    files: {
      'text.yaml': configMap(`  a: ${'['.repeat(300)}${']'.repeat(300)}\n`),
      'aliases.yaml': configMap(
        [
          `  l1: &l1 ${'['.repeat(100)}${']'.repeat(100)}`,
          `  l2: &l2 ${'['.repeat(100)}*l1${']'.repeat(100)}`,
          `  l3: ${'['.repeat(100)}*l2${']'.repeat(100)}`,
        ].join('\n') + '\n',
      ),
    },
    expect: [
      { rule: 'yaml-syntax', file: 'text.yaml', line: 5, messageId: 'fileTooDeep', data: { line: 5 } },
      { rule: 'yaml-syntax', file: 'aliases.yaml', line: 1, messageId: 'documentTooDeep' },
    ],
  },
  {
    name: 'documents that are not objects Kubernetes can apply',
    files: {
      'x.yaml': yaml`
      apiVersion: v1
      kind: List
      items:
      - 5
      ---
      apiVersion: v1
      metadata: {name: nokind}
      ---
      apiVersion: v1
      kind: Service
      metadata: {labels: {app: a}}
    `,
    },
    expect: [
      { rule: 'not-a-manifest', line: 4, messageId: 'listItemNotAnObject', data: { index: 0 } },
      { rule: 'not-a-manifest', line: 6, messageId: 'noApiVersionOrKind', data: { missing: 'kind' } },
      { rule: 'not-a-manifest', line: 11, messageId: 'noName', data: { kind: 'Service' } },
    ],
  },
  {
    name: 'a file of more documents than any manifest: reported where the document past the cap starts',
    files: {
      'docs.yaml': Array.from(
        { length: 10_001 },
        (_, i) => `kind: ConfigMap\napiVersion: v1\nmetadata: {name: c${i}}\n`,
      ).join('---\n'),
    },
    expect: [
      { rule: 'input-too-large', line: 40_000 /* the `---` before document 10,001 */, messageId: 'tooManyDocuments' },
    ],
  },
]);

describe('files that cannot be read, and a run past its budget', () => {
  test('each says why in its own message', () => {
    expect(decodeManifest('bin.yaml', Buffer.from([0x7f, 0x45, 0x00, 0x01])).readProblem).toEqual({
      messageId: 'binary',
    });
    expect(decodeManifest('latin1.yaml', Buffer.from([0x63, 0x61, 0x66, 0xe9])).readProblem).toEqual({
      messageId: 'notUtf8',
    });
    expect(decodeManifest('big.yaml', new Uint8Array(MAX_FILE_BYTES + 1)).readProblem).toEqual({
      messageId: 'tooLarge',
      data: { mebibytes: '8.0' },
    });
    const ws = buildWorkspace([
      {
        path: 'gone.yaml',
        text: null,
        readProblem: { messageId: 'cannotRead', data: { reason: 'it does not exist' } },
      },
      { path: 'bin.yaml', text: null, readProblem: { messageId: 'binary' } },
      { path: 'odd.yaml', text: null },
    ]);
    expect(ws.problems.map((p) => [p.rule, p.file, p.line, p.messageId, p.message])).toEqual([
      ['unreadable-file', 'gone.yaml', 1, 'cannotRead', 'This file cannot be read: it does not exist'],
      [
        'unreadable-file',
        'bin.yaml',
        1,
        'binary',
        'This file is binary (it contains NUL bytes), not YAML; it is skipped.',
      ],
      ['unreadable-file', 'odd.yaml', 1, 'notText', 'This file cannot be read as text; it is skipped.'],
    ]);
    const over = overBudgetFile({ path: 'late.yaml' }, { maxBytes: 2 * 1048576, maxDocuments: 12_000 }).problems;
    expect(over.map((p) => [p.rule, p.messageId, p.data])).toEqual([
      ['input-too-large', 'runTooLarge', { mebibytes: 2, documents: '12,000' }],
    ]);
    expect(over[0]!.message).toContain('more than 2 MiB of YAML or 12,000 documents together');
  });
});

const gateway = (hosts: string) => yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: public, namespace: shop}
  spec:
    selector: {istio: ingressgateway}
    servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ${hosts}}]
`;

ruleTable(rule('duplicate-resource'), [
  {
    name: 'the same object twice with the same content loses nothing',
    files: { 'a.yaml': gateway('["shop.example.com"]'), 'b.yaml': gateway('["shop.example.com"]') },
    expect: [],
  },
  {
    name: 'the same object twice, differently: the one applied first is reported, naming the one that wins',
    files: { 'a.yaml': gateway('["shop.example.com"]'), 'b.yaml': gateway('["www.example.com"]') },
    expect: [
      {
        rule: 'duplicate-resource',
        file: 'a.yaml',
        line: 1,
        messageId: 'definedAgain',
        data: { resource: 'Gateway shop/public', file: 'b.yaml', line: 1 },
      },
    ],
  },
]);
