// Hostile and broken input: every file gets a clear finding naming it (and its line), never a crash, a hang or
// a stack trace, and never hides the findings of other files. Runs the built CLI (dist/cli.js, as users run it,
// with worker threads on and off) and the in-process engine on the same files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../src/engine.js';
import { buildWorkspace } from '../../src/manifests/workspace.js';
import { findManifestFiles, readManifestFiles } from '../../src/manifests/load.js';
import { ruleById } from '../../src/rules/index.js';
import { sanitizeForLog } from '../../src/util/escape.js';
import { builtFile, ensureBuilt } from '../support/built.js';
import { hostileCases, REAL_PROBLEM, REAL_PROBLEM_FILE, STATIC_SE, STATIC_SE_FILE, type HostileCase } from './cases.js';

const CLI = builtFile('cli.js');
const TIME_BOUND_MS = 30_000;
const HAS_STATIC_RULE = ruleById('se-static-without-endpoints') !== undefined;

interface CliFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  endLine: number;
  message: string;
}
interface CliRun {
  status: number | null;
  findings: CliFinding[];
  stdout: string;
  stderr: string;
  ms: number;
}

let tmp: string;
const cases = hostileCases();

function write(dir: string, file: string, content: string | Buffer): string {
  fs.mkdirSync(dir, { recursive: true });
  const p = path.join(dir, file);
  fs.writeFileSync(p, content);
  return p;
}

function writeRealProblems(dir: string): void {
  write(dir, REAL_PROBLEM_FILE, REAL_PROBLEM);
  write(dir, STATIC_SE_FILE, STATIC_SE);
}

function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], {
    encoding: 'utf8',
    timeout: TIME_BOUND_MS,
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const ms = Date.now() - t0;
  let findings: CliFinding[] = [];
  if (args.includes('json') && r.status !== null && r.status !== 2)
    findings = (JSON.parse(r.stdout) as { findings: CliFinding[] }).findings;
  return { status: r.status, findings, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms };
}

/** What every CLI run must look like, whatever the input. */
function expectWellBehaved(run: CliRun): void {
  expect(run.ms).toBeLessThan(TIME_BOUND_MS);
  expect([0, 1]).toContain(run.status);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(run.stderr).not.toMatch(/internal error/i);
  expect(run.findings.filter((f) => f.rule === 'internal-error').map((f) => f.message)).toEqual([]);
}

function expectRealProblems(findings: readonly { rule: string; file: string; line: number }[], dir: string): void {
  expect(findings).toContainEqual(
    expect.objectContaining({ rule: 'unknown-istio-kind', file: path.join(dir, REAL_PROBLEM_FILE), line: 2 }),
  );
  if (HAS_STATIC_RULE)
    expect(
      findings.some((f) => f.rule === 'se-static-without-endpoints' && f.file === path.join(dir, STATIC_SE_FILE)),
    ).toBe(true);
}

function expectCaseFindings(
  c: HostileCase,
  findings: readonly { rule: string; severity: string; file: string; line: number }[],
  dir: string,
): void {
  const file = path.join(dir, c.file);
  const mine = findings.filter((f) => f.file === file);
  for (const e of c.expect) {
    const match = mine.find((f) => f.rule === e.rule && (e.line === undefined || f.line === e.line));
    if (!match)
      throw new Error(
        `${c.name}: expected ${e.rule}${e.line ? ` at line ${e.line}` : ''} on ${c.file}, got ${JSON.stringify(mine.map((f) => `${f.rule}@${f.line}`))}`,
      );
  }
  if (c.expect.length === 0) expect(mine.filter((f) => f.severity !== 'info')).toEqual([]);
}

const key = (f: { rule: string; file: string; line: number; endLine: number; message: string }) =>
  `${f.file}:${f.line}-${f.endLine} ${f.rule} ${f.message}`;

