// TLS between sidecars and external services: origination that encrypts twice or not at all, DestinationRule
// TLS settings that do not pin a CA or name the wrong server. (MUTUAL without a client certificate is Istio
// validation: dr-invalid.)
import { defineRule, type Rule, type RuleContext } from '../rule.js';
import { asArray, asObject, asString, isObject, type Path, type Resource } from '../../manifests/resource.js';
import { hostMatches, resolveHost } from '../../mesh/hosts.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import {
  describePort,
  drsApplying,
  endpointsOf,
  hasSelector,
  hostsOf,
  isTlsFamily,
  originatesTls,
  portsOf,
  serviceEntries,
  tlsForPort,
  callersWithoutOrigination,
  tlsOriginatedOn,
  type TlsSetting,
} from './common.js';
import { quote, valueText } from '../../util/quote.js';
import { tlsPortDeclaredHttp } from './protocol.js';
import { own } from '../../util/own.js';

const group = 'service-entry';
const CA_MISSING =
  'has no "caCertificates": the server certificate is checked against the proxy\'s default trust store (system CAs on recent Istio versions; not verified at all on old ones). ' +
  "Set caCertificates (or credentialName) to pin the CA that signs the server's certificate.";
const PLAINTEXT_TO_TLS =
  'the sidecar sends plaintext to a TLS port and requests fail (connection reset, or 400 "The plain HTTP request was sent to HTTPS port"). ' +
  'Add a DestinationRule for {host} with portLevelSettings for port {number} and tls.mode: SIMPLE';

/** host|port pairs that some VirtualService routes plain HTTP to (`http[].route[].destination`), with the namespace
 *  of the VirtualService (whose proxies send that traffic). */
function httpRouteTargets(mesh: MeshView): { host: string; port: number; namespace: string }[] {
  const out: { host: string; port: number; namespace: string }[] = [];
  for (const vs of mesh.byKind('VirtualService', 'networking.istio.io')) {
    for (const http of asArray(vs.spec.http)) {
      for (const route of asArray(asObject(http).route)) {
        const dest = asObject(asObject(route).destination);
        const host = asString(dest.host);
        const port = asObject(dest.port).number;
        if (host && typeof port === 'number')
          out.push({ host: resolveHost(host, vs.namespace!), port, namespace: vs.namespace! });
      }
    }
  }
  return out;
}

interface DoubleTls {
  dr: Resource;
  tls: TlsSetting;
  se: Resource;
  host: string;
  port: number;
  protocol: string;
  routedHttp: boolean;
}

function findDoubleTls(mesh: MeshView): DoubleTls[] {
  const out: DoubleTls[] = [];
  const seen = new Set<string>();
  let routes: { host: string; port: number; namespace: string }[] | null = null;
  for (const se of serviceEntries(mesh)) {
    for (const p of portsOf(se)) {
      if (!p.protocol || !isTlsFamily(p.protocol) || p.number === null) continue;
      for (const host of hostsOf(se)) {
        for (const dr of drsApplying(mesh, se, host)) {
          const tls = tlsForPort(dr, p.number);
          if (!originatesTls(tls)) continue;
          const key = `${dr.namespace}/${dr.name}|${tls!.path.join('.')}`;
          if (seen.has(key)) continue;
          seen.add(key);
          routes ??= httpRouteTargets(mesh);
          // A ServiceEntry host is literal; route hosts were resolved in their VirtualService's namespace. The plain
          // HTTP routed there is what this DestinationRule upgrades only where pilot picks it for the route's callers.
          const routedHttp = routes.some(
            (r) =>
              r.port === p.number &&
              (hostMatches(host, r.host) || hostMatches(r.host, host)) &&
              mesh.destinationRuleFor(host, r.namespace, se.namespace) === dr,
          );
          out.push({ dr, tls: tls!, se, host, port: p.number, protocol: p.protocol, routedHttp });
        }
      }
    }
  }
  return out;
}

/** The `tls` blocks of a DestinationRule's top-level traffic policy and its portLevelSettings (subset policies
 *  are not inspected, as in istioctl's CA-certificate analyzer). */
function tlsSettingsOf(dr: Resource): TlsSetting[] {
  const out: TlsSetting[] = [];
  const policy = asObject(dr.spec.trafficPolicy);
  if (isObject(policy.tls))
    out.push({ tls: policy.tls, path: ['spec', 'trafficPolicy', 'tls'], mode: asString(policy.tls.mode) ?? null });
  asArray(policy.portLevelSettings).forEach((p, i) => {
    const tls = asObject(p).tls;
    if (isObject(tls))
      out.push({
        tls,
        path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'],
        mode: asString(tls.mode) ?? null,
      });
  });
  return out;
}

function isPortLevel(path: Path): boolean {
  return path.includes('portLevelSettings');
}

function missingCa(dr: Resource, t: TlsSetting): boolean {
  if (!originatesTls(t)) return false;
  if (typeof t.tls.caCertificates === 'string' && t.tls.caCertificates !== '') return false;
  const credential = typeof t.tls.credentialName === 'string' && t.tls.credentialName !== '';
  return !(credential && isObject(dr.spec.workloadSelector));
}

