// An ALLOW AuthorizationPolicy whose sources and operations sit in separate rules. Rules are OR'ed and the parts of
// one rule AND'ed, so `[{from: A}, {to: B}]` lets anyone do B and lets A do anything, where `[{from: A, to: B}]`
// (A may do B) was almost always meant.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, isObject, type Json, type JsonObject } from '../../../manifests/resource.js';
import type { FixValue } from '../../../fixes/edits.js';
import { GROUP } from './common.js';
import { valueText } from '../../../util/quote.js';

/** The keys a rule sets (empty lists count as absent, as proto reads them). */
function partsOf(rule: JsonObject): string[] {
  return Object.keys(rule).filter(
    (k) => rule[k] !== null && rule[k] !== undefined && !(Array.isArray(rule[k]) && rule[k].length === 0),
  );
}

/** "principals [cluster.local/ns/shop/sa/web]; namespaces [ops]" from `from` or `to` entries. */
function summarize(list: Json | undefined, inner: 'source' | 'operation'): string {
  const parts: string[] = [];
  for (const e of asArray(list)) {
    if (!isObject(e) || !isObject(e[inner])) continue;
    for (const [k, v] of Object.entries(e[inner]))
      parts.push(`${k} ${Array.isArray(v) ? `[${v.map(valueText).join(', ')}]` : valueText(v)}`);
  }
  const text = parts.join('; ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function toFixValue(v: Json): FixValue | null {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    const a = v.map(toFixValue);
    return a.every((x) => x !== null) ? a : null;
  }
  if (isObject(v)) {
    const o: Record<string, FixValue> = {};
    for (const [k, x] of Object.entries(v)) {
      const f = toFixValue(x);
      if (f === null) return null;
      o[k] = f;
    }
    return o;
  }
  return null;
}

const SPLIT_RULES =
  'In ALLOW AuthorizationPolicy {namespace}/{name}, rule {fromRule} has only `from` ({sources}) and rule {toRule} has only `to` ({operations}). ' +
  "Rules are OR'ed: any caller may perform those operations, and those sources may call everything on the workload. " +
  'If the sources should be allowed only those operations, put `from` and `to` in one rule';

export const authzSplitAllowRules = defineRule({
  id: 'authz-split-allow-rules',
  severity: 'warning',
  istioCode: null,
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'AuthorizationPolicy' }],
  title:
    "An ALLOW AuthorizationPolicy with one rule of only `from` and another of only `to`: they are OR'ed, not combined.",
  messages: {
    splitRules: `${SPLIT_RULES}.`,
    splitRulesMergeable: `${SPLIT_RULES} (the fix merges them).`,
  },
  check(ctx) {
    for (const ap of ctx.allInputs('AuthorizationPolicy')) {
      const action = ap.spec.action ?? 'ALLOW';
      if (action !== 'ALLOW') continue;
      const rules = asArray(ap.spec.rules);
      const fromOnly = rules.findIndex((r) => isObject(r) && partsOf(r).join() === 'from');
      const toOnly = rules.findIndex((r) => isObject(r) && partsOf(r).join() === 'to');
      if (fromOnly === -1 || toOnly === -1) continue;
      const from = (rules[fromOnly] as JsonObject).from!;
      const to = (rules[toOnly] as JsonObject).to!;
      const merged = rules.length === 2 ? toFixValue([{ from, to }]) : null;
      ctx.report({
        resource: ap,
        path: ['spec', 'rules'],
        subject: `split|${summarize(from, 'source')}|${summarize(to, 'operation')}`,
        messageId: merged ? 'splitRulesMergeable' : 'splitRules',
        data: {
          namespace: String(ap.namespace),
          name: ap.name,
          fromRule: fromOnly,
          sources: summarize(from, 'source') || 'sources',
          toRule: toOnly,
          operations: summarize(to, 'operation') || 'operations',
        },
        fix: merged
          ? {
              op: 'replaceValue',
              path: ['spec', 'rules'],
              value: merged,
              description: 'merge from and to into one rule',
            }
          : null,
      });
    }
  },
});

export const authzSplitRules: Rule[] = [authzSplitAllowRules];
