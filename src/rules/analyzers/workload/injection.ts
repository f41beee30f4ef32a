// istioctl's injection.Analyzer (IST0123, IST0102, IST0148, IST0103) and injection.ImageAutoAnalyzer
// (IST0147, IST0146): namespace injection labels, pods left without a sidecar, and `image: auto` proxies
// that no injection webhook will fill in.
import { parse as parseYaml } from 'yaml';
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, asString, isObject, type Json, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { workloadOf } from '../../../mesh/workloads.js';
import { containersOf, labelSelectorMatches, namespaceLabels, repoWorkloads } from './common.js';
import { isIgnoredNamespace } from '../../../mesh/ignored-namespaces.js';

const INJECTION = 'istio-injection';
const REV = 'istio.io/rev';
const DATAPLANE = 'istio.io/dataplane-mode';

/** Namespaces the injection analyzer looks at: not the Istio namespace, not Kubernetes' own. */
function candidateNamespaces(mesh: MeshView): Resource[] {
  return mesh.byKind('Namespace').filter((n) => n.name !== mesh.settings.istioNamespace && !isIgnoredNamespace(n.name));
}

function has(labels: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

function injectionLabelCount(labels: Record<string, string>): number {
  let n = has(labels, INJECTION) ? 1 : 0;
  if (!has(labels, INJECTION) || labels[INJECTION] === 'enabled') {
    if (has(labels, REV)) n++;
    if (has(labels, DATAPLANE)) n++;
  }
  return n;
}

/** `sidecarInjectorWebhook.enableNamespacesByDefault` from an injector ConfigMap's `values`, when one says true. */
function injectsByDefault(mesh: MeshView): Resource | null {
  for (const cm of mesh.byKind('ConfigMap')) {
    // Unlabelled namespaces belong to the default revision, whose injector ConfigMap has no suffix.
    if (cm.name !== 'istio-sidecar-injector') continue;
    const raw = asObject(cm.obj.data).values;
    if (typeof raw !== 'string') continue;
    let values: unknown;
    try {
      values = parseYaml(raw);
    } catch {
      continue;
    }
    if (!isObject(values)) continue;
    const v = asObject(values.sidecarInjectorWebhook).enableNamespacesByDefault;
    if (v === true || v === 'true') return cm;
  }
  return null;
}

const SEVERAL_DATA_PLANES =
  'Namespace "{namespace}" has {labels}: these select different data planes (sidecar injection, a revision, ambient);';

export const multipleInjectionLabels = defineRule({
  id: 'namespace-multiple-injection-labels',
  severity: 'warning',
  istioCode: 'IST0123',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'Namespace' }],
  title: 'A namespace carries more than one of istio-injection, istio.io/rev and istio.io/dataplane-mode.',
  messages: {
    injectionAndRevision: `${SEVERAL_DATA_PLANES} istio-injection wins over istio.io/rev, so pods get the default revision's sidecar instead of the one named. Keep exactly one.`,
    sidecarAndAmbient: `${SEVERAL_DATA_PLANES} a sidecar and ambient capture would both claim the pods' traffic. Keep exactly one.`,
  },
  check(ctx) {
    for (const n of candidateNamespaces(ctx.mesh)) {
      if (injectionLabelCount(n.labels) < 2) continue;
      const present = [INJECTION, REV, DATAPLANE].filter((k) => has(n.labels, k)).map((k) => `${k}=${n.labels[k]}`);
      ctx.report({
        resource: n,
        path: ['metadata', 'labels'],
        subject: 'injection labels',
        messageId: has(n.labels, INJECTION) && has(n.labels, REV) ? 'injectionAndRevision' : 'sidecarAndAmbient',
        data: { namespace: n.name, labels: present.join(', ') },
      });
    }
  },
});

export const namespaceNotInjected = defineRule({
  id: 'namespace-not-injected',
  severity: 'info',
  istioCode: 'IST0102',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'Namespace' }, { kind: 'ConfigMap' }],
  title: 'A namespace has no injection label: its pods get no sidecar and stay out of the mesh.',
  messages: {
    notInjected:
      'Namespace "{namespace}" has neither "istio-injection" nor "istio.io/rev": its pods get no sidecar, so mTLS, routing and policies do not apply to them. Add "istio-injection: enabled" (or "istio-injection: disabled" to say it is intended).',
  },
  check(ctx) {
    if (injectsByDefault(ctx.mesh)) return;
    for (const n of candidateNamespaces(ctx.mesh)) {
      if (injectionLabelCount(n.labels) > 1 || n.labels[DATAPLANE] === 'ambient') continue;
      if (has(n.labels, INJECTION) || has(n.labels, REV)) continue;
      ctx.report({
        resource: n,
        path: ['metadata', 'name'],
        subject: 'no injection label',
        messageId: 'notInjected',
        data: { namespace: n.name },
      });
    }
  },
});

