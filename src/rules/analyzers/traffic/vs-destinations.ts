// VirtualService destinations (istioctl's virtualservice.DestinationHostAnalyzer and DestinationRuleAnalyzer):
// every route and mirror destination must name a host the VirtualService's namespace can see, a port the
// host has, and a subset some DestinationRule defines.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asString, isObject, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { hostMatches, parseServiceHost, resolveHost } from '../../../mesh/hosts.js';
import { closest } from '../../../util/closest.js';
import {
  GROUP,
  appliesToMesh,
  describeHidden,
  judgeVirtualServiceHost,
  selectorLabels,
  parseGatewayRef,
  routeDestinations,
  shortHostServiceEntry,
  singleFixable,
  vsGateways,
  type RouteDestination,
} from './common.js';

function what(d: RouteDestination): string {
  return d.section === 'mirror' || d.section === 'mirrors' ? 'mirror host' : 'destination host';
}

function eachDestination(mesh: MeshView, fn: (vs: Resource, d: RouteDestination) => void): void {
  for (const vs of mesh.byKind('VirtualService')) {
    if (vs.namespace === null) continue;
    for (const d of routeDestinations(mesh, vs)) fn(vs, d);
  }
}

/** A likely intended host for a typo: the closest Service name of the host's namespace, written the same way
 *  (short name or FQDN). Null when nothing is close or the host is not a cluster service name. */
function closestServiceHost(mesh: MeshView, rawHost: string, vsNamespace: string): string | null {
  const fq = resolveHost(rawHost, vsNamespace);
  const svc = parseServiceHost(fq);
  if (!svc) return null;
  const names = mesh.servicesIn(svc.namespace).map((s) => s.name);
  const guess = closest(svc.name, names);
  if (!guess) return null;
  return rawHost.includes('.') ? `${guess}.${svc.namespace}.svc.cluster.local` : guess;
}

// {hostRole}: "destination host" or "mirror host" (see what()); {fqdnNote}: " (<FQDN>)" when the host is written short, else empty.
const NOT_DECLARED =
  'The {hostRole} "{host}"{fqdnNote} is not declared by any Service or ServiceEntry in this repository.';
const LITERAL_SHORT_HOST =
  'The {hostRole} "{host}" ({fqdn}) is not declared by any Service or ServiceEntry in this repository. ' +
  'ServiceEntry {serviceEntry} declares the short host "{host}", but Istio takes ServiceEntry hosts literally, so it is not "{fqdn}" (see se-short-host).';
const FAILS_UNLESS_ELSEWHERE =
  'If nothing declares it in the cluster either, requests on this route fail with 503 (NR, no route / cluster not found).';
const FIX_HOST =
  'Fix the host, add the Service or ServiceEntry, or declare the host under `external.hosts` in .istio-review.yaml.';

export const vsDestinationHostNotFound = defineRule({
  id: 'vs-destination-host-not-found',
  severity: 'warning',
  istioCode: 'IST0101',
  kialiCode: 'KIA1101',
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A VirtualService routes or mirrors to a host no Service or ServiceEntry in the repository declares.',
  messages: {
    noHost:
      'A {section} destination of VirtualService {virtualService} has no host: Istio rejects or ignores the route.',
    notDeclared: `${NOT_DECLARED} ${FAILS_UNLESS_ELSEWHERE} ${FIX_HOST}`,
    notDeclaredDidYouMean: `${NOT_DECLARED} ${FAILS_UNLESS_ELSEWHERE} Did you mean "{guess}"? ${FIX_HOST}`,
    literalShortHost: `${LITERAL_SHORT_HOST} ${FAILS_UNLESS_ELSEWHERE} ${FIX_HOST}`,
    literalShortHostDidYouMean: `${LITERAL_SHORT_HOST} ${FAILS_UNLESS_ELSEWHERE} Did you mean "{guess}"? ${FIX_HOST}`,
  },
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind !== 'missing') return;
      const fq = resolveHost(d.host, vs.namespace!);
      const guess = d.host === '' ? null : closestServiceHost(ctx.mesh, d.host, vs.namespace!);
      const literal = shortHostServiceEntry(ctx.mesh, d.host);
      const didYouMean: Record<string, string> = guess ? { guess } : {};
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: d.host,
        // A literal short host is never an FQDN, so it always reads "host" (fqdn).
        ...(d.host === ''
          ? { messageId: 'noHost', data: { section: d.section, virtualService: `${vs.namespace}/${vs.name}` } }
          : literal
            ? {
                messageId: guess ? 'literalShortHostDidYouMean' : 'literalShortHost',
                data: {
                  hostRole: what(d),
                  host: d.host,
                  fqdn: fq,
                  serviceEntry: `${literal.namespace}/${literal.name}`,
                  ...didYouMean,
                },
              }
            : {
                messageId: guess ? 'notDeclaredDidYouMean' : 'notDeclared',
                data: { hostRole: what(d), host: d.host, fqdnNote: fq !== d.host ? ` (${fq})` : '', ...didYouMean },
              }),
        fix:
          guess && d.hostPath[d.hostPath.length - 1] === 'host'
            ? { op: 'set', path: d.hostPath, value: guess, description: `host: ${guess}` }
            : null,
      });
    });
  },
});

