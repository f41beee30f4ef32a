// Shared machinery for Istio's admission-time validation (the checks istiod's validating webhook runs).
// A kind's validator walks one resource and collects issues; the rules of that kind (one per Istio code)
// each report their share. Validators read manifests defensively: a value of the wrong type is the schema
// rules' business and is skipped here without a word.
import type { Json, JsonObject, Path, Resource } from '../../../manifests/resource.js';
import { isObject } from '../../../manifests/resource.js';
import type { FixEdit } from '../../../fixes/edits.js';
import { defineRule, type Rule, type RuleContext, type RuleGroup } from '../../rule.js';
import type { Severity } from '../../../types.js';
import { looksLikePatch } from '../../../manifests/patch-files.js';
import { quote } from '../../../util/quote.js';
import type { MeshView } from '../../../mesh/mesh-view.js';

/** error → IST0106, warning → IST0133, unreachable → IST0130, ineffective → IST0131. */
export type IssueLevel = 'error' | 'warning' | 'unreachable' | 'ineffective';

export interface Issue {
  level: IssueLevel;
  path: Path;
  /** What is wrong, without the consequence (added per level): the `problem` of the rule's message. */
  problem: string;
  /** How to fix it (one sentence); optional. */
  hint?: string;
  subject: string;
  fix?: FixEdit | null;
  /** About something absent at the top of the spec: meaningless in a kustomize patch, which holds part of an object. */
  wholeObject?: boolean;
}

/** Collects issues while a validator walks a resource. */
export class Issues {
  readonly list: Issue[] = [];
  error(path: Path, problem: string, hint?: string, fix?: FixEdit | null, subject?: string): void {
    this.list.push({ level: 'error', path, problem, hint, fix, subject: subject ?? problem });
  }
  warn(path: Path, problem: string, hint?: string, fix?: FixEdit | null, subject?: string): void {
    this.list.push({ level: 'warning', path, problem, hint, fix, subject: subject ?? problem });
  }
  /** An error about a top-level part that is missing; not reported for kustomize patch files. */
  errorWhole(path: Path, problem: string, hint?: string): void {
    this.list.push({ level: 'error', path, problem, hint, subject: problem, wholeObject: true });
  }
  add(issue: Issue): void {
    this.list.push(issue);
  }
}

export type Validator = (r: Resource, out: Issues) => void;

/** The validation issues of a resource, computed once per view and shared by the rules of its kind. */
function issuesOf(mesh: MeshView, r: Resource, validate: Validator): Issue[] {
  return mesh.memoOf('istio-validation/issues', r, () => {
    const out = new Issues();
    // Istio checks this annotation on every kind; only AuthorizationPolicy supports it (checked there).
    if (r.kind !== 'AuthorizationPolicy' && r.annotations['istio.io/dry-run'] !== undefined) {
      out.error(
        ['metadata', 'annotations', 'istio.io/dry-run'],
        `the annotation istio.io/dry-run is only supported on AuthorizationPolicy, not on ${r.kind}`,
        'Remove the annotation.',
      );
    }
    validate(r, out);
    return out.list;
  });
}

const CONSEQUENCE: Record<IssueLevel, string> = {
  error: 'Istio rejects it: kubectl apply fails with \'admission webhook "validation.istio.io" denied the request\'.',
  warning: 'Istio accepts it with a warning that kubectl apply prints and most pipelines never show.',
  unreachable: 'The route can never be selected: an earlier route takes all of its traffic.',
  ineffective: 'The match can never be selected: an earlier match takes all of its requests.',
};

/** A kind rule's one message, named after what its level means. The validators' problems are too many to each have
 *  an id: the problem is data, as is the hint (a sentence with its leading space, or '' when there is none). */
const MESSAGE_ID: Record<IssueLevel, string> = {
  error: 'rejected',
  warning: 'acceptedWithWarning',
  unreachable: 'unreachableRoute',
  ineffective: 'ineffectiveMatch',
};

