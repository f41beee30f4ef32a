import type { Finding, Severity } from '../../src/types.js';
import { changedFile, type ChangeSet } from '../../src/review/diff.js';
import { anchorIsValid, placeFindings } from '../../src/review/placement.js';
import { classifyFindings } from '../../src/review/classify.js';
import { planThreads, type ExistingThread } from '../../src/review/threads.js';
import { codeBlock, commentBody, escapeMarkdown, fenceFor, fingerprintsIn, SUMMARY_MARKER } from '../../src/review/markdown.js';
import { summaryMarkdown } from '../../src/review/summary.js';

function finding(over: Partial<Finding> & { fingerprint: string }): Finding {
  return {
    rule: 'some-rule', severity: 'warning' as Severity, message: 'something is wrong', istioCode: null, kialiCode: null,
    resource: { kind: 'ServiceEntry', namespace: 'default', name: 'ext' }, file: 'a.yaml', line: 3, endLine: 3, fix: null,
    subject: 's', docs: 'https://example.com/docs/some-rule.md', ...over,
  };
}

// a.yaml: hunk 1..6, b.yaml: hunk 10..12; c.yaml changed without patch.
const changes: ChangeSet = {
  files: [
    changedFile('a.yaml', null, 'added', '@@ -0,0 +1,6 @@\n+a\n+b\n+c\n+d\n+e\n+f'),
    changedFile('b.yaml', 'b.yaml', 'modified', '@@ -10,3 +10,3 @@\n x\n-y\n+Y\n z'),
    changedFile('c.yaml', 'c.yaml', 'modified', undefined),
  ],
  truncated: false,
};
const link = (f: string, l: number) => `https://github.example/o/r/blob/sha/${f}#L${l}`;

describe('placement', () => {
  it('puts a fix whose whole range is in one hunk as a suggestion on exactly that range', () => {
    const f = finding({ fingerprint: 'f1', line: 2, fix: { file: 'a.yaml', startLine: 2, endLine: 4, text: 'B\nC', description: 'set b' } });
    const p = placeFindings([f], changes, { maxComments: 30, runId: 'r1', link });
    expect(p.inline).toHaveLength(1);
    const c = p.inline[0]!;
    expect(c).toMatchObject({ path: 'a.yaml', startLine: 2, line: 4, suggestion: true });
    expect(c.body).toContain('```suggestion\nB\nC\n```');
    expect(anchorIsValid(c, changes)).toBe(true);
  });

  it('sends no start_line for a one-line suggestion', () => {
    const f = finding({ fingerprint: 'f1', line: 2, fix: { file: 'a.yaml', startLine: 2, endLine: 2, text: 'B', description: 'b' } });
    const c = placeFindings([f], changes, { maxComments: 30, runId: 'r', link }).inline[0]!;
    expect(c.startLine).toBeUndefined();
    expect(c.line).toBe(2);
  });

  it('anchors a suggestion in the fix file when the fix is in another file than the finding', () => {
    const f = finding({ fingerprint: 'f1', file: 'z.yaml', line: 40, fix: { file: 'b.yaml', startLine: 11, endLine: 11, text: 'y2', description: 'x' } });
    const c = placeFindings([f], changes, { maxComments: 30, runId: 'r', link }).inline[0]!;
    expect(c).toMatchObject({ path: 'b.yaml', line: 11, suggestion: true });
    expect(c.body).toContain('Found in https://github.example/o/r/blob/sha/z.yaml#L40');
  });

  it('comments without a suggestion when the fix leaves the hunk but the finding line is in it', () => {
    const f = finding({ fingerprint: 'f1', file: 'b.yaml', line: 11, fix: { file: 'b.yaml', startLine: 11, endLine: 14, text: 'q', description: 'd' } });
    const c = placeFindings([f], changes, { maxComments: 30, runId: 'r', link }).inline[0]!;
    expect(c).toMatchObject({ path: 'b.yaml', line: 11, suggestion: false });
    expect(c.startLine).toBeUndefined();
    expect(c.body).not.toContain('```suggestion');
    expect(c.body).toContain('b.yaml#L11');
  });

  it('sends findings outside the diff, in files without a patch and in untouched files to the summary', () => {
    const p = placeFindings([
      finding({ fingerprint: 'o1', file: 'b.yaml', line: 2 }),
      finding({ fingerprint: 'o2', file: 'c.yaml', line: 1 }),
      finding({ fingerprint: 'o3', file: 'untouched.yaml', line: 1 }),
    ], changes, { maxComments: 30, runId: 'r', link });
    expect(p.inline).toEqual([]);
    expect(p.outside.map((o) => o.reason)).toEqual(['outside-diff', 'no-patch', 'not-in-pr']);
  });

  it('keeps at most max-comments inline, the most severe first', () => {
    const fs = [
      finding({ fingerprint: 'i', severity: 'info', line: 1 }),
      finding({ fingerprint: 'w', severity: 'warning', line: 2 }),
      finding({ fingerprint: 'e', severity: 'error', line: 5 }),
    ];
    const p = placeFindings(fs, changes, { maxComments: 2, runId: 'r', link });
    expect(p.inline.map((c) => c.finding.fingerprint)).toEqual(['e', 'w']);
    expect(p.outside).toEqual([{ finding: fs[0], reason: 'over-limit' }]);
  });

  it('rejects a reversed or cross-hunk anchor', () => {
    const base = { body: '', finding: finding({ fingerprint: 'x' }), suggestion: false };
    expect(anchorIsValid({ ...base, path: 'a.yaml', line: 2, startLine: 2 }, changes)).toBe(false);
    expect(anchorIsValid({ ...base, path: 'b.yaml', line: 12, startLine: 9 }, changes)).toBe(false);
    expect(anchorIsValid({ ...base, path: 'c.yaml', line: 1 }, changes)).toBe(false);
  });
});

