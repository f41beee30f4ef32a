// HTTP matches as request sets: containment and a shared request are claimed only when they can be shown.
import {
  commonRequest,
  describeRequest,
  isCatchAllMatch,
  matchCovers,
  readHttpMatch,
  type HttpMatch,
} from '../../src/mesh/http-match.js';
import type { Json } from '../../src/manifests/resource.js';

const m = (j: Json): HttpMatch => {
  const r = readHttpMatch(j);
  if (!r) throw new Error('unreadable match');
  return r;
};

describe('matchCovers', () => {
  test.each([
    ['prefix covers a longer exact', { uri: { prefix: '/api' } }, { uri: { exact: '/api/v2' } }, true],
    ['prefix covers a longer prefix', { uri: { prefix: '/api' } }, { uri: { prefix: '/api/v2' } }, true],
    ['prefix "/" covers any path', { uri: { prefix: '/' } }, { uri: { regex: '/x.*' } }, true],
    [
      'a longer prefix does not cover a shorter one',
      { uri: { prefix: '/api/v2' } },
      { uri: { prefix: '/api' } },
      false,
    ],
    [
      'an extra header on the earlier match',
      { uri: { prefix: '/api' }, headers: { 'x-user': { exact: 'beta' } } },
      { uri: { prefix: '/api/x' } },
      false,
    ],
    [
      'the same header and a broader prefix',
      { uri: { prefix: '/api' }, headers: { 'x-user': { exact: 'beta' } } },
      { uri: { prefix: '/api/x' }, headers: { 'x-user': { exact: 'beta' }, 'x-b': { exact: '1' } } },
      true,
    ],
    [
      'a header presence match covers any value',
      { headers: { 'x-user': {} } },
      { headers: { 'x-user': { prefix: 'b' } } },
      true,
    ],
    ['a regex covers nothing but itself', { uri: { regex: '/api/.*' } }, { uri: { exact: '/api/v2' } }, false],
    ['different ports', { port: 80, uri: { prefix: '/' } }, { port: 8080 }, false],
    [
      'withoutHeaders on the earlier match needs the same exclusion',
      { withoutHeaders: { 'x-canary': { exact: 'true' } } },
      { uri: { prefix: '/a' } },
      false,
    ],
    [
      'sourceLabels on the earlier match need the same labels',
      { sourceLabels: { app: 'web' } },
      { uri: { prefix: '/a' }, sourceLabels: { app: 'web', v: '1' } },
      true,
    ],
    [
      'ignoreUriCase on the later match only',
      { uri: { prefix: '/api' } },
      { uri: { prefix: '/api' }, ignoreUriCase: true },
      false,
    ],
  ])('%s', (_name, a, b, expected) => {
    expect(matchCovers(m(a as Json), m(b as Json))).toBe(expected);
  });
});

describe('commonRequest', () => {
  test('two prefixes, one inside the other: the longer path', () => {
    const r = commonRequest(
      m({ uri: { prefix: '/test-root' } }),
      m({ uri: { prefix: '/test-root1' } }),
      'shop.example.com',
    );
    expect(r && describeRequest(r)).toBe('GET /test-root1');
  });
  test('a header condition and a path: both in the request', () => {
    const r = commonRequest(
      m({ uri: { prefix: '/' }, headers: { 'x-canary': { exact: 'true' } } }),
      m({ uri: { prefix: '/api' }, method: { exact: 'POST' } }),
    );
    expect(r && describeRequest(r)).toBe('POST /api with header x-canary: true');
  });
  test.each([
    ['disjoint prefixes', { uri: { prefix: '/orders/' } }, { uri: { prefix: '/users/' } }],
    ['different exact paths', { uri: { exact: '/health' } }, { uri: { exact: '/status' } }],
    [
      'header values that cannot both hold',
      { headers: { 'x-tier': { exact: 'gold' } } },
      { headers: { 'x-tier': { exact: 'silver' } } },
    ],
    [
      'a header one match requires and the other excludes',
      { headers: { 'x-canary': { exact: 'true' } } },
      { withoutHeaders: { 'x-canary': { exact: 'true' } } },
    ],
    ['source labels cannot be shown from a request', { sourceLabels: { app: 'a' } }, { uri: { prefix: '/' } }],
    [
      'an authority the virtual host does not serve',
      { authority: { exact: 'other.example.com' } },
      { uri: { prefix: '/' } },
    ],
  ])('none for %s', (_name, a, b) => {
    expect(commonRequest(m(a as Json), m(b as Json), 'shop.example.com')).toBeNull();
  });
  test("a regex is checked against the other side's path", () => {
    const r = commonRequest(m({ uri: { regex: '/api/v[0-9]+' } }), m({ uri: { exact: '/api/v2' } }));
    expect(r && r.path).toBe('/api/v2');
  });
});

test('catch-all as Envoy sees it: any path and no other condition', () => {
  expect(isCatchAllMatch(m({ uri: { prefix: '/' } }))).toBe(true);
  expect(isCatchAllMatch(m({}))).toBe(true);
  expect(isCatchAllMatch(m({ uri: { prefix: '/' }, headers: { 'x-canary': { exact: 'true' } } }))).toBe(false);
  expect(isCatchAllMatch(m({ uri: { prefix: '/' }, method: { exact: 'GET' } }))).toBe(false);
});

test('a match of the wrong shape is unreadable, not a crash', () => {
  expect(readHttpMatch({ uri: 'abc' })).toBeNull();
  expect(readHttpMatch({ headers: { a: 5 } })).toBeNull();
  expect(readHttpMatch(null)).toBeNull();
});
