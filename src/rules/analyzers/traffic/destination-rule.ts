// DestinationRule hosts and subsets (istioctl's destinationrule.SubsetSelectPodAnalyzer): the host must be one
// the DestinationRule's namespace can see, and every subset must select some workload.
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { asArray, asObject, asStringMap, isObject, type Resource } from '../../../manifests/resource.js';
import type { HostEntry, MeshView } from '../../../mesh/mesh-view.js';
import { hostMatches, isWildcardHost, parseServiceHost, resolveHost } from '../../../mesh/hosts.js';
import { labelsMatch } from '../../../mesh/workloads.js';
import type { Workload } from '../../../mesh/workloads.js';
import {
  GROUP,
  describeHidden,
  describeSelector,
  isAssumedIstioService,
  isExternalNamespace,
  judgeHost,
  routeDestinations,
  shortHostServiceEntry,
  singleFixable,
} from './common.js';
import { emptyRecord } from '../../../util/own.js';

function hostOf(dr: Resource): string | null {
  return typeof dr.spec.host === 'string' && dr.spec.host !== '' ? dr.spec.host : null;
}

const APPLIES_TO_NOTHING =
  'if the cluster has none either, its traffic policy and subsets apply to nothing. ' +
  "Fix the host (a short name resolves in the DestinationRule's namespace), or declare it under `external.hosts`.";

export const drHostNotFound = defineRule({
  id: 'dr-host-not-found',
  severity: 'warning',
  istioCode: 'IST0174',
  kialiCode: 'KIA0202',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'DestinationRule' }],
  title: 'A DestinationRule is for a host no Service or ServiceEntry in the repository declares.',
  messages: {
    hostNotFound: `DestinationRule {namespace}/{name} is for host "{host}", which no Service or ServiceEntry in this repository declares: ${APPLIES_TO_NOTHING}`,
    shortHostNotFound: `DestinationRule {namespace}/{name} is for host "{host}" ({fullName}), which no Service or ServiceEntry in this repository declares: ${APPLIES_TO_NOTHING}`,
    shortHostIsLiteralServiceEntry:
      'DestinationRule {namespace}/{name} is for host "{host}" ({fullName}), which no Service or ServiceEntry in this repository declares: ' +
      `ServiceEntry {entry} declares the short host "{host}", but Istio takes ServiceEntry hosts literally, so it is not "{fullName}" (see se-short-host). ${APPLIES_TO_NOTHING}`,
  },
  check(ctx) {
    for (const dr of ctx.allInputs('DestinationRule')) {
      const host = hostOf(dr);
      if (!host || dr.namespace === null || isWildcardHost(host)) continue;
      // Unlike a route destination, a DestinationRule exists for one host only: a host that resolves to nothing is
      // reported even in namespaces whose services the repository does not declare (as istioctl does), unless the
      // config file declares the host or its namespace external.
      const kind = judgeHost(ctx.mesh, host, dr.namespace).kind;
      if (kind !== 'missing' && kind !== 'unknown') continue;
      if (isAssumedIstioService(ctx.mesh, resolveHost(host, dr.namespace))) continue;
      const svc = parseServiceHost(resolveHost(host, dr.namespace));
      if (svc && isExternalNamespace(ctx.mesh, svc.namespace)) continue;
      const fq = resolveHost(host, dr.namespace);
      // Only a short host can have a literal ServiceEntry, and a short host always expands to a different full name.
      const literal = shortHostServiceEntry(ctx.mesh, host);
      const about = { namespace: dr.namespace, name: dr.name, host };
      ctx.report({
        resource: dr,
        path: ['spec', 'host'],
        subject: host,
        ...(literal
          ? {
              messageId: 'shortHostIsLiteralServiceEntry',
              data: { ...about, fullName: fq, entry: `${literal.namespace}/${literal.name}` },
            }
          : fq !== host
            ? { messageId: 'shortHostNotFound', data: { ...about, fullName: fq } }
            : { messageId: 'hostNotFound', data: about }),
      });
    }
  },
});

