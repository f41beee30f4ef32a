// Gateway (networking.istio.io): what istiod's admission webhook rejects (IST0106) or warns about (IST0133).
// Server TLS settings are shared with Sidecar ingress listeners.
import type { Json, JsonObject, Path, Resource } from '../../../manifests/resource.js';
import { isObject } from '../../../manifests/resource.js';
import {
  arr,
  hasItems,
  isDnsLabel,
  isHttpProtocol,
  isIP,
  isPartialWildcard,
  isTlsProtocol,
  Issues,
  kindRules,
  nonZero,
  num,
  obj,
  portError,
  protocolKnown,
  str,
  unixPathError,
  wildcardDomainError,
} from './common.js';
import { quote } from '../../../util/quote.js';
import { own } from '../../../util/own.js';

export function validateGateway(r: Resource, out: Issues): void {
  const spec = r.spec;
  if (!isDnsLabel(r.name))
    out.error(
      ['metadata', 'name'],
      `gateway name ${quote(r.name)} is not a DNS-1123 label (no dots)`,
      'Rename it with letters, digits and "-" only; VirtualServices refer to it as <namespace>/<name>.',
    );
  const servers = arr(spec.servers);
  if (!servers || servers.length === 0) {
    if (spec.servers === undefined || Array.isArray(spec.servers))
      out.errorWhole(
        spec.servers === undefined ? ['spec'] : ['spec', 'servers'],
        'the Gateway has no servers',
        'Add a server with a port and hosts.',
      );
  } else {
    servers.forEach((s, i) => {
      if (s === null) {
        out.error(['spec', 'servers', i], 'a server is null');
        return;
      }
      if (isObject(s)) validateServer(out, ['spec', 'servers', i], s);
    });
  }
  const names = new Map<string, number>();
  (servers ?? []).forEach((s, i) => {
    const port = obj(obj(s)?.port);
    if (!port) return;
    const name = str(port.name) ?? '';
    if (names.has(name) && name !== '') {
      out.error(
        ['spec', 'servers', i, 'port', 'name'],
        `port name ${quote(name)} is used by more than one server`,
        'Give each server port a unique name (e.g. "https-app1", "https-app2").',
        null,
        `dup-port-name:${name}`,
      );
    }
    names.set(name, i);
    const tls = obj(obj(s)?.tls);
    const proto = str(port.protocol) ?? '';
    if (tls?.httpsRedirect === true && !isHttpProtocol(proto)) {
      out.warn(
        ['spec', 'servers', i, 'tls', 'httpsRedirect'],
        `tls.httpsRedirect only makes sense on an HTTP server, not on ${quote(proto)}`,
        'Move httpsRedirect to the plain-HTTP server (port 80).',
      );
    }
  });
}

function validateServer(out: Issues, p: Path, s: JsonObject): void {
  const hosts = arr(s.hosts);
  if (hosts && hosts.length === 0) {
    out.error([...p, 'hosts'], 'the server has no hosts', 'List the hosts it serves, e.g. "*/app.example.com" or "*".');
  } else if (hosts) {
    // missing hosts are a schema finding
    hosts.forEach((h, i) => {
      if (typeof h === 'string') checkNamespacedHost(out, [...p, 'hosts', i], h, true);
    });
  }
  const bind = str(s.bind) ?? '';
  const port = obj(s.port);
  let portOk = false;
  if (port) {
    // a missing port, or a port without number, name or protocol, is a schema finding
    const proto = str(port.protocol);
    const before = out.list.length;
    if (proto !== undefined && !protocolKnown(proto)) {
      out.error(
        [...p, 'port', 'protocol'],
        proto === '' ? 'the server port protocol is empty' : `server port protocol ${quote(proto)} is not supported`,
        'Use HTTP, HTTPS, HTTP2, GRPC, TLS, TCP, MONGO, REDIS or MYSQL.',
      );
    }
    const n = num(port.number);
    if (n !== undefined && (n > 0 || !bind.startsWith('unix://'))) {
      const e = portError(n);
      if (e) out.error([...p, 'port', 'number'], `server ${e}`);
    }
    if ((num(port.targetPort) ?? 0) > 0)
      out.error(
        [...p, 'port', 'targetPort'],
        'targetPort has no effect on a Gateway',
        'Remove targetPort; the gateway listens on port.number.',
      );
    if (port.name === '')
      out.error(
        [...p, 'port', 'name'],
        'the server port name is empty',
        'Give it a name, e.g. "https".',
        null,
        'port-no-name',
      );
    portOk = out.list.length === before && proto !== undefined && port.number !== undefined && nonZero(port.name);
  }
  if (bind.startsWith('unix://')) {
    const e = unixPathError(bind.slice('unix://'.length));
    if (e) out.error([...p, 'bind'], `bind ${e}`);
    if (port && (num(port.number) ?? 0) !== 0)
      out.error([...p, 'port', 'number'], 'a server bound to a unix socket must have port number 0');
  } else if (bind !== '' && !isIP(bind)) {
    out.error([...p, 'bind'], `bind ${quote(bind)} is not an IP address`);
  }
  validateServerTls(out, [...p, 'tls'], s.tls, str(port?.protocol));
  if (portOk && port) {
    const proto = str(port.protocol) ?? '';
    const tls = obj(s.tls);
    if (isTlsProtocol(proto) && (s.tls === undefined || s.tls === null)) {
      out.error(
        [...p, 'port', 'protocol'],
        `a ${proto} server needs tls settings`,
        'Add tls: {mode: SIMPLE, credentialName: <secret>} (or PASSTHROUGH to pass TLS through to the service).',
      );
    } else if (!isTlsProtocol(proto) && tls) {
      if (isHttpProtocol(proto)) {
        const mode = str(tls.mode) ?? 'PASSTHROUGH';
        const passThrough = mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH';
        if (!passThrough || nonZero(tls.caCertificates) || nonZero(tls.privateKey) || nonZero(tls.serverCertificate)) {
          out.error(
            [...p, 'tls'],
            `a plain-text ${proto} server cannot have TLS settings (only tls.httpsRedirect)`,
            'Set port.protocol to HTTPS to terminate TLS here, or keep only httpsRedirect.',
          );
        }
      } else {
        out.error(
          [...p, 'tls'],
          `a ${proto} server cannot have TLS settings`,
          'Use protocol TLS (or HTTPS) for a TLS server.',
        );
      }
    }
  }
}

