// Route order: which route of which VirtualService serves a request. Within one VirtualService routes are tried in
// order, so a route whose every request an earlier route takes is dead. At a gateway, Istio merges the routes of all
// VirtualServices for a host in an order it does not define, so overlapping matches across VirtualServices make the
// result depend on that order, and only one catch-all of them counts.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, isObject, type JsonObject, type Path, type Resource } from '../../../manifests/resource.js';
import {
  commonRequest,
  describeMatch,
  describeRequest,
  matchCovers,
  matchTakes,
  readHttpMatch,
  type HttpMatch,
  type HttpRequest,
} from '../../../mesh/http-match.js';
import { gatewayVirtualHosts, type GatewayRoute, type VirtualHostSource } from '../../../mesh/gateway-vhosts.js';
import { canonicalMatch } from '../../validation/istio/virtual-service.js';
import { GROUP } from './common.js';
import { valueText } from '../../../util/quote.js';

/** `"name"` or `#i`, as the other VirtualService rules name routes. */
function routeLabel(route: JsonObject, index: number): string {
  return typeof route.name === 'string' && route.name !== '' ? `"${route.name}"` : `#${index}`;
}

/** Where a route sends traffic, for messages: "→ reviews:9080 (v2)", "→ redirect", "→ delegate shop/api". */
function routeTarget(route: JsonObject): string {
  if (isObject(route.redirect)) return 'a redirect';
  if (isObject(route.directResponse)) return 'a direct response';
  if (isObject(route.delegate))
    return `delegate ${valueText(route.delegate.namespace ?? '')}/${valueText(route.delegate.name ?? '')}`;
  const hosts = asArray(route.route)
    .filter(isObject)
    .map((d) => (isObject(d.destination) && typeof d.destination.host === 'string' ? d.destination.host : '?'));
  return hosts.length > 0 ? [...new Set(hosts)].join(', ') : 'no destination';
}

/** What a route does, apart from what it matches: two routes with the same action make their order irrelevant. */
function actionKey(route: JsonObject): string {
  const { match: _m, name: _n, ...rest } = route;
  return canonicalMatch(rest);
}

// ---- within one VirtualService --------------------------------------------------------------------

// {earlierRoutes}: "route #0" or "routes #0, \"api\"", as routeLabel names them.
const SHADOWED =
  'http route {route} of VirtualService {virtualService} (to {target}) is never used: every request it matches is already taken by the earlier {earlierRoutes}, and routes are tried in order.';