const CODES: Record<IssueLevel, { code: string; severity: Severity }> = {
  error: { code: 'IST0106', severity: 'error' },
  warning: { code: 'IST0133', severity: 'warning' },
  unreachable: { code: 'IST0130', severity: 'warning' },
  ineffective: { code: 'IST0131', severity: 'info' },
};

export interface KindRuleSpec {
  id: string;
  level: IssueLevel;
  title: string;
  fixable: boolean;
}

/** Rules for one kind: each takes the issues of its level from the kind's (cached) validator. */
export function kindRules(kind: string, group: RuleGroup, validate: Validator, specs: KindRuleSpec[]): Rule[] {
  return specs.map((s) =>
    defineRule({
      id: s.id,
      severity: CODES[s.level].severity,
      istioCode: CODES[s.level].code,
      group,
      fixable: s.fixable,
      inputs: [{ kind }],
      title: s.title,
      messages: { [MESSAGE_ID[s.level]]: `{problem}. ${CONSEQUENCE[s.level]}{hint}` },
      check(ctx: RuleContext) {
        for (const r of ctx.allInputs(kind)) {
          const patch = looksLikePatch(r);
          for (const i of issuesOf(ctx.mesh, r, validate)) {
            if (i.level !== s.level || (patch && i.wholeObject)) continue;
            ctx.report({
              resource: r,
              path: i.path,
              subject: i.subject,
              fix: i.fix ?? null,
              messageId: MESSAGE_ID[i.level],
              data: { problem: sentence(i.problem), hint: i.hint ? ` ${i.hint}` : '' },
            });
          }
        }
      },
    }),
  );
}

/** Capitalise a problem's first word unless it is a field name (camelCase, dotted). */
function sentence(m: string): string {
  const first = /^[^\s]+/.exec(m)?.[0] ?? '';
  return /^[a-z]+$/.test(first) ? m[0]!.toUpperCase() + m.slice(1) : m;
}

// ---- value readers (never throw; wrong types read as "absent") -------------------------------------------

export const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: Json | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
export const obj = (v: Json | undefined): JsonObject | undefined => (isObject(v) ? v : undefined);
export const arr = (v: Json | undefined): Json[] | undefined => (Array.isArray(v) ? v : undefined);
/** A non-empty list (absent, empty and wrong-typed lists all read as "not set", as proto does). */
export const hasItems = (v: Json | undefined): boolean => Array.isArray(v) && v.length > 0;
/** Whether a message field is set (present, and an object). */
export const isSet = (v: Json | undefined): boolean => isObject(v);
/** A proto scalar that is present and not its zero value. */
export const nonZero = (v: Json | undefined): boolean =>
  v !== undefined && v !== null && v !== '' && v !== 0 && v !== false;
/** google.protobuf wrapper values may be written bare (`5`) or as `{value: 5}`. */
export function wrapped(v: Json | undefined): Json | undefined {
  return isObject(v) && 'value' in v ? v.value : v;
}

// ---- names and hosts -----------------------------------------------------------------------------------

const LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const WILDCARD_LABEL = /^(\*|(\*|\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;

/** Istio's DNS-1123 label (letters of either case, digits, '-', at most 63). */
export function isDnsLabel(s: string): boolean {
  return s.length > 0 && s.length <= 63 && LABEL.test(s);
}

/** Lower-case DNS-1123 label, as Kubernetes names and namespaces must be. */
export function isK8sLabel(s: string): boolean {
  return s.length > 0 && s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

function dnsLabelsError(domain: string): string | null {
  const parts = domain.split('.');
  const top = parts[parts.length - 1]!;
  if (/^[0-9]+$/.test(top))
    return `domain name ${quote(domain)} is invalid: the top-level label ${quote(top)} cannot be all digits`;
  for (let i = 0; i < parts.length; i++) {
    if (i === parts.length - 1 && parts[i] === '') return null; // "istio.io." is allowed
    if (!isDnsLabel(parts[i]!))
      return `domain name ${quote(domain)} is invalid: label ${quote(parts[i])} is not a DNS-1123 label`;
  }
  return null;
}

/** A fully-qualified (or short) DNS name without wildcards; null when valid. */
export function fqdnError(name: string): string | null {
  if (name.length === 0) return 'the host name is empty';
  if (name.length > 255) return `domain name ${quote(name)} is longer than 255 characters`;
  return dnsLabelsError(name);
}

/** A DNS name whose first label may be a wildcard (`*`, `*.a.com`, `*foo.a.com`); null when valid. */
export function wildcardDomainError(name: string): string | null {
  if (name.length === 0) return 'the host name is empty';
  if (name.length > 255) return `domain name ${quote(name)} is longer than 255 characters`;
  const dot = name.indexOf('.');
  const first = dot < 0 ? name : name.slice(0, dot);
  if (first.length > 63 || !WILDCARD_LABEL.test(first))
    return `domain name ${quote(name)} is invalid: label ${quote(first)} is not a DNS-1123 label (a wildcard may only be the first label)`;
  return dot < 0 ? null : dnsLabelsError(name.slice(dot + 1));
}

export function isPartialWildcard(host: string): boolean {
  return host.includes('*') && host.length !== 1 && !host.startsWith('*.');
}

// ---- IP addresses ---------------------------------------------------------------------------------------

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false;
  let body = s;
  let groupsNeeded = 8;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    body = s.slice(0, lastColon + 1) + '0';
    groupsNeeded = 7;
  }
  const dbl = body.split('::');
  if (dbl.length > 2) return false;
  const groups = (p: string) => (p === '' ? [] : p.split(':'));
  const head = groups(dbl[0]!);
  const tail = dbl.length === 2 ? groups(dbl[1]!) : [];
  if ([...head, ...tail].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = head.length + tail.length;
  return dbl.length === 2 ? count < groupsNeeded : count === groupsNeeded;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** An IP, or a CIDR block. */
export function isIPOrCidr(s: string): boolean {
  const parts = s.split('/');
  if (parts.length === 1) return isIP(s);
  if (parts.length !== 2 || !/^[0-9]{1,3}$/.test(parts[1]!)) return false;
  const bits = Number(parts[1]);
  if (isIPv4(parts[0]!)) return bits <= 32;
  return isIPv6(parts[0]!) && bits <= 128;
}

// ---- durations -----------------------------------------------------------------------------------------

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** A Go/protobuf duration string ("1.5s", "1m30s", "100ms") in nanoseconds, or null when unparsable. */
export function parseDuration(s: string): number | null {
  const t = s.trim();
  if (t === '0') return 0;
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y;
  let i = 0;
  let neg = false;
  if (t.startsWith('-')) {
    neg = true;
    i = 1;
  } else if (t.startsWith('+')) i = 1;
  let total = 0;
  let any = false;
  while (i < t.length) {
    re.lastIndex = i;
    const m = re.exec(t);
    if (!m) return null;
    total += Number(m[1]) * UNIT_NS[m[2]!]!;
    i = re.lastIndex;
    any = true;
  }
  return any ? (neg ? -total : total) : null;
}

/** Istio's duration rule (at least 1ms, whole milliseconds); reports at `path`. */
export function checkDuration(out: Issues, path: Path, v: Json | undefined, field: string): void {
  if (v === undefined || v === null) return;
  if (typeof v !== 'string') return; // a type error: the schema rules' business
  const ns = parseDuration(v);
  if (ns === null) {
    out.error(path, `${field} ${quote(v)} is not a duration`, 'Write it with a unit, such as "5s", "250ms" or "1m".');
    return;
  }
  if (ns === 0)
    out.error(
      path,
      `${field} ${quote(v)} is zero, and Istio accepts no duration below 1ms`,
      'Remove the field to get the default (a route timeout is then disabled), or use a positive duration.',
    );
  else if (ns < 1e6) out.error(path, `${field} ${quote(v)} is shorter than 1ms`, 'Durations must be at least 1ms.');
  else if (Math.round(ns) % 1e6 !== 0)
    out.error(path, `${field} ${quote(v)} is finer than a millisecond`, 'Round it to whole milliseconds.');
}

// ---- labels and selectors ------------------------------------------------------------------------------

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why a label key is invalid, or null. */
export function labelKeyError(key: string): string | null {
  const slash = key.split('/');
  if (slash.length > 2) return `label key ${quote(key)} has more than one "/"`;
  const name = slash[slash.length - 1]!;
  if (slash.length === 2) {
    const prefix = slash[0]!;
    if (
      prefix.length === 0 ||
      prefix.length > 253 ||
      !prefix.split('.').every((p) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p))
    )
      return `label key ${quote(key)} has an invalid prefix (it must be a DNS subdomain)`;
  }
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name))
    return `label key ${quote(key)} is invalid (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`;
  return null;
}

