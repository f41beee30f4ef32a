import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const ingress = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ingress, namespace: gateways}
  spec:
    template:
      metadata: {labels: {app: public-gateway}}
      spec: {containers: [{name: istio-proxy, image: auto}]}
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: ingress, namespace: gateways}
  spec:
    selector: {app: public-gateway}
    ports:
    - {name: http, port: 80, targetPort: 8080}
    - {name: https, port: 443, targetPort: 8443}
`;

ruleTable(rule('gateway-selector-no-workload'), [
  {
    name: 'a selector matching a Deployment pod template',
    files: {
      'ingress.yaml': ingress,
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: gateways}
      spec:
        selector: {app: public-gateway}
        servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [],
  },
  {
    name: 'the standard ingress gateway installed outside the repository is not reported',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [],
  },
  {
    name: "the east-west gateway that Istio's multicluster tooling installs is not reported",
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: cross-network-gateway, namespace: istio-system}
      spec:
        selector: {istio: eastwestgateway}
        servers: [{port: {number: 15443, name: tls, protocol: TLS}, tls: {mode: AUTO_PASSTHROUGH}, hosts: ["*.local"]}]
    `,
    },
    expect: [],
  },
  {
    name: 'the east-west selector is reported when the repository deploys its gateways itself and none has it',
    files: {
      'gw.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: istio-ingressgateway, namespace: istio-system}
      spec:
        template:
          metadata: {labels: {istio: ingressgateway}}
          spec: {containers: [{name: istio-proxy, image: auto}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: cross-network-gateway, namespace: istio-system}
      spec:
        selector:
          istio: eastwestgateway
        servers: [{port: {number: 15443, name: tls, protocol: TLS}, tls: {mode: AUTO_PASSTHROUGH}, hosts: ["*.local"]}]
    `,
    },
    expect: [
      {
        rule: 'gateway-selector-no-workload',
        line: 14,
        messageId: 'noWorkload',
        data: { selector: 'istio=eastwestgateway' },
      },
    ],
  },
  {
    name: 'a standard selector is reported when the repository deploys its gateways itself and none has those labels',
    files: {
      'gw.yaml': yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: istio-ingress, namespace: istio-ingress}
      spec:
        template:
          metadata: {labels: {istio: ingress, app: istio-ingress}}
          spec: {containers: [{name: istio-proxy, image: auto}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: istio-ingress}
      spec:
        selector:
          istio: ingressgateway
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [
      {
        rule: 'gateway-selector-no-workload',
        line: 14,
        messageId: 'noWorkload',
        data: { selector: 'istio=ingressgateway' },
      },
    ],
  },
  {
    name: "a gateway installed by a Flux HelmRelease of Istio's gateway chart: its pods are labelled from the release name",
    files: {
      'istio.yaml': yaml`
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata: {name: istio-gateway, namespace: istio-system}
      spec:
        releaseName: istio-gateway
        chart:
          spec: {chart: gateway, sourceRef: {kind: HelmRepository, name: istio}}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public-gateway, namespace: istio-system}
      spec:
        selector: {istio: gateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [],
  },
  {
    name: 'an Argo CD Application of the gateway chart with labels in its values; a selector for another release is reported',
    files: {
      'apps.yaml': yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: istio-ingress, namespace: argocd}
      spec:
        destination: {namespace: istio-ingress, server: https://kubernetes.default.svc}
        source:
          repoURL: https://istio-release.storage.googleapis.com/charts
          chart: gateway
          targetRevision: 1.24.0
          helm:
            valuesObject: {labels: {istio: edge}}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: edge, namespace: istio-ingress}
      spec:
        selector: {istio: edge}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: internal, namespace: istio-ingress}
      spec:
        selector:
          istio: internal
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [
      { rule: 'gateway-selector-no-workload', line: 25, messageId: 'noWorkload', data: { selector: 'istio=internal' } },
    ],
  },
  {
    name: "an IstioOperator's ingress gateway component, labelled by its `label`; a selector of the disabled one is reported",
    files: {
      'istio.yaml': yaml`
      apiVersion: install.istio.io/v1alpha1
      kind: IstioOperator
      metadata: {name: gateways, namespace: istio-system}
      spec:
        profile: empty
        components:
          ingressGateways:
          - name: istio-ingressgateway
            enabled: true
            label: {istio: istio-ingressgateway, app: istio-ingressgateway}
          egressGateways:
          - name: istio-egressgateway
            enabled: false
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: istio-system}
      spec:
        selector: {istio: istio-ingressgateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: egress, namespace: istio-system}
      spec:
        selector:
          istio: egressgateway
        servers: [{port: {number: 443, name: tls, protocol: TLS}, tls: {mode: PASSTHROUGH}, hosts: ["api.example.com"]}]
    `,
    },
    expect: [
      {
        rule: 'gateway-selector-no-workload',
        line: 27,
        messageId: 'noWorkload',
        data: { selector: 'istio=egressgateway' },
      },
    ],
  },
  {
    name: 'a selector typo',
    files: {
      'ingress.yaml': ingress,
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: gateways}
      spec:
        selector:
          app: public-gatway
        servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [
      {
        rule: 'gateway-selector-no-workload',
        file: 'gw.yaml',
        line: 6,
        messageId: 'noWorkload',
        data: { selector: 'app=public-gatway' },
      },
    ],
  },
  {
    name: 'a gateway workload declared in the config file',
    config: 'external:\n  workloads:\n  - {namespace: edge, labels: {app: edge-gateway}}\n',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: edge, namespace: edge}
      spec:
        selector: {app: edge-gateway}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('gateway-port-not-on-service'), [
  {
    name: 'server ports equal to the Service targetPorts',
    files: {
      'ingress.yaml': ingress,
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: gateways}
      spec:
        selector: {app: public-gateway}
        servers:
        - {port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}
        - {port: {number: 8443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: cert}}
    `,
    },
    expect: [],
  },
  {
    name: 'a server port no Service forwards to',
    files: {
      'ingress.yaml': ingress,
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: gateways}
      spec:
        selector: {app: public-gateway}
        servers:
        - port:
            number: 9000
            name: http
            protocol: HTTP
          hosts: ["*"]
    `,
    },
    expect: [
      {
        rule: 'gateway-port-not-on-service',
        file: 'gw.yaml',
        line: 8,
        messageId: 'portNotOnService',
        data: { gateway: 'gateways/public', port: 9000, servicePorts: '80, 443, 8080, 8443' },
      },
    ],
  },
  {
    name: 'no Service of the gateway in the repository: nothing to compare',
    files: {
      'gw.yaml': yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: gw, namespace: gateways, labels: {app: gw}}
      spec: {containers: [{name: istio-proxy, image: proxyv2}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: public, namespace: gateways}
      spec:
        selector: {app: gw}
        servers: [{port: {number: 9000, name: http, protocol: HTTP}, hosts: ["*"]}]
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('gateway-duplicate-certificate'), [
  {
    name: "the same credentialName on a gateway whose selector is contained in another's: reported on the broader one",
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: a
        namespace: istio-system
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: wildcard}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: b
        namespace: istio-system
      spec:
        selector: {istio: ingressgateway, app: istio-ingressgateway}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [b.example.com], tls: {mode: SIMPLE, credentialName: wildcard}}]
    `,
    },
    expect: [
      {
        rule: 'gateway-duplicate-certificate',
        line: 4,
        name: 'a',
        messageId: 'sameCredential',
        data: { gateway: 'istio-system/a', other: 'istio-system/b', credential: 'wildcard' },
      },
    ],
  },
  {
    name: 'equal selectors: both gateways are reported; serverCertificate files count like credentialName',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: a
        namespace: edge
      spec:
        selector: {app: edge}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, serverCertificate: /etc/certs/tls.crt, privateKey: /etc/certs/tls.key}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: b
        namespace: edge
      spec:
        selector: {app: edge}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [b.example.com], tls: {mode: SIMPLE, serverCertificate: /etc/certs/tls.crt, privateKey: /etc/certs/tls.key}}]
    `,
    },
    expect: [
      {
        rule: 'gateway-duplicate-certificate',
        line: 4,
        name: 'a',
        messageId: 'sameCertificateFiles',
        data: { gateway: 'edge/a', other: 'edge/b' },
      },
      {
        rule: 'gateway-duplicate-certificate',
        line: 13,
        name: 'b',
        messageId: 'sameCertificateFiles',
        data: { gateway: 'edge/b', other: 'edge/a' },
      },
    ],
  },
  {
    name: 'same certificate on gateways of different workloads',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: a, namespace: istio-system}
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: SIMPLE, credentialName: wildcard}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: b, namespace: istio-system}
      spec:
        selector: {istio: internal-gateway}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [b.example.com], tls: {mode: SIMPLE, credentialName: wildcard}}]
    `,
    },
    expect: [],
  },
]);

ruleTable(rule('gateway-conflict'), [
  {
    name: 'same selector, TLS port and host',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: alpha
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [foo.example.com], tls: {mode: SIMPLE, credentialName: a}}]
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata:
        name: beta
      spec:
        selector: {istio: ingressgateway}
        servers: [{port: {number: 443, name: https-2, protocol: HTTPS}, hosts: [foo.example.com, bar.example.com], tls: {mode: SIMPLE, credentialName: b}}]
    `,
    },
    expect: [
      {
        rule: 'gateway-conflict',
        line: 4,
        name: 'alpha',
        messageId: 'conflict',
        data: { other: 'default/beta', host: 'foo.example.com', port: '443' },
      },
      { rule: 'gateway-conflict', line: 12, name: 'beta', messageId: 'conflict', data: { other: 'default/alpha' } },
    ],
  },
  {
    name: 'different hosts, ports or bind addresses do not conflict; a contained selector needs a workload matching both',
    files: {
      'gw.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: alpha}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - {port: {number: 80, name: http, protocol: HTTP}, hosts: [foo.example.com]}
        - {port: {number: 8080, name: http2, protocol: HTTP}, hosts: [x.example.com], bind: 10.0.0.1}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: beta}
      spec:
        selector: {istio: ingressgateway}
        servers:
        - {port: {number: 443, name: https, protocol: HTTPS}, hosts: [foo.example.com], tls: {mode: SIMPLE, credentialName: c}}
        - {port: {number: 8080, name: http2, protocol: HTTP}, hosts: [x.example.com], bind: 10.0.0.2}
      ---
      apiVersion: networking.istio.io/v1
      kind: Gateway
      metadata: {name: gamma}
      spec:
        selector: {istio: ingressgateway, tier: nothing-has-this}
        servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [foo.example.com]}]
    `,
    },
    expect: [],
  },
]);