export const vsDestinationHostNotVisible = defineRule({
  id: 'vs-destination-host-not-visible',
  severity: 'error',
  istioCode: 'IST0101',
  kialiCode: 'KIA1101',
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'VirtualService' }],
  title: "A VirtualService routes to a host that is defined, but not exported to the VirtualService's namespace.",
  messages: {
    sidecarOmits:
      'The {hostRole} "{host}" is exported to "{namespace}", but Sidecar {sidecar} limits what that namespace\'s proxies import (egress.hosts) and leaves it out: ' +
      'those proxies have no cluster for it and the route answers 503 (NR). Add "{hostNamespace}/{host}" (or "{hostNamespace}/*") to the Sidecar\'s egress hosts.',
    notExported:
      'The {hostRole} "{host}" is defined by {definitions}, which does not include namespace "{namespace}". ' +
      'Proxies in "{namespace}" get no cluster for it: the route answers 503 (NR). Export the host to "{namespace}".',
  },
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind === 'sidecar') {
        ctx.report({
          resource: vs,
          path: d.hostPath,
          subject: d.host,
          messageId: 'sidecarOmits',
          data: {
            hostRole: what(d),
            host: d.host,
            namespace: verdict.from,
            sidecar: `${verdict.sidecar.namespace}/${verdict.sidecar.name}`,
            hostNamespace: verdict.entries[0]!.namespace,
          },
        });
        return;
      }
      if (verdict.kind !== 'hidden') return;
      const from = verdict.from;
      const fix = singleFixable(verdict.entries, from);
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: d.host,
        messageId: 'notExported',
        data: {
          hostRole: what(d),
          host: d.host,
          definitions: verdict.entries.map(describeHidden).join('; '),
          namespace: from,
        },
        fix: fix?.edit ?? null,
        fixTarget: fix?.target,
      });
    });
  },
});

export const vsDestinationPortRequired = defineRule({
  id: 'vs-destination-port-required',
  severity: 'warning',
  istioCode: 'IST0112',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A VirtualService destination has no port while its host exposes several ports.',
  messages: {
    portRequiredAtGateway:
      'The {hostRole} "{host}" exposes several ports ({ports}) and the destination does not say which: a gateway cannot infer it, ' +
      'so requests through the gateway go nowhere useful (a black-hole or the wrong port). Add `port: {number: …}` to the destination.',
    portRequired:
      'The {hostRole} "{host}" exposes several ports ({ports}) and the destination does not say which: sidecars fall back to the port the caller used, ' +
      'which is ambiguous as soon as the route is shared or used from a gateway. Add `port: {number: …}` to the destination.',
  },
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.hasPort) return;
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind !== 'visible') return;
      const ports = portsOf(verdict.entries);
      if (ports === null || ports.length <= 1) return;
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: d.host,
        messageId: vsGateways(vs).some((g) => g.value !== 'mesh') ? 'portRequiredAtGateway' : 'portRequired',
        data: { hostRole: what(d), host: d.host, ports: ports.join(', ') },
      });
    });
  },
});

