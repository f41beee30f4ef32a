// The CLI's commands as a table: each names its options (shared specs below) and its run function.
// To add a command, add an entry to COMMANDS; to add an option, add a spec and list it in the
// commands that take it. `--help` for every command is generated from the same specs.
import type { OptionSpec, OptionSpecs, ParsedCommandLine } from './args.js';
import { runCheckCommand } from './check-command.js';
import { runTargetsCommand } from './targets-command.js';
import { loadSettings, type LoadedSettings, type LoadOptions } from '../settings-loader.js';
import type { FailOn, Severity } from '../types.js';
import { ALL_RULES } from '../rules/index.js';
import { logLine } from '../util/escape.js';
import { runReviewCommand } from '../review/local.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export const OPTION = {
  format: { type: 'string', choices: ['text', 'json', 'sarif'], help: 'output format (default text)' },
  failOn: {
    type: 'string',
    choices: ['error', 'warning', 'info', 'none'],
    help: 'exit 1 when a finding reaches this severity (default error)',
  },
  meshConfig: { type: 'string', valueName: 'FILE', help: 'MeshConfig (or the istio ConfigMap) the checks assume' },
  meshNetworks: { type: 'string', valueName: 'FILE', help: 'MeshNetworks configuration' },
  config: { type: 'string', valueName: 'FILE', help: 'config file (default .istio-review.yaml when present)' },
  fix: { type: 'boolean', help: 'apply every fix in place and report what changed' },
  base: { type: 'string', valueName: 'REF', help: 'the branch the pull request would merge into (required)' },
  target: { type: 'string', valueName: 'NAME', help: 'check only this target (see istio-review targets)' },
  commentLevel: {
    type: 'string',
    choices: ['error', 'warning', 'info'],
    help: 'only findings this severe get a line comment; the rest go to the summary (default warning)',
  },
} as const satisfies Record<string, OptionSpec>;

/** The options every analysing command takes (settings and output). */
const ANALYSIS_OPTIONS = {
  format: OPTION.format,
  'fail-on': OPTION.failOn,
  'mesh-config': OPTION.meshConfig,
  'mesh-networks': OPTION.meshNetworks,
  config: OPTION.config,
} satisfies OptionSpecs;

export interface Command {
  name: string;
  /** After `istio-review `: `check [options] PATH...`. */
  synopsis: string;
  summary: string;
  options: OptionSpecs;
  positionals: boolean;
  run(args: ParsedCommandLine): Promise<number>;
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'check',
    synopsis: 'check [options] PATH...',
    summary: 'check manifests (files or directories)',
    options: { ...ANALYSIS_OPTIONS, fix: OPTION.fix, target: OPTION.target },
    positionals: true,
    run: async ({ options, positionals }) =>
      runCheckCommand({
        paths: positionals,
        loaded: loadCliSettings(options),
        format: outputFormat(options),
        failOn: failOn(options),
        fix: options.flag('fix'),
        target: options.string('target'),
      }),
  },
  {
    name: 'targets',
    synopsis: 'targets [options] [DIR...]',
    summary: 'list the targets (what is applied together), how each is rendered, and its files',
    options: {
      config: OPTION.config,
      format: { type: 'string', choices: ['text', 'json'], help: 'output format (default text)' },
    },
    positionals: true,
    run: async ({ options, positionals }) =>
      runTargetsCommand({
        paths: positionals.length > 0 ? positionals : ['.'],
        loaded: loadCliSettings(options),
        format: options.string('format') === 'json' ? 'json' : 'text',
      }),
  },
  {
    name: 'review',
    synopsis: 'review --base REF [options] [PATH...]',
    summary: 'print the review a pull request from REF to HEAD would get',
    options: { base: OPTION.base, ...ANALYSIS_OPTIONS, 'comment-level': OPTION.commentLevel },
    positionals: true,
    run: async ({ options, positionals }) =>
      runReviewCommand({
        base: options.string('base'),
        paths: positionals,
        loaded: loadCliSettings(options),
        failOn: failOn(options),
        format: outputFormat(options),
        commentLevel: (options.string('comment-level') ?? 'warning') as Severity,
        loadOptions: loadOptionsOf(options),
      }),
  },
  {
    name: 'rules',
    synopsis: 'rules',
    summary: 'list every rule',
    options: {},
    positionals: false,
    run: async () => {
      for (const r of ALL_RULES)
        process.stdout.write(
          `${r.id.padEnd(44)} ${r.severity.padEnd(8)} ${(r.istioCode ?? '-').padEnd(8)} ${r.fixable ? 'fix' : '   '}  ${r.title}\n`,
        );
      return 0;
    },
  },
];

type Options = ParsedCommandLine['options'];

function outputFormat(options: Options): OutputFormat {
  return (options.string('format') ?? 'text') as OutputFormat; // checked against choices by the parser
}

function failOn(options: Options): FailOn {
  return (options.string('fail-on') ?? 'error') as FailOn;
}

function loadOptionsOf(options: Options): LoadOptions {
  const config = options.string('config');
  return {
    configFile: config ?? '.istio-review.yaml',
    configRequired: config !== null,
    meshConfigFile: options.string('mesh-config'),
    meshNetworksFile: options.string('mesh-networks'),
  };
}

function loadCliSettings(options: Options): LoadedSettings {
  const loaded = loadSettings(loadOptionsOf(options));
  for (const w of loaded.warnings) process.stderr.write(`istio-review: ${logLine(w)}\n`);
  return loaded;
}
