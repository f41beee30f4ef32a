// VirtualService: what istiod's admission webhook rejects (IST0106) or warns about (IST0133), and the
// duplicate/overlapping match analysis (IST0130 unreachable rule, IST0131 ineffective match).
import type { Json, JsonObject, Path, Resource } from '../../../manifests/resource.js';
import { isObject, stringsOf } from '../../../manifests/resource.js';
import { hostMatches, wildcardSuffixesOf } from '../../../mesh/hosts.js';
import { closest } from '../../../util/closest.js';
import {
  arr,
  checkDuration,
  checkExportTo,
  checkLabels,
  fqdnError,
  HEADER_NAME,
  hasItems,
  headerValueError,
  isDnsLabel,
  isIP,
  isIPOrCidr,
  isJwtClaimRoute,
  isK8sLabel,
  isSet,
  Issues,
  kindRules,
  nonZero,
  num,
  obj,
  portError,
  regexError,
  str,
  stringMatch,
  wildcardDomainError,
  wrapped,
} from './common.js';
import { quote } from '../../../util/quote.js';

const RETRY_ON = [
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
];
// Status codes Go's net/http knows (http.StatusText non-empty): retryOn accepts these as numbers.
const HTTP_STATUS = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400,
  401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425,
  426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE'];
const GRPC_STATUS = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

const isAuthority = (h: string) => h.toLowerCase() === ':authority' || h.toLowerCase() === 'host';
const isInternal = (h: string) => h.startsWith(':') || h.toLowerCase() === 'host';

export function validateVirtualService(r: Resource, out: Issues): void {
  const spec = r.spec;
  const ns = r.namespace ?? 'default';
  const hosts = stringsOf(spec.hosts) ?? [];
  const gateways = arr(spec.gateways) ?? [];
  const gwNames = gateways.filter((g): g is string => typeof g === 'string');
  const http = arr(spec.http) ?? [];
  const tcp = arr(spec.tcp) ?? [];
  const tls = arr(spec.tls) ?? [];
  const isDelegate = !hasItems(spec.hosts) && !(spec.hosts !== undefined && !Array.isArray(spec.hosts));

  if (isDelegate) {
    if (gateways.length > 0)
      out.errorWhole(
        ['spec', 'gateways'],
        'a delegate VirtualService (one without hosts) cannot list gateways',
        'Bind the root VirtualService to the gateway and remove gateways here.',
      );
    if (tls.length > 0)
      out.errorWhole(
        ['spec', 'tls'],
        'a delegate VirtualService (one without hosts) cannot have tls routes',
        'Only http routes can be delegated; add hosts if this is not meant to be a delegate.',
      );
    if (tcp.length > 0)
      out.errorWhole(
        ['spec', 'tcp'],
        'a delegate VirtualService (one without hosts) cannot have tcp routes',
        'Only http routes can be delegated; add hosts if this is not meant to be a delegate.',
      );
  }

  const appliesToGateway = gwNames.length > 0 && !gwNames.includes('mesh');
  const appliesToMesh = gwNames.length === 0 || !appliesToGateway;
  if (gateways.length > 0) checkGatewayNames(out, ['spec', 'gateways'], gateways);

  if (!appliesToGateway) {
    http.forEach((route, i) => {
      (arr(obj(route)?.match) ?? []).forEach((m, j) => {
        for (const key of ['headers', 'withoutHeaders']) {
          for (const h of Object.keys(obj(obj(m)?.[key]) ?? {})) {
            if (isJwtClaimRoute(h))
              out.errorWhole(
                ['spec', 'http', i, 'match', j, key, h],
                `JWT claim routing (${quote(h)}) only works on a gateway, and this VirtualService is not bound to one`,
                'Add the ingress gateway to gateways, or match on a header instead.',
              );
          }
        }
      });
    });
  }

  const sniHostRoute = tls.some((t) => (arr(obj(t)?.match) ?? []).some((m) => hasItems(obj(m)?.sniHosts)));
  let allHostsValid = true;
  (arr(spec.hosts) ?? []).forEach((h, i) => {
    if (typeof h !== 'string') return;
    const err = appliesToGateway ? gatewayBoundHostError(h, sniHostRoute) : wildcardDomainError(h);
    if (err) {
      if (!isIP(h)) {
        out.error(['spec', 'hosts', i], err);
        allHostsValid = false;
      }
    } else if (appliesToMesh && h === '*') {
      out.errorWhole(
        ['spec', 'hosts', i],
        'the wildcard host "*" is not allowed for a VirtualService that applies to sidecars (the mesh gateway)',
        'List the hosts it routes, or bind it to a gateway.',
      );
      allHostsValid = false;
    }
  });
  if (allHostsValid) {
    const specIndex: number[] = [];
    (arr(spec.hosts) ?? []).forEach((h, i) => {
      if (typeof h === 'string') specIndex.push(i);
    });
    for (const [i, j] of overlappingHostPairs(hosts)) {
      out.error(
        ['spec', 'hosts', specIndex[j]!],
        `hosts ${quote(hosts[i])} and ${quote(hosts[j])} overlap`,
        'A VirtualService may list each host once; remove the narrower one.',
        null,
        `duplicate-host:${hosts[i]}:${hosts[j]}`,
      );
    }
  }

  if (http.length === 0 && tcp.length === 0 && tls.length === 0) {
    out.errorWhole(['spec'], 'the VirtualService has no http, tcp or tls routes', 'Add the routes it should apply.');
  }
  http.forEach((route, i) => {
    if (route === null) {
      out.error(['spec', 'http', i], 'an http route is null');
      return;
    }
    if (isObject(route)) validateHttpRoute(out, ['spec', 'http', i], route, isDelegate);
  });
  tls.forEach((route, i) => {
    if (isObject(route)) validateTlsRoute(out, ['spec', 'tls', i], route, hosts, appliesToGateway);
  });
  tcp.forEach((route, i) => {
    if (!isObject(route)) return;
    const p: Path = ['spec', 'tcp', i];
    (arr(route.match) ?? []).forEach((m, j) => {
      if (m === null) out.error([...p, 'match', j], 'a tcp match is null');
      else if (isObject(m)) validateL4Match(out, [...p, 'match', j], m);
    });
    if (noList(route.route))
      out.error(p, 'the tcp route has no destinations (route)', 'Add a route with a destination.');
    validateRouteDestinations(out, [...p, 'route'], route.route);
  });
  checkExportTo(out, ['spec', 'exportTo'], spec.exportTo, ns);
  analyzeUnreachable(out, 'http', http);
  analyzeUnreachable(out, 'tcp', tcp);
  analyzeUnreachable(out, 'tls', tls);
}

