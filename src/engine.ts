// The pure core: Workspace + settings → MeshView → Findings. No I/O, no environment, no clock.
import { createHash } from 'node:crypto';
import type { Finding, Severity } from './types.js';
import { SEVERITY_RANK } from './types.js';
import type { Workspace } from './manifests/workspace.js';
import { locateIn } from './manifests/locate.js';
import { refOf, type Resource } from './manifests/resource.js';
import { MeshView, defaultGroup, kindKey, type Shadowed } from './mesh/mesh-view.js';
import type { MeshSettings } from './mesh/settings.js';
import { defaultMeshSettings } from './mesh/settings.js';
import type { ReviewConfig } from './config/config.js';
import { emptyConfig } from './config/config.js';
import { ALL_RULES } from './rules/index.js';
import type { Report, Rule, RuleContext } from './rules/rule.js';
import { buildFix } from './fixes/edits.js';
import { suppressionOf } from './suppression.js';
import { isIgnoredNamespace } from './mesh/ignored-namespaces.js';
import { own } from './util/own.js';
import { formatMessage, type MessageData } from './util/messages.js';

export const DOCS_BASE = 'https://github.com/istio-review/istio-review/blob/main/docs/rules/';

export interface AnalyzeOptions {
  settings?: MeshSettings;
  config?: ReviewConfig;
  /** Run only these rules (tests); default every rule. */
  rules?: readonly Rule[];
}

export interface Analysis {
  mesh: MeshView;
  findings: Finding[];
  /** The message id and data each rule finding was reported with (tests match these; the JSON carries the text). */
  messages: ReadonlyMap<Finding, ReportedMessage>;
}

export interface ReportedMessage {
  messageId: string;
  data: MessageData;
}

export function analyze(ws: Workspace, opts: AnalyzeOptions = {}): Analysis {
  const settings = opts.settings ?? defaultMeshSettings();
  const config = opts.config ?? emptyConfig();
  const rules = opts.rules ?? ALL_RULES;
  const { kept, shadowed } = oneDefinitionEach(ws.resources);
  const mesh = new MeshView(kept, settings, config, shadowed);
  const findings: Reported[] = [];
  const messages = new Map<Finding, ReportedMessage>();
  const ruleIds = new Set(rules.map((r) => r.id));

  // A file problem has no resource; its fingerprint is the message and how often that message already occurred in
  // the file — values, not the line, so an edit above a broken line does not make its comment look new.
  const occurrences = new Map<string, number>();
  for (const p of ws.problems) {
    if (!ruleIds.has(p.rule)) continue;
    const rule = rules.find((r) => r.id === p.rule)!;
    const key = `${p.file}\u0000${p.rule}\u0000${p.message}`;
    const n = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, n);
    const finding = makeFinding(
      rule,
      { kind: 'File', namespace: null, name: p.file },
      p.file,
      p.line,
      p.endLine,
      p.message,
      n === 1 ? p.message : `${p.message} #${n}`,
      null,
      true,
    );
    messages.set(finding, { messageId: p.messageId, data: p.data });
    findings.push({ finding, source: null });
  }

  for (const rule of rules) {
    if (!readsSomethingPresent(rule, mesh)) continue;
    const ctx: RuleContext = {
      mesh,
      inputs: (kind, group) => declaredInput(rule, mesh, kind, group).filter((r) => !isIgnoredNamespace(r.namespace)),
      allInputs: (kind, group) => declaredInput(rule, mesh, kind, group),
      report: (rep: Report) => {
        // As in ESLint: a fix from a rule that does not say it is fixable is a bug in the rule (the docs and the
        // rule index would say it offers none). Thrown here, it becomes the rule's internal-error finding.
        if (rep.fix && !rule.fixable) throw new Error(`rule ${rule.id} reported a fix but is not marked fixable`);
        const r = rep.resource;
        // A rendered object (kustomize, a render command) reports at the source line its field comes from.
        const span = r.origin
          ? r.origin.locate(rep.path)
          : { file: r.file.path, ...locateIn(r, r.file, [...r.basePath, ...rep.path]) };
        const finding = makeFinding(
          rule,
          refOf(r),
          span.file,
          span.line,
          span.endLine,
          messageOf(rule, rep),
          rep.subject ?? '',
          fixOf(rep, r),
          false,
        );
        messages.set(finding, { messageId: rep.messageId, data: rep.data ?? {} });
        findings.push({ finding, source: r });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must not hide the other rules' findings; say so instead of crashing.
      const detail = err instanceof Error ? err.message : String(err);
      findings.push({
        source: null,
        finding: {
          rule: 'internal-error',
          severity: 'error',
          istioCode: null,
          kialiCode: null,
          resource: null,
          file: '-',
          line: 1,
          endLine: 1,
          fix: null,
          message: `Rule ${rule.id} failed and reported nothing (${detail}). Please report this as a bug.`,
          subject: rule.id,
          fingerprint: fingerprintOf('internal-error', null, rule.id),
          docs: `${DOCS_BASE}internal-error.md`,
        },
      });
    }
  }
  return { mesh, findings: finalize(mesh, findings, config.rules), messages };
}

