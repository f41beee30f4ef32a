// The Action end to end: dist/index.js as a child process, real git repositories, the GitHub API stand-in.
// This file: what a single run posts. lifecycle.test.ts: runs over time, permissions, faults, size.
import fs from 'node:fs';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cleanup, commentsAt, makeRepo, runAction } from './harness.js';
import { applySuggestions } from '../support/github-stand-in/index.js';
import { builtFile } from '../support/built.js';
import { BASE, ensureBuilt, expectNoSecret, fx, GOOD_TLS, rulesIn, useStandIns } from './common.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

describe('a pull request adding broken ServiceEntries', () => {
  it.concurrent(
    'posts one review with suggestions on the exact lines, a summary, a failing check, in at most 8 calls',
    async () => {
      const repo = makeRepo({
        base: { ...BASE, 'mesh/billing-se.yaml': fx('billing-se.yaml') },
        head: {
          ...BASE,
          'mesh/billing-se.yaml': fx('billing-se.yaml'),
          'mesh/static.yaml': fx('static.yaml'),
          'mesh/tls443.yaml': fx('tls443.yaml'),
          'mesh/double.yaml': fx('double.yaml'),
          'mesh/billing-vs.yaml': fx('billing-vs.yaml'),
          'mesh/wildcard.yaml': fx('wildcard.yaml'),
        },
      });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      if (process.env.E2E_DEBUG)
        console.log(
          r.stdout,
          r.stderr,
          JSON.stringify(
            s.calls.map((c) => [c.method, c.path, c.status, c.operationName]),
            null,
            1,
          ),
        );
      expect(r.code).toBe(1);
      expect(s.state.reviews).toHaveLength(1);
      expect(s.state.reviews[0]!.commit_id).toBe(repo.headSha);
      const byRule = new Map(s.state.reviewComments.map((c) => [/`([a-z0-9-]+)`\]/.exec(c.body)?.[1], c]));
      // STATIC without endpoints: suggestion on `resolution: STATIC`.
      expect(byRule.get('se-static-without-endpoints')).toMatchObject({ path: 'mesh/static.yaml', line: 14 });
      expect(byRule.get('se-static-without-endpoints')!.body).toContain('```suggestion\n  resolution: DNS\n```');
      // 443 declared HTTP.
      expect(byRule.get('se-tls-port-declared-http')).toMatchObject({ path: 'mesh/tls443.yaml', line: 13 });
      expect(byRule.get('se-tls-port-declared-http')!.body).toContain('```suggestion\n    protocol: HTTPS\n```');
      // DNS resolution of a wildcard host.
      expect(byRule.get('se-dns-wildcard-host')).toMatchObject({ path: 'mesh/wildcard.yaml', line: 14 });
      expect(byRule.get('se-dns-wildcard-host')!.body).toContain('```suggestion\n  resolution: NONE\n```');
      // Double TLS: comment without a suggestion.
      expect(byRule.get('dr-double-tls')).toMatchObject({ path: 'mesh/double.yaml' });
      expect(byRule.get('dr-double-tls')!.body).not.toContain('```suggestion');
      // exportTo hides the host: the fix is in a file this PR does not touch, so no suggestion, but the fix is shown.
      const hidden = byRule.get('vs-destination-host-not-visible')!;
      expect(hidden).toMatchObject({ path: 'mesh/billing-vs.yaml' });
      expect(hidden.body).not.toContain('```suggestion');
      expect(hidden.body).toContain('mesh/billing-se.yaml#L10');

      expect(s.state.issueComments).toHaveLength(1);
      expect(s.state.issueComments[0]!.body).toContain('<!-- istio-review:summary -->');
      expect(r.summary).toContain('## istio-review');
      expect(s.state.checkRuns).toHaveLength(1);
      expect(s.state.checkRuns[0]!.conclusion).toBe('failure');
      expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(5);
      expect(s.calls.length).toBeLessThanOrEqual(8);
      expectNoSecret(r, s);
    },
  );
});

