// Worker-thread entry (bundled as dist/parse-worker.js): parses chunks of manifest files with the very same
// parseManifestFile the main thread uses, and sends back the documents' values, lines and problems. The YAML
// nodes stay here; the main thread re-parses a file only if it needs positions in it (see parallel.ts).
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { makeSourceFile } from './source.js';
import { parseManifestFile } from './parse.js';
import { positionsOf } from './locate.js';
import type { WorkerChunkResult, WorkerInput } from './parallel.js';

const data = workerData as WorkerInput & { port: MessagePort };
const control = new Int32Array(data.control);

for (;;) {
  const chunk = Atomics.add(control, 0, 1);
  if (chunk >= data.chunks.length) break;
  const [from, to] = data.chunks[chunk]!;
  const files: NonNullable<WorkerChunkResult['files']> = [];
  const result: WorkerChunkResult = { chunk, files };
  for (let i = from; i < to; i++) {
    const { docs, problems } = parseManifestFile(makeSourceFile(data.paths[i]!, data.texts[i]!));
    files.push({ docs: docs.map((d) => ({ value: d.value, startLine: d.startLine, endLine: d.endLine, index: d.index!, positions: positionsOf(d.doc) })), problems });
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
