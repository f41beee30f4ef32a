// Test harness: run the engine on in-memory YAML files, and ESLint-style rule tables
// (valid and invalid cases, expected findings, expected fixed output).
import { analyze, type ReportedMessage } from '../../src/engine.js';
import { buildWorkspace, isKustomizationFile, type InputFile } from '../../src/manifests/workspace.js';
import { readsAlike } from './differential.js';
import { applyFixes } from '../../src/fixes/apply.js';
import { parseReviewConfig, emptyConfig, type ReviewConfig } from '../../src/config/config.js';
import { applyMeshConfig, defaultMeshSettings, type MeshSettings } from '../../src/mesh/settings.js';
import type { JsonObject } from '../../src/manifests/resource.js';
import type { Finding } from '../../src/types.js';
import type { Rule } from '../../src/rules/rule.js';
import { ruleById } from '../../src/rules/index.js';
import { SEVERITY_RANK } from '../../src/types.js';
import { placeholdersOf } from '../../src/util/messages.js';

export interface RunOptions {
  /** MeshConfig fields, merged over Istio's defaults. */
  mesh?: JsonObject;
  /** The text of a .istio-review.yaml. */
  config?: string;
  istioVersion?: string;
}

/** Strip the common leading indentation so fixtures can be written indented in test files. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '\n')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export function settingsFor(opts: RunOptions): { settings: MeshSettings; config: ReviewConfig } {
  let config = emptyConfig();
  if (opts.config) {
    const parsed = parseReviewConfig('.istio-review.yaml', opts.config);
    if (parsed.errors.length > 0) throw new Error(`bad test config: ${parsed.errors.map((e) => e.message).join('; ')}`);
    config = parsed.config;
  }
  let settings = defaultMeshSettings();
  if (opts.istioVersion ?? config.istioVersion) settings.istioVersion = (opts.istioVersion ?? config.istioVersion)!;
  if (config.mesh) settings = applyMeshConfig(settings, config.mesh);
  if (opts.mesh) settings = applyMeshConfig(settings, opts.mesh);
  return { settings, config };
}

// The files this test file's checks have held to the differential already (path and text): the readings are
// deterministic, so a file checked again (a fixed case re-checks its input, tables share files) is not read again.
const readAlike = new Set<string>();

/** Every finding the engine reports for these in-memory files (of `rules` only, when given). */
export function check(files: Record<string, string>, opts: RunOptions = {}, rules?: readonly Rule[]): Finding[] {
  const inputs: InputFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  // Every fixture is read alike by both ways of reading a file (see differential.ts).
  for (const f of inputs) {
    if (f.text === null || isKustomizationFile(f.path)) continue;
    const key = `${f.path}\0${f.text}`;
    if (readAlike.has(key)) continue;
    readsAlike(f.path, f.text);
    readAlike.add(key);
  }
  const { settings, config } = settingsFor(opts);
  const analysis = analyze(buildWorkspace(inputs, { defaultNamespace: config.defaultNamespace ?? undefined }), {
    settings,
    config,
    rules,
  });
  for (const [finding, message] of analysis.messages) reported.set(finding, message);
  return analysis.findings;
}

// The message id and data of each finding check() returned, for tests that match them.
const reported = new WeakMap<Finding, ReportedMessage>();

/** The message id and data a rule reported a finding with (undefined for internal errors). */
export function reportedMessage(finding: Finding): ReportedMessage | undefined {
  return reported.get(finding);
}

/** The catalogue's rule with this id (a typo fails the test file instead of silently testing nothing). */
export function rule(id: string): Rule {
  const found = ruleById(id);
  if (!found) throw new Error(`no rule "${id}" in the catalogue`);
  return found;
}

/** The catalogue's rules with these ids. */
export function rules(...ids: string[]): Rule[] {
  return ids.map(rule);
}

export interface ExpectedFinding {
  rule: string;
  /** Defaults to the case's only file. */
  file?: string;
  line: number;
  /** The id of the rule's message the finding must carry (see src/util/messages.ts). */
  messageId?: string;
  /** Values the message's data must hold (the report may carry more). */
  data?: Record<string, string | number>;
  /** Substring or pattern the message text must contain (where the filled text itself is the point, e.g. that literal braces survive). */
  message?: string | RegExp;
  /** Resource name the finding is on. */
  name?: string;
  /** Whether the finding must (true) or must not (false) carry a fix. */
  hasFix?: boolean;
}

