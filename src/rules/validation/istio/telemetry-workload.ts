// Telemetry, WorkloadEntry and WorkloadGroup: what istiod's admission webhook rejects (IST0106) or warns
// about (IST0133).
import type { Path, Resource } from '../../../manifests/resource.js';
import { isObject } from '../../../manifests/resource.js';
import {
  arr,
  checkLabels,
  checkPolicyTargets,
  checkWorkloadSelector,
  fqdnError,
  HEADER_NAME,
  isDnsLabel,
  isIP,
  Issues,
  kindRules,
  nonZero,
  num,
  obj,
  portError,
  str,
  unixPathError,
} from './common.js';
import { quote } from '../../../util/quote.js';

// Providers without a name, sampling percentages outside 0..100, empty custom tag values and an empty
// customMetric are also rejected by the CRD schema: the schema rules report them, not these.

export function validateTelemetry(r: Resource, out: Issues): void {
  const spec = r.spec;
  checkPolicyTargets(out, spec);
  checkWorkloadSelector(out, ['spec', 'selector'], spec.selector, false);

  (arr(spec.metrics) ?? []).forEach((m, i) => {
    const mp: Path = ['spec', 'metrics', i];
    const metrics = obj(m);
    if (!metrics) return;
    (arr(metrics.overrides) ?? []).forEach((o, j) => {
      const op = [...mp, 'overrides', j];
      if (o === null) {
        out.error(op, 'a metrics override is null');
        return;
      }
      if (!isObject(o)) return;
      for (const [tag, to] of Object.entries(obj(o.tagOverrides) ?? {})) {
        const tp = [...op, 'tagOverrides', tag];
        if (tag === '') out.warn(tp, 'a tagOverrides entry has an empty tag name');
        if (to === null) {
          out.error(
            tp,
            `tag override ${quote(tag)} is null`,
            'Give it {value: <CEL expression>} or {operation: REMOVE}.',
          );
          continue;
        }
        if (!isObject(to)) continue;
        const operation = str(to.operation) ?? 'UPSERT';
        if (operation === 'UPSERT' && !nonZero(to.value))
          out.error(
            tp,
            `tag override ${quote(tag)} adds or updates the tag but has no value`,
            'Set value to a CEL expression, or operation: REMOVE to drop the tag.',
          );
        if (operation === 'REMOVE' && nonZero(to.value))
          out.error(
            [...tp, 'value'],
            `tag override ${quote(tag)} removes the tag, so it cannot have a value`,
            'Remove value, or use operation: UPSERT.',
          );
      }
    });
  });

  const tracing = arr(spec.tracing) ?? [];
  if (tracing.length > 1)
    out.warn(['spec', 'tracing'], 'more than one tracing configuration is not supported', 'Keep one tracing entry.');
  tracing.forEach((t, i) => {
    const tp: Path = ['spec', 'tracing', i];
    const tr = obj(t);
    if (!tr) return;
    const providers = arr(tr.providers) ?? [];
    if (providers.length > 1)
      out.warn([...tp, 'providers'], 'more than one tracing provider is not supported', 'Keep one provider.');
    for (const [name, tag] of Object.entries(obj(tr.customTags) ?? {})) {
      const cp = [...tp, 'customTags', name];
      if (name === '') out.error(cp, 'a custom tag has an empty name');
      if (tag === null) {
        out.error(cp, `custom tag ${quote(name)} is null`);
        continue;
      }
    }
  });
}

export function validateWorkloadEntry(r: Resource, out: Issues): void {
  const spec = r.spec;
  const addr = str(spec.address) ?? '';
  if (spec.address !== undefined && typeof spec.address !== 'string') return; // a type error
  if (addr === '') {
    if (!nonZero(spec.network)) {
      out.errorWhole(
        spec.address === undefined ? ['spec'] : ['spec', 'address'],
        'the WorkloadEntry has no address',
        "Set address to the VM's IP or DNS name.",
      );
      return;
    }
    out.warn(
      ['spec', 'network'],
      `address is not set, only network ${quote(spec.network)}`,
      "Set address unless the workload is reached only through the network's gateway.",
    );
  }
  if (addr.startsWith('unix://')) {
    const e = unixPathError(addr.slice(7));
    if (e) out.error(['spec', 'address'], `address ${e}`);
    if (Object.keys(obj(spec.ports) ?? {}).length > 0)
      out.error(['spec', 'ports'], `a unix socket endpoint (${quote(addr)}) cannot list ports`, 'Remove ports.');
  } else if (addr !== '' && !isIP(addr) && fqdnError(addr)) {
    out.error(['spec', 'address'], `address ${quote(addr)} is not an IP address or a DNS name`);
  }
  for (const [name, port] of Object.entries(obj(spec.ports) ?? {})) {
    if (!isDnsLabel(name)) out.error(['spec', 'ports', name], `port name ${quote(name)} is not a DNS-1123 label`);
    if (typeof port === 'number' && portError(port))
      out.error(['spec', 'ports', name], `port ${quote(name)}: ${portError(port)}`);
  }
  checkLabels(out, ['spec', 'labels'], spec.labels);
}

