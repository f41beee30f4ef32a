// `istio-review.dev/ignore` without a reason: the suppression works, but the next reader cannot tell why a
// finding was silenced or whether it still applies.
import { defineRule, type Rule } from '../../rule.js';
import { IGNORE_ANNOTATION, suppressionOf } from '../../../suppression.js';

export const suppressionWithoutReason = defineRule({
  id: 'suppression-without-reason',
  severity: 'info',
  istioCode: null,
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: 'An istio-review.dev/ignore annotation gives no reason ("rule-id: why").',
  messages: {
    noReason: `"${IGNORE_ANNOTATION}: {value}" says what to ignore but not why: write "{ruleIds}: <reason>" so reviewers can tell whether the suppression still applies.`,
  },
  check(ctx) {
    for (const r of ctx.mesh.resources) {
      const value = r.annotations[IGNORE_ANNOTATION];
      if (value === undefined || suppressionOf(ctx.mesh, r).reason !== null) continue;
      ctx.report({
        resource: r,
        path: ['metadata', 'annotations', IGNORE_ANNOTATION],
        subject: value,
        messageId: 'noReason',
        data: { value, ruleIds: value.split(':')[0]!.trim() || 'rule-id' },
      });
    }
  },
});

export const suppressionRules: Rule[] = [suppressionWithoutReason];
