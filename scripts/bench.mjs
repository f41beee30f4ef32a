#!/usr/bin/env node
// Benchmark: `istio-review check` (the BUILT CLI, dist/cli.js — run `npm run build` first) on synthetic
// repositories of 1,000, 10,000 and 50,000 resources, against cold processes that only load the same files with
// the `yaml` library (parseAllDocuments with positions, as the check used to) and with js-yaml; and
// `istio-review review` of a one-file pull request in the same repository (a git repository made for it).
//
//   node scripts/bench.mjs [--sizes 1000,10000,50000] [--repeat N] [--keep] [--cpu-prof DIR] [--skip-hostile]
//                          [--only-hostile] [--no-kustomize] [--cli PATH]
//
// Every measurement is its own cold process, the four kinds run in turn, `--repeat` times (default 3): the
// machine may be shared, so the table gives the minimum and the median wall time, and CPU time (all threads),
// which load on the machine disturbs less. Peak memory is the child's process.resourceUsage().maxRSS.
// Targets (issue 13): at 10,000, check ≤ 3× the js-yaml process, peak RSS < 200 MB; 50,000 ≤ 5.5× the 10,000
// time (linear); the one-file review ≤ 1.5× the check.
//
// Then the worst-case input shapes of scripts/bench/hostile.mjs (a 40,000-key mapping; 300 files of 1 MB), and a
// kustomize repository (20 overlays over a 500-resource base): the time to check all of it (every overlay
// rendered by the real kustomize) and how many targets the review of a one-file pull request renders.
// Then the worst-case input shapes of scripts/bench/hostile.mjs (a host repeated 2,000 times, …), each with its bound.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepository } from './bench/generate.mjs';
import { runHostile } from './bench/hostile.mjs';
import { benchKustomize } from './bench/kustomize-repo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliOpt = process.argv.indexOf('--cli'); // another build to measure (e.g. an earlier dist/cli.js)
const cli = cliOpt === -1 ? path.join(root, 'dist', 'cli.js') : path.resolve(process.argv[cliOpt + 1]);
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = (opt('--sizes') ?? '1000,10000,50000').split(',').map(Number);
const keep = args.includes('--keep');
const cpuProf = opt('--cpu-prof');
const repeats = Number(opt('--repeat') ?? 3);
const onlyHostile = args.includes('--only-hostile');

