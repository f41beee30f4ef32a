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

const GOOD_TLS = fx('tls443.yaml').replace('name: http\n    protocol: HTTP', 'name: https\n    protocol: HTTPS');
const rulesIn = (s: StandIn) => s.state.reviewComments.map((c) => /`([a-z0-9-]+)`\]/.exec(c.body)?.[1]);

describe('what counts as new', () => {
  it('reports a break the PR causes in a file it did not touch, in the summary and as an annotation', async () => {
    const services = fx('services.yaml');
    const withoutService = services.replace(/---\napiVersion: v1\nkind: Service\n[\s\S]*?(?=---)/, '');
    expect(withoutService).not.toContain('kind: Service\nmetadata:\n  name: cart');
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/services.yaml': withoutService } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(0);
    const summary = s.state.issueComments[0]!.body;
    expect(summary).toContain('mesh/cart-vs.yaml:13');
    expect(summary).toContain('vs-destination-host-not-found');
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toContain('mesh/cart-vs.yaml:13');
    expect(r.outputs.warnings).toBe('1');
    expect(r.code).toBe(0); // a warning does not reach fail-on: error
  });

  it('leaves a pre-existing problem alone but comments one on a line the PR edits', async () => {
    const base = { ...BASE, 'mesh/tls443.yaml': fx('tls443.yaml'), 'mesh/static.yaml': fx('static.yaml') };
    const head = {
      ...BASE,
      'mesh/tls443.yaml': fx('tls443.yaml').replace('  namespace: shop\n', '  namespace: shop\n  labels:\n    team: payments\n'),
      'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: STATIC # reviewed'),
    };
    const repo = makeRepo({ base, head });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(rulesIn(s)).toEqual(['se-static-without-endpoints']);
    expect(s.state.reviewComments[0]!.body).toContain('already on the base branch');
    expect(s.state.issueComments[0]!.body).toMatch(/Pre-existing problems left alone[^\n]*1 error/);
    expect(r.outputs.errors).toBe('0');
    expect(r.code).toBe(0);
  });
});

describe('file contents and checkouts', () => {
  it('anchors to the head lines when the workspace is the merge commit', async () => {
    const base = { ...BASE, 'mesh/tls443.yaml': GOOD_TLS };
    const repo = makeRepo({
      base,
      head: { ...BASE, 'mesh/tls443.yaml': fx('tls443.yaml') },
      baseLater: { ...base, 'mesh/tls443.yaml': '# Owned by the payments team.\n# Reviewed quarterly.\n# See runbook.\n' + GOOD_TLS },
      checkout: 'merge-shallow',
    });
    const merged = fs.readFileSync(path.join(repo.dir, 'mesh/tls443.yaml'), 'utf8');
    expect(merged.split('\n').indexOf('    protocol: HTTP') + 1).toBe(16); // the merge commit's line
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(commentsAt(s)).toEqual(['mesh/tls443.yaml:13']);
    expect(s.state.reviewComments[0]!.body).toContain('```suggestion\n    protocol: HTTPS\n```');
    expect(r.code).toBe(1);
  });

  it('reviews CRLF files with suggestions on the right lines', async () => {
    const crlf = fx('static.yaml').replace(/\n/g, '\r\n');
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': crlf }, checkout: 'head-shallow' });
    const s = await serve(repo);
    await runAction(repo, s);
    expect(commentsAt(s)).toEqual(['mesh/static.yaml:14']);
    expect(s.state.reviewComments[0]!.body).toContain('```suggestion\n  resolution: DNS\n```');
  });

  it('reports a broken YAML file and still reviews the others', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [oops\n', 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(rulesIn(s).sort()).toEqual(['se-static-without-endpoints', 'yaml-syntax']);
    expect(commentsAt(s)).toContain('mesh/static.yaml:14');
    expect(r.code).toBe(1);
  });

  it('finishes fast with success when no manifest changed', async () => {
    const repo = makeRepo({ base: { ...BASE, 'mesh/static.yaml': fx('static.yaml') }, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml'), 'README.md': '# mesh\n\nNew docs.\n' } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to review');
    expect(r.stdout).not.toContain('Reviewed');
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.issueComments).toHaveLength(0);
    expect(s.state.checkRuns[0]!.conclusion).toBe('success');
    expect(s.calls.length).toBeLessThanOrEqual(3);
  });
});

describe('across runs', () => {
  it('posts nothing new on a re-run and edits the one summary in place', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    const before = s.calls.length;
    const r2 = await runAction(repo, s, { runId: '2' });
    expect(r2.code).toBe(1);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.state.reviewComments).toHaveLength(1);
    expect(s.state.issueComments).toHaveLength(1);
    expect(s.state.issueComments[0]!.body).toContain('istio-review:run=2-1');
    expect(s.calls.slice(before).filter((c) => c.method === 'POST' && /reviews$/.test(c.path))).toEqual([]);
  });

  it('resolves the thread when a later push fixes the finding', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    expect(s.state.threads).toHaveLength(1);
    const fixed = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: DNS') } });
    s.pushCommit({ sha: fixed.headSha, files: fixed.files, contents: fixed.head });
    const r2 = await runAction(fixed, s, { runId: '2', event: prEvent(fixed) });
    expect(r2.code).toBe(0);
    expect(s.state.threads[0]!.isResolved).toBe(true);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.state.issueComments[0]!.body).toContain('All clear');
    expect(s.state.issueComments[0]!.body).toContain('1 earlier comment marked fixed');
  });

  it('keeps a thread a person resolved resolved, and does not post its finding again', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    Object.assign(s.state.threads[0]!, { isResolved: true, resolvedBy: 'alice' });
    await runAction(repo, s, { runId: '2' });
    expect(s.state.threads).toHaveLength(1);
    expect(s.state.threads[0]).toMatchObject({ isResolved: true, resolvedBy: 'alice' });
    expect(s.state.reviews).toHaveLength(1);
  });
});

