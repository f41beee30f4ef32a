// Rules of the "analyzers/traffic" group.
import type { Rule } from '../../rule.js';

export const trafficAnalyzerRules: Rule[] = [];
