// Rules of the pull-request review itself: what a pull request changes about what is checked. Reported by the
// review pipeline (src/review/introduced.ts), which compares the head with the base; the engine never runs them.
import { defineRule, type Rule } from '../rule.js';

export const reviewRules: Rule[] = [
  defineRule({
    id: 'new-suppression', severity: 'error', istioCode: null, group: 'review', fixable: false, inputs: [],
    title: 'A pull request adds a suppression (an ignore annotation, a rule turned off, a new Helm chart) while allow-new-suppressions is false.',
    check: () => { /* reported by the review pipeline, which sees both the base and the head */ },
  }),
];
