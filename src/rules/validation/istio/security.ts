// AuthorizationPolicy, PeerAuthentication, RequestAuthentication: what istiod's admission webhook rejects
// (IST0106) or warns about (IST0133).
import type { Json, JsonObject, Path, Resource } from '../../../manifests/resource.js';
import { isObject } from '../../../manifests/resource.js';
import {
  arr,
  checkDuration,
  checkPolicyTargets,
  checkWorkloadSelector,
  HEADER_NAME,
  hasItems,
  isIPOrCidr,
  isSet,
  Issues,
  kindRules,
  nonZero,
  obj,
  str,
} from './common.js';
import { quote } from '../../../util/quote.js';
import { defineRule } from '../../rule.js';

// serviceAccounts/notServiceAccounts are newer (1.25+) and count like principals.
const SOURCE_FIELDS = [
  'principals',
  'requestPrincipals',
  'namespaces',
  'ipBlocks',
  'remoteIpBlocks',
  'notPrincipals',
  'notRequestPrincipals',
  'notNamespaces',
  'notIpBlocks',
  'notRemoteIpBlocks',
  'serviceAccounts',
  'notServiceAccounts',
];
const TCP_SOURCE_FIELDS = [
  'principals',
  'notPrincipals',
  'namespaces',
  'notNamespaces',
  'ipBlocks',
  'notIpBlocks',
  'remoteIpBlocks',
  'notRemoteIpBlocks',
  'serviceAccounts',
  'notServiceAccounts',
];
const OPERATION_FIELDS = ['ports', 'methods', 'paths', 'hosts', 'notPorts', 'notMethods', 'notPaths', 'notHosts'];

/** Is the list present (even empty)? Proto reads an empty list as absent, so only non-empty lists count. */
const present = (v: Json | undefined) => hasItems(v);

