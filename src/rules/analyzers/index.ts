// Rules of the "analyzers" group.
import type { Rule } from '../rule.js';

export const analyzerRules: Rule[] = [];
