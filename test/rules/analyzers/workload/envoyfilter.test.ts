import { ruleTable, yaml, rules } from '../../../helpers/harness.js';

const ef = (name: string, patches: string, priority = '') => yaml`
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: {name: ${name}, namespace: shop}
  spec:${priority}
    configPatches:
${patches.replace(/^/gm, '  ')}
`;
const patch = (applyTo: string, operation: string, extra = '') => `  - applyTo: ${applyTo}${extra}
    patch:
      operation: ${operation}
      value: {name: envoy.lua}`;

const ALL = [
  'envoyfilter-add-on-route',
  'envoyfilter-remove-on-route',
  'envoyfilter-replace-unsupported',
  'envoyfilter-relative-without-priority',
  'envoyfilter-relative-with-proxy-version',
];

ruleTable(rules(...ALL), [
  {
    name: 'absolute operations, MERGE, and relative ones with a priority',
    files: {
      'ef.yaml': [
        ef(
          'a',
          [patch('HTTP_FILTER', 'ADD'), patch('ROUTE_CONFIGURATION', 'MERGE'), patch('VIRTUAL_HOST', 'MERGE')].join(
            '\n',
          ),
        ),
        ef(
          'b',
          [patch('HTTP_FILTER', 'INSERT_BEFORE'), patch('NETWORK_FILTER', 'REPLACE')].join('\n'),
          '\n    priority: 10',
        ),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'ADD and REMOVE on routes, REPLACE on a cluster',
    files: {
      'ef.yaml': ef(
        'a',
        [patch('HTTP_ROUTE', 'ADD'), patch('ROUTE_CONFIGURATION', 'REMOVE'), patch('CLUSTER', 'REPLACE')].join('\n'),
      ),
    },
    expect: [
      {
        rule: 'envoyfilter-add-on-route',
        line: 9,
        messageId: 'addIgnored',
        data: { applyTo: 'HTTP_ROUTE', object: 'route' },
      },
      {
        rule: 'envoyfilter-remove-on-route',
        line: 13,
        messageId: 'removeIgnored',
        data: { applyTo: 'ROUTE_CONFIGURATION' },
      },
      {
        rule: 'envoyfilter-replace-unsupported',
        line: 17,
        messageId: 'replaceUnsupported',
        data: { applyTo: 'CLUSTER' },
      },
    ],
  },
  {
    name: 'relative operations without priority; patches after one without `patch` are not read',
    files: {
      'ef.yaml': ef(
        'a',
        [patch('HTTP_FILTER', 'INSERT_AFTER'), '  - applyTo: HTTP_FILTER', patch('HTTP_FILTER', 'INSERT_BEFORE')].join(
          '\n',
        ),
      ),
    },
    expect: [
      {
        rule: 'envoyfilter-relative-without-priority',
        line: 9,
        messageId: 'relativeWithoutPriority',
        data: { operation: 'INSERT_AFTER' },
      },
    ],
  },
  {
    name: 'a relative patch on a filter an earlier patch pins to a proxy version',
    files: {
      'ef.yaml': [
        ef('a-versioned', patch('HTTP_FILTER', 'ADD', '\n    match: {proxy: {proxyVersion: ^1\\.2.*}}')),
        ef('b-relative', patch('HTTP_FILTER', 'INSERT_BEFORE')),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'envoyfilter-relative-with-proxy-version',
        line: 20,
        messageId: 'relativeToVersionedFilter',
        data: { operation: 'INSERT_BEFORE' },
      },
    ],
  },
]);