export const namespaceInjectedByDefault = defineRule({
  id: 'namespace-injected-by-default',
  severity: 'info',
  istioCode: 'IST0148',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'Namespace' }, { kind: 'ConfigMap' }],
  title: 'A namespace without injection label is injected because the injector enables namespaces by default.',
  messages: {
    injectedByDefault:
      'Namespace "{namespace}" has no injection label, but ConfigMap {configMap} sets enableNamespacesByDefault, so its pods are injected anyway. Label it "istio-injection: enabled" or "disabled" to make the intent explicit.',
  },
  check(ctx) {
    const cm = injectsByDefault(ctx.mesh);
    if (!cm) return;
    for (const n of candidateNamespaces(ctx.mesh)) {
      if (injectionLabelCount(n.labels) > 1 || n.labels[DATAPLANE] === 'ambient') continue;
      if (has(n.labels, INJECTION) || has(n.labels, REV)) continue;
      ctx.report({
        resource: n,
        path: ['metadata', 'name'],
        subject: 'injected by default',
        messageId: 'injectedByDefault',
        data: { namespace: n.name, configMap: `${cm.namespace}/${cm.name}` },
      });
    }
  },
});

/** Pods in injection-enabled namespaces that have no istio-proxy container and are not opted out. */
function podsWithoutProxy(mesh: MeshView): Resource[] {
  const enabled = new Set(
    candidateNamespaces(mesh)
      .filter((n) => n.labels[INJECTION] === 'enabled')
      .map((n) => n.name),
  );
  return mesh.byKind('Pod').filter((p) => {
    if (!p.namespace || !enabled.has(p.namespace)) return false;
    // The label wins over the annotation, as in the injector.
    const inject = p.labels['sidecar.istio.io/inject'] ?? p.annotations['sidecar.istio.io/inject'] ?? '';
    if (inject.toLowerCase() === 'false') return false;
    if (p.spec.hostNetwork === true || p.annotations['ambient.istio.io/redirection'] === 'enabled') return false;
    return !asArray(p.spec.containers).some(
      (c) => isObject(c) && c.name === 'istio-proxy' && typeof c.image === 'string' && c.image !== '',
    );
  });
}

/** A Pod manifest copied from a running cluster (kubectl get -o yaml) rather than written to be applied. */
function isSnapshot(p: Resource): boolean {
  const meta = asObject(p.obj.metadata);
  return isObject(p.obj.status) || typeof meta.uid === 'string' || meta.creationTimestamp !== undefined;
}

export const podMissingProxy = defineRule({
  id: 'pod-missing-proxy',
  severity: 'warning',
  istioCode: 'IST0103',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'Namespace' }, { kind: 'Pod' }],
  title: 'A running Pod (a snapshot with status/uid) in an injection-enabled namespace has no istio-proxy container.',
  messages: {
    missingProxy:
      'Pod "{pod}" ran in namespace "{namespace}", which has injection enabled, without an istio-proxy container: it was created before injection was on or while the webhook was unavailable, so its traffic bypasses the mesh. Re-create it (or restart its owner) to inject the sidecar.',
  },
  check(ctx) {
    for (const p of podsWithoutProxy(ctx.mesh)) {
      if (!isSnapshot(p)) continue;
      ctx.report({
        resource: p,
        path: ['spec', 'containers'],
        subject: 'istio-proxy',
        messageId: 'missingProxy',
        data: { pod: p.name, namespace: String(p.namespace) },
      });
    }
  },
});

export const podRelyingOnInjection = defineRule({
  id: 'pod-without-proxy-in-injected-namespace',
  severity: 'info',
  istioCode: 'IST0103',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'Namespace' }, { kind: 'Pod' }],
  title:
    'A bare Pod manifest in an injection-enabled namespace: it joins the mesh only if injection runs when it is created.',
  messages: {
    bareRelyingOnInjection:
      'Pod "{pod}" in namespace "{namespace}" gets its sidecar only from the injection webhook at creation time; a bare Pod is never re-created, so if the webhook is unavailable then it stays outside the mesh for good. Prefer a Deployment, or opt out explicitly with the label sidecar.istio.io/inject: "false".',
  },
  check(ctx) {
    for (const p of podsWithoutProxy(ctx.mesh)) {
      if (isSnapshot(p)) continue;
      ctx.report({
        resource: p,
        path: ['spec', 'containers'],
        subject: 'istio-proxy',
        messageId: 'bareRelyingOnInjection',
        data: { pod: p.name, namespace: String(p.namespace) },
      });
    }
  },
});

/** Istio injection webhooks: MutatingWebhookConfiguration entries whose name ends in istio.io. */
function istioWebhooks(mesh: MeshView): { namespaceSelector: Json | undefined; objectSelector: Json | undefined }[] {
  const out: { namespaceSelector: Json | undefined; objectSelector: Json | undefined }[] = [];
  for (const mwc of mesh.byKind('MutatingWebhookConfiguration')) {
    for (const wh of asArray(mwc.obj.webhooks)) {
      if (!isObject(wh) || !(asString(wh.name) ?? '').endsWith('istio.io')) continue;
      out.push({ namespaceSelector: wh.namespaceSelector, objectSelector: wh.objectSelector });
    }
  }
  return out;
}

