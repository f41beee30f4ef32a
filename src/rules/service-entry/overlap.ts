// Several ServiceEntries declaring the same host and port: conflicting protocols (IST0177), a wildcard entry
// and a concrete one disagreeing, and plain duplicates. Everything is indexed by maps, never compared pairwise
// across all entries.
import { defineRule, type Rule } from '../rule.js';
import type { Resource } from '../../manifests/resource.js';
import type { MeshView } from '../../mesh/mesh-view.js';
import { stringsOf } from '../../manifests/resource.js';
import type { ExportScope } from '../../mesh/export-to.js';
import { wildcardSuffixesOf } from '../../mesh/hosts.js';
import { isTcpFamily } from '../../mesh/protocol.js';
import {
  hostsOf,
  isHttpFamily,
  isTlsFamily,
  portsOf,
  scopeOf,
  serviceEntries,
  tlsOriginatedOn,
  type SePort,
} from './common.js';
import { quote } from '../../util/quote.js';

const group = 'service-entry';

interface Decl {
  se: Resource;
  host: string;
  hostIndex: number;
  port: SePort;
  /** Upper-cased protocol, '' when absent. */
  protocol: string;
  /** What the proxy makes of it: the TCP family (TCP, MONGO, MYSQL, REDIS) is one protocol, others stay as written. */
  treatedAs: string;
  scope: ExportScope;
}

function declarations(mesh: MeshView): Decl[] {
  const out: Decl[] = [];
  for (const se of serviceEntries(mesh)) {
    const scope = scopeOf(mesh, se);
    const hosts = hostsOf(se);
    const ports = portsOf(se).filter((p) => p.number !== null);
    hosts.forEach((host, hostIndex) => {
      for (const port of ports) {
        const protocol = (port.protocol ?? '').toUpperCase();
        out.push({ se, host, hostIndex, port, protocol, treatedAs: isTcpFamily(protocol) ? 'TCP' : protocol, scope });
      }
    });
  }
  return out;
}

function scopesOverlap(a: ExportScope, b: ExportScope): boolean {
  if (a.all) return b.all || b.namespaces.size > 0;
  if (b.all) return a.namespaces.size > 0;
  for (const ns of a.namespaces) if (b.namespaces.has(ns)) return true;
  return false;
}

function scopeSignature(s: ExportScope): string {
  return s.all ? '*' : [...s.namespaces].sort().join(',');
}

function label(se: Resource): string {
  return `${se.namespace}/${se.name}`;
}

function protoText(p: string): string {
  return p === '' ? 'no protocol (detected from the first bytes: HTTP by Host, else TCP)' : quote(p);
}

/** Istio's own grouping for IST0177: (scope, host as written, port number); `*` when exportTo is empty or has `*`. */
function istioScopes(se: Resource): string[] {
  const list = stringsOf(se.spec.exportTo) ?? [];
  if (list.length === 0 || list.includes('*')) return ['*'];
  return [...new Set(list.map((e) => (e === '.' ? se.namespace! : e)))];
}

