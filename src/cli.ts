#!/usr/bin/env node
// CLI entry (the package's `istio-review` bin): picks the command from the table in cli/commands.ts,
// parses its options (cli/args.ts) and maps the outcome to the exit status.
// Exit status: 0 nothing reaches --fail-on, 1 something does, 2 usage or internal error.
import { COMMANDS, type Command } from './cli/commands.js';
import { parseCommandArgs } from './cli/args.js';
import { commandHelp, usage as usageOf } from './cli/help.js';
import { UsageError } from './settings-loader.js';
import { VERSION } from './version.js';

const usage = () => usageOf(COMMANDS);

function findCommand(name: string): Command {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new UsageError(`unknown command "${name}"\n\n${usage()}`);
  return c;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    process.stdout.write(usage());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return 0;
  }
  if (name === 'help') {
    process.stdout.write(rest[0] ? commandHelp(findCommand(rest[0])) : usage());
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name.startsWith('-'))
    throw new UsageError(
      `${name}: options go after the command, as in istio-review check ${name} PATH (see istio-review --help)`,
    );
  const command = findCommand(name);
  const args = parseCommandArgs(command.name, command.options, rest, { positionals: command.positionals });
  if (args.help) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  return command.run(args);
}

// `istio-review check … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) process.stderr.write(`istio-review: ${err.message}\n`);
    else
      process.stderr.write(
        `istio-review: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    process.exitCode = 2;
  },
);
