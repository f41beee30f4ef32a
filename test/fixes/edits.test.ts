// Fixes are line replacements that keep everything else on the line: comments, indentation, quoting, CRLF.
import { buildWorkspace } from '../../src/manifests/workspace.js';
import { buildFix, type FixEdit } from '../../src/fixes/edits.js';
import { applyFixes } from '../../src/fixes/apply.js';
import { parseAllDocuments } from 'yaml';
import { yaml } from '../helpers/harness.js';

function fixed(text: string, edit: FixEdit): string {
  const ws = buildWorkspace([{ path: 'f.yaml', text }]);
  const r = ws.resources[0]!;
  const fix = buildFix(r, edit);
  if (!fix) throw new Error('no fix');
  const out = applyFixes(text, [fix]).text;
  for (const d of parseAllDocuments(out, { version: '1.1' })) expect(d.errors).toEqual([]);
  return out;
}

const se = yaml`
  apiVersion: networking.istio.io/v1
  kind: ServiceEntry
  metadata:
    name: api
  spec:
    hosts:
    - api.example.com   # the payments API
    exportTo: [".", payments]
    ports:
      - number: 443
        name: https
        protocol: "HTTP" # wrong
    resolution: STATIC
`;

describe('format-preserving fixes', () => {
  test("replaceValue rewrites a multi-line value in block style, at the key's indentation, keeping what follows", () => {
    const text = yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - from: [{source: {namespaces: [a]}}]
        - to:
          - operation: {paths: [/x]}
        action: ALLOW # kept
    `;
    const out = fixed(text, {
      op: 'replaceValue',
      path: ['spec', 'rules'],
      value: [{ from: [{ source: { namespaces: ['a'] } }], to: [{ operation: { paths: ['/x'] } }] }],
      description: '',
    });
    expect(out).toBe(yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec:
        rules:
        - from:
          - source:
              namespaces:
              - a
          to:
          - operation:
              paths:
              - /x
        action: ALLOW # kept
    `);
  });
  test('set keeps the comment and the quoting style', () => {
    const out = fixed(se, { op: 'set', path: ['spec', 'ports', 0, 'protocol'], value: 'HTTPS', description: '' });
    expect(out).toContain('\n      protocol: "HTTPS" # wrong\n');
  });
  test('set of a plain scalar stays plain; values that YAML 1.1 would misread are quoted', () => {
    expect(fixed(se, { op: 'set', path: ['spec', 'resolution'], value: 'DNS', description: '' })).toContain(
      '\n  resolution: DNS\n',
    );
    expect(fixed(se, { op: 'set', path: ['spec', 'resolution'], value: 'on', description: '' })).toContain(
      '\n  resolution: "on"\n',
    );
    expect(fixed(se, { op: 'set', path: ['spec', 'resolution'], value: '*.a.com', description: '' })).toContain(
      '\n  resolution: "*.a.com"\n',
    );
  });
  test('append to a flow sequence stays on its line', () => {
    const out = fixed(se, { op: 'append', path: ['spec', 'exportTo'], value: 'web', description: '' });
    expect(out).toContain('  exportTo: [".", payments, web]\n');
  });
  test('append to a block sequence matches the dash indentation', () => {
    const out = fixed(se, { op: 'append', path: ['spec', 'hosts'], value: 'api2.example.com', description: '' });
    expect(out).toContain('  - api.example.com   # the payments API\n  - api2.example.com\n');
  });
  test('insert adds a key at the mapping indentation, after its last entry', () => {
    const out = fixed(se, { op: 'insert', path: ['spec', 'ports', 0], key: 'targetPort', value: 443, description: '' });
    expect(out).toContain('\n      protocol: "HTTP" # wrong\n      targetPort: 443\n');
  });
  test('insert creates missing parents as nested block YAML', () => {
    const out = fixed(se, {
      op: 'insert',
      path: ['spec', 'trafficPolicy', 'tls'],
      key: 'mode',
      value: 'SIMPLE',
      description: '',
    });
    expect(out).toContain('  resolution: STATIC\n  trafficPolicy:\n    tls:\n      mode: SIMPLE\n');
  });
  test('renameKey keeps the value', () => {
    const out = fixed(se, { op: 'renameKey', path: ['spec', 'resolution'], newKey: 'location', description: '' });
    expect(out).toContain('\n  location: STATIC\n');
  });
  test('CRLF files stay CRLF and a BOM stays', () => {
    const crlf = '\ufeff' + se.replace(/\n/g, '\r\n');
    const out = fixed(crlf, { op: 'set', path: ['spec', 'resolution'], value: 'DNS', description: '' });
    expect(out.startsWith('\ufeff')).toBe(true);
    expect(out).toContain('\r\n  resolution: DNS\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
  test('a fix inside a kind: List item edits that item', () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: a}
        spec: {hosts: [a.com], resolution: STATIC}
    `;
    const out = fixed(list, { op: 'set', path: ['spec', 'resolution'], value: 'DNS', description: '' });
    expect(out).toContain('spec: {hosts: [a.com], resolution: DNS}');
  });
  test('overlapping fixes: the first wins, the other is reported as skipped', () => {
    const r = applyFixes('a: 1\nb: 2\n', [
      { file: 'f', startLine: 1, endLine: 2, text: 'a: 3\nb: 4', description: '' },
      { file: 'f', startLine: 2, endLine: 2, text: 'b: 5', description: '' },
    ]);
    expect(r.text).toBe('a: 3\nb: 4\n');
    expect(r.skipped).toHaveLength(1);
  });
});
