// Equivalents of `istioctl analyze` analyzers, decided from files.
import type { Rule } from '../rule.js';
import { trafficAnalyzerRules } from './traffic/index.js';
import { workloadAnalyzerRules } from './workload/index.js';

export const analyzerRules: Rule[] = [...trafficAnalyzerRules, ...workloadAnalyzerRules];
