// Environment folders found without a config: one folder per cluster defining the same objects is one target per
// folder; app folders that refer to each other, and a folder of alternative versions, stay one target.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { checkFixture, copyFixture, FIXTURES, serious } from './helpers.js';
import { discoverTargets } from '../../src/targets/discover.js';
import { runTargetsCommand } from '../../src/cli/targets-command.js';
import { loadSettings } from '../../src/settings-loader.js';
import { runReviewCommand } from '../../src/review/local.js';

function treeOf(files: Record<string, string>) {
  return {
    files: Object.keys(files).sort(),
    exists: (p: string) => p in files,
    readText: (p: string) => files[p] ?? null,
  };
}
const vs = (name: string, host: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  hosts: [${host}]\n`;

async function withCopy(
  name: string,
  edit: (dir: string) => void,
  body: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = copyFixture(name);
  try {
    edit(dir);
    await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('clusters/prod and clusters/staging with no config', () => {
  const DIR = `${FIXTURES}/envs`;
  const PROD = `${DIR}/clusters/prod`;
  const STAGING = `${DIR}/clusters/staging`;

  test('each folder is a target; the planted problem once, at its line, in staging; no duplicate-resource', async () => {
    const result = await checkFixture(DIR);
    expect(result.build.views.map((v) => [v.target.name, v.target.kind, v.target.files.length])).toEqual([
      [PROD, 'folder', 4],
      [STAGING, 'folder', 4],
    ]);
    expect(serious(result.findings)).toEqual([
      `vs-destination-port-not-found ${STAGING}/frontend.yaml:35 [${STAGING}]`,
    ]);
    expect(result.findings.filter((f) => f.rule === 'duplicate-resource')).toEqual([]);
  });

  test('a host only prod defines is one info naming prod, not an error in staging', async () => {
    const result = await checkFixture(DIR);
    const info = result.findings.filter((f) => f.rule === 'defined-in-other-target');
    expect(info.map((f) => [f.file, f.line, f.severity, f.targets])).toEqual([
      [`${STAGING}/frontend.yaml`, 30, 'info', [STAGING]],
    ]);
    expect(info[0]!.message).toContain(`defined only in target ${PROD} (Service shop/payments)`);
  });

  test("prod's root Sidecar does not apply to staging: two differently named root Sidecars are no conflict", async () => {
    const renameStagingSidecar = (dir: string) => {
      const f = path.join(dir, 'clusters/staging/sidecar.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('name: default', 'name: staging-default'));
    };
    await withCopy('envs', renameStagingSidecar, async (dir) => {
      const result = await checkFixture(dir);
      expect(serious(result.findings).map((s) => s.split(dir).join('.'))).toEqual([
        'vs-destination-port-not-found ./clusters/staging/frontend.yaml:35 [./clusters/staging]',
      ]);
    });
    // The same files applied together (declared as one target): both root Sidecars apply to every proxy.
    await withCopy(
      'envs',
      (dir) => {
        renameStagingSidecar(dir);
        fs.writeFileSync(path.join(dir, '.istio-review.yaml'), 'targets:\n  - name: both\n    paths: [clusters/**]\n');
      },
      async (dir) => {
        const result = await checkFixture(dir);
        expect(result.findings.filter((f) => f.rule === 'sidecar-multiple-defaults').length).toBeGreaterThan(0);
      },
    );
  });

  test('loose files beside the environment folders are shared: they join each environment', async () => {
    // Move the payments Service out of prod into clusters/shared: staging's route to it then resolves in staging.
    await withCopy(
      'envs',
      (dir) => {
        const prod = path.join(dir, 'clusters/prod/frontend.yaml');
        const [frontend, payments] = fs
          .readFileSync(prod, 'utf8')
          .split(/\n---\n(?=apiVersion: v1\nkind: Service\nmetadata:\n {2}name: payments)/);
        fs.writeFileSync(prod, `${frontend}\n`);
        fs.mkdirSync(path.join(dir, 'clusters/shared'));
        fs.writeFileSync(path.join(dir, 'clusters/shared/payments.yaml'), payments!);
      },
      async (dir) => {
        const result = await checkFixture(dir);
        const shared = `${dir}/clusters/shared/payments.yaml`;
        expect(result.build.views.map((v) => [v.target.name, v.target.files.includes(shared)])).toEqual([
          [`${dir}/clusters/prod`, true],
          [`${dir}/clusters/staging`, true],
        ]);
        expect(result.findings.filter((f) => f.rule === 'defined-in-other-target')).toEqual([]);
        expect(serious(result.findings).map((s) => s.split(dir).join('.'))).toEqual([
          'vs-destination-port-not-found ./clusters/staging/frontend.yaml:35 [./clusters/staging]',
        ]);
      },
    );
  });

  test('a pull request changing staging re-checks prod too: the host only prod defines stays an info', async () => {
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@x',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@x',
        },
      });
    await withCopy(
      'envs',
      (dir) => {
        git(dir, 'init', '-q', '-b', 'main');
        git(dir, 'add', '-A');
        git(dir, 'commit', '-q', '-m', 'base');
        git(dir, 'checkout', '-q', '-b', 'feature');
        const f = path.join(dir, 'clusters/staging/frontend.yaml');
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('prefix: /pay', 'prefix: /payments'));
        git(dir, 'commit', '-q', '-am', 'change');
      },
      async (dir) => {
        let out = '';
        await runReviewCommand({
          base: 'main',
          paths: [],
          loaded: loadSettings({ configFile: null }),
          failOn: 'none',
          commentLevel: 'info',
          format: 'json',
          cwd: dir,
          write: (s) => {
            out += s;
          },
        });
        const summary = (JSON.parse(out) as { summary: string }).summary;
        expect(summary).toContain('1 error, 0 warnings, 1 info');
        expect(summary).toContain(
          'Re-checked 2 of 2 targets (the ones holding a changed file, and the environment folders beside them): clusters/prod, clusters/staging.',
        );
      },
    );
  });

  test('`targets` lists them as folder targets and says why', async () => {
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
      `${PROD}  [folder] loose files of ${PROD} (environment folders: the same objects are defined in ${PROD} and ${STAGING})\n    ${PROD}/frontend.yaml\n`,
    );
    expect(out.trimEnd().endsWith('2 targets')).toBe(true);
  });
});

test('two app folders that refer to each other and define nothing twice stay one target: their references resolve', async () => {
  const DIR = `${FIXTURES}/linked-apps`;
  const result = await checkFixture(DIR);
  expect(result.build.views.map((v) => [v.target.name, v.target.kind])).toEqual([['default', 'loose']]);
  expect(result.findings.filter((f) => f.severity !== 'info' || f.rule === 'defined-in-other-target')).toEqual([]);
  expect(result.resourceCount).toBe(7);
});

test('a folder of alternative versions stays one target, and its versions stay duplicate-resource', async () => {
  const DIR = `${FIXTURES}/alternatives`;
  const result = await checkFixture(DIR);
  expect(result.build.views.map((v) => [v.target.name, v.target.kind])).toEqual([['default', 'loose']]);
  expect(serious(result.findings)).toEqual([`duplicate-resource ${DIR}/steps/route-v1.yaml:2 [default]`]);
});

describe('which duplicates make environment folders (discovery on in-memory trees)', () => {
  const names = (files: Record<string, string>) =>
    discoverTargets(treeOf(files), null).map((t) => [t.name, t.kind, t.files]);

  test("the folders are the children of the duplicates' common parent; files outside it stay in default", () => {
    expect(
      names({
        'deploy/eu/app/vs.yaml': vs('web', 'a'),
        'deploy/us/vs.yaml': vs('web', 'b'),
        'deploy/us/extra.yaml': vs('only-us', 'c'),
        'deploy/common/dr.yaml': vs('shared', 'd'),
        'docs/example.yaml': vs('example', 'e'),
      }),
    ).toEqual([
      ['deploy/eu', 'folder', ['deploy/common/dr.yaml', 'deploy/eu/app/vs.yaml']],
      ['deploy/us', 'folder', ['deploy/common/dr.yaml', 'deploy/us/extra.yaml', 'deploy/us/vs.yaml']],
      ['default', 'loose', ['docs/example.yaml']],
    ]);
  });

  test('duplicates that part at different directories (a samples collection) split nothing', () => {
    expect(
      names({
        'samples/a/v1/vs.yaml': vs('web', 'a'),
        'samples/a/v2/vs.yaml': vs('web', 'b'),
        'samples/b/x.yaml': vs('api', 'a'),
        'samples/c/x.yaml': vs('api', 'b'),
      }).map(([n, k]) => [n, k]),
    ).toEqual([['default', 'loose']]);
  });

  test('a copy directly in the parent (a base and its variants) splits nothing', () => {
    expect(
      names({
        'app/vs.yaml': vs('web', 'a'),
        'app/canary/vs.yaml': vs('web', 'b'),
        'app/stable/vs.yaml': vs('web', 'c'),
      }).map(([n, k]) => [n, k]),
    ).toEqual([['default', 'loose']]);
  });

  test('a duplicate inside one environment stays with it; the split still happens', () => {
    expect(
      names({
        'clusters/prod/a.yaml': vs('web', 'a'),
        'clusters/prod/b.yaml': vs('web', 'b'),
        'clusters/staging/a.yaml': vs('web', 'c'),
      }).map(([n, , f]) => [n, f]),
    ).toEqual([
      ['clusters/prod', ['clusters/prod/a.yaml', 'clusters/prod/b.yaml']],
      ['clusters/staging', ['clusters/staging/a.yaml']],
    ]);
  });

  test('declared targets override discovery', () => {
    const targets = discoverTargets(treeOf({ 'c/prod/a.yaml': vs('web', 'a'), 'c/staging/a.yaml': vs('web', 'b') }), [
      { name: 'prod', paths: ['c/prod/**'], kustomize: null, render: null, defaultNamespace: null, mesh: null },
    ]);
    expect(targets.map((t) => [t.name, t.kind, t.files])).toEqual([
      ['prod', 'paths', ['c/prod/a.yaml']],
      ['default', 'loose', ['c/staging/a.yaml']],
    ]);
  });
});
