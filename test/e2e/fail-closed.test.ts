// The Action against what a pull request's author controls (issue 14): each test replays an attack that used to
// turn the required check green, or leave it missing, and shows the check now failing closed. dist/index.js runs
// as a child process against real git repositories and the GitHub stand-in.
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, commentsAt, makeRepo, runAction, tmpDir, type Tree } from './harness.js';
import { BASE, ensureBuilt, expectNoSecret, fx, useStandIns } from './common.js';
import { fingerprintsIn } from '../../src/review/markdown.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

const STATIC = fx('static.yaml'); // se-static-without-endpoints (error) on line 14
const CONFIG_MAP = (i: number) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\ndata:\n  k: "v"\n`;
const TREES = 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}';
const MALLORY = 'mallory';

describe('1. a file list GitHub cut short', () => {
  // Four changed files, the broken one sorting last; the stand-in lists two (as GitHub stops at 3,000).
  const head: Tree = {
    ...BASE,
    'mesh/a-cm.yaml': CONFIG_MAP(1),
    'mesh/b-cm.yaml': CONFIG_MAP(2),
    'mesh/c-cm.yaml': CONFIG_MAP(3),
    'mesh/zz-static.yaml': STATIC,
  };

  it.concurrent(
    'finds the unlisted files by comparing the trees under pull_request_target, and fails on them',
    async () => {
      const repo = makeRepo({ base: BASE, head, checkout: 'base-shallow' });
      const s = await serve(repo, { maxFiles: 2 });
      const r = await runAction(repo, s, { eventName: 'pull_request_target' });
      expect(r.code).toBe(1);
      expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
      expect(s.state.issueComments[0]!.body).toContain('mesh/zz-static.yaml:14');
      expect(s.state.issueComments[0]!.body).not.toContain('All clear');
      expect(r.outputs.conclusion).toBe('failure');
    },
  );

  it.concurrent('concludes failure, saying why, when the rest cannot be found — never "All clear"', async () => {
    const repo = makeRepo({
      base: BASE,
      head: { ...head, 'mesh/zz-static.yaml': CONFIG_MAP(4) },
      checkout: 'base-shallow',
    });
    const s = await serve(repo, {
      maxFiles: 2,
      faults: [{ kind: 'status', route: TREES, status: 404, message: 'Not Found', times: 4 }],
    });
    const r = await runAction(repo, s, { eventName: 'pull_request_target' });
    expect(r.code).toBe(1);
    expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
    expect(s.state.checkRuns[0]!.output.title).toBe('Review incomplete');
    const summary = s.state.issueComments[0]!.body;
    expect(summary).toContain('Review incomplete');
    expect(summary).toContain('listed only 2');
    expect(summary).not.toContain('All clear');
    expect(r.summary).toContain('Review incomplete');
    expect(r.outputs.conclusion).toBe('failure');
  });

  it.concurrent('concludes neutral instead when on-incomplete says so, with the same reason', async () => {
    const repo = makeRepo({
      base: BASE,
      head: { ...head, 'mesh/zz-static.yaml': CONFIG_MAP(4) },
      checkout: 'base-shallow',
    });
    const s = await serve(repo, {
      maxFiles: 2,
      faults: [{ kind: 'status', route: TREES, status: 404, message: 'Not Found', times: 4 }],
    });
    const r = await runAction(repo, s, { eventName: 'pull_request_target', inputs: { 'on-incomplete': 'neutral' } });
    expect(r.code).toBe(0);
    expect(s.state.checkRuns[0]!.conclusion).toBe('neutral');
    expect(s.state.issueComments[0]!.body).toContain('Review incomplete');
    expect(r.outputs.conclusion).toBe('neutral');
  });

  it.concurrent('reads a blob GraphQL cut short whole, by its SHA, and finds the problem past the cut', async () => {
    const padded = `# ${'padding '.repeat(40)}\n`.repeat(5) + STATIC; // line 19: resolution: STATIC
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': padded }, checkout: 'base-shallow' });
    const s = await serve(repo, { blobTextLimit: 200 });
    const r = await runAction(repo, s, { eventName: 'pull_request_target' });
    expect(s.calls.some((c) => c.route === 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}')).toBe(true);
    expect(commentsAt(s)).toEqual(['mesh/static.yaml:19']);
    expect(r.code).toBe(1);
  });

  it.concurrent('reports a cut blob it cannot complete as unreadable, and fails', async () => {
    const padded = `# ${'padding '.repeat(40)}\n`.repeat(5) + STATIC;
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': padded }, checkout: 'base-shallow' });
    const s = await serve(repo, {
      blobTextLimit: 200,
      faults: [
        {
          kind: 'status',
          route: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
          status: 404,
          message: 'Not Found',
          times: 4,
        },
      ],
    });
    const r = await runAction(repo, s, { eventName: 'pull_request_target' });
    expect(r.code).toBe(1);
    expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
    expect(s.state.issueComments[0]!.body).toContain('unreadable-file');
  });
});

