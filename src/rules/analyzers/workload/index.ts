// Rules of the "analyzers/workload" group.
import type { Rule } from '../../rule.js';

export const workloadAnalyzerRules: Rule[] = [];
