// Per-resource suppression: Istio's own `galley.istio.io/analyze-suppress` (IST codes, or `*`) and this
// project's `istio-review.dev/ignore` ("rule-id[,rule-id…]: reason", or "*: reason").
import type { Resource } from './manifests/resource.js';
import type { MeshView } from './mesh/mesh-view.js';

export const ISTIO_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';
export const IGNORE_ANNOTATION = 'istio-review.dev/ignore';

export interface Suppression {
  suppresses(rule: string, istioCode: string | null): boolean;
  /** The reason given, or null when the annotation has none. */
  reason: string | null;
}

/** The suppression annotations of a resource of this view, parsed once. */
export function suppressionOf(mesh: MeshView, r: Resource): Suppression {
  return mesh.memoOf('suppression', r, parse);
}

function parse(r: Resource): Suppression {
  const codes = new Set(
    (r.annotations[ISTIO_SUPPRESS_ANNOTATION] ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  );
  const ignore = r.annotations[IGNORE_ANNOTATION];
  const rules = new Set<string>();
  let reason: string | null = null;
  if (ignore !== undefined) {
    const colon = ignore.indexOf(':');
    const list = colon === -1 ? ignore : ignore.slice(0, colon);
    reason = colon === -1 ? null : ignore.slice(colon + 1).trim() || null;
    for (const id of list
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean))
      rules.add(id);
  }
  return {
    reason,
    suppresses: (rule, istioCode) =>
      rules.has('*') || rules.has(rule) || codes.has('*') || (istioCode !== null && codes.has(istioCode)),
  };
}
