// What a pull request changes about what gets checked, compared with its base: suppression annotations it adds,
// rule levels and settings it changes in the config file, Helm charts it declares (whose templates/ then leave the
// view). Under `pull_request` the PR's own versions of these apply, so a PR could silence the check that reviews
// it; the summary lists every one, and with `allow-new-suppressions: false` each counts as a finding. Pure.
import type { Finding, Severity } from '../types.js';
import type { Workspace } from '../manifests/workspace.js';
import type { Resource } from '../manifests/resource.js';
import { locateIn } from '../manifests/locate.js';
import { describeResource, refOf } from '../manifests/resource.js';
import { IGNORE_ANNOTATION, ISTIO_SUPPRESS_ANNOTATION } from '../suppression.js';
import { emptyConfig, type ReviewConfig } from '../config/config.js';
import type { ChangeSet } from './diff.js';
import { DOCS_BASE, fingerprintOf } from '../engine.js';
import { own } from '../util/own.js';
import { newSuppressionMessage } from '../rules/review/index.js';

export const NEW_SUPPRESSION_RULE = 'new-suppression';

/** One change to what is checked. `text` is plain (not Markdown): whoever renders it escapes it. */
export interface Introduced {
  file: string;
  line: number;
  text: string;
  /** What it is about, by value (for the fingerprint). */
  subject: string;
  resource: Finding['resource'];
  /** It hides findings (a suppression); other changes are only listed. */
  suppresses: boolean;
}

const SUPPRESSING = [IGNORE_ANNOTATION, ISTIO_SUPPRESS_ANNOTATION];

function identity(r: Resource): string {
  return `${r.kind}\u0000${r.namespace ?? ''}\u0000${r.name}`;
}

/** Suppression annotations on head resources that the same resource at the base did not carry (with that value). */
export function introducedSuppressions(
  head: Pick<Workspace, 'resources'>,
  base: Pick<Workspace, 'resources'>,
): Introduced[] {
  const before = new Map<string, string>();
  for (const r of base.resources) {
    for (const a of SUPPRESSING) {
      const v = own(r.annotations, a);
      if (v !== undefined) before.set(`${identity(r)}\u0000${a}\u0000${v}`, v);
    }
  }
  const out: Introduced[] = [];
  const listed = new Set<string>(); // a resource several targets share is listed once
  for (const r of head.resources) {
    for (const a of SUPPRESSING) {
      const v = own(r.annotations, a);
      if (v === undefined || before.has(`${identity(r)}\u0000${a}\u0000${v}`)) continue;
      const span = locateIn(r, r.file, [...r.basePath, 'metadata', 'annotations', a]);
      const key = `${r.file.path}\u0000${span.line}\u0000${a}\u0000${v}`;
      if (listed.has(key)) continue;
      listed.add(key);
      out.push({
        file: r.file.path,
        line: span.line,
        resource: refOf(r),
        subject: `${a}=${v}`,
        suppresses: true,
        text: `${describeResource(r)} adds "${a}: ${v}", which hides findings on it.`,
      });
    }
  }
  return out;
}

/** Helm chart declarations the PR adds: every file under that folder's templates/ leaves the view. */
export function introducedCharts(changes: ChangeSet): Introduced[] {
  return changes.files
    .filter(
      (f) =>
        (f.status === 'added' || f.status === 'renamed' || f.status === 'copied') && /(^|\/)Chart\.yaml$/.test(f.path),
    )
    .map((f) => {
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '.';
      return {
        file: f.path,
        line: 1,
        resource: null,
        subject: `chart:${f.path}`,
        suppresses: true,
        text: `${f.path} is new: the files under ${dir === '.' ? '' : `${dir}/`}templates/ are no longer checked (they are Helm templates now).`,
      };
    });
}

const SEVERITY_ORDER = ['off', 'info', 'warning', 'error'];

/** Differences between the config the base branch has and the one this run uses (null: none at the base). */
export function configChanges(file: string, text: string, base: ReviewConfig | null, head: ReviewConfig): Introduced[] {
  const out: Introduced[] = [];
  const lineOf = (needle: RegExp): number => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => needle.test(l));
    return i < 0 ? 1 : i + 1;
  };
  const baseRules = base?.rules ?? {};
  const ids = new Set([...Object.keys(baseRules), ...Object.keys(head.rules)]);
  for (const id of [...ids].sort()) {
    const was = own(baseRules, id) ?? 'default';
    const now = own(head.rules, id) ?? 'default';
    if (was === now) continue;
    // A level that hides or softens findings is a suppression; one that raises them is only listed. ("default" is the
    // rule's own severity, which is at least info.)
    const rank = (l: string) => (l === 'default' ? 1 : SEVERITY_ORDER.indexOf(l));
    const lowers =
      now === 'off' ||
      (was !== 'default' && now !== 'default' && rank(now) < rank(was)) ||
      (was === 'default' && now === 'info');
    out.push({
      file,
      line: lineOf(new RegExp(`^\\s*["']?${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*:`)),
      resource: null,
      subject: `rule:${id}=${now}`,
      suppresses: lowers,
      text: `${file} sets rule ${id} to ${now} (the base branch: ${was}).`,
    });
  }
  const keys = ['istioVersion', 'defaultNamespace', 'mesh', 'meshConfigFile', 'external'] as const;
  const before = base ?? emptyConfig(); // no config file at the base: every setting at its default
  for (const k of keys) {
    const was = JSON.stringify(before[k]);
    const now = JSON.stringify(head[k]);
    if (was === now) continue;
    // Declaring things external makes "not found" findings about them go away: that one hides findings.
    out.push({
      file,
      line: lineOf(new RegExp(`^${k}\\s*:`)),
      resource: null,
      subject: `setting:${k}:${now}`,
      suppresses: k === 'external',
      text: `${file} changes "${k}" (what the checks assume about the mesh).`,
    });
  }
  return out;
}

/** Workflow files the PR changes: under `pull_request` they decide how (and whether) this check runs. */
export function changedWorkflows(changes: ChangeSet): Introduced[] {
  return changes.files
    .filter(
      (f) =>
        /^\.github\/workflows\//.test(f.path) || (f.basePath !== null && /^\.github\/workflows\//.test(f.basePath)),
    )
    .map((f) => ({
      file: f.path,
      line: 1,
      resource: null,
      subject: `workflow:${f.path}`,
      suppresses: false,
      text: `${f.path} is ${f.status === 'removed' ? 'removed' : 'changed'}: workflows decide how this check runs.`,
    }));
}

/** An introduced suppression as a finding at `severity` (allow-new-suppressions: false). */
export function introducedFinding(i: Introduced, severity: Severity): Finding {
  return {
    rule: NEW_SUPPRESSION_RULE,
    severity,
    istioCode: null,
    kialiCode: null,
    resource: i.resource,
    file: i.file,
    line: i.line,
    endLine: i.line,
    fix: null,
    message: newSuppressionMessage(i.text),
    subject: i.subject,
    fingerprint: fingerprintOf(
      NEW_SUPPRESSION_RULE,
      i.resource ?? { kind: 'File', namespace: null, name: i.file },
      i.subject,
    ),
    docs: `${DOCS_BASE}${NEW_SUPPRESSION_RULE}.md`,
  };
}
