// The stand-in's idea of which lines a review comment may anchor to, checked against git itself: for a patch that
// `git diff` produced, the RIGHT lines are exactly the ranges +c,d of its hunk headers and the LEFT lines the ranges
// -a,b — and patchFromTexts produces the same patch as git for ordinary edits of a manifest.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHunks, patchFromTexts } from '../support/github-stand-in/index.js';

const dir = mkdtempSync(join(tmpdir(), 'standin-git-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gitPatch(a: string, b: string): string {
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  let out = '';
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '-U3', join(dir, 'a'), join(dir, 'b')], {
      encoding: 'utf8',
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  const lines = out.split('\n');
  const first = lines.findIndex((l) => l.startsWith('@@'));
  return first < 0
    ? ''
    : lines
        .slice(first)
        .join('\n')
        .replace(/\n$/, '')
        .replace(/^(@@ [^@]+ @@).*$/gm, '$1');
}

function headerRanges(patch: string): { left: Set<number>; right: Set<number> } {
  const left = new Set<number>();
  const right = new Set<number>();
  for (const m of patch.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)) {
    const [a, b, c, d] = [
      Number(m[1]),
      m[2] === undefined ? 1 : Number(m[2]),
      Number(m[3]),
      m[4] === undefined ? 1 : Number(m[4]),
    ];
    for (let i = 0; i < b; i++) left.add(a + i);
    for (let i = 0; i < d; i++) right.add(c + i);
  }
  return { left, right };
}

const manifest = Array.from({ length: 30 }, (_, i) => `  key${i}: value-${i}`);
/** A manifest with a few random line edits (change, insert, delete), optionally without the final newline. */
const edited = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(29), fc.constantFrom('change', 'insert', 'delete'), fc.nat(99)), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.boolean(),
  )
  .map(([edits, eol]) => {
    const lines = [...manifest];
    for (const [at, kind, n] of edits) {
      const i = Math.min(at, lines.length - 1);
      if (kind === 'change') lines[i] = `  changed: ${n}`;
      else if (kind === 'insert') lines.splice(i, 0, `  inserted: ${n}`);
      else if (lines.length > 1) lines.splice(i, 1);
    }
    return lines.join('\n') + (eol ? '\n' : '');
  });
const base = manifest.join('\n') + '\n';

describe('against git diff', () => {
  it('commentable lines of a git-made patch are exactly its hunk header ranges', () => {
    fc.assert(
      fc.property(edited, (head) => {
        const patch = gitPatch(base, head);
        const want = headerRanges(patch);
        const right = new Set<number>();
        const left = new Set<number>();
        for (const h of parseHunks(patch)) {
          for (const l of h.lines) {
            if (l.newNo !== null) right.add(l.newNo);
            if (l.oldNo !== null) left.add(l.oldNo);
          }
        }
        expect([...right].sort((x, y) => x - y)).toEqual([...want.right].sort((x, y) => x - y));
        expect([...left].sort((x, y) => x - y)).toEqual([...want.left].sort((x, y) => x - y));
      }),
      { numRuns: 60 },
    );
  });

  it('patchFromTexts writes the patch git writes for edits of a manifest', () => {
    fc.assert(
      fc.property(edited, (head) => {
        expect(patchFromTexts(base, head)).toBe(gitPatch(base, head));
      }),
      { numRuns: 60 },
    );
  });
});