/** Hosts in Gateway servers and Sidecar egress listeners: `[ns/]host`. */
export function checkNamespacedHost(out: Issues, p: Path, h: string, isGateway: boolean): void {
  const slash = h.indexOf('/');
  if (slash < 0) {
    if (isGateway) {
      hostPartErrors(out, p, h, h, true);
      return;
    }
    // A bare "*" may mean "./*" or "*/*" (and "*/*" beside other entries is itself a warning): no fix for it.
    const fix = h !== '*' && hostPartError(h, false) === null ? `*/${h}` : null;
    out.error(
      p,
      `egress host ${quote(h)} has no namespace: it must be "<namespace>/<host>"`,
      'Use "*/<host>" for the host in any namespace, "./<host>" for this namespace, or "<namespace>/<host>".',
      fix ? { op: 'set', path: p, value: fix, description: `hosts: ${fix}` } : null,
      `no-namespace:${h}`,
    );
    return;
  }
  const ns = h.slice(0, slash);
  const host = h.slice(slash + 1);
  if (ns === '' || host === '') out.error(p, `host ${quote(h)} has an empty namespace or host name`);
  const allowed = isGateway ? ['*', '.'] : ['*', '.', '~'];
  if (!allowed.includes(ns) && !isDnsLabel(ns))
    out.error(
      p,
      `host ${quote(h)}: namespace ${quote(ns)} is not ${isGateway ? '"*", "." or a namespace name' : '"*", ".", "~" or a namespace name'}`,
    );
  if (host !== '') hostPartErrors(out, p, h, host, isGateway);
}

function hostPartError(host: string, isGateway: boolean): string | null {
  if (host !== '*' && !host.includes('.'))
    return `${quote(host)} is a short name; a fully qualified name is required (e.g. ${quote(`${host}.<namespace>.svc.cluster.local`)})`;
  const e = wildcardDomainError(host);
  if (e && !(isGateway && isIP(host))) return e;
  if (isPartialWildcard(host)) return `partial wildcard ${quote(host)} is not allowed (only "*" or "*.<domain>")`;
  return null;
}

function hostPartErrors(out: Issues, p: Path, full: string, host: string, isGateway: boolean): void {
  const e = hostPartError(host, isGateway);
  if (e) out.error(p, `host ${quote(full)}: ${e}`);
}

// Cipher suites Envoy (BoringSSL) accepts in server TLS settings, and the IANA names people often write instead.
const VALID_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
  'AES128-SHA',
  'AES256-SHA',
  'DES-CBC3-SHA',
];
const IANA_TO_OPENSSL: Record<string, string> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_CBC_SHA: 'AES128-SHA',
  TLS_RSA_WITH_AES_256_CBC_SHA: 'AES256-SHA',
  TLS_RSA_WITH_3DES_EDE_CBC_SHA: 'DES-CBC3-SHA',
};

