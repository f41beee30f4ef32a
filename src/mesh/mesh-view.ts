// MeshView: the whole mesh as the checks need to see it — hosts and who can see them, workloads and
// what selects them, gateways, namespaces, DestinationRules by host — built once from the Workspace.
import type { Resource } from '../manifests/resource.js';
import { asArray, asObject, asString, isObject, stringsOf } from '../manifests/resource.js';
import type { ReviewConfig } from '../config/config.js';
import { emptyConfig } from '../config/config.js';
import { exportScope, isVisibleFrom, parseExportToAnnotation, type ExportScope } from './export-to.js';
import { hostMatches, hostSpecificity, isWildcardHost, resolveHost, serviceHost, wildcardSuffixesOf } from './hosts.js';
import { defaultMeshSettings, type MeshSettings } from './settings.js';
import { installedGatewaysOf } from './chart-gateways.js';
import { portsOf } from './service-entry-ports.js';
import { labelsMatch, workloadOf, type Workload } from './workloads.js';
import { own, emptyRecord } from '../util/own.js';

export interface PortInfo {
  number: number | null;
  name: string | null;
  protocol: string | null;
  targetPort: number | string | null;
}

/** One host as some Service, ServiceEntry or the config file declares it. */
export interface HostEntry {
  host: string;
  namespace: string;
  exportTo: ExportScope;
  source: 'Service' | 'ServiceEntry' | 'external';
  resource: Resource | null;
  ports: PortInfo[];
}

export interface HostLookup {
  /** Entries matching the host that the namespace can see. */
  visible: HostEntry[];
  /** Entries matching the host that exist but are hidden from the namespace (exportTo). */
  hidden: HostEntry[];
}

/** An object defined again later in the same target: `kubectl apply` keeps `kept`, so `lost` never takes effect. */
export interface Shadowed {
  lost: Resource;
  kept: Resource;
}

export class MeshView {
  readonly resources: readonly Resource[];
  /** Definitions replaced by a later one of the same kind/namespace/name (not in `resources`). */
  readonly shadowed: readonly Shadowed[];
  readonly settings: MeshSettings;
  readonly config: ReviewConfig;
  readonly namespaces = new Set<string>();
  readonly workloads: Workload[] = [];
  private readonly byKindIndex = new Map<string, Resource[]>();
  private readonly exactHosts = new Map<string, HostEntry[]>();
  private readonly wildcardHosts = new Map<string, HostEntry[]>(); // "*.a.com" indexed under "a.com"
  private readonly otherWildcards: HostEntry[] = []; // "*", "*foo.com"
  private readonly workloadsByNs = new Map<string, Workload[]>();
  private readonly workloadsByLabel = new Map<string, Workload[]>(); // "key\0value" → workloads carrying it
  private readonly drByHost = new Map<string, Resource[]>(); // resolved host → DRs
  private readonly wildcardDrs: { host: string; dr: Resource }[] = [];
  private readonly gatewaysByKey = new Map<string, Resource>(); // "ns/name" → Istio Gateway (first), else k8s Gateway
  private readonly namespaceObjects = new Map<string, Resource>();
  private readonly memos = new Map<string, unknown>();

  constructor(
    resources: readonly Resource[],
    settings: MeshSettings = defaultMeshSettings(),
    config: ReviewConfig = emptyConfig(),
    shadowed: readonly Shadowed[] = [],
  ) {
    this.resources = resources;
    this.shadowed = shadowed;
    this.settings = settings;
    this.config = config;
    for (const ns of config.external.namespaces) this.namespaces.add(ns);
    this.namespaces.add(settings.rootNamespace);
    for (const r of resources) {
      const key = kindKey(r.group, r.kind);
      let list = this.byKindIndex.get(key);
      if (!list) this.byKindIndex.set(key, (list = []));
      list.push(r);
      if (r.kind === 'Namespace' && r.group === '') {
        this.namespaces.add(r.name);
        if (!this.namespaceObjects.has(r.name)) this.namespaceObjects.set(r.name, r);
      }
      if (
        r.kind === 'Gateway' &&
        r.namespace !== null &&
        (r.group === 'networking.istio.io' || r.group === 'gateway.networking.k8s.io')
      ) {
        const key = `${r.namespace}/${r.name}`;
        const prev = this.gatewaysByKey.get(key);
        if (!prev || (prev.group !== 'networking.istio.io' && r.group === 'networking.istio.io'))
          this.gatewaysByKey.set(key, r);
      }
      const w = workloadOf(r);
      if (w) this.addWorkload(w);
      else for (const g of installedGatewaysOf(r)) this.addWorkload(g);
      if (r.group === '' && r.kind === 'Service') this.addService(r);
      else if (r.group === 'gateway.networking.k8s.io' && r.kind === 'Gateway') this.addGeneratedGatewayService(r);
      else if (r.group === 'networking.istio.io' && r.kind === 'ServiceEntry') this.addServiceEntry(r);
      else if (r.group === 'networking.istio.io' && r.kind === 'DestinationRule') this.addDestinationRule(r);
    }
    for (const h of config.external.hosts) {
      this.addHost({
        host: h,
        namespace: settings.rootNamespace,
        exportTo: exportScope(['*'], settings.rootNamespace, null),
        source: 'external',
        resource: null,
        ports: [],
      });
    }
    for (const w of config.external.workloads) {
      const ns = w.namespace ?? settings.istioNamespace;
      this.addWorkload({
        kind: 'external',
        name: '(declared in config)',
        namespace: ns,
        labels: w.labels,
        annotations: {},
        podSpec: null,
        templatePath: [],
        resource: null,
      });
    }
  }

