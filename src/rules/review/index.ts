// Rules of the pull-request review itself: what a pull request changes about what is checked. Reported by the
// review pipeline (src/review/introduced.ts), which compares the head with the base; the engine never runs them.
import { defineRule, type Rule } from '../rule.js';
import { formatMessage } from '../../util/messages.js';

const NEW_SUPPRESSION_MESSAGES = {
  suppressionAdded:
    '{change} This pull request adds it, and this repository does not allow a pull request to add suppressions (allow-new-suppressions: false): a maintainer must accept it.',
} as const;

/** The text of a new-suppression finding: `change` says what the pull request adds (plain text, see Introduced). */
export function newSuppressionMessage(change: string): string {
  return formatMessage(NEW_SUPPRESSION_MESSAGES.suppressionAdded, { change });
}

export const reviewRules: Rule[] = [
  defineRule({
    id: 'new-suppression',
    severity: 'error',
    istioCode: null,
    group: 'review',
    fixable: false,
    inputs: [],
    title:
      'A pull request adds a suppression (an ignore annotation, a rule turned off, a new Helm chart) while allow-new-suppressions is false.',
    messages: NEW_SUPPRESSION_MESSAGES,
    check: () => {
      /* reported by the review pipeline, which sees both the base and the head */
    },
  }),
];
