// istioctl's envoyfilter.EnvoyPatchAnalyzer: patch operations Envoy ignores for the object they apply to
// (IST0152–IST0154), and relative operations without a priority, whose result depends on the order in which
// EnvoyFilters happen to be applied (IST0151, IST0155 when another patch pins a proxy version).
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { asArray, asObject, asString, isObject, type Resource } from '../../../manifests/resource.js';
import { byNamespaceAndName } from './common.js';
import type { MessageData } from '../../../util/messages.js';
import { valueText } from '../../../util/quote.js';

type Finding = 'add' | 'remove' | 'replace' | 'relative' | 'relative-version';

interface PatchFinding {
  ef: Resource;
  index: number;
  kind: Finding;
  applyTo: string;
  operation: string;
  hasValue: boolean;
}

const ROUTE_LEVEL = new Set(['ROUTE_CONFIGURATION', 'HTTP_ROUTE']);
const REPLACEABLE = new Set(['NETWORK_FILTER', 'HTTP_FILTER', 'VIRTUAL_HOST']);

const inputs = [{ kind: 'EnvoyFilter' }];

/** Walks EnvoyFilters in istioctl's order and classifies each patch. */
function analyze(resources: readonly Resource[]): PatchFinding[] {
  const out: PatchFinding[] = [];
  const versionedNames: string[] = [];
  for (const ef of byNamespaceAndName(resources)) {
    const priority = typeof ef.spec.priority === 'number' ? ef.spec.priority : 0;
    const patches = asArray(ef.spec.configPatches);
    for (let i = 0; i < patches.length; i++) {
      const cp = asObject(patches[i]);
      if (!isObject(cp.patch)) break; // istioctl stops at the first entry without a patch
      const patch = cp.patch;
      const match = asObject(cp.match);
      let name = '';
      if (isObject(patch.value) && Object.keys(patch.value).length > 0) {
        const n = patch.value.name;
        if (n !== undefined && n !== null) name = valueText(n);
        else name = asString(asObject(asObject(asObject(match.listener).filterChain).filter).name) ?? '';
      }
      const applyTo = asString(cp.applyTo) ?? '';
      const operation = asString(patch.operation) ?? '';
      const base = { ef, index: i, applyTo, operation, hasValue: patch.value !== undefined };
      const relative = () => {
        if (priority !== 0) return;
        out.push({ ...base, kind: versionedNames.includes(name) ? 'relative-version' : 'relative' });
      };
      if (operation === 'ADD') {
        if (ROUTE_LEVEL.has(applyTo)) out.push({ ...base, kind: 'add' });
      } else if (operation === 'REMOVE') {
        if (ROUTE_LEVEL.has(applyTo)) out.push({ ...base, kind: 'remove' });
        else relative();
      } else if (operation === 'REPLACE') {
        if (!REPLACEABLE.has(applyTo)) out.push({ ...base, kind: 'replace' });
        else relative();
      } else if (operation === 'INSERT_BEFORE' || operation === 'INSERT_AFTER') {
        relative();
      }
      const proxyVersion = asString(asObject(match.proxy).proxyVersion);
      if (proxyVersion) versionedNames.push(name);
    }
  }
  return out;
}

function reportAll(ctx: RuleContext, kind: Finding, messageId: string, data: (f: PatchFinding) => MessageData): void {
  for (const f of analyze(ctx.inputs('EnvoyFilter'))) {
    if (f.kind !== kind) continue;
    const at = ['spec', 'configPatches', f.index, 'patch', ...(f.hasValue ? ['value'] : [])];
    ctx.report({
      resource: f.ef,
      path: at,
      subject: `patch ${f.applyTo} ${f.operation} #${f.index}`,
      messageId,
      data: data(f),
    });
  }
}

export const envoyFilterAdd = defineRule({
  id: 'envoyfilter-add-on-route',
  severity: 'error',
  istioCode: 'IST0153',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'An EnvoyFilter ADDs to ROUTE_CONFIGURATION or HTTP_ROUTE, where ADD is ignored.',
  messages: {
    addIgnored:
      'operation ADD is ignored for applyTo {applyTo}: this patch never takes effect. Use MERGE to change an existing {object}; to add routes, use a VirtualService (or ADD on VIRTUAL_HOST to add a whole virtual host).',
  },
  check(ctx) {
    reportAll(ctx, 'add', 'addIgnored', (f) => ({
      applyTo: f.applyTo,
      object: f.applyTo === 'HTTP_ROUTE' ? 'route' : 'route configuration',
    }));
  },
});

export const envoyFilterRemove = defineRule({
  id: 'envoyfilter-remove-on-route',
  severity: 'error',
  istioCode: 'IST0154',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'An EnvoyFilter REMOVEs a ROUTE_CONFIGURATION or HTTP_ROUTE, where REMOVE is ignored.',
  messages: {
    removeIgnored:
      'operation REMOVE is ignored for applyTo {applyTo}: the object stays in place. Remove routes with a VirtualService change, or MERGE to alter them.',
  },
  check(ctx) {
    reportAll(ctx, 'remove', 'removeIgnored', (f) => ({ applyTo: f.applyTo }));
  },
});

export const envoyFilterReplace = defineRule({
  id: 'envoyfilter-replace-unsupported',
  severity: 'error',
  istioCode: 'IST0152',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'An EnvoyFilter uses REPLACE on an object type that only supports it for filters and virtual hosts.',
  messages: {
    replaceUnsupported:
      'operation REPLACE is only supported for NETWORK_FILTER, HTTP_FILTER and VIRTUAL_HOST, not for applyTo {applyTo}: this patch is ignored. Use MERGE, or REMOVE and ADD.',
  },
  check(ctx) {
    reportAll(ctx, 'replace', 'replaceUnsupported', (f) => ({ applyTo: f.applyTo || '(unset)' }));
  },
});

export const envoyFilterRelative = defineRule({
  id: 'envoyfilter-relative-without-priority',
  severity: 'warning',
  istioCode: 'IST0151',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'An EnvoyFilter uses a relative operation (REMOVE, REPLACE, INSERT_BEFORE/AFTER) without a priority.',
  messages: {
    relativeWithoutPriority:
      'operation {operation} acts relative to other filters, and this EnvoyFilter sets no priority: when several EnvoyFilters touch the same chain their order is not guaranteed, so the result can change after an upgrade or restart. Set spec.priority.',
  },
  check(ctx) {
    reportAll(ctx, 'relative', 'relativeWithoutPriority', (f) => ({ operation: f.operation }));
  },
});

export const envoyFilterRelativeVersion = defineRule({
  id: 'envoyfilter-relative-with-proxy-version',
  severity: 'warning',
  istioCode: 'IST0155',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'A relative EnvoyFilter operation without priority on a filter another patch pins to a proxy version.',
  messages: {
    relativeToVersionedFilter:
      'operation {operation} acts relative to a filter that another patch matches by proxyVersion, and this EnvoyFilter sets no priority: after a proxy upgrade the versioned patch stops matching and this one lands in a different place. Set spec.priority.',
  },
  check(ctx) {
    reportAll(ctx, 'relative-version', 'relativeToVersionedFilter', (f) => ({ operation: f.operation }));
  },
});

export const envoyFilterRules: Rule[] = [
  envoyFilterAdd,
  envoyFilterRemove,
  envoyFilterReplace,
  envoyFilterRelative,
  envoyFilterRelativeVersion,
];
