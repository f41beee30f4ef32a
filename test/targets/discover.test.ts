// Target discovery and what a kustomization consumes, on in-memory trees (no kustomize needed).
import { discoverTargets, targetTouches } from '../../src/targets/discover.js';
import { parseKustomization } from '../../src/targets/kustomization.js';
import { parseReviewConfig } from '../../src/config/config.js';

function treeOf(files: Record<string, string>) {
  return {
    files: Object.keys(files).sort(),
    exists: (p: string) => p in files,
    readText: (p: string) => files[p] ?? null,
  };
}

test('a kustomization lists resources, bases, components, patches of every form, generator inputs and remote bases', () => {
  const k = parseKustomization(
    'app/kustomization.yaml',
    [
      'resources: [deploy.yaml, ../shared, "https://github.com/org/repo//base?ref=v1"]',
      'bases: [../legacy]',
      'components: [../components/tls]',
      'patchesStrategicMerge: [smp.yaml]',
      'patchesJson6902:',
      '  - target: {kind: Service, name: web}',
      '    path: ops.yaml',
      'patches:',
      '  - path: patch.yaml',
      '  - patch: |-',
      '      - op: remove',
      '        path: /spec/x',
      '    target: {kind: Deployment}',
      'configMapGenerator:',
      '  - name: cfg',
      '    files: [app.properties, key=secret.txt]',
      '    envs: [.env]',
      'namespace: shop',
    ].join('\n'),
  );
  expect(k.resources).toEqual(['app/deploy.yaml', 'shared', 'legacy']);
  expect(k.remote).toEqual(['https://github.com/org/repo//base?ref=v1']);
  expect(k.components).toEqual(['components/tls']);
  expect(k.patches.map((p) => p.file ?? `inline@${p.inline!.firstLine}`).sort()).toEqual([
    'app/ops.yaml',
    'app/patch.yaml',
    'app/smp.yaml',
    'inline@11',
  ]);
  expect(k.patches.find((p) => p.file === 'app/ops.yaml')!.target).toEqual({ kind: 'Service', name: 'web' });
  expect(k.otherFiles).toEqual(['app/app.properties', 'app/secret.txt', 'app/.env']);
  expect(k.keyLine('namespace')).toBe(18);
});

test('roots are the kustomizations nobody references; loose files and the config file are apart', () => {
  const targets = discoverTargets(
    treeOf({
      'base/kustomization.yaml': 'resources: [a.yaml]\n',
      'base/a.yaml': 'kind: Service\n',
      'overlays/x/kustomization.yaml': 'resources: [../../base]\npatches: [{path: p.yaml}]\n',
      'overlays/x/p.yaml': 'kind: Service\n',
      'overlays/y/Kustomization': 'resources: [../../base]\n',
      'loose/vs.yaml': 'kind: VirtualService\n',
      '.istio-review.yaml': 'rules: {}\n',
    }),
    null,
  );
  expect(targets.map((t) => [t.name, t.kind, t.files])).toEqual([
    [
      'overlays/x',
      'kustomize',
      ['base/a.yaml', 'base/kustomization.yaml', 'overlays/x/kustomization.yaml', 'overlays/x/p.yaml'],
    ],
    ['overlays/y', 'kustomize', ['base/a.yaml', 'base/kustomization.yaml', 'overlays/y/Kustomization']],
    ['default', 'loose', ['loose/vs.yaml']],
  ]);
  expect(targetTouches(targets[0]!, new Set(['base/a.yaml']))).toBe(true);
  expect(targetTouches(targets[1]!, new Set(['overlays/x/p.yaml']))).toBe(false);
});

test('kustomizations that reference each other in a cycle end, and a broken one is still a target', () => {
  const targets = discoverTargets(
    treeOf({
      'a/kustomization.yaml': 'resources: [../b]\n',
      'b/kustomization.yaml': 'resources: [../a]\n',
      'c/kustomization.yaml': 'resources: [x.yaml\n',
    }),
    null,
  );
  expect(targets.map((t) => t.name)).toEqual(['c']); // a and b reference each other: neither is a root
});

test('declared targets replace discovery; their paths are relative to the config file', () => {
  const { config, errors } = parseReviewConfig(
    '.istio-review.yaml',
    [
      'targets:',
      '  - name: prod',
      '    paths: [clusters/prod/**]',
      '    defaultNamespace: shop',
      '  - name: staging',
      '    kustomize: overlays/staging',
      '  - name: chart',
      '    render: helm template mesh charts/mesh',
    ].join('\n'),
  );
  expect(errors).toEqual([]);
  const targets = discoverTargets(
    treeOf({
      'repo/clusters/prod/vs.yaml': 'kind: VirtualService\n',
      'repo/overlays/staging/kustomization.yaml': 'resources: [vs.yaml]\n',
      'repo/overlays/staging/vs.yaml': 'kind: VirtualService\n',
      'repo/charts/mesh/Chart.yaml': 'name: mesh\n',
      'repo/other.yaml': 'kind: Service\n',
    }),
    config.targets,
    'repo',
  );
  expect(targets.map((t) => [t.name, t.kind, t.files])).toEqual([
    ['prod', 'paths', ['repo/clusters/prod/vs.yaml']],
    ['staging', 'kustomize', ['repo/overlays/staging/kustomization.yaml', 'repo/overlays/staging/vs.yaml']],
    ['chart', 'render', ['repo/charts/mesh/Chart.yaml']],
    ['default', 'loose', ['repo/other.yaml']],
  ]);
  expect(targets[0]!.defaultNamespace).toBe('shop');
});

