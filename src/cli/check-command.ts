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

export interface CheckCommandArgs {
  paths: string[];
  loaded: LoadedSettings;
  format: 'text' | 'json' | 'sarif';
  failOn: FailOn;
  fix: boolean;
}

export async function runCheckCommand(args: CheckCommandArgs): Promise<number> {
  if (args.paths.length === 0) throw new UsageError('check needs at least one PATH (see istio-review check --help)');
  if (args.fix && args.paths.includes('-')) throw new UsageError('--fix cannot write back to standard input: give the files instead of -');
  const stdin = args.paths.includes('-') ? readStdin() : undefined;
  let result = checkPaths(args.paths, args.loaded, { stdin });
  if (args.fix) {
    const byFile = new Map<string, NonNullable<(typeof result.findings)[number]['fix']>[]>();
    for (const f of result.findings) if (f.fix) (byFile.get(f.fix.file) ?? byFile.set(f.fix.file, []).get(f.fix.file)!).push(f.fix);
    let changed = 0;
    for (const [file, fixes] of byFile) {
      const raw = fs.readFileSync(file, 'utf8');
      const { text, applied } = applyFixes(raw, fixes);
      if (text !== raw) fs.writeFileSync(file, text);
      changed += applied.length;
      for (const f of applied) process.stderr.write(`fixed ${logLine(file)}:${f.startLine}: ${logLine(f.description)}\n`);
    }
    process.stderr.write(`applied ${changed} fix${changed === 1 ? '' : 'es'} in ${byFile.size} file(s)\n`);
    result = checkPaths(args.paths, args.loaded); // report what is left
  }

  const { findings } = result;
  const notManifests = result.workspace.notManifests.length;
  if (result.workspace.resources.length === 0 && findings.length === 0) {
    const skipped = notManifests > 0 ? ` (${notManifests} YAML file${notManifests === 1 ? ' is' : 's are'} not Kubernetes objects)` : '';
    process.stderr.write(`istio-review: no Kubernetes manifests in ${args.paths.map(logLine).join(', ')}${skipped}; nothing to check.\n`);
  }
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify(toJsonReport(findings, { files: result.fileCount, resources: result.workspace.resources.length, notManifests }), null, 2) + '\n');
  } else if (args.format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(findings, ALL_RULES, VERSION), null, 2) + '\n');
  } else {
    const files = new Map(result.workspace.files.map((f) => [f.path, f]));
    process.stdout.write(formatText(findings, files, { color: process.stdout.isTTY === true && !process.env.NO_COLOR, notManifests }));
  }
  return findings.some((f) => reachesThreshold(f.severity, args.failOn)) ? 1 : 0;
}

function readStdin(): Uint8Array {
  if (process.stdin.isTTY) process.stderr.write('istio-review: reading manifests from standard input (end with Ctrl-D)\n');
  try {
    return fs.readFileSync(0);
  } catch (err) {
    throw new UsageError(`cannot read standard input: ${(err as Error).message}`);
  }
}
