// The Action end to end over time and under adverse conditions: re-runs, fixing pushes, resolved threads,
// read-only tokens, API faults, large pull requests, pull_request_target.
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, commentsAt, makeRepo, prEvent, runAction, type Tree } from './harness.js';
import { BASE, ensureBuilt, expectNoSecret, fx, TOKEN, useStandIns } from './common.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

describe('across runs', () => {
  it.concurrent('posts nothing new on a re-run and edits the one summary in place', async () => {
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

  it.concurrent('resolves the thread when a later push fixes the finding', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    expect(s.state.threads).toHaveLength(1);
    const fixed = makeRepo({
      base: BASE,
      head: { ...BASE, 'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: DNS') },
    });
    s.pushCommit({ sha: fixed.headSha, files: fixed.files, contents: fixed.head });
    const r2 = await runAction(fixed, s, { runId: '2', event: prEvent(fixed) });
    expect(r2.code).toBe(0);
    expect(s.state.threads[0]!.isResolved).toBe(true);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.state.issueComments[0]!.body).toContain('All clear');
    expect(s.state.issueComments[0]!.body).toContain('1 earlier comment marked fixed');
  });

  it.concurrent('says which commit fixed it when the token may not resolve threads', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    const fixed = makeRepo({
      base: BASE,
      head: { ...BASE, 'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: DNS') },
    });
    s.pushCommit({ sha: fixed.headSha, files: fixed.files, contents: fixed.head });
    // The thread query passes; the resolve mutation is refused.
    s.addFault({
      kind: 'status',
      route: 'POST /graphql',
      status: 403,
      message: 'Resource not accessible by integration',
      after: 1,
    });
    const r2 = await runAction(fixed, s, { runId: '2', event: prEvent(fixed) });
    expect(r2.code).toBe(0);
    expect(s.state.threads[0]!.isResolved).toBe(false);
    expect(s.state.reviewComments[0]!.body).toContain(`Fixed in ${fixed.headSha}`);
    expect(s.state.reviewComments).toHaveLength(1);
  });

  it.concurrent('re-anchors an outdated thread only when its finding moved', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    // The commented line changes but the problem stays on it: the outdated thread still stands for it.
    const edited = makeRepo({
      base: BASE,
      head: {
        ...BASE,
        'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: STATIC # todo'),
      },
    });
    s.pushCommit({ sha: edited.headSha, files: edited.files, contents: edited.head });
    await runAction(edited, s, { runId: '2', event: prEvent(edited) });
    expect(s.state.threads[0]!.isOutdated).toBe(true);
    expect(s.state.reviews).toHaveLength(1);
    // Now the problem moves three lines down: it gets a new comment where it is.
    const moved = makeRepo({
      base: BASE,
      head: { ...BASE, 'mesh/static.yaml': '# legacy\n# database\n# entry\n' + fx('static.yaml') },
    });
    s.pushCommit({ sha: moved.headSha, files: moved.files, contents: moved.head });
    await runAction(moved, s, { runId: '3', event: prEvent(moved) });
    expect(s.state.reviews).toHaveLength(2);
    expect(commentsAt(s)).toContain('mesh/static.yaml:17');
  });

  it.concurrent('keeps a thread a person resolved resolved, and does not post its finding again', async () => {
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
  it.concurrent(
    'falls back to annotations and the job summary with a read-only token, keeping the exit status',
    async () => {
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
    },
  );

  it.concurrent('without checks: write, still posts the review and summary and annotates through the log', async () => {
    const services = fx('services.yaml').replace(/---\napiVersion: v1\nkind: Service\n[\s\S]*?(?=---)/, '');
    const repo = makeRepo({
      base: BASE,
      head: { ...BASE, 'mesh/services.yaml': services, 'mesh/static.yaml': fx('static.yaml') },
    });
    const { PERMISSIONS } = await import('../support/github-stand-in/index.js');
    const s = await serve(repo, { tokens: { [TOKEN]: PERMISSIONS.noChecks } });
    const r = await runAction(repo, s);
    expect(r.code).toBe(1);
    expect(commentsAt(s)).toEqual(['mesh/static.yaml:14']);
    expect(s.state.issueComments).toHaveLength(1);
    expect(s.state.checkRuns).toHaveLength(0);
    expect(r.stdout).toMatch(/::warning [^\n]*file=mesh\/cart-vs\.yaml,line=13/);
    expect(r.stdout).toContain('checks: write');
  });

  it.concurrent(
    'posts no line comments when the earlier threads cannot be read, and lists everything in the summary',
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
      const s = await serve(repo);
      s.addFault({
        kind: 'status',
        route: 'POST /graphql',
        status: 403,
        message: 'Resource not accessible by integration',
      });
      const r = await runAction(repo, s);
      expect(r.code).toBe(1);
      expect(s.state.reviews).toHaveLength(0);
      expect(s.state.issueComments[0]!.body).toContain('mesh/static.yaml:14');
      expect(s.state.issueComments[0]!.body).toContain('earlier review threads could not be read');
    },
  );

  it.concurrent(
    'does not post the review or the summary twice when a 502 answered the POST that created it',
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
      const s = await serve(repo);
      s.addFault({ kind: 'bad-gateway-after-write', route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews' });
      s.addFault({
        kind: 'bad-gateway-after-write',
        route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      });
      const r = await runAction(repo, s);
      expect(s.state.reviews).toHaveLength(1);
      expect(s.state.issueComments).toHaveLength(1);
      expect(s.state.reviewComments).toHaveLength(1);
      expect(r.code).toBe(1);
    },
  );

  it.concurrent('waits out a secondary rate limit (retry-after) and posts once', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    s.addFault({
      kind: 'secondary-rate-limit',
      route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      retryAfter: 1,
    });
    const r = await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(1);
    expect(s.calls.filter((c) => c.method === 'POST' && /reviews$/.test(c.path)).length).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/secondary rate limit/i);
  });
});

