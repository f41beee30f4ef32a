// CLI entry (the package's `istio-review` bin): argument parsing and output; the work is in check.ts.
// Exit status: 0 nothing reaches --fail-on, 1 something does, 2 usage or internal error.
import fs from 'node:fs';
import { checkPaths } from './check.js';
import { loadSettings, UsageError } from './settings-loader.js';
import { reachesThreshold, type FailOn } from './types.js';
import { formatText } from './output/text.js';
import { toJsonReport } from './output/json.js';
import { toSarif } from './output/sarif.js';
import { ALL_RULES } from './rules/index.js';
import { applyFixes } from './fixes/apply.js';
import { logLine } from './util/escape.js';
import { VERSION } from './version.js';
import { runReviewCommand } from './review/local.js';

const USAGE = `istio-review ${VERSION}: catches Istio misconfiguration before it merges.

Usage:
  istio-review check [options] PATH...     check manifests (files or directories)
  istio-review review --base REF [options] [PATH...]
                                           print the review a pull request from REF to HEAD would get
  istio-review rules                       list every rule

Options for check:
  --format text|json|sarif   output format (default text)
  --fail-on error|warning|info|none
                             exit 1 when a finding reaches this severity (default error)
  --mesh-config FILE         MeshConfig (or the istio ConfigMap) the checks assume
  --mesh-networks FILE       MeshNetworks configuration
  --config FILE              config file (default .istio-review.yaml when present)
  --fix                      apply every fix in place and report what changed
`;

interface CheckArgs {
  format: 'text' | 'json' | 'sarif';
  failOn: FailOn;
  meshConfig: string | null;
  meshNetworks: string | null;
  config: string | null;
  fix: boolean;
  paths: string[];
  base: string | null;
}

function parseArgs(argv: string[]): CheckArgs {
  const a: CheckArgs = { format: 'text', failOn: 'error', meshConfig: null, meshNetworks: null, config: null, fix: false, paths: [], base: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const eq = arg.indexOf('=');
      if (eq !== -1) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    const name = arg.split('=')[0];
    switch (name) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
        a.format = v;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (!['error', 'warning', 'info', 'none'].includes(v)) throw new UsageError(`--fail-on must be error, warning, info or none, not "${v}"`);
        a.failOn = v as FailOn;
        break;
      }
      case '--mesh-config': a.meshConfig = value(); break;
      case '--mesh-networks': a.meshNetworks = value(); break;
      case '--config': a.config = value(); break;
      case '--base': a.base = value(); break;
      case '--fix': a.fix = true; break;
      case '--': a.paths.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        a.paths.push(arg);
    }
  }
  return a;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') { process.stdout.write(`${VERSION}\n`); return 0; }
  if (command === 'rules') {
    for (const r of ALL_RULES) process.stdout.write(`${r.id.padEnd(44)} ${r.severity.padEnd(8)} ${(r.istioCode ?? '-').padEnd(8)} ${r.fixable ? 'fix' : '   '}  ${r.title}\n`);
    return 0;
  }
  const args = parseArgs(rest);
  const loaded = loadSettings({
    configFile: args.config ?? '.istio-review.yaml',
    configRequired: args.config !== null,
    meshConfigFile: args.meshConfig,
    meshNetworksFile: args.meshNetworks,
  });
  for (const w of loaded.warnings) process.stderr.write(`istio-review: ${logLine(w)}\n`);
  if (command === 'review') return runReviewCommand({ base: args.base, paths: args.paths, loaded, failOn: args.failOn, format: args.format });
  if (command !== 'check') throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  if (args.paths.length === 0) throw new UsageError('check needs at least one PATH');

  let result = await checkPaths(args.paths, loaded);
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
    result = await checkPaths(args.paths, loaded); // report what is left
  }

  const { findings } = result;
  if (args.format === 'json') {
    process.stdout.write(JSON.stringify(toJsonReport(findings, { files: result.fileCount, resources: result.resourceCount }), null, 2) + '\n');
  } else if (args.format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(findings, ALL_RULES, VERSION), null, 2) + '\n');
  } else {
    process.stdout.write(formatText(findings, result.files, { color: process.stdout.isTTY === true && !process.env.NO_COLOR }));
  }
  return findings.some((f) => reachesThreshold(f.severity, args.failOn)) ? 1 : 0;
}

// `istio-review check … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`istio-review: ${err.message}\n`);
    else process.stderr.write(`istio-review: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
