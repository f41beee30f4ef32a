// The bundles some tests run as users do (dist/index.js, dist/cli.js and the parse worker beside them), built from
// the working tree once per test run into a temporary directory: never a stale bundle, and the committed dist/ is
// left alone. The directory is named by test/support/build-dir.mjs before the workers start; the first test file
// that calls ensureBuilt builds into it under a lock and the others wait for that build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Outside a jest run (no globalSetup), this process gets a directory of its own.
const BUILD = (process.env.ISTIO_REVIEW_TEST_BUILD ??= fs.mkdtempSync(
  path.join(os.tmpdir(), 'istio-review-test-build-'),
));

/** The bundle directory; it is called dist because the CLI starts parse workers only when it runs from a dist/. */
export const BUILT_DIR = path.join(BUILD, 'dist');

/** A file of the bundle built for this test run, e.g. builtFile('cli.js'). Call ensureBuilt before running it. */
export function builtFile(name: string): string {
  return path.join(BUILT_DIR, name);
}

const DONE = path.join(BUILD, 'built');
const LOCK = path.join(BUILD, 'building.lock');

/** Build the bundles into BUILT_DIR unless this run already did (a lock directory keeps test files from building at once). */
export async function ensureBuilt(): Promise<void> {
  for (let waited = 0; !fs.existsSync(DONE); waited += 100) {
    if (waited > 120_000) throw new Error(`the test build in ${BUILD} did not finish in 2 minutes`);
    try {
      fs.mkdirSync(LOCK);
    } catch {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      if (!fs.existsSync(DONE)) {
        execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', BUILT_DIR], { cwd: ROOT, stdio: 'inherit' });
        fs.writeFileSync(DONE, '');
      }
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
