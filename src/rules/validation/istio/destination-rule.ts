// DestinationRule: what istiod's admission webhook rejects (IST0106) or warns about (IST0133).
// The traffic-policy checks are shared with Sidecar (connection pools) and exported for it.
import type { Json, JsonObject, Path, Resource } from '../../../manifests/resource.js';
import { isObject, stringsOf } from '../../../manifests/resource.js';
import {
  arr,
  checkDuration,
  checkExportTo,
  checkLabels,
  checkWorkloadSelector,
  fqdnError,
  isDnsLabel,
  isIP,
  isSet,
  Issues,
  kindRules,
  nonZero,
  num,
  obj,
  portError,
  str,
  wildcardDomainError,
  wrapped,
} from './common.js';
import { quote, valueText } from '../../../util/quote.js';

export function validateDestinationRule(r: Resource, out: Issues): void {
  const spec = r.spec;
  const ns = r.namespace ?? 'default';
  if (spec.host === '') {
    out.error(['spec', 'host'], 'the DestinationRule host is empty', 'Set host to the service it configures.');
  } else if (typeof spec.host === 'string') {
    // a missing host is a schema finding
    const e = wildcardDomainError(spec.host);
    if (e) out.error(['spec', 'host'], e);
  }
  if (spec.trafficPolicy !== undefined && spec.trafficPolicy !== null)
    validateTrafficPolicy(out, ['spec', 'trafficPolicy'], spec.trafficPolicy, true);
  const names = new Set<string>();
  (arr(spec.subsets) ?? []).forEach((s, i) => {
    const p: Path = ['spec', 'subsets', i];
    if (s === null) {
      out.error(p, 'a subset is null');
      return;
    }
    if (!isObject(s)) return;
    const name = str(s.name);
    if (name !== undefined && names.has(name))
      out.error(
        [...p, 'name'],
        `subset name ${quote(name)} is defined twice`,
        'Subset names must be unique: rename or merge one of them.',
        null,
        `dup-subset:${name}`,
      );
    if (name !== undefined) names.add(name);
    if (name === '') out.error([...p, 'name'], 'a subset name is empty');
    else if (name !== undefined && !isDnsLabel(name))
      out.error([...p, 'name'], `subset name ${quote(name)} is not a DNS-1123 label (letters, digits and "-")`);
    checkLabels(out, [...p, 'labels'], s.labels);
    if (s.trafficPolicy !== undefined && s.trafficPolicy !== null)
      validateTrafficPolicy(out, [...p, 'trafficPolicy'], s.trafficPolicy, true);
  });
  checkExportTo(out, ['spec', 'exportTo'], spec.exportTo, ns, isObject(spec.workloadSelector));
  checkWorkloadSelector(out, ['spec', 'workloadSelector'], spec.workloadSelector);
}

const POLICY_FIELDS = [
  'outlierDetection',
  'connectionPool',
  'loadBalancer',
  'tls',
  'portLevelSettings',
  'tunnel',
  'proxyProtocol',
  'retryBudget',
];

