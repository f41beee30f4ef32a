// Findings per target, reported once per cause: each target is one mesh view; the same finding at the same source
// line from several targets is one finding naming them; a reference found only in another target is one info.
// Pure: the targets are already built.
import type { Finding } from '../types.js';
import { analyze, DOCS_BASE, fingerprintOf } from '../engine.js';
import type { MeshView } from '../mesh/mesh-view.js';
import { applyMeshConfig, type MeshSettings } from '../mesh/settings.js';
import { resolveHost } from '../mesh/hosts.js';
import { parseGatewayRef } from '../rules/analyzers/traffic/common.js';
import type { ReviewConfig } from '../config/config.js';
import type { JsonObject } from '../manifests/resource.js';
import { ruleById } from '../rules/index.js';
import type { TargetNote, TargetView } from './views.js';
import { inTargets as listNames } from '../output/text.js';

export interface TargetAnalysis {
  findings: Finding[];
  meshes: Map<string, MeshView>;
}

export function analyzeTargets(views: readonly TargetView[], notes: readonly TargetNote[], opts: { settings: MeshSettings; config: ReviewConfig }): TargetAnalysis {
  const meshes = new Map<string, MeshView>();
  const perTarget: { name: string; findings: Finding[] }[] = [];
  for (const v of [...views].sort((a, b) => (a.target.name < b.target.name ? -1 : a.target.name > b.target.name ? 1 : 0))) {
    const settings = v.target.mesh ? applyMeshConfig(opts.settings, v.target.mesh as JsonObject) : opts.settings;
    const { mesh, findings } = analyze(v.workspace, { settings, config: opts.config });
    meshes.set(v.target.name, mesh);
    perTarget.push({ name: v.target.name, findings });
  }
  if (perTarget.length > 1) {
    for (const t of perTarget) t.findings = t.findings.map((f) => elsewhere(f, t.name, meshes) ?? f);
  }
  const merged = new Map<string, Finding>();
  for (const t of perTarget) {
    const ordinal = new Map<string, number>();
    for (const f of t.findings) {
      const base = `${f.rule}|${f.file}|${f.line}|${f.endLine}|${f.resource?.kind ?? ''}`;
      const n = ordinal.get(base) ?? 0;
      ordinal.set(base, n + 1);
      const key = `${base}|${n}`;
      const seen = merged.get(key);
      if (seen) { if (!seen.targets!.includes(t.name)) seen.targets!.push(t.name); }
      else merged.set(key, { ...f, targets: [t.name] });
    }
  }
  const out = [...merged.values()];
  for (const n of notes) {
    const rule = ruleById(n.rule)!;
    const level = opts.config.rules[n.rule];
    if (level === 'off') continue;
    out.push({
      rule: n.rule, severity: level ?? rule.severity, message: n.message, istioCode: null, kialiCode: null, resource: null,
      file: n.file, line: n.line, endLine: n.line, fix: null, subject: n.targets.join(','),
      fingerprint: fingerprintOf(n.rule, { kind: 'File', namespace: null, name: n.file }, n.targets.join(',')),
      docs: `${DOCS_BASE}${n.rule}.md`, targets: [...n.targets],
    });
  }
  return { findings: out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)), meshes };
}

/** A "not found" reference that another target defines: one info saying where, instead of a warning. */
function elsewhere(f: Finding, own: string, meshes: Map<string, MeshView>): Finding | null {
  const ns = f.resource?.namespace;
  if (!ns) return null;
  let found: (m: MeshView) => string | null;
  if (f.rule === 'vs-destination-host-not-found' || f.rule === 'dr-host-not-found') {
    const host = resolveHost(f.subject, ns);
    found = (m) => {
      const l = m.lookupHost(host, ns);
      const e = [...l.visible, ...l.hidden][0];
      return e ? (e.resource ? `${e.resource.kind} ${e.resource.namespace}/${e.resource.name}` : host) : null;
    };
  } else if (f.rule === 'vs-gateway-not-found') {
    const ref = parseGatewayRef(f.subject, ns);
    found = (m) => (m.gateway(ref.namespace, ref.name) ? `Gateway ${ref.namespace}/${ref.name}` : null);
  } else return null;
  const where: string[] = [];
  let what = '';
  for (const [name, m] of meshes) {
    if (name === own) continue;
    const hit = found(m);
    if (hit) { where.push(name); what ||= hit; }
  }
  if (where.length === 0) return null;
  const rule = ruleById('defined-in-other-target')!;
  return {
    ...f, rule: rule.id, severity: rule.severity, istioCode: null, kialiCode: null, fix: null, docs: `${DOCS_BASE}${rule.id}.md`,
    fingerprint: fingerprintOf(rule.id, f.resource, f.subject),
    message: `"${f.subject}" is defined only in target ${listNames(where)} (${what}), not in ${own}, where this object is applied: check that the other target is deployed to the same cluster, or define it here too.`,
  };
}
