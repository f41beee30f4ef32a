// The simple CEL rules (x-kubernetes-validations) of Istio's CRDs, written out by hand: the generated schema
// data does not carry CEL, and only rules whose meaning is plain are checked here. Each entry names the CRD rule
// it mirrors, so the message matches what the API server answers.
import { defineRule, type Rule } from '../../rule.js';
import { isObject, type Json, type JsonObject, type Path, type Resource } from '../../../manifests/resource.js';
import { schemaFor } from './schema-tree.js';
import { looksLikePatch } from '../../../manifests/patch-files.js';
import type { MessageData } from '../../../util/messages.js';
import { quote, valueText } from '../../../util/quote.js';
import { REJECTED } from './rules.js';

interface CelProblem {
  path: Path;
  subject: string;
  messageId: keyof typeof CEL_MESSAGES;
  data?: MessageData;
}

/** The rule's messages: each quotes the CRD rule's own message, as the API server answers it. */
const CEL_MESSAGES = {
  duplicateKey: `{item} repeats {keyField} {key}: the list is keyed by {keyField} ("Duplicate value"). Merge the two entries. ${REJECTED}.`,
  selectorWithTargetRefs: `spec sets {fields}: "only one of targetRefs or selector can be set". Use targetRefs for a waypoint or gateway, selector for sidecars. ${REJECTED}.`,
  crossNamespaceTargetRef: `{ref}.namespace is "{namespace}": "cross namespace referencing is not currently supported". Remove namespace and put the policy in the target's namespace. ${REJECTED}.`,
  emptyLabelKey: `spec.selector.matchLabels has an empty key: "key must not be empty". ${REJECTED}.`,
  wildcardLabelKey: `spec.selector.matchLabels key "{key}" holds "*": "wildcard not allowed in label key match". Selectors match exact labels. ${REJECTED}.`,
  wildcardLabelValue: `spec.selector.matchLabels.{key} is "{value}": "wildcard not allowed in label value match". Selectors match exact labels; list the values in separate resources or use a common label. ${REJECTED}.`,
  portLevelMtlsWithoutSelector: `spec.portLevelMtls is set without spec.selector.matchLabels: "portLevelMtls requires selector". Port-level mTLS applies to selected workloads only; add a selector. ${REJECTED}.`,
  portLevelMtlsEmpty: `spec.portLevelMtls is empty: it needs at least one port. Remove it or list a port. ${REJECTED}.`,
  portLevelMtlsBadPort: `spec.portLevelMtls key "{port}" is not a port number: "port must be between 1-65535". Keys are workload (target) port numbers. ${REJECTED}.`,
  jwksTwice: `spec.jwtRules[{index}] sets {fields}: "only one of jwks or jwksUri can be set". ${REJECTED}.`,
  jwksUriScheme: `spec.jwtRules[{index}].{field} "{uri}": "url must have scheme http:// or https://". ${REJECTED}.`,
  wasmAndLua: `spec sets both "wasm" and "lua": "exactly one of wasm or lua must be set". Split them into two TrafficExtensions. ${REJECTED}.`,
  neitherWasmNorLua: `spec sets neither "wasm" nor "lua": "exactly one of wasm or lua must be set". ${REJECTED}.`,
  hostEnvWithValue: `{env} takes its value from the host (valueFrom: HOST) and also sets value: "value may only be set when valueFrom is INLINE". Remove value, or set valueFrom: INLINE. ${REJECTED}.`,
};

/** Kinds whose spec has `selector` (a WorkloadSelector with matchLabels) and `targetRef`/`targetRefs`. */
const POLICY_KINDS = new Set([
  'security.istio.io/AuthorizationPolicy',
  'security.istio.io/RequestAuthentication',
  'telemetry.istio.io/Telemetry',
  'extensions.istio.io/WasmPlugin',
  'extensions.istio.io/TrafficExtension',
]);
/** Kinds whose spec.selector.matchLabels carries the wildcard and empty-key rules. */
const MATCH_LABEL_KINDS = new Set([...POLICY_KINDS, 'security.istio.io/PeerAuthentication']);

