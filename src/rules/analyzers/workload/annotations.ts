// istioctl's annotations.K8sAnalyzer: Istio annotations that do not exist (IST0108), sit on the wrong kind of
// object (IST0107), carry a value Istio rejects (IST0125) or are deprecated (IST0135). istioctl looks at
// Namespaces, Services, Pods and Deployments; here every workload kind is covered, and pod-template
// annotations are checked as the Pod annotations they become.
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import type { Path, Resource } from '../../../manifests/resource.js';
import { isVmWorkload, workloadOf } from '../../../mesh/workloads.js';
import { closest } from '../../../util/closest.js';
import {
  IGNORED_ANNOTATIONS,
  ISTIO_ANNOTATIONS,
  ISTIO_LABELS,
  isIstioAnnotation,
  type AnnotationDef,
} from './annotation-registry.js';
import { isIgnoredNamespace } from '../../../mesh/ignored-namespaces.js';
import { own } from '../../../util/own.js';

interface AnnotatedObject {
  resource: Resource;
  /** The resource type the annotations are judged as ("Pod" for a pod template). */
  kind: string;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  /** Path of the metadata holding the annotations. */
  metadataPath: Path;
  where: string;
}

const CORE_KINDS = new Set(['Namespace', 'Service', 'Pod']);
const KNOWN = Object.keys(ISTIO_ANNOTATIONS);

function annotatedObjects(resources: readonly Resource[]): AnnotatedObject[] {
  const out: AnnotatedObject[] = [];
  for (const r of resources) {
    if (isIgnoredNamespace(r.namespace)) continue;
    const isCore = r.group === '' && CORE_KINDS.has(r.kind);
    const w = !isCore ? workloadOf(r) : null;
    if (!isCore && (!w || isVmWorkload(w))) continue;
    out.push({
      resource: r,
      kind: r.kind,
      annotations: r.annotations,
      labels: r.labels,
      metadataPath: ['metadata'],
      where: `this ${r.kind}`,
    });
    if (w && w.kind !== 'Pod') {
      out.push({
        resource: r,
        kind: 'Pod',
        annotations: w.annotations,
        labels: w.labels,
        metadataPath: w.templatePath,
        where: 'the pod template',
      });
    }
  }
  return out;
}

type Visit = (ctx: RuleContext, o: AnnotatedObject, key: string, value: string, def: AnnotationDef | undefined) => void;

function eachIstioAnnotation(ctx: RuleContext, visit: Visit): void {
  for (const o of annotatedObjects(ctx.mesh.resources)) {
    for (const [key, value] of Object.entries(o.annotations)) {
      if (!isIstioAnnotation(key) || IGNORED_ANNOTATIONS.has(key)) continue;
      visit(ctx, o, key, value, own(ISTIO_ANNOTATIONS, key));
    }
  }
}

const pathOf = (o: AnnotatedObject, key: string): Path => [...o.metadataPath, 'annotations', key];
const attachesToAny = (def: AnnotationDef) => def.resources.includes('Any');

const UNKNOWN = '"{key}" is not an Istio annotation, so Istio ignores it and the setting you meant never takes effect.';
const MISPLACED = '"{key}" belongs on {kinds} objects, not on {where}: Istio never reads it here, so it has no effect.';
const DEPRECATED_TAIL = 'and may be ignored by a future Istio release.';

