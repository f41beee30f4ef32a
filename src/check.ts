// `check`: files on disk → findings. Shared by the CLI and the benchmark; the Action builds its
// workspaces from git instead but runs the same analyze().
import { analyze, type Analysis } from './engine.js';
import { buildWorkspace, type Workspace } from './manifests/workspace.js';
import { findManifestFiles, readManifestFiles } from './manifests/load.js';
import type { LoadedSettings } from './settings-loader.js';
import { UsageError } from './settings-loader.js';

export interface CheckResult extends Analysis {
  workspace: Workspace;
  fileCount: number;
}

export function checkPaths(paths: readonly string[], loaded: LoadedSettings): CheckResult {
  const { files, missing } = findManifestFiles(paths);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const explicit = new Set(paths);
  const walked = new Set(files.filter((f) => !explicit.has(f)));
  const inputs = readManifestFiles(files, { fromDirectoryWalk: walked });
  const workspace = buildWorkspace(inputs, { defaultNamespace: loaded.config.defaultNamespace ?? undefined });
  const analysis = analyze(workspace, { settings: loaded.settings, config: loaded.config });
  return { ...analysis, workspace, fileCount: inputs.length };
}
