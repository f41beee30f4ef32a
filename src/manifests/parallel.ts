// Parsing manifest files on every core. The main thread stays synchronous: it parses chunks itself while
// worker threads parse others (chunks are claimed through a shared counter), then collects the workers'
// results with receiveMessageOnPort, blocking with Atomics.wait. Every file goes through the same
// parseManifestFile whichever thread reads it, so findings never depend on the path taken. A document read in
// a worker comes back as its values plus a compact tree of node offsets (locate.ts: positionsOf), which gives
// findings their lines; its YAML nodes (needed for fixes) are parsed again, once per file, only if asked for.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { makeSourceFile, type SourceFile } from './source.js';
import { parseManifestFile, parseYamlDocuments, type FileProblem } from './parse.js';
import type { ParsedDocument } from './parsed-document.js';
import type { Json } from './resource.js';
import { encodePositions, positionsOf } from './locate.js';
import { lazyDocument, nodesOnce } from './lazy-document.js';

/** What parsing one file produced, attached to an InputFile so buildWorkspace does not parse it again. */
export interface ParsedFile {
  source: SourceFile;
  docs: ParsedDocument[];
  problems: FileProblem[];
}

export interface WorkerInput {
  paths: string[];
  /** Every file's text, UTF-8 encoded one after the other, shared by all threads (not copied into each worker):
   *  a worker decodes only the files of the chunks it claims. */
  text: SharedArrayBuffer;
  /** Byte offsets into `text`: file i is [offsets[i], offsets[i + 1]). */
  offsets: number[];
  /** [from, to) index ranges into paths. */
  chunks: [number, number][];
  /** Int32 cells: [0] next chunk to claim, [1] chunks a worker has posted. */
  control: SharedArrayBuffer;
}

export interface WorkerDocument {
  /** The value as JSON text when that round-trips exactly, else the value itself. */
  valueJson?: string;
  value?: Json;
  index: number;
  /** Lines and encodePositions() of a document the yaml library read (decoded only if a finding needs a line in
   *  it); absent for one read by js-yaml (fast-load.ts), whose lines come from parsing again when needed. */
  startLine?: number;
  endLine?: number;
  positionsJson?: string;
}

export interface WorkerChunkResult {
  chunk: number;
  /** null when the result could not be sent (the main thread parses the chunk itself). */
  files: { docs: WorkerDocument[]; problems: FileProblem[] }[] | null;
}

export interface ParallelOptions {
  /** The bundled worker script; without it (tests run from source) everything is parsed on this thread. */
  workerScript: URL | null;
  /** Worker threads besides this one. */
  workers: number;
  /** Bytes of text per chunk claimed at a time. */
  chunkBytes?: number;
  /** Give up on a worker that reports nothing for this long, and parse its chunks here. */
  stallMs?: number;
}

