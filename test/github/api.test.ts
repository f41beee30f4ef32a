// The pacing of the Action's GitHub calls: Octokit's spacing of writes and 1 s retry steps unless the environment
// says otherwise (the end-to-end tests turn both down; a runner never sets them). GitHub is a fetch answering at
// once, and the clock is fake: the only timers are the pacing's, so the time that passes is the pacing's.
import { jest } from '@jest/globals';
import { GitHubApi, makeClient, pacing, VIEWER_QUERY, type Pacing } from '../../src/github/api.js';
import { onFakeClock } from '../stand-in/helpers.js';

const log = { warning: () => {}, info: () => {} };
const REVIEWS = /\/repos\/acme\/mesh\/pulls\/7\/reviews/;

/** GitHub as a fetch: the viewer, a review POST that answers 502, an empty review list, a tree read that answers 500
 *  twice before it works. Records each call's time. */
function fakeGitHub(): { fetch: typeof fetch; calls: { method: string; url: string; at: number }[] } {
  const calls: { method: string; url: string; at: number }[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fake = async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init?.method ?? 'GET';
    calls.push({ method, url, at: Date.now() });
    if (url.endsWith('/graphql')) return json(200, { data: { viewer: { login: 'bot' } } });
    if (REVIEWS.test(url) && method === 'POST') return json(502, { message: 'Bad Gateway' });
    if (REVIEWS.test(url)) return json(200, []);
    if (/\/git\/trees\//.test(url))
      return calls.filter((c) => c.url === url).length <= 2
        ? json(500, { message: 'Server Error' })
        : json(200, { sha: 'abc', tree: [], truncated: false });
    return json(404, { message: 'Not Found' });
  };
  return { fetch: fake, calls };
}

let github: ReturnType<typeof fakeGitHub>;
beforeEach(() => {
  github = fakeGitHub();
  jest.spyOn(globalThis, 'fetch').mockImplementation(github.fetch);
});
afterEach(() => jest.restoreAllMocks());

function api(pace: Pacing): GitHubApi {
  return new GitHubApi(
    makeClient('ghs_test', 'https://api.github.test', 'https://api.github.test/graphql', log, pace),
    { owner: 'acme', repo: 'mesh' },
    pace.retryDelayMs,
  );
}

/** Three GraphQL queries, one after the other (the throttling plugin counts a GraphQL POST as a write). */
const threeQueries = (a: GitHubApi) => async () => {
  for (let i = 0; i < 3; i++) await a.client.graphql(VIEWER_QUERY);
};
const gaps = () => github.calls.slice(1).map((c, i) => c.at - github.calls[i]!.at);

describe('pacing', () => {
  it("is Octokit's spacing and 1 s retry steps unless ISTIO_REVIEW_WRITE_SPACING_MS / ISTIO_REVIEW_RETRY_DELAY_MS say otherwise", () => {
    expect(pacing({})).toEqual({ writeSpacingMs: null, retryDelayMs: 1000 });
    expect(pacing({ ISTIO_REVIEW_WRITE_SPACING_MS: '0', ISTIO_REVIEW_RETRY_DELAY_MS: '10' })).toEqual({
      writeSpacingMs: 0,
      retryDelayMs: 10,
    });
    expect(pacing({ ISTIO_REVIEW_WRITE_SPACING_MS: 'soon', ISTIO_REVIEW_RETRY_DELAY_MS: '-5' })).toEqual({
      writeSpacingMs: null,
      retryDelayMs: 1000,
    });
  });

  it('spaces writes 1 s apart by default', async () => {
    await onFakeClock(threeQueries(api(pacing({}))));
    expect(github.calls).toHaveLength(3);
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(990); // to Bottleneck's millisecond
  });

  it('spaces writes as ISTIO_REVIEW_WRITE_SPACING_MS says, 0 for none', async () => {
    await onFakeClock(threeQueries(api({ writeSpacingMs: 300, retryDelayMs: 1000 })));
    expect(gaps()).toEqual([expect.any(Number), expect.any(Number)]);
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(290);
    for (const gap of gaps()) expect(gap).toBeLessThan(1000);
    github.calls.length = 0;
    const { elapsedMs } = await onFakeClock(threeQueries(api({ writeSpacingMs: 0, retryDelayMs: 1000 })));
    expect(github.calls).toHaveLength(3);
    expect(elapsedMs).toBeLessThan(50);
  });

  it('retries a read that answered 5xx after one retry delay, then four (1 s by default)', async () => {
    const byDefault = await onFakeClock(() => api({ writeSpacingMs: 0, retryDelayMs: 1000 }).treeFiles('abc'));
    expect(byDefault.value).toEqual(new Map());
    expect(github.calls).toHaveLength(3);
    expect(byDefault.elapsedMs).toBeGreaterThanOrEqual(5000);
    expect(byDefault.elapsedMs).toBeLessThan(5100);
    github.calls.length = 0;
    const quick = await onFakeClock(() => api({ writeSpacingMs: 0, retryDelayMs: 10 }).treeFiles('abc'));
    expect(github.calls).toHaveLength(3);
    expect(quick.elapsedMs).toBeGreaterThanOrEqual(50);
    expect(quick.elapsedMs).toBeLessThan(100);
  });

  it('re-sends a review that answered 5xx after one retry delay, then two (1 s by default)', async () => {
    const send = (a: GitHubApi) => async () => {
      await expect(a.createReview(7, 'abc', 'body', [], '1-1', null)).rejects.toMatchObject({ status: 502 });
    };
    const posts = () => github.calls.filter((c) => c.method === 'POST' && REVIEWS.test(c.url));
    const byDefault = await onFakeClock(send(api({ writeSpacingMs: 0, retryDelayMs: 1000 })));
    expect(posts()).toHaveLength(3);
    expect(byDefault.elapsedMs).toBeGreaterThanOrEqual(3000);
    expect(byDefault.elapsedMs).toBeLessThan(3100);
    github.calls.length = 0;
    const quick = await onFakeClock(send(api({ writeSpacingMs: 0, retryDelayMs: 10 })));
    expect(posts()).toHaveLength(3);
    expect(quick.elapsedMs).toBeGreaterThanOrEqual(30);
    expect(quick.elapsedMs).toBeLessThan(100);
  });
});
