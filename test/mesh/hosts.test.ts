import { hostMatches, hostsOverlap, resolveHost, isConcreteDnsName, parseServiceHost } from '../../src/mesh/hosts.js';
import { exportScope, isVisibleFrom, parseExportToAnnotation } from '../../src/mesh/export-to.js';

describe('host names as Istio reads them', () => {
  test.each([
    ['reviews', 'books', 'reviews.books.svc.cluster.local'],
    ['reviews.books', 'other', 'reviews.books'], // a name with a dot is taken as written
    ['api.example.com', 'x', 'api.example.com'],
    ['*', 'x', '*'],
  ])('%s in namespace %s resolves to %s', (host, ns, want) => expect(resolveHost(host, ns)).toBe(want));

  test.each([
    ['*.example.com', 'api.example.com', true],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', '*.api.example.com', true],
    ['*.api.example.com', '*.example.com', false],
    ['*', 'anything.at.all', true],
    ['api.example.com', 'api.example.com', true],
    ['api.example.com', 'web.example.com', false],
  ])('%s matches %s: %s', (pattern, host, want) => expect(hostMatches(pattern, host)).toBe(want));

  test('overlap is symmetric', () => {
    expect(hostsOverlap('*.a.com', 'x.a.com')).toBe(true);
    expect(hostsOverlap('x.a.com', '*.a.com')).toBe(true);
    expect(hostsOverlap('x.b.com', '*.a.com')).toBe(false);
  });

  test('concrete DNS names exclude wildcards and IPs', () => {
    expect(isConcreteDnsName('api.example.com')).toBe(true);
    expect(isConcreteDnsName('*.example.com')).toBe(false);
    expect(isConcreteDnsName('10.0.0.1')).toBe(false);
  });

  test('service hosts parse back to name and namespace', () => {
    expect(parseServiceHost('reviews.books.svc.cluster.local')).toEqual({ name: 'reviews', namespace: 'books' });
    expect(parseServiceHost('api.example.com')).toBeNull();
  });
});

describe('exportTo', () => {
  test('absent means everywhere unless the mesh default says otherwise', () => {
    expect(isVisibleFrom(exportScope(null, 'a', null), 'b')).toBe(true);
    expect(isVisibleFrom(exportScope(null, 'a', ['.']), 'b')).toBe(false);
    expect(isVisibleFrom(exportScope(null, 'a', ['.']), 'a')).toBe(true);
  });
  test('"." is the owner namespace, "~" is nobody, names are namespaces', () => {
    expect(isVisibleFrom(exportScope(['.'], 'a', null), 'a')).toBe(true);
    expect(isVisibleFrom(exportScope(['.'], 'a', null), 'b')).toBe(false);
    expect(isVisibleFrom(exportScope(['~'], 'a', null), 'a')).toBe(false);
    expect(isVisibleFrom(exportScope(['b', 'c'], 'a', null), 'c')).toBe(true);
    expect(isVisibleFrom(exportScope(['b', 'c'], 'a', null), 'a')).toBe(false);
  });
  test('the Service annotation is comma-separated', () => {
    expect(parseExportToAnnotation('., istio-system')).toEqual(['.', 'istio-system']);
    expect(parseExportToAnnotation(undefined)).toBeNull();
  });
});
