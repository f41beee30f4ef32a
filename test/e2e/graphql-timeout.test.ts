// A hung GraphQL call (the review threads) is abandoned after the request timeout like a REST one: the run goes
// on without line comments, the summary lists the finding, the check fails.
import { cleanup, makeRepo, runAction } from './harness.js';
import { BASE, ensureBuilt, fx, useStandIns } from './common.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

const STATIC = fx('static.yaml'); // se-static-without-endpoints (error) on line 14

it('gives up on hung review-thread queries after the timeout and publishes every finding in the summary', async () => {
  const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': STATIC } });
  const s = await serve(repo, {
    faults: [
      { kind: 'delay', route: 'POST /graphql', operationName: 'IstioReviewThreads', delayMs: 60_000, times: 10 },
    ],
  });
  const t0 = Date.now();
  const r = await runAction(repo, s, { env: { ISTIO_REVIEW_REQUEST_TIMEOUT_MS: '500' } });
  expect(Date.now() - t0).toBeLessThan(30_000);
  expect(s.state.reviews).toHaveLength(0);
  expect(s.state.issueComments[0]!.body).toContain('mesh/static.yaml:14');
  expect(s.state.issueComments[0]!.body).toContain('earlier review threads could not be read');
  expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
  expect(r.stdout).toContain('Could not read the earlier review threads');
  expect(r.code).toBe(1);
}, 70_000);
