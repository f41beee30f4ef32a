import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildViews, planReview, type ViewReaders } from '../../src/review/pipeline.js';
import { changedFile, type ChangeSet } from '../../src/review/diff.js';
import { pathFilter } from '../../src/review/files.js';
import { emptyConfig } from '../../src/config/config.js';
import { defaultMeshSettings } from '../../src/mesh/settings.js';
import { runReviewCommand } from '../../src/review/local.js';
import type { LoadOptions } from '../../src/settings-loader.js';

const loaded = { config: emptyConfig(), settings: defaultMeshSettings(), warnings: [] };
const filter = pathFilter(['**/*.yaml'], () => false);

function readersFor(
  workspace: Record<string, string>,
  head: Record<string, string>,
  base: Record<string, string>,
): ViewReaders {
  const buf = (t: string | undefined) => (t === undefined ? null : Buffer.from(t));
  return {
    workspaceFiles: Object.keys(workspace).filter(filter),
    root: null,
    readWorkspaceFile: (p) => buf(workspace[p]),
    readHead: async (ps) => new Map(ps.map((p) => [p, buf(head[p])])),
    readBase: async (fs_) => new Map(fs_.map((f) => [f.basePath!, buf(base[f.basePath!])])),
  };
}

const STATIC = (host: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: db
  namespace: shop
spec:
  hosts:
  - ${host}
  ports:
  - number: 5432
    name: tcp
    protocol: TCP
  resolution: STATIC
  addresses:
  - 10.0.0.1
`;

describe('views', () => {
  it('uses head contents for changed files, drops removed and renamed-away files from the head, restores them in the base', async () => {
    const changes: ChangeSet = {
      files: [
        changedFile('new.yaml', null, 'added', '@@ -0,0 +1 @@\n+a: 1'),
        changedFile('gone.yaml', 'gone.yaml', 'removed', '@@ -1 +0,0 @@\n-b: 1'),
        changedFile('moved.yaml', 'old.yaml', 'renamed', null),
        changedFile('notes.txt', 'notes.txt', 'modified', '@@ -1 +1 @@\n-x\n+y'),
      ],
      truncated: false,
    };
    // The workspace is a merge or base checkout: it still has gone.yaml and old.yaml, and a stale new.yaml.
    const ws = {
      'gone.yaml': 'b: 1\n',
      'old.yaml': 'c: 1\n',
      'keep.yaml': 'k: 1\n',
      'new.yaml': 'stale: 1\n',
      'notes.txt': 'y\n',
    };
    const v = await buildViews(
      changes,
      filter,
      readersFor(ws, { 'new.yaml': 'a: 1\n', 'moved.yaml': 'c: 1\n' }, { 'gone.yaml': 'b: 1\n', 'old.yaml': 'c: 1\n' }),
    );
    expect(v.head.files.map((f) => [f, String(v.head.read(f))])).toEqual([
      ['keep.yaml', 'k: 1\n'],
      ['moved.yaml', 'c: 1\n'],
      ['new.yaml', 'a: 1\n'],
    ]);
    expect(v.base.files).toEqual(['gone.yaml', 'keep.yaml', 'old.yaml']);
    expect([
      v.head.exists('gone.yaml'),
      v.head.exists('old.yaml'),
      v.base.exists('new.yaml'),
      v.base.exists('moved.yaml'),
    ]).toEqual([false, false, false, false]);
    expect(v.relevant.map((f) => f.path)).toEqual(['new.yaml', 'gone.yaml', 'moved.yaml']);
  });
});

describe('untrusted manifest text in comments', () => {
  it('cannot mention people or inject HTML through a value that reaches a message', async () => {
    const host = '"@security-team<img src=x>.example.com"';
    const changes: ChangeSet = {
      files: [
        changedFile(
          'se.yaml',
          null,
          'added',
          '@@ -0,0 +1,16 @@\n' +
            STATIC(host)
              .trimEnd()
              .split('\n')
              .map((l) => `+${l}`)
              .join('\n'),
        ),
      ],
      truncated: false,
    };
    const views = await buildViews(changes, filter, readersFor({}, { 'se.yaml': STATIC(host) }, {}));
    const plan = await planReview(views, changes, {
      loaded,
      threads: [],
      maxComments: 30,
      runId: 'r',
      link: (f, l) => `https://x/${f}#L${l}`,
      commentLevel: 'info',
    });
    const bodies = plan.placement.inline.map((c) => c.body);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.some((b) => b.includes('security-team'))).toBe(true);
    for (const b of bodies) {
      expect(b).not.toMatch(/@security-team/);
      expect(b).not.toContain('<img');
    }
  });
});

