// Worst-case input shapes for the benchmark (issue 14, "every input shape must stay linear"): each shape is one
// generated file, checked by the built CLI in its own process; the time and peak memory are compared with the
// shape's bound. Add a shape here to have `npm run bench` measure it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** name, files to write (path → text), and the bound it must stay under. */
export const HOSTILE_SHAPES = [
  {
    name: 'a VirtualService repeating one host 2,000 times',
    files: () => ({
      'vs.yaml': `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: many, namespace: shop}\nspec:\n  hosts:\n${'  - reviews.shop.svc.cluster.local\n'.repeat(2000)}  http:\n  - route:\n    - destination: {host: reviews.shop.svc.cluster.local}\n`,
    }),
    maxMs: 3000,
    maxRssMb: 1024,
  },
  {
    name: 'a VirtualService with 2,000 distinct hosts under one wildcard',
    files: () => ({
      'vs.yaml': `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: many, namespace: shop}\nspec:\n  hosts:\n  - "*.example.com"\n${Array.from({ length: 2000 }, (_, i) => `  - h${i}.example.com\n`).join('')}  http:\n  - route:\n    - destination: {host: reviews.shop.svc.cluster.local}\n`,
    }),
    maxMs: 3000,
    maxRssMb: 1024,
  },
];

/** Runs every shape; returns rows {name, ms, rssMb, ok}. */
export function runHostileShapes(root, cli) {
  const rows = [];
  for (const shape of HOSTILE_SHAPES) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-hostile-'));
    try {
      for (const [p, text] of Object.entries(shape.files())) {
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.writeFileSync(path.join(dir, p), text);
      }
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--max-old-space-size=4096', path.join(root, 'scripts/bench/run-cli.mjs'), cli, 'check', '--format', 'json', '--fail-on', 'none', dir], {
        encoding: 'utf8', maxBuffer: 1 << 30, cwd: os.tmpdir(), timeout: 120_000,
      });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const rss = /bench-max-rss-kib=(\d+)/.exec(r.stderr ?? '');
      const rssMb = rss ? Number(rss[1]) / 1024 : NaN;
      const finished = r.status === 0;
      rows.push({ name: shape.name, ms, rssMb, finished, ok: finished && ms < shape.maxMs && rssMb < shape.maxRssMb, maxMs: shape.maxMs, maxRssMb: shape.maxRssMb });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export function printHostile(rows) {
  console.log('');
  console.log('worst-case input shapes (one cold run each):');
  for (const r of rows) {
    const verdict = !r.finished ? 'DID NOT FINISH' : r.ok ? 'OK' : 'MISSED';
    console.log(`  ${r.name}: ${(r.ms / 1000).toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB (bound ${(r.maxMs / 1000).toFixed(0)} s, ${r.maxRssMb} MB) ${verdict}`);
  }
}
