// Child process of the benchmark: reads every manifest under a directory, then times one parser over
// all of them on one core. argv: <yaml|js-yaml> <dir>. Prints {"ms": …, "docs": …} on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import * as jsYaml from 'js-yaml';

const [which, dir] = process.argv.slice(2);
const texts = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(ya?ml|json)$/i.test(e.name)) texts.push(fs.readFileSync(p, 'utf8'));
  }
})(dir);

let docs = 0;
const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
if (which === 'yaml') {
  for (const t of texts) docs += parseAllDocuments(t, { version: '1.1', uniqueKeys: true, prettyErrors: false }).length;
} else {
  for (const t of texts)
    jsYaml.loadAll(t, () => {
      docs++;
    });
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(c0);
const whole = process.cpuUsage(); // the whole process so far: start-up, reading and parsing
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    processCpuMs: (whole.user + whole.system) / 1000,
    docs,
  }) + '\n',
);