/** ServerTLSSettings (Gateway servers, Sidecar ingress). */
export function validateServerTls(out: Issues, p: Path, v: Json | undefined, serverProtocol?: string): void {
  const tls = obj(v);
  if (!tls) return;
  const mode = str(tls.mode) ?? 'PASSTHROUGH';
  // Newer APIs: credentialNames / tlsCertificates (several certificates), caCertCredentialName (the client CA).
  const set = (k: string) =>
    nonZero(tls[k]) ||
    (k === 'credentialName' && hasItems(tls.credentialNames)) ||
    ((k === 'serverCertificate' || k === 'privateKey') && hasItems(tls.tlsCertificates)) ||
    (k === 'caCertificates' && nonZero(tls.caCertCredentialName));
  const minV = str(tls.minProtocolVersion);
  if ((minV === 'TLSV1_0' || minV === 'TLSV1_1') && !hasItems(tls.cipherSuites)) {
    out.warn(
      [...p, 'minProtocolVersion'],
      `minProtocolVersion ${minV} without cipherSuites: the default ciphers no longer include ones those versions can use`,
      'List compatible cipherSuites, or use TLSV1_2.',
    );
  }
  const ciphers = (arr(tls.cipherSuites) ?? []).filter((c): c is string => typeof c === 'string');
  (arr(tls.cipherSuites) ?? []).forEach((c, i) => {
    if (typeof c !== 'string' || c === '' || c === 'ALL' || !/^[A-Za-z0-9]/.test(c) || VALID_CIPHERS.includes(c))
      return;
    const openssl = own(IANA_TO_OPENSSL, c.toUpperCase());
    out.warn(
      [...p, 'cipherSuites', i],
      `cipher suite ${quote(c)} is not one Envoy knows, so it is ignored`,
      openssl
        ? `Envoy uses OpenSSL names: ${quote(openssl)}.`
        : `Use OpenSSL-style names such as ${VALID_CIPHERS.slice(0, 2)
            .map((x) => quote(x))
            .join(', ')}; TLS 1.3 suites cannot be configured.`,
      openssl
        ? { op: 'set', path: [...p, 'cipherSuites', i], value: openssl, description: `cipherSuites: ${openssl}` }
        : null,
      `cipher:${c}`,
    );
  });
  const dup = ciphers.filter((c, i) => ciphers.indexOf(c) !== i);
  if (dup.length > 0)
    out.warn(
      [...p, 'cipherSuites'],
      `cipherSuites lists ${[...new Set(dup)].map((c) => quote(c)).join(', ')} more than once; the duplicates are ignored`,
    );
  if (mode === 'ISTIO_MUTUAL') {
    for (const [k, what] of [
      ['serverCertificate', 'a server certificate'],
      ['privateKey', 'a private key'],
      ['caCertificates', 'a CA bundle'],
      ['credentialName', 'a credentialName'],
    ] as const) {
      if (set(k))
        out.error(
          [...p, k],
          `tls mode ISTIO_MUTUAL uses Istio's own certificates and cannot have ${what}`,
          'Remove it, or use mode MUTUAL/SIMPLE with your certificates.',
        );
    }
    return;
  }
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') {
    if (
      set('caCrl') ||
      set('serverCertificate') ||
      set('privateKey') ||
      set('caCertificates') ||
      set('credentialName')
    ) {
      // An HTTPS server with a server certificate and no mode: terminating TLS (SIMPLE) is the evident intent.
      const simple =
        tls.mode === undefined &&
        serverProtocol?.toUpperCase() === 'HTTPS' &&
        !set('caCertificates') &&
        (set('credentialName') || (set('serverCertificate') && set('privateKey')));
      out.warn(
        tls.mode === undefined ? p : [...p, 'mode'],
        `tls mode ${mode}${tls.mode === undefined ? ' (the default when mode is not set)' : ''} does not terminate TLS, so the certificates are ignored`,
        tls.mode === undefined
          ? 'Set mode: SIMPLE to terminate TLS with these certificates.'
          : 'Remove the certificates, or use SIMPLE/MUTUAL to terminate TLS.',
        simple ? { op: 'insert', path: p, key: 'mode', value: 'SIMPLE', description: 'tls.mode: SIMPLE' } : null,
        `passthrough-certs:${mode}`,
      );
    }
  }
  const withCredential =
    (mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL') && set('credentialName');
  if (!withCredential && (mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL')) {
    const needed =
      mode === 'SIMPLE' ? ['serverCertificate', 'privateKey'] : ['serverCertificate', 'privateKey', 'caCertificates'];
    const missing = needed.filter((k) => !set(k));
    if (missing.length > 0) {
      out.error(
        [...p, 'mode'],
        `tls mode ${mode} terminates TLS but has no credentialName, and ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
        mode === 'SIMPLE'
          ? "Set credentialName to the TLS Secret (tls.crt, tls.key) in the gateway's namespace."
          : "Set credentialName to a Secret with tls.crt, tls.key and ca.crt in the gateway's namespace.",
        null,
        `${mode}-no-cert`,
      );
    }
  }
  if (set('caCrl')) {
    if (set('credentialName'))
      out.error([...p, 'caCrl'], 'caCrl cannot be used with credentialName; put the CRL in the credential Secret');
    if (mode === 'SIMPLE') out.error([...p, 'caCrl'], 'caCrl is not supported with tls mode SIMPLE');
  }
}

export const gatewayValidationRules = kindRules('Gateway', 'validation/istio', validateGateway, [
  {
    id: 'gateway-invalid',
    level: 'error',
    fixable: false,
    title:
      "A Gateway that Istio's admission webhook rejects (servers, ports, host formats, TLS modes and their required certificates, duplicate port names).",
  },
  {
    id: 'gateway-validation-warning',
    level: 'warning',
    fixable: true,
    title:
      'A Gateway that Istio accepts with a warning (certificates on a passthrough server, httpsRedirect on a non-HTTP server, old TLS versions without ciphers).',
  },
]);
