import { buildWorkspace } from '../../src/manifests/workspace.js';
import { locate } from '../../src/manifests/locate.js';
import { yaml } from '../helpers/harness.js';

describe('resource identity', () => {
  test('namespace: metadata, else the kustomization that lists the file, else default', () => {
    const ws = buildWorkspace([
      { path: 'apps/web/kustomization.yaml', text: 'namespace: web\nresources:\n- deploy.yaml\n- ../shared\n' },
      { path: 'apps/web/deploy.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n' },
      { path: 'apps/shared/kustomization.yaml', text: 'resources: [svc.yaml]\n' },
      { path: 'apps/shared/svc.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: shared}\n' },
      {
        path: 'other/svc.yaml',
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: lone}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: placed, namespace: ops}\n',
      },
      { path: 'ns.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: web-ns}\n' },
    ]);
    const ns = Object.fromEntries(ws.resources.filter((r) => r.kind === 'Service').map((r) => [r.name, r.namespace]));
    expect(ns).toEqual({ web: 'web', shared: 'web', lone: 'default', placed: 'ops' });
    expect(ws.resources.find((r) => r.kind === 'Namespace')?.namespace).toBeNull(); // cluster-scoped
  });

  test('kind: List items become resources with their own lines', () => {
    const ws = buildWorkspace([
      {
        path: 'l.yaml',
        text: yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Service
        metadata: {name: a}
      - apiVersion: v1
        kind: Service
        metadata: {name: b}
    `,
      },
    ]);
    expect(ws.resources.map((r) => [r.name, r.startLine])).toEqual([
      ['a', 4],
      ['b', 7],
    ]);
  });

  test('JSON manifests are read, with lines', () => {
    const ws = buildWorkspace([
      {
        path: 's.json',
        text: '{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {"name": "j", "namespace": "x"}\n}\n',
      },
    ]);
    expect(ws.resources.map((r) => `${r.namespace}/${r.name}`)).toEqual(['x/j']);
    expect(locate(ws.resources[0]!.doc, ws.resources[0]!.file, ['metadata', 'name']).line).toBe(4);
  });

  test('YAML 1.1 scalars are read as kubectl reads them', () => {
    const ws = buildWorkspace([
      {
        path: 'p.yaml',
        text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: yes\n  b: on\n  c: 0777\n',
      },
    ]);
    expect(ws.resources[0]!.obj.data).toEqual({ a: true, b: true, c: 511 });
  });
});

describe('locate', () => {
  const text = yaml`
    apiVersion: networking.istio.io/v1
    kind: ServiceEntry
    metadata:
      name: api
    spec:
      hosts:
      - api.example.com
      ports:
      - number: 443
        name: https
  `;
  const r = buildWorkspace([{ path: 'f.yaml', text }]).resources[0]!;
  test.each([
    [['spec', 'hosts', 0], 7, 7],
    [['spec', 'ports', 0, 'name'], 10, 10],
    [['spec', 'ports'], 8, 10],
    [['spec', 'resolution'], 5, 5], // absent: the parent's first line
    [['spec', 'ports', 0, 'tls', 'mode'], 9, 9],
  ] as const)('%j is at lines %i-%i', (path, line, endLine) => {
    const span = locate(r.doc, r.file, path);
    expect([span.line, span.endLine]).toEqual([line, endLine]);
  });
});
