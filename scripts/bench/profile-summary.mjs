#!/usr/bin/env node
// Summarises a --cpu-prof profile of the bundled CLI: self time per source module (esbuild marks each
// module in dist/cli.js with a `// path` comment) and inclusive time per rule module (time under the
// first frame of a stack that lies in src/rules/**).
//   node scripts/bench/profile-summary.mjs PROFILE.cpuprofile [dist/cli.js]
import fs from 'node:fs';
import path from 'node:path';

const [profFile, bundle = 'dist/cli.js'] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(profFile, 'utf8'));
const bundleUrl = path.resolve(bundle);
const lines = fs.readFileSync(bundle, 'utf8').split('\n');
const marks = []; // [line (0-based), module]
lines.forEach((l, i) => {
  const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(l);
  if (m) marks.push([i, m[1]]);
});
const moduleAt = (url, line) => {
  if (!url.endsWith(path.basename(bundleUrl))) return url ? `(node) ${url.replace(/^.*\//, '')}` : '(native/gc)';
  let lo = 0,
    hi = marks.length - 1,
    best = '(bundle prelude)';
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid][0] <= line) {
      best = marks[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best.replace(/^node_modules\/(yaml)\/dist\/.*/, 'node_modules/yaml (parser)');
};

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const dt = new Map();
for (let i = 0; i < prof.samples.length; i++)
  dt.set(prof.samples[i], (dt.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);

const selfByModule = new Map();
const ruleIncl = new Map();
for (const [id, us] of dt) {
  const n = byId.get(id);
  const mod =
    n.callFrame.functionName === '(garbage collector)'
      ? '(garbage collector)'
      : n.callFrame.functionName === '(program)' || n.callFrame.functionName === '(idle)'
        ? `(${n.callFrame.functionName.replace(/[()]/g, '')})`
        : moduleAt(n.callFrame.url, n.callFrame.lineNumber);
  selfByModule.set(mod, (selfByModule.get(mod) ?? 0) + us);
  // Walk to the root; remember the outermost frame inside a rule module.
  let outerRule = null;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const c = byId.get(cur).callFrame;
    const m = moduleAt(c.url, c.lineNumber);
    if (m.startsWith('src/rules/')) outerRule = m;
  }
  if (outerRule) ruleIncl.set(outerRule, (ruleIncl.get(outerRule) ?? 0) + us);
}
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
console.log('\nself time by module:');
for (const [m, us] of [...selfByModule].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms(us)}  ${m}`);
console.log('\ninclusive time by rule module:');
for (const [m, us] of [...ruleIncl].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)}  ${m}`);