  /** Resources of a kind; `group` defaults to the kind's usual group (Istio kinds: their Istio group). */
  byKind(kind: string, group?: string): readonly Resource[] {
    return this.byKindIndex.get(kindKey(group ?? defaultGroup(kind), kind)) ?? [];
  }

  /** Derived data that several rules share (an index, a verdict table), built on first use and owned by this view,
   *  so rules and their helpers hold no state of their own. `key` names the value; one key, one type. */
  memo<T>(key: string, build: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = build();
    this.memos.set(key, value);
    return value;
  }

  /** Derived data of one resource of this view (its schema problems, its route destinations), built once. */
  memoOf<T>(key: string, r: Resource, build: (r: Resource) => T): T {
    const table = this.memo(key, () => new Map<Resource, T>());
    if (table.has(r)) return table.get(r)!;
    const value = build(r);
    table.set(r, value);
    return value;
  }

  /** Was this namespace seen (a Namespace object, a resource in it, or declared in the config)? */
  hasNamespace(ns: string): boolean {
    return this.namespaces.has(ns);
  }

  // ---- hosts -------------------------------------------------------------------------------------

  private addHost(e: HostEntry): void {
    if (e.host === '*' || (isWildcardHost(e.host) && !e.host.startsWith('*.'))) this.otherWildcards.push(e);
    else if (isWildcardHost(e.host)) push(this.wildcardHosts, e.host.slice(2), e);
    else push(this.exactHosts, e.host, e);
  }

  private addService(r: Resource): void {
    push(this.servicesByNs, r.namespace!, r);
    const ns = r.namespace!;
    const scope = exportScope(
      parseExportToAnnotation(r.annotations['networking.istio.io/exportTo']),
      ns,
      this.settings.defaultServiceExportTo,
    );
    const ports: PortInfo[] = asArray(r.spec.ports)
      .filter(isObject)
      .map((p) => ({
        number: typeof p.port === 'number' ? p.port : null,
        name: asString(p.name) ?? null,
        protocol: asString(p.appProtocol) ?? asString(p.protocol) ?? null,
        targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : null,
      }));
    this.addHost({
      host: serviceHost(r.name, ns),
      namespace: ns,
      exportTo: scope,
      source: 'Service',
      resource: r,
      ports,
    });
  }

  /** Istio deploys a Gateway API Gateway of its own classes itself: a Deployment and a Service, named after the
   *  Gateway (pilot's gateway conversion). The Service is a real host callers may route to. */
  private addGeneratedGatewayService(r: Resource): void {
    if (r.namespace === null) return;
    const name = generatedGatewayServiceName(r);
    if (name === null) return;
    const ports: PortInfo[] = asArray(r.spec.listeners)
      .filter(isObject)
      .map((l) => ({
        number: typeof l.port === 'number' ? l.port : null,
        name: asString(l.name) ?? null,
        protocol: asString(l.protocol) ?? null,
        targetPort: null,
      }));
    ports.push({ number: 15021, name: 'status-port', protocol: 'TCP', targetPort: null });
    const scope = exportScope(null, r.namespace, this.settings.defaultServiceExportTo);
    this.addHost({
      host: serviceHost(name, r.namespace),
      namespace: r.namespace,
      exportTo: scope,
      source: 'Service',
      resource: r,
      ports,
    });
  }

