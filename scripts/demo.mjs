// `npm run demo`: runs the bundled Action (dist/index.js) exactly as the runner does — environment, event file,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY — against the GitHub API stand-in on loopback, for a sample pull request made
// on the fly from the examples/ folder, and prints the review and the summary that were posted. No network.
import { build } from 'esbuild';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist/index.js');
if (!fs.existsSync(dist)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });

// The stand-in is TypeScript (it lives with the tests): bundle it next to node_modules so its imports resolve.
const cacheDir = path.join(root, 'node_modules/.cache/istio-review-demo');
fs.mkdirSync(cacheDir, { recursive: true });
const standInJs = path.join(cacheDir, 'stand-in.mjs');
await build({
  entryPoints: [path.join(root, 'test/support/github-stand-in/index.ts')],
  outfile: standInJs,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { startStandIn, filesFromTrees } = await import(pathToFileURL(standInJs).href);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-demo-'));
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
};
const git = (...args) => execFileSync('git', args, { cwd: tmp, env: gitEnv, encoding: 'utf8' }).trim();

function readTree(dir, prefix = '') {
  const out = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readTree(path.join(dir, e.name), rel));
    else out[rel] = fs.readFileSync(path.join(dir, e.name), 'utf8');
  }
  return out;
}

try {
  // Base: the examples with every fixable problem fixed. Head: the examples as they are (the PR brings the problems).
  fs.cpSync(path.join(root, 'examples'), path.join(tmp, 'examples'), { recursive: true });
  spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'check', '--fix', 'examples'], {
    cwd: tmp,
    stdio: 'ignore',
  }); // exits 1: unfixable findings remain
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'mesh config');
  const baseSha = git('rev-parse', 'HEAD');
  const baseTree = readTree(path.join(tmp, 'examples'), 'examples');
  fs.rmSync(path.join(tmp, 'examples'), { recursive: true });
  fs.cpSync(path.join(root, 'examples'), path.join(tmp, 'examples'), { recursive: true });
  // The PR also touches a correct TLS origination, now relying on the proxy's system CAs (an info-level note):
  // under the default comment-level (warning) it gets no line comment, only a check-run annotation.
  const github = path.join(tmp, 'examples/apps/shop/egress-github.yaml');
  fs.writeFileSync(github, fs.readFileSync(github, 'utf8').replace(/\n *caCertificates: .*/, ''));
  git('checkout', '-q', '-b', 'add-egress');
  git('add', '-A');
  git('commit', '-q', '-m', 'egress for payments and storage');
  const headSha = git('rev-parse', 'HEAD');
  const headTree = readTree(path.join(tmp, 'examples'), 'examples');

  const s = await startStandIn({
    owner: 'acme',
    repo: 'mesh-config',
    pull: { number: 7, head: { sha: headSha, ref: 'add-egress' }, base: { sha: baseSha, ref: 'main' } },
    files: filesFromTrees(baseTree, headTree),
    contents: { [baseSha]: baseTree, [headSha]: headTree },
  });
  const run = path.join(tmp, '.run');
  fs.mkdirSync(run);
  const event = path.join(run, 'event.json');
  fs.writeFileSync(
    event,
    JSON.stringify({
      action: 'opened',
      number: 7,
      pull_request: {
        number: 7,
        head: { sha: headSha, ref: 'add-egress', repo: { full_name: 'acme/mesh-config' } },
        base: { sha: baseSha, ref: 'main', repo: { full_name: 'acme/mesh-config' } },
      },
    }),
  );
  for (const f of ['summary.md', 'output.txt']) fs.writeFileSync(path.join(run, f), '');
  const env = {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/mesh-config',
    GITHUB_API_URL: s.apiUrl,
    GITHUB_GRAPHQL_URL: s.graphqlUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKSPACE: tmp,
    GITHUB_STEP_SUMMARY: path.join(run, 'summary.md'),
    GITHUB_OUTPUT: path.join(run, 'output.txt'),
    GITHUB_SHA: headSha,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    'INPUT_GITHUB-TOKEN': 'demo-token',
    INPUT_PATHS: 'examples/**/*.yaml',
    INPUT_CONFIG: '.istio-review.yaml',
    'INPUT_FAIL-ON': 'error',
    'INPUT_MAX-COMMENTS': '30',
  };
  console.log(`▶ node dist/index.js  (pull_request #7, ${filesFromTrees(baseTree, headTree).length} changed files)\n`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [dist], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += String(d);
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const l of lines) process.stdout.write(`  │ ${l}\n`);
    });
    child.on('close', (c) => {
      if (buf) process.stdout.write(`  │ ${buf}\n`);
      resolve(c);
    });
  });
  const strip = (b) =>
    b
      .split('\n')
      .filter((l) => !l.startsWith('<!-- istio-review:'))
      .join('\n')
      .trim();
  console.log(
    `\n▶ exit code ${code}; ${s.calls.length} API calls: ${s.calls.map((c) => `${c.method} ${c.operationName ?? c.route ?? c.path}`).join(', ')}`,
  );
  for (const r of s.state.reviews) {
    console.log(`\n▶ review #${r.id} (${r.state}, commit ${r.commit_id.slice(0, 7)})`);
    for (const c of s.state.reviewComments.filter((x) => x.pull_request_review_id === r.id)) {
      console.log(
        `\n── ${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line} ${'─'.repeat(40)}\n${strip(c.body)}`,
      );
    }
  }
  for (const c of s.state.issueComments) console.log(`\n▶ summary comment #${c.id}\n\n${strip(c.body)}`);
  for (const cr of s.state.checkRuns) {
    console.log(`\n▶ check run "${cr.name}": ${cr.conclusion}, ${cr.annotations.length} annotation(s)`);
    for (const a of cr.annotations) console.log(`  ${a.annotation_level} ${a.path}:${a.start_line} ${a.title}`);
  }
  await s.close();
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