function reportMissingCa(ctx: RuleContext, portLevel: boolean): void {
  for (const dr of ctx.allInputs('DestinationRule')) {
    for (const t of tlsSettingsOf(dr)) {
      if (isPortLevel(t.path) !== portLevel || !missingCa(dr, t)) continue;
      const port = portLevel
        ? valueText(
            asObject(asObject(asArray(asObject(dr.spec.trafficPolicy).portLevelSettings)[t.path[3] as number]).port)
              .number ?? '?',
          )
        : null;
      const host = asString(dr.spec.host);
      const about = { mode: String(t.mode), host: host ? quote(host) : 'the host' };
      ctx.report({
        resource: dr,
        path: t.path,
        subject: port !== null ? `port ${port}` : 'trafficPolicy.tls',
        messageId: 'caCertificatesMissing',
        data: port !== null ? { ...about, port } : about,
      });
    }
  }
}

export const tlsRules: Rule[] = [
  defineRule({
    id: 'dr-double-tls',
    severity: 'error',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }, { kind: 'DestinationRule' }],
    title:
      "A DestinationRule originates TLS on a ServiceEntry port declared HTTPS or TLS: apps' TLS gets encrypted twice.",
    messages: {
      doubleTls:
        'tls.mode {mode} originates TLS to {host} port {port}, which ServiceEntry {entry} declares {protocol}: apps reaching that port already speak TLS, so the sidecar wraps TLS in TLS and the server answers with errors such as "wrong version number" or a connection reset. ' +
        'Either let the app speak TLS and drop this tls block (the port stays {protocolName} passthrough), or have the app send plain HTTP: declare the ServiceEntry port protocol HTTP (e.g. port 80 with targetPort: 443) and keep the origination for that port.',
    },
    check(ctx) {
      for (const d of findDoubleTls(ctx.mesh)) {
        if (d.routedHttp) continue;
        ctx.report({
          resource: d.dr,
          path: [...d.tls.path, 'mode'],
          subject: `${d.host}:${d.port}`,
          messageId: 'doubleTls',
          data: {
            mode: String(d.tls.mode),
            host: quote(d.host),
            port: d.port,
            entry: `${d.se.namespace}/${d.se.name}`,
            protocol: quote(d.protocol),
            protocolName: d.protocol,
          },
        });
      }
    },
  }),
  defineRule({
    id: 'dr-double-tls-direct-https',
    severity: 'warning',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }, { kind: 'DestinationRule' }],
    title:
      'A DestinationRule originates TLS on an HTTPS/TLS ServiceEntry port that a VirtualService routes plain HTTP to; apps calling https:// directly break.',
    messages: {
      directHttpsBreaks:
        'tls.mode {mode} originates TLS to {host} port {port}. A VirtualService routes plain HTTP there (the egress-gateway origination pattern), which works, but ServiceEntry {entry} declares the port {protocol}: an app that calls https://{hostName} directly gets its TLS encrypted again and fails with "wrong version number". Make sure apps use http:// for this host, or limit the DestinationRule to the gateway (exportTo or a workloadSelector).',
    },
    check(ctx) {
      for (const d of findDoubleTls(ctx.mesh)) {
        if (!d.routedHttp) continue;
        ctx.report({
          resource: d.dr,
          path: [...d.tls.path, 'mode'],
          subject: `${d.host}:${d.port}`,
          messageId: 'directHttpsBreaks',
          data: {
            mode: String(d.tls.mode),
            host: quote(d.host),
            port: d.port,
            entry: `${d.se.namespace}/${d.se.name}`,
            protocol: quote(d.protocol),
            hostName: d.host,
          },
        });
      }
    },
  }),
  defineRule({
    id: 'se-missing-tls-origination',
    severity: 'error',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }, { kind: 'DestinationRule' }],
    title:
      'A ServiceEntry HTTP port with targetPort 443 and no DestinationRule originating TLS: plaintext is sent to a TLS port.',
    messages: {
      noOrigination: `Port {port} is declared {protocol} and forwarded to {via}, but no DestinationRule originates TLS for it: ${PLAINTEXT_TO_TLS}.`,
      originationNotApplying:
        'Port {port} is declared {protocol} and forwarded to {via}, but the DestinationRule that originates TLS for it ({destinationRule}) does not apply to callers in {callers} ' +
        `(a DestinationRule applies from the caller's namespace, the host's namespace or the root namespace): for them ${PLAINTEXT_TO_TLS} that applies to those callers (in their namespace, the entry's, or the root namespace).`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        // Workloads picked by a selector are mesh workloads: their port 443 may well be plain HTTP behind a sidecar.
        if (hasSelector(se)) continue;
        for (const p of portsOf(se)) {
          if (!p.protocol || !['HTTP', 'HTTP2', 'GRPC'].includes(p.protocol.toUpperCase())) continue;
          // Where the traffic goes: an endpoint's port for this port name, else targetPort.
          let at: (string | number)[] | null = p.targetPort === 443 ? ['spec', 'ports', p.index, 'targetPort'] : null;
          let via = 'targetPort 443';
          if (p.name) {
            endpointsOf(se).forEach((ep, i) => {
              const ports = asObject(asObject(ep).ports);
              if (at === null && own(ports, p.name!) === 443) {
                at = ['spec', 'endpoints', i, 'ports', p.name!];
                via = 'endpoint port 443';
              }
            });
          }
          if (at === null) continue;
          if (tlsPortDeclaredHttp(p)) continue; // reported as a TLS port declared HTTP
          // Judged from each calling namespace: a DestinationRule applies only where pilot picks it for the caller.
          const lacking = callersWithoutOrigination(ctx.mesh, se, p.number);
          if (lacking.length === 0) continue;
          const elsewhere = tlsOriginatedOn(ctx.mesh, se, p.number);
          const about = {
            port: describePort(p),
            protocol: quote(p.protocol),
            via,
            host: quote(hostsOf(se)[0] ?? 'the host'),
            number: p.number ?? '?',
          };
          ctx.report({
            resource: se,
            path: at,
            subject: String(p.number ?? p.name),
            ...(elsewhere
              ? {
                  messageId: 'originationNotApplying',
                  data: {
                    ...about,
                    destinationRule: `${elsewhere.namespace}/${elsewhere.name}`,
                    callers: lacking.map(quote).join(', '),
                  },
                }
              : { messageId: 'noOrigination', data: about }),
          });
        }
      }
    },
  }),
  defineRule({
    id: 'dr-ca-certificates-missing',
    severity: 'info',
    istioCode: 'IST0128',
    group,
    fixable: false,
    inputs: [{ kind: 'DestinationRule' }],
    title: 'A DestinationRule originates TLS (SIMPLE/MUTUAL) in its top-level trafficPolicy without caCertificates.',
    messages: { caCertificatesMissing: `tls.mode {mode} for all ports of {host} ${CA_MISSING}` },
    check(ctx) {
      reportMissingCa(ctx, false);
    },
  }),
  defineRule({
    id: 'dr-port-ca-certificates-missing',
    severity: 'info',
    istioCode: 'IST0129',
    group,
    fixable: false,
    inputs: [{ kind: 'DestinationRule' }],
    title: 'A DestinationRule originates TLS (SIMPLE/MUTUAL) in a portLevelSettings entry without caCertificates.',
    messages: { caCertificatesMissing: `tls.mode {mode} for port {port} of {host} ${CA_MISSING}` },
    check(ctx) {
      reportMissingCa(ctx, true);
    },
  }),
  defineRule({
    id: 'dr-sni-mismatch',
    severity: 'warning',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'DestinationRule' }, { kind: 'ServiceEntry' }],
    title: "A DestinationRule originating TLS sets an sni that matches none of the target ServiceEntry's hosts.",
    messages: {
      sniMismatch:
        'sni {sni} matches none of the hosts the ServiceEntry declares ({hosts}): the server picks its certificate by SNI, so it may present one for another name and verification fails ("certificate verify failed") or the request reaches the wrong virtual host. Use the host name the server expects, usually {host}.',
    },
    check(ctx) {
      // The ServiceEntries behind a DestinationRule host; null when a Service (or nothing) declares it.
      const targetsOf = new Map<string, Set<Resource> | null>();
      for (const dr of ctx.allInputs('DestinationRule')) {
        const drHost = asString(dr.spec.host);
        if (!drHost) continue;
        const withSni = tlsSettingsOf(dr).filter((t) => asString(t.tls.sni) && originatesTls(t));
        if (withSni.length === 0) continue;
        const resolved = resolveHost(drHost, dr.namespace!);
        let targets = targetsOf.get(resolved);
        if (targets === undefined) {
          const entries = ctx.mesh.hostEntries(resolved);
          targets =
            entries.length === 0 || entries.some((e) => e.source !== 'ServiceEntry' || !e.resource)
              ? null
              : new Set(entries.map((e) => e.resource!));
          targetsOf.set(resolved, targets);
        }
        if (targets === null) continue;
        for (const t of withSni) {
          const sni = asString(t.tls.sni)!;
          // Some host of a target entry matches the SNI exactly when the index finds that entry for the SNI.
          if (ctx.mesh.hostEntries(sni).some((e) => e.resource !== null && targets.has(e.resource))) continue;
          const shown = [...new Set([...targets].flatMap((r) => hostsOf(r)))];
          ctx.report({
            resource: dr,
            path: [...t.path, 'sni'],
            subject: sni,
            // At most five hosts, then an ellipsis.
            messageId: 'sniMismatch',
            data: {
              sni: quote(sni),
              hosts: `${shown.slice(0, 5).map(quote).join(', ')}${shown.length > 5 ? ', …' : ''}`,
              host: quote(drHost),
            },
          });
        }
      }
    },
  }),
];