export const vsDestinationPortNotFound = defineRule({
  id: 'vs-destination-port-not-found',
  severity: 'error',
  istioCode: 'IST0101',
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A VirtualService destination names a port its host does not expose.',
  messages: {
    portNotFound:
      'The {hostRole} "{host}" has no port {port} (it exposes {ports}): requests on this route fail with 503 (NR). Use one of the service\'s ports (the Service `port`, not its targetPort).',
  },
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (!d.hasPort || d.port === null) return;
      const verdict = judgeVirtualServiceHost(ctx.mesh, vs, d.host);
      if (verdict.kind !== 'visible') return;
      const ports = portsOf(verdict.entries);
      if (ports === null || ports.length === 0 || ports.includes(d.port)) return;
      const portPath = [...d.hostPath.slice(0, -1), 'port', 'number'];
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: `${d.host}:${d.port}`,
        messageId: 'portNotFound',
        data: { hostRole: what(d), host: d.host, port: d.port, ports: ports.join(', ') },
        fix:
          ports.length === 1 && d.hostPath[d.hostPath.length - 1] === 'host'
            ? { op: 'set', path: portPath, value: ports[0]!, description: `port ${ports[0]}` }
            : null,
      });
    });
  },
});

/** Port numbers of the most specific declarations; null when some declaration's ports are unknown (external). */
function portsOf(entries: { host: string; source: string; ports: { number: number | null }[] }[]): number[] | null {
  if (entries.some((e) => e.source === 'external')) return null;
  const exact = entries.filter((e) => !e.host.startsWith('*'));
  const chosen = exact.length > 0 ? exact : entries;
  const out = new Set<number>();
  for (const e of chosen) for (const p of e.ports) if (p.number !== null) out.add(p.number);
  return [...out].sort((a, b) => a - b);
}

/** Subset names the DestinationRules for a destination host define, or null when no DestinationRule is for it. */
function subsetsFor(mesh: MeshView, vs: Resource, d: RouteDestination): { drs: Resource[]; names: string[] } {
  const drs = mesh.destinationRulesMatching(resolveHost(d.host, vs.namespace!));
  const names: string[] = [];
  for (const dr of drs)
    for (const s of asArray(dr.spec.subsets)) if (isObject(s) && typeof s.name === 'string') names.push(s.name);
  return { drs, names };
}

// {subsets}: the subsets the DestinationRules define, quoted, or "no subsets".
const NO_SUCH_SUBSET = 'No DestinationRule for "{host}" defines subset "{subset}"';
const SUBSET_FAILS = 'requests on this route fail with 503 (NR).';

export const vsSubsetNotFound = defineRule({
  id: 'vs-subset-not-found',
  severity: 'error',
  istioCode: 'IST0101',
  kialiCode: 'KIA1107',
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A VirtualService routes to a subset that the DestinationRules for the host do not define.',
  messages: {
    subsetNotFound: `${NO_SUCH_SUBSET} ({destinationRule} defines: {subsets}): ${SUBSET_FAILS}`,
    subsetNotFoundDidYouMean: `${NO_SUCH_SUBSET} ({destinationRule} defines: {subsets}): ${SUBSET_FAILS} Did you mean "{guess}"?`,
    subsetNotFoundInRules: `${NO_SUCH_SUBSET} ({destinationRules} define: {subsets}): ${SUBSET_FAILS}`,
    subsetNotFoundInRulesDidYouMean: `${NO_SUCH_SUBSET} ({destinationRules} define: {subsets}): ${SUBSET_FAILS} Did you mean "{guess}"?`,
  },
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.subset === null || d.host === '') return;
      const { drs, names } = subsetsFor(ctx.mesh, vs, d);
      if (drs.length === 0 || names.includes(d.subset)) return;
      const guess = closest(d.subset, names);
      const subsetPath = [...d.hostPath.slice(0, -1), 'subset'];
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: `${d.host}+${d.subset}`,
        ...subsetNotFoundMessage(
          drs,
          {
            host: d.host,
            subset: d.subset,
            subsets: names.length > 0 ? names.map((n) => `"${n}"`).join(', ') : 'no subsets',
          },
          guess,
        ),
        fix:
          guess && d.hostPath[d.hostPath.length - 1] === 'host'
            ? { op: 'set', path: subsetPath, value: guess, description: `subset: ${guess}` }
            : null,
      });
    });
  },
});

/** vs-subset-not-found's message: one DestinationRule or several, with a likely intended subset or without. */
function subsetNotFoundMessage(
  drs: readonly Resource[],
  about: Record<string, string>,
  guess: string | null,
): { messageId: string; data: Record<string, string> } {
  const names = drs.map((r) => `${r.namespace}/${r.name}`).join(', ');
  const data = drs.length === 1 ? { ...about, destinationRule: names } : { ...about, destinationRules: names };
  const messageId = drs.length === 1 ? 'subsetNotFound' : 'subsetNotFoundInRules';
  return guess ? { messageId: `${messageId}DidYouMean`, data: { ...data, guess } } : { messageId, data };
}

