#!/usr/bin/env node
// Before/after comparison of everything a user sees: runs a built CLI over examples/ and the test fixtures and
// writes its outputs (findings JSON, SARIF, text, what --fix writes, and the local review of a pull request) to a
// directory, so a refactor that must not change behaviour can be checked byte for byte.
//
// Usage (from the repository root, after `npm ci`):
//   node scripts/compare-output.mjs collect OUT [--dist DIR | --ref GITREF]
//       Writes the outputs into OUT (created; must not exist or be empty). The CLI is DIR/cli.js (default dist/),
//       or, with --ref, the dist that REF's own scripts/build.mjs builds from REF's src/ (exported with
//       `git archive` into a temp dir that borrows this checkout's node_modules).
//   node scripts/compare-output.mjs diff BEFORE AFTER
//       Lists the files that differ, with the first differing line; exit status 1 when anything differs.
//   node scripts/compare-output.mjs compare GITREF
//       Both at once: `collect --ref GITREF` against a fresh build of the working tree (into temp dirs), then diff.
//
// Typical check after merging a refactor:  node scripts/compare-output.mjs compare main~1   (or the pre-merge hash)
//
// The inputs always come from THIS checkout (examples/, test/e2e/fixtures/ and the yaml`…` fixtures written
// inline in test/**/*.test.ts), so both sides see the same files and only the CLI differs. Inline fixtures are
// grouped per test file (one directory each: they are analysed together, which is deterministic). Fixtures that
// interpolate `${…}` are skipped. Each run is recorded as NAME.out (stdout) and NAME.status (exit status and
// stderr, with Node's process ids masked); the review scenarios use git repositories with fixed dates so commit
// hashes are stable.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS = ['json', 'sarif', 'text'];

function die(msg) {
  process.stderr.write(`compare-output: ${msg}\n`);
  process.exit(2);
}

// ---- inputs -------------------------------------------------------------------------------------------------

function walk(dir, keep) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