export function labelValueError(key: string, value: string): string | null {
  if (value.length > 63 || !LABEL_VALUE.test(value))
    return `label value ${quote(value)} of ${quote(key)} is invalid (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`;
  return null;
}

/** Validate a label map (labels.Instance.Validate). */
export function checkLabels(out: Issues, path: Path, v: Json | undefined): void {
  const m = obj(v);
  if (!m) return;
  for (const [k, val] of Object.entries(m)) {
    const ke = labelKeyError(k);
    if (ke) out.error([...path, k], ke);
    if (typeof val === 'string') {
      const ve = labelValueError(k, val);
      if (ve) out.error([...path, k], ve);
    }
  }
}

/** `selector: {matchLabels}` of the security/telemetry kinds (and `workloadSelector` of DestinationRule).
 *  `labelErrors: false` where the CRD's own rules (reported by schema-validation-rule) already reject empty keys
 *  and wildcards: AuthorizationPolicy, RequestAuthentication, Telemetry, PeerAuthentication. */
export function checkWorkloadSelector(out: Issues, path: Path, v: Json | undefined, labelErrors = true): void {
  const labelsKey = 'matchLabels';
  const sel = obj(v);
  if (!sel) return;
  const labels = obj(sel[labelsKey]);
  const entries = labels ? Object.entries(labels) : [];
  for (const [k, val] of labelErrors ? entries : []) {
    const p = [...path, labelsKey, k];
    if (k === '') out.error(p, 'a selector label has an empty key');
    if (k.includes('*') || (typeof val === 'string' && val.includes('*'))) {
      out.error(
        p,
        `selector label ${quote(`${k}=${typeof val === 'string' ? val : ''}`)} uses a wildcard, which selectors do not support`,
        'List the exact label values instead.',
      );
    }
  }
  if (entries.length === 0 && (labels !== undefined || sel[labelsKey] === undefined)) {
    out.warn(
      path,
      `the selector has no ${labelsKey}, so it selects every workload in the namespace`,
      `Add ${labelsKey}, or remove the selector if namespace-wide is intended.`,
    );
  }
}

/** The kind of each targetRef. (Selector and targetRefs together, and a targetRef namespace, are CRD rules that
 *  schema-validation-rule reports.) */
export function checkPolicyTargets(out: Issues, spec: JsonObject): void {
  const refs: [Path, Json | undefined][] = [[['spec', 'targetRef'], spec.targetRef]];
  (arr(spec.targetRefs) ?? []).forEach((t, i) => refs.push([['spec', 'targetRefs', i], t]));
  for (const [p, t] of refs) {
    const ref = obj(t);
    if (!ref) continue;
    const kind = str(ref.kind) ?? '';
    const group = str(ref.group) ?? '';
    const allowed =
      (kind === 'Service' && (group === '' || group === 'core')) ||
      (kind === 'ServiceEntry' && group === 'networking.istio.io') ||
      (kind === 'Gateway' && group === 'gateway.networking.k8s.io');
    if (!allowed && kind !== '') {
      // a missing kind or name is a schema finding
      out.error(
        p,
        `targetRef ${quote(`${group}/${kind}`)} is not a Service (core), ServiceEntry (networking.istio.io) or Gateway (gateway.networking.k8s.io)`,
      );
    }
  }
}

