import { changedFile, hunkContaining, parsePatch, reverseApplyPatch } from '../../src/review/diff.js';
import { changeSetFromUnifiedDiff } from '../../src/review/git.js';

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' apiVersion: v1',
  '-kind: Service',
  '+kind: Service',
  '+# note',
  ' metadata:',
  '   name: a',
  '@@ -20,3 +21,3 @@ spec:',
  '   ports:',
  '-  - port: 80',
  '+  - port: 8080',
  '     name: http',
].join('\n');

describe('commentable lines from a patch', () => {
  it('gives each hunk its RIGHT-side line range and the added lines', () => {
    const { hunks, added } = parsePatch(PATCH);
    expect(hunks).toEqual([
      { start: 1, end: 5 },
      { start: 21, end: 23 },
    ]);
    expect([...added].sort((a, b) => a - b)).toEqual([2, 3, 22]);
  });

  it('accepts a range only inside one hunk', () => {
    const f = changedFile('a.yaml', 'a.yaml', 'modified', PATCH);
    expect(hunkContaining(f, 2, 5)).toEqual({ start: 1, end: 5 });
    expect(hunkContaining(f, 5, 21)).toBeNull(); // spans two hunks
    expect(hunkContaining(f, 10, 10)).toBeNull(); // unchanged region
    expect(hunkContaining(f, 23, 23)).toEqual({ start: 21, end: 23 });
  });

  it('does not count "\\ No newline at end of file" as a line', () => {
    const { hunks, added } = parsePatch(
      '@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file',
    );
    expect(hunks).toEqual([{ start: 1, end: 1 }]);
    expect([...added]).toEqual([1]);
  });

  it('treats a file without a patch as changed but not commentable', () => {
    const f = changedFile('big.yaml', 'big.yaml', 'modified', undefined);
    expect(f.hunks).toBeNull();
    expect(hunkContaining(f, 1, 1)).toBeNull();
  });

  it('has no RIGHT-side lines for a deleted file', () => {
    const f = changedFile('gone.yaml', 'gone.yaml', 'removed', '@@ -1,2 +0,0 @@\n-a: 1\n-b: 2');
    expect(f.hunks).toEqual([]);
  });
});

describe('rebuilding the base version from head and patch', () => {
  it('undoes modifications, additions and deletions', () => {
    const base = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const head = 'a\nB\nc\nd\ne\nf\nh\ni\n';
    const patch = '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -6,3 +6,3 @@\n f\n-g\n h\n+i';
    expect(reverseApplyPatch(head, patch)).toBe(base);
  });

  it('restores a deleted file and empties an added one', () => {
    expect(reverseApplyPatch('', '@@ -1,2 +0,0 @@\n-x: 1\n-y: 2')).toBe('x: 1\ny: 2\n');
    expect(reverseApplyPatch('x: 1\n', '@@ -0,0 +1 @@\n+x: 1')).toBe('');
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const head = 'a: 1\r\nb: 3\r\n';
    const patch = '@@ -1,2 +1,2 @@\n a: 1\r\n-b: 2\r\n\\ No newline at end of file\n+b: 3\r';
    expect(reverseApplyPatch(head, patch)).toBe('a: 1\r\nb: 2');
  });

  it('returns null when the patch does not fit the text', () => {
    expect(reverseApplyPatch('a\n', '@@ -5,2 +5,2 @@\n x\n-y\n+z')).toBeNull();
  });
});

describe('change set from git diff', () => {
  it('reads added, removed, renamed and modified files', () => {
    const text =
      [
        'diff --git a/new.yaml b/new.yaml',
        'new file mode 100644',
        '--- /dev/null',
        '+++ b/new.yaml',
        '@@ -0,0 +1,2 @@',
        '+a: 1',
        '+b: 2',
        'diff --git a/old.yaml b/old.yaml',
        'deleted file mode 100644',
        '--- a/old.yaml',
        '+++ /dev/null',
        '@@ -1 +0,0 @@',
        '-x: 1',
        'diff --git a/m.yaml b/m.yaml',
        '--- a/m.yaml',
        '+++ b/m.yaml',
        '@@ -1,2 +1,2 @@',
        ' a: 1',
        '-b: 1',
        '+b: 2',
      ].join('\n') + '\n';
    const cs = changeSetFromUnifiedDiff(text);
    const by = Object.fromEntries(cs.files.map((f) => [f.path, f]));
    expect(by['new.yaml']!.status).toBe('added');
    expect(by['new.yaml']!.basePath).toBeNull();
    expect(by['new.yaml']!.hunks).toEqual([{ start: 1, end: 2 }]);
    expect(by['old.yaml']!.status).toBe('removed');
    expect(by['m.yaml']!.status).toBe('modified');
    expect([...by['m.yaml']!.added]).toEqual([2]);
  });
});