/** Would Istio's injection webhooks inject pods with these labels in this namespace? With webhook configurations in
 *  the repository their selectors decide; without them Istio's default selectors are assumed, and a namespace the
 *  repository does not define gives null (cannot tell). */
function wouldBeInjected(
  mesh: MeshView,
  hooks: ReturnType<typeof istioWebhooks>,
  namespace: string,
  podLabels: Record<string, string>,
): boolean | null {
  const nsDefined = namespaceLabels(mesh, namespace);
  const nsLabels: Record<string, string> = { ...(nsDefined ?? {}), 'kubernetes.io/metadata.name': namespace };
  if (hooks.length > 0) {
    return hooks.some(
      (h) => labelSelectorMatches(h.namespaceSelector, nsLabels) && labelSelectorMatches(h.objectSelector, podLabels),
    );
  }
  if (!nsDefined) return null;
  return (
    nsLabels[INJECTION] === 'enabled' ||
    (nsLabels[INJECTION] !== 'disabled' &&
      (has(nsLabels, REV) || podLabels['sidecar.istio.io/inject'] === 'true' || has(podLabels, REV)))
  );
}

export const imageAutoInPod = defineRule({
  id: 'pod-image-auto-not-injected',
  severity: 'error',
  istioCode: 'IST0147',
  group: 'analyzers/workload',
  fixable: false,
  inputs: [{ kind: 'Pod' }, { kind: 'MutatingWebhookConfiguration' }, { kind: 'Namespace' }],
  title: 'A Pod has `image: auto` on its istio-proxy container and will not be (or was not) injected: it cannot start.',
  messages: {
    wasNotInjected:
      'Pod "{pod}" still has "image: auto" on istio-proxy: injection did not run for it, so it fails with ErrImagePull. Re-create it in an injected namespace.',
    noWebhookSelects:
      'Pod "{pod}" has "image: auto" on istio-proxy, but no Istio injection webhook selects it in namespace "{namespace}": the placeholder is never replaced and the pod fails with ErrImagePull. Label the namespace "istio-injection: enabled" or the pod "sidecar.istio.io/inject: "true"".',
  },
  check(ctx) {
    const hooks = istioWebhooks(ctx.mesh);
    for (const p of ctx.inputs('Pod')) {
      if (!p.namespace) continue;
      const w = workloadOf(p);
      if (!w) continue;
      const auto = containersOf(w).find(
        (c) => !c.init && c.container.name === 'istio-proxy' && c.container.image === 'auto',
      );
      if (!auto) continue;
      // A snapshot of a running Pod still holding the placeholder was not injected. A manifest to be applied is
      // fine when a webhook will inject it; report it when none would.
      const snapshot = isSnapshot(p);
      if (!snapshot && wouldBeInjected(ctx.mesh, hooks, p.namespace, p.labels) !== false) continue;
      ctx.report({
        resource: p,
        path: [...auto.path, 'image'],
        subject: 'istio-proxy image auto',
        ...(snapshot
          ? { messageId: 'wasNotInjected', data: { pod: p.name } }
          : { messageId: 'noWebhookSelects', data: { pod: p.name, namespace: p.namespace } }),
      });
    }
  },
});

export const imageAutoNotInjected = defineRule({
  id: 'workload-image-auto-not-injected',
  severity: 'warning',
  istioCode: 'IST0146',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: 'A workload template uses `image: auto` for istio-proxy, but no injection webhook selects its pods.',
  messages: {
    noWebhookSelects:
      '{workloadKind} "{workload}" uses "image: auto" for istio-proxy, but no Istio injection webhook selects its pods in namespace "{namespace}": the placeholder is never replaced and the pods fail with ErrImagePull. Label the namespace "istio-injection: enabled" (or the pod template "sidecar.istio.io/inject: "true"").',
  },
  check(ctx) {
    const hooks = istioWebhooks(ctx.mesh);
    for (const w of repoWorkloads(ctx.mesh.workloads)) {
      if (w.kind === 'Pod' || w.kind === 'WorkloadEntry') continue;
      const auto = containersOf(w).find(
        (c) => !c.init && c.container.name === 'istio-proxy' && c.container.image === 'auto',
      );
      if (!auto) continue;
      if (wouldBeInjected(ctx.mesh, hooks, w.namespace, w.labels) !== false) continue;
      ctx.report({
        resource: w.resource,
        path: [...auto.path, 'image'],
        subject: 'istio-proxy image auto',
        messageId: 'noWebhookSelects',
        data: { workloadKind: w.kind, workload: w.name, namespace: w.namespace },
      });
    }
  },
});

export const injectionRules: Rule[] = [
  multipleInjectionLabels,
  namespaceNotInjected,
  namespaceInjectedByDefault,
  podMissingProxy,
  podRelyingOnInjection,
  imageAutoInPod,
  imageAutoNotInjected,
];