/** The namespace a destination host's service lives in: a cluster service's own, else the declaring entry's. */
function serviceNamespaceOf(mesh: MeshView, host: string): string | null {
  return parseServiceHost(host)?.namespace ?? mesh.hostEntries(host)[0]?.namespace ?? null;
}

/** The namespaces of the proxies that apply a VirtualService's routes: its own (sidecars, when bound to the mesh) and
 *  those of the gateway workloads it binds to (the Gateway's namespace when its workloads are not in the repository). */
function callerNamespaces(mesh: MeshView, vs: Resource): string[] {
  const out = new Set<string>();
  if (appliesToMesh(vs)) out.add(vs.namespace!);
  for (const g of vsGateways(vs)) {
    if (g.value === 'mesh') continue;
    const ref = parseGatewayRef(g.value, vs.namespace!);
    const gw = mesh.gateway(ref.namespace, ref.name);
    const workloads =
      gw && gw.group === 'networking.istio.io'
        ? mesh.workloadsMatching(selectorLabels(gw.spec.selector), null).filter((w) => w.resource !== null)
        : [];
    if (workloads.length > 0) for (const w of workloads) out.add(w.namespace);
    else out.add(ref.namespace);
  }
  return [...out].sort();
}

function subsetNames(drs: readonly Resource[]): string[] {
  const names: string[] = [];
  for (const dr of drs)
    for (const s of asArray(dr.spec.subsets)) if (isObject(s) && typeof s.name === 'string') names.push(s.name);
  return names;
}

// {hostNamespaceNote}: ' ("<namespace>")' when the host's namespace is known, else empty.
const NOT_IN_SCOPE =
  'Subset "{subset}" of "{host}" is defined only by DestinationRule {definers}, which does not apply to proxies in namespace "{caller}": ' +
  'a DestinationRule applies from the caller\'s namespace, then the host\'s namespace{hostNamespaceNote}, then the root namespace ("{rootNamespace}"), and only where its exportTo reaches';
const NOT_IN_SCOPE_FIX =
  'For them the subset does not exist and requests on this route fail with 503 (NR). ' +
  'Move the DestinationRule to the host\'s or the root namespace, or define the subset in one that applies to "{caller}".';

export const vsSubsetNotInScope = defineRule({
  id: 'vs-subset-not-in-scope',
  severity: 'error',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }],
  title:
    'A VirtualService routes to a subset defined only by a DestinationRule that does not apply to the proxies using the route.',
  messages: {
    subsetNotInScope: `${NOT_IN_SCOPE}. ${NOT_IN_SCOPE_FIX}`,
    subsetNotInScopeOthersApply: `${NOT_IN_SCOPE} (callers in "{caller}" get {applying} instead). ${NOT_IN_SCOPE_FIX}`,
  },
  check(ctx) {
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.subset === null || d.host === '') return;
      const { drs } = subsetsFor(ctx.mesh, vs, d);
      const definers = drs.filter((dr) => subsetNames([dr]).includes(d.subset!));
      if (definers.length === 0) return; // no subset anywhere: vs-subset-not-found / vs-subset-without-destination-rule
      const host = resolveHost(d.host, vs.namespace!);
      const svcNs = serviceNamespaceOf(ctx.mesh, host);
      for (const caller of callerNamespaces(ctx.mesh, vs)) {
        const applying = ctx.mesh.destinationRulesFor(host, caller, svcNs);
        if (subsetNames(applying).includes(d.subset)) continue;
        const about = {
          subset: d.subset,
          host: d.host,
          definers: definers.map((r) => `${r.namespace}/${r.name}`).join(', '),
          caller,
          hostNamespaceNote: svcNs ? ` ("${svcNs}")` : '',
          rootNamespace: ctx.mesh.settings.rootNamespace,
        };
        ctx.report({
          resource: vs,
          path: d.hostPath,
          subject: `${d.host}+${d.subset}|${caller}`,
          ...(applying.length > 0
            ? {
                messageId: 'subsetNotInScopeOthersApply',
                data: { ...about, applying: applying.map((r) => `${r.namespace}/${r.name}`).join(', ') },
              }
            : { messageId: 'subsetNotInScope', data: about }),
        });
        return;
      }
    });
  },
});

