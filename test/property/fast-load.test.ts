// Differential test of the two ways a file is read (see test/helpers/differential.ts): js-yaml for values with
// lines from the yaml library on demand, against the yaml library alone. Over every YAML file in the test suite
// and the examples, the hostile inputs, a generated repository, hand-made edge cases of YAML 1.1, and generated
// documents (values written in many styles, then mutated). The rule tables add every fixture they check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { readsAlike } from '../helpers/differential.js';
import { hostileCases } from '../hostile/cases.js';
import { MAX_FILE_BYTES } from '../../src/manifests/limits.js';
// @ts-expect-error — plain JS module of the benchmark
import { generateRepository } from '../../scripts/bench/generate.mjs';

function yamlFilesUnder(dir: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') yamlFilesUnder(p, out);
    else if (e.isFile() && /\.(ya?ml|json)$/i.test(e.name)) out.push({ path: p, text: fs.readFileSync(p, 'utf8') });
  }
  return out;
}

test('every YAML file of the test suite and the examples', () => {
  const files = [...yamlFilesUnder('test'), ...yamlFilesUnder('examples')];
  expect(files.length).toBeGreaterThan(10);
  let fast = 0;
  for (const f of files) if (readsAlike(f.path, f.text.replace(/^\uFEFF/, ''))) fast++;
  expect(fast).toBeGreaterThan(files.length / 2); // the fast way is really exercised
});

// Those the tool reads: a file past MAX_FILE_BYTES (the 20 MB one) is refused before any reader sees it.
test('the hostile inputs', () => {
  for (const c of hostileCases()) {
    if (typeof c.content !== 'string' || Buffer.byteLength(c.content) > MAX_FILE_BYTES) continue;
    readsAlike(c.file, c.content.replace(/^\uFEFF/, ''), 50);
  }
});

