// Rules of the "service-entry" group.
import type { Rule } from '../rule.js';

export const serviceEntryRules: Rule[] = [];