beforeAll(ensureBuilt, 120_000);
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-hostile-'));
  const all = path.join(tmp, 'all');
  cases.forEach((c, i) => {
    const solo = path.join(tmp, `solo-${i}`);
    write(solo, c.file, c.content);
    writeRealProblems(solo);
    write(all, c.file, c.content);
  });
  writeRealProblems(all);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('each hostile file beside a file with a real problem', () => {
  test.each(cases.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
    const c = cases[i]!;
    const dir = path.join(tmp, `solo-${i}`);
    const run = runCli(['--format', 'json', dir]);
    expectWellBehaved(run);
    expectRealProblems(run.findings, dir);
    expectCaseFindings(c, run.findings, dir);
    // Every finding names a file and a real line of it.
    for (const f of run.findings) {
      expect(f.file.startsWith(dir)).toBe(true);
      expect(f.line).toBeGreaterThanOrEqual(1);
      expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    }

    // The in-process engine sees exactly what the CLI printed.
    const { files, origins } = findManifestFiles([dir]);
    const ws = buildWorkspace(readManifestFiles(files, { origins }));
    const inProcess = analyze(ws).findings;
    expect(inProcess.filter((f) => f.rule === 'internal-error')).toEqual([]);
    expect(inProcess.map(key).sort()).toEqual(run.findings.map(key).sort());
  });
});

describe('all hostile files together', () => {
  test('worker threads on and off: the same well-formed report, every file with its findings', () => {
    const dir = path.join(tmp, 'all');
    const parallel = runCli(['--format', 'json', dir], {
      ISTIO_REVIEW_PARALLEL_MIN_BYTES: '0',
      ISTIO_REVIEW_PARSE_THREADS: '1',
    });
    const serial = runCli(['--format', 'json', dir], { ISTIO_REVIEW_PARSE_THREADS: '0' });
    for (const run of [parallel, serial]) {
      expectWellBehaved(run);
      expectRealProblems(run.findings, dir);
      for (const c of cases) expectCaseFindings(c, run.findings, dir);
    }
    expect(parallel.stdout).toBe(serial.stdout);
  });

  test('text output: exit 0/1, no stack trace, every hostile file named', () => {
    const dir = path.join(tmp, 'all');
    const run = runCli(['--format', 'text', dir]);
    expectWellBehaved(run);
    for (const c of cases)
      if (c.expect.length > 0) expect(run.stdout).toContain(sanitizeForLog(path.join(dir, c.file)));
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  test('sarif output is well-formed JSON', () => {
    const run = runCli(['--format', 'sarif', path.join(tmp, 'all')]);
    expect([0, 1]).toContain(run.status);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('symbolic links met while walking a directory', () => {
  test('are read as their link text, never followed: not into /dev/zero, not to a file outside the tree', () => {
    const dir = path.join(tmp, 'links');
    writeRealProblems(dir);
    const outside = write(path.join(tmp, 'outside'), 'secret.yaml', REAL_PROBLEM.replace('payments', 'outside-secret'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    fs.symlinkSync(outside, path.join(dir, 'secret.yaml'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(path.dirname(outside), path.join(dir, 'sub', 'linked-dir'));
    const run = runCli(['--format', 'json', dir]);
    expectWellBehaved(run);
    expect(run.ms).toBeLessThan(TIME_BOUND_MS);
    expectRealProblems(run.findings, dir);
    expect(run.stdout).not.toContain('outside-secret');
    // Each link is a file whose text is its target: a YAML scalar, reported as not a manifest.
    expect(
      run.findings
        .filter((f) => f.rule === 'not-a-manifest')
        .map((f) => path.basename(f.file))
        .sort(),
    ).toEqual(['secret.yaml', 'zero.yaml']);
  });

  test('a path named on the command line may be a link, but only to a regular file', () => {
    const dir = path.join(tmp, 'named');
    fs.mkdirSync(dir, { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    const run = runCli(['--format', 'json', path.join(dir, 'zero.yaml')]);
    expectWellBehaved(run);
    expect(run.findings).toContainEqual(
      expect.objectContaining({ rule: 'unreadable-file', file: path.join(dir, 'zero.yaml') }),
    );
  });
});
