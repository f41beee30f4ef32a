// DestinationRule traffic policies per port, as pilot computes them: a `portLevelSettings` entry for a port replaces
// `connectionPool`, `outlierDetection`, `loadBalancer` and `tls` wholesale (what it omits falls back to the default,
// it is not inherited from the level above), and outlier detection on a port whose traffic the proxy cannot read
// as HTTP counts connection failures only.
import { defineRule, type Rule } from '../../rule.js';
import {
  asArray,
  asObject,
  isObject,
  type Json,
  type JsonObject,
  type Path,
  type Resource,
} from '../../../manifests/resource.js';
import type { FixEdit, FixValue } from '../../../fixes/edits.js';
import { isWildcardHost, resolveHost } from '../../../mesh/hosts.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { GROUP } from './common.js';
import { declaredPorts, isHttpProtocol, isOpaqueProtocol, type DeclaredPort } from './port-protocol.js';
import { valueText } from '../../../util/quote.js';

const PORT_FIELDS = ['connectionPool', 'outlierDetection', 'loadBalancer', 'tls'] as const;
type PortField = (typeof PORT_FIELDS)[number];

/** What a port gets when the field is missing from its entry. */
const DEFAULT_OF: Record<PortField, string> = {
  connectionPool: "Envoy's default limits",
  outlierDetection: 'no outlier detection: failing endpoints are never ejected',
  loadBalancer: "Istio's default balancing (LEAST_REQUEST), no consistent hashing or locality settings",
  tls: 'no TLS settings (auto mTLS only)',
};

interface Inherited {
  value: Json;
  path: Path;
}

/** One port-level entry and the settings the level above it would have given that port. */
interface PortEntry {
  dr: Resource;
  port: number;
  entry: JsonObject;
  path: Path;
  above: Map<PortField, Inherited>;
}

function setFields(policy: JsonObject, path: Path): Map<PortField, Inherited> {
  const out = new Map<PortField, Inherited>();
  for (const f of PORT_FIELDS) if (isObject(policy[f])) out.set(f, { value: policy[f], path: [...path, f] });
  return out;
}

function entryFor(policy: JsonObject, port: number): { entry: JsonObject; index: number } | null {
  const pls = asArray(policy.portLevelSettings);
  for (let i = 0; i < pls.length; i++) {
    const p = pls[i];
    if (isObject(p) && asObject(p.port).number === port) return { entry: p, index: i };
  }
  return null;
}

/** Port entries of the top-level policy and of each subset's policy. A subset's policy for a port starts from the
 *  DestinationRule's (its port entry, else its top level), overridden by the subset's top-level fields. */
function portEntries(dr: Resource): PortEntry[] {
  const out: PortEntry[] = [];
  const top = asObject(dr.spec.trafficPolicy);
  const topPath: Path = ['spec', 'trafficPolicy'];
  const collect = (policy: JsonObject, path: Path, aboveFor: (port: number) => Map<PortField, Inherited>) => {
    asArray(policy.portLevelSettings).forEach((p, i) => {
      if (!isObject(p)) return;
      const port = asObject(p.port).number;
      if (typeof port !== 'number') return;
      out.push({ dr, port, entry: p, path: [...path, 'portLevelSettings', i], above: aboveFor(port) });
    });
  };
  collect(top, topPath, () => setFields(top, topPath));
  asArray(dr.spec.subsets).forEach((s, si) => {
    if (!isObject(s) || !isObject(s.trafficPolicy)) return;
    const sub = s.trafficPolicy;
    const subPath: Path = ['spec', 'subsets', si, 'trafficPolicy'];
    collect(sub, subPath, (port) => {
      const drEntry = entryFor(top, port);
      const base = drEntry
        ? setFields(drEntry.entry, [...topPath, 'portLevelSettings', drEntry.index])
        : setFields(top, topPath);
      for (const [f, v] of setFields(sub, subPath)) base.set(f, v);
      return base;
    });
  });
  return out;
}

function fixValue(v: Json): FixValue | null {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) {
    const items = v.map(fixValue);
    return items.every((x) => x !== null) ? items : null;
  }
  if (isObject(v)) {
    const o: Record<string, FixValue> = {};
    for (const [k, x] of Object.entries(v)) {
      const f = fixValue(x);
      if (f === null) return null;
      o[k] = f;
    }
    return o;
  }
  return null;
}

function copyFix(e: PortEntry, field: PortField, from: Inherited): FixEdit | null {
  const value = fixValue(from.value);
  if (value === null) return null;
  return {
    op: 'insert',
    path: e.path,
    key: field,
    value,
    description: `copy ${field} into the settings for port ${e.port}`,
  };
}

