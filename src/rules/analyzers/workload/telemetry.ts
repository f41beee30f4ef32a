// istioctl's telemetry analyzers: access logging without a provider (IST0157), selectors that match nothing
// (IST0101) or overlap (IST0159), several namespace-wide Telemetries (IST0160), and the removed Lightstep
// tracer (IST0002). Selectors match every workload kind, not only Pods.
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { asArray, asObject, asString, asStringMap, isObject, type Resource } from '../../../manifests/resource.js';
import type { Workload } from '../../../mesh/workloads.js';
import { byNamespaceAndName } from './common.js';

const inputs = [{ kind: 'Telemetry' }];

function telemetries(ctx: RuleContext): Resource[] {
  return byNamespaceAndName(ctx.inputs('Telemetry'));
}

/** The selector's labels when the Telemetry has a non-empty `selector.matchLabels`, else null. */
function selectorOf(t: Resource): Record<string, string> | null {
  const labels = asStringMap(asObject(t.spec.selector).matchLabels);
  return Object.keys(labels).length > 0 ? labels : null;
}

const hasTargetRef = (t: Resource) => isObject(t.spec.targetRef) || asArray(t.spec.targetRefs).length > 0;

export const telemetryNoProvider = defineRule({
  id: 'telemetry-access-log-without-provider',
  severity: 'warning',
  istioCode: 'IST0157',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'A Telemetry enables access logging without a provider while the mesh has no default access-log provider.',
  messages: {
    noProvider:
      'This accessLogging entry names no provider and the mesh config has no defaultProviders.accessLogging, so no access log is written. Add "providers: [{name: envoy}]" (or another configured provider).',
  },
  check(ctx) {
    const defaults = asArray(asObject(ctx.mesh.settings.meshConfig.defaultProviders).accessLogging);
    if (defaults.length > 0) return;
    for (const t of telemetries(ctx)) {
      // One finding per Telemetry, at its first entry without a provider (istioctl's message names the Telemetry only).
      const i = asArray(t.spec.accessLogging).findIndex((entry) => {
        const e = asObject(entry);
        return e.disabled !== true && asArray(e.providers).length === 0;
      });
      if (i === -1) continue;
      ctx.report({
        resource: t,
        path: ['spec', 'accessLogging', i],
        subject: 'accessLogging without provider',
        messageId: 'noProvider',
      });
    }
  },
});

function selectorFindings(ctx: RuleContext): { t: Resource; inRepoNamespace: boolean }[] {
  const { mesh } = ctx;
  const out: { t: Resource; inRepoNamespace: boolean }[] = [];
  for (const t of telemetries(ctx)) {
    const sel = selectorOf(t);
    if (!sel || hasTargetRef(t)) continue;
    if (mesh.workloadsMatching(sel, t.namespace).length > 0) continue;
    out.push({ t, inRepoNamespace: mesh.workloadsIn(t.namespace!).length > 0 });
  }
  return out;
}

