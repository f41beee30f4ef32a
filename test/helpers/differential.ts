// The two ways a manifest file is read — js-yaml for values with the yaml library's nodes parsed again on
// demand (fast-load.ts, lazy-document.ts), and the yaml library alone — must agree on everything a user sees:
// the documents and their values, the problems, and every line (documents' lines and the line of every field).
// readsAlike() checks one file and throws, naming the difference, when they do not. The rule-test harness calls
// it on every file it checks, so every fixture of the test suite is held to it.
import { isDeepStrictEqual } from 'node:util';
import { parseManifestFile } from '../../src/manifests/parse.js';
import { makeSourceFile } from '../../src/manifests/source.js';
import { locate, locateIn } from '../../src/manifests/locate.js';
import { resourcesOf } from '../../src/manifests/identity.js';

type Seg = string | number;

/** Paths of a value's fields (and of one absent field under each), at most `max`. */
function pathsOf(v: unknown, max: number): Seg[][] {
  const out: Seg[][] = [[], ['absent']];
  const stack: [unknown, Seg[]][] = [[v, []]];
  while (stack.length > 0 && out.length < max) {
    const [x, p] = stack.pop()!;
    const children: [Seg, unknown][] = Array.isArray(x)
      ? x.map((c, i) => [i, c])
      : x !== null && typeof x === 'object'
        ? Object.entries(x)
        : [];
    for (const [k, c] of children) {
      out.push([...p, k], [...p, k, 'absent']);
      stack.push([c, [...p, k]]);
    }
  }
  return out.slice(0, max);
}

/** Throws unless both ways read `text` alike; returns whether the fast way read it (else both are one way). */
export function readsAlike(path: string, text: string, maxPaths = 400): boolean {
  const exactSrc = makeSourceFile(path, text);
  const autoSrc = makeSourceFile(path, text);
  const exact = parseManifestFile(exactSrc, { exactOnly: true });
  const auto = parseManifestFile(autoSrc);
  const where = `${path}:\n${text.length > 600 ? `${text.slice(0, 600)}…` : text}`;
  const fail = (what: string, a: unknown, b: unknown) => {
    throw new Error(
      `the fast and the exact reading differ in ${what} for ${where}\nexact: ${JSON.stringify(a)}\nfast:  ${JSON.stringify(b)}`,
    );
  };
  if (!isDeepStrictEqual(auto.problems, exact.problems)) fail('problems', exact.problems, auto.problems);
  if (auto.docs.length !== exact.docs.length) fail('the number of documents', exact.docs.length, auto.docs.length);
  exact.docs.forEach((e, i) => {
    const a = auto.docs[i]!;
    if (a.index !== e.index) fail(`document ${i}'s index`, e.index, a.index);
    if (!isDeepStrictEqual(a.value, e.value)) fail(`document ${i}'s value`, e.value, a.value);
    if (a.startLine !== e.startLine || a.endLine !== e.endLine)
      fail(`document ${i}'s lines`, [e.startLine, e.endLine], [a.startLine, a.endLine]);
    for (const p of pathsOf(e.value, maxPaths)) {
      const want = locate(e.doc, exactSrc, p);
      const got = locateIn(a, autoSrc, p);
      if (!isDeepStrictEqual(got, want)) fail(`the lines of ${JSON.stringify(p)} in document ${i}`, want, got);
    }
  });
  // What becomes of the documents (resources, not-a-manifest problems and their lines) follows from the above;
  // checked too, as that is what findings are made of.
  const ids = (r: ReturnType<typeof resourcesOf>) => [
    r.problems,
    r.resources.map((x) => [x.kind, x.name, x.namespace, x.startLine, x.endLine, x.basePath]),
  ];
  const exactIds = ids(resourcesOf(exactSrc, exact.docs, {}));
  const autoIds = ids(resourcesOf(autoSrc, auto.docs, {}));
  if (!isDeepStrictEqual(autoIds, exactIds)) fail('resources', exactIds, autoIds);
  return auto.docs.some((d) => d.nodesLater === true);
}
