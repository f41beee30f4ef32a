// A gateway that routes to a ServiceEntry host with `resolution: NONE`: the gateway forwards to the connection's
// original destination, and for traffic that arrived at the gateway that is the gateway itself.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, isObject, type Path, type Resource } from '../../../manifests/resource.js';
import type { FixEdit } from '../../../fixes/edits.js';
import { isWildcardHost, resolveHost } from '../../../mesh/hosts.js';
import { hostsOf, resolutionOf } from '../../service-entry/common.js';
import { GROUP, vsGateways } from './common.js';

interface GatewayDestination {
  hostPath: Path;
  host: string;
  gateways: string[];
}

/** Destinations of the routes that apply at one of the VirtualService's gateways (not `mesh`), and those gateways. */
function gatewayDestinations(vs: Resource): GatewayDestination[] {
  const bound = vsGateways(vs)
    .map((g) => g.value)
    .filter((g) => g !== 'mesh');
  if (bound.length === 0) return [];
  const out: GatewayDestination[] = [];
  for (const section of ['http', 'tcp', 'tls'] as const) {
    asArray(vs.spec[section]).forEach((rule, i) => {
      if (!isObject(rule)) return;
      const matches = asArray(rule.match).filter(isObject);
      // A route applies at a gateway unless every match limits it to other gateways (typically to `mesh`).
      let at: string[] =
        matches.length === 0 || matches.some((m) => !Array.isArray(m.gateways) || m.gateways.length === 0) ? bound : [];
      if (at.length === 0) {
        const named = new Set(
          matches.flatMap((m) => asArray(m.gateways).filter((g): g is string => typeof g === 'string' && g !== 'mesh')),
        );
        at = bound.filter((g) => named.has(g));
      }
      if (at.length === 0) return;
      asArray(rule.route).forEach((r, j) => {
        if (!isObject(r) || !isObject(r.destination) || typeof r.destination.host !== 'string') return;
        out.push({
          hostPath: ['spec', section, i, 'route', j, 'destination', 'host'],
          host: r.destination.host,
          gateways: at,
        });
      });
    });
  }
  return out;
}

/** `resolution: DNS` when that is plainly right: named hosts, no endpoints, selector or addresses. */
function dnsFix(se: Resource): FixEdit | null {
  const hosts = hostsOf(se);
  if (hosts.length === 0 || hosts.some(isWildcardHost)) return null;
  if (se.spec.endpoints !== undefined || se.spec.workloadSelector !== undefined || se.spec.addresses !== undefined)
    return null;
  return se.spec.resolution === undefined
    ? { op: 'insert', path: ['spec'], key: 'resolution', value: 'DNS', description: `resolve ${se.name} by DNS` }
    : { op: 'set', path: ['spec', 'resolution'], value: 'DNS', description: `resolve ${se.name} by DNS` };
}

// {resolutionSource}: "the default" when some entry leaves resolution out, else "as written".
const ROUTES_TO_NONE =
  'This route sends traffic arriving at gateway {gateways} to "{host}", which {serviceEntries} declares with resolution NONE ({resolutionSource}). ' +
  "With NONE the proxy forwards to the connection's original destination address, and for a request that arrived at the gateway that address is the gateway itself: " +
  'requests fail (503, or a loop back into the gateway).';

export const gatewayRouteToResolutionNone = defineRule({
  id: 'gateway-route-to-resolution-none',
  severity: 'error',
  istioCode: null,
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'VirtualService' }],
  title: 'A gateway routes to a ServiceEntry host with resolution NONE: it has no address to send to.',
  messages: {
    resolutionNone: `${ROUTES_TO_NONE} Use resolution DNS, or STATIC with endpoints, so the gateway has an address to send to.`,
    resolutionNoneNoFix: `${ROUTES_TO_NONE} Use resolution DNS (for named hosts), or STATIC with endpoints, so the gateway has an address to send to.`,
  },
  check(ctx) {
    for (const vs of ctx.allInputs('VirtualService')) {
      if (vs.namespace === null) continue;
      for (const d of gatewayDestinations(vs)) {
        const host = resolveHost(d.host, vs.namespace);
        if (isWildcardHost(host)) continue;
        const visible = ctx.mesh.lookupHost(host, vs.namespace).visible;
        // Only when every declaration of the host passes through: a Service or a resolving entry gives addresses.
        if (
          visible.length === 0 ||
          !visible.every((e) => e.source === 'ServiceEntry' && e.resource && resolutionOf(e.resource) === 'NONE')
        )
          continue;
        const entries = [...new Set(visible.map((e) => e.resource!))];
        const only = entries.length === 1 ? entries[0]! : null;
        const fix = only ? dnsFix(only) : null;
        ctx.report({
          resource: vs,
          path: d.hostPath,
          subject: `${host}|${d.gateways.join(',')}`,
          messageId: fix ? 'resolutionNone' : 'resolutionNoneNoFix',
          data: {
            gateways: d.gateways.map((g) => `"${g}"`).join(', '),
            host: d.host,
            serviceEntries: entries.map((e) => `ServiceEntry ${e.namespace}/${e.name}`).join(', '),
            resolutionSource: entries.some((e) => e.spec.resolution === undefined) ? 'the default' : 'as written',
          },
          fix,
          fixTarget: fix && only ? only : undefined,
        });
      }
    }
  },
});

export const gatewayResolutionNoneRules: Rule[] = [gatewayRouteToResolutionNone];
