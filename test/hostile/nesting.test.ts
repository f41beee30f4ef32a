// The nesting guard rejects parser bombs before the parser recurses, and leaves real manifests alone:
// code in block scalars, JSON in annotations and brackets inside words do not count as nesting.
import { buildWorkspace } from '../../src/manifests/workspace.js';

const read = (text: string) => buildWorkspace([{ path: 'f.yaml', text }]);

describe('nesting guard', () => {
  test('a Lua filter with many braces and a JSON annotation are read as usual', () => {
    const lua = Array.from({ length: 400 }, (_, i) => `            local t${i} = { a = { b = "[" } }`).join('\n');
    const json = JSON.stringify({ spec: { a: [1, { b: [2] }] } }).repeat(200);
    const ws = read(`apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: lua
  namespace: shop
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '${json}'
spec:
  configPatches:
    - applyTo: HTTP_FILTER
      patch:
        operation: INSERT_BEFORE
        value:
          inline_code: |
${lua}
`);
    expect(ws.problems).toEqual([]);
    expect(ws.resources.map((r) => r.name)).toEqual(['lua']);
  });

  test('300 levels of flow nesting: one yaml-syntax problem at the line it starts, nothing parsed', () => {
    const ws = read(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: ${'['.repeat(300)}${']'.repeat(300)}\n`,
    );
    expect(ws.problems.map((p) => [p.rule, p.line])).toEqual([['yaml-syntax', 5]]);
    expect(ws.resources).toEqual([]);
  });

  test('300 levels of block nesting are caught the same way', () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n';
    for (let i = 0; i < 300; i++) text += `${' '.repeat(i + 2)}k:\n`;
    const ws = read(text);
    expect(ws.problems.map((p) => p.rule)).toEqual(['yaml-syntax']);
    expect(ws.problems[0]!.message).toMatch(/nests more than 256 levels/);
  });

  test('an unresolved alias is reported at the alias', () => {
    const ws = read('apiVersion: v1\nkind: Service\nmetadata:\n  name: ok\n  labels:\n    app: *missing\n');
    expect(ws.problems.map((p) => [p.rule, p.line])).toEqual([['yaml-syntax', 6]]);
    expect(ws.problems[0]!.message).toContain('*missing');
  });
});

test('aliases that stack subtrees deeper than the text nests are caught on the value', () => {
  let text =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a0: &a0 ' +
    '['.repeat(100) +
    ']'.repeat(100) +
    '\n';
  for (let i = 1; i < 4; i++) text += `  a${i}: &a${i} ${'['.repeat(90)}*a${i - 1}${']'.repeat(90)}\n`;
  const ws = buildWorkspace([{ path: 'f.yaml', text }]);
  expect(ws.problems.map((p) => p.rule)).toEqual(['yaml-syntax']);
  expect(ws.problems[0]!.message).toMatch(/nested more than 256 levels/);
});
