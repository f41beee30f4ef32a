// What a pull request changes about what is checked, compared with its base (issue 14, item 5).
import { buildWorkspace } from '../../src/manifests/workspace.js';
import { parseReviewConfig } from '../../src/config/config.js';
import {
  configChanges,
  introducedCharts,
  introducedFinding,
  introducedSuppressions,
} from '../../src/review/introduced.js';
import { changedFile } from '../../src/review/diff.js';

const se = (annotations: string) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: billing
  namespace: shop
${annotations}spec:
  hosts: [billing.example.com]
`;

test('a suppression annotation is new when the same resource at the base lacks it (or had another value)', () => {
  const base = buildWorkspace([
    { path: 'a.yaml', text: se('  annotations:\n    galley.istio.io/analyze-suppress: IST0101\n') },
  ]);
  const same = buildWorkspace([
    { path: 'a.yaml', text: se('  annotations:\n    galley.istio.io/analyze-suppress: IST0101\n') },
  ]);
  const wider = buildWorkspace([
    {
      path: 'a.yaml',
      text: se('  annotations:\n    galley.istio.io/analyze-suppress: "*"\n    istio-review.dev/ignore: "*: fine"\n'),
    },
  ]);
  expect(introducedSuppressions(same, base)).toEqual([]);
  expect(introducedSuppressions(wider, base).map((i) => [i.line, i.subject])).toEqual([
    [8, 'istio-review.dev/ignore=*: fine'],
    [7, 'galley.istio.io/analyze-suppress=*'],
  ]);
});

test('config changes: rules turned off or down and external declarations hide findings; raising a level does not', () => {
  const base = parseReviewConfig('c.yaml', 'rules:\n  dr-double-tls: warning\n').config;
  const text =
    'rules:\n  dr-double-tls: "off"\n  vs-invalid: info\n  se-static-without-endpoints: error\nexternal:\n  hosts: [db.example.com]\n';
  const head = parseReviewConfig('c.yaml', text).config;
  const got = configChanges('c.yaml', text, base, head).map((i) => [i.line, i.subject, i.suppresses]);
  expect(got).toEqual([
    [2, 'rule:dr-double-tls=off', true],
    [4, 'rule:se-static-without-endpoints=error', false],
    [3, 'rule:vs-invalid=info', true],
    [
      5,
      'setting:external:{"namespaces":[],"hosts":["db.example.com"],"gateways":[],"workloads":[],"destinationRules":[]}',
      true,
    ],
  ]);
  expect(configChanges('c.yaml', 'rules: {}\n', null, parseReviewConfig('c.yaml', 'rules: {}\n').config)).toEqual([]);
});

test('a new Chart.yaml is a change to what is checked; an edited one is not', () => {
  const files = [
    changedFile('charts/legacy/Chart.yaml', null, 'added', '@@ -0,0 +1 @@\n+name: legacy'),
    changedFile('charts/old/Chart.yaml', 'charts/old/Chart.yaml', 'modified', '@@ -1 +1 @@\n-a\n+b'),
  ];
  expect(introducedCharts({ files, truncated: false }).map((i) => i.text)).toEqual([
    'charts/legacy/Chart.yaml is new: the files under charts/legacy/templates/ are no longer checked (they are Helm templates now).',
  ]);
});

test('with allow-new-suppressions: false, an added suppression is a new-suppression finding saying what it adds', () => {
  const base = buildWorkspace([{ path: 'a.yaml', text: se('') }]);
  const head = buildWorkspace([
    { path: 'a.yaml', text: se('  annotations:\n    istio-review.dev/ignore: "*: fine"\n') },
  ]);
  const [added] = introducedSuppressions(head, base);
  const f = introducedFinding(added!, 'error');
  expect([f.rule, f.severity, f.file, f.line]).toEqual(['new-suppression', 'error', 'a.yaml', 7]);
  expect(f.message).toBe(
    `${added!.text} This pull request adds it, and this repository does not allow a pull request to add suppressions (allow-new-suppressions: false): a maintainer must accept it.`,
  );
});