/** Parse every file (path + text); returns results in input order. */
export function parseFiles(files: readonly { path: string; text: string }[], opts: ParallelOptions): ParsedFile[] {
  const results = new Array<ParsedFile | undefined>(files.length);
  // With workers, this thread keeps its own documents in the same compact form as theirs (values + offsets as
  // one string each, decoded only for documents with findings; nodes parsed again only for fixes): less memory
  // held (a decoded offsets tree is a Map per mapping), less garbage collection, one shape for every file.
  let compact = false;
  const parseHere = (i: number) => {
    const source = makeSourceFile(files[i]!.path, files[i]!.text);
    if (!compact) {
      results[i] = { source, ...parseManifestFile(source) };
      return;
    }
    const nodes = nodesOnce(source, parseYamlDocuments);
    const parsed = parseManifestFile(source, {
      compact: (d) =>
        d.nodesLater
          ? d
          : lazyDocument(
              source,
              nodes,
              { value: d.value, index: d.index!, startLine: d.startLine, endLine: d.endLine },
              encodePositions(positionsOf(d.doc)),
            ),
    });
    results[i] = { source, ...parsed };
  };
  const script = opts.workerScript && fs.existsSync(fileURLToPath(opts.workerScript)) ? opts.workerScript : null;
  if (!script || opts.workers < 1 || files.length < 2) {
    for (let i = 0; i < files.length; i++) parseHere(i);
    return results as ParsedFile[];
  }

  // A text with a lone surrogate would not come back the same from UTF-8: such files are parsed on this thread.
  if (files.some((f) => !isWellFormed(f.text))) {
    for (let i = 0; i < files.length; i++) parseHere(i);
    return results as ParsedFile[];
  }
  const chunkBytes = opts.chunkBytes ?? 128 * 1024;
  const chunks: [number, number][] = [];
  for (let from = 0, i = 0, bytes = 0; i < files.length; i++) {
    bytes += files[i]!.text.length;
    if (bytes >= chunkBytes || i === files.length - 1) {
      chunks.push([from, i + 1]);
      from = i + 1;
      bytes = 0;
    }
  }
  const control = new SharedArrayBuffer(16);
  const ctl = new Int32Array(control);
  const done = new Uint8Array(chunks.length);
  const channels: { port: import('node:worker_threads').MessagePort; worker: Worker }[] = [];
  const input: WorkerInput = { paths: files.map((f) => f.path), ...sharedTexts(files), chunks, control };
  for (let w = 0; w < opts.workers; w++) {
    const { port1, port2 } = new MessageChannel();
    try {
      const worker = new Worker(script, { workerData: { ...input, port: port2 }, transferList: [port2] });
      worker.unref();
      worker.on('error', () => {
        /* its chunks are parsed here after the stall timeout */
      });
      channels.push({ port: port1, worker });
    } catch {
      port1.close();
    }
  }

  compact = channels.length > 0;
  const accept = (msg: WorkerChunkResult) => {
    const [from, to] = chunks[msg.chunk]!;
    if (msg.files === null) {
      for (let i = from; i < to; i++) parseHere(i);
    } else {
      for (let i = from; i < to; i++) {
        const source = makeSourceFile(files[i]!.path, files[i]!.text);
        const f = msg.files[i - from]!;
        const nodes = nodesOnce(source, parseYamlDocuments);
        results[i] = {
          source,
          docs: f.docs.map((d) =>
            lazyDocument(
              source,
              nodes,
              {
                value: d.valueJson !== undefined ? (JSON.parse(d.valueJson) as Json) : d.value!,
                index: d.index,
                startLine: d.startLine,
                endLine: d.endLine,
              },
              d.positionsJson,
            ),
          ),
          problems: f.problems,
        };
      }
    }
    done[msg.chunk] = 1;
  };
  const drain = () => {
    let got = false;
    for (const c of channels) {
      for (let m = receiveMessageOnPort(c.port); m; m = receiveMessageOnPort(c.port)) {
        accept(m.message as WorkerChunkResult);
        got = true;
      }
    }
    return got;
  };

  // This thread claims chunks like any worker.
  for (;;) {
    const chunk = Atomics.add(ctl, 0, 1);
    if (chunk >= chunks.length) break;
    const [from, to] = chunks[chunk]!;
    for (let i = from; i < to; i++) parseHere(i);
    done[chunk] = 1;
  }
  // Then collects what the workers parsed.
  const stallMs = opts.stallMs ?? 30_000;
  let lastProgress = Date.now();
  while (done.includes(0)) {
    if (drain()) {
      lastProgress = Date.now();
      continue;
    }
    const posted = Atomics.load(ctl, 1);
    Atomics.wait(ctl, 1, posted, 50);
    if (Date.now() - lastProgress > stallMs) break;
  }
  for (const c of channels) {
    void c.worker.terminate();
    c.port.close();
  }
  for (let c = 0; c < chunks.length; c++) {
    if (done[c]) continue;
    const [from, to] = chunks[c]!;
    for (let i = from; i < to; i++) parseHere(i);
  }
  return results as ParsedFile[];
}

function isWellFormed(text: string): boolean {
  const s = text as string & { isWellFormed?: () => boolean };
  return typeof s.isWellFormed === 'function'
    ? s.isWellFormed()
    : !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''));
}

/** The texts as UTF-8 in one shared buffer: each worker reads the files of its own chunks from it, so memory
 *  holds the text once more in all, not once per worker (300 files of 1 MB exhausted the heap that way). */
function sharedTexts(files: readonly { text: string }[]): { text: SharedArrayBuffer; offsets: number[] } {
  const offsets = [0];
  for (const f of files) offsets.push(offsets[offsets.length - 1]! + Buffer.byteLength(f.text, 'utf8'));
  const text = new SharedArrayBuffer(offsets[offsets.length - 1]);
  const bytes = Buffer.from(text);
  files.forEach((f, i) => bytes.write(f.text, offsets[i]!, 'utf8'));
  return { text, offsets };
}
