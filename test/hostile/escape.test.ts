// Names, namespaces, hosts and file names reach the CLI's text output (the Action's log). Whatever a manifest
// holds, no output line may start a workflow command (`::…`, `##[…`) or carry raw control characters.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logLine, sanitizeForLog } from '../../src/util/escape.js';
import { builtFile, ensureBuilt } from '../support/built.js';

const CLI = builtFile('cli.js');
// Control characters other than the newline that separates output lines, C1 controls, bidi/zero-width formatting.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200c-\u200f\u2028-\u202e\u2060-\u2069]/; // U+200B is what logLine puts between "::"

const HOSTILE = `apiVersion: networking.istio.io/v1
kind: ServiceEnrty
metadata:
  name: "x\`\`\`\\n@admins <img src=x onerror=alert(1)>"
  namespace: "::add-mask::secret"
  annotations:
    note: "\\r::set-output name=pwned::1"
spec:
  hosts: ["\\u001b[2J\\u009b31m\\u202eevil.example.com"]
---
apiVersion: networking.istio.io/v1
kind: "\\n::error file=a.yaml::forged\\r\\n##[warning]forged"
metadata:
  name: "\\u2028::stop-commands::abc"
  namespace: shop
`;

describe('log escaping', () => {
  let dir: string;
  beforeAll(ensureBuilt, 120_000);
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-review-escape-'));
    fs.writeFileSync(path.join(dir, 'evil.yaml'), HOSTILE);
    fs.writeFileSync(path.join(dir, '::warning file=x::hi.yaml'), HOSTILE);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the CLI text output of hostile names cannot start a workflow command or carry control characters', () => {
    // Relative paths, so the file named like a workflow command starts its output line.
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'text', '.'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of [...lines, ...r.stderr.split('\n')]) {
      expect(l).not.toMatch(/^\s*::/);
      expect(l).not.toMatch(/^\s*##\[/);
      expect(l).not.toMatch(RAW_CONTROL);
    }
    // The values are still there, readable as text.
    expect(r.stdout).toContain('x```\\u000a@admins <img src=x onerror=alert(1)>');
    expect(r.stdout).toContain('ServiceEnrty');
    expect(lines).toContain(' :\u200b:warning file=x::hi.yaml');
  });

  test.each([
    ['::set-output name=a::b', ' :\u200b:set-output name=a::b'],
    ['  ::add-mask::x', '   :\u200b:add-mask::x'],
    ['##[error]x', ' #\u200b#[error]x'],
    ['a\nb', 'a\\u000ab'],
    ['a\r\n::x', 'a\\u000d\\u000a::x'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['\u009b31m', '\\u009b31m'],
    ['\u202eevil', '\\u202eevil'],
    ['tab\there', 'tab here'],
    ['plain text: fine', 'plain text: fine'],
  ])('logLine(%j) = %j', (input, expected) => {
    expect(logLine(input)).toBe(expected);
  });

  test('sanitizeForLog keeps ordinary Unicode', () => {
    expect(sanitizeForLog('café ☕ 東京')).toBe('café ☕ 東京');
  });
});

describe('comment text', () => {
  test('escapeMarkdown drops bidi and zero-width characters and keeps URLs and GH-123 from linking', async () => {
    const { escapeMarkdown } = await import('../../src/review/markdown.js');
    const s = escapeMarkdown('a\u202eb\u200bc\u2066d\ufeff https://evil.example www.evil.example GH-123 gh-7');
    expect(s).not.toMatch(/[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/);
    expect(s.startsWith('abcd ')).toBe(true);
    expect(s).not.toMatch(/https:\/\//);
    expect(s).not.toMatch(/\bwww\./);
    expect(s).not.toMatch(/\bGH-\d/i);
    expect(s.replace(/\u200d/g, '')).toBe('abcd https://evil.example www.evil.example GH-123 gh-7');
  });

  test('markers are read only from the trailing marker line, outside code fences', async () => {
    const { fingerprintsIn, isSummaryBody, trailingMarkers, withFixedNote, stripMarkers } =
      await import('../../src/review/markdown.js');
    expect(fingerprintsIn('text\n\n<!-- istio-review:fp=aaa --> <!-- istio-review:run=1-1 -->')).toEqual(['aaa']);
    expect(fingerprintsIn('<!-- istio-review:fp=aaa -->\nthen a reply')).toEqual([]);
    expect(fingerprintsIn('```suggestion\nx\n<!-- istio-review:fp=aaa -->')).toEqual([]); // an unclosed fence holds it
    expect(isSummaryBody('<!-- istio-review:summary -->\n## istio-review')).toBe(false);
    expect(isSummaryBody('## istio-review\n\n<!-- istio-review:summary --> <!-- istio-review:run=2-1 -->')).toBe(true);
    expect(
      trailingMarkers('x\n<!-- istio-review:fp=a -->\n<!-- istio-review:run=1-1 -->\n').map((m) => m.name),
    ).toEqual(['fp', 'run']);
    const fixed = withFixedNote('msg\n\n<!-- istio-review:fp=abc --> <!-- istio-review:run=1-1 -->', 'deadbeef');
    expect(fixed).toContain('Fixed in deadbeef');
    expect(fingerprintsIn(fixed)).toEqual(['abc']);
    expect(stripMarkers('a # <!-- istio-review:fp=x --> b <!--istio-review:summary-->')).toBe('a #  b ');
  });
});
