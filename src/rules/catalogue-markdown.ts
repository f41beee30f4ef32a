// The rule index page (docs/rules/README.md), generated from the catalogue so it cannot drift.
import type { Rule } from './rule.js';

export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  const groups = new Map<string, Rule[]>();
  for (const r of rules) (groups.get(r.group) ?? groups.set(r.group, []).get(r.group)!).push(r);
  const out = ['# Rules', '', 'Every rule istio-review runs. Ids are stable; levels can be changed in `.istio-review.yaml`.', '',
    'Generated from the catalogue by `UPDATE_DOCS=1 npm run jest -- test/rules/rule-catalogue.test.ts`.', ''];
  for (const [group, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`## ${group}`, '', '| Rule | Severity | Istio code | Fix | What it catches |', '| --- | --- | --- | --- | --- |');
    for (const r of [...list].sort((a, b) => a.id.localeCompare(b.id))) {
      out.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.istioCode ?? ''} | ${r.fixable ? 'yes' : ''} | ${r.title.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