/** The text of a report: its message template filled with its data. An unknown id or a missing value is a bug in the
 *  rule and throws (the rule's internal-error finding). */
function messageOf(rule: Rule, rep: Report): string {
  const template = own(rule.messages, rep.messageId);
  if (template === undefined)
    throw new Error(`rule ${rule.id} reported message "${rep.messageId}", which it does not declare`);
  return formatMessage(template, rep.data);
}

/** Does the mesh hold any resource the rule reads? A rule with no input present could only report nothing. */
function readsSomethingPresent(rule: Rule, mesh: MeshView): boolean {
  return rule.inputs === 'mesh' || rule.inputs.some((i) => mesh.byKind(i.kind, i.group).length > 0);
}

/** The resources of a kind the rule declares as an input. */
function declaredInput(rule: Rule, mesh: MeshView, kind: string, group: string | undefined): readonly Resource[] {
  const asked = kindKey(group ?? defaultGroup(kind), kind);
  const declared =
    rule.inputs === 'mesh' || rule.inputs.some((i) => kindKey(i.group ?? defaultGroup(i.kind), i.kind) === asked);
  if (!declared)
    throw new Error(`rule ${rule.id} read ${group ? `${group}/` : ''}${kind}, which it does not declare as an input`);
  return mesh.byKind(kind, group);
}

/** A finding as a rule reported it, beside the resource it is about: that resource's ignore annotations may
 *  suppress it (file problems and internal errors have none). */
interface Reported {
  finding: Finding;
  source: Resource | null;
}

/** The fix for a report: edits the source text, and for a rendered object only where the source holds the value. */
function fixOf(rep: Report, r: Resource): Finding['fix'] {
  if (!rep.fix) return null;
  const target = rep.fixTarget ?? r;
  if (!target.origin) return buildFix(target, rep.fix);
  const at = target.origin.fixAt(rep.fix.path);
  return at ? buildFix(at.resource, { ...rep.fix, path: at.path }) : null;
}

/** What `kubectl apply` of these objects leaves: one object per kind/namespace/name, the later in apply order.
 *  Identical definitions (a generated bundle beside its sources) lose nothing; of those the one in the file with
 *  the fewest objects (the source, not the bundle) is kept, so findings point where people edit. */
export function oneDefinitionEach(resources: readonly Resource[]): { kept: Resource[]; shadowed: Shadowed[] } {
  const byId = new Map<string, Resource[]>();
  for (const r of resources) {
    const id = `${r.group}|${r.kind}|${r.namespace ?? ''}|${r.name}`;
    const list = byId.get(id);
    if (list) list.push(r);
    else byId.set(id, [r]);
  }
  if (byId.size === resources.length) return { kept: [...resources], shadowed: [] };
  const perFile = new Map<string, number>();
  for (const r of resources) perFile.set(r.file.path, (perFile.get(r.file.path) ?? 0) + 1);
  const drop = new Set<Resource>();
  const shadowed: Shadowed[] = [];
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    const last = list[list.length - 1]!;
    const identical = list.every((r) => sameContent(r.obj, last.obj));
    const keep = identical ? [...list].sort((a, b) => perFile.get(a.file.path)! - perFile.get(b.file.path)!)[0]! : last;
    for (const r of list)
      if (r !== keep) {
        drop.add(r);
        if (!sameContent(r.obj, keep.obj)) shadowed.push({ lost: r, kept: keep });
      }
  }
  return { kept: resources.filter((r) => !drop.has(r)), shadowed };
}

function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function makeFinding(
  rule: Rule,
  resource: Finding['resource'],
  file: string,
  line: number,
  endLine: number,
  message: string,
  subject: string,
  fix: Finding['fix'],
  fileLevel: boolean,
): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    message,
    istioCode: rule.istioCode,
    kialiCode: rule.kialiCode ?? null,
    resource: fileLevel ? null : resource,
    file,
    line,
    endLine,
    fix,
    subject,
    fingerprint: fingerprintOf(rule.id, fileLevel ? { kind: 'File', namespace: null, name: file } : resource, subject),
    docs: `${DOCS_BASE}${rule.id}.md`,
  };
}

/** Stable across pushes: built from values (rule, resource identity, subject), never from line numbers. */
export function fingerprintOf(rule: string, resource: Finding['resource'], subject: string): string {
  const id = resource ? `${resource.kind}|${resource.namespace ?? ''}|${resource.name}` : '';
  return createHash('sha256').update(`${rule}\u0000${id}\u0000${subject}`).digest('hex').slice(0, 16);
}

/** Apply suppressions and configured levels, drop duplicates, sort by file, line, severity. */
function finalize(mesh: MeshView, raw: readonly Reported[], levels: Record<string, Severity | 'off'>): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const { finding: f, source: r } of raw) {
    // A reasonless ignore annotation cannot hide the finding that asks for its reason.
    if (r && f.rule !== 'suppression-without-reason' && suppressionOf(mesh, r).suppresses(f.rule, f.istioCode))
      continue;
    const level = own(levels, f.rule);
    if (level === 'off') continue;
    if (level) f.severity = level;
    const key = `${f.fingerprint}|${f.file}|${f.line}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