test('a generated repository of 300 resources', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-fast-'));
  try {
    generateRepository(dir, 300);
    const files = yamlFilesUnder(dir);
    expect(files.filter((f) => readsAlike(f.path, f.text)).length).toBe(files.length);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// YAML 1.1 as Kubernetes reads it, and the places where two YAML readers could differ.
const HAND_MADE = [
  'a: yes\nb: on\nc: Off\nd: y\ne: N\nf: TRUE\ng: true\nh: ~\ni: null\nj: Null\nk:\n',
  'a: 0777\nb: 0x1F\nc: 0b101\nd: 1_000\ne: -017\nf: +12\ng: 08\nh: 0o17\ni: 1:20\nj: 190:20:30\nk: 12e3\nl: 1.5e-3\nm: 6.8523015e+5\n',
  'a: .5\nb: 5.\nc: .\nd: -.\ne: .inf\nf: -.Inf\ng: .nan\nh: 1.0\ni: -0.0\nj: -0\nk: 0.\nl: 1_0.5\n',
  'a: 2001-12-14t21:59:43.10-05:00\nb: 2002-12-14\nc: "2002-12-14"\n',
  'exportTo: [.]\nhosts: ["*"]\nx: [., "*", ~, "", \'\']\n',
  '1: a\n2.5: b\ntrue: c\n~: d\n0x10: e\n.inf: f\n-0: g\n',
  'null: x\n',
  '__proto__: {polluted: 1}\nconstructor: 2\ntoString: 3\nhasOwnProperty: 4\n',
  "a: \"esc \\\" \\\\ \\n \\t \\x41 \\u00e9 \\U0001F600 \\/ \\0 \\e \\N \\_ \\L \\P\"\nb: 'it''s'\n",
  'a: "line one\n  line two\n\n  line four"\nb: \'x\n  y\'\n',
  'a: plain\n  continued\n  on lines\nb: x # comment\nc: x#not-comment\nd: "#quoted"\n',
  'a: |\n  text\n  more\nb: |-\n  stripped\nc: |+\n  kept\n\nd: >\n  folded\n  text\n\n  para\ne: >-\n  x\n   more indented\n  y\nf: |2\n    indented two\n',
  'script: |\n  if [ -n "$x" ]; then\n    echo "a: b"\n  fi\n---\nother: 1\n',
  'a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  crlf\r\n  text\r\n',
  '---\na: 1\n---\nb: 2\n...\n---\nc: 3\n',
  '# only a comment\n---\na: 1\n',
  'a: 1\n---\n',
  '---\n---\na: 1\n',
  '- a\n- b\n',
  'just a string\n',
  '42\n',
  '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"k": "v", "n": 1, "b": true, "z": null}}\n',
  'a: {b: 1, c: [1, 2, {d: e}], f: {}}\ng: []\nh: [a: 1, b]\n',
  'a:\n- x\n- y\nb:\n  - - nested\n    - seq\n  - k: v\n    l: w\n',
  'a: b: c\n',
  'a:\tb\n',
  'a: 1\na: 2\n',
  '1: a\n"1": b\n',
  'a: [1, 2\n',
  'a: "unterminated\n',
  'key with spaces: v\n"quoted: key": v\n\'single key\': v\n',
  'a: http://example.com:8080/path?q=1#frag\nb: foo:bar\nc: -dash\nd: - not a seq\n',
  'a: [b, c]]\n',
  'a:\n  b: 1\n c: 2\n',
  'a: @reserved\n',
  'a: `reserved\n',
  'a: {b: 1,}\nc: [1,]\n',
  'a: !!str 5\n',
  'a: &x 1\nb: *x\n',
  '<<: {a: 1}\n',
  '%YAML 1.1\n---\na: 1\n',
  'a: >\n\n  leading blank\n',
  'a: |\n\n\n',
  "a: ''\nb: \"\"\nc: ' '\n",
  '? complex\n: value\n',
  'a: - b\n',
  '- - a\n  - b\n- c\n',
  'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: one}\n  - 5\n  - apiVersion: v1\n    metadata: {name: nokind}\n',
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n',
  'a: [1,\n2]\n',
  'a: [1,\n  2]\nb: {c: 1,\nd: 2}\n',
  'a:\n  - [1,\n  2]\n',
  '[a,\n b]\n',
  '# head\n "\n# tail\n',
  'a: "x\n',
  "a: 'x\n",
  'a: "x\\\n  y"\n',
  "a: 'it''s'\nb: don't\n",
  'a: "x" y\n',
  '---\n #\n---\n #\n',
  'a:\n #\nb: 1\n',
  'a:\n - #\n - x\n',
  'a: [ #\n 1]\n',
  'a: x\n #\n  y\n',
  "a: 'x' y\n",
  'a: x "y\n',
  'x'.repeat(1100) + ': 1\n',
  `a: "${'y'.repeat(1100)}"\n`,
];

test.each(HAND_MADE.map((t) => [t]))('hand-made: %j', (text) => {
  readsAlike('hand.yaml', text);
});

// Generated values, written by the yaml library in several styles, then mutated the way hand edits break YAML.
const key = fc.oneof(
  fc.constantFrom(
    'apiVersion',
    'kind',
    'metadata',
    'name',
    'spec',
    'hosts',
    'a',
    'yes',
    'on',
    '1',
    'null',
    '~',
    '',
    '__proto__',
    'a b',
    'a:b',
    '#c',
    '-x',
    '.5',
  ),
  fc.string({ maxLength: 6 }),
);
const leaf = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -0,
    1.5,
    1e21,
    -7,
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    '~',
    'null',
    '',
    ' ',
    '0777',
    '0x1F',
    '1:20',
    '.5',
    '5.',
    '.',
    '.inf',
    '.nan',
    '2001-12-14',
    '*.a.com',
    'a: b',
    '# x',
    'a #b',
    '- x',
    '"q"',
    "'s'",
    'multi\nline',
    'trailing \n',
    '\ttab',
    'é ü 😀',
    '{x}',
    '[y]',
    'a,b',
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 12 }),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('v'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('v'), { maxKeys: 5 }),
})).v;
const style = fc.record({
  collectionStyle: fc.constantFrom('block' as const, 'flow' as const, 'any' as const),
  defaultStringType: fc.constantFrom(
    'PLAIN' as const,
    'QUOTE_DOUBLE' as const,
    'QUOTE_SINGLE' as const,
    'BLOCK_LITERAL' as const,
    'BLOCK_FOLDED' as const,
  ),
  defaultKeyType: fc.constantFrom(null, 'PLAIN' as const, 'QUOTE_DOUBLE' as const),
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 80),
});
const mutation = fc.oneof(
  fc.constant((t: string) => t),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => `---\n${t}---\n${t}`),
  fc.constant((t: string) => `# head\n${t}# tail\n`),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        ' ',
        '  ',
        '- ',
        ': ',
        '#',
        '"',
        "'",
        '[',
        '{',
        ']',
        '}',
        ',',
        '\t',
        '|',
        '>',
        '---\n',
        '...\n',
        '\n',
        'x: y\n',
      ),
    )
    .map(([at, s]) => (t: string) => {
      const i = t.length === 0 ? 0 : at % t.length;
      return t.slice(0, i) + s + t.slice(i);
    }),
  fc.nat().map((at) => (t: string) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  }),
  fc.nat().map((at) => (t: string) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    lines[i] = ` ${lines[i]}`;
    return lines.join('\n');
  }),
  fc.nat().map((at) => (t: string) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    lines[i] = lines[i]!.replace(/^ /, '');
    return lines.join('\n');
  }),
  fc.nat().map((at) => (t: string) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return t.slice(0, i) + t.slice(i + 1);
  }),
);

test('generated documents in many styles, and broken by hand-like edits', () => {
  let fast = 0;
  let runs = 0;
  fc.assert(
    fc.property(value, style, mutation, (v, s, mutate) => {
      let text: string;
      try {
        text = stringify(v, s);
      } catch {
        return;
      }
      runs++;
      if (readsAlike('gen.yaml', mutate(text), 200)) fast++;
      // A fixed seed by default, so that a CI run cannot fail on a case nobody can replay; FC_SEED and FC_RUNS explore more.
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 600), seed: Number(process.env.FC_SEED ?? 20261206) },
  );
  expect(fast).toBeGreaterThan(runs / 4); // the fast way is really exercised
});
