// Per-command argument parsing on node:util's parseArgs. A command declares its options as data
// (OptionSpec); this module turns argv into checked values, and the same specs print `--help`.
import { parseArgs } from 'node:util';
import { UsageError } from '../settings-loader.js';
import { own } from '../util/own.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in help: `--format FORMAT`. Only for string options. */
  valueName?: string;
  /** The accepted values of a string option; anything else is a usage error. */
  choices?: readonly string[];
  /** The option may be given more than once; the values are kept in order. */
  multiple?: boolean;
  short?: string;
  help: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Values as parsed: string options absent from argv are undefined, boolean options false. */
export class ParsedOptions {
  constructor(private readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>) {}

  string(name: string): string | null {
    const v = this.values[name];
    if (Array.isArray(v)) {
      const last = v[v.length - 1];
      return typeof last === 'string' ? last : null;
    }
    return typeof v === 'string' ? v : null;
  }

  /** Every value of a `multiple` option, in the order given. */
  strings(name: string): string[] {
    const v = this.values[name];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    return typeof v === 'string' ? [v] : [];
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }
}

export interface ParsedCommandLine {
  options: ParsedOptions;
  positionals: string[];
  help: boolean;
}

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };

/**
 * Parses one command's arguments. Unknown options, a string option without a value and a value given
 * to a boolean option are usage errors that name the option and the command. `-` is a positional
 * (standard input); everything after `--` is positional.
 */
export function parseCommandArgs(
  command: string,
  specs: OptionSpecs,
  argv: readonly string[],
  opts: { positionals: boolean },
): ParsedCommandLine {
  const all: OptionSpecs = { help: HELP_OPTION, ...specs };
  const config: NonNullable<Parameters<typeof parseArgs>[0]>['options'] = {};
  for (const [name, spec] of Object.entries(all)) {
    config[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  // strict: false plus tokens, checked below, so that the messages can name the command and its help.
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seeHelp = `(see istio-review ${command} --help)`;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = own(all, token.name); // `--constructor` is an unknown option, not Object's constructor
    if (!spec) throw new UsageError(`unknown option ${token.rawName} for ${command} ${seeHelp}`);
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`${token.rawName} takes no value ${seeHelp}`);
    if (spec.type === 'string') {
      const value = token.value;
      // `--format --fix`: parseArgs would take `--fix` as the value; that is almost always a forgotten value.
      if (value === undefined || (!token.inlineValue && value.length > 1 && value.startsWith('-'))) {
        throw new UsageError(`${token.rawName} needs a value ${seeHelp}`);
      }
      if (spec.choices && !spec.choices.includes(value)) {
        throw new UsageError(`${token.rawName} must be ${listChoices(spec.choices)}, not "${value}"`);
      }
    }
  }
  if (!opts.positionals && positionals.length > 0)
    throw new UsageError(`${command} takes no arguments, got "${positionals[0]}" ${seeHelp}`);
  return { options: new ParsedOptions(values), positionals, help: values.help === true };
}

function listChoices(choices: readonly string[]): string {
  return choices.length === 1 ? choices[0]! : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
}

/** The options section of a command's help, one option a line, help text aligned. */
export function formatOptions(specs: OptionSpecs): string {
  const rows = Object.entries({ ...specs, help: HELP_OPTION }).map(([name, spec]) => {
    const value =
      spec.type === 'string' ? ` ${spec.choices ? spec.choices.join('|') : (spec.valueName ?? 'VALUE')}` : '';
    const left = `${spec.short ? `-${spec.short}, ` : ''}--${name}${value}`;
    return [left, spec.help + (spec.multiple ? ' (may be repeated)' : '')] as const;
  });
  const width = Math.min(30, Math.max(...rows.map(([l]) => l.length)));
  return (
    rows
      .map(([l, h]) => (l.length > width ? `  ${l}\n  ${' '.repeat(width)}  ${h}` : `  ${l.padEnd(width)}  ${h}`))
      .join('\n') + '\n'
  );
}
