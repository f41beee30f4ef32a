// Fixture (a): a kustomize base with overlays/dev (namePrefix, a strategic-merge patch file, an inline JSON 6902
// patch) and overlays/prod (labels, a JSON 6902 patch file), both with one component. Rendered by the real kustomize.
import fs from 'node:fs';
import path from 'node:path';
import { checkFixture, copyFixture, FIXTURES, requireKustomize, serious } from './helpers.js';
import { buildTargetViews, discoverInTree } from '../../src/targets/views.js';
import { diskTree } from '../../src/targets/tree.js';
import { findManifestFiles } from '../../src/manifests/load.js';
import { emptyConfig } from '../../src/config/config.js';
import { applyFixes } from '../../src/fixes/apply.js';

const DIR = `${FIXTURES}/kustomize`;
const tool = requireKustomize();

function tree(dir: string) {
  return diskTree(findManifestFiles([dir]).files);
}

describe('kustomize targets', () => {
  test('every root is a target; files a root consumes are not loose files', () => {
    const targets = discoverInTree(tree(DIR), emptyConfig());
    expect(targets.map((t) => [t.name, t.kind])).toEqual([
      [`${DIR}/overlays/dev`, 'kustomize'],
      [`${DIR}/overlays/prod`, 'kustomize'],
    ]);
    const dev = targets[0]!;
    expect(dev.files).toEqual(
      expect.arrayContaining([
        `${DIR}/base/reviews.yaml`,
        `${DIR}/overlays/dev/timeout-patch.yaml`,
        `${DIR}/components/retries/kustomization.yaml`,
      ]),
    );
    expect([...dev.patchFiles]).toEqual([`${DIR}/overlays/dev/timeout-patch.yaml`]);
  });

  test('the planted problem in the base is reported once, at its source line, naming both overlays; nothing else at warning or above', async () => {
    const result = await checkFixture(DIR);
    expect(result.build.kustomize).toBe(tool.label);
    expect(serious(result.findings)).toEqual([
      `schema-invalid-enum ${DIR}/base/reviews-routing.yaml:9 [${DIR}/overlays/dev, ${DIR}/overlays/prod]`,
    ]);
  });

  test('rendered fields map to the patch, the transformer or the base line that writes them', async () => {
    const build = await buildTargetViews(tree(DIR), { config: emptyConfig(), kustomize: tool });
    const dev = build.views.find((v) => v.target.name.endsWith('overlays/dev'))!;
    const prod = build.views.find((v) => v.target.name.endsWith('overlays/prod'))!;
    const vs = dev.workspace.resources.find((r) => r.kind === 'VirtualService')!;
    expect([vs.namespace, vs.name]).toEqual(['shop-dev', 'dev-reviews']);
    const at = (r: typeof vs, p: (string | number)[]) => {
      const s = r.origin!.locate(p);
      return `${path.relative(DIR, s.file)}:${s.line}`;
    };
    expect(at(vs, ['spec', 'http', 0, 'timeout'])).toBe('overlays/dev/timeout-patch.yaml:15'); // strategic-merge patch file
    expect(at(vs, ['metadata', 'namespace'])).toBe('overlays/dev/kustomization.yaml:3'); // namespace transformer
    expect(at(vs, ['metadata', 'name'])).toBe('overlays/dev/kustomization.yaml:4'); // namePrefix
    // dev's strategic-merge patch replaces the whole http list, so the component's retries survive only in prod.
    expect(vs.obj).not.toHaveProperty(['spec', 'http', 0, 'retries']);
    const prodVs = prod.workspace.resources.find((r) => r.kind === 'VirtualService')!;
    expect(at(prodVs, ['spec', 'http', 0, 'retries', 'attempts'])).toBe('components/retries/kustomization.yaml:11'); // component, inline JSON 6902
    const dr = dev.workspace.resources.find((r) => r.kind === 'DestinationRule')!;
    expect(at(dr, ['spec', 'host'])).toBe('overlays/dev/kustomization.yaml:17'); // inline JSON 6902 in the overlay
    expect(at(dr, ['spec', 'trafficPolicy', 'loadBalancer', 'simple'])).toBe('base/reviews-routing.yaml:9'); // untouched base
    const deploy = prod.workspace.resources.find((r) => r.kind === 'Deployment')!;
    expect(at(deploy, ['spec', 'replicas'])).toBe('overlays/prod/replicas-patch.yaml:3'); // JSON 6902 patch file
    expect(at(deploy, ['metadata', 'labels', 'env'])).toBe('overlays/prod/kustomization.yaml:4'); // labels transformer
    // Fixes only where the source holds the rendered value.
    expect(vs.origin!.fixAt(['spec', 'http', 0, 'timeout'])?.resource.file.path).toBe(
      `${DIR}/overlays/dev/timeout-patch.yaml`,
    );
    expect(vs.origin!.fixAt(['metadata', 'namespace'])).toBeNull();
    expect(dr.origin!.fixAt(['spec', 'host'])).toBeNull(); // inline in the kustomization: explained, not fixed
    expect(dr.origin!.fixAt(['spec', 'trafficPolicy'])?.resource.file.path).toBe(`${DIR}/base/reviews-routing.yaml`);
    // The build metadata is kustomize's, not the user's: rules never see it.
    expect(Object.keys(vs.annotations)).toEqual([]);
  });

  test('a problem an overlay patch causes is reported at the patch line, only in that overlay, with a fix in the patch', async () => {
    const dir = copyFixture('kustomize');
    try {
      const patch = path.join(dir, 'overlays/dev/timeout-patch.yaml');
      fs.writeFileSync(patch, fs.readFileSync(patch, 'utf8').replace('number: 9080', 'number: 9081'));
      const result = await checkFixture(dir);
      const f = result.findings.find((x) => x.rule === 'vs-destination-port-not-found')!;
      expect([path.relative(dir, f.file), f.line, f.targets]).toEqual([
        'overlays/dev/timeout-patch.yaml',
        11,
        [path.join(dir, 'overlays/dev')],
      ]);
      expect(f.resource).toEqual({ kind: 'VirtualService', namespace: 'shop-dev', name: 'dev-reviews' });
      expect(f.fix?.file).toBe(patch);
      expect(applyFixes(fs.readFileSync(patch, 'utf8'), [f.fix!]).text).toContain('number: 9080');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('without kustomize: one info naming the overlays, raw files, and no false errors from patch files', async () => {
    const result = await checkFixture(DIR, { kustomize: null });
    const infos = result.findings.filter((f) => f.rule === 'kustomize-not-found');
    expect(infos).toHaveLength(1);
    expect(infos[0]!.message).toContain(
      `kustomize not found: ${DIR}/overlays/dev and ${DIR}/overlays/prod were read from raw files`,
    );
    expect(serious(result.findings)).toEqual([
      `schema-invalid-enum ${DIR}/base/reviews-routing.yaml:9 [${DIR}/overlays/dev, ${DIR}/overlays/prod]`,
    ]);
    expect(result.findings.filter((f) => f.file.includes('patch'))).toEqual([]);
  });

  test('a kustomization kustomize cannot build: a warning quoting kustomize, then the raw files', async () => {
    const dir = copyFixture('kustomize');
    try {
      fs.appendFileSync(path.join(dir, 'overlays/prod/kustomization.yaml'), '  - path: missing-patch.yaml\n');
      const result = await checkFixture(dir);
      const failed = result.findings.filter((f) => f.rule === 'target-render-failed');
      expect(failed.map((f) => [path.relative(dir, f.file), f.targets])).toEqual([
        ['overlays/prod/kustomization.yaml', [path.join(dir, 'overlays/prod')]],
      ]);
      expect(failed[0]!.message).toMatch(/missing-patch\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('without kustomize, a kustomization that is not YAML is reported at its line, not skipped', async () => {
  const dir = copyFixture('kustomize');
  try {
    fs.appendFileSync(path.join(dir, 'overlays/prod/kustomization.yaml'), 'resources: [unclosed\n');
    const result = await checkFixture(dir, { kustomize: null });
    const broken = result.findings.filter((f) => f.rule === 'yaml-syntax');
    expect(broken.map((f) => [path.relative(dir, f.file), f.targets])).toEqual([
      ['overlays/prod/kustomization.yaml', [path.join(dir, 'overlays/prod')]],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("kustomize keeps its load restrictor: a kustomization cannot read a file outside its directory (the runner's files stay out of reach)", async () => {
  const dir = copyFixture('kustomize');
  try {
    fs.writeFileSync(path.join(dir, 'outside.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outside\n');
    fs.appendFileSync(path.join(dir, 'overlays/prod/kustomization.yaml'), '  - path: ../../outside.yaml\n');
    const result = await checkFixture(dir);
    const failed = result.findings.filter((f) => f.rule === 'target-render-failed');
    expect(failed.map((f) => f.targets)).toEqual([[path.join(dir, 'overlays/prod')]]);
    expect(failed[0]!.message).toMatch(/not in or below/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
