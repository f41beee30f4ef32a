#!/usr/bin/env node
// Benchmark: `istio-review check` (the BUILT CLI, dist/cli.js — run `npm run build` first) on synthetic
// repositories of 1,000, 10,000 and 50,000 resources, against the time the `yaml` library needs just to
// parse the same files with positions (parseAllDocuments, one core) and the time js-yaml needs to load them.
//
//   node scripts/bench.mjs [--sizes 1000,10000,50000] [--repeat N] [--keep] [--cpu-prof DIR] [--skip-hostile]
//
// Then the worst-case input shapes of scripts/bench/hostile.mjs (a 40,000-key mapping; 300 files of 1 MB).
//
// Each measurement is its own child process (cold start, as a user runs it). Peak memory is the child's
// process.resourceUsage().maxRSS. Targets: check ≤ 1.5× the yaml parse at 10,000; 50,000 ≤ 5.5× the
// 10,000 time; peak RSS < 400 MB at 10,000.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepository } from './bench/generate.mjs';
import { runHostile } from './bench/hostile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const sizes = (opt('--sizes') ?? '1000,10000,50000').split(',').map(Number);
const keep = args.includes('--keep');
const cpuProf = opt('--cpu-prof');
const repeats = Number(opt('--repeat') ?? 1);

if (!fs.existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-bench-'));
const rows = [];
try {
  for (const size of sizes) {
    const dir = path.join(tmp, `repo-${size}`);
    const gen = generateRepository(dir, size);
    // Best of `repeats` for each measurement (default 1: a single cold run each).
    const best = (f) => { let b = null; for (let i = 0; i < repeats; i++) { const r = f(); if (!b || r.ms < b.ms) b = r; } return b; };
    const check = best(() => runCheck(dir, size));
    const yamlParse = best(() => runParser('yaml', dir));
    const jsYaml = best(() => runParser('js-yaml', dir));
    rows.push({ size, ...gen, check, yamlParse, jsYaml });
    process.stderr.write(`measured ${size}: check ${fmtS(check.ms)}, yaml ${fmtS(yamlParse.ms)}, js-yaml ${fmtS(jsYaml.ms)}\n`);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
} finally {
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  else process.stderr.write(`kept ${tmp}\n`);
}

printTable(rows);
if (!args.includes('--skip-hostile')) runHostile(root, cli, (dir) => runCheck(dir, 'hostile'));

function runCheck(dir, size) {
  const nodeArgs = ['--max-old-space-size=4096'];
  if (cpuProf) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`, `--cpu-prof-name=check-${size}.cpuprofile`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeArgs, path.join(root, 'scripts/bench/run-cli.mjs'), cli, 'check', '--format', 'json', '--fail-on', 'none', dir], {
    encoding: 'utf8', maxBuffer: 1 << 30, cwd: os.tmpdir(),
  });
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
  return { ms, cpuMs: cpu ? Number(cpu[1]) : NaN, mainCpuMs: mainCpu && Number(mainCpu[1]) >= 0 ? Number(mainCpu[1]) : NaN, rssMb: rss ? Number(rss[1]) / 1024 : NaN, findings: report.findings.length, byRule };
}

function runParser(which, dir) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench/parse-runner.mjs'), which, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) { console.error(r.stderr); process.exit(2); }
  return JSON.parse(r.stdout);
}

function fmtS(ms) { return `${(ms / 1000).toFixed(2)} s`; }

function printTable(rows) {
  const head = ['resources', 'files', 'ns', 'check', 'peak RSS', 'yaml parse', 'js-yaml load', 'check/yaml', 'check/js-yaml', 'check CPU main/all', 'yaml CPU', 'main CPU/yaml CPU', 'findings'];
  const body = rows.map((r) => [
    String(r.resources), String(r.files), String(r.namespaces), fmtS(r.check.ms), `${r.check.rssMb.toFixed(0)} MB`,
    fmtS(r.yamlParse.ms), fmtS(r.jsYaml.ms), `${(r.check.ms / r.yamlParse.ms).toFixed(2)}x`, `${(r.check.ms / r.jsYaml.ms).toFixed(2)}x`,
    `${fmtS(r.check.mainCpuMs)} / ${fmtS(r.check.cpuMs)}`, fmtS(r.yamlParse.cpuMs), `${(r.check.mainCpuMs / r.yamlParse.cpuMs).toFixed(2)}x`,
    String(r.check.findings),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i < 3 ? c.padStart(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  const r10 = rows.find((r) => r.size === 10000);
  const r50 = rows.find((r) => r.size === 50000);
  console.log('');
  console.log(`wall times, best of ${repeats}; "check CPU main/all": CPU time of the check's main thread (its critical path: the wall time on an idle machine) and of all its threads; load average at the end ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism?.() ?? os.cpus().length} cores`);
  if (r10) {
    const ratio = r10.check.ms / r10.yamlParse.ms;
    console.log(`10,000: check/yaml = ${ratio.toFixed(2)}x (target ≤ 1.5x) ${ratio <= 1.5 ? 'OK' : 'MISSED'}; peak RSS ${r10.check.rssMb.toFixed(0)} MB (target < 400 MB) ${r10.check.rssMb < 400 ? 'OK' : 'MISSED'}`);
  }
  if (r10 && r50) {
    const g = r50.check.ms / r10.check.ms;
    console.log(`50,000 / 10,000 check time = ${g.toFixed(2)}x (target ≤ 5.5x) ${g <= 5.5 ? 'OK' : 'MISSED'}`);
  }
  for (const r of rows) {
    const top = Object.entries(r.check.byRule).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`findings at ${r.size}: ${top || 'none'}`);
  }
}
