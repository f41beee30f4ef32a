// Settings files and fixed threads: a pull request that changes only the settings is reviewed for what they
// affect; mesh-networks is an input; a fixed thread is judged per resource; GitHub's 200-with-FORBIDDEN answer
// to the resolve mutation falls back to editing the comment.
import { makeRepo, cleanup, prEvent, runAction } from './harness.js';
import { BASE, ensureBuilt, fx, TOKEN, useStandIns } from './common.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

const STATIC_OFF = 'rules:\n  se-static-without-endpoints: off\n';

describe('a pull request that changes only the settings', () => {
  it.concurrent('turning a rule back on reports what it finds in files the pull request does not touch', async () => {
    const base = { ...BASE, 'mesh/static.yaml': fx('static.yaml'), '.istio-review.yaml': STATIC_OFF };
    const repo = makeRepo({ base, head: { ...base, '.istio-review.yaml': 'rules: {}\n' } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(r.stdout).toContain(
      'The pull request changes .istio-review.yaml: reviewing everything these settings affect.',
    );
    expect(r.code).toBe(1);
    expect(r.outputs.errors).toBe('1');
    expect(s.state.reviewComments).toHaveLength(0); // the file is not in the diff
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line} ${a.title}`)).toEqual([
      'mesh/static.yaml:14 se-static-without-endpoints',
    ]);
    expect(s.state.issueComments[0]!.body).toContain('| ServiceEntry shop/legacy-db | [mesh/static.yaml:14]');
  });

  it.concurrent('turning a rule off adds nothing, and the run passes', async () => {
    const base = { ...BASE, 'mesh/static.yaml': fx('static.yaml') };
    const repo = makeRepo({ base, head: { ...base, '.istio-review.yaml': STATIC_OFF } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(r.code).toBe(0);
    expect(r.outputs.errors).toBe('0');
    expect(r.summary).toContain('All clear');
  });

  it.concurrent('a changed mesh-networks file is reviewed, and its findings point at its lines', async () => {
    const networks = (registry: string) =>
      `networks:\n  network1:\n    endpoints:\n    - fromRegistry: ${registry}\n    gateways:\n    - address: 1.1.1.1\n      port: 15443\n`;
    const base = { ...BASE, 'istio/mesh-networks.yaml': networks('Kubernetes') };
    const repo = makeRepo({ base, head: { ...base, 'istio/mesh-networks.yaml': networks('kubernetes') } });
    const s = await serve(repo);
    const r = await runAction(repo, s, { inputs: { 'mesh-networks': 'istio/mesh-networks.yaml' } });
    expect(r.code).toBe(1);
    expect(s.state.reviewComments.map((c) => `${c.path}:${c.line}`)).toEqual(['istio/mesh-networks.yaml:4']);
    expect(s.state.reviewComments[0]!.body).toContain('```suggestion\n    - fromRegistry: Kubernetes\n```');
  });
});

describe('fixed threads', () => {
  const TWO = (resolution: string, other: string) =>
    `${fx('static.yaml').replace('resolution: STATIC', `resolution: ${resolution}`)}---\n${other}`;
  const GOOD_OTHER =
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n';
  const BROKEN_OTHER = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [shop\n';

  it.concurrent('a fixed resource gets its thread resolved even when another document of its file broke', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/db.yaml': TWO('STATIC', GOOD_OTHER) } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    expect(s.state.threads).toHaveLength(1);
    const next = makeRepo({ base: BASE, head: { ...BASE, 'mesh/db.yaml': TWO('DNS', BROKEN_OTHER) } });
    s.pushCommit({ sha: next.headSha, files: next.files, contents: next.head });
    const r2 = await runAction(next, s, { runId: '2', event: prEvent(next) });
    expect(r2.stdout + r2.summary).toContain('yaml-syntax');
    expect(s.state.threads[0]!.isResolved).toBe(true);
  });

  it.concurrent('a resource whose document broke keeps its thread open', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/db.yaml': TWO('STATIC', GOOD_OTHER) } });
    const s = await serve(repo);
    await runAction(repo, s, { runId: '1' });
    const broken = `${fx('static.yaml').replace('  name: legacy-db', '  name: [legacy-db')}---\n${GOOD_OTHER}`;
    const next = makeRepo({ base: BASE, head: { ...BASE, 'mesh/db.yaml': broken } });
    s.pushCommit({ sha: next.headSha, files: next.files, contents: next.head });
    await runAction(next, s, { runId: '2', event: prEvent(next) });
    expect(s.state.threads[0]!.isResolved).toBe(false);
  });

  it.concurrent(
    'GitHub answering the resolve mutation with 200 and a FORBIDDEN error: the comment says which commit fixed it',
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
      const NO_MUTATIONS = 'ghs_noGraphqlMutations456';
      const s = await serve(repo, { tokens: { [TOKEN]: {}, [NO_MUTATIONS]: { graphqlMutations: false } } });
      await runAction(repo, s, { runId: '1' });
      const fixed = makeRepo({
        base: BASE,
        head: { ...BASE, 'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: DNS') },
      });
      s.pushCommit({ sha: fixed.headSha, files: fixed.files, contents: fixed.head });
      const r2 = await runAction(fixed, s, { runId: '2', event: prEvent(fixed), token: NO_MUTATIONS });
      const resolveCalls = s.calls.filter(
        (c) => c.operationName === 'IstioReviewResolve' || /resolveReviewThread/.test(JSON.stringify(c.body ?? '')),
      );
      expect(resolveCalls.length).toBeGreaterThan(0);
      expect(resolveCalls.every((c) => c.status === 200)).toBe(true);
      expect(r2.code).toBe(0);
      expect(s.state.threads[0]!.isResolved).toBe(false);
      expect(s.state.reviewComments[0]!.body).toContain(`Fixed in ${fixed.headSha}`);
      expect(s.state.issueComments[0]!.body).toContain('1 earlier comment marked fixed');
    },
  );
});
