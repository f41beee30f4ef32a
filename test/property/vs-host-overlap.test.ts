// Property: the linear overlap check of a VirtualService's hosts flags exactly the hosts the pairwise check
// flagged, and every pair it names is one the pairwise check named too (it no longer repeats a pair for every
// copy of a repeated host). Plus the case that made the pairwise check take 22 s: one host 2,000 times.
import fc from 'fast-check';
import { overlappingHostPairs } from '../../src/rules/validation/istio/virtual-service.js';
import { hostMatches } from '../../src/mesh/hosts.js';
import { check } from '../helpers/harness.js';

function pairwise(hosts: readonly string[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < hosts.length; i++) {
    for (let j = i + 1; j < hosts.length; j++) {
      if (hostMatches(hosts[i]!, hosts[j]!) || hostMatches(hosts[j]!, hosts[i]!))
        out.push([i, j, hosts.indexOf(hosts[j]!, i + 1)]);
    }
  }
  return out;
}

const host = fc.constantFrom(
  '*',
  '*.com',
  '*.a.com',
  '*.b.a.com',
  'a.com',
  'x.a.com',
  'y.b.a.com',
  'b.a.com',
  'z.org',
  '*.org',
  'reviews',
);

test('flags the same host positions as the pairwise check, naming only pairs it named', () => {
  fc.assert(
    fc.property(fc.array(host, { maxLength: 12 }), (hosts) => {
      const old = pairwise(hosts);
      const now = overlappingHostPairs(hosts);
      expect(new Set(now.map(([, j]) => j))).toEqual(new Set(old.map(([, , at]) => at)));
      const named = new Set(old.map(([i, j]) => `${hosts[i]}|${hosts[j]}`));
      for (const [i, j] of now) expect(named.has(`${hosts[i]}|${hosts[j]}`)).toBe(true);
    }),
    { numRuns: 500, seed: 14 },
  );
});

test('one host repeated 2,000 times is 1,999 findings, found in under 3 s', () => {
  const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: many, namespace: shop}
spec:
  hosts:
${'  - reviews.shop.svc.cluster.local\n'.repeat(2000)}  http:
  - route:
    - destination: {host: reviews.shop.svc.cluster.local}
`;
  const t0 = Date.now();
  const findings = check({ 'vs.yaml': yaml }).filter((f) => f.rule === 'vs-invalid' && /overlap/.test(f.message));
  expect(Date.now() - t0).toBeLessThan(3000);
  expect(findings).toHaveLength(1999);
  expect(findings[0]!.line).toBe(7);
});
