// Bundles the Action entry and the CLI into dist/ (committed: the Action runs dist/index.js).
// The output must be byte-for-byte reproducible so CI can check that dist/ is fresh.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import path from 'node:path';

// `--outdir DIR` builds elsewhere (the tests build into a temp dir); the default is the committed dist/.
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';
if (!outdir) throw new Error('--outdir needs a directory');
const out = (name) => path.join(outdir, name);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Some bundled dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __istioReviewCreateRequire } from 'node:module';\nconst require = __istioReviewCreateRequire(import.meta.url);" },
};

await build({ ...common, entryPoints: ['src/main.ts'], outfile: out('index.js') });
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: out('cli.js'),
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
});
chmodSync(out('cli.js'), 0o755);
// The parse worker (src/manifests/parallel.ts) is loaded from beside the bundle that starts it.
await build({ ...common, entryPoints: ['src/manifests/parse-worker.ts'], outfile: out('parse-worker.js') });
