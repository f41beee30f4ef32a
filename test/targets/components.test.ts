// kustomize Components (kind: Component) are never targets of their own: kustomize cannot build one alone, and a
// component is applied only through a kustomization's `components:`. An unused one is listed, not checked.
import { discoverTargets } from '../../src/targets/discover.js';
import { runTargetsCommand } from '../../src/cli/targets-command.js';
import { loadSettings } from '../../src/settings-loader.js';
import { checkFixture, FIXTURES, requireKustomize, serious } from './helpers.js';

const DIR = `${FIXTURES}/components`;
const K = `${DIR}/kustomize`;

test('an unused component is one info at its kind line, not a render failure; a used one is applied by its root', async () => {
  requireKustomize();
  const result = await checkFixture(DIR);
  expect(result.build.views.map((v) => [v.target.name, v.target.kind])).toEqual([[K, 'kustomize']]);
  // The planted problem in the base, once, in the root that applies it; nothing from the unused components' files
  // (the assistant's route to an undefined host, its partial Deployment patch, the delete patch).
  expect(serious(result.findings)).toEqual([`vs-destination-port-not-found ${K}/base/frontend.yaml:37 [${K}]`]);
  const unused = result.findings.filter((f) => f.rule === 'kustomize-component-unused');
  expect(unused.map((f) => [f.file, f.line, f.severity, f.targets])).toEqual([
    [`${K}/components/assistant/kustomization.yaml`, 2, 'info', [`${K}/components/assistant`]],
    [`${K}/components/without-frontend/kustomization.yaml`, 3, 'info', [`${K}/components/without-frontend`]],
  ]);
  expect(unused[0]!.message).toContain(
    `Component ${K}/components/assistant is used by no kustomization under the checked paths; not checked`,
  );
  // The used component's patch was applied: the rendered route has its retries.
  const vs = result.build.views[0]!.workspace.resources.find((r) => r.kind === 'VirtualService')!;
  expect((vs.spec.http as { retries?: unknown }[])[0]!.retries).toEqual({ attempts: 3, perTryTimeout: '2s' });
});

test('istio-review targets lists an unused component as not checked, with its files', async () => {
  let out = '';
  await runTargetsCommand({
    paths: [DIR],
    loaded: loadSettings({ configFile: null }),
    format: 'text',
    write: (s) => {
      out += s;
    },
  });
  expect(out).toContain(
    `${K}/components/assistant  [component] not checked: a kustomize Component that no kustomization here uses\n` +
      `    ${K}/components/assistant/assistant.yaml\n    ${K}/components/assistant/frontend-env.yaml  (patch)\n`,
  );
  expect(out).not.toContain('\ndefault  [loose]');
  expect(out.trimEnd().endsWith('3 targets')).toBe(true);
});

test('files an unused component lists are not loose; one a root also consumes is checked in that root', () => {
  const files: Record<string, string> = {
    'app/kustomization.yaml': 'resources: [shared.yaml]\n',
    'app/shared.yaml': 'kind: Service\n',
    'components/extra/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [extra.yaml, ../../app/shared.yaml]\n',
    'components/extra/extra.yaml': 'kind: Service\n',
    'components/used/kustomization.yaml': 'kind: Component\n',
    'overlay/kustomization.yaml': 'resources: [../app]\ncomponents: [../components/used]\n',
  };
  const targets = discoverTargets(
    { files: Object.keys(files).sort(), exists: (p) => p in files, readText: (p) => files[p] ?? null },
    null,
  );
  expect(targets.map((t) => [t.name, t.kind])).toEqual([
    ['components/extra', 'component'],
    ['overlay', 'kustomize'],
  ]);
  expect(targets[1]!.files).toContain('app/shared.yaml');
  expect(targets[1]!.files).toContain('components/used/kustomization.yaml');
});
