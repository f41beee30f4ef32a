import {
  applySuggestions,
  patchFromTexts,
  startStandIn,
  SuggestionError,
  type StandIn,
} from '../support/github-stand-in/index.js';
import { failure, octo, OR } from './helpers.js';

// A VirtualService of 20 lines; the PR changes line 5 (hosts) and line 18 (subset): two hunks,
// RIGHT lines 2..8 and 15..20 (20 is the last line), LEFT the same numbers (no lines added or removed).
const BASE =
  [
    'apiVersion: networking.istio.io/v1', // 1
    'kind: VirtualService', // 2
    'metadata:', // 3
    '  name: reviews', // 4
    '  namespace: books', // 5
    'spec:', // 6
    '  hosts:', // 7
    '  - reviews', // 8
    '  gateways:', // 9
    '  - mesh', // 10
    '  http:', // 11
    '  - match:', // 12
    '    - uri:', // 13
    '        prefix: /v2', // 14
    '    route:', // 15
    '    - destination:', // 16
    '        host: reviews', // 17
    '        subset: v1', // 18
    '      weight: 100', // 19
    '    timeout: 5s', // 20
  ].join('\n') + '\n';
const HEAD = BASE.replace('namespace: books', 'namespace: bookinfo').replace('subset: v1', 'subset: v2');
const HEAD_SHA = '1'.repeat(40);
const PATH = 'mesh/reviews-vs.yaml';

