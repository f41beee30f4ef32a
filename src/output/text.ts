// Text output for people: findings grouped by file, each with line, severity, rule, message and the
// fix as a small diff.
import type { Finding } from '../types.js';
import type { SourceFile } from '../manifests/source.js';
import { linesOf } from '../manifests/source.js';
import { describeResource } from '../manifests/resource.js';
import { logLine } from '../util/escape.js';

export function formatText(
  findings: readonly Finding[],
  files: ReadonlyMap<string, SourceFile>,
  opts: { color?: boolean; notManifests?: number; showTargets?: boolean } = {},
): string {
  const c = colors(opts.color ?? false);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const l = byFile.get(f.file);
    if (l) l.push(f);
    else byFile.set(f.file, [f]);
  }
  const lineCache = new Map<string, string[]>();
  for (const [file, list] of byFile) {
    out.push(c.bold(logLine(file)));
    for (const f of list) {
      const sev =
        f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      const code = f.istioCode ? ` ${f.istioCode}` : '';
      const who = f.resource ? `${describeResource(f.resource)}: ` : '';
      const where =
        opts.showTargets && f.targets && f.targets.length > 0
          ? `  ${c.dim(logLine(`(in ${inTargets(f.targets)})`))}`
          : '';
      out.push(`  ${String(f.line).padStart(4)}  ${sev}  ${c.dim(f.rule + code)}${where}`);
      out.push(`        ${logLine(who + f.message)}`);
      if (f.fix) {
        const src = files.get(f.fix.file);
        let lines = lineCache.get(f.fix.file);
        if (!lines && src) lineCache.set(f.fix.file, (lines = linesOf(src)));
        out.push(`        ${c.dim(`fix: ${logLine(f.fix.description)}`)}`);
        if (lines)
          for (const l of lines.slice(f.fix.startLine - 1, f.fix.endLine))
            out.push(`        ${c.red(logLine(`- ${l}`))}`);
        for (const l of f.fix.text.split('\n')) out.push(`        ${c.green(logLine(`+ ${l}`))}`);
      }
    }
    out.push('');
  }
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const fixable = findings.filter((f) => f.fix).length;
  out.push(
    `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info${fixable ? `; ${fixable} fixable with --fix` : ''}`,
  );
  const skipped = opts.notManifests ?? 0;
  if (skipped > 0)
    out.push(
      `${skipped} YAML file${skipped === 1 ? ' is' : 's are'} not Kubernetes objects (workflows, Helm values, kustomizations, tool configs); not checked.`,
    );
  return out.join('\n') + '\n';
}

/** "overlays/dev and overlays/prod" */
export function inTargets(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function colors(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), blue: wrap('34'), green: wrap('32'), dim: wrap('2'), bold: wrap('1') };
}
