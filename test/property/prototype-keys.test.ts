// Property: names that are members of Object.prototype (`constructor`, `__proto__`, `toString`…) are ordinary
// values wherever a manifest or the config file can put them — as kinds, mapping keys, names, labels, hosts and
// rule ids. No rule may crash on them (an internal-error finding would hide every finding of that rule), and a
// real problem elsewhere in the same change is still reported. Found by hand first: `kind: constructor` made
// unknown-istio-kind throw and a `ServiceEnrty` typo in another file went unreported.
import fc from 'fast-check';
import { check } from '../helpers/harness.js';

const PROTO = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  'prototype',
];
const name = fc.constantFrom(...PROTO);

interface Slots {
  kind: string;
  key: string;
  name: string;
  label: string;
  value: string;
  host: string;
  port: string;
  group: string;
}

const slots: fc.Arbitrary<Slots> = fc.record({
  kind: name,
  key: name,
  name,
  label: name,
  value: name,
  host: name,
  port: name,
  group: fc.constantFrom(
    'networking.istio.io',
    'security.istio.io',
    'telemetry.istio.io',
    'extensions.istio.io',
    'apps',
    'v1',
  ),
});

function mesh(s: Slots): Record<string, string> {
  const apiVersion = s.group === 'v1' ? 'v1' : `${s.group}/v1`;
  return {
    'odd.yaml': `apiVersion: ${apiVersion}
kind: ${s.kind}
metadata:
  name: ${s.name}
  namespace: shop
  labels: {${s.label}: ${s.value}}
  annotations: {${s.key}: ${s.value}, sidecar.istio.io/${s.key}: ${s.value}}
spec:
  ${s.key}: {${s.key}: ${s.value}}
  hosts: [${s.host}]
  selector: {${s.label}: ${s.value}}
`,
    'shop.yaml': `apiVersion: v1
kind: Service
metadata: {name: ${s.name}, namespace: shop, labels: {${s.label}: ${s.value}}}
spec:
  selector: {${s.label}: ${s.value}, app: web}
  ports: [{name: ${s.port}, port: 8080, targetPort: ${s.port}}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web, ${s.label}: ${s.value}}}
  template:
    metadata:
      labels: {app: web, ${s.label}: ${s.value}}
      annotations: {${s.key}: ${s.value}}
    spec:
      containers: [{name: web, image: example/web:1, ports: [{name: ${s.port}, containerPort: 8080}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${s.name}, namespace: shop}
spec:
  hosts: [${s.host}, ${s.host}.shop.svc.cluster.local]
  gateways: [${s.name}, shop/${s.name}]
  http:
    - name: ${s.name}
      match: [{headers: {${s.key}: {exact: ${s.value}}}, sourceLabels: {${s.label}: ${s.value}}}]
      route: [{destination: {host: ${s.host}, subset: ${s.name}, port: {number: 8080}}}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${s.name}, namespace: shop}
spec:
  host: ${s.host}
  subsets: [{name: ${s.name}, labels: {${s.label}: ${s.value}}}]
  trafficPolicy: {portLevelSettings: [{port: {number: 8080}, tls: {mode: SIMPLE}}]}
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: ${s.name}, namespace: shop}
spec:
  hosts: [${s.host}.example.com]
  ports: [{number: 443, name: ${s.port}, protocol: HTTP}]
  resolution: DNS
  endpoints: [{address: ${s.host}.example.com, ports: {${s.port}: 443}, labels: {${s.label}: ${s.value}}}]
  workloadSelector: {labels: {${s.label}: ${s.value}}}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${s.name}, namespace: shop}
spec:
  selector: {${s.label}: ${s.value}}
  servers: [{port: {number: 443, name: ${s.port}, protocol: HTTPS}, hosts: ["${s.host}/*"], tls: {mode: SIMPLE, credentialName: ${s.name}, cipherSuites: [${s.key}]}}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ${s.name}, namespace: shop}
spec:
  selector: {matchLabels: {${s.label}: ${s.value}}}
  rules: [{from: [{source: {principals: [${s.name}]}}], when: [{key: ${s.key}, values: [${s.value}]}]}]
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: ${s.name}, namespace: shop}
spec:
  workloadSelector: {labels: {${s.label}: ${s.value}}}
  egress: [{hosts: ["./${s.host}", "${s.key}/*"]}]
`,
    // The real problem the odd names must not hide.
    'typo.yaml': `apiVersion: networking.istio.io/v1
kind: ServiceEnrty
metadata: {name: billing, namespace: shop}
spec:
  hosts: [billing.example.com]
`,
  };
}

test('prototype member names as kinds, keys, names, labels and hosts crash no rule and hide no finding', () => {
  fc.assert(
    fc.property(slots, (s) => {
      const findings = check(mesh(s));
      expect(findings.filter((f) => f.rule === 'internal-error').map((f) => f.message)).toEqual([]);
      expect(findings).toContainEqual(
        expect.objectContaining({ rule: 'unknown-istio-kind', file: 'typo.yaml', line: 2, severity: 'error' }),
      );
    }),
    { numRuns: Number(process.env.FC_RUNS ?? 120), seed: Number(process.env.FC_SEED ?? 14) },
  );
});

test('an Istio-group kind named after a prototype member is reported as an unknown kind', () => {
  for (const kind of PROTO) {
    const findings = check({
      'k.yaml': `apiVersion: networking.istio.io/v1\nkind: ${kind}\nmetadata: {name: x, namespace: shop}\n`,
    });
    expect(findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'unknown-istio-kind', line: 2 }));
  }
});

test('labels and rule levels named after prototype members are kept as entries', () => {
  const files = (podLabel: string) => ({
    'w.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {__proto__: ${podLabel}}}
  template:
    metadata: {labels: {__proto__: ${podLabel}}}
    spec: {containers: [{name: web, image: example/web:1}]}
---
apiVersion: networking.istio.io/v1
kind: Sidecar
metadata: {name: web, namespace: shop}
spec:
  workloadSelector: {labels: {__proto__: web}}
  egress: [{hosts: ["./*"]}]
`,
  });
  const opts = { config: 'rules:\n  constructor: off\n  __proto__: off\n' };
  // `__proto__=web` selects the pod labelled `__proto__=web`, and not one labelled `__proto__=other` (the label is not dropped).
  expect(check(files('web'), opts).map((f) => f.rule)).not.toContain('sidecar-selector-no-workload');
  expect(check(files('other'), opts).map((f) => f.rule)).toContain('sidecar-selector-no-workload');
  expect(check(files('other'), opts).filter((f) => f.rule === 'internal-error')).toEqual([]);
});
