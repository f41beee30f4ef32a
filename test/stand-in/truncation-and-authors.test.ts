// The stand-in's knobs for the fail-closed tests: a files list cut short, GraphQL blobs cut short, and GitHub's
// refusal to let one account edit another's comment.
import { startStandIn, type StandIn } from '../support/github-stand-in/index.js';
import { failure, gql, octo, OR } from './helpers.js';

const HEAD = 'd'.repeat(40);
const BASE = 'e'.repeat(40);
let s: StandIn;

beforeEach(async () => {
  const files = Array.from({ length: 5 }, (_, i) => ({
    filename: `f${i}.yaml`,
    status: 'added' as const,
    patch: '@@ -0,0 +1 @@\n+a: 1',
  }));
  s = await startStandIn({
    pull: { head: { sha: HEAD, ref: 'feature' }, base: { sha: BASE, ref: 'main' } },
    files,
    contents: { [HEAD]: { 'big.yaml': 'x'.repeat(100) }, [BASE]: {} },
    maxFiles: 3,
    blobTextLimit: 40,
  });
});
afterEach(() => s.close());

test('maxFiles cuts the files list; changed_files still counts every file', async () => {
  const o = octo(s);
  const { data } = await o.pulls.listFiles({ ...OR, pull_number: 7, per_page: 100 });
  expect(data.map((f) => f.filename)).toEqual(['f0.yaml', 'f1.yaml', 'f2.yaml']);
  expect((await o.pulls.get({ ...OR, pull_number: 7 })).data.changed_files).toBe(5);
});

test('blobTextLimit cuts Blob.text and says so; the REST blob is whole', async () => {
  const r = await gql(
    s,
    `query { repository(owner: "acme", name: "mesh-config") { b: object(expression: "${HEAD}:big.yaml") { ... on Blob { oid text isTruncated byteSize } } } }`,
  );
  const b = r.data.repository.b;
  expect(b.text).toHaveLength(40);
  expect(b.isTruncated).toBe(true);
  expect(b.byteSize).toBe(100);
  const { data } = await octo(s).git.getBlob({ ...OR, file_sha: b.oid });
  expect(Buffer.from(data.content, 'base64').toString()).toBe('x'.repeat(100));
});

test('an account may not edit a comment another account wrote', async () => {
  const theirs = s.seedIssueComment({ user: 'mallory', body: 'hi' });
  const res = await failure(octo(s).issues.updateComment({ ...OR, comment_id: theirs.id, body: 'edited' }));
  expect(res.status).toBe(403);
  expect(s.state.issueComments[0]!.body).toBe('hi');
  const mine = s.seedIssueComment({ body: 'mine' }); // github-actions[bot], the token's account
  await octo(s).issues.updateComment({ ...OR, comment_id: mine.id, body: 'edited' });
  expect(s.state.issueComments[1]!.body).toBe('edited');
});
