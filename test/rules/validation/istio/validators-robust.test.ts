// Property: the admission-validation walkers never throw, whatever type any field of a manifest has
// (`hosts: 5`, `http: {}`, nulls in lists, numbers for strings) — wrong types are the schema rules' business.
import fc from 'fast-check';
import type { Json, JsonObject, Resource } from '../../../../src/manifests/resource.js';
import { Issues, type Validator } from '../../../../src/rules/validation/istio/common.js';
import { validateVirtualService } from '../../../../src/rules/validation/istio/virtual-service.js';
import { validateDestinationRule } from '../../../../src/rules/validation/istio/destination-rule.js';
import { validateGateway } from '../../../../src/rules/validation/istio/gateway.js';
import { validateSidecar } from '../../../../src/rules/validation/istio/sidecar.js';
import {
  validateAuthorizationPolicy,
  validatePeerAuthentication,
  validateRequestAuthentication,
} from '../../../../src/rules/validation/istio/security.js';
import {
  validateTelemetry,
  validateWorkloadEntry,
  validateWorkloadGroup,
} from '../../../../src/rules/validation/istio/telemetry-workload.js';

const SAMPLES: [string, Validator, JsonObject][] = [
  [
    'VirtualService',
    validateVirtualService,
    {
      hosts: ['reviews', '*.example.com'],
      gateways: ['istio-system/gw', 'mesh'],
      exportTo: ['.'],
      http: [
        {
          name: 'a',
          match: [
            {
              uri: { prefix: '/a' },
              headers: { x: { exact: 'y' } },
              method: { exact: 'GET' },
              port: 80,
              gateways: ['gw.ns'],
            },
          ],
          route: [
            {
              destination: { host: 'reviews', subset: 'v1', port: { number: 80 } },
              weight: 50,
              headers: { request: { set: { a: 'b' } } },
            },
          ],
          retries: { attempts: 3, retryOn: '5xx', perTryTimeout: '1s' },
          timeout: '5s',
          fault: { abort: { httpStatus: 500 }, delay: { fixedDelay: '1s' } },
          corsPolicy: { allowOrigins: [{ exact: 'x' }], allowMethods: ['GET'], maxAge: '1h' },
          mirror: { host: 'm' },
          mirrors: [{ destination: { host: 'n' } }],
          rewrite: { uri: '/', uriRegexRewrite: { match: 'a', rewrite: 'b' } },
          redirect: { uri: '/x', redirectCode: 301 },
          directResponse: { status: 200, body: { string: 'ok' } },
          delegate: { name: 'd' },
          headers: { request: { add: { a: 'b' }, remove: ['c'] }, response: { set: { d: 'e' } } },
        },
      ],
      tcp: [
        {
          match: [{ port: 1, destinationSubnets: ['10.0.0.0/8'], sourceLabels: { a: 'b' } }],
          route: [{ destination: { host: 'db' } }],
        },
      ],
      tls: [{ match: [{ sniHosts: ['a.example.com'], port: 443 }], route: [{ destination: { host: 'a' } }] }],
    },
  ],
  [
    'DestinationRule',
    validateDestinationRule,
    {
      host: 'reviews',
      exportTo: ['.'],
      workloadSelector: { matchLabels: { app: 'a' } },
      trafficPolicy: {
        connectionPool: {
          tcp: { maxConnections: 1, connectTimeout: '1s', tcpKeepalive: { time: '1s' } },
          http: { idleTimeout: '1s' },
        },
        outlierDetection: { interval: '1s', consecutiveLocalOriginFailures: 1 },
        tls: { mode: 'MUTUAL', credentialName: 'c' },
        tunnel: { targetHost: 'a', targetPort: 1 },
        loadBalancer: {
          consistentHash: { httpCookie: { name: 'a' }, maglev: { tableSize: 7 } },
          localityLbSetting: { distribute: [{ from: 'a/*', to: { 'b/*': 100 } }], failover: [{ from: 'a', to: 'b' }] },
        },
        portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'SIMPLE' } }],
      },
      subsets: [{ name: 'v1', labels: { version: 'v1' }, trafficPolicy: { loadBalancer: { simple: 'RANDOM' } } }],
    },
  ],
  [
    'Gateway',
    validateGateway,
    {
      selector: { istio: 'ingressgateway' },
      servers: [
        {
          port: { number: 443, name: 'https', protocol: 'HTTPS' },
          hosts: ['ns/a.example.com'],
          bind: '0.0.0.0',
          tls: { mode: 'SIMPLE', credentialName: 'c', cipherSuites: ['a'] },
        },
      ],
    },
  ],
  [
    'Sidecar',
    validateSidecar,
    {
      workloadSelector: { labels: { app: 'a' } },
      ingress: [
        {
          port: { number: 80, protocol: 'HTTP', name: 'http' },
          defaultEndpoint: '127.0.0.1:80',
          tls: { mode: 'SIMPLE' },
          connectionPool: { http: { maxRetries: 1 } },
        },
      ],
      egress: [{ port: { number: 0 }, bind: 'unix:///a', hosts: ['./*'] }, { hosts: ['*/*'] }],
      outboundTrafficPolicy: { mode: 'ALLOW_ANY', egressProxy: { host: 'p.example.com', port: { number: 3128 } } },
      inboundConnectionPool: { tcp: {} },
    },
  ],
  [
    'AuthorizationPolicy',
    validateAuthorizationPolicy,
    {
      selector: { matchLabels: { app: 'a' } },
      action: 'CUSTOM',
      provider: { name: 'p' },
      targetRefs: [{ kind: 'Service', name: 's' }],
      rules: [
        {
          from: [{ source: { principals: ['a'], ipBlocks: ['1.2.3.4'] } }],
          to: [{ operation: { ports: ['80'], paths: ['/a/{*}'] } }],
          when: [{ key: 'source.ip', values: ['1.2.3.4'] }],
        },
      ],
    },
  ],
  [
    'PeerAuthentication',
    validatePeerAuthentication,
    { selector: { matchLabels: { app: 'a' } }, mtls: { mode: 'STRICT' }, portLevelMtls: { '80': { mode: 'DISABLE' } } },
  ],
  [
    'RequestAuthentication',
    validateRequestAuthentication,
    {
      selector: { matchLabels: { app: 'a' } },
      jwtRules: [
        {
          issuer: 'i',
          jwksUri: 'https://a/j',
          jwks: '{}',
          audiences: ['a'],
          fromHeaders: [{ name: 'h' }],
          fromParams: ['p'],
          outputClaimToHeaders: [{ header: 'h', claim: 'c' }],
          timeout: '1s',
        },
      ],
    },
  ],
  [
    'Telemetry',
    validateTelemetry,
    {
      selector: { matchLabels: { app: 'a' } },
      tracing: [
        {
          providers: [{ name: 'p' }],
          randomSamplingPercentage: 1,
          customTags: { t: { literal: { value: 'v' } }, h: { header: { name: 'x' } } },
        },
      ],
      metrics: [
        {
          providers: [{ name: 'p' }],
          overrides: [{ match: { customMetric: 'm' }, tagOverrides: { a: { value: 'b' } } }],
        },
      ],
      accessLogging: [{ providers: [{ name: 'p' }] }],
    },
  ],
  [
    'WorkloadEntry',
    validateWorkloadEntry,
    { address: '1.2.3.4', ports: { http: 80 }, labels: { app: 'a' }, network: 'n' },
  ],
  [
    'WorkloadGroup',
    validateWorkloadGroup,
    {
      metadata: { labels: { app: 'a' } },
      template: { ports: { http: 80 } },
      probe: { httpGet: { port: 80, httpHeaders: [{ name: 'a' }] }, periodSeconds: 1 },
    },
  ],
];

/** Every path into a JSON value (objects by key, arrays by index). */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function replaceAt(v: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? replaceAt(x, rest, value) : x));
  if (v !== null && typeof v === 'object')
    return { ...v, [head as string]: replaceAt(v[head as string]!, rest, value) };
  return v;
}

function resourceOf(kind: string, spec: Json): Resource {
  return {
    kind,
    name: 'n',
    namespace: 'ns',
    annotations: {},
    labels: {},
    spec: spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec : {},
  } as unknown as Resource;
}

describe.each(SAMPLES)('%s validation never throws', (kind, validate, sample) => {
  test('the sample itself', () => {
    expect(() => validate(resourceOf(kind, sample), new Issues())).not.toThrow();
  });
  test('any field replaced by any JSON value', () => {
    const all = paths(sample);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(all.length - 1), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          let spec: Json = sample;
          for (const [i, value] of edits) spec = replaceAt(spec, all[i]!, value);
          const out = new Issues();
          validate(resourceOf(kind, spec), out);
          for (const issue of out.list) expect(typeof issue.problem).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  });
});
