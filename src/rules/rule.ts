// What a rule is: its metadata (stable id, severity, Istio/Kiali code, docs) next to its check,
// as ESLint does it. A rule reads the MeshView and reports; it never does I/O.
import type { Severity } from '../types.js';
import type { MeshView } from '../mesh/mesh-view.js';
import type { Path, Resource } from '../manifests/resource.js';
import type { FixEdit } from '../fixes/edits.js';
import type { MessageCatalogue, MessageData } from '../util/messages.js';

/** The rule groups, one per folder under src/rules/ (test/rules/rule-catalogue.test.ts checks a rule's group against the
 *  folder that defines it). */
export const RULE_GROUPS = [
  'input',
  'service-entry',
  'analyzers/traffic',
  'analyzers/workload',
  'validation/istio',
  'validation/schema',
  'review',
] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number];

/** A kind a rule reads, as MeshView.byKind names it (`group` defaults to the kind's usual API group). */
export interface RuleInput {
  kind: string;
  group?: string;
}

/** What a rule reads: some kinds (the engine skips the rule when the mesh holds none of them), or the whole mesh
 *  (`'mesh'`: every resource, or derived data such as workloads and hosts that many kinds feed). */
export type RuleInputs = readonly RuleInput[] | 'mesh';

export interface RuleMeta {
  /** Stable, readable id: "se-static-without-endpoints". Never renamed once released. */
  id: string;
  severity: Severity;
  /** `istioctl analyze` code when the finding is the equivalent of one. */
  istioCode: string | null;
  kialiCode?: string | null;
  /** One line: what the rule catches. */
  title: string;
  /** Whether the rule can offer a fix (some findings of a fixable rule may still have none). A report with a fix
   *  from a rule that is not fixable is a bug: the engine turns it into an internal-error finding. */
  fixable: boolean;
  /** Group for docs and code layout: the rule's folder under src/rules/. */
  group: RuleGroup;
  /** The kinds the rule reads. An empty list: the rule reads nothing from the mesh (its findings come from elsewhere). */
  inputs: RuleInputs;
  /** What the rule says, by message id (see util/messages.ts). A report names one of these and fills its placeholders;
   *  the rule's docs page lists them (generated), and tests match the id and the data. */
  messages: MessageCatalogue;
}

export interface Report {
  resource: Resource;
  /** The offending field, relative to the resource (e.g. ['spec','resolution']); [] for the whole object. */
  path: Path;
  /** One of the rule's `messages`. */
  messageId: string;
  /** The values for the message's placeholders: text as it appears in the message. */
  data?: MessageData;
  /** What the finding is about, by value (host, port, name): keeps fingerprints stable when lines move. */
  subject?: string;
  /** A YAML edit that fixes the finding; turned into line replacements by the engine. */
  fix?: FixEdit | null;
  /** The resource `fix` edits when that is not `resource` (e.g. the ServiceEntry whose exportTo hides a host). */
  fixTarget?: Resource;
}

export interface RuleContext {
  mesh: MeshView;
  /** The resources of a declared input kind that istioctl analyses: those outside Kubernetes' own namespaces
   *  (see mesh/ignored-namespaces.ts). Asking for a kind the rule did not declare is a bug and throws. */
  inputs(kind: string, group?: string): readonly Resource[];
  /** The resources of a declared input kind in every namespace, Kubernetes' own included (for rules that do not
   *  follow istioctl's namespace filter). Asking for a kind the rule did not declare throws. */
  allInputs(kind: string, group?: string): readonly Resource[];
  report(r: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
