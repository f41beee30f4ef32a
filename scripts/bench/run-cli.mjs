// Child process of the benchmark: runs the built CLI in this process and, on exit, writes the peak
// resident set size (process.resourceUsage().maxRSS, in KiB) and the CPU time of all its threads to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const cli = path.resolve(process.argv[2]);
process.argv = [process.argv[0], cli, ...process.argv.slice(3)];
process.on('exit', () => {
  const cpu = process.cpuUsage(); // every thread of the process, workers included
  process.stderr.write(
    `\nbench-max-rss-kib=${process.resourceUsage().maxRSS} bench-cpu-ms=${((cpu.user + cpu.system) / 1000).toFixed(0)} bench-main-cpu-ms=${mainThreadCpuMs()}\n`,
  );
});

/** CPU time of the main thread alone (Linux: /proc/self/task/<pid>/stat utime + stime), or -1. On a busy machine
 *  this is what the wall time would be on an idle one, as the main thread is the critical path. */
function mainThreadCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return -1;
  }
}
await import(pathToFileURL(cli).href);
