// The rest of Istio's own ServiceEntry validation (what the admission webhook and `istioctl analyze` report as
// IST0106 errors and IST0133 warnings): hosts, addresses, ports, endpoints, workloadSelector, DYNAMIC_DNS,
// exportTo. Problems that a more specific rule of this group reports (wildcard hosts with DNS, NONE with
// endpoints, several hosts with TCP ports) are left to it, and so are, as everywhere in the project, what the CRD
// schema already says: missing required fields, wrong types, enum values (the schema-* rules).
import { defineRule, type Rule, type RuleContext } from '../rule.js';
import type { MessageData } from '../../util/messages.js';
import { asArray, asObject, asString, isObject, type Resource } from '../../manifests/resource.js';
import { isDns1123Label } from '../../mesh/hosts.js';
import { closest } from '../../util/closest.js';
import {
  addressesOf,
  describePort,
  endpointsOf,
  hasSelector,
  hostsOf,
  isIpAddress,
  isIpOrCidr,
  isTlsFamily,
  KNOWN_PROTOCOLS,
  locationOf,
  portsOf,
  needsAddress,
  resolutionOf,
  tcpPortMessages,
  tcpPortReport,
} from './common.js';
import { quote, valueText } from '../../util/quote.js';

const group = 'service-entry';
const REJECTED = 'Istio rejects the ServiceEntry at apply time';
const DYNAMIC_DNS_PORTS = 'resolution: DYNAMIC_DNS supports only HTTP, HTTP2, GRPC and TLS ports';

const LABEL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** Why Istio rejects a host, by se-invalid-host's message id. */
const HOST_PROBLEMS = {
  emptyHost: `Host {host} is an empty host: ${REJECTED}.`,
  wildcardOnlyHost: `Host {host} is "*" alone (it would capture all traffic): ${REJECTED}.`,
  hostTooLong: `Host {host} is longer than 255 characters: ${REJECTED}.`,
  invalidDnsLabel: `Host {host} is not a valid DNS name (label {label}): ${REJECTED}.`,
  numericHost: `Host {host} is not a DNS name (an IP address or a numeric top-level label); put IPs under "addresses" or "endpoints": ${REJECTED}.`,
};

interface HostProblem {
  messageId: keyof typeof HOST_PROBLEMS;
  /** The template's values besides the host. */
  data: Record<string, string>;
}

/** Why Istio rejects this host, or null when it is a valid (maybe wildcard) DNS name. */
function hostProblem(host: string): HostProblem | null {
  if (host === '') return { messageId: 'emptyHost', data: {} };
  if (host === '*') return { messageId: 'wildcardOnlyHost', data: {} };
  if (host.length > 255) return { messageId: 'hostTooLong', data: {} };
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  for (let i = 0; i < labels.length; i++) {
    let l = labels[i]!;
    if (i === 0 && l.startsWith('*')) {
      if (l === '*') continue;
      l = l.slice(l.startsWith('*-') ? 2 : 1);
    }
    if (l.length > 63 || !LABEL.test(l)) return { messageId: 'invalidDnsLabel', data: { label: quote(labels[i]!) } };
  }
  if (labels.length > 1 && /^[0-9]+$/.test(labels[labels.length - 1]!)) return { messageId: 'numericHost', data: {} };
  return null;
}

function isFqdn(s: string): boolean {
  return hostProblem(s) === null && !s.includes('*');
}

function report(
  ctx: RuleContext,
  se: Resource,
  path: (string | number)[],
  subject: string,
  messageId: string,
  data: MessageData = {},
): void {
  ctx.report({ resource: se, path, subject, messageId, data });
}

