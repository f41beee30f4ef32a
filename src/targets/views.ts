// One input path for every check: a SourceTree → its targets → one Workspace per target (rendered by kustomize or
// a render command, or read raw). The CLI's `check` and the review's head and base views all come through here.
import path from 'node:path';
import { buildWorkspace, type InputFile, type Workspace } from '../manifests/workspace.js';
import { decodeManifest, parseInputs } from '../manifests/load.js';
import { makeSourceFile, type SourceFile } from '../manifests/source.js';
import { parseManifestFile } from '../manifests/parse.js';
import { fileProblem } from '../manifests/file-problems.js';
import { targetMessage } from '../rules/input/targets.js';
import { resourcesOf } from '../manifests/identity.js';
import type { ReviewConfig } from '../config/config.js';
import { discoverTargets, type Target } from './discover.js';
import { objectsOfValue, type ObjectFacts } from './bundles.js';
import { isKustomizationPath } from './kustomization.js';
import { findKustomize, renderKustomize, runRenderCommand, type KustomizeTool } from './render.js';
import { mapKustomizeOutput, type ParsedSource } from './kustomize-origin.js';
import { mapRenderedOutput } from './helm-origin.js';
import type { SourceTree } from './tree.js';
import { inTargets as listNames } from '../output/text.js';

export interface TargetView {
  target: Target;
  workspace: Workspace;
  /** How its objects were obtained: the tool and version, the command, or "raw files". */
  renderedWith: string;
}

/** A problem with a target as a whole (kustomize missing or failing): reported once, as a finding of `rule`. */
export interface TargetNote {
  rule: 'kustomize-not-found' | 'target-render-failed' | 'kustomize-component-unused';
  file: string;
  line: number;
  message: string;
  targets: string[];
}

export interface TargetBuild {
  targets: Target[];
  views: TargetView[];
  notes: TargetNote[];
  /** The kustomize that rendered (label), or null when none was needed or found. */
  kustomize: string | null;
  fileCount: number;
}

export interface BuildOptions {
  config: ReviewConfig;
  /** Which kustomize to use; default: look for one (`kustomize`, else `kubectl kustomize`). null: none installed. */
  kustomize?: KustomizeTool | null;
  /** Build only the targets this accepts (the review: targets holding a changed file). */
  only?: (t: Target) => boolean;
  /** Targets already discovered for this tree. */
  targets?: Target[];
  /** How many renders run at once. */
  concurrency?: number;
  /** Files read raw, shared between builds of trees over the same files (a review's head and base): a file neither
   *  tree overlays is read and parsed once. */
  rawCache?: Map<string, InputFile>;
  /** The raw reader discovery used for this tree (see discoverInTree); default: a new one over `rawCache`. */
  raw?: RawFiles;
  /** Whether `render:` commands may run (default true); when not, why (for the finding). */
  runCommands?: boolean;
  noCommandsReason?: string;
}

/** `raw`: the reader the views of this tree will use, so that the files discovery parses are not parsed again. */
export function discoverInTree(tree: SourceTree, config: ReviewConfig, raw?: RawFiles): Target[] {
  return discoverTargets(
    {
      files: tree.files,
      exists: (p) => tree.exists(p),
      readText: (p) => {
        const b = tree.read(p);
        return Buffer.isBuffer(b) ? b.toString('utf8') : null;
      },
      ...(raw ? { objectsOf: (files: readonly string[]) => raw.objectsOf(files) } : {}),
    },
    config.targets,
    config.baseDir,
  );
}

/** Files of a tree read raw (decoded and parsed, on all cores when there is enough text, within the run's budget),
 *  each once: discovery and every target's view share them. */
export interface RawFiles {
  read(files: readonly string[]): InputFile[];
  objectsOf(files: readonly string[]): (file: string) => ObjectFacts[];
}

/** `shared`: files read raw, shared between readers of trees over the same files (a review's head and base): a file
 *  neither tree overlays is read and parsed once. */
export function rawFiles(tree: SourceTree, shared?: Map<string, InputFile>): RawFiles {
  const own = new Map<string, InputFile>();
  const cacheFor = (f: string) => (shared && !tree.overlaid?.(f) ? shared : own);
  const read = (files: readonly string[]): InputFile[] => {
    const todo = files.filter((f) => !cacheFor(f).has(f));
    const fresh: InputFile[] = [];
    for (const f of todo) {
      const b = tree.read(f);
      if (b === null) continue;
      // (Not `instanceof Error`: errors from node's fs may come from another realm.)
      if (!Buffer.isBuffer(b)) {
        fresh.push({ path: f, text: null, readProblem: { messageId: 'cannotRead', data: { reason: b.message } } });
        continue;
      }
      const input = decodeManifest(f, b);
      // A JSON file is only a manifest when it names a kind (not package.json and friends).
      if (/\.json$/i.test(f) && input.text !== null && !input.text.includes('"kind"')) continue;
      fresh.push(input);
    }
    parseInputs(fresh);
    for (const f of fresh) cacheFor(f.path).set(f.path, f);
    return files.map((f) => cacheFor(f).get(f)).filter((f): f is InputFile => f !== undefined);
  };
  const objectsOf = (files: readonly string[]) => {
    read(files.filter((f) => /\.(ya?ml|json)$/i.test(f)));
    const memo = new Map<string, ObjectFacts[]>();
    return (f: string): ObjectFacts[] => {
      let v = memo.get(f);
      if (v === undefined) {
        const input = /\.(ya?ml|json)$/i.test(f) ? read([f])[0] : undefined;
        const parsed = input?.parsed;
        v = parsed ? parsed.docs.flatMap((d) => objectsOfValue(d.value)).map((o) => ({ id: o.id })) : [];
        memo.set(f, v);
      }
      return v;
    };
  };
  return { read, objectsOf };
}

