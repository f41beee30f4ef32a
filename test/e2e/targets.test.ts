// The Action end to end on a kustomize repository: a pull request that edits one overlay's patch gets its comment
// on the patch line, and only the overlay holding the changed file is rendered (by the real kustomize).
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, makeRepo, ROOT, runAction, type Tree } from './harness.js';
import { ensureBuilt, useStandIns } from './common.js';
import { requireKustomize } from '../targets/helpers.js';

beforeAll(ensureBuilt, 120_000);
afterAll(() => cleanup());
const serve = useStandIns();

/** Fixture (a), plus a third overlay the pull request does not touch. */
function kustomizeRepo(): Tree {
  const dir = path.join(ROOT, 'test/fixtures/targets/kustomize');
  const tree: Tree = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else tree[p] = fs.readFileSync(path.join(dir, p), 'utf8');
    }
  };
  walk('');
  tree['overlays/staging/kustomization.yaml'] = 'namespace: shop-staging\nresources:\n  - ../../base\n';
  return tree;
}

describe('a pull request editing one overlay patch', () => {
  it.concurrent('comments on the patch line, with the fix there, and renders only that overlay', async () => {
    const tool = requireKustomize();
    const base = kustomizeRepo();
    const head = {
      ...base,
      'overlays/dev/timeout-patch.yaml': base['overlays/dev/timeout-patch.yaml']!.replace(
        'number: 9080',
        'number: 9081',
      ),
    };
    const repo = makeRepo({ base, head });
    const s = await serve(repo);
    const r = await runAction(repo, s);
    if (process.env.E2E_DEBUG) console.log(r.stdout, r.stderr);
    expect(r.code).toBe(1);
    const comments = s.state.reviewComments.map((c) => ({
      path: c.path,
      line: c.line,
      rule: /`([a-z0-9-]+)`\]/.exec(c.body)?.[1],
      body: c.body,
    }));
    // The planted base problem is pre-existing: only the port the PR broke is commented, in the patch file.
    expect(comments.map((c) => [c.rule, c.path])).toEqual([
      ['vs-destination-port-not-found', 'overlays/dev/timeout-patch.yaml'],
    ]);
    expect(comments[0]!.line).toBe(14); // `number: 9081`, the line the PR changed
    expect(comments[0]!.body).toContain('```suggestion\n              number: 9080\n```');
    expect(r.summary).toContain(
      `Re-checked 1 of 3 targets (the ones holding a changed file): overlays/dev; rendered with ${tool.label}`,
    );
  });
});
