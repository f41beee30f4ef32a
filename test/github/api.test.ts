// The pacing of the Action's GitHub calls: Octokit's spacing of writes and 1 s retry steps unless the environment
// says otherwise (the end-to-end tests turn both down; a runner never sets them). Measured on the real clock (a fake
// one also jumps over the HTTP client's own timers), with short settings where the default is not the point.
import { GitHubApi, makeClient, pacing, VIEWER_QUERY, type Pacing } from '../../src/github/api.js';
import { startStandIn, type StandIn } from '../support/github-stand-in/index.js';

const log = { warning: () => {}, info: () => {} };
let s: StandIn | undefined;
afterEach(async () => { await s?.close(); s = undefined; });

function api(stand: StandIn, pace: Pacing): GitHubApi {
  return new GitHubApi(makeClient('ghs_test', stand.apiUrl, stand.graphqlUrl, log, pace), { owner: 'acme', repo: 'mesh' }, pace.retryDelayMs);
}

async function msTaken(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** `n` GraphQL queries, one after the other (the throttling plugin counts a GraphQL POST as a write). */
const queries = (a: GitHubApi, n: number) => async () => { for (let i = 0; i < n; i++) await a.client.graphql(VIEWER_QUERY); };

describe('pacing', () => {
  it('is Octokit\'s spacing and 1 s retry steps unless ISTIO_REVIEW_WRITE_SPACING_MS / ISTIO_REVIEW_RETRY_DELAY_MS say otherwise', () => {
    expect(pacing({})).toEqual({ writeSpacingMs: null, retryDelayMs: 1000 });
    expect(pacing({ ISTIO_REVIEW_WRITE_SPACING_MS: '0', ISTIO_REVIEW_RETRY_DELAY_MS: '10' })).toEqual({ writeSpacingMs: 0, retryDelayMs: 10 });
    expect(pacing({ ISTIO_REVIEW_WRITE_SPACING_MS: 'soon', ISTIO_REVIEW_RETRY_DELAY_MS: '-5' })).toEqual({ writeSpacingMs: null, retryDelayMs: 1000 });
  });

  it('spaces writes 1 s apart by default', async () => {
    s = await startStandIn({ owner: 'acme', repo: 'mesh' });
    expect(await msTaken(queries(api(s, pacing({})), 2))).toBeGreaterThanOrEqual(990);
    expect(s.calls.filter((c) => c.operationName === 'IstioReviewViewer')).toHaveLength(2);
  });

  it('spaces writes as ISTIO_REVIEW_WRITE_SPACING_MS says', async () => {
    s = await startStandIn({ owner: 'acme', repo: 'mesh' });
    expect(await msTaken(queries(api(s, { writeSpacingMs: 300, retryDelayMs: 1000 }), 3))).toBeGreaterThanOrEqual(590);
  });

  it('re-sends a review that answered 5xx after one, then two retry delays', async () => {
    s = await startStandIn({
      owner: 'acme', repo: 'mesh', pull: { number: 7 },
      faults: [{ kind: 'status', route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', status: 502, message: 'Bad Gateway', times: 3 }],
    });
    const a = api(s, { writeSpacingMs: 0, retryDelayMs: 200 });
    let error: unknown;
    const ms = await msTaken(() => a.createReview(7, 'abc', 'body', [], '1-1', null).catch((e: unknown) => { error = e; }));
    expect(error).toMatchObject({ status: 502 });
    expect(ms).toBeGreaterThanOrEqual(590);
    expect(s.calls.filter((c) => c.method === 'POST' && /reviews$/.test(c.path))).toHaveLength(3);
  });
});
