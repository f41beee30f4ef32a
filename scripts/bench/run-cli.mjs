// Child process of the benchmark: runs the built CLI in this process and, on exit, writes the peak
// resident set size (process.resourceUsage().maxRSS, in KiB) to stderr as `bench-max-rss-kib=N`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const cli = path.resolve(process.argv[2]);
process.argv = [process.argv[0], cli, ...process.argv.slice(3)];
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
await import(pathToFileURL(cli).href);
