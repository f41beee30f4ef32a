// `check`: files on disk → findings. Shared by the CLI and the benchmark; the Action builds its
// workspaces from git instead but runs the same analyze().
import { analyze, type Analysis } from './engine.js';
import { buildWorkspace, settingsFileResource, type Workspace } from './manifests/workspace.js';
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
  if (loaded.meshNetworksSource) {
    // istioctl reports mesh-networks problems on the synthetic `MeshNetworks <istio ns>/meshnetworks`.
    // Read again here so that a check after --fix sees the fixed file.
    const [input] = readManifestFiles([loaded.meshNetworksSource.path], { parse: false });
    const text = input?.text ?? loaded.meshNetworksSource.text;
    const r = settingsFileResource({ path: loaded.meshNetworksSource.path, text }, { apiVersion: 'mesh.istio.io/v1alpha1', kind: 'MeshNetworks', namespace: loaded.settings.istioNamespace, name: 'meshnetworks' });
    if (r) { workspace.resources.push(r); workspace.files.push(r.file); }
  }
  const analysis = analyze(workspace, { settings: loaded.settings, config: loaded.config });
  return { ...analysis, workspace, fileCount: inputs.length };
}
