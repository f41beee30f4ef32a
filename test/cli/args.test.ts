// Per-command option parsing: what a user types is accepted or refused with a message naming the option
// and the command; `--help` texts come from the same option tables.
import { spawnSync } from 'node:child_process';
import { parseCommandArgs } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { commandHelp } from '../../src/cli/help.js';
import { UsageError } from '../../src/settings-loader.js';
import { builtFile, ensureBuilt } from '../support/built.js';

const command = (name: string) => COMMANDS.find((c) => c.name === name)!;
const parse = (name: string, argv: string[]) => {
  const c = command(name);
  return parseCommandArgs(c.name, c.options, argv, { positionals: c.positionals });
};
const refusal = (name: string, argv: string[]): string => {
  try {
    parse(name, argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`${name} ${argv.join(' ')} was accepted`);
};

describe('check options', () => {
  test('every documented flag, in both --name value and --name=value forms', () => {
    const a = parse('check', [
      '--format',
      'json',
      '--fail-on=warning',
      '--mesh-config',
      'mc.yaml',
      '--mesh-networks=mn.yaml',
      '--config',
      'c.yaml',
      '--fix',
      'a/',
      'b.yaml',
    ]);
    expect(a.options.string('format')).toBe('json');
    expect(a.options.string('fail-on')).toBe('warning');
    expect(a.options.string('mesh-config')).toBe('mc.yaml');
    expect(a.options.string('mesh-networks')).toBe('mn.yaml');
    expect(a.options.string('config')).toBe('c.yaml');
    expect(a.options.flag('fix')).toBe(true);
    expect(a.positionals).toEqual(['a/', 'b.yaml']);
    expect(a.help).toBe(false);
  });

  test('absent options are null / false', () => {
    const a = parse('check', ['x']);
    expect(a.options.string('format')).toBeNull();
    expect(a.options.flag('fix')).toBe(false);
  });

  test('`-` is a path (standard input) and everything after `--` is a path', () => {
    expect(parse('check', ['-']).positionals).toEqual(['-']);
    expect(parse('check', ['--', '--fix', '-x.yaml']).positionals).toEqual(['--fix', '-x.yaml']);
  });

  test('a flag of another command is refused, naming the command', () => {
    expect(refusal('check', ['--base', 'main', 'x'])).toBe(
      'unknown option --base for check (see istio-review check --help)',
    );
    expect(refusal('review', ['--base', 'main', '--fix'])).toBe(
      'unknown option --fix for review (see istio-review review --help)',
    );
    expect(refusal('check', ['-q', 'x'])).toMatch(/^unknown option -q for check/);
  });

  test('an option named after an Object.prototype member is unknown, not a match', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(refusal('check', [`--${name}`, 'x'])).toBe(
        `unknown option --${name} for check (see istio-review check --help)`,
      );
    }
  });

  test('values are checked', () => {
    expect(refusal('check', ['--format', 'xml', 'x'])).toBe('--format must be text, json or sarif, not "xml"');
    expect(refusal('check', ['--fail-on', 'critical', 'x'])).toBe(
      '--fail-on must be error, warning, info or none, not "critical"',
    );
    expect(refusal('check', ['x', '--format'])).toMatch(/^--format needs a value/);
    expect(refusal('check', ['--config', '--fix', 'x'])).toMatch(/^--config needs a value/);
    expect(refusal('check', ['--fix=yes', 'x'])).toMatch(/^--fix takes no value/);
  });

  test('-h and --help ask for the command help', () => {
    expect(parse('check', ['--help']).help).toBe(true);
    expect(parse('review', ['-h']).help).toBe(true);
  });
});

test('rules takes no arguments', () => {
  expect(refusal('rules', ['extra'])).toMatch(/^rules takes no arguments/);
  expect(refusal('rules', ['--format', 'json'])).toMatch(/^unknown option --format for rules/);
});

test('review takes --base and the analysis options', () => {
  const a = parse('review', ['--base', 'origin/main', '--format', 'sarif', 'k8s/']);
  expect(a.options.string('base')).toBe('origin/main');
  expect(a.options.string('format')).toBe('sarif');
  expect(a.positionals).toEqual(['k8s/']);
});

test('each command help lists exactly the options the command accepts', () => {
  for (const c of COMMANDS) {
    const help = commandHelp(c);
    expect(help).toContain(`Usage: istio-review ${c.synopsis}`);
    for (const name of Object.keys(c.options)) expect(help).toContain(`--${name}`);
    expect(help).toContain('--help');
  }
  expect(commandHelp(command('check'))).not.toContain('--base');
  expect(commandHelp(command('review'))).not.toContain('--fix');
});

describe('the built CLI', () => {
  const CLI = builtFile('cli.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  beforeAll(ensureBuilt, 120_000);

  test('`check --help` and `review --help` print their options and exit 0', () => {
    const check = run('check', '--help');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^Usage: istio-review check/);
    expect(check.stdout).toContain('--fix');
    const review = run('review', '--help');
    expect(review.status).toBe(0);
    expect(review.stdout).toContain('--base REF');
  });

  test('an option the command does not take exits 2 with the reason on stderr', () => {
    const r = run('check', '--base', 'main', 'examples');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option --base for check');
    expect(r.stdout).toBe('');
  });

  test('an option before the command says where options go', () => {
    const r = run('--format', 'json', 'check', 'examples');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format: options go after the command');
  });

  test('no command prints the usage and exits 2; an unknown command exits 2', () => {
    expect(run().status).toBe(2);
    const r = run('lint', 'x');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "lint"');
  });
});
