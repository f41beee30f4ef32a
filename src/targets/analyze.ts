// Findings per target, reported once per cause: each target is one mesh view; the same finding at the same source
// line from several targets is one finding naming them; a reference found only in another target is one info.
// Pure: the targets are already built.
import type { Finding } from '../types.js';
import { analyze, DOCS_BASE, fingerprintOf } from '../engine.js';
import type { MeshView } from '../mesh/mesh-view.js';
import { applyMeshConfig, type MeshSettings } from '../mesh/settings.js';
import { resolveHost, serviceHost } from '../mesh/hosts.js';
import { parseGatewayRef } from '../rules/analyzers/traffic/common.js';
import type { ReviewConfig } from '../config/config.js';
import type { JsonObject } from '../manifests/resource.js';
import { ruleById } from '../rules/index.js';
import { targetMessage } from '../rules/input/targets.js';
import type { TargetNote, TargetView } from './views.js';
import { inTargets as listNames } from '../output/text.js';

export interface TargetAnalysis {
  findings: Finding[];
  meshes: Map<string, MeshView>;
}

export function analyzeTargets(
  views: readonly TargetView[],
  notes: readonly TargetNote[],
  opts: { settings: MeshSettings; config: ReviewConfig },
): TargetAnalysis {
  const meshes = new Map<string, MeshView>();
  const perTarget: { name: string; findings: Finding[] }[] = [];
  for (const v of [...views].sort((a, b) =>
    a.target.name < b.target.name ? -1 : a.target.name > b.target.name ? 1 : 0,
  )) {
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
      if (seen) {
        if (!seen.targets!.includes(t.name)) seen.targets!.push(t.name);
      } else merged.set(key, { ...f, targets: [t.name] });
    }
  }
  const out = mergeBundleCopies(
    [...merged.values()],
    new Set(views.filter((v) => v.target.kind === 'bundle').map((v) => v.target.name)),
  );
  for (const n of notes) {
    const rule = ruleById(n.rule)!;
    const level = opts.config.rules[n.rule];
    if (level === 'off') continue;
    out.push({
      rule: n.rule,
      severity: level ?? rule.severity,
      message: n.message,
      istioCode: null,
      kialiCode: null,
      resource: null,
      file: n.file,
      line: n.line,
      endLine: n.line,
      fix: null,
      subject: n.targets.join(','),
      fingerprint: fingerprintOf(n.rule, { kind: 'File', namespace: null, name: n.file }, n.targets.join(',')),
      docs: `${DOCS_BASE}${n.rule}.md`,
      targets: [...n.targets],
    });
  }
  return {
    findings: out.sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        a.line - b.line ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    ),
    meshes,
  };
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
  } else if (
    f.rule === 'route-backend-not-found' ||
    (f.rule === 'route-parent-not-found' && f.subject.startsWith('Service '))
  ) {
    // A Gateway API backendRef (or a mesh parentRef) to a Service: the subject is "[Service ]namespace/name".
    const [svcNs, svcName] = f.subject.replace(/^Service /, '').split('/') as [string, string];
    const host = serviceHost(svcName, svcNs);
    found = (m) =>
      m.exactHostEntries(host).some((e) => e.source === 'Service') ? `Service ${svcNs}/${svcName}` : null;
  } else if (f.rule === 'route-parent-not-found') {
    const [gwNs, gwName] = f.subject.split('/') as [string, string];
    found = (m) => (m.gateway(gwNs, gwName) ? `Gateway ${gwNs}/${gwName}` : null);
  } else return null;
  const where: string[] = [];
  let what = '';
  for (const [name, m] of meshes) {
    if (name === own) continue;
    const hit = found(m);
    if (hit) {
      where.push(name);
      what ||= hit;
    }
  }
  if (where.length === 0) return null;
  const rule = ruleById('defined-in-other-target')!;
  return {
    ...f,
    rule: rule.id,
    severity: rule.severity,
    istioCode: null,
    kialiCode: null,
    fix: null,
    docs: `${DOCS_BASE}${rule.id}.md`,
    fingerprint: fingerprintOf(rule.id, f.resource, f.subject),
    message: targetMessage('defined-in-other-target', 'definedElsewhere', {
      subject: f.subject,
      targets: listNames(where),
      definition: what,
      target: own,
    }),
  };
}

/** A generated bundle copies objects of other files: a finding on a copy that its source also has (same rule, object
 *  and subject) is the same cause, reported once at the source and naming the bundle's target too. */
function mergeBundleCopies(findings: Finding[], bundles: ReadonlySet<string>): Finding[] {
  if (bundles.size === 0) return findings;
  const onlyInBundles = (f: Finding) => (f.targets ?? []).every((t) => bundles.has(t));
  const atSource = new Map<string, Finding>();
  for (const f of findings) if (!onlyInBundles(f) && !atSource.has(f.fingerprint)) atSource.set(f.fingerprint, f);
  return findings.filter((f) => {
    const source = onlyInBundles(f) ? atSource.get(f.fingerprint) : undefined;
    if (!source) return true;
    for (const t of f.targets ?? []) if (!source.targets!.includes(t)) source.targets!.push(t);
    return false;
  });
}
