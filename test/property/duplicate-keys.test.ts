// Duplicate keys are found in one pass (parse.ts: checkKeys) instead of by the yaml library's `uniqueKeys`
// check, which compares every key with all earlier ones (a 40,000-key mapping took 9.5 s). Property: for any
// document, the errors are exactly those the library reports with `uniqueKeys: true` — the same codes, at the
// same lines, with the same messages — so duplicate-key findings did not change (even where the library puts one a line
// above the repeated key, after an empty value). Their order is the library's where positions tell it; it
// matters only to a document with more than five errors, of which five are shown.
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { documentErrors, parseManifestFile, parseYamlDocuments } from '../../src/manifests/parse.js';
import { makeSourceFile } from '../../src/manifests/source.js';
import { MAX_KEYS_PER_MAPPING } from '../../src/manifests/limits.js';

/** The library's own check, as parse.ts used it before (same options, uniqueKeys on). */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
function libraryErrors(text: string): string[][] {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true, prettyErrors: false });
  return (Array.isArray(docs) ? docs : []).map((d) =>
    d.errors.map((e) => `${e.code}@${lineAt(text, e.pos[0])} ${e.message}`).sort(),
  );
}
function onePassErrors(text: string): string[][] {
  return parseYamlDocuments(text).map((d) =>
    documentErrors(d)
      .map((e) => `${e.code}@${lineAt(text, e.pos[0])} ${e.message}`)
      .sort(),
  );
}

// Keys that are equal as YAML 1.1 values though written differently (yes/true/on, 1/0x1/01, ~/null/empty),
// keys that only look alike ("1" vs 1, .nan), and a few plain names.
const KEYS = [
  'a',
  'b',
  'name',
  'yes',
  'true',
  'on',
  'True',
  '"true"',
  '1',
  '0x1',
  '01',
  '1.0',
  '"1"',
  '~',
  'null',
  "''",
  '.nan',
  '.NaN',
  '<<',
  '? c',
  '[x]',
  '{k: v}',
];
const key = fc.constantFrom(...KEYS);
const scalar = fc.constantFrom('1', 'x', '"q"', '', '[1, 2]', '{}', '*nowhere', '&an v', '"open');

interface Shape {
  kind: 'block' | 'flow';
  keys: string[];
  values: (string | Shape)[];
}
const shape: fc.Arbitrary<Shape> = fc.letrec<{ s: Shape }>((tie) => ({
  s: fc.record({
    kind: fc.constantFrom('block' as const, 'flow' as const),
    keys: fc.array(key, { minLength: 1, maxLength: 6 }),
    values: fc.array(fc.oneof({ depthSize: 'small' }, scalar, tie('s')), { minLength: 6, maxLength: 6 }),
  }),
})).s;

function render(s: Shape, indent: number, flow: boolean): string {
  if (flow || s.kind === 'flow') {
    const items = s.keys.map((k, i) => {
      const v = s.values[i]!;
      return `${k.replace(/^\? /, '')}: ${typeof v === 'string' ? v.replace(/^&an /, '&an ') : render(v, 0, true)}`;
    });
    return `{${items.join(', ')}}`;
  }
  const pad = ' '.repeat(indent);
  return s.keys
    .map((k, i) => {
      const v = s.values[i]!;
      if (typeof v === 'string') return `${pad}${k}: ${v}`;
      return v.kind === 'flow' ? `${pad}${k}: ${render(v, 0, true)}` : `${pad}${k}:\n${render(v, indent + 2, false)}`;
    })
    .join('\n');
}

const HAND_MADE = [
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: dup\n  name: dup2\n',
  'a: 1\na: 2\na: 3\nb: {x: 1, x: 2}\n',
  'a: {x: [1, {y: 1, y: 2}], x: 3}\n',
  'yes: 1\ntrue: 2\non: 3\n"true": 4\n',
  '1: a\n0x1: b\n"1": c\n01: d\n',
  '~: a\nnull: b\n: c\n',
  '.nan: a\n.nan: b\n',
  '<<: {a: 1}\n<<: {b: 2}\n',
  '? [a]\n: 1\n? [a]\n: 2\n',
  'a: &x 1\n*x : 2\nb: *x\n',
  'a: 1\n\tb: 2\na: 3\n',
  'a: "unterminated\na: 2\n',
  'a: 1\nb: [1, 2\na: 3\n',
  '- {a: 1, a: 2}\n- [a: 1, a: 2]\n- a: 1\n  a: 2\n',
  'a: 1\na: 2\n---\nb: 1\nb: 2\n---\n{c: 1, c: 2, d: {e: 1, e: 2, e: 3}, c: 3}\n',
  'x: {a: 1, b: {c: 1, c: [ }, a: 2}\n',
  'x: {a: [1, , 2], a: 2}\nx: 1\n',
];

test('hand-made documents: the same errors as the library check', () => {
  for (const text of HAND_MADE) expect(onePassErrors(text)).toEqual(libraryErrors(text));
});

test('generated documents: the same errors as the library check', () => {
  fc.assert(
    fc.property(shape, fc.boolean(), fc.boolean(), (s, wrapped, trailingSpaces) => {
      const body = render(s, 0, false);
      const lines = wrapped
        ? `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${body.replace(/^/gm, '  ')}\n`
        : `${body}\n`;
      const text = trailingSpaces ? lines : lines.replace(/ +$/gm, '');
      const want = libraryErrors(text);
      // Documents that are valid apart from their repeated keys (in a broken one, its syntax error is the finding
      // that matters, and the hand-made cases above cover some).
      if (want.some((errs) => errs.some((e) => !e.startsWith('DUPLICATE_KEY')))) return;
      const got = onePassErrors(text);
      if (JSON.stringify(got) !== JSON.stringify(want))
        throw new Error(`${text}\nlibrary: ${JSON.stringify(want)}\none pass: ${JSON.stringify(got)}`);
    }),
    { numRuns: 1500 },
  );
});

test('a 40,000-key mapping with a repeated key: one duplicate-key finding at the repeat', () => {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
  for (let i = 0; i < 40_000; i++) lines.push(`  key${i}: v`);
  lines.push('  key123: again');
  const { docs, problems } = parseManifestFile(makeSourceFile('big.yaml', `${lines.join('\n')}\n`));
  expect(docs).toEqual([]);
  expect(problems.map((p) => [p.rule, p.line])).toEqual([['duplicate-key', 40_006]]);
});

test(`a mapping past ${MAX_KEYS_PER_MAPPING} keys: input-too-large at the first key past the cap, the next document still read`, () => {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: huge', 'data:'];
  for (let i = 0; i <= MAX_KEYS_PER_MAPPING; i++) lines.push(`  key${i}: v`);
  lines.push('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: small}');
  const { docs, problems } = parseManifestFile(makeSourceFile('huge.yaml', `${lines.join('\n')}\n`));
  expect(problems.map((p) => [p.rule, p.line])).toEqual([['input-too-large', 6 + MAX_KEYS_PER_MAPPING]]);
  expect(problems[0]!.message).toMatch(/^Input too large: a mapping here holds more than 50,000 keys/);
  expect(docs.map((d) => (d.value as { metadata: { name: string } }).metadata.name)).toEqual(['small']);
});
