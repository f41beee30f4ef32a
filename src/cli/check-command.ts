// `istio-review check`: findings for files on disk, printed as text, JSON or SARIF; `--fix` applies fixes first.
import fs from 'node:fs';
import { checkPaths } from '../check.js';
import { UsageError, type LoadedSettings } from '../settings-loader.js';
import { reachesThreshold, type FailOn } from '../types.js';
import { formatText } from '../output/text.js';
import { toJsonReport } from '../output/json.js';
import { toSarif } from '../output/sarif.js';
import { ALL_RULES } from '../rules/index.js';
import { applyFixes } from '../fixes/apply.js';
import { logLine } from '../util/escape.js';
import { VERSION } from '../version.js';
import type { TargetBuild } from '../targets/views.js';

/** "checked 2 targets: overlays/dev, overlays/prod (kubectl v1.32 kustomize (kustomize v5.5.0))" */
export function describeTargets(build: TargetBuild): string {
  const groups = new Map<string, string[]>();
  for (const v of build.views)
    (groups.get(v.renderedWith) ?? groups.set(v.renderedWith, []).get(v.renderedWith)!).push(v.target.name);
  const parts = [...groups].map(([how, names]) => `${names.map(logLine).join(', ')} (${logLine(how)})`);
  return `istio-review: checked ${build.views.length} target${build.views.length === 1 ? '' : 's'}: ${parts.join('; ')}`;
}

export interface CheckCommandArgs {
  paths: string[];
  loaded: LoadedSettings;
  format: 'text' | 'json' | 'sarif';
  failOn: FailOn;
  fix: boolean;
  /** Check only this target. */
  target: string | null;
}

export async function runCheckCommand(args: CheckCommandArgs): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('check needs at least one PATH (see istio-review check --help)');
  if (args.fix && args.paths.includes('-'))
    throw new UsageError('--fix cannot write back to standard input: give the files instead of -');
  const stdin = args.paths.includes('-') ? readStdin() : undefined;
  const check = () => checkPaths(args.paths, args.loaded, { target: args.target, stdin });
  let result = await check();
  if (args.fix) {
    const byFile = new Map<string, NonNullable<(typeof result.findings)[number]['fix']>[]>();
    for (const f of result.findings)
      if (f.fix) (byFile.get(f.fix.file) ?? byFile.set(f.fix.file, []).get(f.fix.file)!).push(f.fix);
    let changed = 0;
    for (const [file, fixes] of byFile) {
      const raw = fs.readFileSync(file, 'utf8');
      const { text, applied } = applyFixes(raw, fixes);
      if (text !== raw) fs.writeFileSync(file, text);
      changed += applied.length;
      for (const f of applied)
        process.stderr.write(`fixed ${logLine(file)}:${f.startLine}: ${logLine(f.description)}\n`);
    }
    process.stderr.write(`applied ${changed} fix${changed === 1 ? '' : 'es'} in ${byFile.size} file(s)\n`);
    result = await check(); // report what is left
  }

  const { findings, build } = result;
  const notManifests = result.notManifests.length;
  if (result.resourceCount === 0 && findings.length === 0) {
    const skipped =
      notManifests > 0
        ? ` (${notManifests} YAML file${notManifests === 1 ? ' is' : 's are'} not Kubernetes objects)`
        : '';
    process.stderr.write(
      `istio-review: no Kubernetes manifests in ${args.paths.map(logLine).join(', ')}${skipped}; nothing to check.\n`,
    );
  }
  // Which targets were checked, and how: kustomize's version matters when its output is what is checked.
  if (build.views.some((v) => v.target.kind !== 'loose')) process.stderr.write(`${describeTargets(build)}\n`);
  if (args.format === 'json') {
    const report = {
      ...toJsonReport(findings, { files: result.fileCount, resources: result.resourceCount, notManifests }),
      targets: build.views.map((v) => ({
        name: v.target.name,
        kind: v.target.kind,
        renderedWith: v.renderedWith,
        files: v.target.files,
      })),
      kustomize: build.kustomize,
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else if (args.format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(findings, ALL_RULES, VERSION), null, 2) + '\n');
  } else {
    process.stdout.write(
      formatText(findings, result.files, {
        color: process.stdout.isTTY === true && !process.env.NO_COLOR,
        notManifests,
        showTargets: build.views.length > 1,
      }),
    );
  }
  return findings.some((f) => reachesThreshold(f.severity, args.failOn)) ? 1 : 0;
}

function readStdin(): Uint8Array {
  if (process.stdin.isTTY)
    process.stderr.write('istio-review: reading manifests from standard input (end with Ctrl-D)\n');
  try {
    return fs.readFileSync(0);
  } catch (err) {
    throw new UsageError(`cannot read standard input: ${(err as Error).message}`);
  }
}
