import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  filesFromDirs,
  filesFromTrees,
  gitBlobSha,
  mapLine,
  parseHunks,
  patchFromTexts,
  readTree,
} from '../support/github-stand-in/index.js';

/** Applies a GitHub-style patch to the old text (strictly: context and deletions must match). */
function applyPatch(oldText: string, patch: string): string {
  const old = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const oldEol = oldText === '' || oldText.endsWith('\n');
  const out: string[] = [];
  let i = 0; // index into old
  let newEol = oldEol;
  for (const h of parseHunks(patch)) {
    const firstOld = h.lines.find((l) => l.oldNo !== null)?.oldNo;
    const startOld = firstOld ?? Number(/^@@ -(\d+)/.exec(h.header)![1]) + 1;
    while (i < startOld - 1) out.push(old[i++]!);
    for (const l of h.lines) {
      if (l.kind === '+') out.push(l.text);
      else {
        if (old[i] !== l.text)
          throw new Error(
            `context mismatch at old line ${i + 1}: ${JSON.stringify(old[i])} vs ${JSON.stringify(l.text)}`,
          );
        if (l.kind === ' ') out.push(l.text);
        i++;
      }
    }
  }
  while (i < old.length) out.push(old[i++]!);
  // "\ No newline at end of file" after the last '+' or ' ' line means the new text has no final newline.
  const lines = patch.split('\n');
  for (let k = 1; k < lines.length; k++) {
    if (lines[k]!.startsWith('\\')) {
      const prev = lines[k - 1]![0];
      if (prev === '+' || prev === ' ') newEol = false;
      if (prev === '-' && !lines.slice(k + 1).some((x) => x.startsWith('\\'))) newEol = true;
    }
  }
  if (out.length === 0) return '';
  return out.join('\n') + (newEol ? '\n' : '');
}

describe('patchFromTexts', () => {
  it('makes one hunk with 3 lines of context around a change', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n') + '\n';
    const b = a.replace('e\n', 'E\n');
    expect(patchFromTexts(a, b)).toBe(['@@ -2,7 +2,7 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h'].join('\n'));
  });

  it('merges changes closer than 7 lines into one hunk and splits farther ones', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line${i + 1}`);
    const a = lines.join('\n') + '\n';
    const near = [...lines];
    near[4] = 'X';
    near[11] = 'Y'; // 6 unchanged lines between: one hunk
    expect(patchFromTexts(a, near.join('\n') + '\n').match(/^@@/gm)).toHaveLength(1);
    const far = [...lines];
    far[4] = 'X';
    far[12] = 'Y'; // 7 unchanged lines between: two hunks
    const p = patchFromTexts(a, far.join('\n') + '\n');
    expect(p.match(/^@@.*@@$/gm)).toEqual(['@@ -2,7 +2,7 @@', '@@ -10,7 +10,7 @@']);
  });

  it('writes added and removed files as GitHub does', () => {
    expect(patchFromTexts(null, 'a\nb\n')).toBe('@@ -0,0 +1,2 @@\n+a\n+b');
    expect(patchFromTexts('a\n', null)).toBe('@@ -1 +0,0 @@\n-a');
    expect(patchFromTexts('same\n', 'same\n')).toBe('');
  });

  it('marks a missing final newline', () => {
    expect(patchFromTexts('a\nb', 'a\nb\n')).toBe('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b');
    expect(patchFromTexts('a\n', 'a\nb')).toBe('@@ -1 +1,2 @@\n a\n+b\n\\ No newline at end of file');
  });

  it('round-trips: applying the patch to the old text gives the new text', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', '  - x', 'spec:', ''), { maxLength: 25 })
      .chain((ls) => fc.boolean().map((eol) => (ls.length === 0 ? '' : ls.join('\n') + (eol ? '\n' : ''))));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const p = patchFromTexts(a, b);
        if (a === b) return p === '';
        return applyPatch(a, p) === b;
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseHunks', () => {
  it('numbers RIGHT lines (added, context) and LEFT lines (deleted, context) and GitHub positions', () => {
    const [h] = parseHunks('@@ -3,3 +3,3 @@\n c\n-d\n+D\n e');
    expect(h!.lines.map((l) => [l.kind, l.oldNo, l.newNo, l.position])).toEqual([
      [' ', 3, 3, 1],
      ['-', 4, null, 2],
      ['+', null, 4, 3],
      [' ', 5, 5, 4],
    ]);
  });
});

describe('filesFromTrees', () => {
  it('lists added, removed, modified and renamed files sorted by path with counts', () => {
    const files = filesFromTrees(
      { 'a.yaml': 'x: 1\n', 'b.yaml': 'y: 1\n', 'old.yaml': 'z: 1\n' },
      { 'a.yaml': 'x: 2\n', 'c.yaml': 'w: 1\n', 'new.yaml': 'z: 1\n' },
      { renames: { 'old.yaml': 'new.yaml' } },
    );
    expect(files.map((f) => [f.filename, f.status, f.additions, f.deletions, f.previous_filename])).toEqual([
      ['a.yaml', 'modified', 1, 1, undefined],
      ['b.yaml', 'removed', 0, 1, undefined],
      ['c.yaml', 'added', 1, 0, undefined],
      ['new.yaml', 'renamed', 0, 0, 'old.yaml'],
    ]);
    expect(files[3]!.patch).toBeUndefined();
  });

  it('computes git blob ids', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('trees from directories', () => {
  it('reads a directory into a tree, skipping .git, and diffs two directories', () => {
    const root = mkdtempSync(join(tmpdir(), 'standin-'));
    try {
      for (const [p, t] of Object.entries({
        'a/x.yaml': 'x: 1\n',
        'b/x.yaml': 'x: 2\n',
        'b/.git/HEAD': 'ref\n',
        'b/sub/y.yaml': 'y: 1\n',
      })) {
        mkdirSync(join(root, p, '..'), { recursive: true });
        writeFileSync(join(root, p), t);
      }
      expect(readTree(join(root, 'b'))).toEqual({ 'x.yaml': 'x: 2\n', 'sub/y.yaml': 'y: 1\n' });
      expect(filesFromDirs(join(root, 'a'), join(root, 'b')).map((f) => [f.filename, f.status])).toEqual([
        ['sub/y.yaml', 'added'],
        ['x.yaml', 'modified'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('mapLine', () => {
  it('follows an unchanged line and loses a changed one', () => {
    const a = 'a\nb\nc\n';
    const b = 'new\na\nB\nc\n';
    expect([1, 2, 3].map((l) => mapLine(a, b, l))).toEqual([2, null, 4]);
  });
});
