// End-to-end harness: a real git repository in a temp dir, the GitHub API stand-in on loopback, and the
// bundled dist/index.js (built for this test run: see test/support/built.ts) run as a child process with the
// runner's environment.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startStandIn,
  filesFromTrees,
  type StandIn,
  type StandInOptions,
  type PrFile,
} from '../support/github-stand-in/index.js';
import { builtFile } from '../support/built.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The Action's bundle as built for this test run (call ensureBuilt first). */
export const DIST = builtFile('index.js');

export type Tree = Record<string, string>;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
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

function writeTree(dir: string, tree: Tree, symlinks: ReadonlySet<string>): void {
  for (const [p, text] of Object.entries(tree)) {
    const f = path.join(dir, p);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    if (symlinks.has(p))
      fs.symlinkSync(text, f); // the tree's text is the link's target, as git stores it
    else fs.writeFileSync(f, text);
  }
}

function commitTree(dir: string, tree: Tree, msg: string, symlinks: ReadonlySet<string> = new Set()): string {
  for (const p of git(dir, 'ls-files', '-z').split('\0').filter(Boolean)) fs.rmSync(path.join(dir, p));
  writeTree(dir, tree, symlinks);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', msg);
  return git(dir, 'rev-parse', 'HEAD');
}

export type Checkout =
  /** head.sha with full history (the README's workflow with fetch-depth: 0) */
  | 'head'
  /** head.sha, one commit deep (actions/checkout default depth) */
  | 'head-shallow'
  /** the merge commit of the base tip and the head, one commit deep (pull_request's default checkout) */
  | 'merge-shallow'
  /** the base branch (pull_request_target) */
  | 'base-shallow'
  /** the base branch with full history and the PR head fetched (pull_request_target with fetch-depth: 0) */
  | 'base';

export interface Repo {
  dir: string;
  baseSha: string;
  headSha: string;
  base: Tree;
  head: Tree;
  files: PrFile[];
}

export interface PrScenario {
  base: Tree;
  head: Tree;
  /** Commits on the base branch after the PR branched (the merge-commit case). */
  baseLater?: Tree;
  checkout?: Checkout;
  renames?: Record<string, string>;
  /** Paths (in base and head) committed as symbolic links; their text in the tree is the link target. */
  symlinks?: string[];
}

const tmpRoots: string[] = [];
export function tmpDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpRoots.push(d);
  return d;
}
export function cleanup(): void {
  for (const d of tmpRoots.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export function makeRepo(s: PrScenario): Repo {
  const origin = tmpDir('ir-origin-');
  git(origin, 'init', '-q', '-b', 'main');
  const links = new Set(s.symlinks ?? []);
  const mergeBase = commitTree(origin, s.base, 'base', links);
  git(origin, 'checkout', '-q', '-b', 'feature');
  const headSha = commitTree(origin, s.head, 'change', links);
  git(origin, 'checkout', '-q', 'main');
  const baseSha = s.baseLater ? commitTree(origin, s.baseLater, 'later on main', links) : mergeBase;
  const checkout = s.checkout ?? 'head';
  let dir: string;
  if (checkout === 'head' || checkout === 'base') {
    dir = tmpDir('ir-ws-');
    git(dir, 'clone', '-q', '--no-local', origin, '.');
    git(dir, 'fetch', '-q', 'origin', 'feature');
    git(dir, 'checkout', '-q', '--detach', checkout === 'head' ? headSha : baseSha);
  } else {
    const src = tmpDir('ir-src-');
    git(src, 'clone', '-q', origin, '.');
    if (checkout === 'merge-shallow') {
      git(src, 'checkout', '-q', 'main');
      git(src, 'merge', '-q', '--no-ff', '-m', 'merge', 'origin/feature');
    } else if (checkout === 'head-shallow') {
      git(src, 'checkout', '-q', '--detach', headSha);
    }
    dir = tmpDir('ir-ws-');
    git(dir, 'clone', '-q', '--depth', '1', `file://${src}`, '.');
    if (checkout !== 'base-shallow')
      git(dir, 'fetch', '-q', '--depth', '1', `file://${src}`, git(src, 'rev-parse', 'HEAD'));
    git(dir, 'checkout', '-q', '--detach', git(src, 'rev-parse', 'HEAD'));
  }
  const files = filesFromTrees(s.base, s.head, { renames: s.renames });
  return { dir, baseSha, headSha, base: s.base, head: s.head, files };
}

export async function standInFor(repo: Repo, opts: StandInOptions = {}): Promise<StandIn> {
  return startStandIn({
    owner: 'acme',
    repo: 'mesh',
    pull: {
      number: 7,
      head: { sha: repo.headSha, ref: 'feature' },
      base: { sha: repo.baseSha, ref: 'main' },
      ...(opts.pull ?? {}),
    },
    files: repo.files,
    contents: { [repo.headSha]: repo.head, [repo.baseSha]: repo.base, ...(opts.contents ?? {}) },
    ...opts,
  });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

export interface RunOptions {
  eventName?: string;
  event?: Record<string, unknown>;
  inputs?: Record<string, string>;
  token?: string;
  runId?: string;
  /** Extra environment variables for the Action's process. */
  env?: Record<string, string>;
}

export function prEvent(repo: Repo, number = 7, fork = false): Record<string, unknown> {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      changed_files: repo.files.length,
      head: { sha: repo.headSha, ref: 'feature', repo: { full_name: fork ? 'someone/mesh' : 'acme/mesh' } },
      base: { sha: repo.baseSha, ref: 'main', repo: { full_name: 'acme/mesh' } },
    },
    repository: { full_name: 'acme/mesh' },
  };
}

export async function runAction(repo: Repo, standIn: StandIn, o: RunOptions = {}): Promise<RunResult> {
  const work = tmpDir('ir-run-');
  const eventPath = path.join(work, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(o.event ?? prEvent(repo)));
  const summaryPath = path.join(work, 'summary.md');
  const outputPath = path.join(work, 'output.txt');
  fs.writeFileSync(summaryPath, '');
  fs.writeFileSync(outputPath, '');
  const inputs: Record<string, string> = {
    'github-token': o.token ?? 'ghs_e2eSecretToken123',
    config: '.istio-review.yaml',
    'fail-on': 'error',
    'max-comments': '30',
    ...o.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: os.tmpdir(),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: o.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/mesh',
    GITHUB_API_URL: standIn.apiUrl,
    GITHUB_GRAPHQL_URL: standIn.graphqlUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_SHA: repo.headSha,
    GITHUB_RUN_ID: o.runId ?? '1001',
    GITHUB_RUN_ATTEMPT: '1',
    // The stand-in asks for no pacing: writes go out back to back (still one at a time) and retries come after
    // 10 ms instead of seconds. A retry-after answer is still waited out; a test may set its own values in `env`.
    ISTIO_REVIEW_WRITE_SPACING_MS: '0',
    ISTIO_REVIEW_RETRY_DELAY_MS: '10',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  Object.assign(env, o.env ?? {});
  const child = spawn(process.execPath, [DIST], { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return {
    code,
    stdout,
    stderr,
    summary: fs.readFileSync(summaryPath, 'utf8'),
    outputs: parseOutputs(fs.readFileSync(outputPath, 'utf8')),
  };
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const val: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) val.push(lines[i]!);
    out[m[1]!] = val.join('\n');
  }
  return out;
}

/** The review comments the stand-in holds, by path:line. */
export function commentsAt(s: StandIn): string[] {
  return s.state.reviewComments.map(
    (c) => `${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line ?? c.original_line}`,
  );
}
