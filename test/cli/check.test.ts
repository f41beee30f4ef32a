// `istio-review check` as a user runs it (the built CLI): standard input, paths without manifests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { builtFile, ensureBuilt } from '../support/built.js';

const CLI = builtFile('cli.js');
const run = (args: string[], input?: string, cwd?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, cwd });

// An HTTPS port named `http-…`: Istio treats the traffic as plain HTTP (a finding on the `name:` line).
const HELM_OUTPUT = `---
# Source: shop/templates/namespace.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
# Source: shop/templates/egress.yaml
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: stripe
  namespace: shop
spec:
  hosts: [api.stripe.com]
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
  - number: 443
    name: http-stripe
    protocol: HTTPS
`;

beforeAll(ensureBuilt, 120_000);

describe('check - (standard input)', () => {
  test('helm template output: findings name the template from `# Source:`', () => {
    const r = run(['check', '--format', 'json', '--fail-on', 'none', '-'], HELM_OUTPUT);
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout).findings as { file: string; line: number; rule: string }[];
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
      'shop/templates/egress.yaml:13 se-port-name-protocol-mismatch',
    ]);
  });

  test('plain YAML on standard input is <stdin>, with its own line numbers', () => {
    const plain = HELM_OUTPUT.split('\n')
      .filter((l) => !l.startsWith('# Source:'))
      .join('\n');
    const r = run(['check', '--format', 'json', '--fail-on', 'none', '-'], plain);
    const findings = JSON.parse(r.stdout).findings as { file: string; line: number }[];
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['<stdin>:20']);
  });

  test('--fix with - is refused (exit 2): there is no file to write back', () => {
    const r = run(['check', '--fix', '-'], HELM_OUTPUT);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--fix cannot write back to standard input');
  });
});

describe('a path with no manifests', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-cli-'));
    fs.mkdirSync(path.join(dir, 'chart'));
    fs.writeFileSync(path.join(dir, 'chart/Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(dir, 'chart/values.yaml'), 'replicaCount: 1\n');
    fs.mkdirSync(path.join(dir, 'empty'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('says so on stderr and exits 0', () => {
    const r = run(['check', 'empty'], undefined, dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no Kubernetes manifests in empty');
  });

  test('a chart directory: counts the YAML that is not Kubernetes objects, once', () => {
    const r = run(['check', 'chart'], undefined, dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no Kubernetes manifests in chart (2 YAML files are not Kubernetes objects)');
    expect(r.stdout).toContain('2 YAML files are not Kubernetes objects');
    expect(r.stdout).not.toContain('not-a-manifest');
  });
});
