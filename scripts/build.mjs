// Bundles the Action entry and the CLI into dist/ (committed: the Action runs dist/index.js), and writes
// dist/licenses.txt: the licence of every third-party package whose code the bundles contain.
// The output must be byte-for-byte reproducible so CI can check that dist/ is fresh.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// `--outdir DIR` builds elsewhere (the tests build into a temp dir); the default is the committed dist/.
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';
if (!outdir) throw new Error('--outdir needs a directory');
const out = (name) => path.join(outdir, name);

// Chunk names carry a content hash: clear the bundles and maps of the previous build so none is left behind.
mkdirSync(outdir, { recursive: true });
for (const f of readdirSync(outdir)) if (/\.js(\.map)?$/.test(f)) rmSync(out(f));

const result = await build({
  // One build, so the entry points share chunks (the yaml parser, the engine) instead of each bundling its own.
  // The parse worker (src/manifests/parallel.ts) is loaded from beside the module that starts it, so the chunks
  // sit in dist/ itself, not in a subfolder. cli.ts's #! line stays first in dist/cli.js.
  entryPoints: { index: 'src/main.ts', cli: 'src/cli.ts', 'parse-worker': 'src/manifests/parse-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Smaller and faster to load, yet a stack trace still names the functions (keepNames, identifiers kept), and
  // dist/*.js.map maps every position back to src/ and node_modules/.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  // Packages' licence texts are collected in dist/licenses.txt (below); their inline comments add nothing.
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Some bundled dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __istioReviewCreateRequire } from 'node:module';\nconst require = __istioReviewCreateRequire(import.meta.url);",
  },
});
chmodSync(out('cli.js'), 0o755);
writeFileSync(out('licenses.txt'), licenceNotices(Object.keys(result.metafile.inputs)));

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
    const file = existsSync(dir)
      ? readdirSync(dir)
          .sort()
          .find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f))
      : undefined;
    const licence = typeof pkg.license === 'string' ? pkg.license : 'see the package';
    const text = file
      ? readFileSync(path.join(dir, file), 'utf8').trim()
      : `(${pkg.name} ships no licence file; its package.json declares ${licence}.)`;
    packages.set(id, `${id}\nLicense: ${licence}\n\n${text}\n`);
  }
  const ids = [...packages.keys()].sort();
  const header = 'istio-review bundles the following third-party packages into dist/. Their licences follow.\n';
  return [header, ...ids.map((id) => packages.get(id))].join(`\n${'-'.repeat(78)}\n\n`);
}
