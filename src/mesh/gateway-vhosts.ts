// The virtual hosts an Istio gateway builds from VirtualServices: for each route table (the plain-HTTP port a
// gateway workload shares across Gateways, or one TLS-terminating server) and each host, the routes of every
// VirtualService bound to one of its Gateways. Istio appends the VirtualServices' routes in an order of its own
// (creation time, not the files), keeps each VirtualService's own order, drops what follows a catch-all within one
// VirtualService, and moves catch-alls to the end. Built once per MeshView.
import type { JsonObject, Resource } from '../manifests/resource.js';
import { asArray, asObject, asString, isObject, stringsOf } from '../manifests/resource.js';
import { exportScope, isVisibleFrom } from './export-to.js';
import { resolveGatewayRef } from './gateway-refs.js';
import { hostMatches, resolveHost } from './hosts.js';
import { isCatchAllMatch, MATCH_ALL, readHttpMatch, type HttpMatch } from './http-match.js';
import type { MeshView } from './mesh-view.js';
import { valueText } from '../util/quote.js';

/** One HTTP server of an Istio Gateway that terminates HTTP (plain, or TLS with a certificate). */
export interface GatewayHttpServer {
  gateway: Resource;
  serverIndex: number;
  port: number;
  /** Hosts as written ("ns/host" forms included). */
  hosts: { raw: string; index: number }[];
  /** Servers with the same key share one route table. */
  routeTable: string;
  /** A plain-HTTP server that redirects every request to HTTPS: it needs no routes. */
  httpsRedirect: boolean;
}

/** One `match` of a VirtualService route as the gateway translates it. */
export interface GatewayRoute {
  routeIndex: number;
  /** null for a route without `match`. */
  matchIndex: number | null;
  match: HttpMatch;
  catchAll: boolean;
  /** A delegate, or a condition on the gateway's own labels: what it takes cannot be decided from the request. */
  opaque: boolean;
  route: JsonObject;
}

export interface VirtualHostSource {
  vs: Resource;
  /** The Gateway the VirtualService is bound to here, as "ns/name". */
  gatewayKey: string;
  gateway: Resource;
  port: number;
  /** The routes in the VirtualService's order, up to and including its first catch-all. */
  routes: GatewayRoute[];
}

export interface GatewayVirtualHost {
  host: string;
  routeTable: string;
  sources: VirtualHostSource[];
}

const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTP2', 'GRPC', 'HTTPS']);

/** HTTP servers of Istio Gateways; TLS passthrough servers route by SNI (tls routes) and are left out. */
export function gatewayHttpServers(mesh: MeshView): GatewayHttpServer[] {
  const out: GatewayHttpServer[] = [];
  for (const gw of mesh.byKind('Gateway')) {
    if (gw.namespace === null) continue;
    const selector = Object.entries(asObject(gw.spec.selector))
      .map(([k, v]) => `${k}=${valueText(v)}`)
      .sort()
      .join(',');
    asArray(gw.spec.servers).forEach((s, serverIndex) => {
      if (!isObject(s)) return;
      const port = asObject(s.port);
      const protocol = (asString(port.protocol) ?? '').toUpperCase();
      if (typeof port.number !== 'number' || !HTTP_PROTOCOLS.has(protocol)) return;
      const tls = isObject(s.tls) ? s.tls : null;
      const mode = tls ? (asString(tls.mode) ?? 'SIMPLE').toUpperCase() : null;
      if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') return;
      const terminates = protocol === 'HTTPS' || (tls !== null && !tls.httpsRedirect);
      const hosts: { raw: string; index: number }[] = [];
      asArray(s.hosts).forEach((h, index) => {
        if (typeof h === 'string') hosts.push({ raw: h, index });
      });
      out.push({
        gateway: gw,
        serverIndex,
        port: port.number,
        hosts,
        httpsRedirect: tls?.httpsRedirect === true,
        // Plain-HTTP servers of Gateways selecting the same workloads share one route table per port.
        routeTable: terminates ? `tls|${gw.namespace}/${gw.name}|${serverIndex}` : `http|${selector}|${port.number}`,
      });
    });
  }
  return out;
}

/** The host part of a server host, if a VirtualService of `vsNamespace` may bind to it. */
export function serverHostFor(raw: string, gateway: Resource, vsNamespace: string): string | null {
  const slash = raw.indexOf('/');
  if (slash === -1) return raw.toLowerCase();
  const ns = raw.slice(0, slash);
  const ok = ns === '*' || ns === vsNamespace || (ns === '.' && gateway.namespace === vsNamespace);
  return ok ? raw.slice(slash + 1).toLowerCase() : null;
}

/** The host both name: the more specific of the two, or null when they do not overlap. */
function intersect(serverHost: string, vsHost: string): string | null {
  if (hostMatches(serverHost, vsHost)) return vsHost;
  if (hostMatches(vsHost, serverHost)) return serverHost;
  return null;
}

