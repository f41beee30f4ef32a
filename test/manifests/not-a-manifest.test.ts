// YAML that is plainly not a Kubernetes object is counted, not reported; empty documents are never reported;
// a document that was meant as a manifest but lacks kind or apiVersion still is.
import { buildWorkspace } from '../../src/manifests/workspace.js';
import { notAManifest } from '../../src/manifests/not-a-manifest.js';
import { check } from '../helpers/harness.js';

const WORKFLOW = `name: ci
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
    - uses: actions/checkout@v4
`;
const CHART = 'apiVersion: v2\nname: shop\nversion: 0.1.0\nappVersion: "1.4"\n';
const VALUES = 'replicaCount: 2\nimage:\n  repository: shop\n  tag: "1.4"\nservice:\n  port: 8080\n';
const MKDOCS = 'site_name: Platform docs\nnav:\n- Home: index.md\n';
const SE = `apiVersion: networking.istio.io/v1
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
    name: tls
    protocol: TLS
`;

const rulesOf = (files: Record<string, string>) => check(files).map((f) => `${f.file}:${f.line} ${f.rule}`);

describe('files that are not manifests', () => {
  test.each([
    ['.github/workflows/ci.yml', WORKFLOW],
    ['.github/dependabot.yml', 'version: 2\nupdates: []\n'],
    ['charts/shop/Chart.yaml', CHART],
    ['charts/shop/values.yaml', VALUES],
    ['deploy/values-prod.yaml', VALUES],
    ['mkdocs.yml', MKDOCS],
    ['.istio-review.yaml', 'rules:\n  namespace-not-injected: off\n'],
    ['config/app-settings.yaml', 'logLevel: debug\nfeatures:\n  newCheckout: true\n'],
  ])('%s is counted, not reported', (file, text) => {
    expect(rulesOf({ [file]: text })).toEqual([]);
    expect(buildWorkspace([{ path: file, text }]).notManifests).toEqual([file]);
  });

  test('a kustomization is counted among them', () => {
    const ws = buildWorkspace([
      { path: 'k/kustomization.yaml', text: 'resources: [se.yaml]\nnamespace: shop\n' },
      { path: 'k/se.yaml', text: SE },
    ]);
    expect(ws.notManifests).toEqual(['k/kustomization.yaml']);
    expect(ws.resources.map((r) => `${r.kind} ${r.namespace}/${r.name}`)).toEqual(['ServiceEntry shop/stripe']);
  });

  test('a real object under a tool-config name is still checked', () => {
    const broken = SE.replace('name: tls\n    protocol: TLS', 'name: http\n    protocol: TLS');
    expect(notAManifest('values.yaml', [{ apiVersion: 'v1', kind: 'ConfigMap' }], false)).toBeNull();
    expect(rulesOf({ 'values.yaml': broken })).toEqual(['values.yaml:12 se-port-name-protocol-mismatch']);
  });

  test('broken YAML that is not under a tool-config name is reported, not counted', () => {
    expect(rulesOf({ 'mesh/se.yaml': 'metadata: [\n' }).map((r) => r.split(' ')[1])).toContain('yaml-syntax');
  });
});

describe('documents kubectl skips', () => {
  test('a trailing `---` and a document of comments are not reported', () => {
    expect(rulesOf({ 'se.yaml': `---\n${SE}---\n# retired: the old stripe entry\n---\n` })).toEqual([]);
  });
});

describe('documents meant as manifests', () => {
  test('a document with metadata and spec but no kind is reported at its line', () => {
    const text = `${SE}---\napiVersion: networking.istio.io/v1\nmetadata:\n  name: checkout\nspec:\n  hosts: [checkout]\n`;
    expect(rulesOf({ 'shop.yaml': text })).toEqual(['shop.yaml:15 not-a-manifest']);
  });

  test('a file whose only document lacks apiVersion and kind but has metadata is reported', () => {
    expect(rulesOf({ 'vs.yaml': 'metadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n' })).toEqual([
      'vs.yaml:1 not-a-manifest',
    ]);
  });

  test('a misspelt `Kind:` still counts as an attempt at a manifest', () => {
    expect(notAManifest('x.yaml', [{ ApiVersion: 'v1', Kind: 'Service' }], false)).toBeNull();
  });
});