describe('2. a rule crash', () => {
  it.concurrent(
    '`kind: constructor` crashes no rule, and a ServiceEnrty typo elsewhere still fails the check',
    async () => {
      const odd = 'apiVersion: networking.istio.io/v1\nkind: constructor\nmetadata:\n  name: x\n  namespace: shop\n';
      const typo = STATIC.replace('kind: ServiceEntry', 'kind: ServiceEnrty');
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/odd.yaml': odd, 'mesh/typo.yaml': typo } });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      expect(r.code).toBe(1);
      expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
      expect(commentsAt(s).sort()).toEqual(['mesh/odd.yaml:2', 'mesh/typo.yaml:2']);
      expect(r.stdout).not.toContain('internal-error');
    },
  );
});

describe('3. a newline in a file name', () => {
  it.concurrent(
    'does not shift what git answers: every changed file is read, and the broken one fails the check',
    async () => {
      const repo = makeRepo({
        base: BASE,
        head: { ...BASE, 'mesh/we\nird.yaml': CONFIG_MAP(1), 'mesh/zz-static.yaml': STATIC },
        checkout: 'base',
      });
      const s = await serve(repo);
      const r = await runAction(repo, s, { eventName: 'pull_request_target' });
      expect(r.stdout).toContain('Reviewed 4 manifest file(s), 2 changed');
      expect(commentsAt(s)).toEqual(['mesh/zz-static.yaml:14']);
      expect(r.code).toBe(1);
    },
  );
});

describe('4. forged markers', () => {
  it.concurrent(
    "a marker in someone else's comment suppresses nothing, resolves nothing, and gets no summary written into it",
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': STATIC } });
      // Learn the finding's fingerprint from a clean run elsewhere.
      const probe = await serve(repo);
      await runAction(repo, probe);
      const [fp] = fingerprintsIn(probe.state.reviewComments[0]!.body);
      expect(fp).toMatch(/^[0-9a-f]{16}$/);

      const s = await serve(repo);
      s.seedReviewComment({
        path: 'mesh/static.yaml',
        line: 14,
        user: MALLORY,
        body: `looks fine\n\n<!-- istio-review:fp=${fp} -->`,
      });
      const bogus = s.seedReviewComment({
        path: 'mesh/static.yaml',
        line: 13,
        user: MALLORY,
        body: 'nit\n\n<!-- istio-review:fp=00000000deadbeef -->',
      });
      const summary = s.seedIssueComment({
        user: MALLORY,
        body: 'All clear, merge it\n\n<!-- istio-review:summary -->',
      });
      const r = await runAction(repo, s);
      expect(r.code).toBe(1);
      // The bot comments its finding anyway, in a review of its own.
      expect(
        s.state.reviewComments.filter((c) => c.user.login === 'github-actions[bot]').map((c) => `${c.path}:${c.line}`),
      ).toEqual(['mesh/static.yaml:14']);
      // Mallory's thread is not "resolved as fixed", and her comment keeps its text.
      expect(s.threadOf(bogus.id)!.isResolved).toBe(false);
      expect(s.state.issueComments.find((c) => c.id === summary.id)!.body).toBe(
        'All clear, merge it\n\n<!-- istio-review:summary -->',
      );
      // The bot's own summary, and a check run (the run never went read-only).
      const mine = s.state.issueComments.filter((c) => c.user.login === 'github-actions[bot]');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.body).toContain('mesh/static.yaml:14');
      expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
    },
  );

  it.concurrent("a marker in a YAML comment is not copied into the bot's comment", async () => {
    const marked = STATIC.replace(
      '  resolution: STATIC',
      '  resolution: STATIC # <!-- istio-review:fp=0123456789abcdef --> <!-- istio-review:summary -->',
    );
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': marked } });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(r.code).toBe(1);
    const body = s.state.reviewComments[0]!.body;
    expect(body).toContain('```suggestion');
    expect(body).not.toContain('istio-review:fp=0123456789abcdef');
    expect(body).not.toContain('istio-review:summary');
    expect(fingerprintsIn(body)).toHaveLength(1);
  });
});

