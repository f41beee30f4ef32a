// Worker-thread entry (bundled as dist/parse-worker.js): parses chunks of manifest files with the very same
// parseManifestFile the main thread uses, and sends back the documents' values, lines and problems. The YAML
// nodes stay here; the main thread re-parses a file only if it needs positions in it (see parallel.ts).
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { makeSourceFile } from './source.js';
import { parseManifestFile } from './parse.js';
import { encodePositions, positionsOf } from './locate.js';
import type { WorkerChunkResult, WorkerDocument, WorkerInput } from './parallel.js';

const data = workerData as WorkerInput & { port: MessagePort };
const control = new Int32Array(data.control);
const text = Buffer.from(data.text);

for (;;) {
  const chunk = Atomics.add(control, 0, 1);
  if (chunk >= data.chunks.length) break;
  const [from, to] = data.chunks[chunk]!;
  const files: NonNullable<WorkerChunkResult['files']> = [];
  const result: WorkerChunkResult = { chunk, files };
  for (let i = from; i < to; i++) {
    const source = makeSourceFile(data.paths[i]!, text.toString('utf8', data.offsets[i], data.offsets[i + 1]));
    // Each document is turned into what is sent as soon as it is read (its YAML nodes are let go at once).
    files.push(
      parseManifestFile(source, {
        compact: (d): WorkerDocument => ({
          // JSON text when it round-trips exactly (the main thread's JSON.parse is much faster than rebuilding
          // objects from a structured clone); the value itself otherwise (NaN, -0, shared or cyclic aliases, Map…).
          ...(jsonSafe(d.value) ? { valueJson: JSON.stringify(d.value) } : { value: d.value }),
          index: d.index!,
          // Read by js-yaml: lines and offsets come later, on the main thread, if a finding needs them.
          ...(d.nodesLater
            ? {}
            : { startLine: d.startLine, endLine: d.endLine, positionsJson: encodePositions(positionsOf(d.doc)) }),
        }),
      }),
    );
  }
  try {
    data.port.postMessage(result);
  } catch {
    data.port.postMessage({ chunk, files: null } satisfies WorkerChunkResult); // not cloneable: the main thread parses it
  }
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
}
data.port.close();

/** Does JSON.parse(JSON.stringify(v)) give back an identical value? */
function jsonSafe(v: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x === 'string' || typeof x === 'boolean') continue;
    if (typeof x === 'number') {
      if (!Number.isFinite(x) || Object.is(x, -0)) return false;
      continue;
    }
    if (typeof x !== 'object') return false;
    if (seen.has(x)) return false; // shared through an alias: keep the sharing
    seen.add(x);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        if (!(i in x)) return false;
        stack.push(x[i]);
      }
      continue;
    }
    if (Object.getPrototypeOf(x) !== Object.prototype || Object.prototype.hasOwnProperty.call(x, '__proto__'))
      return false;
    for (const k of Object.keys(x)) stack.push((x as Record<string, unknown>)[k]);
  }
  return true;
}