export function validateWorkloadGroup(r: Resource, out: Issues): void {
  const spec = r.spec;
  if (!isObject(spec.template)) return; // a missing template is a schema finding
  const meta = obj(spec.metadata);
  if (meta) {
    const before = out.list.length;
    checkLabels(out, ['spec', 'metadata', 'labels'], meta.labels);
    if (out.list.length > before) return; // Istio stops at invalid labels
  }
  const probe = obj(spec.probe);
  if (!probe) return;
  const p: Path = ['spec', 'probe'];
  for (const f of ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold']) {
    const n = num(probe[f]);
    if (n !== undefined && n < 0) out.error([...p, f], `probe.${f} ${n} is negative`);
  }
  const httpGet = probe.httpGet;
  const tcp = probe.tcpSocket;
  const exec = probe.exec;
  if (httpGet !== undefined) {
    const h = obj(httpGet);
    if (!h) {
      if (httpGet === null) out.error([...p, 'httpGet'], 'probe.httpGet is null');
      return;
    }
    const port = num(h.port);
    if (port !== undefined && portError(port)) out.error([...p, 'httpGet', 'port'], `probe.httpGet ${portError(port)}`);
    const scheme = str(h.scheme);
    if (scheme && scheme !== 'HTTP' && scheme !== 'HTTPS')
      out.error(
        [...p, 'httpGet', 'scheme'],
        `probe.httpGet.scheme ${quote(scheme)} is not "HTTP" or "HTTPS"`,
        undefined,
        ['HTTP', 'HTTPS'].includes(scheme.toUpperCase())
          ? {
              op: 'set',
              path: [...p, 'httpGet', 'scheme'],
              value: scheme.toUpperCase(),
              description: `scheme: ${scheme.toUpperCase()}`,
            }
          : null,
      );
    (arr(h.httpHeaders) ?? []).forEach((hd, i) => {
      if (hd === null) {
        out.error([...p, 'httpGet', 'httpHeaders', i], 'a probe header is null');
        return;
      }
      const name = str(obj(hd)?.name);
      if (name !== undefined && !HEADER_NAME.test(name))
        out.error(
          [...p, 'httpGet', 'httpHeaders', i],
          name === '' ? 'a probe header has no name' : `probe header name ${quote(name)} is not a valid header name`,
        );
    });
  } else if (tcp !== undefined) {
    const t = obj(tcp);
    if (!t) {
      if (tcp === null) out.error([...p, 'tcpSocket'], 'probe.tcpSocket is null');
      return;
    }
    const port = num(t.port);
    if (port !== undefined && portError(port))
      out.error([...p, 'tcpSocket', 'port'], `probe.tcpSocket ${portError(port)}`);
  } else if (exec !== undefined) {
    const e = obj(exec);
    if (!e) {
      if (exec === null) out.error([...p, 'exec'], 'probe.exec is null');
      return;
    }
    if (Array.isArray(e.command) && e.command.length === 0)
      out.error([...p, 'exec', 'command'], 'probe.exec has an empty command');
  } else if (probe.grpc === undefined) {
    // grpc probes are newer; their shape is the schema's business
    out.error(
      p,
      'the probe has no check (httpGet, tcpSocket, exec or grpc)',
      'Add one of httpGet, tcpSocket, exec or grpc.',
    );
  }
}

export const telemetryValidationRules = kindRules('Telemetry', 'validation/istio', validateTelemetry, [
  {
    id: 'telemetry-invalid',
    level: 'error',
    fixable: false,
    title:
      "A Telemetry resource that Istio's admission webhook rejects (tag overrides without a value or with one on REMOVE, null overrides or custom tags, bad selectors or targetRefs).",
  },
  {
    id: 'telemetry-validation-warning',
    level: 'warning',
    fixable: false,
    title:
      'A Telemetry resource that Istio accepts with a warning (several tracing configurations or providers, selector without labels).',
  },
]);

export const workloadEntryValidationRules = kindRules('WorkloadEntry', 'validation/istio', validateWorkloadEntry, [
  {
    id: 'workload-entry-invalid',
    level: 'error',
    fixable: false,
    title:
      "A WorkloadEntry that Istio's admission webhook rejects (no address, an address that is not an IP, DNS name or unix socket, bad ports or labels).",
  },
  {
    id: 'workload-entry-validation-warning',
    level: 'warning',
    fixable: false,
    title: 'A WorkloadEntry that Istio accepts with a warning (no address, only a network).',
  },
]);

export const workloadGroupValidationRules = kindRules('WorkloadGroup', 'validation/istio', validateWorkloadGroup, [
  {
    id: 'workload-group-invalid',
    level: 'error',
    fixable: true,
    title:
      "A WorkloadGroup that Istio's admission webhook rejects (bad labels, a probe without a check, with negative timings, bad ports or an empty exec command).",
  },
]);