describe('POST /pulls/{n}/reviews', () => {
  let s: StandIn;
  beforeEach(async () => {
    s = await startStandIn({
      pull: { number: 3, head: { sha: HEAD_SHA, ref: 'feature' } },
      files: [
        { filename: PATH, status: 'modified', patch: patchFromTexts(BASE, HEAD) },
        { filename: 'charts/logo.png', status: 'added' }, // binary: no patch
      ],
      contents: { [HEAD_SHA]: { [PATH]: HEAD } },
    });
  });
  afterEach(() => s.close());

  const review = (comments: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) =>
    octo(s).pulls.createReview({
      ...OR,
      pull_number: 3,
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      body: 'summary',
      comments: comments as never,
      ...extra,
    });

  it('the fixture has the two hunks the tests assume', () => {
    expect(s.state.files[0]!.patch!.match(/^@@.*@@$/gm)).toEqual(['@@ -2,7 +2,7 @@', '@@ -15,6 +15,6 @@']);
  });

  it('creates the review, one comment and one thread per comment, attributed to the bot', async () => {
    const { data } = await review([
      { path: PATH, line: 5, side: 'RIGHT', body: 'added line' },
      { path: PATH, line: 8, body: 'context line, side defaults to RIGHT' },
      { path: PATH, line: 5, side: 'LEFT', body: 'deleted line' },
    ]);
    expect(data).toMatchObject({
      state: 'COMMENTED',
      body: 'summary',
      commit_id: HEAD_SHA,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    expect(s.state.reviewComments.map((c) => [c.line, c.side, c.original_line, c.pull_request_review_id])).toEqual([
      [5, 'RIGHT', 5, data.id],
      [8, 'RIGHT', 8, data.id],
      [5, 'LEFT', 5, data.id],
    ]);
    expect(s.state.threads.map((t) => t.commentIds)).toEqual(s.state.reviewComments.map((c) => [c.id]));
    const { data: listed } = await octo(s).pulls.listReviewComments({ ...OR, pull_number: 3 });
    expect(listed[0]!.diff_hunk).toBe(
      [
        '@@ -2,7 +2,7 @@',
        ' kind: VirtualService',
        ' metadata:',
        '   name: reviews',
        '-  namespace: books',
        '+  namespace: bookinfo',
      ].join('\n'),
    );
  });

  it.each([
    ['a line between the hunks', { path: PATH, line: 11, body: 'x' }, ['Line could not be resolved']],
    ['a line past the end of the file', { path: PATH, line: 21, body: 'x' }, ['Line could not be resolved']],
    [
      'a file that is not in the PR',
      { path: 'mesh/other.yaml', line: 1, body: 'x' },
      ['Pull request review thread path is invalid', "Pull request review thread diff hunk can't be blank"],
    ], // as in villesau/ai-codereviewer#34
    ['a file without patch', { path: 'charts/logo.png', line: 1, body: 'x' }, ['Line could not be resolved']],
    [
      'a range whose end is outside the diff',
      { path: PATH, start_line: 8, line: 12, body: 'x' },
      [
        'Pull request review thread line must be part of the diff',
        "Pull request review thread diff hunk can't be blank",
        'Pull request review thread start line must be part of the same hunk as the line.',
      ],
    ], // the three texts GitHub answered together in parkerbxyz/suggest-changes#28
    [
      'a range across two hunks',
      { path: PATH, start_line: 7, line: 16, body: 'x' },
      ['Pull request review thread start line must be part of the same hunk as the line.'],
    ],
    [
      'a range that starts before its hunk',
      { path: PATH, start_line: 1, line: 5, body: 'x' },
      ['Pull request review thread start line must be part of the same hunk as the line.'],
    ],
    [
      'a range with start_line equal to line',
      { path: PATH, start_line: 5, line: 5, body: 'x' },
      ['Pull request review thread start line must precede the end line.'],
    ],
    [
      'a range with start_line after line',
      { path: PATH, start_line: 8, line: 5, body: 'x' },
      ['Pull request review thread start line must precede the end line.'],
    ],
  ])('rejects %s with 422 and saves nothing, not even the valid comments', async (_name, bad, errors) => {
    const r = await failure(review([{ path: PATH, line: 18, body: 'valid' }, bad]));
    expect(r.status).toBe(422);
    expect(r.data).toMatchObject({ message: 'Unprocessable Entity', errors });
    expect([s.state.reviews, s.state.reviewComments, s.state.threads]).toEqual([[], [], []]);
  });

  it('accepts a multi-line range inside one hunk and a deprecated position', async () => {
    await review([
      { path: PATH, start_line: 16, line: 19, start_side: 'RIGHT', side: 'RIGHT', body: 'range' },
      { path: PATH, position: 4, body: 'position 4 is the deleted line 5' },
    ]);
    expect(s.state.reviewComments.map((c) => [c.start_line, c.line, c.side])).toEqual([
      [16, 19, 'RIGHT'],
      [null, 5, 'LEFT'],
    ]);
  });

  it('answers 422 for a commit that is not the PR head, and for a bot approving', async () => {
    expect((await failure(review([], { commit_id: 'f'.repeat(40) }))).data.errors).toEqual([
      'Commit is not part of the pull request',
    ]);
    expect((await failure(review([], { event: 'APPROVE' }))).data.errors).toEqual([
      'GitHub Actions is not permitted to approve pull requests.',
    ]);
    expect((await failure(review([], { body: 'x'.repeat(65537) }))).data.errors).toEqual([
      'Body is too long (maximum is 65536 characters)',
    ]);
    expect(s.state.reviews).toEqual([]);
  });

  it('lists reviews and review comments with pagination', async () => {
    await review(Array.from({ length: 7 }, (_, i) => ({ path: PATH, line: 2 + i, body: `c${i}` })));
    await review([{ path: PATH, line: 20, body: 'last line' }]);
    const o = octo(s);
    const all = await o.paginate(o.pulls.listReviewComments, { ...OR, pull_number: 3, per_page: 3 });
    expect(all.map((c) => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'last line']);
    const page = await o.pulls.listReviewComments({ ...OR, pull_number: 3, per_page: 3, page: 2 });
    expect(page.headers.link).toContain('rel="next"');
    expect(page.headers.link).toContain('rel="prev"');
    const reviews = await o.paginate(o.pulls.listReviews, { ...OR, pull_number: 3 });
    expect(reviews).toHaveLength(2);
  });
});

describe('review comments: single comments, replies, edits, deletes', () => {
  let s: StandIn;
  beforeEach(async () => {
    s = await startStandIn({
      pull: { number: 3, head: { sha: HEAD_SHA, ref: 'feature' } },
      files: [{ filename: PATH, status: 'modified', patch: patchFromTexts(BASE, HEAD) }],
    });
  });
  afterEach(() => s.close());

  it('answers the single-comment endpoint with its own 422 error objects', async () => {
    const post = (extra: Record<string, unknown>) =>
      failure(
        octo(s).pulls.createReviewComment({
          ...OR,
          pull_number: 3,
          commit_id: HEAD_SHA,
          path: PATH,
          body: 'x',
          ...extra,
        }),
      );
    const outside = await post({ line: 11 });
    expect(outside.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'PullRequestReviewComment',
          code: 'custom',
          field: 'pull_request_review_thread.line',
          message: 'could not be resolved',
        },
      ],
    });
    const range = await post({ start_line: 7, line: 16 });
    expect(range.data.errors).toEqual([
      {
        resource: 'PullRequestReviewComment',
        code: 'custom',
        field: 'pull_request_review_thread.start_line',
        message: 'pull_request_review_thread.start_line must be part of the same hunk as the line.',
      },
    ]);
    const path = await post({ path: 'nope.yaml', line: 1 });
    expect(path.data.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([
      ['invalid', 'pull_request_review_thread.path'],
      ['missing_field', 'pull_request_review_thread.diff_hunk'],
    ]);
    const commit = await post({ commit_id: 'f'.repeat(40), line: 5 });
    expect(commit.data.errors[0].message).toBe(
      'pull_request_review_thread.end_commit_oid is not part of the pull request',
    );
    expect(s.state.reviewComments).toEqual([]);
  });

  it('creates file-level comments and replies in threads', async () => {
    const o = octo(s);
    const { data: file } = await o.pulls.createReviewComment({
      ...OR,
      pull_number: 3,
      commit_id: HEAD_SHA,
      path: PATH,
      subject_type: 'file',
      body: 'about the file',
    });
    expect(file).toMatchObject({ subject_type: 'file', line: null });
    const root = s.seedReviewComment({ path: PATH, line: 18, body: 'bot finding' });
    const human = s.seedReviewComment({ path: PATH, in_reply_to: root.id, body: 'not a bug', user: 'alice' });
    const { data: reply } = await o.pulls.createReplyForReviewComment({
      ...OR,
      pull_number: 3,
      comment_id: human.id,
      body: 'ok',
    });
    expect(reply.in_reply_to_id).toBe(root.id); // replies hang off the thread's root
    expect(s.threadOf(root.id)!.commentIds).toEqual([root.id, human.id, reply.id]);
    expect(s.state.reviewComments.find((c) => c.id === human.id)!.user).toEqual({ login: 'alice', type: 'User' });
  });

  it('refuses to seed a current comment where GitHub could not have put it', () => {
    expect(() => s.seedReviewComment({ path: PATH, line: 11, body: 'x' })).toThrow(/not a valid anchor/);
    expect(s.seedReviewComment({ path: PATH, line: 11, body: 'x', isOutdated: true }).line).toBeNull();
  });

  it('edits and deletes review comments; deleting the only comment removes the thread', async () => {
    const c = s.seedReviewComment({ path: PATH, line: 18, body: 'old' });
    const o = octo(s);
    await o.pulls.updateReviewComment({ ...OR, comment_id: c.id, body: 'new' });
    expect(s.state.reviewComments[0]!.body).toBe('new');
    await o.pulls.deleteReviewComment({ ...OR, comment_id: c.id });
    expect(s.state.reviewComments).toEqual([]);
    expect(s.state.threads).toEqual([]);
    expect((await failure(o.pulls.updateReviewComment({ ...OR, comment_id: c.id, body: 'x' }))).status).toBe(404);
  });

  it('marks threads outdated when a push changes their line, keeping original_line', () => {
    const kept = s.seedReviewComment({ path: PATH, line: 18, body: 'subset' });
    const moved = s.seedReviewComment({ path: PATH, line: 5, body: 'namespace' });
    const next = HEAD.replace('namespace: bookinfo', 'namespace: bookinfo-prod');
    s.pushCommit({
      sha: '2'.repeat(40),
      files: [{ filename: PATH, status: 'modified', patch: patchFromTexts(BASE, next) }],
    });
    expect(s.threadOf(kept.id)!.isOutdated).toBe(false);
    expect(s.threadOf(moved.id)!.isOutdated).toBe(true);
    expect(s.state.reviewComments.find((c) => c.id === moved.id)).toMatchObject({ line: null, original_line: 5 });
  });
});