function checkDryRun(r: Resource, out: Issues, allowed: boolean, action?: string): void {
  const val = r.annotations['istio.io/dry-run'];
  if (val === undefined) return;
  const p: Path = ['metadata', 'annotations', 'istio.io/dry-run'];
  if (!allowed) {
    out.error(p, `the annotation istio.io/dry-run is only supported on AuthorizationPolicy`, 'Remove the annotation.');
    return;
  }
  if (action !== 'ALLOW' && action !== 'DENY')
    out.error(p, `istio.io/dry-run only supports actions ALLOW and DENY, not ${action}`);
  else if (!['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(val))
    out.error(p, `istio.io/dry-run value ${quote(val)} is not a boolean`, 'Use "true" or "false".');
}

export function validateAuthorizationPolicy(r: Resource, out: Issues): void {
  const spec = r.spec;
  const action = str(spec.action) ?? 'ALLOW';
  checkDryRun(r, out, true, action);
  checkPolicyTargets(out, spec);
  checkWorkloadSelector(out, ['spec', 'selector'], spec.selector, false);
  const rules = arr(spec.rules) ?? [];
  const noRules = rules.length === 0;
  if (action === 'CUSTOM') {
    if (noRules)
      out.errorWhole(
        spec.rules === undefined ? ['spec', 'action'] : ['spec', 'rules'],
        'a CUSTOM policy without rules never triggers',
        'Add rules; an empty rule `{}` matches every request.',
      );
    else if (!nonZero(obj(spec.provider)?.name))
      out.error(
        isSet(spec.provider) ? ['spec', 'provider'] : ['spec', 'action'],
        'a CUSTOM policy needs provider.name',
        'Set provider.name to an extension provider declared in the mesh config.',
        null,
        'custom-no-provider',
      );
    rules.forEach((rule, i) => {
      const rl = obj(rule);
      if (!rl) return;
      (arr(rl.from) ?? []).forEach((f, j) => {
        const src = obj(obj(f)?.source);
        if (!src) return;
        for (const k of [
          'namespaces',
          'notNamespaces',
          'principals',
          'notPrincipals',
          'requestPrincipals',
          'notRequestPrincipals',
        ]) {
          if (present(src[k]))
            out.error(
              ['spec', 'rules', i, 'from', j, 'source', k],
              `source.${k} is not supported with the CUSTOM action`,
              'Use ipBlocks/remoteIpBlocks, or let the external authorizer decide.',
            );
        }
      });
      (arr(rl.when) ?? []).forEach((w, j) => {
        if (w === null) {
          out.error(['spec', 'rules', i, 'when', j], 'a when condition is null');
          return;
        }
        const key = str(obj(w)?.key) ?? '';
        if (key === 'source.namespace' || key === 'source.principal' || key.startsWith('request.auth.')) {
          out.error(
            ['spec', 'rules', i, 'when', j, 'key'],
            `when key ${quote(key)} is not supported with the CUSTOM action`,
          );
        }
      });
    });
  }
  if (isSet(spec.provider) && action !== 'CUSTOM')
    out.error(
      ['spec', 'provider'],
      `provider is only allowed with action CUSTOM, not ${action}`,
      'Set action: CUSTOM, or remove provider.',
    );
  if (action === 'DENY' && noRules) {
    out.errorWhole(
      spec.rules === undefined ? ['spec', 'action'] : ['spec', 'rules'],
      'a DENY policy without rules never triggers',
      'Add the rules to deny; an empty rule `{}` denies every request.',
    );
  }

  rules.forEach((rule, i) => {
    const p: Path = ['spec', 'rules', i];
    if (rule === null) {
      out.error(p, 'a rule is null');
      return;
    }
    if (!isObject(rule)) return;
    let tcpInFrom = false;
    let tcpInTo = false;
    let fromExists = false;
    let toExists = false;
    (arr(rule.from) ?? []).forEach((f, j) => {
      const fp = [...p, 'from', j];
      if (f === null) {
        out.error(fp, '`from` entry is null');
        return;
      }
      if (!isObject(f)) return;
      if (f.source === undefined || f.source === null) {
        out.error(fp, '`from` entry has no source', 'Add source: {…}.');
        return;
      }
      const src = obj(f.source);
      if (!src) return;
      fromExists = true;
      if (!SOURCE_FIELDS.some((k) => present(src[k])))
        out.error(
          [...fp, 'source'],
          '`from.source` is empty',
          'Say who the rule is about (principals, namespaces, ipBlocks, …), or remove the `from` entry.',
        );
      checkValues(out, [...fp, 'source'], src, SOURCE_FIELDS);
      for (const k of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']) {
        (arr(src[k]) ?? []).forEach((ip, n) => {
          if (typeof ip === 'string' && ip !== '' && !isIPOrCidr(ip))
            out.error([...fp, 'source', k, n], `${k} entry ${quote(ip)} is not an IP address or CIDR block`);
        });
      }
      if (TCP_SOURCE_FIELDS.some((k) => src[k] !== undefined && src[k] !== null)) tcpInFrom = true;
    });
    (arr(rule.to) ?? []).forEach((t, j) => {
      const tp = [...p, 'to', j];
      if (t === null) {
        out.error(tp, '`to` entry is null');
        return;
      }
      if (!isObject(t)) return;
      if (t.operation === undefined || t.operation === null) {
        out.error(tp, '`to` entry has no operation', 'Add operation: {…}.');
        return;
      }
      const op = obj(t.operation);
      if (!op) return;
      toExists = true;
      if (!OPERATION_FIELDS.some((k) => present(op[k])))
        out.error(
          [...tp, 'operation'],
          '`to.operation` is empty',
          'Say what the rule is about (methods, paths, ports, hosts), or remove the `to` entry.',
        );
      checkValues(out, [...tp, 'operation'], op, OPERATION_FIELDS);
      for (const k of ['ports', 'notPorts']) {
        (arr(op[k]) ?? []).forEach((port, n) => {
          if (typeof port === 'string' && port !== '' && !(/^[0-9]+$/.test(port) && Number(port) <= 65535))
            out.error([...tp, 'operation', k, n], `${k} entry ${quote(port)} is not a port number`);
        });
      }
      for (const k of ['paths', 'notPaths']) {
        (arr(op[k]) ?? []).forEach((path, n) => {
          if (typeof path === 'string') {
            const e = pathTemplateError(path);
            if (e) out.error([...tp, 'operation', k, n], e);
          }
        });
      }
      if (op.ports !== undefined || op.notPorts !== undefined) tcpInTo = true;
    });
    (arr(rule.when) ?? []).forEach((w, j) => {
      const wp = [...p, 'when', j];
      if (!isObject(w)) return;
      const key = str(w.key);
      if (key === undefined) return; // a missing key is a schema finding
      if (key === '') {
        out.error([...wp, 'key'], 'a `when` condition has an empty key');
        return;
      }
      if (!present(w.values) && !present(w.notValues)) {
        out.error(
          wp,
          `the \`when\` condition on ${quote(key)} has neither values nor notValues`,
          'Add the values to compare with.',
        );
        return;
      }
      for (const k of ['values', 'notValues']) {
        const vals = (arr(w[k]) ?? []).filter((v): v is string => typeof v === 'string');
        if (!present(w[k])) continue;
        const e = attributeError(key, vals);
        if (e) {
          out.error([...wp, e.startsWith('unknown') ? 'key' : k], e);
          break;
        }
      }
    });
    if (action === 'DENY' && ((fromExists && !toExists && !tcpInFrom) || (toExists && !tcpInTo))) {
      out.warn(
        p,
        'this DENY rule uses only HTTP attributes, so on TCP ports in scope it denies all traffic',
        'Name the ports (to.operation.ports) the rule is meant for.',
        null,
        `deny-http-only:${JSON.stringify(rule)}`,
      );
    }
  });
}

function checkValues(out: Issues, p: Path, o: JsonObject, fields: string[]): void {
  for (const k of fields) {
    (arr(o[k]) ?? []).forEach((v, n) => {
      if (v === '')
        out.error([...p, k, n], `${k} has an empty value`, 'Remove it: an empty string matches nothing useful.');
    });
  }
}

function pathTemplateError(path: string): string | null {
  if (!path.includes('{') && !path.includes('}')) return null;
  let sawAny = false;
  for (const seg of path.replace(/^\/+|\/+$/g, '').split('/')) {
    if (seg === '{*}' && !sawAny) continue;
    if (seg === '{**}' && !sawAny) {
      sawAny = true;
      continue;
    }
    if (seg.includes('{') || seg.includes('}')) {
      return seg === '{*}' || seg === '{**}'
        ? `path ${quote(path)}: nothing but literal segments may follow "{**}"`
        : `path ${quote(path)}: segment ${quote(seg)} is not a supported template ("{*}" or "{**}")`;
    }
  }
  return null;
}

/** `prefix[name]` (request.headers[x-user], request.auth.claims[groups][0] …). */
function mapKeyError(key: string, prefix: string): string | null {
  const rest = key.slice(prefix.length);
  if (!/^\[.+\]$/.test(rest)) return `when key ${quote(key)} must be of the form ${prefix}[<name>]`;
  return null;
}

function attributeError(key: string, values: string[]): string | null {
  const ips = () => {
    const bad = values.find((v) => !isIPOrCidr(v));
    return bad !== undefined ? `value ${quote(bad)} of ${quote(key)} is not an IP address or CIDR block` : null;
  };
  if (key.startsWith('request.headers')) return mapKeyError(key, 'request.headers');
  if (key.startsWith('request.auth.claims')) return mapKeyError(key, 'request.auth.claims');
  if (key.startsWith('experimental.envoy.filters.'))
    return /\[[^[\]]+\]$/.test(key) ? null : `when key ${quote(key)} must end with [<name>]`;
  switch (key) {
    case 'source.ip':
    case 'remote.ip':
    case 'destination.ip':
      return ips();
    case 'destination.port': {
      const bad = values.find((v) => !(/^[0-9]+$/.test(v) && Number(v) <= 65535));
      return bad !== undefined ? `value ${quote(bad)} of "destination.port" is not a port number` : null;
    }
    case 'source.namespace':
    case 'source.principal':
    case 'source.serviceAccount':
    case 'request.auth.principal':
    case 'request.auth.audiences':
    case 'request.auth.presenter':
    case 'connection.sni':
      return null;
    default:
      return `unknown when key ${quote(key)}`;
  }
}

export function validatePeerAuthentication(r: Resource, out: Issues): void {
  const spec = r.spec;
  // portLevelMtls without a selector, and its port keys, are CRD rules: schema-validation-rule reports them.
  checkWorkloadSelector(out, ['spec', 'selector'], spec.selector, false);
}

export function validateRequestAuthentication(r: Resource, out: Issues): void {
  const spec = r.spec;
  checkPolicyTargets(out, spec);
  checkWorkloadSelector(out, ['spec', 'selector'], spec.selector, false);
  (arr(spec.jwtRules) ?? []).forEach((rule, i) => {
    const p: Path = ['spec', 'jwtRules', i];
    const jr = obj(rule);
    if (!jr) return;
    if (jr.issuer === undefined)
      out.error(
        p,
        'the JWT rule has no issuer',
        'Set issuer to the token issuer (the "iss" claim).',
        null,
        `no-issuer:${str(jr.jwksUri) ?? ''}`,
      );
    const uri = str(jr.jwksUri);
    // A scheme other than http(s) is a CRD rule (schema-validation-rule); what passes it must still parse.
    if (uri && /^https?:\/\/[^/]/i.test(uri)) {
      let ok = true;
      try {
        new URL(uri);
      } catch {
        ok = false;
      }
      if (!ok) out.error([...p, 'jwksUri'], `jwksUri ${quote(uri)} is not a valid URL`);
    }
    const jwks = str(jr.jwks);
    if (jwks) {
      let ok: boolean;
      try {
        const v = JSON.parse(jwks) as unknown;
        ok = typeof v === 'object' && v !== null;
      } catch {
        ok = false;
      }
      if (!ok)
        out.error(
          [...p, 'jwks'],
          'jwks is not a JSON Web Key Set (it does not parse as JSON)',
          'Paste the JWKS document as JSON, or use jwksUri.',
        );
    }
    // Empty audiences, token locations without names and outputClaimToHeaders without claim/header are schema findings.
    (arr(jr.outputClaimToHeaders) ?? []).forEach((c, j) => {
      const cp = [...p, 'outputClaimToHeaders', j];
      if (!isObject(c)) return;
      if (typeof c.header === 'string' && c.header !== '' && !HEADER_NAME.test(c.header))
        out.error([...cp, 'header'], `header name ${quote(c.header)} is not a valid header name`);
    });
    if (jr.timeout !== undefined) checkDuration(out, [...p, 'timeout'], jr.timeout, 'timeout');
  });
}

export const authorizationPolicyValidationRules = kindRules(
  'AuthorizationPolicy',
  'validation/istio',
  validateAuthorizationPolicy,
  [
    {
      id: 'authz-invalid',
      level: 'error',
      fixable: false,
      title:
        "An AuthorizationPolicy that Istio's admission webhook rejects (action vs rules/provider, empty from/to/when, bad IPs, ports, paths, unknown when keys).",
    },
    {
      id: 'authz-validation-warning',
      level: 'warning',
      fixable: false,
      title:
        'An AuthorizationPolicy that Istio accepts with a warning (DENY rules with only HTTP attributes that block all TCP traffic, selector without labels).',
    },
  ],
);

export const peerAuthenticationValidationRules = kindRules(
  'PeerAuthentication',
  'validation/istio',
  validatePeerAuthentication,
  [
    {
      id: 'peer-authn-invalid',
      level: 'error',
      fixable: false,
      title:
        "A PeerAuthentication that Istio's admission webhook rejects beyond its CRD rules (the dry-run annotation, which only AuthorizationPolicy supports).",
    },
    {
      id: 'peer-authn-validation-warning',
      level: 'warning',
      fixable: false,
      title: 'A PeerAuthentication that Istio accepts with a warning (a selector without labels).',
    },
  ],
);

export const requestAuthenticationValidationRules = kindRules(
  'RequestAuthentication',
  'validation/istio',
  validateRequestAuthentication,
  [
    {
      id: 'request-authn-invalid',
      level: 'error',
      fixable: false,
      title:
        "A RequestAuthentication that Istio's admission webhook rejects (JWT rules without issuer, bad jwksUri or jwks, invalid output header names, bad timeouts).",
    },
    {
      id: 'request-authn-validation-warning',
      level: 'warning',
      fixable: false,
      title: 'A RequestAuthentication that Istio accepts with a warning (a selector without labels).',
    },
  ],
);

// ---- wildcards Istio does not support in AuthorizationPolicy values ------------------------------------

/** Istio matches "*" (present), "*suffix", "prefix*" or an exact value: a "*" anywhere else is a literal
 *  character, so the value never matches. Paths have templates ({*}, {**}) for segment wildcards instead. */
function misplacedWildcard(v: string): boolean {
  if (v === '*' || !v.includes('*')) return false;
  const inner = v.slice(v.startsWith('*') ? 1 : 0, v.endsWith('*') && !v.startsWith('*') ? -1 : undefined);
  return inner.includes('*');
}

/** "/api/*\/items" → "/api/{*}/items" when every inner "*" is a whole path segment. */
function pathTemplateFor(path: string): string | null {
  const segs = path.split('/');
  let changed = false;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (!s.includes('*')) continue;
    if (i === segs.length - 1 && s === '*') {
      segs[i] = '{**}';
      changed = true;
      continue;
    }
    if (s === '*') {
      segs[i] = '{*}';
      changed = true;
      continue;
    }
    if (s === '**') {
      segs[i] = '{**}';
      changed = true;
      continue;
    }
    return null;
  }
  const out = segs.join('/');
  return changed && pathTemplateError(out) === null ? out : null;
}

const WILDCARD_FIELDS: ['source' | 'operation', string][] = [
  ['source', 'principals'],
  ['source', 'notPrincipals'],
  ['source', 'requestPrincipals'],
  ['source', 'notRequestPrincipals'],
  ['source', 'namespaces'],
  ['source', 'notNamespaces'],
  ['operation', 'hosts'],
  ['operation', 'notHosts'],
  ['operation', 'methods'],
  ['operation', 'notMethods'],
  ['operation', 'paths'],
  ['operation', 'notPaths'],
];

const LITERAL_WILDCARD =
  '{field} value {value} has a "*" that is neither the whole value nor at its start or end: Istio compares it literally, so it never matches and the rule silently does not apply.';
const PATH_TEMPLATES = 'For path segments use templates: "{*}" for one segment, "{**}" for the rest';

export const authorizationWildcardRule = defineRule({
  id: 'authz-unsupported-wildcard',
  severity: 'warning',
  istioCode: null,
  group: 'validation/istio',
  fixable: true,
  inputs: [{ kind: 'AuthorizationPolicy' }],
  title:
    'An AuthorizationPolicy value with "*" in the middle (e.g. "cluster.local/ns/*/sa/web"): Istio compares it literally, so it never matches.',
  messages: {
    misplacedWildcard: `${LITERAL_WILDCARD} Use a prefix ("abc*") or suffix ("*abc") match, or list the exact values.`,
    misplacedPathWildcard: `${LITERAL_WILDCARD} ${PATH_TEMPLATES}.`,
    misplacedPathWildcardTemplate: `${LITERAL_WILDCARD} ${PATH_TEMPLATES} ({template}).`,
  },
  check(ctx) {
    for (const r of ctx.allInputs('AuthorizationPolicy')) {
      (arr(r.spec.rules) ?? []).forEach((rule, i) => {
        const rl = obj(rule);
        if (!rl) return;
        const entries: [Path, Json | undefined, string][] = [];
        (arr(rl.from) ?? []).forEach((f, j) => {
          const src = obj(obj(f)?.source);
          if (src)
            for (const [where, k] of WILDCARD_FIELDS)
              if (where === 'source') entries.push([['spec', 'rules', i, 'from', j, 'source', k], src[k], k]);
        });
        (arr(rl.to) ?? []).forEach((t, j) => {
          const op = obj(obj(t)?.operation);
          if (op)
            for (const [where, k] of WILDCARD_FIELDS)
              if (where === 'operation') entries.push([['spec', 'rules', i, 'to', j, 'operation', k], op[k], k]);
        });
        (arr(rl.when) ?? []).forEach((w, j) => {
          const cond = obj(w);
          const key = str(cond?.key) ?? '';
          if (!cond || /\.ip$/.test(key) || key === 'destination.port') return;
          for (const k of ['values', 'notValues'])
            entries.push([['spec', 'rules', i, 'when', j, k], cond[k], `${key} ${k}`]);
        });
        for (const [path, list, field] of entries) {
          (arr(list) ?? []).forEach((v, n) => {
            if (typeof v !== 'string') return;
            const isPath = field === 'paths' || field === 'notPaths';
            if (!misplacedWildcard(isPath ? v.replace(/\{\*\*?\}/g, 'x') : v)) return;
            const template = isPath ? pathTemplateFor(v) : null;
            const about = { field, value: quote(v) };
            ctx.report({
              resource: r,
              path: [...path, n],
              subject: `${field}:${v}`,
              ...(!isPath
                ? { messageId: 'misplacedWildcard', data: about }
                : template
                  ? { messageId: 'misplacedPathWildcardTemplate', data: { ...about, template: quote(template) } }
                  : { messageId: 'misplacedPathWildcard', data: about }),
              fix: template
                ? { op: 'set', path: [...path, n], value: template, description: `${field}: ${template}` }
                : null,
            });
          });
        }
      });
    }
  },
});
