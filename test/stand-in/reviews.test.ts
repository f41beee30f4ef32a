import { Octokit } from '@octokit/rest';
import { RequestError } from '@octokit/request-error';
import { startStandIn, patchFromTexts, type StandIn } from '../support/github-stand-in/index.js';

const BASE = ['apiVersion: networking.istio.io/v1', 'kind: VirtualService', 'metadata:', '  name: reviews', 'spec:', '  hosts:', '  - reviews', '  http:', '  - route:', '    - destination:', '        host: reviews', '        subset: v1', ''].join('\n');
const HEAD = BASE.replace('subset: v1', 'subset: v2');
// Line 12 (subset) changed: the hunk covers lines 9..12 on the RIGHT side (3 lines of context before, none after).
const HEAD_SHA = '1'.repeat(40);

function octo(s: StandIn, token = 'ghs_test'): Octokit {
  return new Octokit({ auth: token, baseUrl: s.apiUrl });
}

async function status422(p: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RequestError) return { status: e.status, data: e.response?.data };
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('reviews', () => {
  let s: StandIn;
  beforeEach(async () => {
    s = await startStandIn({
      pull: { number: 3, head: { sha: HEAD_SHA, ref: 'feature' } },
      files: [{ filename: 'mesh/vs.yaml', status: 'modified', patch: patchFromTexts(BASE, HEAD) }],
      contents: { [HEAD_SHA]: { 'mesh/vs.yaml': HEAD } },
    });
  });
  afterEach(() => s.close());

  it('creates a review with a comment on an added line and a thread for it', async () => {
    const o = octo(s);
    const { data } = await o.pulls.createReview({
      owner: 'acme',
      repo: 'mesh-config',
      pull_number: 3,
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      body: 'summary',
      comments: [{ path: 'mesh/vs.yaml', line: 12, side: 'RIGHT', body: 'x' }],
    });
    expect(data.state).toBe('COMMENTED');
    expect(s.state.reviewComments).toHaveLength(1);
    expect(s.state.reviewComments[0]).toMatchObject({ path: 'mesh/vs.yaml', line: 12, original_line: 12, user: { login: 'github-actions[bot]' } });
    expect(s.state.threads).toHaveLength(1);
    const { data: listed } = await o.pulls.listReviewComments({ owner: 'acme', repo: 'mesh-config', pull_number: 3 });
    expect(listed[0]!.diff_hunk).toMatch(/^@@ -9,4 \+9,4 @@/);
  });

  it('rejects the whole review with 422 when one comment is outside the diff, saving nothing', async () => {
    const r = await status422(
      octo(s).pulls.createReview({
        owner: 'acme',
        repo: 'mesh-config',
        pull_number: 3,
        commit_id: HEAD_SHA,
        event: 'COMMENT',
        body: 'summary',
        comments: [
          { path: 'mesh/vs.yaml', line: 12, side: 'RIGHT', body: 'fine' },
          { path: 'mesh/vs.yaml', line: 2, side: 'RIGHT', body: 'outside' },
        ],
      }),
    );
    expect(r.status).toBe(422);
    expect(r.data).toMatchObject({ message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.reviewComments).toHaveLength(0);
    expect(s.state.threads).toHaveLength(0);
  });
});