describe('pushes', () => {
  let s: StandIn;
  beforeEach(async () => {
    s = await startStandIn({
      pull: { number: 3, head: { sha: HEAD_SHA, ref: 'feature' } },
      files: [{ filename: PATH, status: 'modified', patch: patchFromTexts(BASE, HEAD) }],
      contents: { [HEAD_SHA]: { [PATH]: HEAD } },
    });
  });
  afterEach(() => s.close());

  it('a comment follows its unchanged line when lines are inserted above it, and goes outdated when its line changes', async () => {
    const o = octo(s);
    await o.pulls.createReview({
      ...OR,
      pull_number: 3,
      event: 'COMMENT',
      comments: [
        { path: PATH, start_line: 16, line: 18, body: 'subset range' },
        { path: PATH, line: 5, body: 'namespace' },
      ],
    });
    const [range, ns] = s.state.reviewComments;
    const next = HEAD.replace('namespace: bookinfo\n', 'namespace: bookinfo-prod\n  labels:\n    team: books\n');
    const NEXT_SHA = '2'.repeat(40);
    s.pushCommit({
      sha: NEXT_SHA,
      files: [{ filename: PATH, status: 'modified', patch: patchFromTexts(BASE, next) }],
      contents: { [PATH]: next },
    });
    expect(s.state.reviewComments.find((c) => c.id === range!.id)).toMatchObject({
      start_line: 18,
      line: 20,
      original_line: 18,
      commit_id: NEXT_SHA,
      original_commit_id: HEAD_SHA,
    });
    expect(s.threadOf(range!.id)!.isOutdated).toBe(false);
    expect(s.state.reviewComments.find((c) => c.id === ns!.id)).toMatchObject({
      line: null,
      original_line: 5,
      commit_id: HEAD_SHA,
    });
    expect(s.threadOf(ns!.id)!.isOutdated).toBe(true);
    const { data } = await o.pulls.getReviewComment({ ...OR, comment_id: ns!.id });
    expect([data.position, data.original_position]).toEqual([null, 5]);
    // a review may still name the previous head; its comments are checked against that commit's diff
    await o.pulls.createReview({
      ...OR,
      pull_number: 3,
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      comments: [{ path: PATH, line: 18, body: 'late' }],
    });
  });
});