export function validateTrafficPolicy(out: Issues, p: Path, v: Json | undefined, topLevel: boolean): void {
  const tp = obj(v);
  if (!tp) return;
  if (!POLICY_FIELDS.some((f) => tp[f] !== undefined && tp[f] !== null)) {
    out.error(
      p,
      'the trafficPolicy is empty',
      'Remove it, or set loadBalancer, connectionPool, outlierDetection or tls.',
    );
    return;
  }
  if (isSet(tp.tunnel) && isSet(tp.proxyProtocol)) {
    out.error(p, 'trafficPolicy sets both tunnel and proxyProtocol');
    return;
  }
  validateOutlierDetection(out, [...p, 'outlierDetection'], tp.outlierDetection);
  validateConnectionPool(out, [...p, 'connectionPool'], tp.connectionPool);
  validateLoadBalancer(out, [...p, 'loadBalancer'], tp.loadBalancer, isSet(tp.outlierDetection));
  validateClientTls(out, [...p, 'tls'], tp.tls);
  if (topLevel) {
    (arr(tp.portLevelSettings) ?? []).forEach((pl, i) => {
      const pp = [...p, 'portLevelSettings', i];
      if (pl === null) {
        out.error(pp, 'a portLevelSettings entry is null');
        return;
      }
      if (!isObject(pl)) return;
      if (!isSet(pl.port)) out.error(pp, 'a portLevelSettings entry has no port', 'Set port: {number: <port>}.');
      if (!['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'].some((f) => isSet(pl[f]))) {
        out.error(
          pp,
          'a portLevelSettings entry sets nothing for its port',
          'Add loadBalancer, connectionPool, outlierDetection or tls, or remove the entry.',
        );
      } else {
        validateOutlierDetection(out, [...pp, 'outlierDetection'], pl.outlierDetection);
        validateConnectionPool(out, [...pp, 'connectionPool'], pl.connectionPool);
        validateLoadBalancer(out, [...pp, 'loadBalancer'], pl.loadBalancer, isSet(pl.outlierDetection));
        validateClientTls(out, [...pp, 'tls'], pl.tls);
      }
    });
  }
  const tunnel = obj(tp.tunnel);
  if (tunnel) {
    const proto = str(tunnel.protocol);
    if (proto && proto !== 'CONNECT' && proto !== 'POST')
      out.error([...p, 'tunnel', 'protocol'], `tunnel protocol ${quote(proto)} is not "CONNECT" or "POST"`);
    const th = str(tunnel.targetHost);
    if (th !== undefined && fqdnError(th) && !isIP(th))
      out.error(
        [...p, 'tunnel', 'targetHost'],
        `tunnel targetHost ${quote(th)} is not a valid host name or IP address`,
      );
    const tport = num(tunnel.targetPort);
    if (tport !== undefined && portError(tport))
      out.error([...p, 'tunnel', 'targetPort'], `tunnel target ${portError(tport)}`);
  }
}

function validateOutlierDetection(out: Issues, p: Path, v: Json | undefined): void {
  const od = obj(v);
  if (!od) return;
  if (od.baseEjectionTime !== undefined)
    checkDuration(out, [...p, 'baseEjectionTime'], od.baseEjectionTime, 'baseEjectionTime');
  if (od.interval !== undefined) checkDuration(out, [...p, 'interval'], od.interval, 'interval');
  if (nonZero(od.consecutiveErrors)) {
    // Pilot builds Envoy's outlier detection from consecutive5xxErrors and consecutiveGatewayErrors only: the old field
    // is dropped and Envoy's own default (eject after 5 consecutive 5xx) applies instead of the value written here.
    out.warn(
      [...p, 'consecutiveErrors'],
      `outlierDetection.consecutiveErrors: ${valueText(od.consecutiveErrors)} has no effect: Istio no longer reads it, so Envoy's default (eject after 5 consecutive 5xx) applies instead`,
      'Use consecutiveGatewayErrors, which counts what consecutiveErrors counted (502, 503 and 504), or consecutive5xxErrors to count every 5xx.',
      od.consecutiveGatewayErrors === undefined
        ? {
            op: 'renameKey',
            path: [...p, 'consecutiveErrors'],
            newKey: 'consecutiveGatewayErrors',
            description: 'consecutiveErrors → consecutiveGatewayErrors',
          }
        : null,
    );
  }
  const lof = num(wrapped(od.consecutiveLocalOriginFailures));
  if (lof !== undefined && lof > 0 && od.splitExternalLocalOriginErrors !== true) {
    out.error(
      [...p, 'consecutiveLocalOriginFailures'],
      'consecutiveLocalOriginFailures is set but splitExternalLocalOriginErrors is not true',
      'Set splitExternalLocalOriginErrors: true, or remove consecutiveLocalOriginFailures.',
    );
  }
  for (const f of ['maxEjectionPercent', 'minHealthPercent']) {
    const n = num(od[f]);
    if (n !== undefined && (n < 0 || n > 100)) out.error([...p, f], `${f} ${n} is not in 0..100`);
  }
}

