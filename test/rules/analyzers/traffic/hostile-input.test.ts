// Manifests lie: the traffic rules must not throw on values of the wrong type (an exception would surface
// as an internal-error finding and hide the rule's other findings).
import { check, yaml } from '../../../helpers/harness.js';
import { trafficAnalyzerRules } from '../../../../src/rules/analyzers/traffic/index.js';

const odd = yaml`
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: g1, namespace: a}
  spec: {selector: "istio", servers: 5}
  ---
  apiVersion: networking.istio.io/v1
  kind: Gateway
  metadata: {name: g2, namespace: a}
  spec: {selector: {istio: [1]}, servers: [null, {port: "80", hosts: 7, tls: "x"}, {port: {number: 80}, hosts: [null, 3]}]}
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: v, namespace: a}
  spec: {hosts: [null], gateways: [5, null, "a/g2"], exportTo: "x", http: [{match: [{headers: 5}, null], route: [{destination: {host: 5, port: "x", subset: 3}}], mirror: 5, mirrors: [null]}]}
  ---
  apiVersion: networking.istio.io/v1
  kind: DestinationRule
  metadata: {name: d, namespace: a}
  spec: {host: ["x"], subsets: [null, {name: 5, labels: 5}, {labels: {a: [1]}}]}
  ---
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: s, namespace: a}
  spec: {workloadSelector: {labels: "x"}, egress: [null, {hosts: "x"}, {hosts: [null, "a/b", "/", "x/"]}]}
  ---
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: p, namespace: a}
  spec: {selector: {matchLabels: 5}, rules: [null, {from: "x"}, {from: [null, {source: {namespaces: "x", notNamespaces: [5]}}]}]}
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: {name: r, namespace: a}
  spec: {parentRefs: [null, {name: 5}, {name: g, sectionName: 5, port: "x"}], rules: [null, {backendRefs: "x"}, {backendRefs: [null, {name: 5}]}]}
  ---
  apiVersion: gateway.networking.k8s.io/v1
  kind: Gateway
  metadata: {name: g, namespace: a}
  spec: {listeners: [null, {name: 5, allowedRoutes: {namespaces: {from: 5}, kinds: "x"}}]}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: pod, namespace: a}
  spec: {containers: "x", nodeName: 5}
`;

test('no traffic rule throws on values of the wrong type', () => {
  const findings = check({ 'odd.yaml': odd });
  const ids = new Set(trafficAnalyzerRules.map((r) => r.id));
  const crashed = findings.filter((f) => f.rule === 'internal-error' && ids.has(f.subject));
  expect(crashed.map((f) => f.message)).toEqual([]);
});