describe('what counts as new', () => {
  it.concurrent(
    'reports a break the PR causes in a file it did not touch, in the summary and as an annotation',
    async () => {
      const services = fx('services.yaml');
      const withoutService = services.replace(/---\napiVersion: v1\nkind: Service\n[\s\S]*?(?=---)/, '');
      expect(withoutService).not.toContain('kind: Service\nmetadata:\n  name: cart');
      const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/services.yaml': withoutService } });
      const s = await serve(repo);
      const r = await runAction(repo, s);
      expect(s.state.reviews).toHaveLength(0);
      const summary = s.state.issueComments[0]!.body;
      expect(summary).toContain('mesh/cart-vs.yaml:13');
      expect(summary).toContain('vs-destination-host-not-found');
      expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toContain(
        'mesh/cart-vs.yaml:13',
      );
      expect(r.outputs.warnings).toBe('1');
      expect(r.code).toBe(0); // a warning does not reach fail-on: error
    },
  );

  it.concurrent('leaves a pre-existing problem alone but comments one on a line the PR edits', async () => {
    const base = { ...BASE, 'mesh/tls443.yaml': fx('tls443.yaml'), 'mesh/static.yaml': fx('static.yaml') };
    const head = {
      ...BASE,
      'mesh/tls443.yaml': fx('tls443.yaml').replace(
        '  namespace: shop\n',
        '  namespace: shop\n  labels:\n    team: payments\n',
      ),
      'mesh/static.yaml': fx('static.yaml').replace('resolution: STATIC', 'resolution: STATIC # reviewed'),
    };
    const repo = makeRepo({ base, head });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(rulesIn(s)).toEqual(['se-static-without-endpoints']);
    expect(s.state.reviewComments[0]!.body).toContain('already on the base branch');
    expect(s.state.issueComments[0]!.body).toMatch(/Pre-existing problems left alone[^\n]*1 error/);
    expect(r.outputs.errors).toBe('0');
    expect(r.code).toBe(0);
  });
});

describe('file contents and checkouts', () => {
  it.concurrent('anchors to the head lines when the workspace is the merge commit', async () => {
    const base = { ...BASE, 'mesh/tls443.yaml': GOOD_TLS };
    const repo = makeRepo({
      base,
      head: { ...BASE, 'mesh/tls443.yaml': fx('tls443.yaml') },
      baseLater: {
        ...base,
        'mesh/tls443.yaml': '# Owned by the payments team.\n# Reviewed quarterly.\n# See runbook.\n' + GOOD_TLS,
      },
      checkout: 'merge-shallow',
    });
    const merged = fs.readFileSync(path.join(repo.dir, 'mesh/tls443.yaml'), 'utf8');
    expect(merged.split('\n').indexOf('    protocol: HTTP') + 1).toBe(16); // the merge commit's line
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(commentsAt(s)).toEqual(['mesh/tls443.yaml:13']);
    expect(s.state.reviewComments[0]!.body).toContain('```suggestion\n    protocol: HTTPS\n```');
    expect(r.code).toBe(1);
  });

  it.concurrent('reviews CRLF files with suggestions on the right lines', async () => {
    const crlf = fx('static.yaml').replace(/\n/g, '\r\n');
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': crlf }, checkout: 'head-shallow' });
    const s = await serve(repo);
    await runAction(repo, s);
    expect(commentsAt(s)).toEqual(['mesh/static.yaml:14']);
    expect(s.state.reviewComments[0]!.body).toContain('```suggestion\n  resolution: DNS\n```');
  });

  it.concurrent('reports a broken YAML file and still reviews the others', async () => {
    const repo = makeRepo({
      base: BASE,
      head: {
        ...BASE,
        'mesh/broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [oops\n',
        'mesh/static.yaml': fx('static.yaml'),
      },
    });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(rulesIn(s).sort()).toEqual(['se-static-without-endpoints', 'yaml-syntax']);
    expect(commentsAt(s)).toContain('mesh/static.yaml:14');
    expect(r.code).toBe(1);
  });

  it.concurrent('finishes fast with success when no manifest changed', async () => {
    const repo = makeRepo({
      base: { ...BASE, 'mesh/static.yaml': fx('static.yaml') },
      head: { ...BASE, 'mesh/static.yaml': fx('static.yaml'), 'README.md': '# mesh\n\nNew docs.\n' },
    });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to review');
    expect(r.stdout).not.toContain('Reviewed');
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.issueComments).toHaveLength(0);
    expect(s.state.checkRuns[0]!.conclusion).toBe('success');
    expect(s.calls.length).toBeLessThanOrEqual(3);
  });
});

