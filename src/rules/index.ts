// The rule catalogue: every rule the engine runs, by group. Ids are stable; see docs/rules/<id>.md.
import type { Rule } from './rule.js';
import { inputRules } from './input/index.js';
import { serviceEntryRules } from './service-entry/index.js';
import { analyzerRules } from './analyzers/index.js';
import { validationRules } from './validation/index.js';
import { reviewRules } from './review/index.js';

export const ALL_RULES: readonly Rule[] = [
  ...inputRules,
  ...serviceEntryRules,
  ...analyzerRules,
  ...validationRules,
  ...reviewRules,
];

const byId = new Map(ALL_RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
