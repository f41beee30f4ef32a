import { Octokit } from '@octokit/rest';
import { patchFromTexts, PERMISSIONS, startStandIn, type StandIn } from '../support/github-stand-in/index.js';
import { gql } from './helpers.js';

const HEAD_SHA = 'd'.repeat(40);
const BASE_SHA = 'e'.repeat(40);
const OLD = 'a: 1\nb: 2\nc: 3\n';
const NEW = 'a: 1\nb: 20\nc: 3\n';

const THREADS = `query Threads($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 2, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line originalLine
          resolvedBy { login }
          comments(first: 50) { nodes { id databaseId body author { login } path line originalLine } }
        }
      }
    }
  }
}`;

const RESOLVE = `mutation Resolve($threadId: ID!) {
  resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved resolvedBy { login } } }
}`;

let s: StandIn;
beforeEach(async () => {
  s = await startStandIn({
    pull: { number: 4, head: { sha: HEAD_SHA, ref: 'feature' }, base: { sha: BASE_SHA, ref: 'main' } },
    files: [{ filename: 'x.yaml', status: 'modified', patch: patchFromTexts(OLD, NEW) }],
    contents: { [HEAD_SHA]: { 'x.yaml': NEW, 'dir/y.yaml': 'y: 1\n' }, [BASE_SHA]: { 'x.yaml': OLD } },
    tokens: {
      rw: PERMISSIONS.write,
      ro: PERMISSIONS.readOnly,
      ghs_test: PERMISSIONS.write,
      nomut: { ...PERMISSIONS.write, graphqlMutations: false },
    },
  });
});
afterEach(() => s.close());

const vars = { owner: 'acme', repo: 'mesh-config', number: 4 };

describe('review threads', () => {
  it('lists threads with their comments and authors, page by page with cursors', async () => {
    const a = s.seedReviewComment({ path: 'x.yaml', line: 2, body: 'bot 1' });
    s.seedReviewComment({ path: 'x.yaml', in_reply_to: a.id, body: 'why?', user: 'alice' });
    s.seedReviewComment({ path: 'x.yaml', line: 1, body: 'bot 2', isResolved: true, resolvedBy: 'bob' });
    s.seedReviewComment({ path: 'x.yaml', line: 3, body: 'bot 3', isOutdated: true });
    const p1 = await gql(s, THREADS, vars, 'rw');
    expect(p1.errors).toBeUndefined();
    const rt1 = p1.data.repository.pullRequest.reviewThreads;
    expect(rt1.pageInfo.hasNextPage).toBe(true);
    expect(rt1.nodes[0]).toMatchObject({
      id: expect.stringMatching(/^PRRT_/),
      isResolved: false,
      isOutdated: false,
      path: 'x.yaml',
      line: 2,
      resolvedBy: null,
      comments: {
        nodes: [
          { databaseId: a.id, body: 'bot 1', author: { login: 'github-actions' }, line: 2 },
          { body: 'why?', author: { login: 'alice' } },
        ],
      },
    });
    expect(rt1.nodes[1]).toMatchObject({ isResolved: true, resolvedBy: { login: 'bob' } });
    const p2 = await gql(s, THREADS, { ...vars, cursor: rt1.pageInfo.endCursor }, 'rw');
    const rt2 = p2.data.repository.pullRequest.reviewThreads;
    expect(rt2.pageInfo.hasNextPage).toBe(false);
    expect(rt2.nodes).toEqual([expect.objectContaining({ isOutdated: true, line: null, originalLine: 3 })]);
  });

  it('resolves and unresolves a thread', async () => {
    const c = s.seedReviewComment({ path: 'x.yaml', line: 2, body: 'bot' });
    const threadId = s.threadOf(c.id)!.id;
    const r = await gql(s, RESOLVE, { threadId }, 'rw');
    expect(r).toEqual({
      data: {
        resolveReviewThread: { thread: { id: threadId, isResolved: true, resolvedBy: { login: 'github-actions' } } },
      },
    });
    expect(s.state.threads[0]).toMatchObject({ isResolved: true, resolvedBy: 'github-actions[bot]' });
    await gql(
      s,
      'mutation($t: ID!) { unresolveReviewThread(input: {threadId: $t}) { thread { isResolved } } }',
      { t: threadId },
      'rw',
    );
    expect(s.state.threads[0]!.isResolved).toBe(false);
  });

  it('answers FORBIDDEN to a read-only token and NOT_FOUND to an unknown thread', async () => {
    const c = s.seedReviewComment({ path: 'x.yaml', line: 2, body: 'bot' });
    const ro = await gql(s, RESOLVE, { threadId: s.threadOf(c.id)!.id }, 'ro');
    expect(ro.errors).toEqual([
      expect.objectContaining({
        type: 'FORBIDDEN',
        message: 'Resource not accessible by integration',
        path: ['resolveReviewThread'],
      }),
    ]);
    expect(s.state.threads[0]!.isResolved).toBe(false);
    const nomut = await gql(s, RESOLVE, { threadId: s.threadOf(c.id)!.id }, 'nomut');
    expect(nomut.errors[0]).toMatchObject({ type: 'FORBIDDEN' });
    const nf = await gql(s, RESOLVE, { threadId: 'PRRT_nope' }, 'rw');
    expect(nf.errors[0]).toMatchObject({ type: 'NOT_FOUND' });
  });

  it('minimizes a comment', async () => {
    const c = s.seedReviewComment({ path: 'x.yaml', line: 2, body: 'bot' });
    const r = await gql(
      s,
      'mutation { minimizeComment(input: {subjectId: "' +
        c.node_id +
        '", classifier: OUTDATED}) { minimizedComment { isMinimized minimizedReason } } }',
      {},
      'rw',
    );
    expect(r.data.minimizeComment.minimizedComment).toEqual({ isMinimized: true, minimizedReason: 'outdated' });
  });
});

