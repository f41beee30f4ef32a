// Bundles the Action entry and the CLI into dist/ (committed: the Action runs dist/index.js).
// The output must be byte-for-byte reproducible so CI can check that dist/ is fresh.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

// `--outdir DIR` builds elsewhere (the tests build into a temp dir); the default is the committed dist/.
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';
if (!outdir) throw new Error('--outdir needs a directory');
const out = (name) => path.join(outdir, name);

// Chunk names carry a content hash: clear the bundles and maps of the previous build so none is left behind.
mkdirSync(outdir, { recursive: true });
for (const f of readdirSync(outdir)) if (/\.js(\.map)?$/.test(f)) rmSync(out(f));

await build({
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
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __istioReviewCreateRequire } from 'node:module';\nconst require = __istioReviewCreateRequire(import.meta.url);" },
});
chmodSync(out('cli.js'), 0o755);
