// `istio-review targets [DIR...]`: what `check` would treat as applied together — each target, how it is
// rendered (kustomize and its version, a render command, raw files) and the files it reads. Nothing is rendered.
import { findManifestFiles } from '../manifests/load.js';
import { UsageError, type LoadedSettings } from '../settings-loader.js';
import { diskTree } from '../targets/tree.js';
import { discoverInTree } from '../targets/views.js';
import { findKustomize } from '../targets/render.js';
import type { Target } from '../targets/discover.js';
import { logLine } from '../util/escape.js';
import { inTargets as listNames } from '../output/text.js';

export interface TargetsCommandArgs {
  paths: string[];
  loaded: LoadedSettings;
  format: 'text' | 'json';
  write?: (s: string) => void;
}

export async function runTargetsCommand(args: TargetsCommandArgs): Promise<number> {
  const { files, missing, origins } = findManifestFiles(args.paths);
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const targets = discoverInTree(diskTree(files, process.cwd(), new Map(), origins), args.loaded.config);
  const kustomize = targets.some((t) => t.kind === 'kustomize') ? findKustomize() : null;
  const how = (t: Target): string => {
    if (t.kind === 'kustomize')
      return kustomize
        ? `${kustomize.argv.join(' ')} ${t.root} — ${kustomize.label}`
        : `raw files (kustomize not found: install kustomize or kubectl)`;
    if (t.kind === 'render') return `render: ${t.command}`;
    if (t.kind === 'paths') return 'raw files (declared paths)';
    if (t.kind === 'bundle')
      return 'raw file (a generated bundle of objects also defined in other files: checked on its own)';
    if (t.kind === 'folder') {
      const shared = t.files.some((f) => !f.startsWith(`${t.root}/`));
      return `loose files of ${t.root} (environment folders: the same objects are defined in ${listNames(t.environments)})${shared ? ', with the loose files beside them' : ''}`;
    }
    if (t.kind === 'component') return 'not checked: a kustomize Component that no kustomization here uses';
    return 'raw files (consumed by no kustomization)';
  };
  const out = args.write ?? ((s: string) => process.stdout.write(s));
  if (args.format === 'json') {
    out(
      JSON.stringify(
        {
          targets: targets.map((t) => ({
            name: t.name,
            kind: t.kind,
            renderedWith: how(t),
            files: t.files,
            patches: [...t.patchFiles].sort(),
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return 0;
  }
  for (const t of targets) {
    out(`${logLine(t.name)}  [${t.kind}] ${logLine(how(t))}\n`);
    for (const f of t.files) out(`    ${logLine(f)}${t.patchFiles.has(f) ? '  (patch)' : ''}\n`);
  }
  out(`${targets.length} target${targets.length === 1 ? '' : 's'}\n`);
  return 0;
}