/** The gateway keys a VirtualService binds to ("ns/name"), with the Gateway when the repository has it. */
export function boundGatewayKeys(
  mesh: MeshView,
  vs: Resource,
): { key: string; ref: string; index: number; gateway: Resource | null }[] {
  const out: { key: string; ref: string; index: number; gateway: Resource | null }[] = [];
  asArray(vs.spec.gateways).forEach((g, index) => {
    if (typeof g !== 'string' || g === 'mesh' || vs.namespace === null) return;
    const r = resolveGatewayRef(mesh, g, vs.namespace);
    out.push({ key: r.key, ref: g, index, gateway: r.gateway });
  });
  return out;
}

/** A VirtualService's http routes as the gateway `gatewayKey` on `port` translates them. */
function translate(mesh: MeshView, vs: Resource, gatewayKey: string, port: number): GatewayRoute[] {
  const out: GatewayRoute[] = [];
  const routes = asArray(vs.spec.http);
  for (let i = 0; i < routes.length; i++) {
    const route = routes[i];
    if (!isObject(route)) continue;
    // A `match` that is not a list is the schema rules' finding; what the route takes is unknown.
    const opaqueRoute =
      route.delegate !== undefined ||
      (route.match !== undefined && route.match !== null && !Array.isArray(route.match));
    const matches = asArray(route.match);
    if (matches.length === 0) {
      out.push({
        routeIndex: i,
        matchIndex: null,
        match: MATCH_ALL,
        catchAll: !opaqueRoute,
        opaque: opaqueRoute,
        route,
      });
      if (!opaqueRoute) return out;
      continue;
    }
    for (let j = 0; j < matches.length; j++) {
      const m = readHttpMatch(matches[j]);
      if (!m) {
        out.push({ routeIndex: i, matchIndex: j, match: MATCH_ALL, catchAll: false, opaque: true, route });
        continue;
      }
      if (m.port !== null && m.port !== port) continue;
      if (m.gateways && !m.gateways.some((g) => resolveGatewayRef(mesh, g, vs.namespace!).key === gatewayKey)) continue;
      const opaque = opaqueRoute || m.sourceLabels !== null || m.sourceNamespace !== null;
      const catchAll = !opaque && isCatchAllMatch(m);
      out.push({ routeIndex: i, matchIndex: j, match: m, catchAll, opaque, route });
      if (catchAll) return out;
    }
  }
  return out;
}

/** Every (route table, host) of the repository's Istio Gateways that at least one VirtualService serves. */
export function gatewayVirtualHosts(mesh: MeshView): GatewayVirtualHost[] {
  return mesh.memo('gateway-virtual-hosts', () => collectGatewayVirtualHosts(mesh));
}

function collectGatewayVirtualHosts(mesh: MeshView): GatewayVirtualHost[] {
  const serversByGateway = new Map<string, GatewayHttpServer[]>();
  for (const s of gatewayHttpServers(mesh)) {
    const key = `${s.gateway.namespace}/${s.gateway.name}`;
    (serversByGateway.get(key) ?? serversByGateway.set(key, []).get(key)!).push(s);
  }
  const vhosts = new Map<string, GatewayVirtualHost>();
  for (const vs of mesh.byKind('VirtualService')) {
    if (vs.namespace === null) continue;
    const vsHosts = (stringsOf(vs.spec.hosts) ?? []).map((h) => resolveHost(h, vs.namespace!).toLowerCase());
    const scope = exportScope(
      stringsOf(vs.spec.exportTo) ?? [],
      vs.namespace,
      mesh.settings.defaultVirtualServiceExportTo,
    );
    for (const b of boundGatewayKeys(mesh, vs)) {
      if (!b.gateway || b.gateway.group !== 'networking.istio.io') continue;
      // The gateway's proxy only sees VirtualServices exported to its namespace.
      if (b.gateway.namespace !== vs.namespace && !isVisibleFrom(scope, b.gateway.namespace!)) continue;
      for (const server of serversByGateway.get(b.key) ?? []) {
        let routes: GatewayRoute[] | null = null;
        for (const sh of server.hosts) {
          const serverHost = serverHostFor(sh.raw, server.gateway, vs.namespace);
          if (serverHost === null) continue;
          for (const vh of vsHosts) {
            const host = intersect(serverHost, vh);
            if (host === null) continue;
            const key = `${server.routeTable}\u0000${host}`;
            let vhost = vhosts.get(key);
            if (!vhost) vhosts.set(key, (vhost = { host, routeTable: server.routeTable, sources: [] }));
            if (vhost.sources.some((s) => s.vs === vs)) continue;
            routes ??= translate(mesh, vs, b.key, server.port);
            vhost.sources.push({ vs, gatewayKey: b.key, gateway: b.gateway, port: server.port, routes });
          }
        }
      }
    }
  }
  return [...vhosts.values()];
}