/** The same dedent as test/helpers/harness.ts's `yaml` tag. */
function dedent(raw) {
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '\n')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)[0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** yaml`…` literals without interpolation, per test file (relative path → list of texts). */
function inlineFixtures() {
  const groups = new Map();
  for (const file of walk(path.join(ROOT, 'test'), (p) => p.endsWith('.test.ts'))) {
    const src = fs.readFileSync(file, 'utf8');
    const texts = [];
    for (const m of src.matchAll(/\byaml`((?:[^`\\]|\\.)*)`/g)) {
      if (m[1].includes('${') || m[1].includes('\\')) continue;
      if (m[1].trim() === '') continue;
      texts.push(dedent(m[1]));
    }
    if (texts.length > 0) groups.set(path.relative(ROOT, file).replace(/\.test\.ts$/, ''), texts);
  }
  return groups;
}

/** Writes the check inputs under `dir`; returns [name, relative dir] pairs, one CLI run each. */
function writeCheckInputs(dir) {
  const runs = [];
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  runs.push(['examples', 'examples']);
  fs.cpSync(path.join(ROOT, 'test/e2e/fixtures'), path.join(dir, 'e2e-fixtures'), { recursive: true });
  runs.push(['e2e-fixtures', 'e2e-fixtures']);
  for (const [group, texts] of inlineFixtures()) {
    const rel = path.join('inline', group);
    fs.mkdirSync(path.join(dir, rel), { recursive: true });
    texts.forEach((t, i) => fs.writeFileSync(path.join(dir, rel, `${String(i + 1).padStart(3, '0')}.yaml`), t));
    runs.push([rel, rel]);
  }
  return runs;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'compare',
  GIT_AUTHOR_EMAIL: 'compare@example.com',
  GIT_COMMITTER_NAME: 'compare',
  GIT_COMMITTER_EMAIL: 'compare@example.com',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });

/** A repository whose `main` holds `base` and whose checked-out branch adds `head` (path → source file). */
function reviewRepo(dir, base, head) {
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  const put = (files) => {
    for (const [rel, src] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.copyFileSync(src, path.join(dir, rel));
    }
  };
  fs.writeFileSync(path.join(dir, 'README.md'), '# mesh\n');
  put(base);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'checkout', '-q', '-b', 'change');
  put(head);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'change');
}

/** Pull-request scenarios for `istio-review review --base main`: returns their directory names under `dir`. */
function writeReviewInputs(dir) {
  const fx = (name) => path.join(ROOT, 'test/e2e/fixtures', name);
  const fixtures = fs.readdirSync(path.join(ROOT, 'test/e2e/fixtures')).sort();
  const early = ['services.yaml', 'cart-vs.yaml'];
  reviewRepo(
    path.join(dir, 'review-e2e-fixtures'),
    Object.fromEntries(early.map((f) => [`mesh/${f}`, fx(f)])),
    Object.fromEntries(fixtures.filter((f) => !early.includes(f)).map((f) => [`mesh/${f}`, fx(f)])),
  );
  const ex = walk(path.join(ROOT, 'examples'), () => true).map((p) => [path.relative(ROOT, p), p]);
  reviewRepo(
    path.join(dir, 'review-examples'),
    Object.fromEntries(ex.filter(([rel]) => rel.startsWith('examples/platform/'))),
    Object.fromEntries(ex.filter(([rel]) => !rel.startsWith('examples/platform/'))),
  );
  return ['review-e2e-fixtures', 'review-examples'];
}

// ---- running ------------------------------------------------------------------------------------------------

function run(cli, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    // Node's own warnings name the process id, which differs on every run.
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err)
          .toString()
          .replace(/^\(node:\d+\)/gm, '(node:PID)'),
      }),
    );
  });
}

async function pool(jobs, width) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) await jobs[next++]();
    }),
  );
}

function record(out, name, r) {
  fs.mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
  fs.writeFileSync(path.join(out, `${name}.out`), r.stdout);
  fs.writeFileSync(
    path.join(out, `${name}.status`),
    `exit ${r.code}${r.signal ? ` signal ${r.signal}` : ''}\n${r.stderr}`,
  );
}

/** Builds REF's dist into a temp dir with REF's own build script; returns that dist directory. */
function buildRef(ref) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-ref-'));
  execFileSync('sh', ['-c', `git -C "$1" archive "$2" | tar -x -C "$3"`, 'sh', ROOT, ref, dir], { stdio: 'inherit' });
  fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true }); // in case the ref holds one
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
  return path.join(dir, 'dist');
}

async function collect(out, dist) {
  const cli = path.resolve(dist, 'cli.js');
  if (!fs.existsSync(cli)) die(`${cli} is missing: run \`npm run build\` or pass --dist/--ref`);
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) die(`${out} is not empty`);
  fs.mkdirSync(out, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-inputs-'));
  try {
    const jobs = [];
    for (const [name, rel] of writeCheckInputs(work)) {
      for (const format of FORMATS) {
        jobs.push(async () =>
          record(
            out,
            `check/${name}.${format}`,
            await run(cli, ['check', '--format', format, '--fail-on', 'none', rel], work),
          ),
        );
      }
      // --fix rewrites files in place: run it on a copy and keep the files it wrote beside its report.
      jobs.push(async () => {
        const copy = path.join(work, 'fix', rel);
        fs.cpSync(path.join(work, rel), copy, { recursive: true });
        record(
          out,
          `fix/${name}.report`,
          await run(cli, ['check', '--fix', '--fail-on', 'none', rel], path.join(work, 'fix')),
        );
        for (const f of walk(copy, () => true)) {
          const dest = path.join(out, 'fix', `${name}.files`, path.relative(copy, f));
          fs.mkdirSync(path.dirname(dest), { recursive: true });
          fs.copyFileSync(f, dest);
        }
      });
    }
    for (const repo of writeReviewInputs(work)) {
      for (const format of FORMATS) {
        jobs.push(async () =>
          record(
            out,
            `review/${repo}.${format}`,
            await run(
              cli,
              ['review', '--base', 'main', '--format', format, '--fail-on', 'none'],
              path.join(work, repo),
            ),
          ),
        );
      }
    }
    jobs.push(async () => record(out, 'rules', await run(cli, ['rules'], work)));
    await pool(jobs, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
    process.stdout.write(`compare-output: ${jobs.length} runs of ${cli} recorded in ${out}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function diff(before, after) {
  const list = (dir) => new Set(walk(dir, () => true).map((p) => path.relative(dir, p)));
  const a = list(before);
  const b = list(after);
  let differences = 0;
  for (const f of [...new Set([...a, ...b])].sort()) {
    if (!a.has(f) || !b.has(f)) {
      process.stdout.write(`only in ${a.has(f) ? 'before' : 'after'}: ${f}\n`);
      differences++;
      continue;
    }
    const x = fs.readFileSync(path.join(before, f));
    const y = fs.readFileSync(path.join(after, f));
    if (x.equals(y)) continue;
    differences++;
    const xl = x.toString().split('\n');
    const yl = y.toString().split('\n');
    let i = 0;
    while (i < xl.length && xl[i] === yl[i]) i++;
    process.stdout.write(
      `differs: ${f} (line ${i + 1})\n  before: ${(xl[i] ?? '<end>').slice(0, 200)}\n  after:  ${(yl[i] ?? '<end>').slice(0, 200)}\n`,
    );
  }
  process.stdout.write(differences === 0 ? `identical: ${a.size} files\n` : `${differences} file(s) differ\n`);
  return differences === 0 ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
const flag = (name) => {
  const i = rest.indexOf(name);
  if (i < 0) return undefined;
  const v = rest[i + 1];
  if (!v) die(`${name} needs a value`);
  rest.splice(i, 2);
  return v;
};

if (command === 'collect') {
  const ref = flag('--ref');
  const dist = flag('--dist');
  if (rest.length !== 1 || (ref && dist)) die('usage: collect OUT [--dist DIR | --ref GITREF]');
  await collect(path.resolve(rest[0]), ref ? buildRef(ref) : (dist ?? path.join(ROOT, 'dist')));
} else if (command === 'diff') {
  if (rest.length !== 2) die('usage: diff BEFORE AFTER');
  process.exitCode = diff(path.resolve(rest[0]), path.resolve(rest[1]));
} else if (command === 'compare') {
  if (rest.length !== 1) die('usage: compare GITREF');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-'));
  // The working tree's build goes to a temp dir too (dist/ stays as committed).
  const here = path.join(tmp, 'tree');
  fs.cpSync(path.join(ROOT, 'src'), path.join(here, 'src'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'scripts'), path.join(here, 'scripts'), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, f), path.join(here, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(here, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: here, stdio: 'inherit' });
  const refDist = buildRef(rest[0]);
  await collect(path.join(tmp, 'before'), refDist);
  await collect(path.join(tmp, 'after'), path.join(here, 'dist'));
  fs.rmSync(path.dirname(refDist), { recursive: true, force: true });
  fs.rmSync(here, { recursive: true, force: true });
  process.stdout.write(`outputs kept in ${tmp}/before and ${tmp}/after\n`);
  process.exitCode = diff(path.join(tmp, 'before'), path.join(tmp, 'after'));
} else {
  die('usage: collect OUT [--dist DIR | --ref GITREF] | diff BEFORE AFTER | compare GITREF');
}