export const validationRules: Rule[] = [
  defineRule({
    id: 'se-invalid-host',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'ServiceEntry hosts missing, "*" alone, an IP, or not a valid DNS name: Istio rejects the entry.',
    messages: HOST_PROBLEMS,
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        // No hosts at all, or a host that is not a string, is a schema finding.
        asArray(se.spec.hosts).forEach((h, i) => {
          const problem = typeof h === 'string' ? hostProblem(h) : null;
          if (problem)
            report(ctx, se, ['spec', 'hosts', i], valueText(h), problem.messageId, {
              host: quote(valueText(h)),
              ...problem.data,
            });
        });
      }
    },
  }),
  defineRule({
    id: 'se-partial-wildcard-host',
    severity: 'warning',
    istioCode: 'IST0133',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'A ServiceEntry host with a partial wildcard (*foo.com), which Istio warns about.',
    messages: {
      partialWildcard:
        'Host {host} is a partial wildcard: it matches any name ending in {suffix} (also "x{suffixText}"), not only subdomains, and Istio warns about it. Use "*.{domain}" for subdomains.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (resolutionOf(se) === 'DYNAMIC_DNS') continue;
        hostsOf(se).forEach((h, i) => {
          if (!h.startsWith('*') || h === '*' || h.startsWith('*.') || hostProblem(h)) return;
          const suffix = h.slice(1);
          report(ctx, se, ['spec', 'hosts', i], h, 'partialWildcard', {
            host: quote(h),
            suffix: quote(suffix),
            suffixText: suffix,
            domain: suffix.replace(/^[-.]/, ''),
          });
        });
      }
    },
  }),
  defineRule({
    id: 'se-invalid-address',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'A ServiceEntry address that is not an IP or CIDR, or a CIDR with DNS resolution: Istio rejects the entry.',
    messages: {
      notIpOrCidr: `Address {address} is not an IP address or CIDR block: ${REJECTED}. "addresses" holds the virtual IPs apps connect to; host names belong in "hosts" or endpoint addresses.`,
      cidrWithResolution: `Address {address} is a CIDR block but resolution is {resolution}: a CIDR needs resolution NONE or STATIC, and ${REJECTED}.`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const res = resolutionOf(se);
        asArray(se.spec.addresses).forEach((a, i) => {
          if (typeof a !== 'string') return; // a schema finding (wrong type)
          const s = a;
          if (!isIpOrCidr(s)) {
            report(ctx, se, ['spec', 'addresses', i], s, 'notIpOrCidr', { address: quote(s) });
          } else if (s.includes('/') && res !== 'NONE' && res !== 'STATIC') {
            report(ctx, se, ['spec', 'addresses', i], s, 'cidrWithResolution', {
              address: quote(s),
              resolution: String(res),
            });
          }
        });
      }
    },
  }),
  defineRule({
    id: 'se-invalid-port',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: true,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A ServiceEntry port with a missing, malformed or duplicate name or number, a bad targetPort or an unknown protocol.',
    messages: {
      nameNotDnsLabel: `Port name {name} is not a DNS label (letters, digits and "-", at most 63): ${REJECTED}.`,
      duplicateName: `Port name {name} is used twice: ${REJECTED}.`,
      numberOutOfRange: `Port {port} has number {number}, not 1-65535: ${REJECTED}.`,
      duplicateNumber: `Port number {number} is declared twice: ${REJECTED}. Merge the two entries.`,
      targetPortOutOfRange: `targetPort {targetPort} is not a port number 1-65535: ${REJECTED}.`,
      unknownProtocol: `Protocol {protocol} is not one Istio knows (${KNOWN_PROTOCOLS.join(', ')}): ${REJECTED}.`,
      unknownProtocolDidYouMean: `Protocol {protocol} is not one Istio knows (${KNOWN_PROTOCOLS.join(', ')}): ${REJECTED}. Did you mean {guess}?`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const names = new Set<string>();
        const numbers = new Set<number>();
        asArray(se.spec.ports).forEach((p, i) => {
          const at = ['spec', 'ports', i];
          if (!isObject(p)) return; // a schema finding (wrong type)
          // Missing names and numbers and values of the wrong type are schema findings; Istio's own rules follow.
          const name = asString(p.name);
          const num = p.number;
          const id = String(typeof num === 'number' ? num : (name ?? `#${i + 1}`));
          if (name !== undefined && name !== '') {
            if (name.length > 63 || !LABEL.test(name))
              report(ctx, se, [...at, 'name'], id, 'nameNotDnsLabel', { name: quote(name) });
            else if (names.has(name)) report(ctx, se, [...at, 'name'], id, 'duplicateName', { name: quote(name) });
            names.add(name);
          }
          if (typeof num === 'number') {
            if (!Number.isInteger(num) || num < 1 || num > 65535) {
              report(ctx, se, [...at, 'number'], id, 'numberOutOfRange', {
                port: name ? quote(name) : i + 1,
                number: num,
              });
            } else if (numbers.has(num)) {
              report(ctx, se, [...at, 'number'], id, 'duplicateNumber', { number: num });
            } else numbers.add(num);
          }
          // targetPort 0 means "not set" to Istio.
          if (typeof p.targetPort === 'number' && p.targetPort > 65535) {
            report(ctx, se, [...at, 'targetPort'], id, 'targetPortOutOfRange', { targetPort: p.targetPort });
          }
          if (typeof p.protocol === 'string' && p.protocol !== '') {
            const proto = p.protocol;
            if (!KNOWN_PROTOCOLS.includes(proto.toUpperCase())) {
              const guess = closest(proto, KNOWN_PROTOCOLS);
              ctx.report({
                resource: se,
                path: [...at, 'protocol'],
                subject: id,
                ...(guess
                  ? { messageId: 'unknownProtocolDidYouMean', data: { protocol: quote(proto), guess } }
                  : { messageId: 'unknownProtocol', data: { protocol: quote(proto) } }),
                fix: guess
                  ? { op: 'set', path: [...at, 'protocol'], value: guess, description: `protocol: ${guess}` }
                  : null,
              });
            }
          }
        });
      }
    },
  }),
  defineRule({
    id: 'se-invalid-workload-selector',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A ServiceEntry workloadSelector with an empty or wildcard label, or set together with endpoints: Istio rejects the entry.',
    messages: {
      emptyLabel: `Selector label {key}: {value} is empty: labels must be matched exactly, and ${REJECTED}.`,
      wildcardLabel: `Selector label {key}: {value} is a wildcard: labels must be matched exactly, and ${REJECTED}.`,
      selectorWithEndpoints: `The entry has both "workloadSelector" and "endpoints": ${REJECTED}. Use the selector for Pods and WorkloadEntries, or list endpoints, not both.`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (!hasSelector(se)) continue;
        const labels = asObject(asObject(se.spec.workloadSelector).labels);
        for (const [k, v] of Object.entries(labels)) {
          if (k === '' || k.includes('*') || (typeof v === 'string' && v.includes('*'))) {
            report(ctx, se, ['spec', 'workloadSelector', 'labels', k], k, k === '' ? 'emptyLabel' : 'wildcardLabel', {
              key: quote(k),
              value: quote(valueText(v)),
            });
          }
        }
        if (endpointsOf(se).length > 0) {
          report(ctx, se, ['spec', 'workloadSelector'], 'endpoints', 'selectorWithEndpoints');
        }
      }
    },
  }),
  defineRule({
    id: 'se-workload-selector-ignored',
    severity: 'warning',
    istioCode: 'IST0133',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'A ServiceEntry workloadSelector with no labels, or with resolution NONE, where it selects nothing useful.',
    messages: {
      noLabels:
        'workloadSelector has no labels: it selects every workload of the namespace (Istio warns). Add the labels of the workloads behind this entry.',
      resolutionNone:
        'workloadSelector is set but resolution is NONE{defaultNote}: the selected workloads are not used as endpoints (Istio warns). Set resolution: STATIC to send traffic to them.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (!hasSelector(se)) continue;
        const labels = asObject(asObject(se.spec.workloadSelector).labels);
        if (Object.keys(labels).length === 0) {
          report(ctx, se, ['spec', 'workloadSelector'], 'empty', 'noLabels');
        } else if (resolutionOf(se) === 'NONE') {
          report(ctx, se, ['spec', 'workloadSelector'], 'NONE', 'resolutionNone', {
            defaultNote: se.spec.resolution === undefined ? ' (the default)' : '',
          });
        }
      }
    },
  }),
  defineRule({
    id: 'se-addresses-not-allocated',
    severity: 'warning',
    istioCode: 'IST0133',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A plain-TCP (TCP, MONGO, MYSQL, REDIS) or protocol-less non-HTTP ServiceEntry port without addresses where Istio does not auto-allocate one (resolution NONE or opted out).',
    messages: tcpPortMessages(
      'and the entry has no "addresses", and Istio does not allocate one {reason}: TCP traffic can only be matched by destination port, so it may go to the wrong place or pass through. Add "addresses".',
    ),
    check(ctx) {
      const s = ctx.mesh.settings;
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (asArray(se.spec.addresses).length > 0) continue;
        const optedOut = se.labels['networking.istio.io/enable-autoallocate-ip'] === 'false';
        if (resolutionOf(se) !== 'NONE' && !optedOut) continue;
        const status = se.obj.status;
        if (isObject(status) && asArray(status.addresses).length > 0) continue; // an address was allocated
        const istioWarnsAlready = !(s.dnsCapture && s.addressAutoAllocate);
        for (const p of portsOf(se)) {
          if (!needsAddress(p)) continue;
          if (istioWarnsAlready) continue; // se-addresses-required (IST0134) reports this port
          const opening = tcpPortReport(p);
          report(ctx, se, ['spec', 'ports', p.index, 'name'], String(p.number ?? p.name), opening.messageId, {
            ...opening.data,
            reason: optedOut
              ? 'because the entry opts out with networking.istio.io/enable-autoallocate-ip: "false"'
              : 'for resolution NONE',
          });
        }
      }
    },
  }),
  defineRule({
    id: 'se-invalid-endpoint',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: "A ServiceEntry endpoint address or port Istio rejects for the entry's resolution.",
    messages: {
      roundRobinEndpoints: `resolution: DNS_ROUND_ROBIN allows at most one endpoint, and the entry lists {count}: ${REJECTED}. Use resolution: DNS for several endpoints.`,
      noAddress: `Endpoint {position} has no "address" (and no "network"): ${REJECTED}.`,
      unixPathNotAbsolute: `Unix endpoint {address} needs an absolute path or an @abstract name: ${REJECTED}.`,
      unixWithPorts: `Unix endpoint {address} cannot list ports: ${REJECTED}.`,
      unixNeedsOnePort: `Unix endpoint {address} needs the entry to have exactly one port: ${REJECTED}.`,
      staticNeedsIp: `Endpoint address {address} is not an IP address, and resolution: STATIC needs IPs: ${REJECTED}. Use resolution: DNS for host-name endpoints.`,
      invalidAddress: `Endpoint address {address} is neither an IP address nor a DNS name: ${REJECTED}.`,
      unknownPortName: `Endpoint port {name} is not the name of any port of the entry ({portNames}): ${REJECTED}.`,
      portOutOfRange: `Endpoint port {name}: {number} is not a port number 1-65535: ${REJECTED}.`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const res = resolutionOf(se);
        if (res !== 'STATIC' && res !== 'DNS' && res !== 'DNS_ROUND_ROBIN') continue;
        const eps = endpointsOf(se);
        const portNames = new Set(
          portsOf(se)
            .map((p) => p.name)
            .filter((n): n is string => n !== null),
        );
        if (res === 'DNS_ROUND_ROBIN' && eps.length > 1) {
          report(ctx, se, ['spec', 'endpoints'], 'endpoints', 'roundRobinEndpoints', { count: eps.length });
        }
        eps.forEach((ep, i) => {
          const at = ['spec', 'endpoints', i];
          if (!isObject(ep)) return; // a schema finding (wrong type)
          const addr = asString(ep.address) ?? '';
          const unix = addr.startsWith('unix://');
          if (addr === '') {
            if (!asString(ep.network)) report(ctx, se, at, `#${i}`, 'noAddress', { position: i + 1 });
          } else if (res === 'STATIC') {
            if (unix) {
              const path = addr.slice('unix://'.length);
              if (!path.startsWith('/') && !path.startsWith('@'))
                report(ctx, se, [...at, 'address'], addr, 'unixPathNotAbsolute', { address: quote(addr) });
              if (isObject(ep.ports) && Object.keys(ep.ports).length > 0)
                report(ctx, se, [...at, 'ports'], addr, 'unixWithPorts', { address: quote(addr) });
              if (portsOf(se).length !== 1)
                report(ctx, se, [...at, 'address'], `${addr}|ports`, 'unixNeedsOnePort', { address: quote(addr) });
            } else if (!isIpAddress(addr)) {
              report(ctx, se, [...at, 'address'], addr, 'staticNeedsIp', { address: quote(addr) });
            }
          } else if (!isIpAddress(addr) && !isFqdn(addr)) {
            report(ctx, se, [...at, 'address'], addr, 'invalidAddress', { address: quote(addr) });
          }
          if (isObject(ep.ports)) {
            for (const [name, num] of Object.entries(ep.ports)) {
              if (!portNames.has(name))
                report(ctx, se, [...at, 'ports', name], `${addr}|${name}`, 'unknownPortName', {
                  name: quote(name),
                  portNames: [...portNames].map(quote).join(', ') || 'none',
                });
              else if (typeof num !== 'number' || num < 1 || num > 65535)
                report(ctx, se, [...at, 'ports', name], `${addr}|${name}`, 'portOutOfRange', {
                  name: quote(name),
                  number: quote(valueText(num)),
                });
            }
          }
        });
      }
    },
  }),
  defineRule({
    id: 'se-invalid-dynamic-dns',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'resolution DYNAMIC_DNS with concrete hosts, addresses, endpoints, a non-HTTP/TLS port or a bad location: Istio rejects the entry.',
    messages: {
      concreteHost: `resolution: DYNAMIC_DNS needs wildcard hosts, and {host} is not one: ${REJECTED}. Use resolution: DNS for concrete hosts.`,
      withAddresses: `resolution: DYNAMIC_DNS cannot have "addresses": ${REJECTED}.`,
      withEndpoints: `resolution: DYNAMIC_DNS cannot have "endpoints": ${REJECTED}.`,
      unsupportedProtocol: `Port {port} is {protocol}; ${DYNAMIC_DNS_PORTS}: ${REJECTED}.`,
      portWithoutProtocol: `Port {port} is declared without a protocol; ${DYNAMIC_DNS_PORTS}: ${REJECTED}.`,
      internalWithWaypoint: `resolution: DYNAMIC_DNS with location MESH_INTERNAL cannot use a waypoint (label istio.io/use-waypoint): ${REJECTED}.`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        if (resolutionOf(se) !== 'DYNAMIC_DNS') continue;
        hostsOf(se).forEach((h, i) => {
          if (!h.startsWith('*')) report(ctx, se, ['spec', 'hosts', i], h, 'concreteHost', { host: quote(h) });
        });
        if (addressesOf(se).length > 0) report(ctx, se, ['spec', 'addresses'], 'addresses', 'withAddresses');
        if (endpointsOf(se).length > 0) report(ctx, se, ['spec', 'endpoints'], 'endpoints', 'withEndpoints');
        for (const p of portsOf(se)) {
          if (p.protocol && ['HTTP', 'TLS', 'GRPC', 'HTTP2'].includes(p.protocol.toUpperCase())) continue;
          if (p.protocol)
            report(ctx, se, ['spec', 'ports', p.index, 'protocol'], String(p.number ?? p.name), 'unsupportedProtocol', {
              port: describePort(p),
              protocol: quote(p.protocol),
            });
          else
            report(ctx, se, ['spec', 'ports', p.index], String(p.number ?? p.name), 'portWithoutProtocol', {
              port: describePort(p),
            });
        }
        const loc = locationOf(se);
        const waypoint = se.labels['istio.io/use-waypoint'];
        if (loc === 'MESH_INTERNAL' && waypoint !== undefined && waypoint !== 'none') {
          report(ctx, se, ['spec', 'location'], 'location', 'internalWithWaypoint');
        }
      }
    },
  }),
  defineRule({
    id: 'se-dns-addresses-multiple-hosts',
    severity: 'warning',
    istioCode: 'IST0133',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title: 'resolution DNS with addresses, several hosts and a TLS port: one address cannot stand for several hosts.',
    messages: {
      addressesForSeveralHosts:
        'The entry has {hostCount} hosts, resolution {resolution}, "addresses" and the {protocol} port {port}: traffic to those addresses cannot tell the hosts apart, so connections may go to whichever host resolves first (Istio warns). Use one ServiceEntry per host when you set addresses.',
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const res = resolutionOf(se);
        if ((res !== 'DNS' && res !== 'DNS_ROUND_ROBIN') || endpointsOf(se).length > 0) continue;
        if (addressesOf(se).length === 0 || hostsOf(se).length < 2) continue;
        // TCP/Mongo/Redis/MySQL ports with several hosts are rejected outright (se-multiple-hosts-non-http-port).
        const p = portsOf(se).find((x) => x.protocol && isTlsFamily(x.protocol));
        if (!p) continue;
        report(ctx, se, ['spec', 'addresses'], 'addresses', 'addressesForSeveralHosts', {
          hostCount: hostsOf(se).length,
          resolution: res,
          protocol: quote(p.protocol!),
          port: describePort(p),
        });
      }
    },
  }),
  defineRule({
    id: 'se-invalid-export-to',
    severity: 'error',
    istioCode: 'IST0106',
    group,
    fixable: false,
    inputs: [{ kind: 'ServiceEntry' }],
    title:
      'A ServiceEntry exportTo list with a malformed namespace, a duplicate, or "*"/"~" combined with other entries.',
    messages: {
      invalidEntry: `exportTo entry {entry} is not ".", "*", "~" or a namespace name: ${REJECTED}.`,
      duplicateEntry: `exportTo lists {entry} twice: ${REJECTED}.`,
      duplicateOwnNamespace: `exportTo lists {entry} (namespace "{namespace}") twice: ${REJECTED}.`,
      starCombined: `exportTo {entry} cannot be combined with other entries: ${REJECTED}. Use "*" alone to export everywhere.`,
      tildeCombined: `exportTo {entry} cannot be combined with other entries: ${REJECTED}. Use "~" alone to hide the entry.`,
    },
    check(ctx) {
      for (const se of ctx.allInputs('ServiceEntry')) {
        const list = asArray(se.spec.exportTo);
        const seen = new Set<string>();
        const strs = list.map((e) => valueText(e));
        list.forEach((e, i) => {
          if (typeof e !== 'string') return; // a schema finding (wrong type)
          const s = e;
          const norm = s === '.' ? se.namespace! : s;
          const at = ['spec', 'exportTo', i];
          if (s !== '.' && s !== '*' && s !== '~' && !isDns1123Label(s)) {
            report(ctx, se, at, s, 'invalidEntry', { entry: quote(s) });
          } else if (seen.has(norm)) {
            if (s === '.' || norm === se.namespace)
              report(ctx, se, at, s, 'duplicateOwnNamespace', { entry: quote(s), namespace: String(se.namespace) });
            else report(ctx, se, at, s, 'duplicateEntry', { entry: quote(s) });
          } else if ((s === '*' || s === '~') && strs.length > 1) {
            report(ctx, se, at, s, s === '*' ? 'starCombined' : 'tildeCombined', { entry: quote(s) });
          }
          seen.add(norm);
        });
      }
    },
  }),
];