export const drHostNotVisible = defineRule({
  id: 'dr-host-not-visible',
  severity: 'error',
  istioCode: 'IST0174',
  kialiCode: 'KIA0202',
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'DestinationRule' }],
  title: "A DestinationRule is for a host that is defined, but not exported to the DestinationRule's namespace.",
  messages: {
    hostNotVisible:
      'Host "{host}" is defined by {definedBy}, which does not include namespace "{namespace}": ' +
      'clients in "{namespace}" cannot reach it, so this DestinationRule\'s policy and subsets never apply. Export the host to "{namespace}" or move the DestinationRule.',
  },
  check(ctx) {
    for (const dr of ctx.allInputs('DestinationRule')) {
      const host = hostOf(dr);
      if (!host || dr.namespace === null || isWildcardHost(host)) continue;
      // A root-namespace DestinationRule is every namespace's fallback: it applies wherever the host is visible.
      if (dr.namespace === ctx.mesh.settings.rootNamespace) continue;
      const verdict = judgeHost(ctx.mesh, host, dr.namespace);
      if (verdict.kind !== 'hidden') continue;
      const fix = singleFixable(verdict.entries, dr.namespace);
      ctx.report({
        resource: dr,
        path: ['spec', 'host'],
        subject: host,
        messageId: 'hostNotVisible',
        data: { host, definedBy: verdict.entries.map(describeHidden).join('; '), namespace: dr.namespace },
        fix: fix?.edit ?? null,
        fixTarget: fix?.target,
      });
    }
  },
});

const TOPOLOGY_KEYS = new Set([
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'topology.istio.io/subzone',
  'kubernetes.io/hostname',
]);

/** Subset labels against a workload, with node topology labels added for Pods on a known Node. A topology label
 *  of a pod template is unknowable from files (the scheduler decides), so it is taken to match unless empty. */
function subsetMatches(
  mesh: MeshView,
  subset: Record<string, string>,
  w: Workload,
  nodes: Map<string, Record<string, string>>,
): boolean {
  let node: Record<string, string> | null = null;
  if (w.kind === 'Pod' && w.podSpec && typeof w.podSpec.nodeName === 'string')
    node = nodes.get(w.podSpec.nodeName) ?? null;
  for (const [k, v] of Object.entries(subset)) {
    if (w.labels[k] === v) continue;
    if (!TOPOLOGY_KEYS.has(k) || v === '') return false;
    if (w.kind === 'Pod') {
      if (!node || node[k] !== v) return false;
    } else if (w.labels[k] !== undefined) return false;
  }
  void mesh;
  return true;
}

interface EmptySubset {
  dr: Resource;
  index: number;
  name: string;
  labels: Record<string, string>;
}

/** Subsets whose labels select no workload, Pod topology, WorkloadEntry/WorkloadGroup or ServiceEntry endpoint. */
function emptySubsets(mesh: MeshView): EmptySubset[] {
  return mesh.memo('traffic/empty-subsets', () => collectEmptySubsets(mesh));
}

function collectEmptySubsets(mesh: MeshView): EmptySubset[] {
  const found: EmptySubset[] = [];
  let nodes: Map<string, Record<string, string>> | null = null;
  for (const dr of mesh.byKind('DestinationRule')) {
    const host = hostOf(dr);
    if (!host || dr.namespace === null) continue;
    const verdict = judgeHost(mesh, host, dr.namespace);
    if (verdict.kind === 'missing' || verdict.kind === 'unknown') continue;
    const entries: HostEntry[] = verdict.entries;
    if (entries.some((e) => e.source === 'external')) continue;
    const seLabels = emptyRecord<string>();
    // ServiceEntry endpoints carry labels that subsets select too (istioctl only looks at Pods).
    const endpointLabels: Record<string, string>[] = [];
    for (const e of entries) {
      if (e.source !== 'ServiceEntry' || !e.resource) continue;
      Object.assign(seLabels, asStringMap(asObject(e.resource.spec.workloadSelector).labels));
      for (const ep of asArray(e.resource.spec.endpoints))
        if (isObject(ep)) endpointLabels.push(asStringMap(ep.labels));
    }
    asArray(dr.spec.subsets).forEach((s, i) => {
      if (!isObject(s) || !isObject(s.labels)) return;
      const labels = { ...seLabels, ...asStringMap(s.labels) };
      if (Object.keys(labels).length === 0) return;
      nodes ??= nodeLabels(mesh);
      if (endpointLabels.some((l) => labelsMatch(labels, l))) return;
      const plain = Object.fromEntries(Object.entries(labels).filter(([k]) => !TOPOLOGY_KEYS.has(k)));
      // The host's own namespace first (where the workloads almost always are), then every namespace.
      const matches = (ns: string | null) =>
        mesh.workloadsMatching(plain, ns).some((w) => subsetMatches(mesh, labels, w, nodes!));
      if ([...new Set(entries.map((e) => e.namespace))].some((ns) => matches(ns)) || matches(null)) return;
      found.push({ dr, index: i, name: typeof s.name === 'string' ? s.name : String(i), labels });
    });
  }
  return found;
}