test('a declared target with none or two of paths, kustomize and render is a config error at its line', () => {
  const { errors } = parseReviewConfig(
    '.istio-review.yaml',
    'targets:\n  - name: a\n  - name: b\n    kustomize: x\n    render: make render\n  - paths: [z]\n',
  );
  expect(errors.map((e) => [e.line, e.message])).toEqual([
    [2, 'target "a" needs exactly one of paths, kustomize or render'],
    [3, 'target "b" needs exactly one of paths, kustomize or render'],
    [6, 'targets[2] needs a name'],
  ]);
});

describe('generated bundles', () => {
  const obj = (kind: string, name: string) => `apiVersion: v1\nkind: ${kind}\nmetadata: {name: ${name}}\n`;
  const docs = (...o: string[]) => o.map((d) => `---\n${d}`).join('');

  test('a loose file of at least 3 objects, at least half of them from 2 or more smaller files, is its own target', () => {
    const targets = discoverTargets(
      treeOf({
        'src/a.yaml': docs(obj('Service', 'a'), obj('ConfigMap', 'a')),
        'src/b.yaml': obj('Service', 'b'),
        'release/all.yaml': docs(
          obj('Service', 'a'),
          obj('ConfigMap', 'a'),
          obj('Service', 'b'),
          obj('Service', 'new'),
          obj('Service', 'new2'),
          obj('Service', 'new3'),
        ),
      }),
      null,
    );
    expect(targets.map((t) => [t.name, t.kind, t.files])).toEqual([
      ['release/all.yaml', 'bundle', ['release/all.yaml']],
      ['default', 'loose', ['src/a.yaml', 'src/b.yaml']],
    ]);
  });

  test('not a bundle: under half shared, copies of one file only (another version), fewer than 3 objects', () => {
    const targets = discoverTargets(
      treeOf({
        'src/a.yaml': obj('Service', 'a'),
        'src/b.yaml': obj('Service', 'b'),
        // 2 of 5 from sources: a real duplicate, not a bundle.
        'big.yaml': docs(
          obj('Service', 'a'),
          obj('Service', 'b'),
          obj('Service', 'c'),
          obj('Service', 'd'),
          obj('Service', 'e'),
        ),
        // All from one smaller file: clusters/staging beside clusters/prod.
        'prod/app.yaml': docs(obj('Service', 'x'), obj('ConfigMap', 'x'), obj('Secret', 'x')),
        'staging/app.yaml': docs(obj('Service', 'x'), obj('ConfigMap', 'x')),
        'two.yaml': docs(obj('Service', 'a'), obj('Service', 'b')),
      }),
      null,
    );
    expect(targets.map((t) => t.name)).toEqual(['default']);
  });

  test('copies must be nearly the same: a pinned image tag is a copy, a route to another subset is another version', () => {
    const deploy = (name: string, image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, labels: {app: ${name}}}\n` +
      `spec:\n  replicas: 1\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n` +
      `    spec: {containers: [{name: server, image: ${image}, ports: [{containerPort: 8080}]}]}\n`;
    const route = (host: string, subset: string) =>
      `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${host}}\n` +
      `spec: {hosts: [${host}], http: [{route: [{destination: {host: ${host}, subset: ${subset}}}]}]}\n`;
    const targets = discoverTargets(
      treeOf({
        'app/cart.yaml': deploy('cart', 'cart'),
        'app/web.yaml': deploy('web', 'web'),
        'release/app.yaml': docs(deploy('cart', 'cart:v1.2.0'), deploy('web', 'web:v1.2.0'), obj('Service', 'web')),
        'routes/cart-v2.yaml': route('cart', 'v2'),
        'routes/web-v2.yaml': route('web', 'v2'),
        'routes/all-v1.yaml': docs(route('cart', 'v1'), route('web', 'v1'), route('extra', 'v1')),
      }),
      null,
    );
    expect(targets.map((t) => [t.name, t.kind])).toEqual([
      ['release/app.yaml', 'bundle'],
      ['default', 'loose'],
    ]);
  });

  test('sources a kustomization consumes count; a patch of the same object does not', () => {
    const files = {
      'app/kustomization.yaml': 'resources: [a.yaml, b.yaml]\npatches: [{path: p.yaml}]\n',
      'app/a.yaml': obj('Service', 'a'),
      'app/b.yaml': obj('Service', 'b'),
      'app/p.yaml': obj('Service', 'c'),
      'release/ab.yaml': docs(obj('Service', 'a'), obj('Service', 'b'), obj('Service', 'extra')),
      // With the patch counted as a source, this would be a bundle of a.yaml and p.yaml.
      'release/ac.yaml': docs(obj('Service', 'a'), obj('Service', 'c'), obj('Service', 'other')),
    };
    expect(discoverTargets(treeOf(files), null).map((t) => [t.name, t.kind, t.files])).toEqual([
      ['app', 'kustomize', ['app/a.yaml', 'app/b.yaml', 'app/kustomization.yaml', 'app/p.yaml']],
      ['release/ab.yaml', 'bundle', ['release/ab.yaml']],
      ['default', 'loose', ['release/ac.yaml']],
    ]);
  });
});