export interface RuleCase extends RunOptions {
  name: string;
  files: Record<string, string>;
  /** Findings of the rules under test; [] for a valid case. */
  expect: ExpectedFinding[];
  /** File texts after applying every fix of the rules under test (only files that change). */
  fixed?: Record<string, string>;
}

/** Apply all fixes of the given findings to the in-memory files. */
export function applyAll(files: Record<string, string>, findings: readonly Finding[]): Record<string, string> {
  const out = { ...files };
  const byFile = new Map<string, NonNullable<Finding['fix']>[]>();
  for (const f of findings)
    if (f.fix) (byFile.get(f.fix.file) ?? byFile.set(f.fix.file, []).get(f.fix.file)!).push(f.fix);
  for (const [file, fixes] of byFile) out[file] = applyFixes(out[file]!, fixes).text;
  return out;
}

/** Findings at warning or above in `after` that were not in `before` (by fingerprint). */
export function newSeriousFindings(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const known = new Set(before.map((f) => f.fingerprint));
  return after.filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK.warning && !known.has(f.fingerprint));
}

/** ESLint-style table: each case lists the findings the rules under test must report, and the fixed output.
 *  Only the rules under test run (as RuleTester does); the re-check of fixed output runs every rule, so a fix that
 *  brings up another rule's warning or error still fails the case. */
export function ruleTable(underTest: Rule | readonly Rule[], cases: RuleCase[]): void {
  const tested: readonly Rule[] = Array.isArray(underTest) ? underTest : [underTest as Rule];
  const ids = new Set(tested.map((r) => r.id));
  describe([...ids].join(', '), () => {
    for (const c of cases) {
      test(c.name, () => {
        const got = check(c.files, c, tested).filter((f) => ids.has(f.rule));
        const onlyFile = Object.keys(c.files).length === 1 ? Object.keys(c.files)[0] : undefined;
        const describeF = (f: { rule: string; file?: string; line: number }) =>
          `${f.rule} @ ${f.file ?? onlyFile}:${f.line}`;
        expect(got.map(describeF).sort()).toEqual(c.expect.map(describeF).sort());
        // A report's data holds exactly what its message shows: nothing a reader of the catalogue cannot see.
        for (const g of got) {
          const m = reportedMessage(g);
          const template = m && tested.find((r) => r.id === g.rule)?.messages?.[m.messageId];
          if (m && template !== undefined)
            expect(`${g.rule}/${m.messageId}: ${Object.keys(m.data).sort().join(', ')}`).toBe(
              `${g.rule}/${m.messageId}: ${placeholdersOf(template).sort().join(', ')}`,
            );
        }
        for (const e of c.expect) {
          const match = got.find((g) => g.rule === e.rule && g.line === e.line && g.file === (e.file ?? onlyFile));
          if (e.message !== undefined) {
            if (typeof e.message === 'string') expect(match?.message).toContain(e.message);
            else expect(match?.message).toMatch(e.message);
          }
          if (e.messageId !== undefined) expect(match && reportedMessage(match)?.messageId).toBe(e.messageId);
          if (e.data !== undefined) expect(match && reportedMessage(match)?.data).toMatchObject(e.data);
          if (e.name !== undefined) expect(match?.resource?.name).toBe(e.name);
          if (e.hasFix !== undefined) expect(Boolean(match?.fix)).toBe(e.hasFix);
        }
        if (c.fixed) {
          const after = applyAll(c.files, got);
          for (const [file, text] of Object.entries(c.fixed)) expect(after[file]).toBe(text);
          const recheck = check(after, c);
          const fixedPrints = new Set(got.filter((f) => f.fix).map((f) => f.fingerprint));
          expect(recheck.filter((f) => fixedPrints.has(f.fingerprint)).map(describeF)).toEqual([]);
          expect(newSeriousFindings(check(c.files, c), recheck).map((f) => `${describeF(f)}: ${f.message}`)).toEqual(
            [],
          );
        }
      });
    }
  });
}
