// `check`: files on disk → findings. Shared by the CLI and the benchmark; the Action builds its
// workspaces from git instead but runs the same analyze().
import { analyze, type Analysis } from './engine.js';
import { addMeshNetworksResource, buildWorkspace, type Workspace } from './manifests/workspace.js';
import { decodeManifest, findManifestFiles, parseInputs, readManifestFiles } from './manifests/load.js';
import { splitBySource, STDIN_NAME } from './manifests/stdin-split.js';
import type { InputFile } from './manifests/workspace.js';
import type { LoadedSettings } from './settings-loader.js';
import { UsageError } from './settings-loader.js';

export interface CheckResult extends Analysis {
  workspace: Workspace;
  fileCount: number;
}

export interface CheckOptions {
  /** The bytes read from standard input when a PATH is `-`. */
  stdin?: Uint8Array;
}

export function checkPaths(paths: readonly string[], loaded: LoadedSettings, opts: CheckOptions = {}): CheckResult {
  const diskPaths = paths.filter((p) => p !== '-');
  const { files, missing } = findManifestFiles(diskPaths);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const explicit = new Set(diskPaths);
  const walked = new Set(files.filter((f) => !explicit.has(f)));
  const inputs = readManifestFiles(files, { fromDirectoryWalk: walked, parse: false });
  if (opts.stdin !== undefined && paths.includes('-')) inputs.push(...stdinInputs(opts.stdin));
  parseInputs(inputs);
  const workspace = buildWorkspace(inputs, { defaultNamespace: loaded.config.defaultNamespace ?? undefined });
  if (loaded.meshNetworksSource) {
    // Read again here so that a check after --fix sees the fixed file.
    const [input] = readManifestFiles([loaded.meshNetworksSource.path], { parse: false });
    const text = input?.text ?? loaded.meshNetworksSource.text;
    addMeshNetworksResource(workspace, { path: loaded.meshNetworksSource.path, text }, loaded.settings.istioNamespace);
  }
  const analysis = analyze(workspace, { settings: loaded.settings, config: loaded.config });
  return { ...analysis, workspace, fileCount: inputs.length };
}

/** Standard input as files: one `<stdin>`, or one per Helm `# Source:` template. */
function stdinInputs(bytes: Uint8Array): InputFile[] {
  const whole = decodeManifest(STDIN_NAME, bytes);
  if (whole.text === null) return [whole];
  return splitBySource(whole.text).map((f) => ({ path: f.path, text: f.text }));
}