describe('size', () => {
  it.concurrent('reads every page of a pull request with more than 100 files', async () => {
    const many: Tree = {};
    for (let i = 0; i < 130; i++)
      many[`mesh/config/cm-${String(i).padStart(3, '0')}.yaml`] =
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\ndata:\n  k: "v"\n`;
    const repo = makeRepo({ base: BASE, head: { ...BASE, ...many, 'mesh/zz-static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(s.calls.filter((c) => /\/pulls\/7\/files$/.test(c.path)).length).toBe(2);
    expect(commentsAt(s)).toEqual(['mesh/zz-static.yaml:14']);
    expect(r.code).toBe(1);
  });
});

describe('past the files API cap', () => {
  it.concurrent(
    'falls back to git diff when the pull request has more than 3000 files',
    async () => {
      const many: Tree = {};
      for (let i = 0; i < 3005; i++)
        many[`mesh/gen/cm-${String(i).padStart(4, '0')}.yaml`] =
          `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\n`;
      const repo = makeRepo({ base: BASE, head: { ...BASE, ...many, 'mesh/zz-static.yaml': fx('static.yaml') } });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      expect(r.stdout).toContain('reading the changes with git diff');
      // mesh/zz-static.yaml sorts after the first 3000 files: only git knows it changed.
      expect(commentsAt(s)).toEqual(['mesh/zz-static.yaml:14']);
      expect(r.code).toBe(1);
    },
    120_000,
  );
});

describe('pull_request_target', () => {
  it.concurrent(
    'reads the config from the base checkout, never from the PR, and the PR files through the API',
    async () => {
      const cfgBase = 'rules:\n  dr-ca-certificates-missing: "off"\n';
      const cfgPr = 'rules:\n  se-static-without-endpoints: "off"\n';
      const base = { ...BASE, '.istio-review.yaml': cfgBase };
      const repo = makeRepo({
        base,
        head: { ...base, '.istio-review.yaml': cfgPr, 'mesh/static.yaml': fx('static.yaml') },
        checkout: 'base-shallow',
      });
      expect(fs.existsSync(path.join(repo.dir, 'mesh/static.yaml'))).toBe(false);
      const s = await serve(repo);
      const r = await runAction(repo, s, { eventName: 'pull_request_target' });
      expect(commentsAt(s)).toEqual(['mesh/static.yaml:14']);
      expect(s.calls.some((c) => c.operationName === 'IstioReviewBlobs')).toBe(true);
      expect(r.code).toBe(1);
    },
  );
});