export const vsShadowedRoute = defineRule({
  id: 'vs-shadowed-route',
  severity: 'warning',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A VirtualService http route whose every request an earlier route of the same VirtualService already takes.',
  messages: {
    shadowedRoute: `${SHADOWED} Move this route above the broader one, or remove it.`,
    shadowedRouteExample: `${SHADOWED} For example {request} is served by route {exampleRoute} ({exampleMatch}), never by this one. Move this route above the broader one, or remove it.`,
  },
  check(ctx) {
    for (const vs of ctx.allInputs('VirtualService')) {
      const routes = asArray(vs.spec.http);
      const earlier: { index: number; match: HttpMatch }[] = [];
      const earlierCanonical = new Set<string>();
      let sawCatchAll = false;
      for (let i = 0; i < routes.length; i++) {
        const route = routes[i];
        if (!isObject(route)) continue;
        const matches = asArray(route.match);
        if (matches.length === 0) {
          sawCatchAll = true;
          continue;
        }
        const read = matches.map((m) => ({ raw: m, match: readHttpMatch(m) }));
        let coveredBy: { by: number; request: HttpRequest | null; byMatch: HttpMatch }[] | null = [];
        let allDuplicates = true;
        for (const { raw, match } of read) {
          if (!match) {
            coveredBy = null;
            break;
          }
          const canonical = canonicalMatch(raw, true);
          const cover = earlier.find((e) => matchCovers(e.match, match));
          if (!cover) {
            coveredBy = null;
            break;
          }
          if (!earlierCanonical.has(canonical)) allDuplicates = false;
          coveredBy.push({ by: cover.index, request: commonRequest(cover.match, match), byMatch: cover.match });
        }
        // A route after one without a match, or whose matches all repeat earlier ones, is vs-unreachable-route's.
        if (coveredBy && !sawCatchAll && !allDuplicates && route.delegate === undefined) {
          const byRoutes = [...new Set(coveredBy.map((c) => c.by))];
          const example = coveredBy.find((c) => c.request !== null);
          const about = {
            route: routeLabel(route, i),
            virtualService: `${vs.namespace}/${vs.name}`,
            target: routeTarget(route),
            earlierRoutes: `route${byRoutes.length > 1 ? 's' : ''} ${byRoutes.map((b) => routeLabel(routes[b] as JsonObject, b)).join(', ')}`,
          };
          ctx.report({
            resource: vs,
            path: ['spec', 'http', i],
            subject: `${routeKeyOf(route)}<${byRoutes.map((b) => routeKeyOf(routes[b] as JsonObject)).join('|')}`,
            ...(example
              ? {
                  messageId: 'shadowedRouteExample',
                  data: {
                    ...about,
                    request: describeRequest(example.request!),
                    exampleRoute: routeLabel(routes[example.by] as JsonObject, example.by),
                    exampleMatch: describeMatch(example.byMatch),
                  },
                }
              : { messageId: 'shadowedRoute', data: about }),
          });
        }
        // Routes after a catch-all take part in nothing: vs-unreachable-route already names them.
        if (!sawCatchAll) {
          for (const { raw, match } of read) {
            earlierCanonical.add(canonicalMatch(raw, true));
            if (match && route.delegate === undefined) earlier.push({ index: i, match });
          }
        }
      }
    }
  },
});

function routeKeyOf(route: JsonObject): string {
  return typeof route.name === 'string' && route.name !== ''
    ? route.name
    : canonicalMatch({ match: route.match ?? null, route: route.route ?? null });
}

// ---- merged at a gateway ---------------------------------------------------------------------------

/** The route of `source` that serves `request` at the gateway (catch-alls come last), or null when that cannot be
 *  decided (a regex, a delegate or a source condition first). */
function firstRoute(source: VirtualHostSource, request: HttpRequest): GatewayRoute | null {
  for (const r of source.routes) {
    if (r.catchAll) continue;
    if (r.opaque) return null;
    const takes = matchTakes(r.match, request);
    if (takes === null) return null;
    if (takes) return r;
  }
  return null;
}

function routePath(r: GatewayRoute): Path {
  return r.matchIndex === null ? ['spec', 'http', r.routeIndex] : ['spec', 'http', r.routeIndex, 'match', r.matchIndex];
}

function describeGatewayRoute(r: GatewayRoute): string {
  return `${routeLabel(r.route, r.routeIndex)} (${describeMatch(r.match)} → ${routeTarget(r.route)})`;
}

const name = (vs: Resource) => `${vs.namespace}/${vs.name}`;

