// The rule index page (docs/rules/README.md), generated from the catalogue so it cannot drift.
import type { Rule } from './rule.js';

export function rulesIndexMarkdown(rules: readonly Rule[]): string {
  const groups = new Map<string, Rule[]>();
  for (const r of rules) (groups.get(r.group) ?? groups.set(r.group, []).get(r.group)!).push(r);
  const out = [
    '# Rules',
    '',
    'Every rule istio-review runs. Ids are stable; levels can be changed in `.istio-review.yaml`.',
    '',
    'Generated from the catalogue by `UPDATE_DOCS=1 npm run jest -- test/rules/rule-catalogue.test.ts`.',
    '',
  ];
  for (const [group, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(
      `## ${group}`,
      '',
      '| Rule | Severity | Istio code | Fix | What it catches |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const r of [...list].sort((a, b) => a.id.localeCompare(b.id))) {
      out.push(
        `| [${r.id}](${r.id}.md) | ${r.severity} | ${r.istioCode ?? ''} | ${r.fixable ? 'yes' : ''} | ${r.title.replace(/\|/g, '\\|')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

const MESSAGES_HEADING = '## Messages';

/** A docs page's "Messages" section: every message of the rule's catalogue, by id, with its placeholders. */
export function messagesSection(rule: Rule): string {
  const entries = Object.entries(rule.messages).map(([id, template]) => `- \`${id}\`: ${template}`);
  return [
    MESSAGES_HEADING,
    '',
    'What the rule says, generated from its message catalogue; `{name}` stands for a value from the resource.',
    '',
    ...entries,
    '',
  ].join('\n');
}

/** The page with its Messages section replaced by the generated one (or added before "Suppress", else at the end). */
export function withMessagesSection(page: string, rule: Rule): string {
  const section = messagesSection(rule);
  const start = page.indexOf(`\n${MESSAGES_HEADING}\n`);
  if (start >= 0) {
    const next = page.indexOf('\n## ', start + 1);
    return page.slice(0, start + 1) + section + (next >= 0 ? '\n' + page.slice(next + 1) : '');
  }
  const suppress = page.indexOf('\n## Suppress');
  if (suppress >= 0) return page.slice(0, suppress + 1) + section + '\n' + page.slice(suppress + 1);
  return page.replace(/\n*$/, '\n\n') + section;
}
