// The default comment-level: a correct configuration gets no line comment and no PR comment; what is below
// the level is in the check run's annotations and the job summary's collapsed section.
import { cleanup, makeRepo, runAction } from './harness.js';
import { BASE, ensureBuilt, fx, useStandIns } from './common.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

const WORKFLOW =
  'name: ci\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n    - run: .ci/run\n';

describe('quiet by default', () => {
  it.concurrent(
    'a correct TLS origination (an info without caCertificates) gets no comment; the check run annotates it',
    async () => {
      const repo = makeRepo({
        base: BASE,
        head: {
          ...BASE,
          'mesh/origination.yaml': fx('origination.yaml'),
          '.github/workflows/ci.yml': WORKFLOW,
          'charts/shop/values.yaml': 'replicaCount: 2\n',
        },
      });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      expect(r.code).toBe(0);
      expect(s.state.reviews).toHaveLength(0);
      expect(s.state.reviewComments).toHaveLength(0);
      expect(s.state.issueComments).toHaveLength(0);
      expect(s.state.checkRuns).toHaveLength(1);
      expect(s.state.checkRuns[0]!.conclusion).toBe('success');
      expect(
        s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line} ${a.annotation_level} ${a.title}`),
      ).toEqual(['mesh/origination.yaml:29 notice dr-port-ca-certificates-missing (IST0129)']);
      expect(r.summary).toContain('✅ **No new problems** that need a comment');
      expect(r.summary).toMatch(/<details><summary>1 finding below the comment level \(info\)/);
      expect(r.summary).toContain('| DestinationRule ci/github |');
      // The workflow file is outside the default paths; the values file is counted, never reported.
      expect(r.summary).not.toContain('not-a-manifest');
      expect(r.summary).toContain('1 YAML file under `paths` is not Kubernetes objects');
      expect(r.outputs.infos).toBe('1');
    },
  );

  it.concurrent('comment-level: info comments on the same finding', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/origination.yaml': fx('origination.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s, { inputs: { 'comment-level': 'info' } });
    expect(r.code).toBe(0);
    expect(s.state.reviewComments.map((c) => `${c.path}:${c.line}`)).toEqual(['mesh/origination.yaml:29']);
    expect(s.state.issueComments).toHaveLength(1);
    expect(s.state.issueComments[0]!.body).toContain(`[mesh/origination.yaml:29]`);
  });

  it.concurrent('a bad comment-level fails the step with a message', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/origination.yaml': fx('origination.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s, { inputs: { 'comment-level': 'loud' } });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('comment-level must be error, warning or info, not "loud"');
  });
});