/** exportTo rules shared by VirtualService and DestinationRule (ServiceEntry has its own owner). */
export function checkExportTo(
  out: Issues,
  path: Path,
  v: Json | undefined,
  namespace: string,
  drWithSelector = false,
): void {
  const list = arr(v);
  if (!list || list.length === 0) return;
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (typeof e !== 'string') return;
    const key = e === '.' ? namespace : e;
    if (seen.has(key)) {
      out.error(
        [...path, i],
        key !== e
          ? `exportTo lists both "." and the resource's own namespace ${quote(namespace)}`
          : `exportTo lists ${quote(e)} twice`,
        'Remove the repeated entry.',
      );
      return;
    }
    if (key !== '*' && key !== '~' && !isK8sLabel(key)) {
      out.error([...path, i], `exportTo entry ${quote(e)} is not ".", "*", "~" or a namespace name`);
      return;
    }
    seen.add(key);
  });
  if (drWithSelector && seen.size > 0) {
    if (!seen.has(namespace))
      out.error(
        path,
        'a DestinationRule with a workloadSelector cannot be exported beyond its own namespace',
        'Set exportTo: ["."] or remove exportTo.',
      );
    else if (seen.size > 1)
      out.error(
        path,
        'a DestinationRule with a workloadSelector can only be exported to its own namespace',
        'Set exportTo: ["."].',
      );
  }
  if (seen.has('*') && list.length > 1)
    out.error(
      path,
      'exportTo combines "*" with other entries',
      'Use "*" alone: it already exports to every namespace.',
    );
  if (seen.has('~') && list.length > 1)
    out.error(path, 'exportTo combines "~" (no one) with other entries', 'Use "~" alone, or drop it.');
}

// ---- protocols -----------------------------------------------------------------------------------------

const PROTOCOLS = [
  'HTTP',
  'HTTPS',
  'GRPC',
  'GRPC-WEB',
  'HTTP2',
  'HTTP_PROXY',
  'TCP',
  'TLS',
  'UDP',
  'MONGO',
  'REDIS',
  'MYSQL',
];

export function protocolKnown(p: string): boolean {
  return PROTOCOLS.includes(p.toUpperCase());
}
export function isHttpProtocol(p: string): boolean {
  return ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY'].includes(p.toUpperCase());
}
export function isTlsProtocol(p: string): boolean {
  return ['HTTPS', 'TLS'].includes(p.toUpperCase());
}

export function portError(n: number): string | null {
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? null : `port ${n} is not in the range 1..65535`;
}

/** A unix domain socket path (after "unix://"): absolute, not a directory, or an abstract "@name". */
export function unixPathError(p: string): string | null {
  if (p === '') return 'the unix socket path is empty';
  if (p.startsWith('@')) return null;
  if (!p.startsWith('/') || p.endsWith('/')) return `${quote(p)} is not an absolute path to a file`;
  return null;
}

// ---- HTTP headers --------------------------------------------------------------------------------------

export const HEADER_NAME = /^[-_A-Za-z0-9]+$/;

export function isJwtClaimRoute(name: string): boolean {
  return /^@request\.auth\.claims(\.[^.[\]]+)+$/.test(name) || /^@request\.auth\.claims(\[[^[\]]+\])+$/.test(name);
}

/** Envoy header value: no control characters, and every "%" is "%%" or opens a complete %VARIABLE% or
 *  %VARIABLE(args)% expression (args: a bare string, or a JSON array of strings), as Envoy's header parser reads it. */
