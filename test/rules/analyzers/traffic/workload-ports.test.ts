// portLevelMtls and AuthorizationPolicy ports are the workload's ports, not the Service's.
import { ruleTable, yaml, rule } from '../../../helpers/harness.js';

const app = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop}
  spec:
    selector: {app: api}
    ports:
    - {name: http, port: 80, targetPort: 8080}
    - {name: http-admin, port: 9000, targetPort: admin}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    template:
      metadata: {labels: {app: api}}
      spec:
        containers:
        - name: api
          image: api
          ports: [{containerPort: 8080}, {name: admin, containerPort: 9090}]
`;
// A second Service for the same pods whose port 80 reaches the admin port: port 80 now forwards to two targets.
const adminService = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: api-admin, namespace: shop}
  spec:
    selector: {app: api}
    ports:
    - {name: http, port: 80, targetPort: admin}
`;
const peerAuthn = (port: number) => yaml`
  apiVersion: security.istio.io/v1
  kind: PeerAuthentication
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    mtls: {mode: STRICT}
    portLevelMtls:
      ${port}:
        mode: PERMISSIVE
`;
const authz = (ports: string) => yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    action: ALLOW
    rules:
    - to:
      - operation:
          ports: ${ports}
`;

ruleTable(rule('peerauthn-service-port'), [
  {
    name: 'the container port the Service forwards to',
    files: { 'app.yaml': app, 'pa.yaml': peerAuthn(8080) },
    expect: [],
  },
  {
    name: 'the Service port: fixed to the target port',
    files: { 'app.yaml': app, 'pa.yaml': peerAuthn(80) },
    expect: [
      {
        rule: 'peerauthn-service-port',
        file: 'pa.yaml',
        line: 8,
        messageId: 'forwardsToTargetPort',
        data: { port: 80, targetPort: 8080 },
        hasFix: true,
      },
    ],
    // The new key is quoted: a map key is a string to the API server either way.
    fixed: { 'pa.yaml': peerAuthn(80).replace('  80:', '  "8080":') },
  },
  {
    name: 'a Service port that two Services forward to different target ports: no single fix',
    files: { 'app.yaml': app, 'admin.yaml': adminService, 'pa.yaml': peerAuthn(80) },
    expect: [
      {
        rule: 'peerauthn-service-port',
        file: 'pa.yaml',
        line: 8,
        messageId: 'forwardsToTargetPorts',
        data: { port: 80, targetPorts: '8080, 9090' },
        hasFix: false,
      },
    ],
  },
]);

ruleTable(rule('authz-service-port'), [
  {
    name: 'workload ports, including one the Service reaches by a named targetPort',
    files: { 'app.yaml': app, 'ap.yaml': authz('["8080", "9090"]') },
    expect: [],
  },
  {
    name: 'a Service port whose named targetPort resolves to another container port: fixed to it',
    files: { 'app.yaml': app, 'ap.yaml': authz('["9000"]') },
    expect: [
      {
        rule: 'authz-service-port',
        file: 'ap.yaml',
        line: 10,
        messageId: 'forwardsToTargetPort',
        data: { port: 9000, targetPort: 9090, field: 'operation.ports' },
        hasFix: true,
      },
    ],
    fixed: { 'ap.yaml': authz('["9090"]') },
  },
  {
    name: 'a notPorts Service port that two Services forward to different target ports: no single fix',
    files: {
      'app.yaml': app,
      'admin.yaml': adminService,
      'ap.yaml': yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: api-deny, namespace: shop}
      spec:
        selector: {matchLabels: {app: api}}
        action: DENY
        rules:
        - to:
          - operation:
              notPorts: ["80"]
    `,
    },
    expect: [
      {
        rule: 'authz-service-port',
        file: 'ap.yaml',
        line: 10,
        messageId: 'forwardsToTargetPorts',
        data: { port: 80, targetPorts: '8080, 9090', field: 'operation.notPorts' },
        hasFix: false,
      },
    ],
  },
]);
