// Parsing on worker threads must not change anything: the same values, problems and lines as parsing here,
// whichever thread read a file (the bundled worker, dist/parse-worker.js, is the one the CLI uses).
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseFiles, type ParsedFile } from '../../src/manifests/parallel.js';
import { locate, locateIn } from '../../src/manifests/locate.js';
import { hostileCases } from './cases.js';
import { builtFile, ensureBuilt } from '../support/built.js';
// @ts-expect-error — plain JS module of the benchmark
import { generateRepository } from '../../scripts/bench/generate.mjs';

const WORKER = pathToFileURL(builtFile('parse-worker.js'));
beforeAll(ensureBuilt, 120_000);

type Seg = string | number;
function pathsOf(v: unknown, prefix: Seg[] = [], out: Seg[][] = [[]]): Seg[][] {
  if (Array.isArray(v))
    v.forEach((c, i) => {
      out.push([...prefix, i]);
      pathsOf(c, [...prefix, i], out);
    });
  else if (v !== null && typeof v === 'object')
    for (const [k, c] of Object.entries(v)) {
      out.push([...prefix, k]);
      pathsOf(c, [...prefix, k], out);
    }
  return out;
}

function inputs(): { path: string; text: string }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-parallel-'));
  try {
    generateRepository(dir, 300);
    const out: { path: string; text: string }[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out.push({ path: path.relative(dir, p), text: fs.readFileSync(p, 'utf8') });
      }
    };
    walk(dir);
    for (const c of hostileCases())
      if (typeof c.content === 'string' && c.content.length < 1_000_000) out.push({ path: c.file, text: c.content });
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('worker threads and this thread read every file alike', () => {
  expect(fs.existsSync(WORKER)).toBe(true);
  const files = inputs();
  const serial = parseFiles(files, { workerScript: null, workers: 0 });
  const parallel = parseFiles(files, { workerScript: WORKER, workers: 1, chunkBytes: 4096 });
  expect(parallel.length).toBe(files.length);
  let compared = 0;
  files.forEach((f, i) => {
    const a: ParsedFile = serial[i]!;
    const b: ParsedFile = parallel[i]!;
    expect(b.problems).toEqual(a.problems);
    expect(b.docs.length).toBe(a.docs.length);
    a.docs.forEach((da, j) => {
      const db = b.docs[j]!;
      expect([db.value, db.startLine, db.endLine, db.index]).toEqual([da.value, da.startLine, da.endLine, da.index]);
      for (const p of pathsOf(da.value)) {
        for (const q of [p, [...p, 'absent']]) {
          expect(locateIn(db, b.source, q)).toEqual(locate(da.doc, a.source, q));
          compared++;
        }
      }
      // The nodes, parsed again on demand, are those of the same document.
      expect(db.doc.toJS({ maxAliasCount: 100 })).toEqual(da.value);
    });
  });
  expect(compared).toBeGreaterThan(10_000);
  // With workers, a document read by the yaml library here carries an offsets tree like the workers' (one shape
  // for all); one read by js-yaml carries none until a finding needs its lines. Both kinds are in these files.
  const docs = parallel.flatMap((p) => p.docs);
  expect(docs.every((d) => d.nodesLater === true || d.positions !== undefined)).toBe(true);
  expect(docs.some((d) => d.nodesLater === true) && docs.some((d) => d.positions !== undefined)).toBe(true);
});