describe('suggestions', () => {
  let s: StandIn;
  beforeEach(async () => {
    s = await startStandIn({
      pull: { number: 3, head: { sha: HEAD_SHA, ref: 'feature' } },
      files: [{ filename: PATH, status: 'modified', patch: patchFromTexts(BASE, HEAD) }],
      contents: { [HEAD_SHA]: { [PATH]: HEAD } },
    });
  });
  afterEach(() => s.close());

  const suggest = (start: number | null, line: number, text: string, side: 'LEFT' | 'RIGHT' = 'RIGHT') =>
    octo(s).pulls.createReview({
      ...OR,
      pull_number: 3,
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      body: '',
      comments: [
        {
          path: PATH,
          line,
          side,
          ...(start ? { start_line: start, start_side: side } : {}),
          body: `Fix:\n\`\`\`suggestion\n${text}\n\`\`\``,
        },
      ],
    });

  it('replaces exactly start_line..line of the head file', async () => {
    await suggest(17, 18, '        host: reviews\n        subset: v1');
    await suggest(null, 5, '  namespace: books');
    expect(applySuggestions(s.state)[PATH]).toBe(BASE);
  });

  it('a suggestion may insert lines by repeating the anchored line, or delete lines with an empty block', async () => {
    await suggest(null, 20, '    timeout: 5s\n    retries:\n      attempts: 3');
    const out = applySuggestions(s.state)[PATH]!;
    expect(out.endsWith('    timeout: 5s\n    retries:\n      attempts: 3\n')).toBe(true);
    s.state.reviewComments.length = 0;
    await octo(s).pulls.createReview({
      ...OR,
      pull_number: 3,
      commit_id: HEAD_SHA,
      event: 'COMMENT',
      comments: [{ path: PATH, start_line: 19, line: 20, body: '```suggestion\n```' }],
    });
    expect(applySuggestions(s.state)[PATH]!.split('\n')).toHaveLength(19); // 18 lines + the final newline
  });

  it('refuses what GitHub refuses: deleted lines, overlapping suggestions, no change', async () => {
    await suggest(null, 5, '  namespace: x', 'LEFT');
    expect(() => applySuggestions(s.state)).toThrow(SuggestionError);
    expect(() => applySuggestions(s.state)).toThrow(/deleted lines/);
    s.state.reviewComments.length = 0;
    await suggest(16, 18, 'a');
    await suggest(null, 17, 'b');
    expect(() => applySuggestions(s.state)).toThrow(/only one suggestion per line/);
    s.state.reviewComments.length = 0;
    await suggest(null, 17, '        host: reviews');
    expect(() => applySuggestions(s.state)).toThrow(/no changes were made/);
  });

  it('refuses suggestions from a pending review or on a closed PR', async () => {
    const o = octo(s);
    await o.pulls.createReview({
      ...OR,
      pull_number: 3,
      comments: [{ path: PATH, line: 18, body: '```suggestion\n        subset: v1\n```' }],
    });
    expect(s.state.reviews[0]!.state).toBe('PENDING');
    expect(() => applySuggestions(s.state)).toThrow(/pending review/);
    const again = await failure(o.pulls.createReview({ ...OR, pull_number: 3, body: 'second pending' }));
    expect(again.data.errors).toEqual(['User can only have one pending review per pull request']);
    await o.pulls.submitReview({
      ...OR,
      pull_number: 3,
      review_id: s.state.reviews[0]!.id,
      event: 'COMMENT',
      body: 'done',
    });
    expect(applySuggestions(s.state)[PATH]).toContain('subset: v1');
    s.state.pull.state = 'closed';
    expect(() => applySuggestions(s.state)).toThrow(/closed/);
  });

  it('reads fences longer than three backticks', async () => {
    await octo(s).pulls.createReview({
      ...OR,
      pull_number: 3,
      event: 'COMMENT',
      body: '',
      comments: [{ path: PATH, line: 18, body: '````suggestion\n        subset: v1 # ```\n````' }],
    });
    expect(applySuggestions(s.state)[PATH]).toContain('        subset: v1 # ```\n');
  });
});
