// What a rule is: its metadata (stable id, severity, Istio/Kiali code, docs) next to its check,
// as ESLint does it. A rule reads the MeshView and reports; it never does I/O.
import type { Severity } from '../types.js';
import type { MeshView } from '../mesh/mesh-view.js';
import type { Path, Resource } from '../manifests/resource.js';
import type { FixEdit } from '../fixes/edits.js';

export interface RuleMeta {
  /** Stable, readable id: "se-static-without-endpoints". Never renamed once released. */
  id: string;
  severity: Severity;
  /** `istioctl analyze` code when the finding is the equivalent of one. */
  istioCode: string | null;
  kialiCode?: string | null;
  /** One line: what the rule catches. */
  title: string;
  /** Whether the rule can offer a fix (some findings of a fixable rule may still have none). */
  fixable: boolean;
  /** Group for docs and code layout: "service-entry", "virtual-service", … */
  group: string;
}

export interface Report {
  resource: Resource;
  /** The offending field, relative to the resource (e.g. ['spec','resolution']); [] for the whole object. */
  path: Path;
  message: string;
  /** What the finding is about, by value (host, port, name): keeps fingerprints stable when lines move. */
  subject?: string;
  /** A YAML edit that fixes the finding; turned into line replacements by the engine. */
  fix?: FixEdit | null;
  /** The resource `fix` edits when that is not `resource` (e.g. the ServiceEntry whose exportTo hides a host). */
  fixTarget?: Resource;
}

export interface RuleContext {
  mesh: MeshView;
  report(r: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
