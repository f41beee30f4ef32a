// Worst-case input shapes for the benchmark (issue 14, "every input shape must stay linear"): each is written to its
// own directory and checked by the built CLI in a cold process; prints the wall time, peak memory and what the run
// reported. Add a shape here to have `npm run bench` measure it.
//   - a VirtualService repeating one host 2,000 times (was 22 s: a pairwise host check) — target < 3 s;
//   - a VirtualService with 2,000 distinct hosts under one wildcard — target < 3 s;
//   - a ConfigMap with 40,000 keys (was 9.5 s: the parser's duplicate-key check was quadratic) — target < 3 s;
//   - 300 changed files of 1 MB of manifests each (exhausted the heap: every worker got every text) — target:
//     finish, or end in input-too-large findings, within 60 s and under 1 GB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A VirtualService whose `hosts` lists `count` entries made by `host(i)`. */
export function manyHosts(dir, count, host) {
  const hosts = Array.from({ length: count }, (_, i) => `  - ${host(i)}\n`).join('');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'vs.yaml'),
    `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: many, namespace: shop}\nspec:\n  hosts:\n${hosts}  http:\n  - route:\n    - destination: {host: reviews.shop.svc.cluster.local}\n`,
  );
}

export function wideMapping(dir, keys) {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: wide', '  namespace: shop', 'data:'];
  for (let i = 0; i < keys; i++) lines.push(`  key${i}: value-${i}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'wide.yaml'), `${lines.join('\n')}\n`);
}

/** `count` files of about `bytes` each, full of small Services and Deployments (the densest shape: many nodes). */
export function bigFiles(dir, count, bytes) {
  fs.mkdirSync(dir, { recursive: true });
  for (let f = 0; f < count; f++) {
    const docs = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const name = `app-${f}-${i}`;
      const doc = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: team-${f % 50}\n  labels: {app: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports:\n    - {name: http, port: 80, targetPort: 8080}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: team-${f % 50}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}, version: v1}}\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/${name}:1.0\n          ports: [{containerPort: 8080}]\n`;
      docs.push(doc);
      size += doc.length + 4;
    }
    fs.writeFileSync(path.join(dir, `file-${String(f).padStart(3, '0')}.yaml`), docs.join('---\n'));
  }
}

export function runHostile(root, cli, runCheck) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-bench-hostile-'));
  const rows = [];
  try {
    const repeated = path.join(tmp, 'repeated');
    manyHosts(repeated, 2000, () => 'reviews.shop.svc.cluster.local');
    rows.push({
      name: 'a VirtualService repeating one host 2,000 times',
      target: 'under 3 s',
      ...runCheck(repeated),
      limitMs: 3000,
      limitMb: 1024,
    });
    const wildcard = path.join(tmp, 'wildcard');
    manyHosts(wildcard, 2001, (i) => (i === 0 ? '"*.example.com"' : `h${i}.example.com`));
    rows.push({
      name: 'a VirtualService with 2,000 distinct hosts under one wildcard',
      target: 'under 3 s',
      ...runCheck(wildcard),
      limitMs: 3000,
      limitMb: 1024,
    });
    const wide = path.join(tmp, 'wide');
    wideMapping(wide, 40_000);
    rows.push({ name: '40,000-key mapping', target: 'under 3 s', ...runCheck(wide), limitMs: 3000, limitMb: Infinity });
    const big = path.join(tmp, 'big');
    bigFiles(big, 300, 1024 * 1024);
    rows.push({
      name: '300 files of 1 MB',
      target: 'within 60 s, under 1 GB',
      ...runCheck(big),
      limitMs: 60_000,
      limitMb: 1024,
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('');
  console.log('| worst case | wall | CPU (all threads) | peak RSS | findings | target |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const ok = r.ms < r.limitMs && r.rssMb < r.limitMb;
    const top = Object.entries(r.byRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `| ${r.name} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.rssMb.toFixed(0)} MB | ${top || 'none'} | ${r.target}: ${ok ? 'OK' : 'MISSED'} |`,
    );
  }
}

// Run alone: node scripts/bench/hostile.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const cli = path.join(root, 'dist', 'cli.js');
  runHostile(root, cli, (dir) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/bench/run-cli.mjs'), cli, 'check', '--format', 'json', '--fail-on', 'none', dir],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) {
      console.error(`check exited ${r.status}: ${(r.stderr ?? '').slice(0, 2000)}`);
      process.exit(2);
    }
    const byRule = {};
    for (const f of JSON.parse(r.stdout).findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    return {
      ms,
      cpuMs: Number(/bench-cpu-ms=(\d+)/.exec(r.stderr)[1]),
      rssMb: Number(/bench-max-rss-kib=(\d+)/.exec(r.stderr)[1]) / 1024,
      byRule,
    };
  });
}