export const vsSubsetWithoutDestinationRule = defineRule({
  id: 'vs-subset-without-destination-rule',
  severity: 'warning',
  istioCode: 'IST0101',
  kialiCode: 'KIA1107',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A VirtualService routes to a subset of a host for which the repository has no DestinationRule.',
  messages: {
    noDestinationRule:
      'The {hostRole} "{host}" names subset "{subset}", but no DestinationRule in this repository is for that host: ' +
      'unless one exists in the cluster, Istio has no such subset and requests on this route fail with 503 (NR). Add a DestinationRule defining the subset, remove `subset`, ' +
      "or, when the host's DestinationRules are kept elsewhere, declare the host under `external.destinationRules` in .istio-review.yaml.",
  },
  check(ctx) {
    const external = ctx.mesh.config.external.destinationRules;
    eachDestination(ctx.mesh, (vs, d) => {
      if (d.subset === null || d.host === '') return;
      if (subsetsFor(ctx.mesh, vs, d).drs.length > 0) return;
      const fq = resolveHost(d.host, vs.namespace!);
      if (external.some((h) => hostMatches(h, fq))) return;
      ctx.report({
        resource: vs,
        path: d.hostPath,
        subject: `${d.host}+${d.subset}`,
        messageId: 'noDestinationRule',
        data: { hostRole: what(d), host: d.host, subset: d.subset },
      });
    });
  },
});

export const vsIngressRouteWithoutSubset = defineRule({
  id: 'vs-ingress-route-ignores-subsets',
  severity: 'warning',
  istioCode: 'IST0140',
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }],
  title:
    'A gateway VirtualService routes to a host without a subset while the mesh VirtualService of that host splits it by subset.',
  messages: {
    gatewayIgnoresSplit:
      'VirtualService {splitter} splits "{host}" by subset, but this gateway route sends to "{host}" without a subset: ' +
      'a gateway does not apply the mesh VirtualService, so traffic entering here ignores that split (e.g. reaches every version). Name the subset here too.',
  },
  check(ctx) {
    // Hosts that some VirtualService routes by subset to itself (its own host literally), by literal host string.
    const subsetRouted = new Map<string, Resource[]>();
    for (const vs of ctx.allInputs('VirtualService')) {
      const own = new Set(
        asArray(vs.spec.hosts)
          .map((h) => asString(h))
          .filter((h): h is string => !!h),
      );
      for (const d of routeDestinations(ctx.mesh, vs)) {
        if (d.section !== 'http' || d.subset === null || !own.has(d.host)) continue;
        const l = subsetRouted.get(d.host) ?? [];
        l.push(vs);
        subsetRouted.set(d.host, l);
      }
    }
    if (subsetRouted.size === 0) return;
    for (const vs of ctx.allInputs('VirtualService')) {
      if (vsGateways(vs).length === 0) continue;
      for (const d of routeDestinations(ctx.mesh, vs)) {
        if (d.section !== 'http' || d.subset !== null) continue;
        const others = subsetRouted.get(d.host);
        if (!others) continue;
        const seen = new Set<Resource>();
        const ownGateways = gatewayKeys(vs);
        for (const other of others) {
          if (seen.has(other)) continue;
          seen.add(other);
          // The splitting VirtualService bound to this gateway too applies there: the gateway gets its subset routes.
          if (other === vs || [...gatewayKeys(other)].some((k) => ownGateways.has(k))) continue;
          ctx.report({
            resource: vs,
            path: d.hostPath,
            subject: `${d.host}|${other.namespace}/${other.name}`,
            messageId: 'gatewayIgnoresSplit',
            data: { splitter: `${other.namespace}/${other.name}`, host: d.host },
          });
        }
      }
    }
  },
});

/** The gateways (namespace/name) a VirtualService binds to, `mesh` excluded. */
function gatewayKeys(vs: Resource): Set<string> {
  const out = new Set<string>();
  for (const g of vsGateways(vs)) {
    if (g.value === 'mesh') continue;
    const ref = parseGatewayRef(g.value, vs.namespace!);
    out.add(`${ref.namespace}/${ref.name}`);
  }
  return out;
}

export const vsDestinationRules: Rule[] = [
  vsDestinationHostNotFound,
  vsDestinationHostNotVisible,
  vsDestinationPortRequired,
  vsDestinationPortNotFound,
  vsSubsetNotFound,
  vsSubsetNotInScope,
  vsSubsetWithoutDestinationRule,
  vsIngressRouteWithoutSubset,
];
