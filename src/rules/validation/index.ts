// Rules of the "validation" group.
import type { Rule } from '../rule.js';

export const validationRules: Rule[] = [];
