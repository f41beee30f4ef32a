// Property: MeshView's indexed and cached lookups answer exactly what a plain scan of every resource would.
import fc from 'fast-check';
import { buildWorkspace } from '../../src/manifests/workspace.js';
import { MeshView } from '../../src/mesh/mesh-view.js';
import { labelsMatch } from '../../src/mesh/workloads.js';

const NS = ['a', 'b', 'c'];
const KEYS = ['app', 'version', 'tier'];
const VALS = ['x', 'y', 'v1'];

const labelsArb = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALS), { maxKeys: 3 });
const objArb = fc.record({
  kind: fc.constantFrom('Deployment', 'Service', 'Pod'),
  ns: fc.constantFrom(...NS),
  labels: labelsArb,
});

function manifests(objs: { kind: string; ns: string; labels: Record<string, string> }[]): string {
  return objs
    .map((o, i) => {
      const labels = JSON.stringify(o.labels);
      if (o.kind === 'Service')
        return `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: ${o.ns}}\nspec: {selector: ${labels}, ports: [{port: 80}]}\n`;
      if (o.kind === 'Pod')
        return `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${o.ns}, labels: ${labels}}\nspec: {containers: [{name: c, image: i}]}\n`;
      return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}, namespace: ${o.ns}}\nspec: {template: {metadata: {labels: ${labels}}, spec: {containers: [{name: c, image: i}]}}}\n`;
    })
    .join('---\n');
}

test('workloadsMatching and servicesSelecting equal a full scan, asked twice (cache) or once', () => {
  fc.assert(
    fc.property(
      fc.array(objArb, { maxLength: 25 }),
      fc.array(fc.tuple(labelsArb, fc.option(fc.constantFrom(...NS))), { maxLength: 8 }),
      (objs, queries) => {
        const ws = buildWorkspace([{ path: 'm.yaml', text: manifests(objs) }]);
        const mesh = new MeshView(ws.resources);
        for (const [selector, ns] of [...queries, ...queries]) {
          const expected = mesh.workloads.filter(
            (w) => (ns === null || w.namespace === ns) && labelsMatch(selector, w.labels),
          );
          expect(mesh.workloadsMatching(selector, ns)).toEqual(expected);
        }
        for (const w of mesh.workloads) {
          const expected = ws.resources.filter(
            (r) =>
              r.kind === 'Service' &&
              r.namespace === w.namespace &&
              Object.keys(r.spec.selector as object).length > 0 &&
              labelsMatch(r.spec.selector as Record<string, string>, w.labels),
          );
          expect(mesh.servicesSelecting(w)).toEqual(expected);
          expect(mesh.servicesSelecting(w)).toBe(mesh.servicesSelecting(w));
        }
      },
    ),
    { numRuns: 150, seed: 7 },
  );
});
