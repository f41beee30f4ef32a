// The review of a kustomize repository (istio-review review --base, the same pipeline as the Action): only targets
// holding a changed file are rendered; a problem an overlay change causes in an unchanged base object is new and
// commented on the overlay line.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { copyFixture, requireKustomize } from './helpers.js';
import { runReviewCommand } from '../../src/review/local.js';
import { emptyConfig } from '../../src/config/config.js';
import { defaultMeshSettings } from '../../src/mesh/settings.js';

const loaded = { config: emptyConfig(), settings: defaultMeshSettings(), warnings: [] };
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@x',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@x',
    },
  });

interface LocalReview {
  comments: { path: string; line: number; rule: string; body: string }[];
  outside: { reason: string; finding: { rule: string } }[];
  summary: string;
}

async function reviewOf(edit: (dir: string) => void): Promise<LocalReview> {
  const dir = copyFixture('kustomize');
  try {
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    edit(dir);
    git(dir, 'commit', '-q', '-am', 'change');
    let out = '';
    await runReviewCommand({
      base: 'main',
      paths: [],
      loaded,
      failOn: 'none',
      commentLevel: 'info',
      format: 'json',
      cwd: dir,
      write: (s) => {
        out += s;
      },
    });
    return JSON.parse(out) as LocalReview;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('an overlay patch that breaks an unchanged base object: the comment is on the overlay line that causes it', async () => {
  const tool = requireKustomize();
  const review = await reviewOf((dir) => {
    // prod moves the Service to port 9090; the base VirtualService (unchanged) still routes to 9080.
    fs.appendFileSync(
      path.join(dir, 'overlays/prod/kustomization.yaml'),
      [
        '  - target:',
        '      kind: Service',
        '      name: reviews',
        '    patch: |-',
        '      - op: replace',
        '        path: /spec/ports/0/port',
        '        value: 9090',
        '',
      ].join('\n'),
    );
  });
  expect(review.comments.map((c) => [c.rule, c.path, c.line])).toEqual([
    ['vs-destination-port-not-found', 'overlays/prod/kustomization.yaml', 16],
  ]);
  expect(review.comments[0]!.body).toContain('base/reviews-routing.yaml:');
  expect(review.summary).toContain(
    `Re-checked 1 of 2 targets (the ones holding a changed file): overlays/prod; rendered with ${tool.label}`,
  );
});

test('a change to the shared base re-checks every overlay; its finding is one comment naming both', async () => {
  const review = await reviewOf((dir) => {
    const f = path.join(dir, 'base/reviews-routing.yaml');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('        version: v1', '        version: v9'));
  });
  expect(review.summary).toContain('Re-checked 2 of 2 targets');
  expect(review.comments.map((c) => [c.rule, c.path, c.line])).toEqual([
    ['dr-subset-no-workload', 'base/reviews-routing.yaml', 12],
  ]);
  expect(review.comments[0]!.body).toContain('overlays/dev and overlays/prod');
});

test("a render target is re-rendered with the pull request's files: the new problem is commented on the template line", async () => {
  const dir = copyFixture('helm');
  try {
    // The base has the route to subset v1; the PR changes the chart (and its recorded output) to v2, which no DestinationRule defines.
    const files = ['charts/mesh/templates/routing.yaml', 'recorded/helm-template-prod.txt'].map((f) =>
      path.join(dir, f),
    );
    for (const f of files) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('subset: v2', 'subset: v1'));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'feature');
    for (const f of files) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('subset: v1', 'subset: v2'));
    git(dir, 'commit', '-q', '-am', 'route to v2');
    git(dir, 'checkout', '-q', 'main'); // the working tree is the base: the head's files come from git
    git(dir, 'checkout', '-q', 'feature');
    fs.writeFileSync(files[1]!, fs.readFileSync(files[1]!, 'utf8').replace('subset: v2', 'subset: v1')); // an uncommitted edit is not the PR
    let out = '';
    const { loadSettings } = await import('../../src/settings-loader.js');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await runReviewCommand({
        base: 'main',
        paths: [],
        loaded: loadSettings({ configFile: '.istio-review.yaml' }),
        failOn: 'none',
        commentLevel: 'info',
        format: 'json',
        cwd: dir,
        write: (s) => {
          out += s;
        },
      });
    } finally {
      process.chdir(cwd);
    }
    const review = JSON.parse(out) as LocalReview;
    expect(review.comments.map((c) => [c.rule, c.path, c.line])).toEqual([
      ['vs-subset-not-found', 'charts/mesh/templates/routing.yaml', 24],
    ]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
