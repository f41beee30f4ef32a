// Manifests lie: the workload analyzers must not throw (an internal-error finding) on shapes Kubernetes would reject.
import { check, yaml } from '../../../helpers/harness.js';

const ODD = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: s, annotations: {sidecar.istio.io/inject: 5}, labels: [a]}
  spec: {type: ExternalName, ports: [null, 5, {name: 7, port: "80", appProtocol: 3}], selector: [x]}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: d, labels: {app: istiod}}
  spec: {template: {metadata: {labels: 5, annotations: [x]}, spec: {containers: [null, {name: istio-proxy, image: auto, securityContext: 5, env: 5}], securityContext: [1]}}}
  ---
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: c}
  spec: {jobTemplate: 5}
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: n, labels: {istio-injection: [x]}}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: p, namespace: n}
  spec: {containers: 5, hostNetwork: "yes"}
  ---
  apiVersion: telemetry.istio.io/v1
  kind: Telemetry
  metadata: {name: t}
  spec: {selector: {matchLabels: [a]}, accessLogging: [null, 3], tracing: [{providers: [null, {name: 4}]}]}
  ---
  apiVersion: telemetry.istio.io/v1
  kind: Telemetry
  metadata: {name: t2}
  spec: {selector: 5}
  ---
  apiVersion: networking.istio.io/v1alpha3
  kind: EnvoyFilter
  metadata: {name: e}
  spec: {priority: "x", configPatches: [{applyTo: 5, patch: {operation: [REMOVE], value: 5}, match: {proxy: 5}}, null]}
  ---
  apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector}
  webhooks: [null, {name: a.istio.io, clientConfig: 5, namespaceSelector: {matchExpressions: [null, {key: 5, operator: In, values: 3}]}}, {name: b.istio.io, clientConfig: {url: 5}}]
  ---
  apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: istio-sidecar-injector-2, labels: {istio.io/rev: x}}
  webhooks: 5
  ---
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata: {name: tcproutes.gateway.networking.k8s.io, annotations: {gateway.networking.k8s.io/bundle-version: banana}}
  spec: {group: rbac.istio.io, names: 5}
  ---
  apiVersion: networking.istio.io/v1
  kind: VirtualService
  metadata: {name: v}
  spec: {http: [null, {fault: {delay: {percent: "50"}}}, {fault: 5}]}
  ---
  apiVersion: networking.istio.io/v1
  kind: Sidecar
  metadata: {name: sc}
  spec: {outboundTrafficPolicy: 5}
  ---
  apiVersion: mesh.istio.io/v1alpha1
  kind: MeshNetworks
  metadata: {name: m}
  networks: {a: 5, b: {endpoints: [null, {fromRegistry: 5}]}}
  ---
  apiVersion: security.istio.io/v1
  kind: RequestAuthentication
  metadata: {name: r}
  spec: 5
`;

test('odd shapes give findings, never an internal error', () => {
  const findings = check(
    { 'odd.yaml': ODD },
    { mesh: { extensionProviders: [null, { name: 'x', lightstep: {} }], defaultProviders: 5 } },
  );
  expect(findings.filter((f) => f.rule === 'internal-error').map((f) => f.message)).toEqual([]);
});