/** The protocols the host of a DestinationRule declares, per port (empty for wildcard or unknown hosts). */
function hostPorts(mesh: MeshView, dr: Resource): Map<number, DeclaredPort> {
  const host = typeof dr.spec.host === 'string' ? dr.spec.host : '';
  if (host === '' || dr.namespace === null) return new Map();
  const resolved = resolveHost(host, dr.namespace);
  if (isWildcardHost(resolved)) return new Map();
  return new Map(declaredPorts(mesh, resolved, dr.namespace).map((p) => [p.number, p]));
}

const originates = (tls: Json) => isObject(tls) && (tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL');

/** The inherited tls is TLS origination, and the port is declared plain HTTP: the app relies on the sidecar for TLS. */
function needsOriginatedTls(e: PortEntry, ports: Map<number, DeclaredPort>): DeclaredPort | null {
  const tls = e.above.get('tls');
  if (!tls || isObject(e.entry.tls) || !originates(tls.value)) return null;
  const declared = ports.get(e.port);
  return declared && isHttpProtocol(declared.protocol) ? declared : null;
}

/** The port and the DestinationRule a message names. */
const about = (e: PortEntry) => ({ port: e.port, namespace: String(e.dr.namespace), name: e.dr.name });

export const drPortLevelDropsSetting = defineRule({
  id: 'dr-port-level-drops-setting',
  severity: 'warning',
  istioCode: null,
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'DestinationRule' }],
  title:
    'A DestinationRule portLevelSettings entry omits a setting the level above sets: on that port it falls back to the default instead of being inherited.',
  messages: {
    portEntryDropsSetting:
      'The portLevelSettings entry for port {port} of DestinationRule {namespace}/{name} has no `{field}`, so the `{field}` at {from} does not apply on port {port}: ' +
      'a port-level entry replaces connectionPool, outlierDetection, loadBalancer and tls as a whole, and what it omits falls back to the default ({fallback}), not to the level above. ' +
      'Copy `{field}` into the entry if port {port} should have it too.',
  },
  check(ctx) {
    for (const dr of ctx.allInputs('DestinationRule')) {
      const entries = portEntries(dr);
      if (entries.length === 0) continue;
      const ports = hostPorts(ctx.mesh, dr);
      for (const e of entries) {
        for (const [field, from] of e.above) {
          if (isObject(e.entry[field])) continue;
          if (field === 'tls') {
            // Origination the port needs is dr-port-level-drops-tls's error. ISTIO_MUTUAL and DISABLE fall back to
            // auto mTLS, which does the same for workloads in the mesh; origination on a TLS port was double TLS.
            if (!originates(from.value) || needsOriginatedTls(e, ports)) continue;
            const declared = ports.get(e.port);
            if (declared && !isHttpProtocol(declared.protocol)) continue;
          }
          const fix = copyFix(e, field, from);
          ctx.report({
            resource: dr,
            path: e.path,
            subject: `${from.path.slice(0, -1).join('.')}|${e.port}|${field}`,
            messageId: 'portEntryDropsSetting',
            data: { ...about(e), field, from: from.path.join('.'), fallback: DEFAULT_OF[field] },
            fix,
          });
        }
      }
    }
  },
});

const DROPS_TLS =
  'The portLevelSettings entry for port {port} of DestinationRule {namespace}/{name} has no `tls`, so the `tls` (mode {mode}) at {from} does not apply on port {port}: ' +
  'a port-level entry replaces tls as a whole.';
const PLAIN_HTTP_LEAVES =
  'so applications send plain HTTP there and, without origination, it leaves the sidecar unencrypted: ' +
  'a TLS server answers with a reset or 400 ("plain HTTP request was sent to HTTPS port"). Copy `tls` into the entry.';

