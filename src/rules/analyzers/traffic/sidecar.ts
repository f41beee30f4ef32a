// Sidecars (istioctl's sidecar.SelectorAnalyzer, plus egress host visibility): a selector must select a
// workload, a workload must be selected by one Sidecar at most, a namespace may have one default Sidecar,
// Sidecars do nothing in ambient mode, and egress hosts must be visible to the Sidecar's namespace.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, isObject, stringsOf, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import type { Workload } from '../../../mesh/workloads.js';
import {
  GROUP,
  describeHidden,
  describeSelector,
  isAmbientNamespace,
  isAmbientWorkload,
  isExternalNamespace,
  repositoryManagesServicesOf,
  selectorLabels,
  singleFixable,
} from './common.js';

function sidecars(mesh: MeshView): Resource[] {
  return mesh.byKind('Sidecar').filter((s) => s.namespace !== null);
}

function selectorOf(s: Resource): Record<string, string> | null {
  const sel = selectorLabels(asObject(s.spec.workloadSelector).labels);
  return Object.keys(sel).length > 0 ? sel : null;
}

export const sidecarSelectorNoWorkload = defineRule({
  id: 'sidecar-selector-no-workload',
  severity: 'warning',
  istioCode: 'IST0101',
  kialiCode: 'KIA0004',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Sidecar' }],
  title: "A Sidecar's workloadSelector matches no workload of its namespace.",
  messages: {
    selectsNoWorkload:
      'Sidecar {namespace}/{name} selects workloads labelled {selector} in "{namespace}", and no workload in this repository has those labels there: ' +
      'the Sidecar applies to nothing, and the workloads it was meant for keep the namespace default. Fix the labels (pod template labels, not Deployment labels).',
  },
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      const sel = selectorOf(s);
      if (!sel || ctx.mesh.workloadsMatching(sel, s.namespace).length > 0) continue;
      ctx.report({
        resource: s,
        path: ['spec', 'workloadSelector', 'labels'],
        subject: describeSelector(sel),
        messageId: 'selectsNoWorkload',
        data: { namespace: s.namespace!, name: s.name, selector: describeSelector(sel) },
      });
    }
  },
});

/** Workloads each selector-bearing Sidecar selects (ambient ones excluded: reported separately). */
function selections(mesh: MeshView): Map<Workload, Resource[]> {
  const out = new Map<Workload, Resource[]>();
  for (const s of sidecars(mesh)) {
    const sel = selectorOf(s);
    if (!sel) continue;
    for (const w of mesh.workloadsMatching(sel, s.namespace)) {
      if (isAmbientWorkload(mesh, w)) continue;
      (out.get(w) ?? out.set(w, []).get(w)!).push(s);
    }
  }
  return out;
}

export const sidecarConflictingSelectors = defineRule({
  id: 'sidecar-conflicting-selectors',
  severity: 'error',
  istioCode: 'IST0110',
  kialiCode: 'KIA0003',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Sidecar' }],
  title: 'A workload is selected by more than one Sidecar.',
  messages: {
    workloadSelectedTwice:
      '{kind} {namespace}/{name} is selected by this Sidecar and by {others}: Istio applies only one of them, which one is not defined. Make the selectors disjoint or merge the Sidecars.',
  },
  check(ctx) {
    const reported = new Set<Resource>();
    for (const [w, list] of selections(ctx.mesh)) {
      if (list.length < 2) continue;
      for (const s of list) {
        if (reported.has(s)) continue;
        reported.add(s);
        const others = list.filter((o) => o !== s).map((o) => o.name);
        ctx.report({
          resource: s,
          path: ['spec', 'workloadSelector', 'labels'],
          subject: `${w.kind}/${w.name}`,
          messageId: 'workloadSelectedTwice',
          data: { kind: w.kind, namespace: w.namespace, name: w.name, others: others.map((n) => `"${n}"`).join(', ') },
        });
      }
    }
  },
});

export const sidecarMultipleDefaults = defineRule({
  id: 'sidecar-multiple-defaults',
  severity: 'error',
  istioCode: 'IST0111',
  kialiCode: 'KIA0002',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Sidecar' }],
  title: 'A namespace has more than one Sidecar without a workloadSelector.',
  messages: {
    multipleDefaults:
      'Namespace "{namespace}" has {count} Sidecars without a workloadSelector ({sidecars}): Istio uses only one as the namespace default and which one is not defined. ' +
      'Keep one, or give the others a workloadSelector.',
  },
  check(ctx) {
    const byNs = new Map<string, Resource[]>();
    for (const s of sidecars(ctx.mesh)) {
      if (selectorOf(s) || isAmbientNamespace(ctx.mesh, s.namespace!)) continue;
      (byNs.get(s.namespace!) ?? byNs.set(s.namespace!, []).get(s.namespace!)!).push(s);
    }
    for (const [ns, list] of byNs) {
      if (list.length < 2) continue;
      for (const s of list) {
        ctx.report({
          resource: s,
          path: ['metadata', 'name'],
          subject: ns,
          messageId: 'multipleDefaults',
          data: { namespace: ns, count: list.length, sidecars: list.map((o) => `"${o.name}"`).join(', ') },
        });
      }
    }
  },
});

