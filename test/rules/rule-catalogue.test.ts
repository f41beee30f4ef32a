// Every rule carries what users and tools rely on: a stable id, a severity, a docs page that matches.
import fs from 'node:fs';
import { ALL_RULES } from '../../src/rules/index.js';
import { RULE_GROUPS, type Rule } from '../../src/rules/rule.js';

/** The rules a group's folder defines: every rule reachable from the exports of its index.ts. */
async function rulesOfFolder(group: string): Promise<Rule[]> {
  const mod = (await import(`../../src/rules/${group}/index.js`)) as Record<string, unknown>;
  const isRule = (v: unknown): v is Rule => typeof v === 'object' && v !== null && 'id' in v && 'check' in v;
  return Object.values(mod).flatMap((v) => (Array.isArray(v) ? v.filter(isRule) : isRule(v) ? [v] : []));
}

describe('rule catalogue', () => {
  test('ids are unique and readable', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  test.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s has a docs page stating its severity and code',
    (id, rule) => {
      const file = `docs/rules/${id}.md`;
      expect(fs.existsSync(file)).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${id}`);
      expect(text).toContain(`Severity: **${rule.severity}**`);
      expect(text).toContain(`Istio code: ${rule.istioCode ? `**${rule.istioCode}**` : '—'}`);
      expect(text.split('\n')[2]).toMatch(rule.fixable ? / · Fix: yes( \(.+\))?$/ : / · Fix: no$/);
      expect(rule.title.length).toBeGreaterThan(10);
      if (rule.istioCode) expect(rule.istioCode).toMatch(/^IST\d{4}$/);
    },
  );
});

describe('message catalogues', () => {
  test.each(ALL_RULES.map((r) => [r.id, r] as const))(
    '%s: every message has an id and is shown on the docs page',
    async (id, rule) => {
      const { withMessagesSection } = await import('../../src/rules/catalogue-markdown.js');
      const messages = Object.entries(rule.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const [messageId, template] of messages) {
        expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(template.trim()).toBe(template);
        expect(template.length).toBeGreaterThan(10);
      }
      const file = `docs/rules/${id}.md`;
      const page = fs.readFileSync(file, 'utf8');
      const expected = withMessagesSection(page, rule);
      if (process.env.UPDATE_DOCS) fs.writeFileSync(file, expected);
      expect(page).toBe(expected);
    },
  );
});

describe('rule groups', () => {
  test('every rule is defined in the folder its group names, and every folder is a group', async () => {
    const placed = new Map<string, string>();
    for (const group of RULE_GROUPS) {
      for (const rule of await rulesOfFolder(group)) {
        expect(`${rule.id}: ${rule.group}`).toBe(`${rule.id}: ${group}`);
        placed.set(rule.id, group);
      }
    }
    expect(ALL_RULES.filter((r) => !placed.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

describe('rule index page', () => {
  test('docs/rules/README.md lists every rule as the catalogue says', async () => {
    const { rulesIndexMarkdown } = await import('../../src/rules/catalogue-markdown.js');
    const expected = rulesIndexMarkdown(ALL_RULES);
    if (process.env.UPDATE_DOCS) fs.writeFileSync('docs/rules/README.md', expected);
    expect(fs.readFileSync('docs/rules/README.md', 'utf8')).toBe(expected);
  });
});
