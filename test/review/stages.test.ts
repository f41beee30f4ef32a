import type { Finding } from '../../src/types.js';
import { changedFile, type ChangeSet } from '../../src/review/diff.js';
import { anchorIsValid, placeFindings } from '../../src/review/placement.js';
import { classifyFindings } from '../../src/review/classify.js';
import { fixIsObservable, planThreads, type ExistingThread } from '../../src/review/threads.js';
import {
  codeBlock,
  commentBody,
  escapeMarkdown,
  fenceFor,
  fingerprintsIn,
  isSummaryBody,
  resourceKey,
  summaryCommentBody,
  SUMMARY_MARKER,
} from '../../src/review/markdown.js';
import { summaryMarkdown } from '../../src/review/summary.js';

function finding(over: Partial<Finding> & { fingerprint: string }): Finding {
  return {
    rule: 'some-rule',
    severity: 'warning',
    message: 'something is wrong',
    istioCode: null,
    kialiCode: null,
    resource: { kind: 'ServiceEntry', namespace: 'default', name: 'ext' },
    file: 'a.yaml',
    line: 3,
    endLine: 3,
    fix: null,
    subject: 's',
    docs: 'https://example.com/docs/some-rule.md',
    ...over,
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
    const f = finding({
      fingerprint: 'f1',
      line: 2,
      fix: { file: 'a.yaml', startLine: 2, endLine: 4, text: 'B\nC', description: 'set b' },
    });
    const p = placeFindings([f], changes, { maxComments: 30, runId: 'r1', link });
    expect(p.inline).toHaveLength(1);
    const c = p.inline[0]!;
    expect(c).toMatchObject({ path: 'a.yaml', startLine: 2, line: 4, suggestion: true });
    expect(c.body).toContain('```suggestion\nB\nC\n```');
    expect(anchorIsValid(c, changes)).toBe(true);
  });

  it('sends no start_line for a one-line suggestion', () => {
    const f = finding({
      fingerprint: 'f1',
      line: 2,
      fix: { file: 'a.yaml', startLine: 2, endLine: 2, text: 'B', description: 'b' },
    });
    const c = placeFindings([f], changes, { maxComments: 30, runId: 'r', link }).inline[0]!;
    expect(c.startLine).toBeUndefined();
    expect(c.line).toBe(2);
  });

  it('anchors a suggestion in the fix file when the fix is in another file than the finding', () => {
    const f = finding({
      fingerprint: 'f1',
      file: 'z.yaml',
      line: 40,
      fix: { file: 'b.yaml', startLine: 11, endLine: 11, text: 'y2', description: 'x' },
    });
    const c = placeFindings([f], changes, { maxComments: 30, runId: 'r', link }).inline[0]!;
    expect(c).toMatchObject({ path: 'b.yaml', line: 11, suggestion: true });
    expect(c.body).toContain('Found in https://github.example/o/r/blob/sha/z.yaml#L40');
  });

  it('comments without a suggestion when the fix leaves the hunk but the finding line is in it', () => {
    const f = finding({
      fingerprint: 'f1',
      file: 'b.yaml',
      line: 11,
      fix: { file: 'b.yaml', startLine: 11, endLine: 14, text: 'q', description: 'd' },
    });
    const c = placeFindings([f], changes, { maxComments: 30, runId: 'r', link }).inline[0]!;
    expect(c).toMatchObject({ path: 'b.yaml', line: 11, suggestion: false });
    expect(c.startLine).toBeUndefined();
    expect(c.body).not.toContain('```suggestion');
    expect(c.body).toContain('b.yaml#L11');
  });

  it('sends findings outside the diff, in files without a patch and in untouched files to the summary', () => {
    const p = placeFindings(
      [
        finding({ fingerprint: 'o1', file: 'b.yaml', line: 2 }),
        finding({ fingerprint: 'o2', file: 'c.yaml', line: 1 }),
        finding({ fingerprint: 'o3', file: 'untouched.yaml', line: 1 }),
      ],
      changes,
      { maxComments: 30, runId: 'r', link },
    );
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
    const body = commentBody({
      finding: finding({ fingerprint: 'abc123', message: 'host "@team" <b>' }),
      suggestion: null,
      runId: '42-1',
    });
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
    const base = [
      finding({ fingerprint: 'old-edited', file: 'b.yaml', line: 11 }),
      finding({ fingerprint: 'old-context', file: 'b.yaml', line: 10 }),
    ];
    const c = classifyFindings(head, base, changes);
    expect(c.fresh.map((f) => f.fingerprint)).toEqual(['new']);
    expect(c.touchedPreExisting.map((f) => f.fingerprint)).toEqual(['old-edited']);
    expect(c.preExisting.map((f) => f.fingerprint)).toEqual(['old-context']);
  });
});