  private addServiceEntry(r: Resource): void {
    const ns = r.namespace!;
    const scope = exportScope(stringsOf(r.spec.exportTo), ns, this.settings.defaultServiceExportTo);
    const ports: PortInfo[] = portsOf(r).map(({ number, name, protocol, targetPort }) => ({
      number,
      name,
      protocol,
      targetPort,
    }));
    // Pilot takes a ServiceEntry's hosts literally (serviceentry/conversion.go): a short host `foo` stays `foo`,
    // unlike the short names of VirtualServices and DestinationRules, which resolve in their own namespace.
    for (const h of stringsOf(r.spec.hosts) ?? []) {
      this.addHost({ host: h, namespace: ns, exportTo: scope, source: 'ServiceEntry', resource: r, ports });
    }
  }

  /** Every declaration whose host matches `host` (a resolved FQDN or wildcard), visible or not. */
  hostEntries(host: string): HostEntry[] {
    const out: HostEntry[] = [];
    if (isWildcardHost(host)) {
      // A wildcard reference: entries it covers and entries that cover it. Rare, so a scan is fine.
      for (const list of this.exactHosts.values()) for (const e of list) if (hostMatches(host, e.host)) out.push(e);
      for (const list of this.wildcardHosts.values())
        for (const e of list) if (hostMatches(host, e.host) || hostMatches(e.host, host)) out.push(e);
      for (const e of this.otherWildcards) if (hostMatches(e.host, host) || hostMatches(host, e.host)) out.push(e);
      return out;
    }
    out.push(...(this.exactHosts.get(host) ?? []));
    for (const suffix of wildcardSuffixesOf(host)) out.push(...(this.wildcardHosts.get(suffix) ?? []));
    for (const e of this.otherWildcards) if (hostMatches(e.host, host)) out.push(e);
    return out;
  }

  /** Declarations of exactly this host string (no wildcard expansion). */
  exactHostEntries(host: string): readonly HostEntry[] {
    if (isWildcardHost(host))
      return (
        (host.startsWith('*.') ? this.wildcardHosts.get(host.slice(2)) : this.otherWildcards)?.filter(
          (e) => e.host === host,
        ) ?? []
      );
    return this.exactHosts.get(host) ?? [];
  }

  /** All host declarations. */
  *allHostEntries(): Iterable<HostEntry> {
    for (const l of this.exactHosts.values()) yield* l;
    for (const l of this.wildcardHosts.values()) yield* l;
    yield* this.otherWildcards;
  }

  /** Resolve a host as seen from `fromNamespace`: split matches into visible and hidden by exportTo. */
  lookupHost(host: string, fromNamespace: string): HostLookup {
    const visible: HostEntry[] = [];
    const hidden: HostEntry[] = [];
    for (const e of this.hostEntries(host)) {
      (e.namespace === fromNamespace || isVisibleFrom(e.exportTo, fromNamespace) ? visible : hidden).push(e);
    }
    return { visible, hidden };
  }

  /** Does the namespace's Sidecar (selector-less, else the root namespace's) let its workloads see `host` defined in `hostNamespace`?
   *  True when no Sidecar narrows egress. */
  sidecarAllows(
    fromNamespace: string,
    host: string,
    hostNamespace: string,
  ): { allowed: boolean; sidecar: Resource | null } {
    const sidecar = this.defaultSidecar(fromNamespace) ?? this.defaultSidecar(this.settings.rootNamespace);
    if (!sidecar) return { allowed: true, sidecar: null };
    const egress = asArray(sidecar.spec.egress).filter(isObject);
    if (egress.length === 0) return { allowed: true, sidecar };
    for (const e of egress) {
      for (const h of stringsOf(e.hosts) ?? []) {
        const slash = h.indexOf('/');
        if (slash === -1) continue;
        const nsPart = h.slice(0, slash);
        const hostPart = h.slice(slash + 1);
        const nsOk = nsPart === '*' || (nsPart === '.' ? hostNamespace === fromNamespace : nsPart === hostNamespace);
        if (nsOk && hostMatches(hostPart, host)) return { allowed: true, sidecar };
      }
    }
    return { allowed: false, sidecar };
  }