export async function buildTargetViews(tree: SourceTree, opts: BuildOptions): Promise<TargetBuild> {
  const targets = opts.targets ?? discoverInTree(tree, opts.config);
  const chosen = targets.filter((t) => !opts.only || opts.only(t));
  // A component nothing uses is not built (kustomize cannot build one alone): one info says it was not checked.
  const notes: TargetNote[] = chosen
    .filter((t) => t.kind === 'component')
    .map((t) => {
      const k = t.kustomizations[0];
      return {
        rule: 'kustomize-component-unused',
        file: k?.file ?? `${t.root}/kustomization.yaml`,
        line: k?.keyLine('kind') ?? 1,
        targets: [t.name],
        message: targetMessage('kustomize-component-unused', 'componentUnused', { component: t.name }),
      };
    });
  const selected = chosen.filter((t) => t.kind !== 'component');
  const needsKustomize = selected.some((t) => t.kind === 'kustomize');
  const tool = needsKustomize ? (opts.kustomize !== undefined ? opts.kustomize : findKustomize()) : null;
  const parsedCache = new Map<string, ParsedSource | null>();
  const readParsed = (p: string): ParsedSource | null => {
    if (parsedCache.has(p)) return parsedCache.get(p)!;
    const b = tree.read(p);
    let out: ParsedSource | null = null;
    if (Buffer.isBuffer(b)) {
      const input = decodeManifest(p, b);
      if (input.text !== null) {
        const src = makeSourceFile(p, input.text);
        const parsed = parseManifestFile(src);
        out = {
          src,
          docs: parsed.docs,
          resources: resourcesOf(src, parsed.docs, {}).resources,
          problems: parsed.problems,
        };
      }
    }
    parsedCache.set(p, out);
    return out;
  };
  const raw = opts.raw ?? rawFiles(tree, opts.rawCache);
  const readRaw = (files: readonly string[]) => raw.read(files);
  const wsOptions = (t: Target) => ({
    defaultNamespace: t.defaultNamespace ?? opts.config.defaultNamespace ?? undefined,
  });
  const rawView = (t: Target, why: string): TargetView => {
    // Patch files hold partial objects: never checked as whole ones. Kustomization files stay: they place namespaces.
    // A kustomization also consumes generator inputs (.env, .properties): only its YAML and JSON are manifests.
    const files = t.files.filter(
      (f) => !t.patchFiles.has(f) && (t.kind !== 'kustomize' || isKustomizationPath(f) || /\.(ya?ml|json)$/i.test(f)),
    );
    const workspace = buildWorkspace(readRaw(files), wsOptions(t));
    // kustomize would have said so; read raw, a broken kustomization must still be reported, not skipped.
    for (const k of t.kustomizations) {
      if (k.problem)
        workspace.problems.push(
          fileProblem(
            'yaml-syntax',
            { messageId: 'unreadableKustomization', data: { detail: k.problem, target: t.name } },
            { file: k.file, line: k.problemLine },
          ),
        );
    }
    return { target: t, workspace, renderedWith: why };
  };
  const notFound: string[] = [];
  const configFile = opts.config.baseDir ? `${opts.config.baseDir}/.istio-review.yaml` : '.istio-review.yaml';

  const buildOne = async (t: Target): Promise<TargetView> => {
    if (t.kind === 'kustomize') {
      if (!tool) {
        notFound.push(t.name);
        return rawView(t, 'raw files (kustomize not found)');
      }
      const disk = tree.onDisk(t.files);
      try {
        const rootDir = path.resolve(disk.dir, t.root ?? '.');
        const res = await renderKustomize(tool, rootDir);
        if (!res.ok) {
          const file = t.kustomizations[0]?.file ?? `${t.root}/kustomization.yaml`;
          // Temporary directories (ours, not the user's) say nothing to the reader.
          res.error = res.error
            .split(`${disk.dir}${path.sep}`)
            .join('')
            .replace(/(\.\.\/)*istio-review-[a-z]+-[A-Za-z0-9]+\//g, '')
            .replace(/\s+/g, ' ')
            .trim();
          notes.push({
            rule: 'target-render-failed',
            file,
            line: 1,
            targets: [t.name],
            message: targetMessage('target-render-failed', 'kustomizeFailed', {
              tool: tool.label,
              target: t.name,
              error: res.error,
            }),
          });
          return rawView(t, 'raw files (kustomize build failed)');
        }
        const mapped = mapKustomizeOutput(
          res.text,
          res.baseDir,
          t,
          {
            file: readParsed,
            treePath: (base, toolPath) => disk.toTree(path.resolve(base, toolPath)),
          },
          wsOptions(t),
        );
        return {
          target: t,
          workspace: { files: mapped.files, resources: mapped.resources, problems: mapped.problems, notManifests: [] },
          renderedWith: tool.label,
        };
      } finally {
        disk.release();
      }
    }
    if (t.kind === 'render') {
      if (opts.runCommands === false) {
        notes.push({
          rule: 'target-render-failed',
          file: configFile,
          line: 1,
          targets: [t.name],
          message: targetMessage('target-render-failed', 'commandNotRun', {
            target: t.name,
            reason: opts.noCommandsReason ?? 'running commands is turned off here',
          }),
        });
        return {
          target: t,
          workspace: { files: [], resources: [], problems: [], notManifests: [] },
          renderedWith: `${t.command} (not run)`,
        };
      }
      // The command reads the files its arguments name, as they are in this tree (a review's head or base).
      const disk = tree.onDisk(t.watch.flatMap((w) => tree.listUnder(w)));
      let res: Awaited<ReturnType<typeof runRenderCommand>>;
      try {
        res = await runRenderCommand(t.command!, path.resolve(disk.dir, opts.config.baseDir));
      } finally {
        disk.release();
      }
      if (!res.ok) {
        notes.push({
          rule: 'target-render-failed',
          file: configFile,
          line: 1,
          targets: [t.name],
          message: targetMessage('target-render-failed', 'commandFailed', {
            target: t.name,
            command: t.command!,
            error: res.error,
          }),
        });
        return {
          target: t,
          workspace: { files: [], resources: [], problems: [], notManifests: [] },
          renderedWith: `${t.command} (failed)`,
        };
      }
      const args = t
        .command!.split(/\s+/)
        .filter((a) => a && !a.startsWith('-'))
        .map((a) => path.posix.normalize(opts.config.baseDir ? `${opts.config.baseDir}/${a}` : a));
      const mapped = mapRenderedOutput(
        res.text,
        t.command!,
        {
          resolve: (source) => {
            // "<chart>/templates/x.yaml": the chart is a directory the command names, else one whose Chart.yaml (or
            // directory) has that name.
            const [chart, ...restParts] = source.split('/');
            const rest = restParts.join('/');
            const charts = tree.files
              .filter((f) => path.posix.basename(f) === 'Chart.yaml')
              .map((f) => path.posix.dirname(f));
            const named = charts.filter(
              (d) => path.posix.basename(d) === chart || chartName(tree, `${d}/Chart.yaml`) === chart,
            );
            for (const dir of [...args, ...named, ...charts]) {
              const p = path.posix.normalize(`${dir}/${rest}`);
              if (tree.exists(p)) return p;
            }
            return null;
          },
          text: (p) => {
            const b = tree.read(p);
            return Buffer.isBuffer(b) ? b.toString('utf8') : null;
          },
        },
        wsOptions(t),
      );
      return {
        target: t,
        workspace: { files: mapped.files, resources: mapped.resources, problems: mapped.problems, notManifests: [] },
        renderedWith: t.command!,
      };
    }
    return rawView(t, 'raw files');
  };

  const views = new Array<TargetView>(selected.length);
  let next = 0;
  const worker = async () => {
    while (next < selected.length) {
      const i = next++;
      views[i] = await buildOne(selected[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, selected.length)) }, worker));
  if (notFound.length > 0) {
    const first = selected.find((t) => t.name === notFound[0]);
    notes.push({
      rule: 'kustomize-not-found',
      file: first?.kustomizations[0]?.file ?? notFound[0]!,
      line: 1,
      targets: notFound,
      message: targetMessage('kustomize-not-found', notFound.length === 1 ? 'oneTarget' : 'severalTargets', {
        targets: listNames(notFound),
      }),
    });
  }
  const fileCount = new Set(
    views.flatMap((v) => [...v.target.files, ...v.workspace.files.map((f: SourceFile) => f.path)]),
  ).size;
  return { targets, views, notes, kustomize: tool?.label ?? null, fileCount };
}

function chartName(tree: SourceTree, chartYaml: string): string | null {
  const b = tree.read(chartYaml);
  if (!Buffer.isBuffer(b)) return null;
  return /^name:\s*["']?([^"'\s#]+)/m.exec(b.toString('utf8'))?.[1] ?? null;
}
