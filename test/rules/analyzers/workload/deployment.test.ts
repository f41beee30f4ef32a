import { ruleTable, yaml, rule, rules } from '../../../helpers/harness.js';

const workload = (kind: string, name: string, extra = '') => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: ${name}, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: ${name}}}
      spec:
        containers: [{name: app, image: app}]${extra}
`;
const service = (name: string, app: string, ports: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ${name}, namespace: shop}
  spec: {selector: {app: ${app}}, ports: ${ports}}
`;
const injected = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: shop, labels: {istio-injection: enabled}}
`;

ruleTable(rules('workload-services-port-protocol-conflict', 'workload-services-target-port-conflict'), [
  {
    name: 'two Services agreeing on ports; a selector-less Service selects nothing',
    files: {
      'x.yaml': [
        injected,
        workload('StatefulSet', 'db'),
        service('db', 'db', '[{name: tcp, port: 5432}]'),
        service('db-headless', 'db', '[{name: tcp, port: 5432}]'),
        yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: manual, namespace: shop}
        spec: {ports: [{port: 5432, protocol: UDP}]}
      `,
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'outside the mesh nothing is reported',
    files: {
      'x.yaml': [
        workload('Deployment', 'dns'),
        service('a', 'dns', '[{port: 53, protocol: TCP}]'),
        service('b', 'dns', '[{port: 53, protocol: UDP}]'),
      ].join('---\n'),
    },
    expect: [],
  },
  {
    name: 'one port number, two protocols; one target port, two service ports',
    files: {
      'x.yaml': [
        injected,
        workload('Deployment', 'dns'),
        service('a', 'dns', '[{port: 53, protocol: TCP}]'),
        service('b', 'dns', '[{port: 53, protocol: UDP}, {port: 5353, targetPort: 53}]'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'workload-services-port-protocol-conflict',
        line: 7,
        messageId: 'protocolConflict',
        data: { workloadKind: 'Deployment', workload: 'dns', port: 53, services: 'a (TCP); b (UDP)' },
      },
      {
        rule: 'workload-services-target-port-conflict',
        line: 7,
        messageId: 'targetPortConflict',
        data: { targetPort: '53', servicePorts: '53 (b), 5353 (b)' },
      },
    ],
  },
  {
    name: 'one Service mapping two ports to one container port',
    files: {
      'x.yaml': [
        injected,
        workload('Deployment', 'web'),
        service('web', 'web', '[{name: http, port: 80, targetPort: 8080}, {name: http-alt, port: 8080}]'),
      ].join('---\n'),
    },
    expect: [
      {
        rule: 'workload-services-target-port-conflict',
        line: 7,
        messageId: 'targetPortConflict',
        data: { workload: 'web', targetPort: '8080', servicePorts: '80 (web), 8080 (web)' },
      },
    ],
  },
]);

ruleTable(rule('workload-uses-proxy-uid'), [
  {
    name: 'other UIDs, and the proxy itself',
    files: {
      'x.yaml':
        workload('Deployment', 'a', '\n      securityContext: {runAsUser: 1000}') +
        '---\n' +
        yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: istio-proxy, image: proxyv2, securityContext: {runAsUser: 1337}}]
    `,
    },
    expect: [],
  },
  {
    name: 'pod-level and container-level UID 1337 in a CronJob: one finding',
    files: {
      'cj.yaml': yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report, namespace: shop}
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                securityContext:
                  runAsUser: 1337
                containers:
                - name: report
                  image: report
                  securityContext: {runAsUser: 1337}
    `,
    },
    expect: [
      {
        rule: 'workload-uses-proxy-uid',
        line: 11,
        messageId: 'proxyUid',
        data: { workloadKind: 'CronJob', workload: 'report' },
      },
    ],
  },
  {
    name: "Istio's own objects are skipped",
    files: {
      'x.yaml': yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p, labels: {istio: ingressgateway}}
      spec:
        containers: [{name: app, image: a, securityContext: {runAsUser: 1337}}]
    `,
    },
    expect: [],
  },
]);
