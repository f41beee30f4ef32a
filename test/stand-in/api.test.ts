import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { retry } from '@octokit/plugin-retry';
import {
  gitBlobSha,
  patchFromTexts,
  PERMISSIONS,
  startStandIn,
  type PrFile,
  type StandIn,
} from '../support/github-stand-in/index.js';
import { failure, octo, onFakeClock, OR } from './helpers.js';

const HEAD_SHA = 'c0ffee'.padEnd(40, '0');
const BASE_SHA = 'ba5e'.padEnd(40, '0');

function manyFiles(n: number): PrFile[] {
  return Array.from({ length: n }, (_, i) => ({
    filename: `mesh/f${String(i).padStart(4, '0')}.yaml`,
    status: 'added' as const,
    patch: patchFromTexts(null, `n: ${i}\n`),
  }));
}

let s: StandIn;
afterEach(async () => {
  await s?.close();
});

describe('PR, files, contents', () => {
  it('paginates PR files with a Link header, as octokit.paginate follows it', async () => {
    s = await startStandIn({ files: manyFiles(250) });
    const o = octo(s);
    const first = await o.pulls.listFiles({ ...OR, pull_number: 7, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toMatch(/page=2>; rel="next".*page=3>; rel="last"/);
    const all = await o.paginate(o.pulls.listFiles, { ...OR, pull_number: 7, per_page: 100 });
    expect(all.map((f) => f.filename)).toEqual(s.state.files.map((f) => f.filename));
    const dflt = await o.pulls.listFiles({ ...OR, pull_number: 7 });
    expect(dflt.data).toHaveLength(30);
    expect(
      s.calls
        .filter((c) => c.route === 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files')
        .map((c) => [c.query.page ?? '1', c.status]),
    ).toEqual([
      ['1', 200],
      ['1', 200],
      ['2', 200],
      ['3', 200],
      ['1', 200],
    ]);
  });

  it('caps the file list at 3000, omits a missing patch and reports renames', async () => {
    s = await startStandIn({
      files: [...manyFiles(3005), { filename: 'z/new.yaml', status: 'renamed', previous_filename: 'z/old.yaml' }],
    });
    const o = octo(s);
    const all = await o.paginate(o.pulls.listFiles, { ...OR, pull_number: 7, per_page: 100 });
    expect(all).toHaveLength(3000);
    s.state.files = [{ filename: 'z/new.yaml', status: 'renamed', previous_filename: 'z/old.yaml' }];
    const { data } = await o.pulls.listFiles({ ...OR, pull_number: 7 });
    expect(data[0]).toMatchObject({ status: 'renamed', previous_filename: 'z/old.yaml', additions: 0 });
    expect('patch' in data[0]!).toBe(false);
  });

  it('serves the PR, its diff (406 beyond 300 files) and 404 for another PR', async () => {
    s = await startStandIn({
      pull: {
        number: 12,
        head: { sha: HEAD_SHA, ref: 'feat' },
        base: { sha: BASE_SHA, ref: 'main' },
        fork: true,
        user: { login: 'mallory' },
      },
      files: manyFiles(2),
    });
    const o = octo(s);
    const { data } = await o.pulls.get({ ...OR, pull_number: 12 });
    expect(data).toMatchObject({
      number: 12,
      head: { sha: HEAD_SHA, ref: 'feat', repo: { full_name: 'mallory/mesh-config', fork: true } },
      base: { sha: BASE_SHA },
    });
    const diff = await o.pulls.get({ ...OR, pull_number: 12, mediaType: { format: 'diff' } });
    expect(diff.data as unknown as string).toContain(
      'diff --git a/mesh/f0000.yaml b/mesh/f0000.yaml\nnew file mode 100644\n--- /dev/null\n+++ b/mesh/f0000.yaml\n@@ -0,0 +1 @@\n+n: 0',
    );
    s.state.files = manyFiles(301);
    const r = await failure(o.pulls.get({ ...OR, pull_number: 12, mediaType: { format: 'diff' } }));
    expect(r.status).toBe(406);
    expect((await failure(o.pulls.get({ ...OR, pull_number: 13 }))).status).toBe(404);
    expect((await failure(o.pulls.get({ owner: 'acme', repo: 'other', pull_number: 12 }))).status).toBe(404);
  });

  it('serves file contents by SHA or branch name, blobs by git SHA, trees and the merge base', async () => {
    const text = 'kind: Gateway\nmetadata:\n  name: gw\n';
    s = await startStandIn({
      pull: {
        head: { sha: HEAD_SHA, ref: 'feature' },
        base: { sha: BASE_SHA, ref: 'main' },
        mergeBaseSha: '9'.repeat(40),
      },
      contents: {
        [HEAD_SHA]: { 'mesh/gw.yaml': text, 'mesh/sub/a.yaml': 'a: 1\n' },
        main: { 'mesh/gw.yaml': 'old\n' },
      },
    });
    const o = octo(s);
    const byBranch = await o.repos.getContent({ ...OR, path: 'mesh/gw.yaml', ref: 'feature' });
    const file = byBranch.data as { content: string; encoding: string; sha: string };
    expect(file.encoding).toBe('base64');
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(text);
    expect(file.sha).toBe(gitBlobSha(text));
    const dflt = await o.repos.getContent({ ...OR, path: 'mesh/gw.yaml' }); // default branch = base
    expect(Buffer.from((dflt.data as { content: string }).content, 'base64').toString()).toBe('old\n');
    const byBaseSha = await o.repos.getContent({ ...OR, path: 'mesh/gw.yaml', ref: BASE_SHA });
    expect((byBaseSha.data as { sha: string }).sha).toBe(gitBlobSha('old\n'));
    expect((await failure(o.repos.getContent({ ...OR, path: 'mesh/none.yaml', ref: HEAD_SHA }))).status).toBe(404);
    const dir = await o.repos.getContent({ ...OR, path: 'mesh', ref: HEAD_SHA });
    expect((dir.data as Array<{ name: string; type: string }>).map((e) => [e.name, e.type])).toEqual([
      ['gw.yaml', 'file'],
      ['sub', 'dir'],
    ]);
    const blob = await o.git.getBlob({ ...OR, file_sha: gitBlobSha(text) });
    expect(Buffer.from(blob.data.content, 'base64').toString()).toBe(text);
    const tree = await o.git.getTree({ ...OR, tree_sha: HEAD_SHA, recursive: '1' });
    expect(tree.data.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual([
      'mesh/gw.yaml',
      'mesh/sub/a.yaml',
    ]);
    const cmp = await o.repos.compareCommitsWithBasehead({ ...OR, basehead: `main...${HEAD_SHA}` });
    expect(cmp.data.merge_base_commit.sha).toBe('9'.repeat(40));
  });

  it('serves GHES-style paths under a prefix, and GraphQL at /api/graphql', async () => {
    s = await startStandIn({ prefix: '/api/v3', files: manyFiles(1) });
    expect(s.apiUrl).toMatch(/\/api\/v3$/);
    expect(s.graphqlUrl).toMatch(/\/api\/graphql$/);
    const { data } = await octo(s).pulls.listFiles({ ...OR, pull_number: 7 });
    expect(data).toHaveLength(1);
    const outside = await fetch(s.apiUrl.replace('/api/v3', '') + '/repos/acme/mesh-config/pulls/7', {
      headers: { authorization: 'token t' },
    });
    expect(outside.status).toBe(404);
  });
});

describe('auth and permissions', () => {
  beforeEach(async () => {
    s = await startStandIn({
      files: manyFiles(1),
      tokens: { rw: PERMISSIONS.write, ro: PERMISSIONS.readOnly, nochecks: PERMISSIONS.noChecks },
    });
  });

  it('requires a known token', async () => {
    const anon = await fetch(`${s.apiUrl}/repos/acme/mesh-config/pulls/7`);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ message: 'Requires authentication' });
    expect((await failure(octo(s, 'stolen').pulls.get({ ...OR, pull_number: 7 }))).data.message).toBe(
      'Bad credentials',
    );
  });

  it('lets a read-only token read, and answers every write with 403 "Resource not accessible by integration"', async () => {
    const o = octo(s, 'ro');
    await o.pulls.listFiles({ ...OR, pull_number: 7 });
    const writes = [
      o.pulls.createReview({ ...OR, pull_number: 7, event: 'COMMENT', body: 'x' }),
      o.issues.createComment({ ...OR, issue_number: 7, body: 'x' }),
      o.checks.create({ ...OR, name: 'istio-review', head_sha: s.state.pull.head.sha }),
    ];
    for (const w of writes) {
      const r = await failure(w);
      expect([r.status, r.data.message]).toEqual([403, 'Resource not accessible by integration']);
    }
    expect([s.state.reviews, s.state.issueComments, s.state.checkRuns]).toEqual([[], [], []]);
  });

  it('a token without checks: write can comment but not create check runs', async () => {
    const o = octo(s, 'nochecks');
    await o.issues.createComment({ ...OR, issue_number: 7, body: 'summary' });
    expect(
      (await failure(o.checks.create({ ...OR, name: 'istio-review', head_sha: s.state.pull.head.sha }))).status,
    ).toBe(403);
    expect(s.state.issueComments).toHaveLength(1);
  });
});

describe('faults', () => {
  it('a 502 that nevertheless created the object', async () => {
    s = await startStandIn({
      faults: [{ kind: 'bad-gateway-after-write', route: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' }],
    });
    const o = octo(s);
    const r = await failure(o.issues.createComment({ ...OR, issue_number: 7, body: '<!-- marker --> hi' }));
    expect(r.status).toBe(502);
    expect(s.state.issueComments.map((c) => c.body)).toEqual(['<!-- marker --> hi']);
    // only once: the next call goes through
    await o.issues.createComment({ ...OR, issue_number: 7, body: 'again' });
    expect(s.state.issueComments).toHaveLength(2);
    expect(s.calls.map((c) => [c.status, c.fault])).toEqual([
      [502, 'bad-gateway-after-write'],
      [201, undefined],
    ]);
  });

  it("a secondary rate limit with retry-after, which Octokit's throttling plugin waits out", async () => {
    s = await startStandIn({ faults: [{ kind: 'secondary-rate-limit', route: /^POST .*\/reviews$/ }] });
    const raw = await fetch(`${s.apiUrl}/repos/acme/mesh-config/pulls/7/reviews`, {
      method: 'POST',
      headers: { authorization: 'token t', 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'COMMENT', body: 'x' }),
    });
    expect(raw.status).toBe(403);
    expect(raw.headers.get('retry-after')).toBe('1');
    expect((await raw.json()).message).toMatch(/^You have exceeded a secondary rate limit/);
    expect(s.state.reviews).toEqual([]);

    s.addFault({ kind: 'secondary-rate-limit', route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews' });
    const waits: number[] = [];
    const T = Octokit.plugin(throttling, retry);
    const o = new T({
      auth: 't',
      baseUrl: s.apiUrl,
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (after: number) => {
          waits.push(after);
          return true;
        },
      },
    });
    const { elapsedMs } = await onFakeClock(() =>
      o.pulls.createReview({ ...OR, pull_number: 7, event: 'COMMENT', body: 'x' }),
    );
    expect(waits).toEqual([1]);
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(s.state.reviews).toHaveLength(1);
  });

  it('a primary rate limit: 403 with x-ratelimit-remaining 0 and a reset time, seen by the throttling plugin', async () => {
    s = await startStandIn({
      faults: [{ kind: 'rate-limit', route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', retryAfter: 1 }],
    });
    const seen: number[] = [];
    const T = Octokit.plugin(throttling);
    const o = new T({
      auth: 't',
      baseUrl: s.apiUrl,
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      throttle: {
        onRateLimit: (after: number) => {
          seen.push(after);
          return true;
        },
        onSecondaryRateLimit: () => false,
      },
    });
    const {
      value: { status },
      elapsedMs,
    } = await onFakeClock(() => o.pulls.listFiles({ ...OR, pull_number: 7 }));
    expect(status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(s.calls.map((c) => c.status)).toEqual([403, 200]);
  });

  it('GraphQL faults can target one operation; a secondary limit may be a 429', async () => {
    s = await startStandIn({
      faults: [
        { kind: 'status', route: 'POST /graphql', operationName: 'Resolve', status: 502 },
        { kind: 'secondary-rate-limit', route: 'POST /graphql', operationName: 'Threads', status: 429, retryAfter: 2 },
      ],
    });
    const post = (name: string) =>
      fetch(`${s.apiUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: 'token t' },
        body: JSON.stringify({ query: `query ${name} { viewer { login } }` }),
      });
    expect((await post('Other')).status).toBe(200);
    expect((await post('Resolve')).status).toBe(502);
    const limited = await post('Threads');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    expect(s.calls.map((c) => c.operationName)).toEqual(['Other', 'Resolve', 'Threads']);
  });

  it('a delay serves the request late but normally', async () => {
    s = await startStandIn({
      faults: [{ kind: 'delay', route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', delayMs: 300 }],
    });
    const {
      value: { status },
      elapsedMs,
    } = await onFakeClock(() => octo(s).pulls.get({ ...OR, pull_number: 7 }));
    expect(status).toBe(200);
    expect(elapsedMs).toBeGreaterThanOrEqual(300);
  });

  it('an unknown route is a 404 that says so', async () => {
    s = await startStandIn();
    const r = await failure(octo(s).repos.listBranches({ ...OR }));
    expect(r.status).toBe(404);
    expect(r.data.standIn).toMatch(/^no route for GET \/repos\/acme\/mesh-config\/branches/);
  });

  it('500s for a number of calls, after letting some through', async () => {
    s = await startStandIn({
      faults: [{ kind: 'server-error', route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}', times: 2, after: 1 }],
    });
    const o = octo(s);
    await o.pulls.get({ ...OR, pull_number: 7 });
    expect((await failure(o.pulls.get({ ...OR, pull_number: 7 }))).status).toBe(500);
    expect((await failure(o.pulls.get({ ...OR, pull_number: 7 }))).status).toBe(500);
    await o.pulls.get({ ...OR, pull_number: 7 });
  });
});

describe("request bodies are validated against GitHub's OpenAPI description", () => {
  beforeEach(async () => {
    s = await startStandIn({ files: manyFiles(1) });
  });

  it('rejects an unknown review event and a comment without body, saving nothing', async () => {
    const o = octo(s);
    const r = await failure(o.pulls.createReview({ ...OR, pull_number: 7, event: 'LGTM' as never, body: 'x' }));
    expect(r.status).toBe(422);
    expect(r.data.message).toMatch(/^Invalid request\.\n\n.*event.*allowed values/);
    const r2 = await failure(
      o.pulls.createReview({
        ...OR,
        pull_number: 7,
        event: 'COMMENT',
        comments: [{ path: 'mesh/f0000.yaml', line: 1 } as never],
      }),
    );
    expect(r2.data.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ keyword: 'required', params: { missingProperty: 'body' } })]),
    );
    expect(s.state.reviews).toEqual([]);
  });

  it('rejects a check run with an unknown conclusion and a completed one without conclusion', async () => {
    const o = octo(s);
    const head_sha = s.state.pull.head.sha;
    expect((await failure(o.checks.create({ ...OR, name: 'n', head_sha, conclusion: 'passed' as never }))).status).toBe(
      422,
    );
    const { data } = await o.checks.create({ ...OR, name: 'n', head_sha, status: 'in_progress' });
    const r = await failure(o.checks.update({ ...OR, check_run_id: data.id, status: 'completed' } as never));
    expect(r.status).toBe(422);
    expect(r.data.message).toMatch(/^Invalid request/);
  });
});

describe('issue comments and check runs', () => {
  beforeEach(async () => {
    s = await startStandIn({ pull: { head: { sha: HEAD_SHA, ref: 'feature' } } });
  });

  it('creates, lists (paginated) and edits issue comments', async () => {
    const o = octo(s);
    s.seedIssueComment({ body: 'human', user: 'alice' });
    const { data } = await o.issues.createComment({ ...OR, issue_number: 7, body: '<!-- istio-review:summary --> v1' });
    await o.issues.updateComment({ ...OR, comment_id: data.id, body: '<!-- istio-review:summary --> v2' });
    const all = await o.paginate(o.issues.listComments, { ...OR, issue_number: 7, per_page: 1 });
    expect(all.map((c) => [c.user?.login, c.body])).toEqual([
      ['alice', 'human'],
      ['github-actions[bot]', '<!-- istio-review:summary --> v2'],
    ]);
  });

  it('takes at most 50 annotations per request and appends them on update', async () => {
    const o = octo(s);
    const ann = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        path: 'a.yaml',
        start_line: i + 1,
        end_line: i + 1,
        annotation_level: 'warning' as const,
        message: `m${i}`,
      }));
    const r = await failure(
      o.checks.create({
        ...OR,
        name: 'istio-review',
        head_sha: HEAD_SHA,
        output: { title: 't', summary: 's', annotations: ann(51) },
      }),
    );
    expect(r.status).toBe(422);
    const { data } = await o.checks.create({
      ...OR,
      name: 'istio-review',
      head_sha: HEAD_SHA,
      status: 'in_progress',
      output: { title: 't', summary: 's', annotations: ann(50) },
    });
    await o.checks.update({
      ...OR,
      check_run_id: data.id,
      conclusion: 'failure',
      output: { title: 't', summary: 's2', annotations: ann(20) },
    });
    expect(s.state.checkRuns[0]).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { summary: 's2', annotations_count: 70 },
    });
    expect(s.state.checkRuns[0]!.annotations).toHaveLength(70);
    expect((await failure(o.checks.create({ ...OR, name: 'x', head_sha: 'e'.repeat(40) }))).data.message).toBe(
      `No commit found for SHA: ${'e'.repeat(40)}`,
    );
    const summary = await failure(
      o.checks.create({ ...OR, name: 'x', head_sha: HEAD_SHA, output: { title: 't', summary: 'x'.repeat(65536) } }),
    );
    expect(summary.data.message).toBe('Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.');
  });

  it('lists the check runs of a commit, seeded ones included, filtered by name', async () => {
    s.seedCheckRun({ name: 'istio-review', conclusion: 'failure' });
    s.seedCheckRun({ name: 'lint', status: 'in_progress' });
    const { data } = await octo(s).checks.listForRef({ ...OR, ref: 'feature', check_name: 'istio-review' });
    expect(data.total_count).toBe(1);
    expect(data.check_runs[0]).toMatchObject({
      name: 'istio-review',
      status: 'completed',
      conclusion: 'failure',
      head_sha: HEAD_SHA,
    });
  });

  it('records every call, and writes() lists the writes', async () => {
    const o = octo(s);
    await o.pulls.get({ ...OR, pull_number: 7 });
    await o.issues.createComment({ ...OR, issue_number: 7, body: 'x' });
    expect(s.calls.map((c) => [c.method, c.route, c.status, c.token])).toEqual([
      ['GET', 'GET /repos/{owner}/{repo}/pulls/{pull_number}', 200, 'ghs_test'],
      ['POST', 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 201, 'ghs_test'],
    ]);
    expect(s.calls[1]!.body).toEqual({ body: 'x' });
    expect(s.writes()).toHaveLength(1);
  });
});