describe('conversation comments', () => {
  it('lists them and minimizes an old summary', async () => {
    const human = s.seedIssueComment({ body: 'thanks', user: 'alice' });
    const old = s.seedIssueComment({ body: '<!-- istio-review:summary --> old' });
    const list = await gql(
      s,
      '{ repository(owner: "acme", name: "mesh-config") { pullRequest(number: 4) { comments(first: 10) { nodes { id databaseId author { login } isMinimized } } } } }',
    );
    expect(list.data.repository.pullRequest.comments.nodes).toEqual([
      { id: human.node_id, databaseId: human.id, author: { login: 'alice' }, isMinimized: false },
      { id: old.node_id, databaseId: old.id, author: { login: 'github-actions' }, isMinimized: false },
    ]);
    const r = await gql(
      s,
      `mutation { minimizeComment(input: {subjectId: "${old.node_id}", classifier: OUTDATED}) { minimizedComment { isMinimized } } }`,
      {},
      'rw',
    );
    expect(r.data.minimizeComment.minimizedComment).toEqual({ isMinimized: true });
    expect(s.state.issueComments.find((c) => c.id === old.id)).toMatchObject({
      isMinimized: true,
      minimizedReason: 'outdated',
    });
  });
});

describe('blobs', () => {
  it('fetches many file versions in one query through aliases, null for a missing path', async () => {
    const q = `query Blobs($owner: String!, $repo: String!, $e0: String!, $e1: String!, $e2: String!) {
      repository(owner: $owner, name: $repo) {
        f0: object(expression: $e0) { ... on Blob { text isBinary } }
        f1: object(expression: $e1) { ... on Blob { text isBinary } }
        f2: object(expression: $e2) { ... on Blob { text } }
        head: object(expression: "feature:dir/y.yaml") { __typename ... on Blob { byteSize } }
      }
    }`;
    const r = await gql(s, q, {
      owner: 'acme',
      repo: 'mesh-config',
      e0: `${HEAD_SHA}:x.yaml`,
      e1: `${BASE_SHA}:x.yaml`,
      e2: `${HEAD_SHA}:missing.yaml`,
    });
    expect(r).toEqual({
      data: {
        repository: {
          f0: { text: NEW, isBinary: false },
          f1: { text: OLD, isBinary: false },
          f2: null,
          head: { __typename: 'Blob', byteSize: 5 },
        },
      },
    });
  });
});

