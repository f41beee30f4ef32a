// Shared by the target tests: the real kustomize (never a stand-in), the settings of a fixture, running a check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findKustomize, type KustomizeTool } from '../../src/targets/render.js';
import { loadSettings } from '../../src/settings-loader.js';
import { checkPaths, type CheckOptions, type CheckResult } from '../../src/check.js';
import { SEVERITY_RANK, type Finding } from '../../src/types.js';

export const FIXTURES = 'test/fixtures/targets';

/** kustomize or kubectl, or a failure that says what is missing: these tests are not skipped without it. */
export function requireKustomize(): KustomizeTool {
  const tool = findKustomize();
  if (!tool)
    throw new Error(
      'These tests run the real kustomize: install `kustomize` or `kubectl` (kubectl kustomize). Neither was found on PATH.',
    );
  return tool;
}

export async function checkFixture(dir: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const config = path.join(dir, '.istio-review.yaml');
  const cwd = process.cwd();
  const loaded = loadSettings({ configFile: fs.existsSync(config) ? config : null });
  return checkPaths([dir], loaded, opts).finally(() => process.chdir(cwd));
}

/** Warnings and errors only, as "rule file:line [targets]". */
export function serious(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK.warning)
    .map((f) => `${f.rule} ${f.file}:${f.line} [${(f.targets ?? []).join(', ')}]`);
}

/** A copy of a fixture in a temporary directory, to edit. */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-targets-'));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}
