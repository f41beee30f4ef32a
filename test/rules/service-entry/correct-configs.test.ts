// Correct ServiceEntry set-ups that users copy from Istio's documentation get no error or warning from any rule.
import { check, yaml } from '../../helpers/harness.js';

const cases: Record<string, Record<string, string>> = {
  'TLS origination: HTTP port, targetPort 443, DestinationRule SIMPLE on that port': {
    'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: httpbin, namespace: apps}
      spec:
        hosts: [httpbin.org]
        location: MESH_EXTERNAL
        resolution: DNS
        ports:
        - {number: 80, name: http, protocol: HTTP, targetPort: 443}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: httpbin, namespace: apps}
      spec:
        host: httpbin.org
        trafficPolicy:
          portLevelSettings:
          - port: {number: 80}
            tls: {mode: SIMPLE, sni: httpbin.org}
    `,
  },
  'STATIC with IP endpoints and addresses': {
    'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: mongo, namespace: data}
      spec:
        hosts: [mongo.data.internal]
        addresses: [10.12.0.0/24]
        location: MESH_EXTERNAL
        resolution: STATIC
        ports: [{number: 27017, name: mongo, protocol: MONGO}]
        endpoints: [{address: 10.12.0.5}, {address: 10.12.0.6}]
    `,
  },
  'STATIC with a workloadSelector matching a WorkloadEntry': {
    'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: reports, namespace: legacy}
      spec:
        hosts: [reports.legacy.internal]
        location: MESH_INTERNAL
        resolution: STATIC
        ports: [{number: 8080, name: http, protocol: HTTP}]
        workloadSelector:
          labels: {app: reports}
      ---
      apiVersion: networking.istio.io/v1
      kind: WorkloadEntry
      metadata: {name: reports-vm-1, namespace: legacy}
      spec: {address: 10.30.1.4, labels: {app: reports}, serviceAccount: reports}
    `,
  },
  'a wildcard NONE passthrough entry beside a concrete DNS entry': {
    'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: google-apis, namespace: istio-system}
      spec:
        hosts: ["*.googleapis.com"]
        location: MESH_EXTERNAL
        resolution: NONE
        ports: [{number: 443, name: tls, protocol: TLS}]
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: storage, namespace: istio-system}
      spec:
        hosts: [storage.googleapis.com]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 443, name: tls, protocol: TLS}]
    `,
  },
  'an HTTPS port with no DestinationRule (passthrough)': {
    'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: github, namespace: ci}
      spec:
        hosts: [api.github.com, github.com]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 443, name: https, protocol: HTTPS}]
    `,
  },
  'TCP with addresses': {
    'se.yaml': yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: postgres, namespace: data}
      spec:
        hosts: [pg.example.com]
        addresses: [192.0.2.15]
        location: MESH_EXTERNAL
        resolution: DNS
        ports: [{number: 5432, name: tcp-postgres, protocol: TCP}]
    `,
  },
};

describe('correct ServiceEntry configurations', () => {
  test.each(Object.entries(cases))('%s', (_name, files) => {
    const serious = check(files).filter((f) => f.severity !== 'info');
    expect(serious.map((f) => `${f.rule} ${f.file}:${f.line}: ${f.message}`)).toEqual([]);
  });
});