export function validateConnectionPool(out: Issues, p: Path, v: Json | undefined): void {
  const cp = obj(v);
  if (!cp) return;
  if (!isSet(cp.http) && !isSet(cp.tcp)) {
    out.error(p, 'the connectionPool sets neither http nor tcp', 'Add http or tcp settings, or remove it.');
    return;
  }
  const http = obj(cp.http);
  if (http) {
    for (const f of [
      'http1MaxPendingRequests',
      'http2MaxRequests',
      'maxRequestsPerConnection',
      'maxRetries',
      'maxConcurrentStreams',
    ]) {
      const n = num(http[f]);
      if (n !== undefined && n < 0) out.error([...p, 'http', f], `connectionPool.http.${f} ${n} is negative`);
    }
    if (http.idleTimeout !== undefined)
      checkDuration(out, [...p, 'http', 'idleTimeout'], http.idleTimeout, 'http.idleTimeout');
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true)
      out.error(
        [...p, 'http', 'useClientProtocol'],
        'useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE',
        "Choose one: keep the client's protocol, or upgrade to HTTP/2.",
      );
  }
  const tcp = obj(cp.tcp);
  if (tcp) {
    const n = num(tcp.maxConnections);
    if (n !== undefined && n < 0)
      out.error([...p, 'tcp', 'maxConnections'], `connectionPool.tcp.maxConnections ${n} is negative`);
    for (const f of ['connectTimeout', 'maxConnectionDuration', 'idleTimeout'])
      if (tcp[f] !== undefined) checkDuration(out, [...p, 'tcp', f], tcp[f], `tcp.${f}`);
    const ka = obj(tcp.tcpKeepalive);
    if (ka)
      for (const f of ['time', 'interval'])
        if (ka[f] !== undefined) checkDuration(out, [...p, 'tcp', 'tcpKeepalive', f], ka[f], `tcpKeepalive.${f}`);
  }
}

function isPrime(x: number): boolean {
  if (x !== 0 && x < 4) return true;
  if (x % 2 === 0) return false;
  for (let f = 3; f * f <= x; f += 2) if (x % f === 0) return false;
  return true;
}

function validateLoadBalancer(out: Issues, p: Path, v: Json | undefined, hasOutlier: boolean): void {
  const lb = obj(v);
  if (!lb) return;
  const ch = obj(lb.consistentHash);
  if (ch) {
    const cookie = obj(ch.httpCookie);
    if (cookie && cookie.name === '')
      out.error(
        [...p, 'consistentHash', 'httpCookie'],
        'consistentHash.httpCookie has no name',
        'Set the cookie name.',
      );
    if (nonZero(ch.minimumRingSize)) {
      out.warn(
        [...p, 'consistentHash', 'minimumRingSize'],
        'consistentHash.minimumRingSize is deprecated',
        'Use ringHash: {minimumRingSize: …}.',
      );
      if (isSet(ch.ringHash) || isSet(ch.maglev))
        out.error(
          [...p, 'consistentHash', 'minimumRingSize'],
          'consistentHash sets minimumRingSize together with ringHash or maglev',
          'Keep ringHash/maglev and drop the old minimumRingSize.',
        );
    }
    const maglev = obj(ch.maglev);
    if (maglev) {
      const size = num(maglev.tableSize) ?? 0;
      const mp =
        maglev.tableSize === undefined
          ? [...p, 'consistentHash', 'maglev']
          : [...p, 'consistentHash', 'maglev', 'tableSize'];
      if (size === 0) out.error(mp, 'maglev.tableSize is not set', 'Set a prime tableSize such as 65537.');
      else if (size >= 5000011) out.error(mp, `maglev.tableSize ${size} is not below 5000011`);
      else if (!isPrime(size))
        out.error(mp, `maglev.tableSize ${size} is not a prime number`, 'Use a prime such as 65537.');
    }
  }
  const loc = obj(lb.localityLbSetting);
  if (loc) validateLocality(out, [...p, 'localityLbSetting'], loc, hasOutlier);
  if (lb.warmupDurationSecs !== undefined)
    checkDuration(out, [...p, 'warmupDurationSecs'], lb.warmupDurationSecs, 'warmupDurationSecs');
}