describe('earlier threads', () => {
  const thread = (over: Partial<ExistingThread>): ExistingThread => ({
    id: 'T',
    isResolved: false,
    isOutdated: false,
    path: 'a.yaml',
    line: 3,
    originalLine: 3,
    resolvedByBot: false,
    fingerprints: ['fp'],
    commentId: 1,
    commentBody: 'x',
    ...over,
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
  const base = {
    where: new Map(),
    preExisting: { error: 0, warning: 1, info: 0 },
    resolved: 0,
    notAnnotated: 0,
    notes: [],
    link,
    headSha: 'abcdef1234',
    runUrl: null,
  };

  it('says all clear when nothing new was found', () => {
    const md = summaryMarkdown({ ...base, reported: [] });
    expect(isSummaryBody(summaryCommentBody(md, '1-1'))).toBe(true);
    expect(summaryCommentBody(md, '1-1').trimEnd().split('\n').pop()).toBe(
      `${SUMMARY_MARKER} <!-- istio-review:run=1-1 -->`,
    );
    expect(md).toContain('All clear');
    expect(md).toContain('0 errors, 1 warning, 0 infos');
  });

  it('lists findings with links and stays within the size limit, saying what it left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      finding({ fingerprint: `f${i}`, line: i + 1, message: 'x'.repeat(200) }),
    );
    const md = summaryMarkdown({ ...base, reported: many });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md).toMatch(/and \d+ more not shown/);
    expect(md).toContain('(https://github.example/o/r/blob/sha/a.yaml#L1)');
  });
});

describe('comment-level', () => {
  it('gives line comments only to findings at least as severe; the rest go outside as below-level', () => {
    const warn = finding({ fingerprint: 'w', line: 2, severity: 'warning' });
    const info = finding({ fingerprint: 'i', line: 3, severity: 'info' });
    const p = placeFindings([info, warn], changes, { maxComments: 30, runId: 'r', link, commentLevel: 'warning' });
    expect(p.inline.map((c) => c.finding.fingerprint)).toEqual(['w']);
    expect(p.outside).toEqual([{ finding: info, reason: 'below-level' }]);
    const errorsOnly = placeFindings([info, warn], changes, {
      maxComments: 30,
      runId: 'r',
      link,
      commentLevel: 'error',
    });
    expect(errorsOnly.inline).toEqual([]);
  });
});