export const vsGatewayRouteOverlap = defineRule({
  id: 'vs-gateway-route-overlap',
  severity: 'warning',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }, { kind: 'Gateway' }],
  title:
    'Two VirtualServices for one host at a gateway have overlapping matches, so which one serves a request depends on an order Istio does not define.',
  messages: {
    overlap:
      '{request} for host "{host}" at gateway {gateway} (port {port}) matches route {route} of this VirtualService, ' +
      "and may instead be served by VirtualService {other}'s route {otherRoute}. " +
      'The gateway merges the routes of every VirtualService for this host, keeping the order within each VirtualService; the order across them is undefined (today: creation time), so which route wins depends on which VirtualService was created first and can differ between clusters or after one is re-created. ' +
      'Put these routes in one VirtualService in the order you want, or make the matches disjoint.',
  },
  check(ctx) {
    // A host served on several ports (80 and 443) has one virtual host per route table: say it once.
    const reported = new Set<string>();
    for (const vhost of gatewayVirtualHosts(ctx.mesh)) {
      if (vhost.sources.length < 2) continue;
      for (const mine of vhost.sources) {
        for (const other of vhost.sources) {
          if (other === mine) continue;
          for (const b of mine.routes) {
            if (b.catchAll || b.opaque) continue;
            const key = `${vhost.host}|${mine.gatewayKey}|${name(mine.vs)}|${b.routeIndex}|${b.matchIndex}|${name(other.vs)}`;
            if (reported.has(key)) continue;
            for (const a of other.routes) {
              if (a.catchAll || a.opaque) continue;
              // When this match strictly contains the other's, the narrower route is the one that loses requests.
              if (matchCovers(b.match, a.match) && !matchCovers(a.match, b.match)) continue;
              if (actionKey(a.route) === actionKey(b.route)) continue;
              const request = commonRequest(a.match, b.match, vhost.host);
              if (!request || firstRoute(mine, request) !== b || firstRoute(other, request) !== a) continue;
              reported.add(key);
              ctx.report({
                resource: mine.vs,
                path: routePath(b),
                subject: `${vhost.host}|${mine.gatewayKey}|${describeMatch(b.match)}|${name(other.vs)}`,
                messageId: 'overlap',
                data: {
                  request: describeRequest(request),
                  host: vhost.host,
                  gateway: mine.gatewayKey,
                  port: mine.port,
                  route: describeGatewayRoute(b),
                  other: name(other.vs),
                  otherRoute: describeGatewayRoute(a),
                },
              });
              break;
            }
          }
        }
      }
    }
  },
});

export const vsGatewaySecondCatchAll = defineRule({
  id: 'vs-gateway-second-catch-all',
  severity: 'warning',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'VirtualService' }, { kind: 'Gateway' }],
  title: 'Two VirtualServices for one host at a gateway each have a catch-all route; only one of them takes effect.',
  messages: {
    secondCatchAll:
      'Route {route} of this VirtualService takes every request for host "{host}" at gateway {gateway} (port {port}) that no other route matches, and so does {others}. ' +
      'The gateway moves catch-all routes to the end and only the first counts; the order across VirtualServices is undefined (today: creation time), so one of them has no effect, and which one can differ between clusters or after a re-create. ' +
      'Keep a single catch-all for the host, in one VirtualService.',
  },
  check(ctx) {
    const reported = new Set<string>();
    for (const vhost of gatewayVirtualHosts(ctx.mesh)) {
      const withCatchAll = vhost.sources
        .map((s) => ({ s, r: s.routes.find((r) => r.catchAll) }))
        .filter((x): x is { s: VirtualHostSource; r: GatewayRoute } => x.r !== undefined);
      if (withCatchAll.length < 2) continue;
      if (new Set(withCatchAll.map((x) => actionKey(x.r.route))).size < 2) continue; // all send to the same place
      for (const { s, r } of withCatchAll) {
        const key = `${vhost.host}|${s.gatewayKey}|${name(s.vs)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const others = withCatchAll.filter((x) => x.s !== s);
        ctx.report({
          resource: s.vs,
          path: routePath(r),
          subject: `${vhost.host}|${s.gatewayKey}|catch-all`,
          messageId: 'secondCatchAll',
          data: {
            route: describeGatewayRoute(r),
            host: vhost.host,
            gateway: s.gatewayKey,
            port: s.port,
            others: others.map((x) => `VirtualService ${name(x.s.vs)}'s route ${describeGatewayRoute(x.r)}`).join(', '),
          },
        });
      }
    }
  },
});

export const vsRouteOrderRules: Rule[] = [vsShadowedRoute, vsGatewayRouteOverlap, vsGatewaySecondCatchAll];