export function headerValueError(v: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000A-\u001F\u007F]/.test(v)) return `header value ${quote(v)} contains control characters`;
  type State = 'literal' | 'name' | 'arrayOrArg' | 'string' | 'quoted' | 'delimiter' | 'argsEnd' | 'varEnd';
  let state: State = 'literal';
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    switch (state) {
      case 'literal':
        if (c !== '%') break;
        if (i + 1 >= v.length)
          return `header value ${quote(v)} ends with a lone "%" (write "%%" for a literal percent sign)`;
        if (v[i + 1] === '%') {
          i++;
          break;
        }
        state = 'name';
        break;
      case 'name':
        if (c === '%') state = 'literal';
        else if (c === '(') state = 'arrayOrArg';
        break;
      case 'arrayOrArg':
        if (c === '[') state = 'string';
        else if (c !== ' ') state = 'quoted'; // a bare argument, read up to ")"
        break;
      case 'string':
        if (c === '"') state = 'quoted';
        else if (c !== ' ')
          return `header value ${quote(v)}: a %VARIABLE([...])% argument list must hold quoted strings`;
        break;
      case 'quoted':
        if (c === '\\') {
          if (i + 1 >= v.length) return `header value ${quote(v)} ends inside an escape`;
          i++;
        } else if (c === ')') state = 'varEnd';
        else if (c === '"') state = 'delimiter';
        break;
      case 'delimiter':
        if (c === ',') state = 'string';
        else if (c === ']') state = 'argsEnd';
        else if (c !== ' ') return `header value ${quote(v)}: expected "," or "]" in a %VARIABLE([...])% argument list`;
        break;
      case 'argsEnd':
        if (c === ')') state = 'varEnd';
        else if (c !== ' ') return `header value ${quote(v)}: expected ")" after a %VARIABLE([...])% argument list`;
        break;
      case 'varEnd':
        if (c === '%') state = 'literal';
        else if (c !== ' ') return `header value ${quote(v)}: expected "%" to close a %VARIABLE(...)% expression`;
        break;
    }
  }
  if (state !== 'literal')
    return `header value ${quote(v)} has an unterminated %VARIABLE% expression (write "%%" for a literal percent sign)`;
  return null;
}

/** RE2 (what Envoy uses) has no look-around or back-references; those are rejected. */
export function regexError(re: string, where: string): string | null {
  if (re === '') return `${where}: the regex is empty`;
  if (re.length > 1024) return `${where}: the regex is longer than 1024 characters`;
  if (/\(\?<?[=!]/.test(re))
    return `${where}: regex ${quote(re)} uses look-around, which RE2 (Envoy's regex engine) does not support`;
  if (/(^|[^\\])\\[1-9]/.test(re))
    return `${where}: regex ${quote(re)} uses a back-reference, which RE2 (Envoy's regex engine) does not support`;
  // Syntax RE2 has and JavaScript lacks: when present, JavaScript cannot judge the pattern.
  if (/\(\?P?<|\(\?[imsU-]+[):]|\\[AzCQEpP]|\[\[:/.test(re)) return null;
  try {
    new RegExp(re);
  } catch (e) {
    const why =
      e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : 'syntax error';
    return `${where}: regex ${quote(re)} does not compile (${why})${/^\*|[^\\.)\]]\*\*/.test(re) ? '; it looks like a glob: in a regex "*" repeats the previous item (".*" matches anything)' : ''}`;
  }
  return null;
}

/** Reads `{exact|prefix|regex: …}`; returns which kind is set and its value. */
export function stringMatch(v: Json | undefined): { kind: 'exact' | 'prefix' | 'regex'; value: string } | null {
  const m = obj(v);
  if (!m) return null;
  for (const kind of ['exact', 'prefix', 'regex'] as const) {
    if (typeof m[kind] === 'string') return { kind, value: m[kind] };
  }
  return null;
}