describe('unsupported or malformed requests fail loudly', () => {
  it('an unknown field', async () => {
    const r = await gql(
      s,
      '{ repository(owner: "acme", name: "mesh-config") { pullRequest(number: 4) { reviewDecision } } }',
    );
    expect(r.data).toBeUndefined();
    expect(r.errors[0]).toMatchObject({
      message: "Field 'reviewDecision' doesn't exist on type 'PullRequest'",
      extensions: { code: 'undefinedField' },
    });
  });

  it('a connection without first/last, or with more than 100', async () => {
    const r = await gql(
      s,
      '{ repository(owner: "acme", name: "mesh-config") { pullRequest(number: 4) { reviewThreads { nodes { id } } } } }',
    );
    expect(r.errors[0].message).toBe(
      'You must provide a `first` or `last` value to properly paginate the `reviewThreads` connection.',
    );
    const r2 = await gql(
      s,
      '{ repository(owner: "acme", name: "mesh-config") { pullRequest(number: 4) { reviewThreads(first: 101) { nodes { id } } } } }',
    );
    expect(r2.errors[0].message).toBe(
      'Requesting 101 records on the `reviewThreads` connection exceeds the `first` limit of 100 records.',
    );
  });

  it('a syntax error, a missing selection, an unknown argument, an unknown repository', async () => {
    expect((await gql(s, '{ repository(owner: "acme" { id } }')).errors[0].message).toMatch(/^Parse error on/);
    expect(
      (await gql(s, '{ repository(owner: "acme", name: "mesh-config") { pullRequest(number: 4) } }')).errors[0]
        .extensions.code,
    ).toBe('selectionMismatch');
    expect(
      (await gql(s, '{ repository(owner: "acme", name: "mesh-config", x: 1) { id } }')).errors[0].extensions.code,
    ).toBe('argumentNotAccepted');
    const nf = await gql(s, '{ repository(owner: "acme", name: "nope") { id } }');
    expect(nf).toMatchObject({ data: { repository: null }, errors: [{ type: 'NOT_FOUND' }] });
  });

  it('variables: missing, wrongly typed, undeclared, unused', async () => {
    const q =
      'query Q($owner: String!, $repo: String!, $number: Int!) { repository(owner: $owner, name: $repo) { pullRequest(number: $number) { id } } }';
    const missing = await gql(s, q, { owner: 'acme', repo: 'mesh-config' });
    expect(missing).toEqual({
      errors: [expect.objectContaining({ message: 'Variable $number of type Int! was provided invalid value' })],
    });
    expect((await gql(s, q, { ...vars, number: '4' })).errors[0].message).toBe(
      'Variable $number of type Int! was provided invalid value',
    );
    expect((await gql(s, 'query Q { repository(owner: $o, name: "x") { id } }')).errors[0].message).toBe(
      'Variable $o is used by Q but not declared',
    );
    expect((await gql(s, 'query Q($o: String) { viewer { login } }')).errors[0].message).toBe(
      'Variable $o is declared by Q but not used',
    );
    const ok = await gql(
      s,
      'query Q($c: String) { repository(owner: "acme", name: "mesh-config") { pullRequest(number: 4) { reviewThreads(first: 1, after: $c) { totalCount } } } }',
      { c: null },
    );
    expect(ok).toEqual({ data: { repository: { pullRequest: { reviewThreads: { totalCount: 0 } } } } });
  });

  it('an invalid mutation document changes nothing', async () => {
    const c = s.seedReviewComment({ path: 'x.yaml', line: 2, body: 'bot' });
    const r = await gql(
      s,
      `mutation { resolveReviewThread(input: {threadId: "${s.threadOf(c.id)!.id}"}) { thread { id bogus } } }`,
    );
    expect(r.errors[0].extensions.code).toBe('undefinedField');
    expect(s.state.threads[0]!.isResolved).toBe(false);
  });
});

describe('clients', () => {
  it('Octokit graphql() reaches {apiUrl}/graphql and the call is recorded with its operation name', async () => {
    const o = new Octokit({ auth: 'rw', baseUrl: s.apiUrl });
    const data = await o.graphql<{ repository: { pullRequest: { headRefOid: string } } }>(
      'query Head($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { pullRequest(number: 4) { headRefOid } } }',
      { owner: 'acme', repo: 'mesh-config' },
    );
    expect(data.repository.pullRequest.headRefOid).toBe(HEAD_SHA);
    // authors lose the [bot] suffix in GraphQL, the viewer keeps it
    expect(await o.graphql('{ viewer { login } }')).toEqual({ viewer: { login: 'github-actions[bot]' } });
    expect(s.calls.map((c) => [c.route, c.operationName, c.status])).toEqual([
      ['POST /graphql', 'Head', 200],
      ['POST /graphql', null, 200],
    ]);
    expect(s.writes()).toEqual([]);
  });
});
