// Running the tools that render targets (the I/O edge): kustomize (standalone, or built into kubectl) through a
// temporary wrapper kustomization that asks for build metadata, and `render:` commands such as helm template.
// The user's files are never written: the wrapper lives in its own temporary directory.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface KustomizeTool {
  /** The executable and the arguments before the directory: ["kustomize", "build"] or ["kubectl", "kustomize"]. */
  argv: string[];
  /** For logs and summaries: "kustomize v5.4.3" or "kubectl kustomize v5.5.0 (kubectl v1.32.4)". */
  label: string;
}

let cached: KustomizeTool | null | undefined;

/** The kustomize to use: `kustomize` when installed, else `kubectl kustomize`; null when neither runs. */
export function findKustomize(): KustomizeTool | null {
  if (cached !== undefined) return cached;
  const k = spawnSync('kustomize', ['version'], { encoding: 'utf8', timeout: 20000 });
  if (k.status === 0) {
    const v = /v?\d+\.\d+\.\d+/.exec(k.stdout)?.[0] ?? k.stdout.trim();
    return (cached = { argv: ['kustomize', 'build'], label: `kustomize ${v}` });
  }
  const c = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8', timeout: 20000 });
  if (c.status === 0) {
    const kv = /Kustomize Version:\s*(\S+)/.exec(c.stdout)?.[1];
    const cv = /Client Version:\s*(\S+)/.exec(c.stdout)?.[1];
    return (cached = {
      argv: ['kubectl', 'kustomize'],
      label: `kubectl kustomize${kv ? ` ${kv}` : ''}${cv ? ` (kubectl ${cv})` : ''}`,
    });
  }
  return (cached = null);
}

export type RenderResult =
  | { ok: true; text: string; /** The directory origin and configuredIn paths are relative to. */ baseDir: string }
  | { ok: false; error: string };

/** `kustomize build` of `rootDir` (absolute) with origin and transformer annotations on every object. */
export async function renderKustomize(tool: KustomizeTool, rootDir: string): Promise<RenderResult> {
  const wrapper = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-kustomize-'));
  try {
    const rel = path.relative(wrapper, rootDir).split(path.sep).join('/');
    fs.writeFileSync(
      path.join(wrapper, 'kustomization.yaml'),
      `resources:\n  - ${JSON.stringify(rel)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`,
    );
    const [cmd, ...pre] = tool.argv;
    // kustomize's default load restrictor stays on: the wrapper names the root as a base (a directory, which may lie
    // anywhere), and every file is still read only from within its own kustomization's directory, as users build it.
    // (LoadRestrictionsNone would let a pull request's kustomization read any file of the runner.)
    const res = await run(cmd!, [...pre, wrapper], { cwd: wrapper });
    if (res.code !== 0) return { ok: false, error: kustomizeError(res.stderr || res.stdout) };
    return { ok: true, text: res.stdout, baseDir: wrapper };
  } finally {
    fs.rmSync(wrapper, { recursive: true, force: true });
  }
}

/** A `render:` target's command, run by the shell in the repository root; its standard output is the manifests. */
export async function runRenderCommand(command: string, cwd: string): Promise<RenderResult> {
  const res = await run('/bin/sh', ['-c', command], { cwd });
  if (res.code !== 0) return { ok: false, error: `exit status ${res.code}: ${lastLines(res.stderr || res.stdout)}` };
  return { ok: true, text: res.stdout, baseDir: cwd };
}

function run(
  cmd: string,
  args: string[],
  opts: { cwd: string },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { cwd: opts.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 300_000 },
      (err, stdout, stderr) => {
        const code = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : 127
          : 0;
        resolve({ code, stdout: String(stdout ?? ''), stderr: String(stderr ?? (err ? err.message : '')) });
      },
    );
  });
}

/** kustomize's own message, without kubectl's log prefix or the temporary wrapper's path. */
function kustomizeError(out: string): string {
  const m = /err="((?:[^"\\]|\\.)*)"/.exec(out);
  const msg = m ? m[1]!.replace(/\\"/g, '"').replace(/\\'/g, "'") : out.replace(/^Error:\s*/m, '');
  return lastLines(msg);
}

function lastLines(s: string): string {
  const lines = s
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.slice(-3).join(' ').slice(0, 600);
}
