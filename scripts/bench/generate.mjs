// Writes a synthetic GitOps repository of realistic shape: many namespaces, each with Services and
// Deployments, DestinationRules with subsets, VirtualServices (some bound to a shared ingress gateway,
// some routing across namespaces), ServiceEntries for external APIs, a Sidecar and AuthorizationPolicies,
// spread over many multi-document files. Deterministic for a given size.
import fs from 'node:fs';
import path from 'node:path';

const SERVICES_PER_NS = 8;
// Resources per namespace: Namespace + Sidecar + 2 AuthorizationPolicies + 2 ServiceEntries + 1 DR for
// an external host + per service (Service, Deployments v1 and v2, DestinationRule, VirtualService).
const PER_NS = 7 + SERVICES_PER_NS * 5;

export function generateRepository(dir, targetResources) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const nsCount = Math.max(1, Math.round(targetResources / PER_NS));
  let resources = 0;
  let files = 0;
  const write = (rel, docs) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, docs.join('---\n'));
    resources += docs.length;
    files++;
  };
  write('platform/istio-ingress/gateway.yaml', [gateway()]);
  for (let n = 0; n < nsCount; n++) {
    const ns = `team-${String(n).padStart(4, '0')}`;
    const base = `apps/${ns}`;
    write(`${base}/namespace.yaml`, [namespace(ns), sidecar(ns, n, nsCount)]);
    write(`${base}/security/authz.yaml`, [authzAllow(ns, n, nsCount), authzDeny(ns)]);
    write(`${base}/egress/external-apis.yaml`, [serviceEntryDns(ns, n), serviceEntryTls(ns, n), externalDr(ns, n)]);
    for (let s = 0; s < SERVICES_PER_NS; s++) {
      const app = `svc-${s}`;
      write(`${base}/${app}/workload.yaml`, [
        service(ns, app),
        deployment(ns, app, n, s, 'v1'),
        deployment(ns, app, n, s, 'v2'),
      ]);
      write(`${base}/${app}/traffic.yaml`, [destinationRule(ns, app), virtualService(ns, app, n, s, nsCount)]);
    }
  }
  return { resources, files, namespaces: nsCount };
}

const gateway = () => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
  namespace: istio-ingress
spec:
  selector:
    istio: ingressgateway
  servers:
    - port:
        number: 443
        name: https
        protocol: HTTPS
      tls:
        mode: SIMPLE
        credentialName: wildcard-example-com
      hosts:
        - "*/*.example.com"
`;

const namespace = (ns) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio-injection: enabled
    team: ${ns}
`;

const sidecar = (ns, n, nsCount) => `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default
  namespace: ${ns}
spec:
  egress:
    - hosts:
        - "./*"
        - "istio-system/*"
        - "team-${String((n + 1) % nsCount).padStart(4, '0')}/*"
  outboundTrafficPolicy:
    mode: REGISTRY_ONLY
`;

const authzAllow = (ns, n, nsCount) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-callers
  namespace: ${ns}
spec:
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
              - "cluster.local/ns/team-${String((n + nsCount - 1) % nsCount).padStart(4, '0')}/sa/svc-0"
              - "cluster.local/ns/istio-ingress/sa/istio-ingressgateway"
      to:
        - operation:
            methods: ["GET", "POST"]
            paths: ["/api/*"]
    - from:
        - source:
            namespaces: ["${ns}"]
`;

const authzDeny = (ns) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-admin
  namespace: ${ns}
spec:
  action: DENY
  selector:
    matchLabels:
      app: svc-0
  rules:
    - to:
        - operation:
            paths: ["/admin/*"]
`;

const serviceEntryDns = (ns, n) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: payments-api
  namespace: ${ns}
spec:
  hosts:
    - api-${n}.payments.example.net
  exportTo:
    - "."
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: 443
      name: tls
      protocol: TLS
`;

const serviceEntryTls = (ns, n) => `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: legacy-http
  namespace: ${ns}
spec:
  hosts:
    - legacy-${n}.internal.example.org
  exportTo:
    - "."
  location: MESH_EXTERNAL
  resolution: DNS
  ports:
    - number: 80
      name: http
      protocol: HTTP
      targetPort: 443
`;

const externalDr = (ns, n) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: legacy-http-tls
  namespace: ${ns}
spec:
  host: legacy-${n}.internal.example.org
  exportTo:
    - "."
  trafficPolicy:
    portLevelSettings:
      - port:
          number: 80
        tls:
          mode: SIMPLE
          sni: legacy-${n}.internal.example.org
`;

const service = (ns, app) => `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app: ${app}
spec:
  selector:
    app: ${app}
  ports:
    - name: http
      port: 8080
      targetPort: http
    - name: grpc-api
      port: 9090
      targetPort: 9090
`;

const deployment = (ns, app, n, s, version) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}-${version}
  namespace: ${ns}
  labels:
    app: ${app}
    version: ${version}
spec:
  replicas: ${version === 'v2' ? 1 : 1 + ((n + s) % 3)}
  selector:
    matchLabels:
      app: ${app}
      version: ${version}
  template:
    metadata:
      labels:
        app: ${app}
        version: ${version}
      annotations:
        proxy.istio.io/config: |
          holdApplicationUntilProxyStarts: true
    spec:
      serviceAccountName: ${app}
      containers:
        - name: ${app}
          image: registry.example.com/${ns}/${app}:${version === 'v2' ? 2 : 1}.${s}.${n % 10}
          ports:
            - name: http
              containerPort: 8080
            - name: grpc
              containerPort: 9090
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
`;

const destinationRule = (ns, app) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  host: ${app}.${ns}.svc.cluster.local
  trafficPolicy:
    connectionPool:
      http:
        http2MaxRequests: 1000
        maxRequestsPerConnection: 100
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 30s
      baseEjectionTime: 60s
  subsets:
    - name: v1
      labels:
        version: v1
    - name: v2
      labels:
        version: v2
`;

const virtualService = (ns, app, n, s, nsCount) => {
  const other = `team-${String((n + 1) % nsCount).padStart(4, '0')}`;
  const ingress = s === 0;
  return `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  hosts:
${ingress ? `    - ${app}.${ns}.example.com\n` : ''}    - ${app}.${ns}.svc.cluster.local
${ingress ? `  gateways:\n    - istio-ingress/public\n    - mesh\n` : ''}  http:
    - name: canary
      match:
        - headers:
            x-canary:
              exact: "true"
      route:
        - destination:
            host: ${app}.${ns}.svc.cluster.local
            subset: v2
            port:
              number: 8080
    - name: upstream
      match:
        - uri:
            prefix: /upstream/
      rewrite:
        uri: /
      route:
        - destination:
            host: svc-${s}.${other}.svc.cluster.local
            port:
              number: 8080
      timeout: 5s
    - name: default
      route:
        - destination:
            host: ${app}.${ns}.svc.cluster.local
            subset: v1
            port:
              number: 8080
          weight: 90
        - destination:
            host: ${app}.${ns}.svc.cluster.local
            subset: v2
            port:
              number: 8080
          weight: 10
      retries:
        attempts: 3
        perTryTimeout: 2s
        retryOn: 5xx,reset,connect-failure
`;
};