export const overlapRules: Rule[] = [
  defineRule({
    id: 'se-conflicting-protocol',
    severity: 'warning',
    istioCode: 'IST0177',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'The same host and port declared with different protocols by ServiceEntries visible in the same namespaces.',
    messages: {
      conflictingProtocol:
        'Host {host} port {port} is declared with {protocol} here and with {otherProtocol} in ServiceEntry {otherEntry}: the sidecar builds one listener for the port and only one protocol wins, so traffic that expects the other one breaks (HTTP parsed as TLS or the reverse: resets, 503/404 NR). Declare the port with one protocol in all entries, or merge them.',
    },
    check(ctx) {
      const byKey = new Map<string, Decl[]>();
      const stars = new Map<string, Decl[]>();
      for (const d of declarations(ctx.mesh)) {
        const hp = `${d.host}|${d.port.number}`;
        for (const s of istioScopes(d.se)) {
          const key = `${s}|${hp}`;
          (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(d);
          if (s === '*') (stars.get(hp) ?? stars.set(hp, []).get(hp)!).push(d);
        }
      }
      const conflictOf = new Map<Resource, { mine: Decl; other: Decl }>();
      for (const [key, own] of byKey) {
        const hp = key.slice(key.indexOf('|') + 1);
        const all = key.startsWith('*|') ? own : [...own, ...(stars.get(hp) ?? [])];
        const firstByProtocol = new Map<string, Decl>();
        for (const d of all) if (!firstByProtocol.has(d.treatedAs)) firstByProtocol.set(d.treatedAs, d);
        if (firstByProtocol.size < 2) continue;
        for (const d of all) {
          if (conflictOf.has(d.se)) continue;
          for (const [p, other] of firstByProtocol)
            if (p !== d.treatedAs) {
              conflictOf.set(d.se, { mine: d, other });
              break;
            }
        }
      }
      for (const [se, { mine, other }] of conflictOf) {
        ctx.report({
          resource: se,
          path: ['metadata', 'name'],
          subject: `${mine.host}:${mine.port.number}`,
          messageId: 'conflictingProtocol',
          data: {
            host: quote(mine.host),
            port: String(mine.port.number),
            protocol: protoText(mine.protocol),
            otherProtocol: protoText(other.protocol),
            otherEntry: label(other.se),
          },
        });
      }
    },
  }),
  defineRule({
    id: 'se-wildcard-protocol-conflict',
    severity: 'warning',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'A wildcard ServiceEntry host and a concrete host it covers give the same port different protocols.',
    messages: {
      wildcardProtocolConflict:
        'Port {port} is {protocol} for {host} here but {wildcardProtocol} for {wildcardHost} in ServiceEntry {wildcardEntry}. Traffic to {host} uses this entry (the concrete host wins) and the rest of {wildcardHost} uses the wildcard one; if apps talk to both the same way, one of them breaks (TLS parsed as HTTP or the reverse: resets, "wrong version number"). Give the port the same protocol in both entries unless the difference is intended.',
    },
    check(ctx) {
      const decls = declarations(ctx.mesh);
      // "suffix|port" for "*.suffix" → the first wildcard declaration per (protocol, visibility): enough to name one
      // conflicting entry, and it keeps the work linear however many entries repeat the same wildcard.
      const wild = new Map<string, Map<string, Decl>>();
      for (const d of decls) {
        if (!d.host.startsWith('*.')) continue;
        const key = `${d.host.slice(2)}|${d.port.number}`;
        const reps = wild.get(key) ?? wild.set(key, new Map()).get(key)!;
        const rep = `${d.treatedAs}|${scopeSignature(d.scope)}`;
        if (!reps.has(rep)) reps.set(rep, d);
      }
      if (wild.size === 0) return;
      const done = new Set<string>();
      for (const d of decls) {
        if (d.host.startsWith('*')) continue;
        for (const suffix of wildcardSuffixesOf(d.host)) {
          for (const w of (wild.get(`${suffix}|${d.port.number}`) ?? new Map<string, Decl>()).values()) {
            if (w.se === d.se || w.treatedAs === d.treatedAs || !scopesOverlap(d.scope, w.scope)) continue;
            const key = `${label(d.se)}|${d.host}|${d.port.number}`;
            if (done.has(key)) continue;
            done.add(key);
            // TLS origination for the concrete host beside TLS passthrough for the rest is deliberate and works.
            if (isHttpFamily(d.protocol) && isTlsFamily(w.protocol) && tlsOriginatedOn(ctx.mesh, d.se, d.port.number))
              continue;
            ctx.report({
              resource: d.se,
              path:
                d.port.protocol !== null
                  ? ['spec', 'ports', d.port.index, 'protocol']
                  : ['spec', 'ports', d.port.index],
              subject: `${d.host}:${d.port.number}`,
              messageId: 'wildcardProtocolConflict',
              data: {
                port: String(d.port.number),
                protocol: protoText(d.protocol),
                host: quote(d.host),
                wildcardProtocol: protoText(w.protocol),
                wildcardHost: quote(w.host),
                wildcardEntry: label(w.se),
              },
            });
          }
        }
      }
    },
  }),
  defineRule({
    id: 'se-duplicate-host-port',
    severity: 'info',
    istioCode: null,
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'The same host and port declared with the same protocol by two ServiceEntries visible in the same namespaces.',
    messages: {
      duplicateHostPort:
        'Host {host} port {port} is also declared by ServiceEntry {otherEntry} with the same protocol: each caller uses only one of the entries (the one in its own namespace, else the oldest), so a change to the other (resolution, endpoints, addresses) can silently have no effect. Keep one entry.',
    },
    check(ctx) {
      const byHostPort = new Map<string, Decl[]>();
      for (const d of declarations(ctx.mesh)) {
        const key = `${d.host}|${d.port.number}|${d.protocol}`;
        (byHostPort.get(key) ?? byHostPort.set(key, []).get(key)!).push(d);
      }
      for (const list of byHostPort.values()) {
        if (list.length < 2) continue;
        const reported = new Set<Resource>();
        // Earlier declarations, one per visibility (most lists have a single one): keeps this linear.
        const earlier = new Map<string, Decl>();
        for (let i = 0; i < list.length; i++) {
          const d = list[i]!;
          let first: Decl | undefined;
          for (const o of earlier.values())
            if (o.se !== d.se && scopesOverlap(o.scope, d.scope)) {
              first = o;
              break;
            }
          const sig = scopeSignature(d.scope);
          if (!earlier.has(sig)) earlier.set(sig, d);
          if (!first || reported.has(d.se)) continue;
          reported.add(d.se);
          ctx.report({
            resource: d.se,
            path: ['spec', 'hosts', d.hostIndex],
            subject: `${d.host}:${d.port.number}`,
            messageId: 'duplicateHostPort',
            data: { host: quote(d.host), port: String(d.port.number), otherEntry: label(first.se) },
          });
        }
      }
    },
  }),
];