describe('8. failure paths', () => {
  it.concurrent(
    'when the summary cannot be updated after a clean review, check, outputs and exit status still agree',
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/more.yaml': CONFIG_MAP(1) } });
      const s = await serve(repo);
      s.seedIssueComment({
        body: '## istio-review\n\nold\n\n<!-- istio-review:summary --> <!-- istio-review:run=1-1 -->',
      });
      s.addFault({
        kind: 'status',
        route: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        status: 404,
        message: 'Not Found',
      });
      const r = await runAction(repo, s);
      expect(s.state.checkRuns[0]!.conclusion).toBe('success');
      expect(r.code).toBe(0);
      expect(r.outputs.conclusion).toBe('success');
      expect(s.state.checkRuns[0]!.output.summary).toContain(
        'summary comment on the pull request could not be written',
      );
      expect(r.summary).toContain('summary comment on the pull request could not be written');
    },
  );

  it.concurrent(
    'when the review POST keeps failing, the findings go to the summary and the check run still fails',
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': STATIC } });
      const s = await serve(repo, {
        faults: [
          {
            kind: 'status',
            route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
            status: 502,
            message: 'Bad Gateway',
            times: 5,
          },
        ],
      });
      const r = await runAction(repo, s);
      expect(s.state.reviews).toHaveLength(0);
      expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
      expect(s.state.issueComments[0]!.body).toContain('mesh/static.yaml:14');
      expect(s.state.issueComments[0]!.body).toContain('could not be posted');
      expect(r.code).toBe(1);
    },
  );

  it.concurrent(
    'abandons a hung API call after the timeout instead of waiting for it',
    async () => {
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': STATIC } });
      const s = await serve(repo, {
        faults: [{ kind: 'delay', route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files', delayMs: 60_000 }],
      });
      const t0 = Date.now();
      const r = await runAction(repo, s, { env: { ISTIO_REVIEW_REQUEST_TIMEOUT_MS: '500' } });
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(commentsAt(s)).toEqual(['mesh/static.yaml:14']);
      expect(r.code).toBe(1);
    },
    70_000,
  );

  it.concurrent(
    "keeps every comment under GitHub's body limit, so one huge value cannot send the review to the summary",
    async () => {
      const host = `h${'x'.repeat(70_000)}.example.com`;
      const vs = `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: huge\n  namespace: shop\nspec:\n  hosts:\n  - huge.example.com\n  http:\n  - route:\n    - destination:\n        host: ${host}\n`;
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': STATIC, 'mesh/huge.yaml': vs } });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      expect(s.state.reviews).toHaveLength(1);
      expect(commentsAt(s)).toContain('mesh/static.yaml:14');
      expect(commentsAt(s).some((c) => c.startsWith('mesh/huge.yaml:'))).toBe(true);
      for (const c of s.state.reviewComments) expect(c.body.length).toBeLessThan(65_536);
      expect(r.code).toBe(1);
    },
  );
});

describe('5. suppressions the pull request adds itself', () => {
  const double = fx('double.yaml');
  const head = (base: Tree): Tree => ({
    ...base,
    // An ignore annotation on a broken ServiceEntry, Istio's own suppression on another, a rule turned off in the
    // config file, and a Chart.yaml that turns a folder of broken manifests into "templates".
    'mesh/static.yaml': STATIC.replace(
      '  namespace: shop\n',
      '  namespace: shop\n  annotations:\n    istio-review.dev/ignore: "*: fine"\n',
    ),
    'mesh/wildcard.yaml': fx('wildcard.yaml').replace(
      /( {2}namespace: [a-z-]+\n)/,
      '$1  annotations:\n    galley.istio.io/analyze-suppress: "*"\n',
    ),
    'mesh/double.yaml': double,
    '.istio-review.yaml': 'rules:\n  dr-double-tls: "off"\n',
    'mesh/legacy/Chart.yaml': 'apiVersion: v2\nname: legacy\nversion: 0.1.0\n',
    'mesh/legacy/templates/db.yaml': STATIC.replace('legacy-db', 'legacy-db-2'),
  });

  it.concurrent('are listed in the summary, compared with the base', async () => {
    const repo = makeRepo({ base: BASE, head: head(BASE) });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    const summary = s.state.issueComments[0]!.body;
    expect(summary).toContain('changes what is checked');
    expect(summary).toContain('istio-review.dev/ignore: \\*: fine');
    expect(summary).toContain('galley.istio.io/analyze-suppress: \\*');
    expect(summary).toContain('sets rule dr-double-tls to off');
    expect(summary).toContain('mesh/legacy/Chart.yaml is new');
    expect(r.summary).toContain('changes what is checked');
    expect(r.code).toBe(0); // allowed by default: listed, not counted
  });

  it.concurrent('count as findings at the fail-on level with allow-new-suppressions: false', async () => {
    const repo = makeRepo({ base: BASE, head: head(BASE) });
    const s = await serve(repo);
    const r = await runAction(repo, s, { inputs: { 'allow-new-suppressions': 'false' } });
    expect(r.code).toBe(1);
    expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
    const where = s.state.reviewComments
      .filter((c) => c.body.includes('`new-suppression`'))
      .map((c) => `${c.path}:${c.line}`)
      .sort();
    expect(where).toEqual([
      '.istio-review.yaml:2',
      'mesh/legacy/Chart.yaml:1',
      'mesh/static.yaml:7',
      'mesh/wildcard.yaml:7',
    ]);
    expect(r.outputs.errors).toBe('4');
  });

  it.concurrent('a suppression already on the base branch is not new', async () => {
    const base = head(BASE);
    const repo = makeRepo({
      base,
      head: { ...base, 'README.md': '# mesh\n\nchanged\n', 'mesh/more.yaml': CONFIG_MAP(1) },
    });
    const s = await serve(repo);
    const r = await runAction(repo, s, { inputs: { 'allow-new-suppressions': 'false' } });
    expect(r.code).toBe(0);
    expect(s.state.reviewComments).toHaveLength(0);
    expect(r.summary).not.toContain('changes what is checked');
  });
});

