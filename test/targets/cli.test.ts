// The CLI's view of targets: `istio-review targets` lists them without rendering; `check --target` checks one.
import { runTargetsCommand } from '../../src/cli/targets-command.js';
import { loadSettings } from '../../src/settings-loader.js';
import { checkPaths } from '../../src/check.js';
import { spawnSync } from 'node:child_process';
import { FIXTURES, requireKustomize } from './helpers.js';
import { builtFile, ensureBuilt } from '../support/built.js';

const DIR = `${FIXTURES}/kustomize`;

test('targets lists each target, how it is rendered (kustomize and its version) and its files, patches marked', async () => {
  const tool = requireKustomize();
  let out = '';
  const code = await runTargetsCommand({
    paths: [DIR],
    loaded: loadSettings({ configFile: null }),
    format: 'text',
    write: (s) => {
      out += s;
    },
  });
  expect(code).toBe(0);
  expect(out).toContain(`${DIR}/overlays/dev  [kustomize] ${tool.argv.join(' ')} ${DIR}/overlays/dev — ${tool.label}`);
  expect(out).toContain(`    ${DIR}/overlays/prod/replicas-patch.yaml  (patch)`);
  expect(out.trimEnd().endsWith('2 targets')).toBe(true);
});

test('targets --format json names the patch files apart', async () => {
  let out = '';
  await runTargetsCommand({
    paths: [DIR],
    loaded: loadSettings({ configFile: null }),
    format: 'json',
    write: (s) => {
      out += s;
    },
  });
  const prod = (JSON.parse(out) as { targets: { name: string; patches: string[] }[] }).targets.find((t) =>
    t.name.endsWith('prod'),
  )!;
  expect(prod.patches).toEqual([`${DIR}/overlays/prod/replicas-patch.yaml`]);
});

test('check --target renders only that target; an unknown name is a usage error listing the targets', async () => {
  requireKustomize();
  const loaded = loadSettings({ configFile: null });
  const result = await checkPaths([DIR], loaded, { target: `${DIR}/overlays/prod` });
  expect(result.build.views.map((v) => v.target.name)).toEqual([`${DIR}/overlays/prod`]);
  expect(result.findings.every((f) => f.targets?.join() === `${DIR}/overlays/prod`)).toBe(true);
  await expect(checkPaths([DIR], loaded, { target: 'staging' })).rejects.toThrow(
    `no target "staging" here; targets: ${DIR}/overlays/dev, ${DIR}/overlays/prod`,
  );
});

describe('the built CLI', () => {
  beforeAll(ensureBuilt, 120_000);
  const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    spawnSync(process.execPath, [builtFile('cli.js'), ...args], { encoding: 'utf8', env });

  test("names the kustomize it rendered with on standard error, and each finding's targets in JSON", () => {
    const tool = requireKustomize();
    const r = run(process.env, 'check', '--format', 'json', '--fail-on', 'none', DIR);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      `istio-review: checked 2 targets: ${DIR}/overlays/dev, ${DIR}/overlays/prod (${tool.label})`,
    );
    const report = JSON.parse(r.stdout) as { findings: { rule: string; targets: string[] }[]; kustomize: string };
    expect(report.kustomize).toBe(tool.label);
    expect(report.findings.find((f) => f.rule === 'schema-invalid-enum')?.targets).toEqual([
      `${DIR}/overlays/dev`,
      `${DIR}/overlays/prod`,
    ]);
  });

  test('with neither kustomize nor kubectl on PATH: one info, raw files, the same planted problem, exit by --fail-on', () => {
    const r = run({ ...process.env, PATH: '/nonexistent' }, 'check', '--format', 'json', DIR);
    expect(r.status).toBe(1); // the planted error
    const report = JSON.parse(r.stdout) as {
      findings: { rule: string; severity: string; file: string }[];
      kustomize: string | null;
    };
    expect(report.kustomize).toBeNull();
    expect(report.findings.filter((f) => f.rule === 'kustomize-not-found')).toHaveLength(1);
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['schema-invalid-enum']);
  });
});
