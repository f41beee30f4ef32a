// The cap on text parsed in one run: files past it are not parsed, and each one gets an input-too-large error
// naming it (line 1), so the run fails closed instead of passing with part of the tree unchecked.
import { parseInputs } from '../../src/manifests/load.js';
import { buildWorkspace, type InputFile } from '../../src/manifests/workspace.js';
import { analyze } from '../../src/engine.js';
import { MAX_TOTAL_BYTES, MAX_TOTAL_DOCUMENTS } from '../../src/manifests/limits.js';
import { filesWithinBudget } from '../../src/manifests/budget.js';

const manifest = (name: string) =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEnrty\nmetadata: {name: ${name}, namespace: shop}\nspec: {hosts: [${name}.example.com]}\n`;

test('files past the byte budget get input-too-large; the ones within it are checked as usual', () => {
  const inputs: InputFile[] = ['a', 'b', 'c', 'd'].map((n) => ({ path: `${n}.yaml`, text: manifest(n) }));
  const size = inputs[0]!.text!.length;
  parseInputs(inputs, { maxBytes: 2 * size + 10 });
  const findings = analyze(buildWorkspace(inputs)).findings;
  const byFile = (file: string) => findings.filter((f) => f.file === file).map((f) => [f.rule, f.severity, f.line]);
  expect(byFile('a.yaml')).toEqual([['unknown-istio-kind', 'error', 2]]);
  expect(byFile('b.yaml')).toEqual([['unknown-istio-kind', 'error', 2]]);
  expect(byFile('c.yaml')).toEqual([['input-too-large', 'error', 1]]);
  expect(byFile('d.yaml')).toEqual([['input-too-large', 'error', 1]]);
  expect(findings.find((f) => f.file === 'c.yaml')!.message).toMatch(
    /^Input too large: the manifest files of this run hold more than 0 MiB of YAML or 60,000 documents/,
  );
});

test('so do files past the document budget', () => {
  const inputs: InputFile[] = [
    { path: 'a.yaml', text: `${manifest('a')}---\n${manifest('a2')}` },
    { path: 'b.yaml', text: manifest('b') },
  ];
  parseInputs(inputs, { maxDocuments: 2 });
  const findings = analyze(buildWorkspace(inputs)).findings;
  expect(findings.filter((f) => f.file === 'a.yaml').map((f) => f.rule)).toEqual([
    'unknown-istio-kind',
    'unknown-istio-kind',
  ]);
  expect(findings.filter((f) => f.file === 'b.yaml').map((f) => [f.rule, f.line])).toEqual([['input-too-large', 1]]);
});

test('the default budget holds far more than a 50,000-resource repository (34 MB)', () => {
  expect(MAX_TOTAL_BYTES).toBeGreaterThan(34_000_000);
  expect(MAX_TOTAL_DOCUMENTS).toBeGreaterThan(50_000);
  expect(filesWithinBudget([{ text: 'x'.repeat(10) }, { text: 'y'.repeat(10) }], { maxBytes: 15 })).toBe(1);
  expect(filesWithinBudget([{ text: 'x'.repeat(10) }, { text: 'y'.repeat(10) }], { maxBytes: 20 })).toBe(2);
  expect(filesWithinBudget([{ text: 'a: 1\n---\nb: 1\n' }, { text: 'c: 1\n' }], { maxDocuments: 2 })).toBe(1);
});
