import { parseGraphql } from '../support/github-stand-in/index.js';
import { patchFromTexts, startStandIn, type StandIn } from '../support/github-stand-in/index.js';
import { gql } from './helpers.js';

describe('GraphQL parsing', () => {
  it('reads operations, variables with defaults, aliases, fragments, directives, block strings and escapes', () => {
    const doc = parseGraphql(`
      # a comment
      query Q($a: Int = 3, $b: [String!]!) @dir {
        x: repository(owner: "o\\u0041\\n", name: """raw "quoted" """) { ...F @include(if: true) }
      }
      fragment F on Repository { id, name }
    `);
    expect(doc.operations).toHaveLength(1);
    const op = doc.operations[0]!;
    expect(op.variables).toEqual([
      { name: 'a', type: 'Int', defaultValue: { kind: 'lit', value: 3 } },
      { name: 'b', type: '[String!]!' },
    ]);
    const f = op.selections[0] as { alias: string; name: string; args: Record<string, { value: unknown }> };
    expect([f.alias, f.name, f.args.owner!.value, f.args.name!.value]).toEqual([
      'x',
      'repository',
      'oA\n',
      'raw "quoted" ',
    ]);
    expect(doc.fragments.get('F')!.typeCondition).toBe('Repository');
  });

  it('reports where a document is malformed', () => {
    expect(() => parseGraphql('query { a(b: ) }')).toThrow(/Parse error on "\)" \(PUNCT\) at \[1, 14\]/);
    expect(() => parseGraphql('{ a ')).toThrow(/end of file/);
    expect(() => parseGraphql('')).toThrow(/No operations/);
  });
});

describe('GraphQL execution details', () => {
  let s: StandIn;
  beforeEach(async () => {
    s = await startStandIn({
      files: [{ filename: 'x.yaml', status: 'modified', patch: patchFromTexts('a: 1\n', 'a: 2\n') }],
    });
  });
  afterEach(() => s.close());

  it('honours @include/@skip, named fragments, __typename and edges', async () => {
    const c = s.seedReviewComment({ path: 'x.yaml', line: 1, body: 'b' });
    const r = await gql(
      s,
      `query T($full: Boolean!) {
        __typename
        repository(owner: "acme", name: "mesh-config") {
          pullRequest(number: 7) {
            reviewThreads(last: 5) { edges { cursor node { ...Th } } }
          }
        }
      }
      fragment Th on PullRequestReviewThread { id path @skip(if: true) isResolved @include(if: $full) comments(first: 1) { nodes { __typename databaseId } } }`,
      { full: false },
    );
    expect(r).toEqual({
      data: {
        __typename: 'Query',
        repository: {
          pullRequest: {
            reviewThreads: {
              edges: [
                {
                  cursor: expect.any(String),
                  node: {
                    id: s.threadOf(c.id)!.id,
                    comments: { nodes: [{ __typename: 'PullRequestReviewComment', databaseId: c.id }] },
                  },
                },
              ],
            },
          },
        },
      },
    });
  });

  it('picks the operation by name when a document has several, and requires a name otherwise', async () => {
    const doc = 'query A { viewer { login } } query B { rateLimit { remaining } }';
    const res = await fetch(s.graphqlUrl, {
      method: 'POST',
      headers: { authorization: 'bearer t' },
      body: JSON.stringify({ query: doc, operationName: 'B' }),
    });
    expect(await res.json()).toEqual({ data: { rateLimit: { remaining: 4999 } } });
    expect((await gql(s, doc)).errors[0].message).toBe('An operation name is required');
  });

  it('looks nodes up by id', async () => {
    const c = s.seedReviewComment({ path: 'x.yaml', line: 1, body: 'b' });
    const r = await gql(s, `{ node(id: "${c.node_id}") { __typename ... on PullRequestReviewComment { body } } }`);
    expect(r).toEqual({ data: { node: { __typename: 'PullRequestReviewComment', body: 'b' } } });
  });
});
