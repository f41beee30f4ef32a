// The stand-in's REST answers against the response schemas of GitHub's OpenAPI description: every field GitHub
// documents as required is there, with the documented type, so code that works against the stand-in does not
// trip on GitHub's real answers (and the reverse).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { patchFromTexts, startStandIn, type StandIn } from '../support/github-stand-in/index.js';
import { openApiNullable } from '../support/github-stand-in/openapi.js';
import { octo, OR } from './helpers.js';

const require = createRequire(import.meta.url);
type Spec = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};
let spec: Spec;
const ajv = new Ajv({ allErrors: true, strict: false });
(
  (addFormatsModule as unknown as { default?: (a: Ajv) => void }).default ??
  (addFormatsModule as unknown as (a: Ajv) => void)
)(ajv);

function check(route: string, status: number, body: unknown): string[] {
  const [method, path] = route.split(' ') as [string, string];
  const schema =
    spec.paths[path]![method.toLowerCase()]!.responses[String(status)]!.content!['application/json']!.schema;
  const validate = ajv.compile(openApiNullable(schema) as object);
  return validate(body)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

const HEAD = '1'.repeat(40);
let s: StandIn;
beforeAll(() => {
  spec = JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.deref.json'), 'utf8'),
  ) as Spec;
});
beforeEach(async () => {
  s = await startStandIn({
    pull: { head: { sha: HEAD, ref: 'feature' } },
    files: [
      { filename: 'a.yaml', status: 'modified', patch: patchFromTexts('a: 1\n', 'a: 2\n') },
      { filename: 'b.yaml', status: 'renamed', previous_filename: 'old.yaml' },
    ],
    contents: { [HEAD]: { 'a.yaml': 'a: 2\n' } },
  });
});
afterEach(() => s.close());

it('PR, files, contents, blobs, compare', async () => {
  const o = octo(s);
  expect(
    check('GET /repos/{owner}/{repo}/pulls/{pull_number}', 200, (await o.pulls.get({ ...OR, pull_number: 7 })).data),
  ).toEqual([]);
  expect(
    check(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
      200,
      (await o.pulls.listFiles({ ...OR, pull_number: 7 })).data,
    ),
  ).toEqual([]);
  const content = await o.repos.getContent({ ...OR, path: 'a.yaml', ref: HEAD });
  expect(check('GET /repos/{owner}/{repo}/contents/{path}', 200, content.data)).toEqual([]);
  const blob = await o.git.getBlob({ ...OR, file_sha: (content.data as { sha: string }).sha });
  expect(check('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', 200, blob.data)).toEqual([]);
  const cmp = await o.repos.compareCommitsWithBasehead({ ...OR, basehead: `main...${HEAD}` });
  expect(check('GET /repos/{owner}/{repo}/compare/{basehead}', 200, cmp.data)).toEqual([]);
});

it('reviews, review comments, issue comments, check runs', async () => {
  const o = octo(s);
  const review = await o.pulls.createReview({
    ...OR,
    pull_number: 7,
    event: 'COMMENT',
    body: 'x',
    comments: [{ path: 'a.yaml', line: 1, body: 'c' }],
  });
  expect(check('POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews', 200, review.data)).toEqual([]);
  expect(
    check(
      'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      200,
      (await o.pulls.listReviews({ ...OR, pull_number: 7 })).data,
    ),
  ).toEqual([]);
  const comments = await o.pulls.listReviewComments({ ...OR, pull_number: 7 });
  expect(check('GET /repos/{owner}/{repo}/pulls/{pull_number}/comments', 200, comments.data)).toEqual([]);
  const file = await o.pulls.createReviewComment({
    ...OR,
    pull_number: 7,
    commit_id: HEAD,
    path: 'a.yaml',
    subject_type: 'file',
    body: 'f',
  });
  // A file-level comment has no line: GitHub answers nulls where the description types integers and LEFT/RIGHT.
  const lineless = /^\/(position|original_position|line|original_line|side) /;
  expect(
    check('POST /repos/{owner}/{repo}/pulls/{pull_number}/comments', 201, file.data).filter((e) => !lineless.test(e)),
  ).toEqual([]);
  const ic = await o.issues.createComment({ ...OR, issue_number: 7, body: 'summary' });
  expect(check('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 201, ic.data)).toEqual([]);
  expect(
    check(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      200,
      (await o.issues.listComments({ ...OR, issue_number: 7 })).data,
    ),
  ).toEqual([]);
  const run = await o.checks.create({ ...OR, name: 'istio-review', head_sha: HEAD, status: 'in_progress' });
  expect(check('POST /repos/{owner}/{repo}/check-runs', 201, run.data)).toEqual([]);
  const done = await o.checks.update({ ...OR, check_run_id: run.data.id, conclusion: 'success' });
  expect(check('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', 200, done.data)).toEqual([]);
});
