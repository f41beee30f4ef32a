// Rules of the "validation/schema" group.
import type { Rule } from '../../rule.js';

export const schemaRules: Rule[] = [];