export const drPortLevelDropsTls = defineRule({
  id: 'dr-port-level-drops-tls',
  severity: 'error',
  istioCode: null,
  group: GROUP,
  fixable: true,
  inputs: [{ kind: 'DestinationRule' }],
  title:
    'A DestinationRule originates TLS at the top level, but a portLevelSettings entry for a plain-HTTP port omits tls: no TLS origination on that port.',
  messages: {
    portEntryDropsTls: `${DROPS_TLS} {declaredBy} declares port {port} as {protocol}, ${PLAIN_HTTP_LEAVES}`,
    portEntryDropsTlsOnTargetPort: `${DROPS_TLS} {declaredBy} declares port {port} as {protocol} (targetPort {targetPort}), ${PLAIN_HTTP_LEAVES}`,
  },
  check(ctx) {
    for (const dr of ctx.allInputs('DestinationRule')) {
      const entries = portEntries(dr);
      if (entries.length === 0) continue;
      const ports = hostPorts(ctx.mesh, dr);
      for (const e of entries) {
        const declared = needsOriginatedTls(e, ports);
        if (!declared) continue;
        const from = e.above.get('tls')!;
        const mode = asObject(from.value).mode;
        const dropped = {
          ...about(e),
          mode: valueText(mode),
          from: from.path.join('.'),
          declaredBy: declared.declaredBy,
          protocol: declared.protocol,
        };
        ctx.report({
          resource: dr,
          path: e.path,
          subject: `${from.path.slice(0, -1).join('.')}|${e.port}|tls`,
          ...(declared.targetPort !== null
            ? { messageId: 'portEntryDropsTlsOnTargetPort', data: { ...dropped, targetPort: declared.targetPort } }
            : { messageId: 'portEntryDropsTls', data: dropped }),
          fix: copyFix(e, 'tls', from),
        });
      }
    }
  },
});

const CONNECTION_FAILURES_ONLY =
  'the proxy forwards that traffic as TCP or passes TLS through without reading it, so only connection failures (connect errors, timeouts, resets) count toward ejection, never 5xx responses. ' +
  'Expect ejections only when endpoints stop accepting connections.';
const STATUS_FIELDS = ['consecutive5xxErrors', 'consecutiveGatewayErrors', 'consecutiveErrors'];

export const drOutlierDetectionNonHttp = defineRule({
  id: 'dr-outlier-detection-non-http',
  severity: 'info',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'DestinationRule' }],
  title:
    'Outlier detection on HTTP status codes for a port whose traffic the proxy forwards as TCP or passes through as TLS: only connection failures count.',
  messages: {
    statusCodesUnseenOnPort: `{fields} in DestinationRule {namespace}/{name} cannot see HTTP status codes on port {ports}: ${CONNECTION_FAILURES_ONLY}`,
    statusCodesUnseenOnPorts: `{fields} in DestinationRule {namespace}/{name} cannot see HTTP status codes on ports {ports}: ${CONNECTION_FAILURES_ONLY}`,
  },
  check(ctx) {
    for (const dr of ctx.allInputs('DestinationRule')) {
      const ports = hostPorts(ctx.mesh, dr);
      if (ports.size === 0) continue;
      const top = asObject(dr.spec.trafficPolicy);
      // Which outlierDetection applies on each declared port: its port entry's (when there is an entry), else the top level's.
      const byPath = new Map<string, { path: Path; od: JsonObject; ports: DeclaredPort[] }>();
      for (const p of ports.values()) {
        const entry = entryFor(top, p.number);
        const od = entry ? entry.entry.outlierDetection : top.outlierDetection;
        if (!isObject(od) || !isOpaqueProtocol(p.protocol)) continue;
        if (!STATUS_FIELDS.some((f) => typeof od[f] === 'number' && od[f] !== 0)) continue;
        const path: Path = entry
          ? ['spec', 'trafficPolicy', 'portLevelSettings', entry.index, 'outlierDetection']
          : ['spec', 'trafficPolicy', 'outlierDetection'];
        const key = path.join('.');
        const slot = byPath.get(key) ?? byPath.set(key, { path, od, ports: [] }).get(key)!;
        slot.ports.push(p);
      }
      for (const { path, od, ports: affected } of byPath.values()) {
        const fields = STATUS_FIELDS.filter((f) => typeof od[f] === 'number' && od[f] !== 0);
        const list = affected
          .sort((a, b) => a.number - b.number)
          .map((p) => `${p.number} (${p.protocol}, ${p.declaredBy})`)
          .join(', ');
        ctx.report({
          resource: dr,
          path,
          subject: `outlier|${path.join('.')}|${affected.map((p) => p.number).join(',')}`,
          messageId: affected.length > 1 ? 'statusCodesUnseenOnPorts' : 'statusCodesUnseenOnPort',
          data: {
            fields: fields.map((f) => `\`${f}\``).join(' and '),
            namespace: String(dr.namespace),
            name: dr.name,
            ports: list,
          },
        });
      }
    }
  },
});

export const drPortLevelRules: Rule[] = [drPortLevelDropsSetting, drPortLevelDropsTls, drOutlierDetectionNonHttp];