export const unknownAnnotation = defineRule({
  id: 'unknown-istio-annotation',
  severity: 'warning',
  istioCode: 'IST0108',
  group: 'analyzers/workload',
  fixable: true,
  inputs: 'mesh',
  title: 'An annotation in an istio.io namespace that Istio does not know: it does nothing (often a typo).',
  messages: {
    labelAsAnnotation:
      '"{key}" is an Istio label, not an annotation: Istio ignores it under annotations, so the setting never takes effect. Move it to {labelsPath}.',
    unknownAnnotation: `${UNKNOWN} Did you mean "{suggestion}"?`,
    unknownAnnotationNoGuess: `${UNKNOWN} Check the name against Istio's annotation list.`,
  },
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, _value, def) => {
      if (def) return;
      if (ISTIO_LABELS.has(key)) {
        c.report({
          resource: o.resource,
          path: pathOf(o, key),
          subject: key,
          messageId: 'labelAsAnnotation',
          data: { key, labelsPath: o.metadataPath.length > 1 ? 'spec.template.metadata.labels' : 'metadata.labels' },
        });
        return;
      }
      const guess = closest(key, KNOWN);
      const clash = guess !== null && Object.prototype.hasOwnProperty.call(o.annotations, guess);
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: key,
        ...(guess
          ? { messageId: 'unknownAnnotation', data: { key, suggestion: guess } }
          : { messageId: 'unknownAnnotationNoGuess', data: { key } }),
        fix:
          guess && !clash
            ? { op: 'renameKey', path: pathOf(o, key), newKey: guess, description: `rename to ${guess}` }
            : null,
      });
    });
  },
});

export const misplacedAnnotation = defineRule({
  id: 'misplaced-istio-annotation',
  severity: 'warning',
  istioCode: 'IST0107',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title:
    "An Istio annotation on a kind of object it does not apply to (e.g. a Pod annotation on a Deployment's own metadata).",
  messages: {
    misplaced: MISPLACED,
    misplacedPodAnnotation: `${MISPLACED} Move it to {templateAnnotations} so the pods get it.`,
  },
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, _value, def) => {
      if (!def || attachesToAny(def) || def.resources.includes(o.kind)) return;
      const w =
        def.resources.includes('Pod') && o.kind !== 'Pod' && o.metadataPath.length === 1
          ? workloadOf(o.resource)
          : null;
      const templateAnnotations = w && !isVmWorkload(w) ? [...w.templatePath, 'annotations'].join('.') : null;
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: `${o.kind}:${key}`,
        ...(templateAnnotations
          ? {
              messageId: 'misplacedPodAnnotation',
              data: { key, kinds: def.resources.join(', '), where: o.where, templateAnnotations },
            }
          : { messageId: 'misplaced', data: { key, kinds: def.resources.join(', '), where: o.where } }),
      });
    });
  },
});

export const invalidAnnotation = defineRule({
  id: 'invalid-istio-annotation-value',
  severity: 'warning',
  istioCode: 'IST0125',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: 'An Istio annotation whose value the sidecar injector rejects.',
  messages: {
    invalidValue:
      '"{key}: {value}" is invalid ({reason}): sidecar injection fails for these pods or the setting is ignored.',
  },
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, value, def) => {
      if (!def?.validate || (!attachesToAny(def) && !def.resources.includes(o.kind))) return;
      const why = def.validate(value);
      if (why === null) return;
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: key,
        messageId: 'invalidValue',
        data: { key, value, reason: why },
      });
    });
  },
});

export const deprecatedAnnotation = defineRule({
  id: 'deprecated-istio-annotation',
  severity: 'info',
  istioCode: 'IST0135',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: 'An Istio annotation that is deprecated and may stop working in a future release.',
  messages: {
    deprecated: `"{key}" is deprecated ${DEPRECATED_TAIL}`,
    injectAnnotationDeprecated: `"sidecar.istio.io/inject" is deprecated in favour of the "sidecar.istio.io/inject" label ${DEPRECATED_TAIL}`,
  },
  check(ctx) {
    eachIstioAnnotation(ctx, (c, o, key, _value, def) => {
      if (!def?.deprecated) return;
      // Having both the annotation and the label that replaces it is deliberate compatibility, not a mistake.
      if (
        key === 'sidecar.istio.io/inject' &&
        Object.prototype.hasOwnProperty.call(o.labels, 'sidecar.istio.io/inject')
      )
        return;
      c.report({
        resource: o.resource,
        path: pathOf(o, key),
        subject: `${o.kind}:${key}`,
        ...(key === 'sidecar.istio.io/inject'
          ? { messageId: 'injectAnnotationDeprecated' }
          : { messageId: 'deprecated', data: { key } }),
      });
    });
  },
});

export const annotationRules: Rule[] = [
  unknownAnnotation,
  misplacedAnnotation,
  invalidAnnotation,
  deprecatedAnnotation,
];
