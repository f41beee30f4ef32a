// The Action end to end: dist/index.js as a child process, real git repositories, the GitHub API stand-in.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanup, commentsAt, DIST, makeRepo, prEvent, ROOT, runAction, standInFor, type Tree } from './harness.js';
import type { StandIn } from '../support/github-stand-in/index.js';

const fx = (name: string) => fs.readFileSync(path.join(ROOT, 'test/e2e/fixtures', name), 'utf8');
const BASE: Tree = { 'mesh/services.yaml': fx('services.yaml'), 'mesh/cart-vs.yaml': fx('cart-vs.yaml'), 'README.md': '# mesh\n' };
const TOKEN = 'ghs_e2eSecretToken123';

beforeAll(() => {
  const newest = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true })
    .reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
  if (!fs.existsSync(DIST) || fs.statSync(DIST).mtimeMs < newest(path.join(ROOT, 'src'))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
});
afterAll(() => cleanup());

let standIns: StandIn[] = [];
afterEach(async () => { await Promise.all(standIns.map((s) => s.close())); standIns = []; });
async function serve(...args: Parameters<typeof standInFor>): Promise<StandIn> {
  const s = await standInFor(...args);
  standIns.push(s);
  return s;
}

function expectNoSecret(r: { stdout: string; stderr: string; summary: string }, s: StandIn): void {
  for (const text of [r.stdout, r.stderr, r.summary, ...s.state.reviewComments.map((c) => c.body), ...s.state.issueComments.map((c) => c.body)]) {
    expect(text).not.toContain(TOKEN);
  }
}

describe('a pull request adding broken ServiceEntries', () => {
  it('posts one review with suggestions on the exact lines, a summary, a failing check, in at most 8 calls', async () => {
    const repo = makeRepo({
      base: { ...BASE, 'mesh/billing-se.yaml': fx('billing-se.yaml') },
      head: {
        ...BASE, 'mesh/billing-se.yaml': fx('billing-se.yaml'),
        'mesh/static.yaml': fx('static.yaml'), 'mesh/tls443.yaml': fx('tls443.yaml'), 'mesh/double.yaml': fx('double.yaml'),
        'mesh/billing-vs.yaml': fx('billing-vs.yaml'),
      },
    });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    if (process.env.E2E_DEBUG) console.log(r.stdout, r.stderr, JSON.stringify(s.calls.map((c) => [c.method, c.path, c.status, c.operationName]), null, 1));
    expect(r.code).toBe(1);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.state.reviews[0]!.commit_id).toBe(repo.headSha);
    const byRule = new Map(s.state.reviewComments.map((c) => [/`([a-z0-9-]+)`\]/.exec(c.body)?.[1], c]));
    // STATIC without endpoints: suggestion on `resolution: STATIC`.
    expect(byRule.get('se-static-without-endpoints')).toMatchObject({ path: 'mesh/static.yaml', line: 14 });
    expect(byRule.get('se-static-without-endpoints')!.body).toContain('```suggestion\n  resolution: DNS\n```');
    // 443 declared HTTP.
    expect(byRule.get('se-tls-port-declared-http')).toMatchObject({ path: 'mesh/tls443.yaml', line: 13 });
    expect(byRule.get('se-tls-port-declared-http')!.body).toContain('```suggestion\n    protocol: HTTPS\n```');
    // Double TLS: comment without a suggestion.
    expect(byRule.get('dr-double-tls')).toMatchObject({ path: 'mesh/double.yaml' });
    expect(byRule.get('dr-double-tls')!.body).not.toContain('```suggestion');
    // exportTo hides the host: the fix is in a file this PR does not touch, so no suggestion, but the fix is shown.
    const hidden = byRule.get('vs-destination-host-not-visible')!;
    expect(hidden).toMatchObject({ path: 'mesh/billing-vs.yaml' });
    expect(hidden.body).not.toContain('```suggestion');
    expect(hidden.body).toContain('mesh/billing-se.yaml#L10');

    expect(s.state.issueComments).toHaveLength(1);
    expect(s.state.issueComments[0]!.body).toContain('<!-- istio-review:summary -->');
    expect(r.summary).toContain('## istio-review');
    expect(s.state.checkRuns).toHaveLength(1);
    expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(4);
    expect(s.calls.length).toBeLessThanOrEqual(8);
    expectNoSecret(r, s);
  });
});