  private defaultSidecar(ns: string): Resource | null {
    if (!this.defaultSidecars) {
      // Built on first use: the first selector-less Sidecar of each namespace.
      this.defaultSidecars = new Map();
      for (const s of this.byKind('Sidecar')) {
        if (s.namespace === null || this.defaultSidecars.has(s.namespace)) continue;
        const sel = asObject(s.spec.workloadSelector);
        if (!isObject(sel.labels) || Object.keys(sel.labels).length === 0) this.defaultSidecars.set(s.namespace, s);
      }
    }
    return this.defaultSidecars.get(ns) ?? null;
  }
  private defaultSidecars: Map<string, Resource> | null = null;

  // ---- workloads ---------------------------------------------------------------------------------

  private addWorkload(w: Workload): void {
    this.workloads.push(w);
    push(this.workloadsByNs, w.namespace, w);
    for (const [k, v] of Object.entries(w.labels)) push(this.workloadsByLabel, `${k}\u0000${v}`, w);
  }

  /** Workloads whose labels contain `selector`; `namespace` null means every namespace.
   *  Uses the label index: only workloads carrying the selector's rarest label are compared. */
  workloadsMatching(selector: Record<string, string>, namespace: string | null): Workload[] {
    // Many resources share a selector (every subset `version: v1`): answer each (namespace, selector) once.
    // The cached array is frozen, so a caller that tried to modify it would fail loudly rather than corrupt others.
    const entries = Object.entries(selector);
    const key = `${namespace ?? '\u0001'}\u0002${entries
      .map(([k, v]) => `${k}\u0000${v}`)
      .sort()
      .join('\u0002')}`;
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    let pool: readonly Workload[] = namespace === null ? this.workloads : (this.workloadsByNs.get(namespace) ?? []);
    for (const [k, v] of entries) {
      const withLabel = this.workloadsByLabel.get(`${k}\u0000${v}`) ?? [];
      if (withLabel.length < pool.length) pool = withLabel;
    }
    const result = Object.freeze(
      pool.filter((w) => (namespace === null || w.namespace === namespace) && labelsMatch(selector, w.labels)),
    ) as Workload[];
    this.matchCache.set(key, result);
    return result;
  }
  private readonly matchCache = new Map<string, Workload[]>();

  /** Kubernetes Services of a namespace. */
  servicesIn(namespace: string): readonly Resource[] {
    return this.servicesByNs.get(namespace) ?? [];
  }
  private readonly servicesByNs = new Map<string, Resource[]>();

  /** Services of the workload's namespace whose (non-empty) selector matches its labels — the Services that send
   *  it traffic. Computed once per workload. */
  servicesSelecting(w: Workload): readonly Resource[] {
    let out = this.selectingCache.get(w);
    if (!out) {
      out = this.servicesIn(w.namespace).filter((s) => {
        const sel = s.spec.selector;
        if (!isObject(sel)) return false;
        const labels = emptyRecord<string>();
        for (const [k, v] of Object.entries(sel))
          if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') labels[k] = String(v);
        return Object.keys(labels).length > 0 && labelsMatch(labels, w.labels);
      });
      this.selectingCache.set(w, out);
    }
    return out;
  }
  private readonly selectingCache = new Map<Workload, readonly Resource[]>();

  workloadsIn(namespace: string): readonly Workload[] {
    return this.workloadsByNs.get(namespace) ?? [];
  }

  // ---- gateways ----------------------------------------------------------------------------------

  /** An Istio Gateway or a Kubernetes Gateway API Gateway by namespace and name. */
  gateway(namespace: string, name: string): Resource | null {
    return this.gatewaysByKey.get(`${namespace}/${name}`) ?? null;
  }

  /** The Namespace object of that name in the repository, if any (for its labels). */
  namespaceObject(name: string): Resource | null {
    return this.namespaceObjects.get(name) ?? null;
  }

  /** Is the gateway declared in the config file as existing outside the repository? */
  isExternalGateway(namespace: string, name: string): boolean {
    return this.config.external.gateways.includes(`${namespace}/${name}`);
  }

  // ---- destination rules -------------------------------------------------------------------------

  private addDestinationRule(r: Resource): void {
    const host = asString(r.spec.host);
    if (!host) return;
    const resolved = resolveHost(host, r.namespace!);
    if (isWildcardHost(resolved)) this.wildcardDrs.push({ host: resolved, dr: r });
    else push(this.drByHost, resolved, r);
  }

