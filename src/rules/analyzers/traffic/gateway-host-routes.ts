// A Gateway server that accepts a host no VirtualService bound to it routes: the gateway answers 404 (NR) for that
// host. The usual cause is a VirtualService for the host that omits `gateways:` (it then applies to sidecars only).
import { defineRule, type Rule } from '../../rule.js';
import { asArray, type Resource } from '../../../manifests/resource.js';
import {
  boundGatewayKeys,
  gatewayHttpServers,
  gatewayVirtualHosts,
  serverHostFor,
} from '../../../mesh/gateway-vhosts.js';
import { hostMatches, isWildcardHost, resolveHost } from '../../../mesh/hosts.js';
import type { FixEdit } from '../../../fixes/edits.js';
import { GROUP } from './common.js';

/** How `vs` should name `gateway` in its `gateways:` list. */
function gatewayRefFrom(vs: Resource, gateway: Resource): string {
  return gateway.namespace === vs.namespace ? gateway.name : `${gateway.namespace}/${gateway.name}`;
}

/** Where the VirtualService applies today, in words. */
function describeBinding(vs: Resource): string {
  const gws = asArray(vs.spec.gateways).filter((g): g is string => typeof g === 'string');
  if (gws.length === 0) return 'applies only to sidecars (no `gateways:`, which means `mesh`)';
  return `is bound to ${gws.map((g) => `"${g}"`).join(', ')} only`;
}

/** Add the gateway to `gateways:`; a VirtualService without the field serves the mesh, and keeps doing so. */
function bindFix(vs: Resource, gateway: Resource): FixEdit {
  const ref = gatewayRefFrom(vs, gateway);
  if (!Array.isArray(vs.spec.gateways)) {
    return {
      op: 'insert',
      path: ['spec'],
      key: 'gateways',
      value: [ref, 'mesh'],
      description: `bind ${vs.name} to gateway ${ref} as well as the mesh`,
    };
  }
  return { op: 'append', path: ['spec', 'gateways'], value: ref, description: `bind ${vs.name} to gateway ${ref}` };
}

const NO_ROUTE =
  'Gateway {gateway} accepts host "{host}" on port {port}, but no VirtualService bound to it routes that host: {candidates}. ' +
  'Requests for "{host}" through the gateway get 404 (no route, NR).';

export const gatewayHostWithoutRoute = defineRule({
  id: 'gateway-host-without-route',
  severity: 'warning',
  istioCode: null,
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'VirtualService' }, { kind: 'Gateway' }],
  title: 'A Gateway accepts a host that a VirtualService routes, but that VirtualService is not bound to the Gateway.',
  messages: {
    notBound: `${NO_ROUTE} Add "{gatewayRef}" to its \`gateways:\`.`,
    notBoundMeshOnly: `${NO_ROUTE} Add "{gatewayRef}" to its \`gateways:\`, keeping \`mesh\` so sidecars still use it.`,
    notBoundSeveral: `${NO_ROUTE} Add the gateway to the \`gateways:\` of the VirtualService meant to serve it.`,
  },
  check(ctx) {
    const vhosts = gatewayVirtualHosts(ctx.mesh);
    // VirtualServices with http routes by the exact hosts they name: one for "*" or "*.example.com" was not
    // written for this host in particular, and one with only tcp/tls routes would not serve HTTP anyway.
    const byHost = new Map<string, Resource[]>();
    for (const vs of ctx.allInputs('VirtualService')) {
      if (vs.namespace === null || asArray(vs.spec.http).length === 0) continue;
      for (const h of asArray(vs.spec.hosts)) {
        if (typeof h !== 'string') continue;
        const resolved = resolveHost(h, vs.namespace).toLowerCase();
        if (!isWildcardHost(resolved)) (byHost.get(resolved) ?? byHost.set(resolved, []).get(resolved)!).push(vs);
      }
    }
    for (const server of gatewayHttpServers(ctx.mesh)) {
      if (server.httpsRedirect) continue;
      const gw = server.gateway;
      const gwKey = `${gw.namespace}/${gw.name}`;
      for (const sh of server.hosts) {
        const slash = sh.raw.indexOf('/');
        const host = (slash === -1 ? sh.raw : sh.raw.slice(slash + 1)).toLowerCase();
        if (isWildcardHost(host)) continue; // a wildcard server host is not a promise to serve any one name
        // Served when some VirtualService bound to a Gateway sharing this route table has the host.
        if (vhosts.some((v) => v.routeTable === server.routeTable && hostMatches(v.host, host))) continue;
        const having = new Set(byHost.get(host) ?? []);
        const candidates = [...having].filter(
          (vs) =>
            serverHostFor(sh.raw, gw, vs.namespace!) !== null &&
            !boundGatewayKeys(ctx.mesh, vs).some((b) => b.key === gwKey),
        );
        if (candidates.length === 0) continue;
        const only = candidates.length === 1 ? candidates[0]! : null;
        const about = {
          gateway: gwKey,
          host,
          port: server.port,
          candidates: candidates
            .map((vs) => `VirtualService ${vs.namespace}/${vs.name} has the host but ${describeBinding(vs)}`)
            .join('; '),
        };
        ctx.report({
          resource: gw,
          path: ['spec', 'servers', server.serverIndex, 'hosts', sh.index],
          subject: `${host}|${server.port}`,
          ...(only
            ? {
                messageId: Array.isArray(only.spec.gateways) ? 'notBound' : 'notBoundMeshOnly',
                data: { ...about, gatewayRef: gatewayRefFrom(only, gw) },
              }
            : { messageId: 'notBoundSeveral', data: about }),
          fix: only ? bindFix(only, gw) : null,
          fixTarget: only ?? undefined,
        });
      }
    }
  },
});

export const gatewayHostRouteRules: Rule[] = [gatewayHostWithoutRoute];
