// Shared by the e2e test files: fixtures, the stand-in lifecycle, and building the bundles once per run.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, standInFor, type Tree } from './harness.js';
import type { StandIn } from '../support/github-stand-in/index.js';

/** Builds dist/ from the working tree into this run's temp dir (once per run); DIST and builtFile point there. */
export { ensureBuilt } from '../support/built.js';

export const fx = (name: string) => fs.readFileSync(path.join(ROOT, 'test/e2e/fixtures', name), 'utf8');
export const BASE: Tree = {
  'mesh/services.yaml': fx('services.yaml'),
  'mesh/cart-vs.yaml': fx('cart-vs.yaml'),
  'README.md': '# mesh\n',
};
export const TOKEN = 'ghs_e2eSecretToken123';
export const GOOD_TLS = fx('tls443.yaml').replace('name: http\n    protocol: HTTP', 'name: https\n    protocol: HTTPS');
export const rulesIn = (s: StandIn) => s.state.reviewComments.map((c) => /`([a-z0-9-]+)`\]/.exec(c.body)?.[1]);

export function expectNoSecret(r: { stdout: string; stderr: string; summary: string }, s: StandIn): void {
  for (const text of [
    r.stdout,
    r.stderr,
    r.summary,
    ...s.state.reviewComments.map((c) => c.body),
    ...s.state.issueComments.map((c) => c.body),
  ]) {
    expect(text).not.toContain(TOKEN);
  }
}

/** Registers the hook that closes every stand-in after the file's tests (they run concurrently, each with its
 *  own stand-in, repository and temp dirs); returns the function that starts one. */
export function useStandIns(): (...args: Parameters<typeof standInFor>) => Promise<StandIn> {
  let standIns: StandIn[] = [];
  afterAll(async () => {
    await Promise.all(standIns.map((s) => s.close()));
    standIns = [];
  });
  return async (...args) => {
    const s = await standInFor(...args);
    standIns.push(s);
    return s;
  };
}
