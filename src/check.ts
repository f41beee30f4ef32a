// `check`: files on disk → targets → findings. Shared by the CLI and the benchmark; the review builds its trees from
// git instead, through the same buildTargetViews().
import { settingsFileResource } from './manifests/workspace.js';
import { findManifestFiles, readManifestFiles } from './manifests/load.js';
import type { SourceFile } from './manifests/source.js';
import type { LoadedSettings } from './settings-loader.js';
import { UsageError } from './settings-loader.js';
import type { Finding } from './types.js';
import { diskTree } from './targets/tree.js';
import { buildTargetViews, discoverInTree, type TargetBuild } from './targets/views.js';
import { analyzeTargets } from './targets/analyze.js';
import type { KustomizeTool } from './targets/render.js';

export interface CheckResult {
  findings: Finding[];
  build: TargetBuild;
  /** Every source file a finding may point at, by path. */
  files: Map<string, SourceFile>;
  fileCount: number;
  resourceCount: number;
}

export interface CheckOptions {
  /** Check only the target of this name. */
  target?: string | null;
  /** The kustomize to use (tests); default: look for one. null: behave as if none is installed. */
  kustomize?: KustomizeTool | null;
}

export async function checkPaths(paths: readonly string[], loaded: LoadedSettings, opts: CheckOptions = {}): Promise<CheckResult> {
  const { files, missing } = findManifestFiles(paths);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const tree = diskTree(files);
  const targets = discoverInTree(tree, loaded.config);
  if (opts.target && !targets.some((t) => t.name === opts.target)) {
    throw new UsageError(`no target "${opts.target}" here; targets: ${targets.map((t) => t.name).join(', ') || '(none)'}`);
  }
  const build = await buildTargetViews(tree, {
    config: loaded.config, targets, ...(opts.kustomize !== undefined ? { kustomize: opts.kustomize } : {}),
    ...(opts.target ? { only: (t) => t.name === opts.target } : {}),
  });
  if (loaded.meshNetworksSource) {
    // istioctl reports mesh-networks problems on the synthetic `MeshNetworks <istio ns>/meshnetworks`.
    // Read again here so that a check after --fix sees the fixed file.
    const [input] = readManifestFiles([loaded.meshNetworksSource.path], { parse: false });
    const text = input?.text ?? loaded.meshNetworksSource.text;
    for (const v of build.views) {
      const r = settingsFileResource({ path: loaded.meshNetworksSource.path, text }, { apiVersion: 'mesh.istio.io/v1alpha1', kind: 'MeshNetworks', namespace: loaded.settings.istioNamespace, name: 'meshnetworks' });
      if (r) { v.workspace.resources.push(r); v.workspace.files.push(r.file); }
    }
  }
  const { findings } = analyzeTargets(build.views, build.notes, { settings: loaded.settings, config: loaded.config });
  const sources = new Map<string, SourceFile>();
  for (const v of build.views) for (const f of v.workspace.files) if (!sources.has(f.path)) sources.set(f.path, f);
  return {
    findings, build, files: sources, fileCount: build.fileCount,
    resourceCount: build.views.reduce((n, v) => n + v.workspace.resources.length, 0),
  };
}