const has = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k) && o[k] !== null;

function duplicates(out: CelProblem[], list: Json | undefined, keyField: string, path: Path): void {
  if (!Array.isArray(list)) return;
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const k = isObject(item) ? item[keyField] : undefined;
    if (typeof k !== 'string' && typeof k !== 'number') return;
    const id = String(k);
    if (seen.has(id)) {
      const where = path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .slice(1);
      out.push({
        path: [...path, i, keyField],
        subject: `${where.replace(/\[\d+\]/g, '[]')}:${id}`,
        messageId: 'duplicateKey',
        data: { item: `${where}[${i}]`, keyField, key: quote(k) },
      });
    }
    seen.add(id);
  });
}

function checkSpec(r: Resource): CelProblem[] {
  const out: CelProblem[] = [];
  const spec = r.obj['spec'];
  if (!isObject(spec)) return out;
  const key = `${r.group}/${r.kind}`;

  if (POLICY_KINDS.has(key)) {
    const set = ['selector', 'targetRef', 'targetRefs'].filter((k) => has(spec, k));
    if (set.length > 1) {
      out.push({
        path: ['spec', set[set.length - 1]!],
        subject: 'selector+targetRefs',
        messageId: 'selectorWithTargetRefs',
        data: { fields: set.map((s) => `"${s}"`).join(' and ') },
      });
    }
  }

  // PolicyTargetReference.namespace must be empty (cross-namespace references are not supported).
  const refs: [Json | undefined, Path][] = [[spec['targetRef'], ['spec', 'targetRef']]];
  if (Array.isArray(spec['targetRefs']))
    spec['targetRefs'].forEach((t, i) => refs.push([t, ['spec', 'targetRefs', i]]));
  for (const [ref, path] of refs) {
    if (isObject(ref) && typeof ref['namespace'] === 'string' && ref['namespace'] !== '') {
      out.push({
        path: [...path, 'namespace'],
        subject: `targetRef.namespace=${ref['namespace']}`,
        messageId: 'crossNamespaceTargetRef',
        data: { ref: path.join('.').replace(/\.(\d+)/g, '[$1]'), namespace: ref['namespace'] },
      });
    }
  }

  if (MATCH_LABEL_KINDS.has(key)) {
    const selector = spec['selector'];
    const labels = isObject(selector) ? selector['matchLabels'] : undefined;
    if (isObject(labels)) {
      for (const [k, v] of Object.entries(labels)) {
        const path: Path = ['spec', 'selector', 'matchLabels', k];
        if (k === '') out.push({ path, subject: 'matchLabels:empty-key', messageId: 'emptyLabelKey' });
        else if (k.includes('*'))
          out.push({ path, subject: `matchLabels:${k}`, messageId: 'wildcardLabelKey', data: { key: k } });
        if (typeof v === 'string' && v.includes('*'))
          out.push({
            path,
            subject: `matchLabels:${k}=${v}`,
            messageId: 'wildcardLabelValue',
            data: { key: k, value: v },
          });
      }
    }
  }

  // A kustomize patch is partial: what it lacks may come from the base.
  const partial = looksLikePatch(r);

  if (key === 'security.istio.io/PeerAuthentication' && has(spec, 'portLevelMtls')) {
    const selector = spec['selector'];
    const labels = isObject(selector) ? selector['matchLabels'] : undefined;
    if (!partial && (!isObject(labels) || Object.keys(labels).length === 0)) {
      out.push({
        path: ['spec', 'portLevelMtls'],
        subject: 'portLevelMtls-without-selector',
        messageId: 'portLevelMtlsWithoutSelector',
      });
    }
    const ports = spec['portLevelMtls'];
    if (isObject(ports)) {
      if (Object.keys(ports).length === 0)
        out.push({ path: ['spec', 'portLevelMtls'], subject: 'portLevelMtls-empty', messageId: 'portLevelMtlsEmpty' });
      for (const p of Object.keys(ports)) {
        const n = /^\d+$/.test(p) ? Number(p) : NaN;
        if (!(n > 0 && n <= 65535))
          out.push({
            path: ['spec', 'portLevelMtls', p],
            subject: `portLevelMtls:${p}`,
            messageId: 'portLevelMtlsBadPort',
            data: { port: p },
          });
      }
    }
  }

  if (key === 'security.istio.io/RequestAuthentication' && Array.isArray(spec['jwtRules'])) {
    spec['jwtRules'].forEach((rule, i) => {
      if (!isObject(rule)) return;
      const set = ['jwksUri', 'jwks_uri', 'jwks'].filter((k) => has(rule, k));
      if (set.length > 1)
        out.push({
          path: ['spec', 'jwtRules', i, set[set.length - 1]!],
          subject: `jwtRules:${valueText(rule['issuer'] ?? i)}:jwks`,
          messageId: 'jwksTwice',
          data: { index: i, fields: set.map((s) => `"${s}"`).join(' and ') },
        });
      for (const k of ['jwksUri', 'jwks_uri']) {
        const u = rule[k];
        if (typeof u === 'string' && u !== '' && !/^https?:\/\/[^/]/i.test(u))
          out.push({
            path: ['spec', 'jwtRules', i, k],
            subject: `jwtRules:${u}`,
            messageId: 'jwksUriScheme',
            data: { index: i, field: k, uri: u },
          });
      }
    });
  }

  if (
    key === 'extensions.istio.io/TrafficExtension' &&
    has(spec, 'wasm') === has(spec, 'lua') &&
    !(partial && !has(spec, 'lua'))
  ) {
    out.push({
      path: has(spec, 'lua') ? ['spec', 'lua'] : ['spec'],
      subject: 'wasm-or-lua',
      messageId: has(spec, 'lua') ? 'wasmAndLua' : 'neitherWasmNorLua',
    });
  }

  // Lists declared x-kubernetes-list-type: map may not repeat a key.
  if (key === 'extensions.istio.io/WasmPlugin' || key === 'extensions.istio.io/TrafficExtension') {
    const base: Path = key === 'extensions.istio.io/WasmPlugin' ? ['spec'] : ['spec', 'wasm'];
    const holder = key === 'extensions.istio.io/WasmPlugin' ? spec : spec['wasm'];
    const vm = isObject(holder) ? holder['vmConfig'] : undefined;
    duplicates(out, isObject(vm) ? vm['env'] : undefined, 'name', [...base, 'vmConfig', 'env']);
    if (Array.isArray(spec['match']))
      spec['match'].forEach((m, i) => {
        if (isObject(m)) duplicates(out, m['ports'], 'number', ['spec', 'match', i, 'ports']);
      });
  }

  if (key === 'extensions.istio.io/WasmPlugin') {
    const vm = spec['vmConfig'];
    const env = isObject(vm) ? vm['env'] : undefined;
    if (Array.isArray(env)) {
      env.forEach((e, i) => {
        if (isObject(e) && e['valueFrom'] === 'HOST' && has(e, 'value')) {
          out.push({
            path: ['spec', 'vmConfig', 'env', i, 'value'],
            subject: `env:${valueText(e['name'] ?? i)}`,
            messageId: 'hostEnvWithValue',
            data: { env: `spec.vmConfig.env[${i}]` },
          });
        }
      });
    }
  }
  return out;
}

export const celRules: Rule[] = [
  defineRule({
    id: 'schema-validation-rule',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: false,
    inputs: 'mesh',
    title:
      "A value breaks one of the Istio CRD's validation rules (x-kubernetes-validations): selector with targetRefs, wildcard labels, cross-namespace targetRef, …",
    messages: CEL_MESSAGES,
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!schemaFor(r.group, r.kind, r.version)) continue;
        for (const p of checkSpec(r)) {
          ctx.report({ resource: r, path: p.path, subject: p.subject, messageId: p.messageId, data: p.data ?? {} });
        }
      }
    },
  }),
];