function validateLocality(out: Issues, p: Path, loc: JsonObject, hasOutlier: boolean): void {
  const distribute = arr(loc.distribute) ?? [];
  const failover = arr(loc.failover) ?? [];
  const priority = stringsOf(loc.failoverPriority) ?? [];
  if (distribute.length > 0 && failover.length > 0) {
    out.error(p, 'localityLbSetting sets both distribute and failover', 'Use one of them.');
    return;
  }
  if (failover.length > 0) {
    const topo = priority.find((l) =>
      ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'].includes(l),
    );
    if (topo) {
      out.error(
        [...p, 'failoverPriority'],
        `failoverPriority lists the topology label ${quote(topo)} while failover is set`,
        'Use failover or topology labels in failoverPriority, not both.',
      );
      return;
    }
  }
  for (let i = 0; i < distribute.length; i++) {
    const d = obj(distribute[i]);
    if (!d) continue;
    let total = 0;
    let bad = false;
    for (const [, w] of Object.entries(obj(d.to) ?? {})) {
      if (typeof w !== 'number') continue;
      if (w <= 0 || w > 100) bad = true;
      total += w;
    }
    if (bad) {
      out.error([...p, 'distribute', i, 'to'], 'a locality weight is not in 1..100');
      return;
    }
    if (isObject(d.to) && total !== 100) {
      out.error([...p, 'distribute', i, 'to'], `the locality weights add up to ${total}, not 100`);
      return;
    }
    for (const l of [str(d.from), ...Object.keys(obj(d.to) ?? {})]) {
      if (l === undefined) continue;
      const e = localityError(l);
      if (e) {
        out.error([...p, 'distribute', i], e);
        return;
      }
    }
  }
  if ((failover.length > 0 || priority.length > 0) && !hasOutlier) {
    out.warn(
      p,
      'locality failover is configured without outlierDetection, so it never fails over',
      'Add trafficPolicy.outlierDetection (failover needs it to detect unhealthy endpoints).',
    );
  }
  failover.forEach((f, i) => {
    const fo = obj(f);
    if (!fo) return;
    const from = str(fo.from) ?? '';
    const to = str(fo.to) ?? '';
    const fp = [...p, 'failover', i];
    if (from === to) out.error(fp, `failover from and to are the same region ${quote(from)}`);
    if (from.includes('/') || to.includes('/')) out.error(fp, 'failover from/to name regions only (no "/" zones)');
    if (from.includes('*') || to.includes('*')) out.error(fp, 'failover regions may not contain "*"');
  });
}

function localityError(l: string): string | null {
  const stars = (l.match(/\*/g) ?? []).length;
  if (stars > 1 || (stars === 1 && !l.endsWith('*'))) return `locality ${quote(l)}: a "*" may appear once, at the end`;
  if (l.split('/', 3).some((x) => x === '')) return `locality ${quote(l)} has an empty region, zone or subzone`;
  return null;
}

function validateClientTls(out: Issues, p: Path, v: Json | undefined): void {
  const tls = obj(v);
  if (!tls) return;
  const mode = str(tls.mode) ?? 'DISABLE';
  const set = (k: string) => nonZero(tls[k]);
  const sans = tls.subjectAltNames !== undefined && tls.subjectAltNames !== null;
  if (wrapped(tls.insecureSkipVerify) === true) {
    if (mode === 'SIMPLE' && (set('caCertificates') || set('credentialName') || sans)) {
      out.error(
        [...p, 'insecureSkipVerify'],
        'insecureSkipVerify is true, yet caCertificates, credentialName or subjectAltNames are set',
        'Either verify the server (drop insecureSkipVerify) or drop the verification settings.',
      );
    }
    if (mode === 'MUTUAL' && (set('caCertificates') || sans)) {
      out.error(
        [...p, 'insecureSkipVerify'],
        'insecureSkipVerify is true, yet caCertificates or subjectAltNames are set',
        'Either verify the server (drop insecureSkipVerify) or drop the verification settings.',
      );
    }
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && set('credentialName')) {
    if (set('clientCertificate') || set('caCertificates') || set('privateKey') || set('caCrl')) {
      out.error(
        [...p, 'credentialName'],
        'credentialName is set together with file certificates (clientCertificate, privateKey, caCertificates or caCrl)',
        'With credentialName the Secret supplies them: remove the file paths.',
      );
    }
    return;
  }
  if (mode === 'MUTUAL') {
    const missing = ['clientCertificate', 'privateKey'].filter((k) => !set(k));
    if (missing.length > 0) {
      out.error(
        [...p, 'mode'],
        `tls mode MUTUAL without credentialName needs ${missing.join(' and ')}, so there is no client certificate to present`,
        'Set credentialName to a Secret holding the client certificate and key (and ca.crt), or set clientCertificate and privateKey.',
        null,
        'mutual-no-client-cert',
      );
    }
  }
}

export const destinationRuleValidationRules = kindRules(
  'DestinationRule',
  'validation/istio',
  validateDestinationRule,
  [
    {
      id: 'dr-invalid',
      level: 'error',
      fixable: false,
      title:
        "A DestinationRule that Istio's admission webhook rejects (host, subsets, load balancer, connection pool, outlier detection, TLS, port-level settings, exportTo).",
    },
    {
      id: 'dr-validation-warning',
      level: 'warning',
      fixable: true,
      title:
        'A DestinationRule that Istio accepts with a warning (deprecated fields, failover without outlier detection, selector without labels).',
    },
  ],
);