describe('7. symbolic links in the checkout', () => {
  it.concurrent(
    'are read as their link text, never followed: not to /dev/zero, not to a file outside the repository',
    async () => {
      const outside = path.join(tmpDir('ir-outside-'), 'secret.yaml');
      fs.writeFileSync(outside, STATIC.replace('legacy-db', 'outside-secret'));
      const head: Tree = {
        ...BASE,
        'mesh/zero.yaml': '/dev/zero',
        'mesh/secret.yaml': outside,
        'mesh/static.yaml': STATIC,
        'mesh/old-link.yaml': outside,
      };
      const repo = makeRepo({
        base: { ...BASE, 'mesh/old-link.yaml': outside },
        head,
        symlinks: ['mesh/zero.yaml', 'mesh/secret.yaml', 'mesh/old-link.yaml'],
      });
      const s = await serve(repo);
      const t0 = Date.now();
      const r = await runAction(repo, s);
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(r.code).toBe(1); // the real problem in mesh/static.yaml
      expect(commentsAt(s)).toContain('mesh/static.yaml:14');
      const everything = [
        r.stdout,
        r.summary,
        ...s.state.reviewComments.map((c) => c.body),
        ...s.state.issueComments.map((c) => c.body),
      ].join('\n');
      expect(everything).not.toContain('outside-secret');
    },
    60_000,
  );
});

describe('9. text from manifests in comments', () => {
  it.concurrent(
    'loses bidirectional and zero-width characters, and bare URLs and GH-123 references do not link',
    async () => {
      const vs =
        'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: sneaky\n  namespace: shop\nspec:\n  hosts:\n' +
        '  - "https://evil.example/x GH-123 www.evil.example \u202egnp.exe\u200b\u2066"\n  http:\n  - route:\n    - destination:\n        host: reviews\n';
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/sneaky.yaml': vs } });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      expect(r.code).toBe(1);
      const bodies = [...s.state.reviewComments.map((c) => c.body), ...s.state.issueComments.map((c) => c.body)];
      expect(bodies.join('\n')).toContain('evil');
      for (const body of bodies) {
        expect(body).not.toMatch(/[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
        expect(body).not.toMatch(/https:\/\/evil/);
        expect(body).not.toMatch(/\bGH-123/);
        expect(body).not.toMatch(/\bwww\.evil/);
      }
    },
  );
});

describe('7. files the config file names', () => {
  it.concurrent.each([['/proc/self/environ'], ['/dev/zero'], ['../../outside.yaml']])(
    'meshConfigFile: %s is refused, and the run fails closed with a failing check run',
    async (target) => {
      const repo = makeRepo({
        base: BASE,
        head: { ...BASE, '.istio-review.yaml': `meshConfigFile: ${target}\n`, 'mesh/static.yaml': STATIC },
      });
      const s = await serve(repo);
      const t0 = Date.now();
      const r = await runAction(repo, s);
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(r.code).toBe(1);
      expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
      expect(s.state.checkRuns[0]!.output.summary).toContain('not a file inside the repository');
      expectNoSecret(r, s);
    },
    60_000,
  );
});
