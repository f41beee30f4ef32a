#!/usr/bin/env node
// Import cycles among the TypeScript modules, type-only imports and re-exports included (a cycle of types still
// ties two modules together). Prints each cycle and exits 1 when there is one.
//   node scripts/check-cycles.mjs [DIR...]        (default: src)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src'];
const files = dirs.flatMap((d) =>
  fs
    .readdirSync(d, { recursive: true })
    .map((f) => path.join(d, f))
    .filter((f) => f.endsWith('.ts')),
);
const known = new Set(files.map((f) => path.resolve(f)));

/** The project's modules a file imports, by absolute path (`./x.js` is the source `./x.ts`). */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')))
    .filter((p) => known.has(p));
}

const graph = new Map(files.map((f) => [path.resolve(f), importsOf(f)]));

// Tarjan's strongly connected components: every component with more than one module (or a self-import) is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const components = [];
function visit(v) {
  meta.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v)) {
    if (!meta.has(w)) {
      visit(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).onStack) {
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
    }
  }
  if (meta.get(v).low === meta.get(v).index) {
    const c = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).onStack = false;
      c.push(w);
    } while (w !== v);
    if (c.length > 1 || graph.get(v).includes(v)) components.push(c);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) visit(v);

const rel = (p) => path.relative(process.cwd(), p);
for (const c of components) {
  process.stdout.write(`import cycle among ${c.length} module(s):\n`);
  for (const v of c.sort())
    process.stdout.write(
      `  ${rel(v)} -> ${graph
        .get(v)
        .filter((w) => c.includes(w))
        .map(rel)
        .join(', ')}\n`,
    );
}
process.stdout.write(components.length === 0 ? `no import cycle among ${graph.size} modules\n` : '');
process.exitCode = components.length === 0 ? 0 : 1;
