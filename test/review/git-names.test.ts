// File names git quotes (a newline, a tab, a quote, non-ASCII) must come out of the review's git reader exactly as
// they are in the tree, and each file's contents must be its own — never the next file's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Git, unquoteGitPath } from '../../src/review/git.js';

const NAMES = [
  'mesh/we\nird.yaml',
  'mesh/tab\there.yaml',
  'mesh/"quoted".yaml',
  'mesh/back\\slash.yaml',
  'mesh/café ☕.yaml',
  'mesh/zz-last.yaml',
];
let dir: string;
let base: string;
let head: string;

function git(...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: os.tmpdir(),
    },
  }).trim();
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ir-git-names-'));
  git('init', '-q', '-b', 'main');
  fs.mkdirSync(path.join(dir, 'mesh'));
  fs.writeFileSync(path.join(dir, 'mesh/base.yaml'), 'a: 1\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  base = git('rev-parse', 'HEAD');
  NAMES.forEach((n, i) => fs.writeFileSync(path.join(dir, n), `name: file-${i}\n`));
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  head = git('rev-parse', 'HEAD');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('readAt gives each path its own contents, whatever its name', () => {
  const got = new Git(dir).readAt(head, [...NAMES, 'mesh/absent.yaml']);
  NAMES.forEach((n, i) => expect(got.get(n)?.toString()).toBe(`name: file-${i}\n`));
  expect(got.get('mesh/absent.yaml')).toBeNull();
});

test('diff names every changed file exactly as the tree does', () => {
  const paths = new Git(dir)
    .diff(base, head)
    .files.map((f) => f.path)
    .sort();
  expect(paths).toEqual([...NAMES].sort());
});

test.each([
  ['we\\nird.yaml', 'we\nird.yaml'],
  ['caf\\303\\251.yaml', 'café.yaml'],
  ['a\\"b', 'a"b'],
  ['plain.yaml', 'plain.yaml'],
])('unquoteGitPath(%j) = %j', (quoted, plain) => {
  expect(unquoteGitPath(quoted)).toBe(plain);
});
