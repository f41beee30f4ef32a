#!/usr/bin/env node
// Summarises a --cpu-prof profile of the bundled CLI: self time per source module and inclusive time per rule
// module (time under the first frame of a stack that lies in src/rules/**). The bundles are minified and split
// into chunks, so a frame's position is mapped back to its source file through the bundle's source map.
//   node scripts/bench/profile-summary.mjs PROFILE.cpuprofile [DIST_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [profFile, distDir = 'dist'] = process.argv.slice(2);
const prof = JSON.parse(fs.readFileSync(profFile, 'utf8'));
const dist = path.resolve(distDir);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's segments per generated line, as [generated column, source index], in column order. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const fields = [];
      let value = 0,
        shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map(); // bundle file -> { sources, lines } | null
function mapOf(file) {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    if (!fs.existsSync(mapFile)) maps.set(file, null);
    else {
      const m = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
      const sources = m.sources.map((s) => path.relative(process.cwd(), path.resolve(path.dirname(mapFile), s)));
      maps.set(file, { sources, lines: decodeMappings(m.mappings) });
    }
  }
  return maps.get(file);
}

/** The source module a frame lies in: a src/ or node_modules/ path for the bundles, else what node names. */
function moduleAt(url, line, column) {
  if (!url) return '(native/gc)';
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const map = path.dirname(file) === dist ? mapOf(file) : null;
  if (!map) return `(node) ${url.replace(/^.*\//, '')}`;
  const segments = map.lines[line] ?? [];
  let lo = 0,
    hi = segments.length - 1,
    best = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid][0] <= column) {
      best = segments[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best === null) return `(bundle) ${path.basename(file)}`;
  return map.sources[best].replace(/^node_modules\/(yaml|js-yaml)\/dist\/.*/, 'node_modules/$1 (parser)');
}

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
        : moduleAt(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber);
  selfByModule.set(mod, (selfByModule.get(mod) ?? 0) + us);
  // Walk to the root; remember the outermost frame inside a rule module.
  let outerRule = null;
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const c = byId.get(cur).callFrame;
    const m = moduleAt(c.url, c.lineNumber, c.columnNumber);
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
