// Fixtures (b) one folder per cluster, (c) sources beside a generated release bundle, (d) recorded helm output: in
// each, the planted problem is reported once, at its source line, with its targets; nothing else at warning or above.
import fs from 'node:fs';
import path from 'node:path';
import { checkFixture, copyFixture, FIXTURES, requireKustomize, serious } from './helpers.js';
import { checkPaths } from '../../src/check.js';
import { loadSettings } from '../../src/settings-loader.js';
import { buildTargetViews } from '../../src/targets/views.js';
import { diskTree } from '../../src/targets/tree.js';
import { findManifestFiles } from '../../src/manifests/load.js';

describe('(b) clusters/prod and clusters/staging, declared as targets', () => {
  const DIR = `${FIXTURES}/clusters`;

  test('same-named Gateways, VirtualServices and root Sidecars in two targets are never a conflict', async () => {
    const result = await checkFixture(DIR);
    expect(result.build.views.map((v) => [v.target.name, v.target.kind, v.renderedWith])).toEqual([
      ['prod', 'paths', 'raw files'],
      ['staging', 'paths', 'raw files'],
    ]);
    expect(serious(result.findings)).toEqual([
      `vs-destination-port-not-found ${DIR}/clusters/staging/frontend.yaml:35 [staging]`,
    ]);
  });

  test('a host only the other target defines is one info naming that target', async () => {
    const result = await checkFixture(DIR);
    const info = result.findings.filter((f) => f.rule === 'defined-in-other-target');
    expect(info.map((f) => [f.file, f.line, f.targets])).toEqual([
      [`${DIR}/clusters/staging/frontend.yaml`, 30, ['staging']],
    ]);
    expect(info[0]!.message).toContain('defined only in target prod (Service shop/payments)');
  });

  test('declared as one target, the same names are duplicates: the declared targets are what is applied together', async () => {
    const dir = copyFixture('clusters');
    try {
      fs.writeFileSync(path.join(dir, '.istio-review.yaml'), 'targets:\n  - name: both\n    paths: [clusters/**]\n');
      const result = await checkFixture(dir);
      expect(result.build.views.map((v) => [v.target.name, v.target.kind])).toEqual([['both', 'paths']]);
      // The Gateways and VirtualServices differ (hosts); identical Services, Deployments and Sidecars lose nothing.
      expect(
        result.findings
          .filter((f) => f.rule === 'duplicate-resource')
          .map((f) => f.resource?.kind)
          .sort(),
      ).toEqual(['Gateway', 'VirtualService']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('(c) a source folder and a generated one-file release bundle', () => {
  const DIR = `${FIXTURES}/bundle`;
  const BUNDLE = `${DIR}/release/istio-manifests.yaml`;

  test('the bundle is its own target; the problem both copies have is reported once, at the source', async () => {
    const result = await checkFixture(DIR);
    expect(result.build.views.map((v) => [v.target.name, v.target.kind])).toEqual([
      [BUNDLE, 'bundle'],
      ['default', 'loose'],
    ]);
    expect(serious(result.findings)).toEqual([
      `se-dns-wildcard-host ${DIR}/istio-manifests/allow-egress.yaml:12 [default, ${BUNDLE}]`,
    ]);
    expect(result.findings.find((f) => f.rule === 'se-dns-wildcard-host')!.fix?.file).toBe(
      `${DIR}/istio-manifests/allow-egress.yaml`,
    );
  });

  test('a bundle that differs from its source is not a duplicate of it: the two are never applied together', async () => {
    const dir = copyFixture('bundle');
    try {
      const src = path.join(dir, 'istio-manifests/frontend-service.yaml');
      fs.writeFileSync(src, fs.readFileSync(src, 'utf8').replace('targetPort: 8080', 'targetPort: 8081'));
      const result = await checkFixture(dir);
      expect(result.findings.filter((f) => f.rule === 'duplicate-resource')).toEqual([]);
      expect(serious(result.findings).map((s) => s.split(' ')[0])).toEqual(['se-dns-wildcard-host']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('(c2) a release bundle of sources a kustomization and a loose file hold, with pinned image tags', () => {
  const DIR = `${FIXTURES}/release`;

  test("no duplicate-resource between the loose source and the bundle; the source's problem once, at its line", async () => {
    requireKustomize();
    const result = await checkFixture(DIR);
    expect(result.build.views.map((v) => [v.target.name, v.target.kind, v.target.files])).toEqual([
      [
        `${DIR}/app`,
        'kustomize',
        [`${DIR}/app/cart.yaml`, `${DIR}/app/frontend.yaml`, `${DIR}/app/kustomization.yaml`],
      ],
      [`${DIR}/release/app.yaml`, 'bundle', [`${DIR}/release/app.yaml`]],
      ['default', 'loose', [`${DIR}/app/loadgen.yaml`]],
    ]);
    expect(serious(result.findings)).toEqual([
      `vs-destination-port-not-found ${DIR}/app/frontend.yaml:37 [${DIR}/app, ${DIR}/release/app.yaml]`,
    ]);
  });

  test('a problem only the bundle has is reported in the bundle', async () => {
    const dir = copyFixture('release');
    try {
      const bundle = path.join(dir, 'release/app.yaml');
      fs.writeFileSync(
        bundle,
        fs
          .readFileSync(bundle, 'utf8')
          .replace('host: cart\n            port: {number: 7071}', 'host: carts\n            port: {number: 7070}'),
      );
      const result = await checkFixture(dir);
      const rel = serious(result.findings).map((s) => s.split(dir).join('.'));
      // The source's problem is the bundle's no more: it names only the source's target.
      expect(rel).toEqual([
        `vs-destination-port-not-found ./app/frontend.yaml:37 [./app]`,
        'vs-destination-host-not-found ./release/app.yaml:66 [./release/app.yaml]',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('(d) a render target: recorded helm template output with # Source comments', () => {
  const DIR = `${FIXTURES}/helm`;

  test('objects map to their template, fields to the template line with the same text; the command really runs', async () => {
    const cwd = process.cwd();
    process.chdir(DIR); // render commands run where the check runs, as in a repository root
    try {
      const result = await checkPaths(['.'], loadSettings({ configFile: '.istio-review.yaml' }));
      expect(result.build.views.find((v) => v.target.name === 'mesh-chart-prod')?.renderedWith).toBe(
        'cat recorded/helm-template-prod.txt',
      );
      expect(serious(result.findings)).toEqual([
        'vs-subset-not-found charts/mesh/templates/routing.yaml:24 [mesh-chart-prod]',
      ]);
      const f = result.findings.find((x) => x.rule === 'vs-subset-not-found')!;
      expect(f.fix).toBeNull(); // the value may come from values files: explained, not fixed
      expect(f.resource).toEqual({ kind: 'VirtualService', namespace: 'shop', name: 'reviews' });
    } finally {
      process.chdir(cwd);
    }
  });

  test('where commands may not run, a render target is not rendered and the finding says why', async () => {
    const cwd = process.cwd();
    try {
      process.chdir(`${FIXTURES}/helm`);
      const loaded = loadSettings({ configFile: '.istio-review.yaml' });
      const { files } = findManifestFiles(['.']);
      const build = await buildTargetViews(diskTree(files), {
        config: loaded.config,
        runCommands: false,
        noCommandsReason: 'this event runs no commands from the pull request',
      });
      expect(build.notes.map((n) => [n.rule, n.file, n.targets, n.message])).toEqual([
        [
          'target-render-failed',
          '.istio-review.yaml',
          ['mesh-chart-prod'],
          'The render command of target "mesh-chart-prod" was not run: this event runs no commands from the pull request. Nothing of this target was checked.',
        ],
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a render command that fails is a warning naming the target, not a crash', async () => {
    const dir = copyFixture('helm');
    const cwd = process.cwd();
    try {
      fs.writeFileSync(
        path.join(dir, '.istio-review.yaml'),
        'targets:\n  - name: broken\n    render: cat recorded/missing.txt\n',
      );
      process.chdir(dir);
      const result = await checkPaths(['.'], loadSettings({ configFile: '.istio-review.yaml' }));
      const failed = result.findings.filter((x) => x.rule === 'target-render-failed');
      expect(failed.map((x) => [x.file, x.targets])).toEqual([['.istio-review.yaml', ['broken']]]);
      expect(failed[0]!.message).toMatch(/missing\.txt/);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