describe('push', () => {
  it.concurrent('checks the pushed change against the whole tree with annotations only', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    const r = await runAction(repo, s, {
      eventName: 'push',
      event: { before: repo.baseSha, after: repo.headSha, ref: 'refs/heads/feature' },
      inputs: { 'sarif-file': 'out/istio-review.sarif' },
    });
    expect(r.outputs['sarif-file']).toBe('out/istio-review.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(repo.dir, 'out/istio-review.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(['se-static-without-endpoints']);
    expect(r.code).toBe(1);
    expect(s.state.reviews).toHaveLength(0);
    expect(s.state.issueComments).toHaveLength(0);
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(['mesh/static.yaml:14']);
    expect(r.summary).toContain('se-static-without-endpoints');
  });
});

describe('max-comments', () => {
  it.concurrent('keeps the most severe inline and lists the rest in the summary', async () => {
    const repo = makeRepo({
      base: BASE,
      head: { ...BASE, 'mesh/double.yaml': fx('double.yaml'), 'mesh/static.yaml': fx('static.yaml') },
    });
    const s = await serve(repo);
    const r = await runAction(repo, s, { inputs: { 'max-comments': '2', 'comment-level': 'info' } });
    expect(s.state.reviewComments).toHaveLength(2);
    expect(rulesIn(s)).not.toContain('dr-ca-certificates-missing'); // the info finding is the one left out
    expect(s.state.issueComments[0]!.body).toMatch(/dr-ca-certificates-missing[^\n]*over the comment limit/);
    expect(s.state.reviews[0]!.body).toContain('1 more is listed in the summary');
    expect(r.code).toBe(1);
  });
});

describe('merge_group', () => {
  it.concurrent('checks the group between its base and head', async () => {
    const repo = makeRepo({
      base: { ...BASE, 'mesh/static.yaml': fx('static.yaml') },
      head: { ...BASE, 'mesh/static.yaml': fx('static.yaml'), 'mesh/tls443.yaml': fx('tls443.yaml') },
    });
    const s = await serve(repo);
    const r = await runAction(repo, s, {
      eventName: 'merge_group',
      event: {
        merge_group: { base_sha: repo.baseSha, head_sha: repo.headSha, head_ref: 'gh-readonly-queue/main/pr-7' },
      },
    });
    expect(r.code).toBe(1);
    // Only the new problem: the STATIC entry was already on the base.
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(['mesh/tls443.yaml:13']);
    expect(r.summary).toMatch(/Pre-existing problems left alone[^\n]*1 error/);
  });
});

describe('refused comments and GHES', () => {
  it.concurrent('moves the comments to the summary when GitHub still answers 422, and posts no review', async () => {
    const repo = makeRepo({ base: BASE, head: { ...BASE, 'mesh/static.yaml': fx('static.yaml') } });
    const s = await serve(repo);
    s.addFault({
      kind: 'status',
      route: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      status: 422,
      message: 'Unprocessable Entity',
    });
    const r = await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(0);
    const summary = s.state.issueComments[0]!.body;
    expect(summary).toContain('mesh/static.yaml:14');
    expect(summary).toContain('rejected by GitHub');
    expect(s.state.checkRuns[0]!.annotations.map((a) => `${a.path}:${a.start_line}`)).toEqual(['mesh/static.yaml:14']);
    expect(r.code).toBe(1);
  });

  it.concurrent('works against a GitHub Enterprise Server URL layout, and its suggestions apply cleanly', async () => {
    const repo = makeRepo({
      base: BASE,
      head: { ...BASE, 'mesh/static.yaml': fx('static.yaml'), 'mesh/tls443.yaml': fx('tls443.yaml') },
    });
    const s = await serve(repo, { prefix: '/api/v3' });
    expect(s.apiUrl).toMatch(/\/api\/v3$/);
    await runAction(repo, s);
    expect(s.state.reviews).toHaveLength(1);
    const applied = applySuggestions(s.state);
    expect(applied['mesh/static.yaml']).toContain('  resolution: DNS\n');
    expect(applied['mesh/tls443.yaml']).toContain('    protocol: HTTPS\n');
    // The committed suggestions fix what they were for.
    const after = { ...repo.head, ...applied };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-applied-'));
    try {
      for (const [p, t] of Object.entries(after)) {
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.writeFileSync(path.join(dir, p), t);
      }
      const res = spawnSync(process.execPath, [builtFile('cli.js'), 'check', '--format', 'json', 'mesh'], {
        cwd: dir,
        encoding: 'utf8',
      });
      const rules = (JSON.parse(res.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
      expect(rules).not.toContain('se-static-without-endpoints');
      expect(rules).not.toContain('se-tls-port-declared-http');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
