// Reading manifest files from disk (the I/O edge): walks directories for .yaml/.yml/.json, decodes
// text strictly, and turns unreadable files into problems instead of exceptions.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { isKustomizationFile, type InputFile } from './workspace.js';
import { parseFiles } from './parallel.js';
import { MAX_FILE_BYTES } from './limits.js';
import { filesWithinBudget, overBudgetFile, type Budget } from './budget.js';
import { chartDirOnDisk, DEFAULT_PATHS, listViewFiles, pathFilter } from '../review/files.js';
import { readFollowing, readUnder, type NoFollowRead, type RealDirectories } from './no-follow.js';

export { MAX_FILE_BYTES };

/** Where a file given to the CLI came from: named on the command line (read through a link, to a regular file only:
 *  the user chose it), or met while walking a named directory (`root`, `rel`: never read through a link). */
export type FileOrigin = { named: true } | { named: false; root: string; rel: string };

/** Expand paths (files or directories) into manifest file paths, sorted, without duplicates. Directories are
 *  walked as the review walks the repository (listViewFiles): same skipped folders, same Helm chart rule. */
export function findManifestFiles(paths: readonly string[]): {
  files: string[];
  missing: string[];
  origins: Map<string, FileOrigin>;
} {
  const origins = new Map<string, FileOrigin>();
  const missing: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) {
      for (const rel of listViewFiles(p, pathFilter(DEFAULT_PATHS, chartDirOnDisk(p)))) {
        const f = path.join(p, rel);
        if (!origins.has(f)) origins.set(f, { named: false, root: p, rel });
      }
    } else origins.set(p, { named: true });
  }
  return { files: [...origins.keys()].sort(), missing, origins };
}

/** Reads one file the way its origin allows (see FileOrigin); `realDirs`: see readUnder. */
export function readByOrigin(file: string, origin: FileOrigin, realDirs?: RealDirectories): NoFollowRead {
  return origin.named ? readFollowing(file) : readUnder(origin.root, origin.rel, MAX_FILE_BYTES, realDirs);
}

/** Decode a file's bytes as a manifest: strict UTF-8, no NUL bytes, bounded size. */
export function decodeManifest(filePath: string, bytes: Uint8Array): InputFile {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      path: filePath,
      text: null,
      readProblem: { messageId: 'tooLarge', data: { mebibytes: (bytes.length / 1048576).toFixed(1) } },
    };
  }
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { path: filePath, text: null, readProblem: { messageId: 'binary' } };
  try {
    return { path: filePath, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { path: filePath, text: null, readProblem: { messageId: 'notUtf8' } };
  }
}

export interface ReadOptions {
  /** How each file was found (findManifestFiles): a file met while walking a directory is never read through a link,
   *  and a JSON one is a manifest only when it names a kind. Default: named by the user. */
  origins?: ReadonlyMap<string, FileOrigin>;
  /** Parse the files too (on all cores when there is enough text); default true. */
  parse?: boolean;
}

/** Below this much text, starting a worker thread costs more than it saves: js-yaml reads a 10,000-resource tree
 *  (7 MB) in under a second on one core, while a worker costs about half a second of CPU (its start, the values
 *  sent back as JSON) and 10 MB; on a busy runner that is slower, not faster. */
const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

export function readManifestFiles(files: readonly string[], opts: ReadOptions = {}): InputFile[] {
  const out = readFiles(files, opts);
  if (opts.parse !== false) parseInputs(out);
  return out;
}

/** Parse every readable manifest among `inputs` (in place: sets `parsed`), using worker threads for large sets.
 *  ISTIO_REVIEW_PARSE_THREADS (worker threads; 0 = this thread only) and ISTIO_REVIEW_PARALLEL_MIN_BYTES tune it. */
export function parseInputs(inputs: InputFile[], budget: Budget = {}): void {
  const todo = inputs.filter(
    (f): f is InputFile & { text: string } => f.text !== null && f.parsed === undefined && !isKustomizationFile(f.path),
  );
  // Past the caps on text per run, files are not parsed (and their text is let go): each gets an
  // input-too-large finding instead.
  const within = filesWithinBudget(todo, budget);
  for (const f of todo.splice(within)) {
    f.parsed = overBudgetFile(f, budget);
    f.text = '';
  }
  const bytes = todo.reduce((n, f) => n + f.text.length, 0);
  const envThreads = Number.parseInt(process.env.ISTIO_REVIEW_PARSE_THREADS ?? '', 10);
  const envMin = Number.parseInt(process.env.ISTIO_REVIEW_PARALLEL_MIN_BYTES ?? '', 10);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const workers = Number.isFinite(envThreads) ? Math.max(0, envThreads) : Math.min(Math.max(cores - 1, 0), 3);
  const parallel = bytes >= (Number.isFinite(envMin) ? envMin : PARALLEL_MIN_BYTES);
  const parsed = parseFiles(todo, { workerScript: parallel ? workerScript() : null, workers });
  todo.forEach((f, i) => {
    f.parsed = parsed[i];
  });
}

/** The bundled worker beside the bundle that runs (dist/cli.js, dist/index.js); absent when running from source. */
function workerScript(): URL | null {
  try {
    const url = new URL('./parse-worker.js', import.meta.url);
    return url.protocol === 'file:' && /\/dist\/[^/]+\.js$/.test(import.meta.url) ? url : null;
  } catch {
    return null;
  }
}

function readFiles(files: readonly string[], opts: ReadOptions): InputFile[] {
  const out: InputFile[] = [];
  const realDirs: RealDirectories = new Set();
  for (const f of files) {
    const origin = opts.origins?.get(f) ?? { named: true };
    const read = readByOrigin(f, origin, realDirs);
    if (read.kind !== 'file') {
      out.push({
        path: f,
        text: null,
        readProblem: {
          messageId: 'cannotRead',
          data: { reason: read.kind === 'missing' ? 'it does not exist' : read.reason },
        },
      });
      continue;
    }
    const bytes = read.bytes;
    const input = decodeManifest(f, bytes);
    // A JSON file met while walking a directory is only a manifest if it names a kind (skip package.json and friends).
    if (!origin.named && /\.json$/i.test(f) && input.text !== null && !input.text.includes('"kind"')) continue;
    out.push(input);
  }
  return out;
}
