// Shared by the e2e test files: fixtures, the stand-in lifecycle, and building dist/ once.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, ROOT, standInFor, type Tree } from './harness.js';
import type { StandIn } from '../support/github-stand-in/index.js';

export const fx = (name: string) => fs.readFileSync(path.join(ROOT, 'test/e2e/fixtures', name), 'utf8');
export const BASE: Tree = { 'mesh/services.yaml': fx('services.yaml'), 'mesh/cart-vs.yaml': fx('cart-vs.yaml'), 'README.md': '# mesh\n' };
export const TOKEN = 'ghs_e2eSecretToken123';
export const GOOD_TLS = fx('tls443.yaml').replace('name: http\n    protocol: HTTP', 'name: https\n    protocol: HTTPS');
export const rulesIn = (s: StandIn) => s.state.reviewComments.map((c) => /`([a-z0-9-]+)`\]/.exec(c.body)?.[1]);

export function expectNoSecret(r: { stdout: string; stderr: string; summary: string }, s: StandIn): void {
  for (const text of [r.stdout, r.stderr, r.summary, ...s.state.reviewComments.map((c) => c.body), ...s.state.issueComments.map((c) => c.body)]) {
    expect(text).not.toContain(TOKEN);
  }
}

/** Rebuild dist/ when a source file is newer; a lock directory keeps parallel test files from building at once. */
export async function ensureBuilt(): Promise<void> {
  const newest = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true })
    .reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  const stale = () => !fs.existsSync(DIST) || !fs.existsSync(path.join(ROOT, 'dist/licenses.txt')) || fs.statSync(DIST).mtimeMs < newest(path.join(ROOT, 'src'));
  const lock = path.join(ROOT, 'node_modules/.cache/istio-review-e2e-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let i = 0; i < 600 && stale(); i++) {
    try { fs.mkdirSync(lock); } catch { await new Promise((r) => setTimeout(r, 100)); continue; }
    try { if (stale()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
  }
}

/** Registers the hook that closes every stand-in after the file's tests (they run concurrently, each with its
 *  own stand-in, repository and temp dirs); returns the function that starts one. */
export function useStandIns(): (...args: Parameters<typeof standInFor>) => Promise<StandIn> {
  let standIns: StandIn[] = [];
  afterAll(async () => { await Promise.all(standIns.map((s) => s.close())); standIns = []; });
  return async (...args) => {
    const s = await standInFor(...args);
    standIns.push(s);
    return s;
  };
}