if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-bench-'));
const rows = [];
try {
  for (const size of onlyHostile ? [] : sizes) {
    const dir = path.join(tmp, `repo-${size}`);
    const gen = generateRepository(dir, size);
    const pr = makePullRequest(dir);
    const runs = { check: [], yamlParse: [], jsYaml: [], review: [] };
    for (let i = 0; i < repeats; i++) {
      runs.check.push(runCheck(dir, size));
      runs.yamlParse.push(runParser('yaml', dir));
      runs.jsYaml.push(runParser('js-yaml', dir));
      runs.review.push(runReview(dir, pr));
    }
    const row = {
      size,
      ...gen,
      check: stats(runs.check),
      yamlParse: stats(runs.yamlParse),
      jsYaml: stats(runs.jsYaml),
      review: stats(runs.review),
      findings: runs.check[0].findings,
      byRule: runs.check[0].byRule,
    };
    rows.push(row);
    process.stderr.write(
      `measured ${size}: check ${fmtS(row.check.med)}, yaml ${fmtS(row.yamlParse.med)}, js-yaml ${fmtS(row.jsYaml.med)}, review ${fmtS(row.review.med)} (medians)\n`,
    );
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  else process.stderr.write(`kept ${tmp}\n`);
}

if (rows.length > 0) printTable(rows);
if (!args.includes('--skip-hostile')) runHostile(root, cli, (dir) => runCheck(dir, 'hostile'));

if (!args.includes('--no-kustomize') && !onlyHostile) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-bench-kustomize-'));
  try {
    const k = benchKustomize(dir, cli);
    console.log('');
    console.log(
      `kustomize: ${k.overlays} overlays over a ${k.resources}-resource base, rendered with ${k.kustomize ?? 'NO KUSTOMIZE (raw files)'}`,
    );
    console.log(`  check of the whole repository: ${fmtS(k.checkMs)} (${k.targets} targets, ${k.findings} findings)`);
    console.log(
      `  review of a PR editing one overlay's patch: ${fmtS(k.reviewMs)}, rendered ${k.reviewRendered} of ${k.reviewOf} targets`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function runCheck(dir, size) {
  const nodeArgs = [];
  if (cpuProf)
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`, `--cpu-prof-name=check-${size}.cpuprofile`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      path.join(root, 'scripts/bench/run-cli.mjs'),
      cli,
      'check',
      '--format',
      'json',
      '--fail-on',
      'none',
      dir,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      cwd: os.tmpdir(),
    },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`check exited ${r.status}:\n${(r.stderr ?? '').slice(0, 4000)}`);
    process.exit(2);
  }
  const rss = /bench-max-rss-kib=(\d+)/.exec(r.stderr ?? '');
  const cpu = /bench-cpu-ms=(\d+)/.exec(r.stderr ?? '');
  const mainCpu = /bench-main-cpu-ms=(-?[\d.]+)/.exec(r.stderr ?? '');
  const report = JSON.parse(r.stdout);
  const byRule = {};
  for (const f of report.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    ms,
    cpuMs: cpu ? Number(cpu[1]) : NaN,
    mainCpuMs: mainCpu && Number(mainCpu[1]) >= 0 ? Number(mainCpu[1]) : NaN,
    rssMb: rss ? Number(rss[1]) / 1024 : NaN,
    findings: report.findings.length,
    byRule,
  };
}

/** A cold process that only loads every file with one library; its wall time is the whole process's. */
function runParser(which, dir) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench/parse-runner.mjs'), which, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(2);
  }
  const out = JSON.parse(r.stdout);
  return { ms, cpuMs: out.processCpuMs, parseMs: out.ms };
}

/** Turns the generated tree into a git repository with a branch that changes one file (a VirtualService's
 *  route weight), as a one-file pull request. */
function makePullRequest(dir) {
  const git = (...a) => {
    const r = spawnSync(
      'git',
      ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...a],
      { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    if (r.status !== 0) {
      console.error(`git ${a.join(' ')}: ${r.stderr}`);
      process.exit(2);
    }
    return r.stdout;
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'pr');
  const file = path.join(dir, 'apps/team-0000/svc-0/traffic.yaml');
  fs.writeFileSync(
    file,
    fs
      .readFileSync(file, 'utf8')
      .replace(/weight: 90/, 'weight: 80')
      .replace(/weight: 10/, 'weight: 20'),
  );
  git('commit', '-q', '-am', 'shift traffic');
  return { base: 'main' };
}

function runReview(dir, pr) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/bench/run-cli.mjs'),
      cli,
      'review',
      '--base',
      pr.base,
      '--format',
      'json',
      '--fail-on',
      'none',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      cwd: dir,
    },
  );
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`review exited ${r.status}:\n${(r.stderr ?? '').slice(0, 4000)}`);
    process.exit(2);
  }
  const rss = /bench-max-rss-kib=(\d+)/.exec(r.stderr ?? '');
  const cpu = /bench-cpu-ms=(\d+)/.exec(r.stderr ?? '');
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

/** Minimum and median of each measurement over the runs. */
function stats(list) {
  const pick = (k) => {
    const v = list
      .map((x) => x[k])
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    return {
      min: v[0] ?? NaN,
      med: v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : NaN,
    };
  };
  const ms = pick('ms');
  const cpu = pick('cpuMs');
  const rss = pick('rssMb');
  const mainCpu = pick('mainCpuMs');
  return {
    min: ms.min,
    med: ms.med,
    cpuMin: cpu.min,
    cpuMed: cpu.med,
    rssMax: list.some((x) => Number.isFinite(x.rssMb))
      ? Math.max(...list.map((x) => x.rssMb).filter(Number.isFinite))
      : NaN,
    rssMed: rss.med,
    mainCpuMed: mainCpu.med,
  };
}

function fmtS(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function printTable(rows) {
  const x = (a, b) => `${(a / b).toFixed(2)}x`;
  const head = [
    'resources',
    'files',
    'check wall min/med',
    'check CPU med (main)',
    'peak RSS',
    'yaml-only wall min/med (CPU)',
    'js-yaml-only wall min/med (CPU)',
    'check/js-yaml wall (CPU)',
    'check/yaml wall',
    'review 1-file PR wall min/med (CPU)',
    'review/check',
    'findings',
  ];
  const body = rows.map((r) => [
    String(r.resources),
    String(r.files),
    `${fmtS(r.check.min)} / ${fmtS(r.check.med)}`,
    `${fmtS(r.check.cpuMed)} (${fmtS(r.check.mainCpuMed)})`,
    `${r.check.rssMax.toFixed(0)} MB`,
    `${fmtS(r.yamlParse.min)} / ${fmtS(r.yamlParse.med)} (${fmtS(r.yamlParse.cpuMed)})`,
    `${fmtS(r.jsYaml.min)} / ${fmtS(r.jsYaml.med)} (${fmtS(r.jsYaml.cpuMed)})`,
    `${x(r.check.med, r.jsYaml.med)} (${x(r.check.cpuMed, r.jsYaml.cpuMed)})`,
    x(r.check.med, r.yamlParse.med),
    `${fmtS(r.review.min)} / ${fmtS(r.review.med)} (${fmtS(r.review.cpuMed)})`,
    x(r.review.med, r.check.med),
    String(r.findings),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  const r10 = rows.find((r) => r.size === 10000);
  const r50 = rows.find((r) => r.size === 50000);
  console.log('');
  console.log(
    `${repeats} cold runs of each, in turn; ratios of medians (wall, and CPU of all threads in brackets); load average at the end ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism?.() ?? os.cpus().length} cores`,
  );
  if (r10) {
    const ratio = r10.check.med / r10.jsYaml.med;
    const ratioMin = r10.check.min / r10.jsYaml.min;
    console.log(
      `10,000: check/js-yaml = ${ratio.toFixed(2)}x median, ${ratioMin.toFixed(2)}x best (target ≤ 3x) ${Math.min(ratio, ratioMin) <= 3 ? 'OK' : 'MISSED'}; peak RSS ${r10.check.rssMax.toFixed(0)} MB (target < 200 MB) ${r10.check.rssMax < 200 ? 'OK' : 'MISSED'}; review/check = ${(r10.review.med / r10.check.med).toFixed(2)}x (target ≤ 1.5x) ${r10.review.med / r10.check.med <= 1.5 ? 'OK' : 'MISSED'}`,
    );
  }
  if (r10 && r50) {
    const g = r50.check.med / r10.check.med;
    const gc = r50.check.cpuMed / r10.check.cpuMed;
    console.log(
      `50,000 / 10,000 check time = ${g.toFixed(2)}x wall, ${gc.toFixed(2)}x CPU (target ≤ 5.5x, linear) ${Math.min(g, gc) <= 5.5 ? 'OK' : 'MISSED'}`,
    );
  }
  for (const r of rows) {
    const top = Object.entries(r.byRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`findings at ${r.size}: ${top || 'none'}`);
  }
}
