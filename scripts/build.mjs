// Bundles the Action entry and the CLI into dist/ (committed: the Action runs dist/index.js), and writes
// dist/licenses.txt: the licence of every third-party package whose code the bundles contain.
// The output must be byte-for-byte reproducible so CI can check that dist/ is fresh.
import { build } from 'esbuild';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  // Packages' licence texts are collected in dist/licenses.txt (below); their inline comments add nothing.
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Some bundled dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __istioReviewCreateRequire } from 'node:module';\nconst require = __istioReviewCreateRequire(import.meta.url);" },
};

const results = [];
results.push(await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/index.js' }));
results.push(await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
}));
chmodSync('dist/cli.js', 0o755);
// The parse worker (src/manifests/parallel.ts) is loaded from beside the bundle that starts it.
results.push(await build({ ...common, entryPoints: ['src/manifests/parse-worker.ts'], outfile: 'dist/parse-worker.js' }));
writeFileSync('dist/licenses.txt', licenceNotices(results.flatMap((r) => Object.keys(r.metafile.inputs))));

/** The package directory (node_modules/…/name or node_modules/@scope/name) of each bundled input. */
function licenceNotices(inputs) {
  const dirs = new Set();
  for (const input of inputs) {
    const parts = input.split('/');
    const i = parts.lastIndexOf('node_modules');
    if (i === -1) continue;
    dirs.add(parts.slice(0, i + (parts[i + 1]?.startsWith('@') ? 3 : 2)).join('/'));
  }
  const packages = new Map(); // name@version → notice
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    if (packages.has(id)) continue;
    const file = existsSync(dir) ? readdirSync(dir).sort().find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f)) : undefined;
    const licence = typeof pkg.license === 'string' ? pkg.license : 'see the package';
    const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : `(${pkg.name} ships no licence file; its package.json declares ${licence}.)`;
    packages.set(id, `${id}\nLicense: ${licence}\n\n${text}\n`);
  }
  const ids = [...packages.keys()].sort();
  const header = 'istio-review bundles the following third-party packages into dist/. Their licences follow.\n';
  return [header, ...ids.map((id) => packages.get(id))].join(`\n${'-'.repeat(78)}\n\n`);
}
