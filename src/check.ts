// `check`: files on disk (and standard input) → targets → findings. Shared by the CLI and the benchmark; the review
// builds its trees from git instead, through the same buildTargetViews().
import { addMeshNetworksResource } from './manifests/workspace.js';
import { decodeManifest, findManifestFiles, readManifestFiles } from './manifests/load.js';
import { splitBySource, STDIN_NAME } from './manifests/stdin-split.js';
import type { SourceFile } from './manifests/source.js';
import type { LoadedSettings } from './settings-loader.js';
import { UsageError } from './settings-loader.js';
import type { Finding } from './types.js';
import { diskTree } from './targets/tree.js';
import { buildTargetViews, discoverInTree, rawFiles, type TargetBuild } from './targets/views.js';
import { analyzeTargets } from './targets/analyze.js';
import type { KustomizeTool } from './targets/render.js';

export interface CheckResult {
  findings: Finding[];
  build: TargetBuild;
  /** Every source file a finding may point at, by path. */
  files: Map<string, SourceFile>;
  fileCount: number;
  resourceCount: number;
  /** Files that hold YAML but no Kubernetes object (counted, not reported). */
  notManifests: string[];
}

export interface CheckOptions {
  /** The bytes read from standard input when a PATH is `-`. */
  stdin?: Uint8Array;
  /** Check only the target of this name. */
  target?: string | null;
  /** The kustomize to use (tests); default: look for one. null: behave as if none is installed. */
  kustomize?: KustomizeTool | null;
}

export async function checkPaths(
  paths: readonly string[],
  loaded: LoadedSettings,
  opts: CheckOptions = {},
): Promise<CheckResult> {
  const diskPaths = paths.filter((p) => p !== '-');
  const { files, missing, origins } = findManifestFiles(diskPaths);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const memory = opts.stdin !== undefined && paths.includes('-') ? stdinFiles(opts.stdin) : new Map<string, Buffer>();
  const tree = diskTree([...files, ...memory.keys()], process.cwd(), memory, origins);
  const raw = rawFiles(tree); // discovery's parse is the views' parse
  const targets = discoverInTree(tree, loaded.config, raw);
  if (opts.target && !targets.some((t) => t.name === opts.target)) {
    throw new UsageError(
      `no target "${opts.target}" here; targets: ${targets.map((t) => t.name).join(', ') || '(none)'}`,
    );
  }
  const build = await buildTargetViews(tree, {
    config: loaded.config,
    targets,
    raw,
    ...(opts.kustomize !== undefined ? { kustomize: opts.kustomize } : {}),
    ...(opts.target ? { only: (t) => t.name === opts.target } : {}),
  });
  if (loaded.meshNetworksSource) {
    // Read again here so that a check after --fix sees the fixed file.
    const [input] = readManifestFiles([loaded.meshNetworksSource.path], { parse: false });
    const text = input?.text ?? loaded.meshNetworksSource.text;
    for (const v of build.views)
      addMeshNetworksResource(
        v.workspace,
        { path: loaded.meshNetworksSource.path, text },
        loaded.settings.istioNamespace,
      );
  }
  const { findings } = analyzeTargets(build.views, build.notes, { settings: loaded.settings, config: loaded.config });
  const sources = new Map<string, SourceFile>();
  for (const v of build.views) for (const f of v.workspace.files) if (!sources.has(f.path)) sources.set(f.path, f);
  return {
    findings,
    build,
    files: sources,
    fileCount: build.fileCount,
    resourceCount: build.views.reduce((n, v) => n + v.workspace.resources.length, 0),
    notManifests: [...new Set(build.views.flatMap((v) => v.workspace.notManifests))].sort(),
  };
}

/** Standard input as files: one `<stdin>`, or one per Helm `# Source:` template. */
function stdinFiles(bytes: Uint8Array): Map<string, Buffer> {
  const whole = decodeManifest(STDIN_NAME, bytes);
  if (whole.text === null) return new Map([[STDIN_NAME, Buffer.from(bytes)]]);
  return new Map(splitBySource(whole.text).map((f) => [f.path, Buffer.from(f.text, 'utf8')]));
}
