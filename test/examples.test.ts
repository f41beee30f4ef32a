// The examples/ repository shows exactly the planted problems, with their fixes, and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { applyAll, check, newSeriousFindings } from './helpers/harness.js';

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, readTree(p));
    else if (/\.(ya?ml|json)$/.test(entry.name)) out[p.split(path.sep).join('/')] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

describe('examples/', () => {
  const files = readTree('examples');
  const findings = check(files);

  test('reports exactly the planted problems', () => {
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}`).sort()).toEqual([
      'dr-double-tls examples/apps/billing/egress-s3.yaml:27',
      'se-static-without-endpoints examples/apps/billing/legacy-ledger.yaml:14',
      'se-tls-port-declared-http examples/apps/shop/egress-stripe.yaml:14',
    ]);
  });

  test('kustomization namespaces are applied', () => {
    expect(findings.find((f) => f.rule === 'se-tls-port-declared-http')?.resource).toEqual({
      kind: 'ServiceEntry',
      namespace: 'shop',
      name: 'stripe',
    });
    expect(findings.find((f) => f.rule === 'dr-double-tls')?.resource).toEqual({
      kind: 'DestinationRule',
      namespace: 'billing',
      name: 's3',
    });
  });

  test('the two fixable problems carry fixes that remove them and add nothing', () => {
    const fixable = findings.filter((f) => f.fix);
    expect(fixable.map((f) => [f.rule, f.fix!.text.trim()]).sort()).toEqual([
      ['se-static-without-endpoints', 'resolution: DNS'],
      ['se-tls-port-declared-http', 'protocol: HTTPS'],
    ]);
    const after = check(applyAll(files, fixable));
    expect(after.filter((f) => fixable.some((x) => x.fingerprint === f.fingerprint))).toEqual([]);
    expect(newSeriousFindings(findings, after)).toEqual([]);
    expect(after.map((f) => f.rule)).toEqual(['dr-double-tls']);
  });
});
