// Property: for a document parsed on a worker thread, lines come from a compact offsets tree instead of YAML
// nodes. For any document and any path — present, absent, through aliases, keys without values — the tree
// (after the structured clone that carries it between threads) answers exactly what locate() answers.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { decodePositions, encodePositions, locate, locatePositions, positionsOf } from '../../src/manifests/locate.js';
import { parseYamlDocuments } from '../../src/manifests/parse.js';
import { makeSourceFile } from '../../src/manifests/source.js';

const key = fc.constantFrom('spec', 'hosts', 'ports', 'number', 'name', 'a', 'b', '1', 'true', 'null');
const leaf = fc.oneof(
  fc.constantFrom(null, true, 5, 0, 'x', 'two words', '', '*.a.com', 'a: b', '# not a comment', 'multi\nline'),
  fc.integer(),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('v'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('v'), { maxKeys: 4 }),
})).v;

type Seg = string | number;
function pathsOf(v: unknown, prefix: Seg[] = [], out: Seg[][] = [[]]): Seg[][] {
  if (Array.isArray(v))
    v.forEach((c, i) => {
      out.push([...prefix, i]);
      pathsOf(c, [...prefix, i], out);
    });
  else if (v !== null && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) {
      out.push([...prefix, k]);
      pathsOf(c, [...prefix, k], out);
    }
  return out;
}

/** Texts of the same value in several styles, plus hand-made shapes the stringifier never writes. */
function texts(v: unknown, flow: boolean): string[] {
  const out = [stringify(v, { collectionStyle: flow ? 'flow' : 'block' })];
  out.push(`# leading comment\n---\n${out[0]}`);
  return out;
}

const HAND_MADE = [
  'a: &x {b: 1, c: [1, 2]}\nd: *x\ne:\nf: *x\n',
  'a: &self [1, *self]\n',
  'a:\n  - b: 1\n    c:\n  - [x: 1, y]\n  -\n',
  'a: 1\na: 2\n', // duplicate key: the first wins
  '? [complex]\n: 1\nplain: 2\n',
  '"quoted key": 1\n\'single\': [a, b]\n',
  'list:\n- a\n- b: &anchor\n    deep: 1\n- *anchor\n',
  'a: |\n  block\n  text\nb: >-\n  folded\n',
  '',
  '# only a comment\n',
  '- 1\n- [2, [3, {x: 4}]]\n',
];

function compare(text: string, paths: Seg[][]): void {
  const src = makeSourceFile('f.yaml', text);
  for (const doc of parseYamlDocuments(text)) {
    if (doc.errors.length > 0) continue;
    // Both ways a tree crosses threads: structured clone, and the JSON encoding.
    for (const pos of [structuredClone(positionsOf(doc)), decodePositions(encodePositions(positionsOf(doc)))]) {
      for (const p of paths) {
        for (const path of [p, [...p, 'absent'], [...p, 0], [...p, 7]]) {
          const want = locate(doc, src, path);
          const got = locatePositions(pos, src, path);
          if (JSON.stringify(got) !== JSON.stringify(want))
            throw new Error(
              `${JSON.stringify(path)} in\n${text}\nlocate: ${JSON.stringify(want)}\npositions: ${JSON.stringify(got)}`,
            );
        }
      }
    }
  }
}

test('positions tree answers like locate() on generated documents', () => {
  fc.assert(
    fc.property(value, fc.boolean(), (v, flow) => {
      const paths = pathsOf(v);
      for (const t of texts(v, flow)) compare(t, paths);
    }),
    { numRuns: 300, seed: 11 },
  );
});

test.each(HAND_MADE.map((t) => [t]))('positions tree answers like locate() on %j', (text) => {
  const paths: Seg[][] = [
    [],
    ['a'],
    ['a', 'b'],
    ['a', 'c', 1],
    ['d'],
    ['d', 'b'],
    ['d', 'c', 0],
    ['e'],
    ['f', 'c'],
    ['a', 0],
    ['a', 0, 'c'],
    ['a', 1, 0],
    ['a', 1, 'x'],
    ['a', 2],
    ['plain'],
    ['quoted key'],
    ['single', 1],
    ['list', 1, 'b', 'deep'],
    ['list', 2, 'deep'],
    ['b'],
    [1, 1, 1, 'x'],
    [0],
  ];
  compare(text, paths);
});