describe('istio-review review --base', () => {
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

  it('prints the comments with their suggestion blocks and the summary, and exits 1 on a new error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-local-'));
    try {
      git(dir, 'init', '-q', '-b', 'main');
      fs.writeFileSync(path.join(dir, 'README.md'), '# x\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'base');
      git(dir, 'checkout', '-q', '-b', 'feature');
      fs.mkdirSync(path.join(dir, 'mesh'));
      fs.writeFileSync(path.join(dir, 'mesh/db.yaml'), STATIC('db.legacy.internal'));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'db');
      let out = '';
      const code = await runReviewCommand({
        base: 'main',
        paths: [],
        loaded,
        failOn: 'error',
        format: 'text',
        commentLevel: 'warning',
        cwd: dir,
        write: (s) => {
          out += s;
        },
      });
      expect(code).toBe(1);
      expect(out).toContain('── mesh/db.yaml:13');
      expect(out).toContain('```suggestion\n  resolution: DNS\n```');
      expect(out).toContain('## istio-review');
      expect(out).not.toContain('<!-- istio-review:');
      let json = '';
      await runReviewCommand({
        base: 'main',
        paths: [],
        loaded,
        failOn: 'none',
        format: 'json',
        commentLevel: 'warning',
        cwd: dir,
        write: (s) => {
          json += s;
        },
      });
      const parsed = JSON.parse(json) as { comments: { path: string; line: number; suggestion: boolean }[] };
      expect(parsed.comments).toEqual([expect.objectContaining({ path: 'mesh/db.yaml', line: 13, suggestion: true })]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a branch that only changes the config file is reviewed for what the change affects', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-local-'));
    try {
      git(dir, 'init', '-q', '-b', 'main');
      fs.mkdirSync(path.join(dir, 'mesh'));
      fs.writeFileSync(path.join(dir, 'mesh/db.yaml'), STATIC('db.legacy.internal'));
      fs.writeFileSync(path.join(dir, '.istio-review.yaml'), 'rules:\n  se-static-without-endpoints: off\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'base');
      git(dir, 'checkout', '-q', '-b', 'feature');
      fs.writeFileSync(path.join(dir, '.istio-review.yaml'), 'rules: {}\n');
      git(dir, 'commit', '-q', '-am', 'turn the rule back on');
      const run = async (loadOptions?: LoadOptions) => {
        let out = '';
        const code = await runReviewCommand({
          base: 'main',
          paths: [],
          loaded,
          failOn: 'error',
          format: 'json',
          commentLevel: 'warning',
          cwd: dir,
          write: (s) => {
            out += s;
          },
          ...(loadOptions ? { loadOptions } : {}),
        });
        return {
          code,
          outside: (JSON.parse(out) as { outside: { reason: string; finding: { rule: string; file: string } }[] })
            .outside,
        };
      };
      const reviewed = await run({ configFile: '.istio-review.yaml' });
      expect(reviewed.code).toBe(1);
      expect(reviewed.outside.map((o) => `${o.finding.file} ${o.finding.rule} ${o.reason}`)).toEqual([
        'mesh/db.yaml se-static-without-endpoints not-in-pr',
      ]);
      // Without knowing which files the settings came from, base and head are judged alike: nothing is new.
      expect((await run()).code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reviews HEAD and says which files have uncommitted changes it leaves out', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-local-'));
    try {
      git(dir, 'init', '-q', '-b', 'main');
      fs.mkdirSync(path.join(dir, 'mesh'));
      fs.writeFileSync(
        path.join(dir, 'mesh/ok.yaml'),
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio-injection: enabled\n',
      );
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'base');
      git(dir, 'checkout', '-q', '-b', 'feature');
      fs.writeFileSync(path.join(dir, 'mesh/db.yaml'), STATIC('db.legacy.internal'));
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'db');
      // Not committed: the fix of db.yaml, a broken edit of an unchanged file, and a new file.
      fs.writeFileSync(
        path.join(dir, 'mesh/db.yaml'),
        STATIC('db.legacy.internal').replace('resolution: STATIC', 'resolution: DNS'),
      );
      fs.writeFileSync(path.join(dir, 'mesh/ok.yaml'), 'kind: [\n');
      fs.writeFileSync(path.join(dir, 'mesh/new.yaml'), 'kind: [\n');
      let out = '';
      let err = '';
      const code = await runReviewCommand({
        base: 'main',
        paths: [],
        loaded,
        failOn: 'error',
        format: 'json',
        commentLevel: 'warning',
        cwd: dir,
        write: (s) => {
          out += s;
        },
        warn: (s) => {
          err += s;
        },
      });
      expect(err).toContain(
        '3 files have uncommitted changes that this review does not include (it reviews HEAD): mesh/db.yaml, mesh/new.yaml, mesh/ok.yaml',
      );
      const parsed = JSON.parse(out) as {
        comments: { path: string; line: number }[];
        outside: { finding: { rule: string } }[];
      };
      expect(code).toBe(1); // the committed db.yaml still has the problem
      expect(parsed.comments.map((c) => `${c.path}:${c.line}`)).toEqual(['mesh/db.yaml:13']);
      expect(parsed.outside.map((o) => o.finding.rule)).not.toContain('yaml-syntax');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
