// Suppression by annotation: istioctl's `galley.istio.io/analyze-suppress` (IST codes) and this project's
// `istio-review.dev/ignore` (rule ids, with a reason) hide exactly what they name, on the resource they annotate.
import { check, ruleTable, yaml, rule } from './helpers/harness.js';

const pod = (name: string, annotations: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
    namespace: shop
    annotations:
      sidecar.istio.io/proxyCpu: 500m
${annotations}
  spec:
    containers:
    - name: app
      image: app
      securityContext: {runAsUser: 1337}
`;

const UNDER_TEST = new Set(['unknown-istio-annotation', 'workload-uses-proxy-uid', 'suppression-without-reason']);
const findings = (files: Record<string, string>) =>
  check(files)
    .filter((f) => UNDER_TEST.has(f.rule))
    .map((f) => `${f.rule} ${f.resource?.name}`)
    .sort();

describe('suppression annotations', () => {
  test('without annotations both findings are reported', () => {
    expect(findings({ 'p.yaml': pod('p', '') })).toEqual(['unknown-istio-annotation p', 'workload-uses-proxy-uid p']);
  });

  test('galley.istio.io/analyze-suppress hides the named IST code only', () => {
    expect(findings({ 'p.yaml': pod('p', '      galley.istio.io/analyze-suppress: IST0108') })).toEqual([
      'workload-uses-proxy-uid p',
    ]);
  });

  test('galley.istio.io/analyze-suppress with several codes and spaces', () => {
    expect(findings({ 'p.yaml': pod('p', '      galley.istio.io/analyze-suppress: "IST0108, IST0144"') })).toEqual([]);
  });

  test('istio-review.dev/ignore hides the named rule only', () => {
    expect(
      findings({
        'p.yaml': pod('p', '      istio-review.dev/ignore: "workload-uses-proxy-uid: batch job image needs this UID"'),
      }),
    ).toEqual(['unknown-istio-annotation p']);
  });

  test('an istio-review.dev/ignore naming an IST code or another rule hides nothing', () => {
    expect(
      findings({ 'p.yaml': pod('p', '      istio-review.dev/ignore: "IST0108, deprecated-istio-field: not ours"') }),
    ).toEqual(['unknown-istio-annotation p', 'workload-uses-proxy-uid p']);
  });

  test('a suppression on one resource does not hide findings on another', () => {
    const files = {
      'a.yaml': pod('a', '      galley.istio.io/analyze-suppress: "*"'),
      'b.yaml': pod('b', '      istio-review.dev/ignore: "*: generated"'),
    };
    expect(findings({ ...files, 'c.yaml': pod('c', '') })).toEqual([
      'unknown-istio-annotation c',
      'workload-uses-proxy-uid c',
    ]);
  });
});

ruleTable(rule('suppression-without-reason'), [
  {
    name: 'an ignore with a reason',
    files: {
      'p.yaml': pod(
        'p',
        '      istio-review.dev/ignore: "workload-uses-proxy-uid, unknown-istio-annotation: vendor chart, fixed upstream in 2.3"',
      ),
    },
    expect: [],
  },
  {
    name: 'an ignore without a reason still suppresses, and says so',
    files: { 'p.yaml': pod('p', '      istio-review.dev/ignore: workload-uses-proxy-uid') },
    expect: [
      {
        rule: 'suppression-without-reason',
        line: 8,
        messageId: 'noReason',
        data: { value: 'workload-uses-proxy-uid', ruleIds: 'workload-uses-proxy-uid' },
      },
    ],
  },
  {
    name: 'an empty reason counts as none, and a wildcard cannot hide this finding',
    files: { 'p.yaml': pod('p', '      istio-review.dev/ignore: "*:  "') },
    expect: [
      { rule: 'suppression-without-reason', line: 8, messageId: 'noReason', data: { value: '*:  ', ruleIds: '*' } },
    ],
  },
]);
