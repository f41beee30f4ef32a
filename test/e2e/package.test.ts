// The npm package works without the source checkout: `npm pack`, install the tarball into an empty directory
// with no network (offline, empty cache: the package must need no download), and run the CLI from there. The
// package is packed from the bundles built for this run (test/support/built.ts), not from the committed dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, ROOT, tmpDir } from './harness.js';
import { ensureBuilt, fx } from './common.js';
import { BUILT_DIR } from '../support/built.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());

/** npm with no network and its own empty cache; `rest` goes after `--` (the command's own arguments). */
const npm = (args: string[], cwd: string, rest: string[] = []) => {
  const offline = ['--no-audit', '--no-fund', '--offline', '--cache', path.join(cwd, '..', 'npm-cache')];
  const r = spawnSync('npm', [...args, ...offline, ...(rest.length > 0 ? ['--', ...rest] : [])], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
};

test('npm pack → npm install ./istio-review-*.tgz in an empty directory → npx istio-review check dir/', () => {
  const work = tmpDir('ir-pack-');
  const checkout = path.join(work, 'checkout');
  for (const f of ['package.json', 'README.md', 'LICENSE']) fs.cpSync(path.join(ROOT, f), path.join(checkout, f));
  fs.cpSync(BUILT_DIR, path.join(checkout, 'dist'), { recursive: true });
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], checkout).stdout) as {
    filename: string;
    files: { path: string }[];
  }[];
  const tarball = path.join(work, packed[0]!.filename);
  // The CLI's entry points and the chunks they share with the Action (dist/chunk-<hash>.js); not the Action's
  // own dist/index.js, nor the source maps.
  const files = packed[0]!.files.map((f) => f.path).sort();
  expect(files.filter((f) => !/^dist\/chunk-[A-Z0-9]+\.js$/.test(f))).toEqual([
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/licenses.txt',
    'dist/parse-worker.js',
    'package.json',
  ]);
  expect(files.filter((f) => f.startsWith('dist/chunk-'))).toEqual(
    fs
      .readdirSync(BUILT_DIR)
      .filter((f) => /^chunk-.*\.js$/.test(f))
      .map((f) => `dist/${f}`)
      .sort(),
  );

  const app = path.join(work, 'app');
  fs.mkdirSync(path.join(app, 'mesh'), { recursive: true });
  fs.writeFileSync(path.join(app, 'mesh/tls443.yaml'), fx('tls443.yaml'));
  npm(['install', tarball], app);
  const installed = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/istio-review/package.json'), 'utf8')) as {
    dependencies?: object;
  };
  expect(installed.dependencies ?? {}).toEqual({}); // everything it runs is bundled in dist/
  expect(fs.readdirSync(path.join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['istio-review']);

  const run = npm(['exec'], app, ['istio-review', 'check', '--format', 'json', '--fail-on', 'none', 'mesh/']);
  const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string; line: number }[] };
  expect(report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`)).toEqual([
    'mesh/tls443.yaml:13 se-tls-port-declared-http',
  ]);

  const help = spawnSync(path.join(app, 'node_modules/.bin/istio-review'), ['check', '--help'], { encoding: 'utf8' });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('Usage: istio-review check');
}, 180_000);
