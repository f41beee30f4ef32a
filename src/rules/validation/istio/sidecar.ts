// Sidecar: what istiod's admission webhook rejects (IST0106) or warns about (IST0133).
// (More than one selector-less Sidecar per namespace is an analyzer's finding, not validation.)
import type { JsonObject, Path, Resource } from '../../../manifests/resource.js';
import { isObject } from '../../../manifests/resource.js';
import { validateConnectionPool } from './destination-rule.js';
import { checkNamespacedHost, validateServerTls } from './gateway.js';
import {
  arr,
  fqdnError,
  hasItems,
  isDnsLabel,
  isHttpProtocol,
  isIP,
  isSet,
  Issues,
  kindRules,
  nonZero,
  num,
  obj,
  portError,
  protocolKnown,
  str,
  unixPathError,
} from './common.js';
import { quote, valueText } from '../../../util/quote.js';

export function validateSidecar(r: Resource, out: Issues): void {
  const spec = r.spec;
  const ns = r.namespace ?? 'default';
  const ws = obj(spec.workloadSelector);
  if (ws) {
    const labels = obj(ws.labels);
    let bad = false;
    for (const [k, v] of Object.entries(labels ?? {})) {
      if (k === '') {
        out.error(['spec', 'workloadSelector', 'labels'], 'a workloadSelector label has an empty key');
        bad = true;
      }
      if (k.includes('*') || (typeof v === 'string' && v.includes('*'))) {
        out.error(
          ['spec', 'workloadSelector', 'labels', k],
          `workloadSelector label ${quote(`${k}=${valueText(v)}`)} uses a wildcard, which selectors do not support`,
        );
        bad = true;
      }
    }
    if (bad) return; // Istio stops here
    if (Object.keys(labels ?? {}).length === 0 && (ws.labels === undefined || labels)) {
      out.warn(
        ['spec', 'workloadSelector'],
        'the workloadSelector has no labels, so the Sidecar applies to every workload in the namespace',
        'Add labels, or remove workloadSelector for a namespace-wide Sidecar.',
      );
    }
  }
  if (
    !hasItems(spec.egress) &&
    !hasItems(spec.ingress) &&
    !isSet(spec.outboundTrafficPolicy) &&
    !isSet(spec.inboundConnectionPool)
  ) {
    out.errorWhole(
      ['spec'],
      'the Sidecar configures nothing (no egress, ingress, outboundTrafficPolicy or inboundConnectionPool)',
      'Add egress hosts (e.g. "./*" and "istio-system/*") or delete the Sidecar.',
    );
    return;
  }

  const ingressPorts = new Set<number>();
  (arr(spec.ingress) ?? []).forEach((ing, i) => {
    const p: Path = ['spec', 'ingress', i];
    if (ing === null) {
      out.error(p, 'an ingress listener is null');
      return;
    }
    if (!isObject(ing)) return;
    const port = obj(ing.port);
    if (!port) return; // a missing port is a schema finding
    if ((num(port.targetPort) ?? 0) > 0)
      out.error([...p, 'port', 'targetPort'], 'targetPort has no effect on a Sidecar', 'Remove it.');
    checkSidecarPort(out, [...p, 'port'], port, false);
    const bind = str(ing.bind) ?? '';
    if (bind !== '' && !isIP(bind)) out.error([...p, 'bind'], `bind ${quote(bind)} is not an IP address`);
    const n = num(port.number) ?? 0;
    if (ingressPorts.has(n))
      out.error(
        [...p, 'port', 'number'],
        `ingress port ${n} is used by more than one listener`,
        undefined,
        null,
        `dup-ingress-port:${n}`,
      );
    ingressPorts.add(n);
    const de = str(ing.defaultEndpoint);
    if (de) checkDefaultEndpoint(out, [...p, 'defaultEndpoint'], de);
    const tls = obj(ing.tls);
    if (tls) {
      if (hasItems(tls.subjectAltNames))
        out.error([...p, 'tls', 'subjectAltNames'], 'subjectAltNames is not supported on a Sidecar ingress listener');
      if (tls.httpsRedirect === true)
        out.error([...p, 'tls', 'httpsRedirect'], 'httpsRedirect is not supported on a Sidecar ingress listener');
      if (nonZero(tls.credentialName))
        out.error(
          [...p, 'tls', 'credentialName'],
          'credentialName is not supported on a Sidecar ingress listener',
          'Mount the certificate files and use serverCertificate/privateKey.',
        );
      if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'AUTO_PASSTHROUGH')
        out.error([...p, 'tls', 'mode'], `tls mode ${tls.mode} cannot be used on a Sidecar ingress listener`);
      validateServerTls(out, [...p, 'tls'], tls);
    }
    validateConnectionPool(out, [...p, 'connectionPool'], ing.connectionPool);
    const proto = str(port.protocol) ?? '';
    if (isSet(obj(ing.connectionPool)?.http) && !isHttpProtocol(proto)) {
      out.warn(
        [...p, 'connectionPool', 'http'],
        `HTTP connection pool settings on port ${n} (${quote(str(port.name) ?? '')}), whose protocol ${quote(proto)} is not HTTP: only the TCP settings apply`,
      );
    }
  });
  validateConnectionPool(out, ['spec', 'inboundConnectionPool'], spec.inboundConnectionPool);

  const egress = arr(spec.egress) ?? [];
  const ports = new Set<number>();
  const sockets = new Set<string>();
  let catchAll = false;
  egress.forEach((eg, i) => {
    const p: Path = ['spec', 'egress', i];
    if (eg === null) {
      out.error(p, 'an egress listener is null');
      return;
    }
    if (!isObject(eg)) return;
    const port = obj(eg.port);
    if (!port) {
      if (!catchAll) {
        if (i === egress.length - 1) catchAll = true;
        else out.error(p, 'the egress listener without a port must be the last one', 'Move it to the end of egress.');
      } else {
        out.error(p, 'egress has more than one listener without a port');
        return;
      }
    } else {
      if ((num(port.targetPort) ?? 0) > 0)
        out.error([...p, 'port', 'targetPort'], 'targetPort has no effect on a Sidecar', 'Remove it.');
      const bind = str(eg.bind) ?? '';
      const n = num(port.number) ?? 0;
      if (n === 0) {
        if (nonZero(port.name) && typeof port.name === 'string' && !isDnsLabel(port.name))
          out.error([...p, 'port', 'name'], `port name ${quote(port.name)} is not a DNS-1123 label`);
        checkProtocol(out, [...p, 'port'], port);
        if (!bind.startsWith('unix://'))
          out.error([...p, 'port'], 'an egress listener with port 0 must bind to a unix domain socket ("unix://…")');
        else {
          const e = unixPathError(bind.slice(7));
          if (e) out.error([...p, 'bind'], `bind ${e}`);
        }
        const cm = str(eg.captureMode);
        if (cm && cm !== 'DEFAULT' && cm !== 'NONE')
          out.error([...p, 'captureMode'], 'a unix domain socket listener must use captureMode DEFAULT or NONE');
        if (sockets.has(bind))
          out.error([...p, 'bind'], `unix socket ${quote(bind)} is used by more than one egress listener`);
        sockets.add(bind);
      } else {
        checkSidecarPort(out, [...p, 'port'], port, true);
        if (bind !== '' && !isIP(bind)) out.error([...p, 'bind'], `bind ${quote(bind)} is not an IP address`);
        if (ports.has(n))
          out.error(
            [...p, 'port', 'number'],
            `egress port ${n} is used by more than one listener`,
            undefined,
            null,
            `dup-egress-port:${n}`,
          );
        ports.add(n);
      }
    }
    const hosts = arr(eg.hosts);
    if (!hosts) return; // missing hosts are a schema finding
    if (hosts.length === 0) {
      out.error(
        [...p, 'hosts'],
        'the egress listener has no hosts',
        'List the hosts it may reach, e.g. "./*" and "istio-system/*".',
      );
      return;
    }
    const byNs = new Map<string, Set<string>>();
    hosts.forEach((h, j) => {
      if (typeof h !== 'string') return;
      const hp = [...p, 'hosts', j];
      const slash = h.indexOf('/');
      if (slash >= 0) {
        const hns = h.slice(0, slash) === '.' ? ns : h.slice(0, slash);
        const svc = h.slice(slash + 1);
        const seen = byNs.get(hns) ?? byNs.set(hns, new Set()).get(hns)!;
        if (svc !== '*' ? seen.has(svc) || seen.has('*') : seen.size > 0)
          out.warn(
            hp,
            `egress host ${quote(h)} repeats or is covered by an earlier entry`,
            'Remove the redundant entry.',
            null,
            `dup-host:${h}`,
          );
        seen.add(svc);
      }
      checkNamespacedHost(out, hp, h, false);
    });
    if (byNs.get('*')?.has('*') && byNs.size !== 1)
      out.warn(
        [...p, 'hosts'],
        '"*/*" already selects every host; the other entries have no effect',
        'Keep "*/*" alone, or list the namespaces you want.',
      );
  });

  const otp = obj(spec.outboundTrafficPolicy);
  const proxy = otp ? obj(otp.egressProxy) : undefined;
  if (otp && proxy) {
    const op: Path = ['spec', 'outboundTrafficPolicy'];
    if ((str(otp.mode) ?? 'REGISTRY_ONLY') !== 'ALLOW_ANY')
      out.error(
        [...op, 'egressProxy'],
        'egressProxy is only allowed with outboundTrafficPolicy mode ALLOW_ANY',
        'Set mode: ALLOW_ANY, or remove egressProxy.',
      );
    else {
      const host = str(proxy.host);
      const e = host === undefined ? null : fqdnError(host);
      if (e) out.error([...op, 'egressProxy', 'host'], `egressProxy ${e}`);
      if (!isSet(proxy.port))
        out.error([...op, 'egressProxy'], 'egressProxy has no port', 'Set port: {number: <port>}.');
      else {
        const n = num(obj(proxy.port)!.number) ?? 0;
        if (portError(n)) out.error([...op, 'egressProxy', 'port'], `egressProxy ${portError(n)}`);
      }
    }
  }
}