export const sidecarIneffectiveInAmbient = defineRule({
  id: 'sidecar-ineffective-in-ambient',
  severity: 'warning',
  istioCode: 'IST0167',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Sidecar' }],
  title: 'A Sidecar applies to ambient-mode workloads, which have no sidecar to configure.',
  messages: {
    ambientNamespace:
      'Namespace "{namespace}" runs in ambient mode (istio.io/dataplane-mode=ambient): its workloads have no sidecar proxy, so this Sidecar has no effect. ' +
      'Remove it, or configure the waypoint instead.',
    ambientWorkload:
      'This Sidecar selects {kind} {namespace}/{name}, which runs in ambient mode without a sidecar proxy: the Sidecar has no effect on it.',
  },
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      const sel = selectorOf(s);
      if (!sel) {
        if (!isAmbientNamespace(ctx.mesh, s.namespace!)) continue;
        ctx.report({
          resource: s,
          path: ['metadata', 'name'],
          subject: s.namespace!,
          messageId: 'ambientNamespace',
          data: { namespace: s.namespace! },
        });
        continue;
      }
      const ambient = ctx.mesh.workloadsMatching(sel, s.namespace).filter((w) => isAmbientWorkload(ctx.mesh, w));
      for (const w of ambient) {
        ctx.report({
          resource: s,
          path: ['spec', 'workloadSelector', 'labels'],
          subject: `${w.kind}/${w.name}`,
          messageId: 'ambientWorkload',
          data: { kind: w.kind, namespace: w.namespace, name: w.name },
        });
      }
    }
  },
});

export const sidecarEgressHostNotVisible = defineRule({
  id: 'sidecar-egress-host-not-visible',
  severity: 'error',
  istioCode: 'IST0101',
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'Sidecar' }],
  title: "A Sidecar imports a host from a namespace that does not export it to the Sidecar's namespace.",
  messages: {
    egressHostNotVisible:
      'Egress host "{egressHost}" is defined by {definedBy}, which does not include namespace "{namespace}": ' +
      'importing it here has no effect and calls to it fail (503, or passthrough under ALLOW_ANY). Export the host to "{namespace}".',
  },
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      asArray(s.spec.egress).forEach((e, i) => {
        if (!isObject(e)) return;
        (stringsOf(e.hosts) ?? []).forEach((h) => {
          const slash = h.indexOf('/');
          if (slash === -1) return;
          const ns = h.slice(0, slash);
          const host = h.slice(slash + 1);
          if (ns === '*' || ns === '~' || ns === '.' || host.startsWith('*')) return;
          const found = ctx.mesh.lookupHost(
            host.includes('.') ? host : `${host}.${ns}.svc.cluster.local`,
            s.namespace!,
          );
          if (found.visible.some((x) => x.namespace === ns)) return;
          const hidden = found.hidden.filter((x) => x.namespace === ns);
          if (hidden.length === 0) return;
          const fix = singleFixable(hidden, s.namespace!);
          const idx = asArray(e.hosts).indexOf(h);
          ctx.report({
            resource: s,
            path: ['spec', 'egress', i, 'hosts', idx],
            subject: h,
            messageId: 'egressHostNotVisible',
            data: { egressHost: h, definedBy: hidden.map(describeHidden).join('; '), namespace: s.namespace! },
            fix: fix?.edit ?? null,
            fixTarget: fix?.target,
          });
        });
      });
    }
  },
});

export const sidecarEgressHostNotFound = defineRule({
  id: 'sidecar-egress-host-not-found',
  severity: 'warning',
  istioCode: null,
  kialiCode: 'KIA1004',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Sidecar' }],
  title: 'A Sidecar imports a host that no Service or ServiceEntry of that namespace declares.',
  messages: {
    egressHostNotFound:
      'Egress host "{egressHost}": no Service or ServiceEntry in namespace "{namespace}" declares "{host}", so this import matches nothing and the workloads get no route to what was meant ' +
      '(503, or passthrough under ALLOW_ANY). Fix the host or the namespace part.',
  },
  check(ctx) {
    for (const s of sidecars(ctx.mesh)) {
      asArray(s.spec.egress).forEach((e, i) => {
        if (!isObject(e)) return;
        asArray(e.hosts).forEach((h, k) => {
          if (typeof h !== 'string') return;
          const slash = h.indexOf('/');
          if (slash === -1) return;
          let ns = h.slice(0, slash);
          const host = h.slice(slash + 1);
          if (ns === '.') ns = s.namespace!;
          if (ns === '*' || ns === '~' || host.startsWith('*') || host === '') return;
          // Only namespaces whose services the repository declares can be judged.
          if (isExternalNamespace(ctx.mesh, ns) || !repositoryManagesServicesOf(ctx.mesh, ns)) return;
          const fq = host.includes('.') ? host : `${host}.${ns}.svc.cluster.local`;
          if (ctx.mesh.hostEntries(fq).some((x) => x.namespace === ns || x.source === 'external')) return;
          ctx.report({
            resource: s,
            path: ['spec', 'egress', i, 'hosts', k],
            subject: h,
            messageId: 'egressHostNotFound',
            data: { egressHost: h, namespace: ns, host },
          });
        });
      });
    }
  },
});

export const sidecarRules: Rule[] = [
  sidecarSelectorNoWorkload,
  sidecarConflictingSelectors,
  sidecarMultipleDefaults,
  sidecarIneffectiveInAmbient,
  sidecarEgressHostNotVisible,
  sidecarEgressHostNotFound,
];
