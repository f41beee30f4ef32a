// The help texts, generated from the command table so that they cannot drift from what is parsed.
import { formatOptions } from './args.js';
import type { Command } from './commands.js';
import { VERSION } from '../version.js';

export function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.synopsis.length)) + 2;
  const lines = commands.map((c) => `  istio-review ${c.synopsis.padEnd(width)}${c.summary}`);
  return `istio-review ${VERSION}: catches Istio misconfiguration before it merges.

Usage:
${lines.join('\n')}
  istio-review ${'COMMAND --help'.padEnd(width)}the options of a command
  istio-review --version
`;
}

export function commandHelp(c: Command): string {
  return `Usage: istio-review ${c.synopsis}\n\n${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.\n\nOptions:\n${formatOptions(c.options)}`;
}
