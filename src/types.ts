// The vocabulary shared by every stage: what a finding is, what a fix is, who a resource is.
// These shapes are the CLI's JSON contract (see README "JSON output"); change them only additively.

export type Severity = 'error' | 'warning' | 'info';

/** Severity order, most severe first; used for sorting and thresholds. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export type FailOn = Severity | 'none';

/** True when a finding of `severity` reaches the `failOn` threshold. */
export function reachesThreshold(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[failOn];
}

export interface ResourceRef {
  kind: string;
  /** null for cluster-scoped kinds. */
  namespace: string | null;
  name: string;
}

/** "Replace lines startLine..endLine (1-based, inclusive) of file with text" — what a GitHub suggestion does.
 *  `text` holds the replacement lines joined by "\n", without a final newline; whoever applies it writes the
 *  file's own line ending. */
export interface Fix {
  file: string;
  startLine: number;
  endLine: number;
  text: string;
  /** What the fix does, in a few words ("set resolution: DNS"). */
  description: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The `istioctl analyze` code this finding is the equivalent of, else null. */
  istioCode: string | null;
  /** The Kiali validation code where one is equivalent, else null. */
  kialiCode: string | null;
  resource: ResourceRef | null;
  file: string;
  line: number;
  endLine: number;
  fix: Fix | null;
  /** What the finding is about, by value (a host, port, name) — part of the fingerprint, never a position. */
  subject: string;
  /** Stable identity across pushes: rule + resource + subject. */
  fingerprint: string;
  /** Link to the rule's docs page. */
  docs: string;
  /** The targets (what is applied together: a kustomize overlay, a declared target, the loose files) where the
   *  finding occurs; one finding names every target it occurs in. */
  targets?: string[];
}