  /** DestinationRules whose host matches `host`, most specific first. */
  destinationRulesMatching(host: string): Resource[] {
    const found: { dr: Resource; spec: number }[] = [];
    for (const dr of this.drByHost.get(host) ?? []) found.push({ dr, spec: hostSpecificity(host) });
    for (const w of this.wildcardDrs)
      if (hostMatches(w.host, host)) found.push({ dr: w.dr, spec: hostSpecificity(w.host) });
    return found.sort((a, b) => b.spec - a.spec).map((f) => f.dr);
  }

  /** The DestinationRule Istio applies to traffic from `callerNamespace` to `host` defined in `serviceNamespace`:
   *  the most specific host match in the caller's namespace, then the service's, then the root namespace,
   *  each only when exported to the caller. */
  destinationRuleFor(host: string, callerNamespace: string, serviceNamespace: string | null): Resource | null {
    return this.destinationRulesFor(host, callerNamespace, serviceNamespace)[0] ?? null;
  }

  /** Every DestinationRule of the chosen namespace for the most specific host (pilot merges same-host rules of one
   *  namespace, subsets included): what callers in `callerNamespace` get. Empty when none applies. */
  destinationRulesFor(host: string, callerNamespace: string, serviceNamespace: string | null): Resource[] {
    const candidates = this.destinationRulesMatching(host).filter((dr) => {
      if (dr.namespace === callerNamespace) return true;
      const scope = exportScope(
        stringsOf(dr.spec.exportTo),
        dr.namespace!,
        this.settings.defaultDestinationRuleExportTo,
      );
      return isVisibleFrom(scope, callerNamespace);
    });
    for (const ns of [callerNamespace, serviceNamespace, this.settings.rootNamespace]) {
      if (ns === null) continue;
      const inNs = candidates.filter((d) => d.namespace === ns);
      if (inNs.length === 0) continue;
      const first = resolveHost(asString(inNs[0]!.spec.host) ?? '', ns);
      return inNs.filter((d) => resolveHost(asString(d.spec.host) ?? '', ns) === first);
    }
    return [];
  }
}

/** The Service Istio generates for a Gateway API Gateway: the `gateway.istio.io/name-override` annotation, else
 *  `<name>-<gatewayClassName>` (`<name>` for the waypoint and east-west classes, which drop the suffix). Null for
 *  classes Istio does not deploy, and for a Gateway that points at an existing Service by a Hostname address. */
export function generatedGatewayServiceName(gw: Resource): string | null {
  const cls = asString(gw.spec.gatewayClassName);
  if (cls === undefined || !ISTIO_GATEWAY_CLASSES.has(cls)) return null;
  if (asArray(gw.spec.addresses).some((a) => isObject(a) && a.type === 'Hostname')) return null;
  const override = gw.annotations['gateway.istio.io/name-override'];
  if (override) return override;
  return NO_SUFFIX_CLASSES.has(cls) ? gw.name : `${gw.name}-${cls}`;
}
const ISTIO_GATEWAY_CLASSES = new Set(['istio', 'istio-waypoint', 'istio-east-west']);
const NO_SUFFIX_CLASSES = new Set(['istio-waypoint', 'istio-east-west']);

export function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

const ISTIO_KIND_GROUP: Record<string, string> = {
  VirtualService: 'networking.istio.io',
  DestinationRule: 'networking.istio.io',
  Gateway: 'networking.istio.io',
  ServiceEntry: 'networking.istio.io',
  Sidecar: 'networking.istio.io',
  WorkloadEntry: 'networking.istio.io',
  WorkloadGroup: 'networking.istio.io',
  EnvoyFilter: 'networking.istio.io',
  ProxyConfig: 'networking.istio.io',
  AuthorizationPolicy: 'security.istio.io',
  PeerAuthentication: 'security.istio.io',
  RequestAuthentication: 'security.istio.io',
  Telemetry: 'telemetry.istio.io',
  WasmPlugin: 'extensions.istio.io',
  TrafficExtension: 'extensions.istio.io',
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ReplicaSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
  HTTPRoute: 'gateway.networking.k8s.io',
  GRPCRoute: 'gateway.networking.k8s.io',
  TCPRoute: 'gateway.networking.k8s.io',
  TLSRoute: 'gateway.networking.k8s.io',
  GatewayClass: 'gateway.networking.k8s.io',
  CustomResourceDefinition: 'apiextensions.k8s.io',
  MutatingWebhookConfiguration: 'admissionregistration.k8s.io',
  ValidatingWebhookConfiguration: 'admissionregistration.k8s.io',
};

export function defaultGroup(kind: string): string {
  return own(ISTIO_KIND_GROUP, kind) ?? '';
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
