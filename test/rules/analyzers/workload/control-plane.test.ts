import { ruleTable, yaml, settingsFor, rule, rules } from '../../../helpers/harness.js';
import { analyze } from '../../../../src/engine.js';
import { buildWorkspace, settingsFileResource } from '../../../../src/manifests/workspace.js';

const istiod = (env: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: istiod, namespace: istio-system, labels: {app: istiod}}
  spec:
    template:
      spec:
        containers:
        - name: discovery
          image: pilot
          env: ${env}
`;
const ra = yaml`
  apiVersion: security.istio.io/v1
  kind: RequestAuthentication
  metadata: {name: jwt, namespace: shop}
  spec: {jwtRules: [{issuer: https://issuer.example.com, jwksUri: https://issuer.example.com/jwks}]}
`;

ruleTable(rule('istiod-jwks-fetch-unrestricted'), [
  {
    name: 'the block list is set',
    files: { 'x.yaml': [istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: "169.254.0.0/16"}]'), ra].join('---\n') },
    expect: [],
  },
  {
    name: 'no RequestAuthentication, nothing to fetch',
    files: { 'x.yaml': istiod('[]') },
    expect: [],
  },
  {
    name: 'RequestAuthentications and an istiod without the block list',
    files: { 'x.yaml': [istiod('[{name: BLOCKED_CIDRS_IN_JWKS_URIS, value: ""}]'), ra].join('---\n') },
    expect: [
      {
        rule: 'istiod-jwks-fetch-unrestricted',
        line: 7,
        messageId: 'jwksFetchUnrestricted',
        data: { requestAuthentications: 'shop/jwt' },
      },
    ],
  },
]);

const injector = (name: string, url: string) => yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: ${name}}
  webhooks:
  - name: rev.namespace.sidecar-injector.istio.io
    clientConfig:
      url: ${url}
`;

ruleTable(rules('control-plane-webhook-url-invalid', 'control-plane-webhook-url-ip'), [
  {
    name: 'an external istiod reached by host name; other webhook configurations are not looked at',
    files: {
      'x.yaml': [
        injector('istio-sidecar-injector-external', 'https://istiod.example.com:15017/inject'),
        injector('other-injector', ''),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'a blank URL and an IP address',
    files: {
      'x.yaml': [
        injector('istio-sidecar-injector-external', ''),
        injector('istio-sidecar-injector-ip', 'https://10.1.2.3:15017/inject'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'control-plane-webhook-url-invalid',
        line: 7,
        messageId: 'noUrl',
        data: { webhook: 'rev.namespace.sidecar-injector.istio.io', failing: 'sidecar injection' },
      },
      {
        rule: 'control-plane-webhook-url-ip',
        line: 15,
        messageId: 'urlIsIp',
        data: { url: 'https://10.1.2.3:15017/inject' },
      },
    ],
  },
  {
    name: 'an unparsable URL on the validator',
    files: {
      'x.yaml': yaml`
      apiVersion: admissionregistration.k8s.io/v1
      kind: ValidatingWebhookConfiguration
      metadata: {name: istio-validator-external}
      webhooks:
      - name: rev.validation.istio.io
        clientConfig:
          url: "https://istiod example.com/validate"
    `,
    },
    expect: [
      {
        rule: 'control-plane-webhook-url-invalid',
        line: 7,
        messageId: 'invalidUrl',
        data: { webhook: 'rev.validation.istio.io' },
      },
    ],
  },
]);

const revInjector = (name: string, nsSelector: string) => yaml`
  apiVersion: admissionregistration.k8s.io/v1
  kind: MutatingWebhookConfiguration
  metadata: {name: ${name}}
  webhooks:
  - name: namespace.sidecar-injector.istio.io
    clientConfig: {service: {name: istiod, namespace: istio-system}}
    namespaceSelector: ${nsSelector}
`;
const istiodService = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: istiod, namespace: istio-system}
  spec: {selector: {app: istiod}, ports: [{name: grpc-xds, port: 15010}, {name: https-webhook, port: 443}]}
`;

ruleTable(rules('injection-webhooks-overlap', 'injection-webhook-service-missing'), [
  {
    name: 'a default and a canary revision with disjoint selectors',
    files: {
      'x.yaml': [
        istiodService,
        revInjector('istio-sidecar-injector', '{matchLabels: {istio-injection: enabled}}'),
        revInjector(
          'istio-sidecar-injector-canary',
          '{matchLabels: {istio.io/rev: canary}, matchExpressions: [{key: istio-injection, operator: DoesNotExist}]}',
        ),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: "the four webhooks of Istio's default revision are disjoint",
    files: {
      'x.yaml': [
        istiodService,
        yaml`
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingWebhookConfiguration
      metadata: {name: istio-sidecar-injector, labels: {istio.io/rev: default}}
      webhooks:
      - name: rev.namespace.sidecar-injector.istio.io
        clientConfig: {service: {name: istiod, namespace: istio-system}}
        namespaceSelector:
          matchExpressions: [{key: istio.io/rev, operator: In, values: [default]}, {key: istio-injection, operator: DoesNotExist}]
        objectSelector:
          matchExpressions: [{key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}]
      - name: rev.object.sidecar-injector.istio.io
        clientConfig: {service: {name: istiod, namespace: istio-system}}
        namespaceSelector:
          matchExpressions: [{key: istio.io/rev, operator: DoesNotExist}, {key: istio-injection, operator: DoesNotExist}]
        objectSelector:
          matchExpressions: [{key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}, {key: istio.io/rev, operator: In, values: [default]}]
      - name: namespace.sidecar-injector.istio.io
        clientConfig: {service: {name: istiod, namespace: istio-system}}
        namespaceSelector:
          matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]
        objectSelector:
          matchExpressions: [{key: sidecar.istio.io/inject, operator: NotIn, values: ["false"]}]
      - name: object.sidecar-injector.istio.io
        clientConfig: {service: {name: istiod, namespace: istio-system}}
        namespaceSelector:
          matchExpressions: [{key: istio-injection, operator: DoesNotExist}, {key: istio.io/rev, operator: DoesNotExist}]
        objectSelector:
          matchExpressions: [{key: sidecar.istio.io/inject, operator: In, values: ["true"]}, {key: istio.io/rev, operator: DoesNotExist}]
    `,
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'two configurations selecting the same namespaces',
    files: {
      'x.yaml': [
        istiodService,
        revInjector('istio-sidecar-injector', '{matchLabels: {istio-injection: enabled}}'),
        revInjector(
          'istio-sidecar-injector-canary',
          '{matchExpressions: [{key: istio-injection, operator: In, values: [enabled]}]}',
        ),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'injection-webhooks-overlap',
        line: 10,
        messageId: 'overlap',
        data: {
          webhook: 'namespace.sidecar-injector.istio.io',
          others: '"istio-sidecar-injector-canary/namespace.sidecar-injector.istio.io"',
        },
      },
      { rule: 'injection-webhooks-overlap', line: 18 },
    ],
  },
  {
    name: 'two webhooks of one configuration without selectors overlap each other',
    files: {
      'x.yaml': [
        istiodService,
        yaml`
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingWebhookConfiguration
      metadata: {name: istio-sidecar-injector}
      webhooks:
      - name: a.sidecar-injector.istio.io
        clientConfig: {service: {name: istiod, namespace: istio-system}}
      - name: b.sidecar-injector.istio.io
        clientConfig: {service: {name: istiod, namespace: istio-system}}
    `,
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'injection-webhooks-overlap',
        line: 10,
        messageId: 'overlap',
        data: {
          webhook: 'a.sidecar-injector.istio.io',
          others: '"istio-sidecar-injector/b.sidecar-injector.istio.io"',
        },
      },
      { rule: 'injection-webhooks-overlap', line: 12 },
    ],
  },
  {
    name: 'a webhook calling a Service the repository does not define; declaring the namespace external silences it',
    files: { 'x.yaml': revInjector('istio-sidecar-injector', '{matchLabels: {istio-injection: enabled}}') },
    expect: [
      {
        rule: 'injection-webhook-service-missing',
        line: 6,
        messageId: 'serviceMissing',
        data: { service: 'istio-system/istiod', namespace: 'istio-system' },
      },
    ],
  },
  {
    name: 'declared external',
    config: 'external:\n  namespaces: [istio-system]\n',
    files: { 'x.yaml': revInjector('istio-sidecar-injector', '{matchLabels: {istio-injection: enabled}}') },
    expect: [],
  },
]);

const crd = (name: string, version: string) => yaml`
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata:
    name: ${name}
    annotations:
      gateway.networking.k8s.io/bundle-version: ${version}
  spec: {group: gateway.networking.k8s.io}
`;

ruleTable(rule('gateway-api-crd-too-old'), [
  {
    name: 'recent enough, and kinds without a minimum',
    files: {
      'x.yaml': [
        crd('tlsroutes.gateway.networking.k8s.io', 'v1.5.0'),
        crd('grpcroutes.gateway.networking.k8s.io', 'v1.1.0-rc1'),
        crd('httproutes.gateway.networking.k8s.io', 'v0.5.0'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'TLSRoute from an older bundle, TCPRoute from a release candidate of the minimum is enough',
    files: {
      'x.yaml': [
        crd('tlsroutes.gateway.networking.k8s.io', 'v1.4.1'),
        crd('tcproutes.gateway.networking.k8s.io', 'v1.6.0-rc.1'),
        crd('backendtlspolicies.gateway.networking.k8s.io', 'v1.3'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'gateway-api-crd-too-old',
        line: 6,
        messageId: 'crdTooOld',
        data: { crd: 'tlsroutes.gateway.networking.k8s.io', version: 'v1.4.1', minVersion: '1.5.0' },
      },
      { rule: 'gateway-api-crd-too-old', line: 22 },
    ],
  },
]);

const meshNetworks = (registry: string) => yaml`
  apiVersion: mesh.istio.io/v1alpha1
  kind: MeshNetworks
  metadata: {name: meshnetworks}
  networks:
    network1:
      endpoints:
      - fromRegistry: ${registry}
      gateways:
      - {registryServiceName: istio-ingressgateway.istio-system.svc.cluster.local, port: 15443}
`;
const remoteSecret = yaml`
  apiVersion: v1
  kind: Secret
  metadata: {name: istio-remote-secret-west, namespace: istio-system, labels: {istio/multiCluster: "true"}}
  stringData:
    west: "kubeconfig"
`;

ruleTable(rule('mesh-networks-unknown-registry'), [
  {
    name: 'built-in registries and remote clusters',
    files: { 'a.yaml': meshNetworks('Kubernetes'), 'b.yaml': [meshNetworks('west'), remoteSecret].join('---\n') },
    expect: [],
  },
  {
    name: 'a registry name in the wrong case is fixed',
    files: { 'a.yaml': meshNetworks('kubernetes') },
    expect: [
      {
        rule: 'mesh-networks-unknown-registry',
        line: 7,
        messageId: 'unknownRegistryCase',
        data: { registry: 'kubernetes', builtin: 'Kubernetes' },
        hasFix: true,
      },
    ],
    fixed: { 'a.yaml': meshNetworks('Kubernetes') },
  },
  {
    name: 'the wrong case beside remote clusters: the message names both',
    files: { 'a.yaml': [meshNetworks('external'), remoteSecret].join('---\n') },
    expect: [
      {
        rule: 'mesh-networks-unknown-registry',
        line: 7,
        messageId: 'unknownClusterCase',
        data: { clusters: 'west', builtin: 'External' },
        hasFix: true,
      },
    ],
    fixed: { 'a.yaml': [meshNetworks('External'), remoteSecret].join('---\n') },
  },
  {
    name: 'an unknown registry and no remote secret at all',
    files: { 'a.yaml': meshNetworks('east') },
    expect: [
      {
        rule: 'mesh-networks-unknown-registry',
        line: 7,
        messageId: 'unknownRegistry',
        data: { network: 'network1', registry: 'east' },
        hasFix: false,
      },
    ],
  },
  {
    name: 'an unknown cluster name',
    files: { 'a.yaml': [meshNetworks('east'), remoteSecret].join('---\n') },
    expect: [
      {
        rule: 'mesh-networks-unknown-registry',
        line: 7,
        messageId: 'unknownCluster',
        data: { registry: 'east', clusters: 'west' },
        hasFix: false,
      },
    ],
  },
]);

describe('the --mesh-networks file as a resource', () => {
  test('findings point at the line of the settings file, on MeshNetworks istio-system/meshnetworks', () => {
    const text =
      'networks:\n  network1:\n    endpoints:\n    - fromRegistry: Kubernetes\n  network2:\n    endpoints:\n    - fromRegistry: istio-testing\n';
    const ws = buildWorkspace([]);
    const r = settingsFileResource(
      { path: 'meshnetworks.yaml', text },
      { apiVersion: 'mesh.istio.io/v1alpha1', kind: 'MeshNetworks', namespace: 'istio-system', name: 'meshnetworks' },
    );
    expect(r).not.toBeNull();
    ws.resources.push(r!);
    const { settings, config } = settingsFor({});
    const found = analyze(ws, { settings, config }).findings.filter((f) => f.rule === 'mesh-networks-unknown-registry');
    expect(found.map((f) => [f.file, f.line, f.resource])).toEqual([
      ['meshnetworks.yaml', 7, { kind: 'MeshNetworks', namespace: 'istio-system', name: 'meshnetworks' }],
    ]);
  });

  test('a file that is not a mapping gives no resource', () => {
    expect(
      settingsFileResource(
        { path: 'x.yaml', text: '- a\n- b\n' },
        { apiVersion: 'v1', kind: 'MeshNetworks', namespace: null, name: 'x' },
      ),
    ).toBeNull();
  });
});