/** Does some VirtualService route (or mirror) traffic to this subset of the DestinationRule's host? */
function subsetIsRouted(mesh: MeshView, dr: Resource, subset: string): boolean {
  const drHost = resolveHost(hostOf(dr)!, dr.namespace!);
  for (const t of routedSubsets(mesh).get(subset) ?? []) if (hostMatches(drHost, t)) return true;
  return false;
}

/** Subset name → the resolved hosts VirtualService destinations send to with that subset. */
function routedSubsets(mesh: MeshView): Map<string, string[]> {
  return mesh.memo('traffic/routed-subsets', () => {
    const m = new Map<string, string[]>();
    for (const vs of mesh.byKind('VirtualService')) {
      if (vs.namespace === null) continue;
      for (const d of routeDestinations(mesh, vs)) {
        if (d.subset === null || d.host === '') continue;
        (m.get(d.subset) ?? m.set(d.subset, []).get(d.subset)!).push(resolveHost(d.host, vs.namespace));
      }
    }
    return m;
  });
}

const EMPTY_SUBSET =
  'Subset "{subset}" of DestinationRule {namespace}/{name} selects workloads labelled {selector}, and no workload in this repository has those labels: ';

function reportEmptySubset(ctx: RuleContext, e: EmptySubset, routed: boolean): void {
  ctx.report({
    resource: e.dr,
    path: ['spec', 'subsets', e.index, 'labels'],
    subject: e.name,
    messageId: routed ? 'routedSubsetNoWorkload' : 'unroutedSubsetNoWorkload',
    data: { subset: e.name, namespace: e.dr.namespace!, name: e.dr.name, selector: describeSelector(e.labels) },
  });
}

export const drSubsetNoWorkload = defineRule({
  id: 'dr-subset-no-workload',
  severity: 'error',
  istioCode: 'IST0173',
  kialiCode: 'KIA0203',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'DestinationRule' }],
  title: 'A DestinationRule subset that a VirtualService routes to selects no workload.',
  messages: {
    routedSubsetNoWorkload:
      `${EMPTY_SUBSET}a VirtualService routes to this subset, and that traffic fails with 503 (no healthy upstream). ` +
      "Fix the labels, or add the labels to the workload's pod template.",
  },
  check(ctx) {
    for (const e of emptySubsets(ctx.mesh)) if (subsetIsRouted(ctx.mesh, e.dr, e.name)) reportEmptySubset(ctx, e, true);
  },
});

export const drUnroutedSubsetNoWorkload = defineRule({
  id: 'dr-subset-no-workload-unrouted',
  severity: 'warning',
  istioCode: 'IST0173',
  kialiCode: 'KIA0203',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'DestinationRule' }],
  title: 'A DestinationRule subset that no route uses selects no workload.',
  messages: {
    unroutedSubsetNoWorkload:
      `${EMPTY_SUBSET}no route sends traffic to it yet, so nothing fails now (a rollout may label pods later); a route to it would get 503 (no healthy upstream). ` +
      'Fix the labels, or remove the subset if it is not needed.',
  },
  check(ctx) {
    for (const e of emptySubsets(ctx.mesh))
      if (!subsetIsRouted(ctx.mesh, e.dr, e.name)) reportEmptySubset(ctx, e, false);
  },
});

function nodeLabels(mesh: MeshView): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const n of mesh.byKind('Node', '')) {
    const l = emptyRecord<string>();
    for (const [k, v] of Object.entries(n.labels)) if (v !== '') l[k] = v;
    out.set(n.name, l);
  }
  return out;
}

export const destinationRuleRules: Rule[] = [
  drHostNotFound,
  drHostNotVisible,
  drSubsetNoWorkload,
  drUnroutedSubsetNoWorkload,
];