describe('permissions and faults', () => {
  it('falls back to annotations and the job summary with a read-only token, keeping the exit status', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const { PERMISSIONS } = await import('../support/github-stand-in/index.js');
    const s = await serve(repo, { tokens: { [TOKEN]: PERMISSIONS.readOnly } });
    const r = await runAction(repo, s, { event: prEvent(repo, 7, true) });
    expect(r.code).toBe(1);
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.issueComments).toHaveLength(0);
    expect(r.stdout).toMatch(/::error [^\n]*file=mesh\/static\.yaml,line=14/);
    expect(r.stdout).toContain('pull_request_target');
    expect(r.summary).toContain('pull_request_target');
    expect(r.summary).toContain('se-static-without-endpoints');
    expectNoSecret(r, s);
  });

  it('does not post the review twice when a 502 answered the POST that created it', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    s.addFault({ kind: 'bad-gateway-after-write', route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews' });
    const r = await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.state.reviewComments).toHaveLength(1);
    expect(r.code).toBe(1);
  });

  it('waits out a secondary rate limit (retry-after) and posts once', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    s.addFault({ kind: 'secondary-rate-limit', route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', retryAfter: 1 });
    const r = await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.calls.filter((c) => c.method === 'POST' && /reviews$/.test(c.path)).length).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/secondary rate limit/i);
  });
});

describe('size', () => {
  it('reads every page of a pull request with more than 100 files', async () => {
    const many: Tree = {};
    for (let i = 0; i < 130; i++) many[`mesh/config/cm-${String(i).padStart(3, '0')}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\ndata:\n  k: "v"\n`;
    const repo = makeRepo({ base: BASE, head: { ...BASE, ...many, 'mesh/zz-static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(s.calls.filter((c) => /\/pulls\/7\/files$/.test(c.path)).length).toBe(2);
    expect(commentsAt(s)).toEqual(['mesh/zz-static.yaml:14']);
    expect(r.code).toBe(1);
  });
});

describe('push', () => {
  it('checks the pushed change against the whole tree with annotations only', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s, { eventName: 'push', event: { before: repo.baseSha, after: repo.headSha, ref: 'refs/heads/feature' } });
    expect(r.code).toBe(1);
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.issueComments).toHaveLength(0);
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(['mesh/static.yaml:14']);
    expect(r.summary).toContain('se-static-without-endpoints');
  });
});

describe('pull_request_target', () => {
  it('reads the config from the base checkout, never from the PR, and the PR files through the API', async () => {
    const cfgBase = 'rules:\n  dr-ca-certificates-missing: "off"\n';
    const cfgPr = 'rules:\n  se-static-without-endpoints: "off"\n';
    const base = { ...BASE, '.istio-review.yaml': cfgBase };
    const repo = makeRepo({ base, head: { ...base, '.istio-review.yaml': cfgPr, 'mesh/static.yaml': fx('static.yaml') }, checkout: 'base-shallow' });
    expect(fs.existsSync(path.join(repo.dir, 'mesh/static.yaml'))).toBe(false);
    const s = await serve(repo);
    const r = await runAction(repo, s, { eventName: 'pull_request_target' });
    expect(commentsAt(s)).toEqual(['mesh/static.yaml:14']);
    expect(s.calls.some((c) => c.operationName === 'IstioReviewBlobs')).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('refused comments and GHES', () => {
  it('moves the comments to the summary when GitHub still answers 422, and posts no review', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    s.addFault({ kind: 'status', route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', status: 422, message: 'Unprocessable Entity' });
    const r = await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(0);
    const summary = s.state.issueComments[0]!.body;
    expect(summary).toContain('mesh/static.yaml:14');
    expect(summary).toContain('rejected by GitHub');
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(['mesh/static.yaml:14']);
    expect(r.code).toBe(1);
  });

  it('works against a GitHub Enterprise Server URL layout, and its suggestions apply cleanly', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml'), 'mesh/tls443.yaml': fx('tls443.yaml') } });
    const s = await serve(repo, { prefix: '/api/v3' });
    expect(s.apiUrl).toMatch(/\/api\/v3$/);
    await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(1);
    const { applySuggestions } = await import('../support/github-stand-in/index.js') as unknown as { applySuggestions: (st: unknown) => Record<string, string> };
    const applied = applySuggestions(s.state);
    expect(applied['mesh/static.yaml']).toContain('  resolution: DNS\n');
    expect(applied['mesh/tls443.yaml']).toContain('    protocol: HTTPS\n');
  });
});