describe('summary table', () => {
  const base = {
    preExisting: { error: 0, warning: 0, info: 0 },
    resolved: 0,
    notAnnotated: 0,
    notes: [],
    link,
    headSha: 'abcdef1234',
    runUrl: null,
  };
  const tableRows = (md: string) =>
    md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Severity') && !l.startsWith('| ---'));

  it('names the resource and shows the line the comment is anchored to (the end of its suggestion)', () => {
    const f = finding({
      fingerprint: 'f',
      line: 2,
      resource: { kind: 'DestinationRule', namespace: 'shop', name: 'stripe' },
      fix: { file: 'b.yaml', startLine: 10, endLine: 11, text: 'x', description: 'd' },
    });
    const md = summaryMarkdown({
      ...base,
      reported: [f],
      where: new Map([['f', 'inline']]),
      anchors: new Map([['f', { path: 'b.yaml', line: 11 }]]),
    });
    expect(md).toContain('| Severity | Resource | Where | Rule | Problem | Placement |');
    expect(tableRows(md)).toEqual([
      `| ⚠️ **Warning** | DestinationRule shop/stripe | [b.yaml:11](${link('b.yaml', 11)}) | \`some-rule\` | something is wrong | review comment |`,
    ]);
  });

  it('sorts by severity, then file, and shows cluster-scoped and file-level findings', () => {
    const md = summaryMarkdown({
      ...base,
      where: new Map(),
      reported: [
        finding({ fingerprint: '1', file: 'b.yaml', severity: 'warning' }),
        finding({
          fingerprint: '2',
          file: 'z.yaml',
          severity: 'error',
          resource: { kind: 'Namespace', namespace: null, name: 'shop' },
        }),
        finding({ fingerprint: '3', file: 'a.yaml', severity: 'warning', resource: null }),
      ],
    });
    expect(tableRows(md).map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      `| 🛑 **Error** | Namespace shop | [z.yaml:3](${link('z.yaml', 3)})`,
      `| ⚠️ **Warning** | — | [a.yaml:3](${link('a.yaml', 3)})`,
      `| ⚠️ **Warning** | ServiceEntry default/ext | [b.yaml:3](${link('b.yaml', 3)})`,
    ]);
  });

  it('groups one finding reported by several targets into one row naming them', () => {
    const inProd = { ...finding({ fingerprint: 'same' }), targets: ['prod'] };
    const inStaging = { ...finding({ fingerprint: 'same' }), targets: ['staging', 'prod'] };
    const md = summaryMarkdown({ ...base, where: new Map(), reported: [inProd, inStaging] });
    expect(tableRows(md)).toHaveLength(1);
    expect(tableRows(md)[0]).toContain('| ServiceEntry default/ext (targets: prod, staging) |');
    expect(md).toContain('**1 new finding**');
  });

  it('lists findings below comment-level in a collapsed section, and says a review of only those has no problems', () => {
    const info = finding({ fingerprint: 'i', severity: 'info', rule: 'se-tls-no-ca' });
    const md = summaryMarkdown({ ...base, reported: [info], where: new Map([['i', 'below-level']]), notManifests: 3 });
    expect(md).toContain('✅ **No new problems** that need a comment');
    expect(md).toMatch(
      /<details><summary>1 finding below the comment level \(info\)[^\n]*<\/summary>\n\n\| Severity[^\n]*\n[^\n]*\n\| ℹ️ \*\*Info\*\* \| ServiceEntry default\/ext[^\n]*\n\n<\/details>/,
    );
    expect(md).toContain('3 YAML files under `paths` are not Kubernetes objects');
    expect(md).not.toContain('could not be placed');
  });
});

describe('fixed threads, judged per resource', () => {
  const ref = { kind: 'ServiceEntry', namespace: 'shop', name: 'db' };
  const thread = (body: string): ExistingThread => ({
    id: 'T',
    isResolved: false,
    isOutdated: false,
    path: 'db.yaml',
    line: 3,
    originalLine: 3,
    resolvedByBot: false,
    fingerprints: ['fp'],
    commentId: 1,
    commentBody: body,
  });
  const withMarker = thread(
    commentBody({
      finding: finding({ fingerprint: 'fp', file: 'db.yaml', resource: ref }),
      suggestion: null,
      runId: 'r',
    }),
  );
  const facts = (o: { resources?: string[]; broken?: string[]; files?: string[] }) => ({
    resources: new Set(o.resources ?? []),
    files: new Set(o.files ?? ['db.yaml']),
    broken: new Set(o.broken ?? []),
  });

  it('the resource is still there: fixed, even if its file has a broken document', () => {
    expect(fixIsObservable(withMarker, facts({ resources: [resourceKey(ref)], broken: ['db.yaml'] }))).toBe(true);
  });
  it('the resource is gone from a file that parses: removed, so fixed', () => {
    expect(fixIsObservable(withMarker, facts({}))).toBe(true);
  });
  it('the resource is gone and its file is broken or out of the view: unknown, so left open', () => {
    expect(fixIsObservable(withMarker, facts({ broken: ['db.yaml'] }))).toBe(false);
    expect(fixIsObservable(withMarker, facts({ files: [] }))).toBe(false);
  });
  it('a comment without a resource marker is judged by its file', () => {
    expect(
      fixIsObservable(
        thread('old comment <!-- istio-review:fp=fp -->'),
        facts({ resources: [resourceKey(ref)], broken: ['db.yaml'] }),
      ),
    ).toBe(false);
  });
});