/** Pairs [i, j] (i < j, in that order) of hosts that overlap (one matches the other), for valid hosts (exact names,
 *  `*.suffix` and `*`). In time linear in the hosts (times their labels), not in the pairs of hosts: a host repeated
 *  2,000 times is 1,999 repeats of its first occurrence, and a host is compared only with the wildcards that could
 *  cover it (`*` and `*.` + each of its dot-suffixes), never with every other host. */
export function overlappingHostPairs(hosts: readonly string[]): [number, number][] {
  const first = new Map<string, number>();
  const pairs: [number, number][] = [];
  hosts.forEach((h, j) => {
    const i = first.get(h);
    if (i === undefined) first.set(h, j);
    else pairs.push([i, j]); // the same host again: reported at each repeat, against its first occurrence
  });
  for (const [h, j] of first) {
    if (h === '*') continue;
    const candidates = ['*', ...wildcardSuffixesOf(h.startsWith('*.') ? h.slice(2) : h).map((s) => `*.${s}`)];
    for (const c of candidates) {
      const i = first.get(c);
      if (i === undefined || c === h || !hostMatches(c, h)) continue;
      pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Absent or an empty list (a value of another type is a schema finding, not "missing"). */
function noList(v: Json | undefined): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

function gatewayBoundHostError(h: string, sni: boolean): string | null {
  const first = h.split('.', 1)[0]!;
  if (sni && first === 'outbound_') {
    return /^outbound_\.[0-8]/.test(h) ? null : `domain name ${quote(h)} is invalid`;
  }
  return wildcardDomainError(h);
}

/** `gateways` entries: "mesh", "name", "ns/name" (or the legacy "name.ns"). */
function checkGatewayNames(out: Issues, path: Path, names: Json[]): void {
  for (let i = 0; i < names.length; i++) {
    const g = names[i];
    if (typeof g !== 'string') continue;
    const p = [...path, i];
    const slash = g.indexOf('/');
    if (slash < 0) {
      if (g.includes('.')) {
        const parts = g.split('.');
        const recommended = `${parts[1]}/${parts[0]}`;
        out.warn(
          p,
          `gateway ${quote(g)} uses the legacy "name.namespace" form`,
          `Write it as ${quote(recommended)}.`,
          parts.length === 2 && isK8sLabel(parts[0]!) && isK8sLabel(parts[1]!)
            ? { op: 'set', path: p, value: recommended, description: `gateways: ${recommended}` }
            : null,
          `legacy-gateway:${g}`,
        );
      }
      const e = fqdnError(g);
      if (e) out.error(p, `gateway reference ${quote(g)} is invalid: ${e}`);
      return; // Istio stops at the first entry without a namespace
    }
    const gns = g.slice(0, slash);
    const name = g.slice(slash + 1);
    if (gns === '' || name === '')
      out.error(
        p,
        `gateway reference ${quote(g)} has an empty namespace or name`,
        'Write it as "<namespace>/<gateway name>".',
      );
    if (!isDnsLabel(gns))
      out.error(p, `gateway reference ${quote(g)}: namespace ${quote(gns)} is not a valid namespace name`);
    if (!isDnsLabel(name))
      out.error(p, `gateway reference ${quote(g)}: name ${quote(name)} is not a valid gateway name`);
  }
}

/** Header manipulation (route- and destination-level): pseudo-headers and Host cannot be changed. */
function checkHeaderOps(out: Issues, path: Path, headers: Json | undefined): void {
  const h = obj(headers);
  if (!h) return;
  for (const side of ['request', 'response'] as const) {
    const ops = obj(h[side]);
    if (!ops) continue;
    for (const op of ['add', 'set'] as const) {
      for (const [name, val] of Object.entries(obj(ops[op]) ?? {})) {
        const p = [...path, side, op, name];
        if (name === '') out.error(p, 'a header name is empty');
        else if (side === 'request' ? isInternal(name) && !isAuthority(name) : isInternal(name)) {
          out.error(
            p,
            side === 'response' && name.toLowerCase() === 'host'
              ? `response header ${quote(name)} cannot be set`
              : `header ${quote(name)} cannot be modified: names starting with ":" are reserved`,
            side === 'request' ? 'Use rewrite.authority to change the authority.' : undefined,
          );
        }
        if (typeof val === 'string') {
          const e = headerValueError(val);
          if (e) out.error(p, e);
        }
      }
    }
    (arr(ops.remove) ?? []).forEach((name, j) => {
      if (typeof name !== 'string') return;
      if (name === '') out.error([...path, side, 'remove', j], 'a header name to remove is empty');
      else if (isInternal(name)) out.error([...path, side, 'remove', j], `header ${quote(name)} cannot be removed`);
    });
  }
}

function validateHttpRoute(out: Issues, p: Path, route: JsonObject, delegate: boolean): void {
  const routeType = delegate ? 'delegate' : isSet(route.delegate) ? 'root' : 'independent';
  const has = (k: string) => route[k] !== undefined && route[k] !== null;
  const name = str(route.name);
  const label = name ? `http route ${quote(name)}` : 'the http route';
  // conflicts
  if (routeType === 'root') {
    if (has('redirect'))
      out.error(
        [...p, 'redirect'],
        `${label} delegates, so it may not also redirect`,
        'Move the redirect into the delegate VirtualService.',
      );
    if (has('route'))
      out.error(
        [...p, 'route'],
        `${label} delegates, so it may not also have route destinations`,
        'Move the destinations into the delegate VirtualService.',
      );
  } else {
    if (routeType === 'delegate' && isSet(route.delegate))
      out.error(
        [...p, 'delegate'],
        'a delegate VirtualService cannot delegate again',
        'Delegation is one level deep: route to destinations here.',
      );
    const routeSet = !noList(route.route);
    if (has('redirect')) {
      if (routeSet)
        out.error(
          [...p, 'redirect'],
          `${label} has both route and redirect`,
          'Keep one: a redirect answers the client, a route forwards the request.',
        );
      if (has('fault')) out.error([...p, 'fault'], `${label} has both fault and redirect`);
      if (has('rewrite'))
        out.error(
          [...p, 'rewrite'],
          `${label} has both rewrite and redirect`,
          'Put the new path in redirect.uri instead.',
        );
      if (has('directResponse')) out.error([...p, 'directResponse'], `${label} has both directResponse and redirect`);
    } else if (has('directResponse')) {
      if (routeSet) out.error([...p, 'directResponse'], `${label} has both route and directResponse`);
      if (has('fault')) out.error([...p, 'fault'], `${label} has both fault and directResponse`);
      if (has('rewrite')) out.error([...p, 'rewrite'], `${label} has both rewrite and directResponse`);
    } else if (!routeSet) {
      out.error(
        p,
        `${label} has no route, redirect or directResponse`,
        'Add route destinations (or a redirect / directResponse).',
        null,
        `no-action:${name ?? ''}`,
      );
    }
  }
  if (has('mirror') && hasItems(route.mirrors))
    out.error([...p, 'mirrors'], `${label} has both mirror and mirrors`, 'Move the mirror into the mirrors list.');

  // matches
  (arr(route.match) ?? []).forEach((m, j) => {
    if (isObject(m)) validateHttpMatch(out, [...p, 'match', j], m);
  });

  checkHeaderOps(out, [...p, 'headers'], route.headers);

  // CORS
  const cors = obj(route.corsPolicy);
  if (cors) {
    (arr(cors.allowOrigins) ?? []).forEach((o, j) => {
      if (!isObject(o)) return;
      const sm = stringMatch(o);
      if (!sm || sm.value === '')
        out.error(
          [...p, 'corsPolicy', 'allowOrigins', j],
          'a CORS allowOrigins entry has no exact, prefix or regex value',
        );
      else if (sm.kind === 'regex') {
        const e = regexError(sm.value, 'corsPolicy.allowOrigins');
        if (e) out.error([...p, 'corsPolicy', 'allowOrigins', j], e);
      }
    });
    (arr(cors.allowMethods) ?? []).forEach((m, j) => {
      if (typeof m !== 'string' || METHODS.includes(m)) return;
      const upper = m.toUpperCase();
      const fix = METHODS.includes(upper) ? upper : null;
      out.error(
        [...p, 'corsPolicy', 'allowMethods', j],
        `CORS allowMethods entry ${quote(m)} is not an HTTP method`,
        fix ? `Methods are upper case: ${quote(fix)}.` : `Use one of ${METHODS.join(', ')}.`,
        fix
          ? {
              op: 'set',
              path: [...p, 'corsPolicy', 'allowMethods', j],
              value: fix,
              description: `allowMethods: ${fix}`,
            }
          : null,
        `cors-method:${m}`,
      );
    });
    for (const key of ['allowHeaders', 'exposeHeaders']) {
      (arr(cors[key]) ?? []).forEach((h, j) => {
        if (typeof h !== 'string') return;
        if (h === '') out.error([...p, 'corsPolicy', key, j], `a CORS ${key} entry is empty`);
        else if (h !== '*' && !HEADER_NAME.test(h))
          out.error([...p, 'corsPolicy', key, j], `CORS ${key} entry ${quote(h)} is not a valid header name`);
      });
    }
    if (typeof cors.maxAge === 'string') {
      checkDuration(out, [...p, 'corsPolicy', 'maxAge'], cors.maxAge, 'corsPolicy.maxAge');
      if (/\.\d|ms|us|µs|ns/.test(cors.maxAge))
        out.error(
          [...p, 'corsPolicy', 'maxAge'],
          `corsPolicy.maxAge ${quote(cors.maxAge)} is finer than a second`,
          'Use whole seconds.',
        );
    }
  }

  // fault
  const fault = route.fault;
  if (isObject(fault)) {
    const fp = [...p, 'fault'];
    if (!isSet(fault.abort) && !isSet(fault.delay))
      out.error(fp, 'the fault has neither abort nor delay', 'Add an abort and/or a delay.');
    const abort = obj(fault.abort);
    if (abort) {
      checkPercentage(out, [...fp, 'abort', 'percentage'], abort.percentage);
      if (abort.grpcStatus !== undefined) {
        if (typeof abort.grpcStatus === 'string' && !GRPC_STATUS.includes(abort.grpcStatus))
          out.error(
            [...fp, 'abort', 'grpcStatus'],
            `gRPC status ${quote(abort.grpcStatus)} is not a gRPC status code name`,
            'Use a name such as "UNAVAILABLE" or "NOT_FOUND".',
          );
      } else if (abort.http2Error !== undefined) {
        out.error(
          [...fp, 'abort', 'http2Error'],
          'HTTP/2 error aborts are not supported',
          'Use httpStatus or grpcStatus.',
        );
      } else if (abort.httpStatus !== undefined) {
        const s = num(abort.httpStatus);
        if (s !== undefined && (s < 200 || s > 600))
          out.error([...fp, 'abort', 'httpStatus'], `abort httpStatus ${s} is not in 200..599`);
      } else {
        out.warn(
          [...fp, 'abort'],
          'the abort sets no error type, so nothing is aborted',
          'Set httpStatus (or grpcStatus).',
        );
      }
    }
    const delay = obj(fault.delay);
    if (delay) {
      checkPercentage(out, [...fp, 'delay', 'percentage'], delay.percentage);
      if (delay.fixedDelay !== undefined)
        checkDuration(out, [...fp, 'delay', 'fixedDelay'], delay.fixedDelay, 'fixedDelay');
      if (delay.exponentialDelay !== undefined)
        out.error([...fp, 'delay', 'exponentialDelay'], 'exponentialDelay is not supported', 'Use fixedDelay.');
    }
  }

  // mirror
  if (route.mirrorPercent !== undefined && route.mirrorPercent !== null) {
    const v = num(wrapped(route.mirrorPercent));
    if (v !== undefined && v > 100) out.error([...p, 'mirrorPercent'], `mirrorPercent ${v} is above 100`);
    out.warn([...p, 'mirrorPercent'], 'mirrorPercent is deprecated', 'Use mirrorPercentage: {value: <percent>}.');
  }
  const mp = num(wrapped(route.mirrorPercentage));
  if (mp !== undefined && (mp > 100 || mp < 0))
    out.error([...p, 'mirrorPercentage'], `mirrorPercentage ${mp} is not in 0..100`);
  if (isObject(route.mirror)) validateDestination(out, [...p, 'mirror'], route.mirror);
  (arr(route.mirrors) ?? []).forEach((m, j) => {
    const mpath = [...p, 'mirrors', j];
    if (m === null) {
      out.error(mpath, 'a mirrors entry is null');
      return;
    }
    if (!isObject(m)) return;
    if (isObject(m.destination)) validateDestination(out, [...mpath, 'destination'], m.destination); // a missing one is a schema finding
    const pct = num(wrapped(m.percentage));
    if (pct !== undefined && (pct > 100 || pct < 0))
      out.error([...mpath, 'percentage'], `mirror percentage ${pct} is not in 0..100`);
  });

  // redirect
  const redirect = obj(route.redirect);
  if (redirect) {
    const rp = [...p, 'redirect'];
    if (
      !nonZero(redirect.uri) &&
      !nonZero(redirect.authority) &&
      redirect.port === undefined &&
      redirect.derivePort === undefined &&
      !nonZero(redirect.scheme)
    ) {
      out.error(
        rp,
        'the redirect changes nothing (no uri, authority, scheme or port)',
        'Say where to redirect: set uri, authority, scheme or port.',
      );
    } else {
      const code = num(redirect.redirectCode);
      if (code !== undefined && code !== 0 && (code < 300 || code > 399))
        out.error([...rp, 'redirectCode'], `redirectCode ${code} is not a 3xx status`);
      else if (
        typeof redirect.scheme === 'string' &&
        redirect.scheme !== '' &&
        redirect.scheme !== 'http' &&
        redirect.scheme !== 'https'
      ) {
        const lower = redirect.scheme.toLowerCase();
        out.error(
          [...rp, 'scheme'],
          `redirect scheme ${quote(redirect.scheme)} is not "http" or "https"`,
          undefined,
          lower === 'http' || lower === 'https'
            ? { op: 'set', path: [...rp, 'scheme'], value: lower, description: `scheme: ${lower}` }
            : null,
        );
      } else {
        const port = num(redirect.port);
        if (port !== undefined && port > 0 && portError(port))
          out.error([...rp, 'port'], `redirect ${portError(port)}`);
      }
    }
  }

  // direct response
  const dr = obj(route.directResponse);
  if (dr) {
    const status = num(dr.status);
    if (status !== undefined && (status < 200 || status > 600))
      out.error([...p, 'directResponse', 'status'], `directResponse status ${status} is not in 200..599`);
    const body = obj(dr.body);
    const text = body ? (str(body.string) ?? str(body.bytes)) : undefined;
    if (text !== undefined) {
      const size = typeof body!.string === 'string' ? Buffer.byteLength(text) : Math.floor((text.length * 3) / 4);
      if (size > 1024 * 1024) out.error([...p, 'directResponse', 'body'], 'the directResponse body is larger than 1MB');
      else if (size > 100 * 1024)
        out.warn(
          [...p, 'directResponse', 'body'],
          'the directResponse body is larger than 100KB, which burdens the control plane',
        );
    }
  }

  // retries
  const retries = obj(route.retries);
  if (retries) {
    const rp = [...p, 'retries'];
    const attempts = num(retries.attempts) ?? 0;
    if (attempts < 0) out.error([...rp, 'attempts'], `retries.attempts ${attempts} is negative`);
    if (
      attempts === 0 &&
      (nonZero(retries.perTryTimeout) || nonZero(retries.retryOn) || retries.retryRemoteLocalities !== undefined)
    ) {
      out.error(
        retries.attempts === undefined ? rp : [...rp, 'attempts'],
        'retries sets perTryTimeout, retryOn or retryRemoteLocalities but attempts is 0 (retries disabled)',
        'Set attempts (e.g. 3), or remove the retry settings.',
      );
    }
    if (retries.perTryTimeout !== undefined)
      checkDuration(out, [...rp, 'perTryTimeout'], retries.perTryTimeout, 'retries.perTryTimeout');
    const retryOn = str(retries.retryOn);
    if (retryOn) {
      const bad: string[] = [];
      let fixedParts: string[] | null = [];
      for (const policy of retryOn.split(',')) {
        if (isRetryPolicy(policy)) {
          fixedParts?.push(policy);
          continue;
        }
        bad.push(policy);
        const trimmed = policy.trim();
        const guess = isRetryPolicy(trimmed)
          ? trimmed
          : (closest(trimmed.replace(/_/g, '-'), RETRY_ON) ??
            (RETRY_ON.includes(trimmed.replace(/_/g, '-').toLowerCase())
              ? trimmed.replace(/_/g, '-').toLowerCase()
              : null));
        if (guess) fixedParts?.push(guess);
        else fixedParts = null;
      }
      if (bad.length > 0) {
        const fixed = fixedParts?.join(',');
        out.error(
          [...rp, 'retryOn'],
          `retryOn ${quote(retryOn)} has ${bad.length === 1 ? 'a policy' : 'policies'} Envoy does not know: ${bad.map((b) => quote(b)).join(', ')}`,
          fixed
            ? `Did you mean ${quote(fixed)}? (comma-separated, no spaces)`
            : `Use comma-separated policies without spaces from: ${RETRY_ON.join(', ')}, or HTTP status codes.`,
          fixed ? { op: 'set', path: [...rp, 'retryOn'], value: fixed, description: `retryOn: ${fixed}` } : null,
          `retryOn:${retryOn}`,
        );
      }
    }
  }

  // rewrite
  const rewrite = obj(route.rewrite);
  if (rewrite) {
    const rw = [...p, 'rewrite'];
    const regexRw = obj(rewrite.uriRegexRewrite);
    if (nonZero(rewrite.uri) && regexRw)
      out.error(rw, 'rewrite sets both uri and uriRegexRewrite', 'Keep one of them.');
    else if (!nonZero(rewrite.uri) && !regexRw && !nonZero(rewrite.authority))
      out.error(
        rw,
        'rewrite sets none of uri, uriRegexRewrite or authority',
        'Say what to rewrite, or remove rewrite.',
      );
    else if (regexRw) {
      if (!nonZero(regexRw.match) || !nonZero(regexRw.rewrite))
        out.error([...rw, 'uriRegexRewrite'], 'uriRegexRewrite needs both match and rewrite');
      else if (typeof regexRw.match === 'string') {
        const e = regexError(regexRw.match, 'rewrite.uriRegexRewrite.match');
        if (e) out.error([...rw, 'uriRegexRewrite', 'match'], e);
      }
    }
  }
  // authority rewritten in more than one place
  {
    let current = str(rewrite?.authority) ?? '';
    const req = obj(obj(route.headers)?.request);
    outer: for (const op of ['set', 'add']) {
      for (const [k, v] of Object.entries(obj(req?.[op]) ?? {})) {
        if (!isAuthority(k)) continue;
        if (current !== '') {
          out.error(
            [...p, 'headers', 'request', op, k],
            `the authority is set more than once (${quote(current)} and ${quote(v)})`,
            'Set it in one place: rewrite.authority.',
          );
          break outer;
        }
        current = typeof v === 'string' ? v : '';
      }
    }
  }

  validateRouteDestinations(out, [...p, 'route'], route.route, true);
  if (route.timeout !== undefined) checkDuration(out, [...p, 'timeout'], route.timeout, 'timeout');
}

function isRetryPolicy(policy: string): boolean {
  if (RETRY_ON.includes(policy)) return true;
  return /^[0-9]+$/.test(policy) && HTTP_STATUS.has(Number(policy));
}

function checkPercentage(out: Issues, path: Path, v: Json | undefined): void {
  const pct = num(wrapped(v));
  if (pct === undefined) return;
  if (pct < 0 || pct > 100 || (pct > 0 && pct < 0.0001))
    out.error(path, `percentage ${pct} is neither 0 nor in 0.0001..100`);
}

function validateHttpMatch(out: Issues, p: Path, m: JsonObject): void {
  for (const [name, h] of Object.entries(obj(m.headers) ?? {})) {
    const hp = [...p, 'headers', name];
    if (h === null)
      out.error(
        hp,
        `header match ${quote(name)} is null`,
        'Give it an exact, prefix or regex value (or use withoutHeaders).',
      );
    if (name === '') out.error(hp, 'a header match has an empty name');
    else if (!isJwtClaimRoute(name) && !HEADER_NAME.test(name))
      out.error(hp, `header name ${quote(name)} is not a valid header name (letters, digits, "-" and "_")`);
    stringMatchErrors(out, hp, h, 'headers');
  }
  for (const [name, h] of Object.entries(obj(m.withoutHeaders) ?? {})) {
    const hp = [...p, 'withoutHeaders', name];
    if (name === '') out.error(hp, 'a withoutHeaders match has an empty name');
    else if (!isJwtClaimRoute(name) && !HEADER_NAME.test(name))
      out.error(hp, `header name ${quote(name)} is not a valid header name (letters, digits, "-" and "_")`);
    if (isObject(h) && h.regex !== '*') stringMatchErrors(out, hp, h, 'withoutHeaders');
  }
  const uri = stringMatch(m.uri);
  if (uri?.kind === 'regex') {
    const e = regexError(uri.value, 'uri');
    if (e) out.error([...p, 'uri', 'regex'], e);
  }
  for (const key of ['scheme', 'method', 'authority']) stringMatchErrors(out, [...p, key], m[key], key);
  for (const [name, qp] of Object.entries(obj(m.queryParams) ?? {}))
    stringMatchErrors(out, [...p, 'queryParams', name], qp, 'queryParams');
  const port = num(m.port);
  if (port !== undefined && port !== 0 && portError(port)) out.error([...p, 'port'], `match ${portError(port)}`);
  checkLabels(out, [...p, 'sourceLabels'], m.sourceLabels);
  if (hasItems(m.gateways)) checkGatewayNames(out, [...p, 'gateways'], m.gateways as Json[]);
  const sn = str(m.sourceNamespace);
  if (sn && !isDnsLabel(sn))
    out.error([...p, 'sourceNamespace'], `sourceNamespace ${quote(sn)} is not a valid namespace name`);
}

function stringMatchErrors(out: Issues, p: Path, v: Json | undefined, where: string): void {
  const sm = stringMatch(v);
  if (!sm) return;
  if (sm.kind === 'prefix' && sm.value === '')
    out.error([...p, 'prefix'], `${where}: the prefix match is empty`, 'Remove the condition, or give it a prefix.');
  if (sm.kind === 'regex') {
    const e = regexError(sm.value, where);
    if (e) out.error([...p, 'regex'], e);
  }
}

function validateL4Match(out: Issues, p: Path, m: JsonObject): void {
  (arr(m.destinationSubnets) ?? []).forEach((s, k) => {
    if (typeof s === 'string' && !isIPOrCidr(s))
      out.error(
        [...p, 'destinationSubnets', k],
        `destinationSubnets entry ${quote(s)} is not an IP address or CIDR block`,
      );
  });
  const port = num(m.port);
  if (port !== undefined && port !== 0 && portError(port)) out.error([...p, 'port'], `match ${portError(port)}`);
  checkLabels(out, [...p, 'sourceLabels'], m.sourceLabels);
  if (hasItems(m.gateways)) checkGatewayNames(out, [...p, 'gateways'], m.gateways as Json[]);
}

function validateTlsRoute(out: Issues, p: Path, route: JsonObject, hosts: string[], appliesToGateway: boolean): void {
  const matches = arr(route.match) ?? [];
  if (Array.isArray(route.match) && matches.length === 0)
    out.error(
      [...p, 'match'],
      'the tls route has no match; tls routes must match on sniHosts',
      'Add match: [{sniHosts: [<host>]}].',
    );
  matches.forEach((m, j) => {
    const mp = [...p, 'match', j];
    if (m === null) {
      out.error(mp, 'a tls match is null');
      return;
    }
    if (!isObject(m)) return;
    const snis = arr(m.sniHosts) ?? [];
    if (Array.isArray(m.sniHosts) && snis.length === 0)
      out.error([...mp, 'sniHosts'], 'the tls match has no sniHosts', 'List the SNI host names it matches.');
    snis.forEach((s, k) => {
      if (typeof s !== 'string') return;
      const sp = [...mp, 'sniHosts', k];
      const err = appliesToGateway ? gatewayBoundHostError(s, true) : wildcardDomainError(s);
      if (err) {
        if (isIP(s))
          out.warn(
            sp,
            `sniHosts entry ${quote(s)} is an IP address; SNI carries host names and most clients never send an IP`,
          );
        else out.error(sp, err);
        return;
      }
      if (!hosts.some((h) => s === h || hostMatches(h, s))) {
        out.errorWhole(
          sp,
          `SNI host ${quote(s)} is not one of the VirtualService's hosts (or covered by one): [${hosts.join(', ')}]`,
          'Add it to hosts, or fix the SNI host.',
        );
      }
    });
    validateL4Match(out, mp, m);
  });
  if (noList(route.route)) out.error(p, 'the tls route has no destinations (route)', 'Add a route with a destination.');
  validateRouteDestinations(out, [...p, 'route'], route.route);
}

function validateRouteDestinations(out: Issues, p: Path, v: Json | undefined, httpRoute = false): void {
  const list = arr(v);
  if (!list) return;
  let total = 0;
  list.forEach((d, i) => {
    const dp = [...p, i];
    if (d === null) {
      out.error(dp, 'a route destination entry is null');
      return;
    }
    if (!isObject(d)) return;
    if (isObject(d.destination)) validateDestination(out, [...dp, 'destination'], d.destination); // a missing one is a schema finding
    if (httpRoute) checkHeaderOps(out, [...dp, 'headers'], d.headers);
    const w = num(d.weight) ?? 0;
    if (w < 0) out.error([...dp, 'weight'], `weight ${w} is negative`);
    total += w;
  });
  if (list.length > 1 && total === 0)
    out.error(
      p,
      'the destinations all have weight 0, so no traffic can be sent',
      'Give the destinations weights (e.g. 90 and 10).',
    );
}

function validateDestination(out: Issues, p: Path, d: JsonObject): void {
  const host = d.host;
  if (host === '') out.error([...p, 'host'], 'the destination host is empty', 'Set host to the service name or FQDN.');
  else if (typeof host === 'string') {
    if (host === '*')
      out.error([...p, 'host'], 'destination host "*" is not allowed', 'Name the service the traffic should go to.');
    else {
      const e = wildcardDomainError(host);
      if (e) out.error([...p, 'host'], `destination ${e}`);
    }
  }
  if (typeof d.subset === 'string' && !isDnsLabel(d.subset)) {
    out.error(
      [...p, 'subset'],
      d.subset === '' ? 'the destination subset is empty' : `subset name ${quote(d.subset)} is not a DNS-1123 label`,
    );
  }
  const port = obj(d.port);
  if (port) {
    const n = num(port.number) ?? 0;
    const e = portError(n);
    if (e)
      out.error(
        port.number === undefined ? [...p, 'port'] : [...p, 'port', 'number'],
        `destination ${e}`,
        port.number === undefined ? 'Set port.number.' : undefined,
      );
  }
}

// ---- unreachable rules and ineffective matches (IST0130 / IST0131) ------------------------------------

/** Canonical form of a match for equality: keys sorted, proto zero values and the match name dropped. */
export function canonicalMatch(v: Json | undefined, dropName = false): string {
  const norm = (x: Json | undefined): Json | undefined => {
    if (x === null || x === undefined || x === '' || x === 0 || x === false) return undefined;
    if (Array.isArray(x)) {
      const items = x.map((e) => norm(e) ?? null);
      return items.length === 0 ? undefined : items;
    }
    if (isObject(x)) {
      const o: JsonObject = {};
      for (const k of Object.keys(x).sort()) {
        const n = norm(x[k]);
        if (n !== undefined) o[k] = n;
      }
      return Object.keys(o).length === 0 ? undefined : o;
    }
    return x;
  };
  let value = v;
  if (dropName && isObject(v)) {
    const { name: _n, ...rest } = v;
    value = rest;
  }
  // Empty StringMatch oneofs (uri: {prefix: ""}) still differ from absent ones; keep their keys.
  return JSON.stringify(norm(value) ?? {});
}

interface PrefixMatch {
  route: string;
  match: string;
  prefix: string;
  port: number;
  method: string;
  authority: string;
  headers: Map<string, string>;
  queryParams: Map<string, string>;
  withoutHeaders: Map<string, string>;
  path: Path;
  /** The route and match by value, for the finding's subject. */
  key: string;
}

function exactOrPrefix(v: Json | undefined): string {
  const m = obj(v);
  if (!m) return '';
  if (typeof m.exact === 'string' && m.exact !== '') return `exact:${m.exact}`;
  if (typeof m.prefix === 'string' && m.prefix !== '') return `prefix:${m.prefix}`;
  return '';
}

function mapOf(v: Json | undefined): Map<string, string> {
  return new Map(Object.entries(obj(v) ?? {}).map(([k, x]) => [k, exactOrPrefix(x)]));
}

function covers(a: PrefixMatch, b: PrefixMatch): boolean {
  if (!b.prefix.startsWith(a.prefix)) return false;
  if (a.port !== b.port) return false;
  if (a.method !== b.method && !a.method.startsWith(b.method)) return false;
  if (a.authority !== b.authority && !a.authority.startsWith(b.authority)) return false;
  for (const key of ['headers', 'queryParams', 'withoutHeaders'] as const) {
    if (a[key].size !== b[key].size) return false;
    for (const [k, va] of a[key]) {
      const vb = b[key].get(k);
      if (vb === undefined) return false;
      if (va !== vb && !va.startsWith(vb)) return false;
    }
  }
  return true;
}

function analyzeUnreachable(out: Issues, kind: 'http' | 'tcp' | 'tls', routes: Json[]): void {
  const seen = new Map<string, number>();
  let catchAll = -1;
  const prefixes: PrefixMatch[] = [];
  const routeName = (r: JsonObject, i: number) =>
    kind === 'http' && typeof r.name === 'string' && r.name !== '' ? quote(r.name) : `#${i}`;
  // Subjects identify a route by value (its name, else its matches and destinations), never by position.
  const routeKey = (r: JsonObject) =>
    kind === 'http' && typeof r.name === 'string' && r.name !== ''
      ? r.name
      : canonicalMatch({ match: r.match ?? null, route: r.route ?? null });
  routes.forEach((route, i) => {
    if (!isObject(route)) return;
    const rp: Path = ['spec', kind, i];
    const name = routeName(route, i);
    const matches = arr(route.match) ?? [];
    if (matches.length === 0) {
      if (catchAll >= 0) {
        out.add({
          level: 'unreachable',
          path: rp,
          subject: `${kind}:${routeKey(route)}:after-catch-all`,
          problem: `${kind} route ${name} has no match, and neither has the earlier route ${routeName(routes[catchAll] as JsonObject, catchAll)}; only the last route may match everything`,
          hint: 'Add a match to one of them, or merge them.',
        });
      }
      catchAll = i;
      return;
    }
    // Beyond istioctl: a route after one without a match is never reached. Its matches still take part in
    // the duplicate analysis below, as they do in istioctl, so IST0131 counts stay the same.
    const shadowed = catchAll >= 0 && kind !== 'tls'; // a tls route without a match is rejected anyway
    if (shadowed) {
      out.add({
        level: 'unreachable',
        path: rp,
        subject: `${kind}:${routeKey(route)}:shadowed`,
        problem: `${kind} route ${name} comes after route ${routeName(routes[catchAll] as JsonObject, catchAll)}, which has no match and takes every request`,
        hint: 'Move the route without a match to the end of the list.',
      });
    }
    let duplicates = 0;
    matches.forEach((m, j) => {
      const key = canonicalMatch(m, kind === 'http');
      const matchName =
        kind === 'http' && isObject(m) && typeof m.name === 'string' && m.name !== '' ? quote(m.name) : `#${j}`;
      const dup = seen.get(key);
      if (dup !== undefined) {
        out.add({
          level: 'ineffective',
          path: [...rp, 'match', j],
          subject: `${kind}:${routeKey(route)}:${key}`,
          problem: `match ${matchName} of ${kind} route ${name} repeats a match of the earlier route ${routeName(routes[dup] as JsonObject, dup)}`,
          hint: 'Remove the duplicate match, or change it so it selects different requests.',
        });
        duplicates++;
        return;
      }
      seen.set(key, i);
      if (kind !== 'http' || !isObject(m)) return;
      const uri = obj(m.uri);
      const prefix = uri && typeof uri.prefix === 'string' ? uri.prefix : '';
      if (prefix === '') return;
      prefixes.push({
        route: name,
        match: matchName,
        prefix,
        port: num(m.port) ?? 0,
        method: exactOrPrefix(m.method) || 'exact:GET',
        authority: exactOrPrefix(m.authority),
        headers: mapOf(m.headers),
        queryParams: mapOf(m.queryParams),
        withoutHeaders: mapOf(m.withoutHeaders),
        path: [...rp, 'match', j],
        key: `${routeKey(route)}:${key}`,
      });
    });
    if (duplicates === matches.length && !shadowed) {
      out.add({
        level: 'unreachable',
        path: rp,
        subject: `${kind}:${routeKey(route)}:all-dup`,
        problem: `${kind} route ${name} is never used: every one of its matches is already taken by earlier routes`,
        hint: 'Remove the route, or give it matches of its own.',
      });
    }
  });
  for (let a = 0; a < prefixes.length; a++) {
    for (let b = a + 1; b < prefixes.length; b++) {
      const A = prefixes[a]!;
      const B = prefixes[b]!;
      if (A.prefix === B.prefix) continue;
      if (covers(A, B)) {
        out.add({
          level: 'ineffective',
          path: B.path,
          subject: `http:${B.key}<${A.prefix}`,
          problem: `match ${B.match} (uri prefix ${quote(B.prefix)}) of http route ${B.route} is covered by match ${A.match} (uri prefix ${quote(A.prefix)}) of ${A.route === B.route ? 'the same route' : `the earlier route ${A.route}`}`,
          hint: 'Put the longer prefix first, or remove the covered match.',
        });
      }
    }
  }
}

export const virtualServiceValidationRules = kindRules('VirtualService', 'validation/istio', validateVirtualService, [
  {
    id: 'vs-invalid',
    level: 'error',
    fixable: true,
    title:
      "A VirtualService that Istio's admission webhook rejects (bad hosts, routes, matches, durations, retries, rewrite/redirect conflicts, delegation, exportTo).",
  },
  {
    id: 'vs-validation-warning',
    level: 'warning',
    fixable: true,
    title:
      'A VirtualService that Istio accepts with a warning (legacy gateway names, deprecated mirrorPercent, abort without an error type, IP SNI hosts).',
  },
  {
    id: 'vs-unreachable-route',
    level: 'unreachable',
    fixable: false,
    title:
      'A VirtualService route that can never be selected: an earlier route matches everything, or all of its matches repeat earlier ones.',
  },
  {
    id: 'vs-ineffective-match',
    level: 'ineffective',
    fixable: false,
    title:
      'A VirtualService match that can never be selected: an earlier match is identical or covers it (URI prefix).',
  },
]);
