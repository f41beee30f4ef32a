// YAML 1.1 scalars as Kubernetes reads them (go-yaml v2): yes/on are booleans, 017 is octal, but `.` is the
// string "." (exportTo: [.] is common), `1:20` is a string (no sexagesimal) and dates stay strings.
import { buildWorkspace } from '../../src/manifests/workspace.js';

const data = (body: string) => {
  const ws = buildWorkspace([
    { path: 'cm.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: y}\ndata:\n${body}` },
  ]);
  return ws.resources[0]!.obj.data;
};

test.each([
  ['.', '.'],
  ['-.', '-.'],
  ['1:20', '1:20'],
  ['2001-12-14', '2001-12-14'],
  ['.5', 0.5],
  ['5.', 5],
  ['1e3', 1000],
  ['017', 15],
  ['0x1F', 31],
  ['1_000', 1000],
  ['yes', true],
  ['on', true],
  ['n', false],
  ['~', null],
  ['"443"', '443'],
])('%s reads as %p', (text, value) => {
  expect(data(`  v: ${text}\n`)).toEqual({ v: value });
});

test('a Sidecar/ServiceEntry exportTo of an unquoted "." stays the current namespace', () => {
  const ws = buildWorkspace([
    {
      path: 'se.yaml',
      text: 'apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: a, namespace: b}\nspec:\n  hosts: [a.example.com]\n  exportTo:\n  - .\n',
    },
  ]);
  expect(ws.resources[0]!.spec.exportTo).toEqual(['.']);
});