const describeSelector = (t: Resource) =>
  Object.entries(selectorOf(t) ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

export const telemetrySelectorNoMatch = defineRule({
  id: 'telemetry-selector-no-match',
  severity: 'warning',
  istioCode: 'IST0101',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title:
    "A Telemetry selector matches no workload of its namespace, although the repository defines that namespace's workloads.",
  messages: {
    noMatch:
      'The selector "{selector}" matches no workload in namespace "{namespace}" (a Telemetry selects only in its own namespace), so this Telemetry applies to nothing. Fix the labels, or move it to the workloads\' namespace.',
  },
  check(ctx) {
    for (const { t, inRepoNamespace } of selectorFindings(ctx)) {
      if (!inRepoNamespace) continue;
      ctx.report({
        resource: t,
        path: ['spec', 'selector', 'matchLabels'],
        subject: describeSelector(t),
        messageId: 'noMatch',
        data: { selector: describeSelector(t), namespace: String(t.namespace) },
      });
    }
  },
});

export const telemetrySelectorNotInRepo = defineRule({
  id: 'telemetry-selector-not-in-repository',
  severity: 'info',
  istioCode: 'IST0101',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'A Telemetry selects workloads of a namespace the repository has no workloads for (deployed elsewhere?).',
  messages: {
    notInRepository:
      'No workload matching "{selector}" in namespace "{namespace}" is defined in this repository. If it is deployed elsewhere, declare it under external.workloads in .istio-review.yaml; otherwise this Telemetry applies to nothing.',
  },
  check(ctx) {
    const external = new Set(ctx.mesh.config.external.namespaces);
    for (const { t, inRepoNamespace } of selectorFindings(ctx)) {
      // A namespace the config file declares as existing elsewhere has workloads we cannot see.
      if (inRepoNamespace || external.has(t.namespace!)) continue;
      ctx.report({
        resource: t,
        path: ['spec', 'selector', 'matchLabels'],
        subject: describeSelector(t),
        messageId: 'notInRepository',
        data: { selector: describeSelector(t), namespace: String(t.namespace) },
      });
    }
  },
});

export const telemetrySelectorConflict = defineRule({
  id: 'telemetry-selector-conflict',
  severity: 'error',
  istioCode: 'IST0159',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'A workload is selected by more than one Telemetry: which one applies is undefined.',
  messages: {
    conflict:
      '{workloadKind} "{workload}" is also selected by Telemetry {others}: Istio applies only one selector-based Telemetry per workload and which one is not defined, so settings come and go between restarts. Merge them or make the selectors disjoint.',
  },
  check(ctx) {
    const byWorkload = new Map<Workload, Resource[]>();
    for (const t of telemetries(ctx)) {
      const sel = selectorOf(t);
      if (!sel || hasTargetRef(t)) continue;
      for (const w of ctx.mesh.workloadsMatching(sel, t.namespace))
        (byWorkload.get(w) ?? byWorkload.set(w, []).get(w)!).push(t);
    }
    // One finding per Telemetry and workload it shares, as istioctl reports one per pod.
    for (const [w, ts] of byWorkload) {
      if (ts.length < 2) continue;
      for (const t of ts) {
        const others = ts
          .filter((o) => o !== t)
          .map((o) => o.name)
          .join(', ');
        ctx.report({
          resource: t,
          path: ['spec', 'selector', 'matchLabels'],
          subject: `conflict ${w.kind}/${w.name}`,
          messageId: 'conflict',
          data: { workloadKind: w.kind, workload: w.name, others },
        });
      }
    }
  },
});

export const telemetryMultipleDefaults = defineRule({
  id: 'telemetry-multiple-without-selector',
  severity: 'error',
  istioCode: 'IST0160',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'A namespace has more than one Telemetry without a selector: which one applies is undefined.',
  messages: {
    severalNamespaceWide:
      'Namespace "{namespace}" has several Telemetries without a selector ({telemetries}): only one namespace-wide Telemetry is used and which one is not defined. Merge them into one.',
  },
  check(ctx) {
    const byNs = new Map<string, Resource[]>();
    for (const t of telemetries(ctx)) {
      if ((t.spec.selector !== undefined && t.spec.selector !== null) || hasTargetRef(t)) continue;
      (byNs.get(t.namespace!) ?? byNs.set(t.namespace!, []).get(t.namespace!)!).push(t);
    }
    for (const [ns, ts] of byNs) {
      if (ts.length < 2) continue;
      for (const t of ts) {
        ctx.report({
          resource: t,
          path: ['metadata', 'name'],
          subject: `namespace-wide ${ns}`,
          messageId: 'severalNamespaceWide',
          data: { namespace: ns, telemetries: ts.map((o) => o.name).join(', ') },
        });
      }
    }
  },
});

export const telemetryLightstep = defineRule({
  id: 'telemetry-lightstep-deprecated',
  severity: 'warning',
  istioCode: 'IST0002',
  group: 'analyzers/workload',
  fixable: false,
  inputs,
  title: 'A Telemetry traces to a Lightstep provider, which Istio deprecated in favour of OpenTelemetry.',
  messages: {
    lightstep:
      'Tracing provider "{provider}" is a Lightstep extension provider, which Istio has deprecated and will remove; traces stop when it goes. Switch the provider to OpenTelemetry (extensionProviders[].opentelemetry) pointing at Lightstep\'s OTLP endpoint.',
  },
  check(ctx) {
    const lightstep = new Set<string>();
    for (const p of asArray(ctx.mesh.settings.meshConfig.extensionProviders)) {
      if (isObject(p) && isObject(p.lightstep) && typeof p.name === 'string') lightstep.add(p.name);
    }
    if (lightstep.size === 0) return;
    for (const t of telemetries(ctx)) {
      asArray(t.spec.tracing).forEach((tr, i) => {
        asArray(asObject(tr).providers).forEach((p, j) => {
          const name = asString(asObject(p).name);
          if (!name || !lightstep.has(name)) return;
          ctx.report({
            resource: t,
            path: ['spec', 'tracing', i, 'providers', j, 'name'],
            subject: name,
            messageId: 'lightstep',
            data: { provider: name },
          });
        });
      });
    }
  },
});

export const telemetryRules: Rule[] = [
  telemetryNoProvider,
  telemetrySelectorNoMatch,
  telemetrySelectorNotInRepo,
  telemetrySelectorConflict,
  telemetryMultipleDefaults,
  telemetryLightstep,
];