describe('comment text', () => {
  it('makes the suggestion fence longer than any backtick run in the replacement', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ```` b')).toBe('`````');
    const block = codeBlock('x: "```"', 'suggestion');
    expect(block.startsWith('````suggestion\n')).toBe(true);
    expect(block.endsWith('\n````')).toBe(true);
  });

  it('escapes mentions, HTML and line breaks from manifest text', () => {
    const s = escapeMarkdown('ping @octocat <img src=x onerror=alert(1)>\n# title | x');
    expect(s).not.toMatch(/@octocat/);
    expect(s).toContain('@\u200doctocat');
    expect(s).not.toContain('<img');
    expect(s).not.toContain('\n');
    expect(s).toContain('\\|');
  });

  it('carries the fingerprint marker, readable back', () => {
    const body = commentBody({ finding: finding({ fingerprint: 'abc123', message: 'host "@team" <b>' }), suggestion: null, runId: '42-1' });
    expect(fingerprintsIn(body)).toEqual(['abc123']);
    expect(body).toContain('<!-- istio-review:run=42-1 -->');
    expect(body).not.toContain('<b>');
  });
});

describe('new versus pre-existing', () => {
  it('reports findings missing from the base, and base ones only on lines the PR added', () => {
    const head = [
      finding({ fingerprint: 'new', file: 'untouched.yaml' }),
      finding({ fingerprint: 'old-edited', file: 'b.yaml', line: 11 }),
      finding({ fingerprint: 'old-context', file: 'b.yaml', line: 10 }),
    ];
    const base = [finding({ fingerprint: 'old-edited', file: 'b.yaml', line: 11 }), finding({ fingerprint: 'old-context', file: 'b.yaml', line: 10 })];
    const c = classifyFindings(head, base, changes);
    expect(c.fresh.map((f) => f.fingerprint)).toEqual(['new']);
    expect(c.touchedPreExisting.map((f) => f.fingerprint)).toEqual(['old-edited']);
    expect(c.preExisting.map((f) => f.fingerprint)).toEqual(['old-context']);
  });
});

describe('earlier threads', () => {
  const thread = (over: Partial<ExistingThread>): ExistingThread => ({
    id: 'T', isResolved: false, isOutdated: false, path: 'a.yaml', line: 3, originalLine: 3, resolvedByBot: false,
    fingerprints: ['fp'], commentId: 1, commentBody: 'x', ...over,
  });
  const f = finding({ fingerprint: 'fp', line: 3 });

  it('does not post a fingerprint that has an open thread', () => {
    const p = planThreads([f], [f], [thread({})], () => true);
    expect(p.post).toEqual([]);
    expect(p.alreadyPosted).toEqual([f]);
  });

  it('leaves a thread a person resolved alone, and re-posts one the bot resolved when it comes back', () => {
    expect(planThreads([f], [f], [thread({ isResolved: true, resolvedByBot: false })], () => true).post).toEqual([]);
    expect(planThreads([f], [f], [thread({ isResolved: true, resolvedByBot: true })], () => true).post).toEqual([f]);
  });

  it('re-anchors an outdated thread only when the finding moved', () => {
    expect(planThreads([f], [f], [thread({ isOutdated: true, originalLine: 3 })], () => true).post).toEqual([]);
    expect(planThreads([f], [f], [thread({ isOutdated: true, originalLine: 9 })], () => true).post).toEqual([f]);
  });

  it('resolves threads whose finding is gone, unless the file no longer parses or left the view', () => {
    expect(planThreads([], [], [thread({})], () => true).resolve.map((t) => t.id)).toEqual(['T']);
    expect(planThreads([], [], [thread({})], () => false).resolve).toEqual([]);
    expect(planThreads([], [f], [thread({})], () => true).resolve).toEqual([]);
    expect(planThreads([], [], [thread({ isResolved: true })], () => true).resolve).toEqual([]);
  });
});

describe('summary', () => {
  const base = { where: new Map(), preExisting: { error: 0, warning: 1, info: 0 }, resolved: 0, notAnnotated: 0, notes: [], link, headSha: 'abcdef1234', runUrl: null };

  it('says all clear when nothing new was found', () => {
    const md = summaryMarkdown({ ...base, reported: [] });
    expect(md.startsWith(SUMMARY_MARKER)).toBe(true);
    expect(md).toContain('All clear');
    expect(md).toContain('0 errors, 1 warning, 0 infos');
  });

  it('lists findings with links and stays within the size limit, saying what it left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding({ fingerprint: `f${i}`, line: i + 1, message: 'x'.repeat(200) }));
    const md = summaryMarkdown({ ...base, reported: many });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toMatch(/and \d+ more not shown/);
    expect(md).toContain('(https://github.example/o/r/blob/sha/a.yaml#L1)');
  });
});