function checkProtocol(out: Issues, p: Path, port: JsonObject): void {
  const proto = str(port.protocol);
  if (proto && !protocolKnown(proto))
    out.error(
      [...p, 'protocol'],
      `protocol ${quote(proto)} is not one Istio knows`,
      'Use HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, MONGO, REDIS or MYSQL (or leave it unset to sniff).',
    );
}

function checkSidecarPort(out: Issues, p: Path, port: JsonObject, _egress: boolean): void {
  if (nonZero(port.name) && typeof port.name === 'string' && !isDnsLabel(port.name))
    out.error([...p, 'name'], `port name ${quote(port.name)} is not a DNS-1123 label`);
  checkProtocol(out, p, port);
  const n = num(port.number) ?? 0;
  const e = portError(n);
  if (e)
    out.error(
      port.number === undefined ? p : [...p, 'number'],
      port.number === undefined ? 'the listener port has no number' : e,
    );
}

function checkDefaultEndpoint(out: Issues, p: Path, de: string): void {
  if (de.startsWith('unix://')) {
    const e = unixPathError(de.slice(7));
    if (e) out.error(p, `defaultEndpoint ${e}`);
    return;
  }
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:]*)$/.exec(de);
  const fix = 'Use 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix://<path>.';
  if (!m) {
    out.error(p, `defaultEndpoint ${quote(de)} is not "<ip>:<port>"`, fix);
    return;
  }
  const host = m[1] ?? m[2] ?? '';
  if (host !== '' && !['127.0.0.1', '0.0.0.0', '::1', '::'].includes(host)) {
    out.error(p, `defaultEndpoint ${quote(de)} must point at the workload itself (127.0.0.1, 0.0.0.0, ::1 or ::)`, fix);
  }
  const port = m[3]!;
  if (!/^[0-9]+$/.test(port)) out.error(p, `defaultEndpoint port ${quote(port)} is not a number`, fix);
  else if (portError(Number(port))) out.error(p, `defaultEndpoint ${portError(Number(port))}`);
}

export const sidecarValidationRules = kindRules('Sidecar', 'validation/istio', validateSidecar, [
  {
    id: 'sidecar-invalid',
    level: 'error',
    fixable: true,
    title:
      'A Sidecar that Istio\'s admission webhook rejects (egress hosts not "<namespace>/<host>", ports, defaultEndpoint, ingress TLS, egressProxy).',
  },
  {
    id: 'sidecar-validation-warning',
    level: 'warning',
    fixable: false,
    title:
      'A Sidecar that Istio accepts with a warning (selector without labels, repeated or redundant egress hosts, HTTP pool settings on a non-HTTP port).',
  },
]);
