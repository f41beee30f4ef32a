// Kustomize patch files hold partial objects: required fields and whole-object rules come from the base.
import type { Resource } from './resource.js';

/** Recognised by the file path (`patches/`, `*-patch.yaml`, `patch-*.yaml`), as the reader does not follow
 *  a kustomization's patch lists. */
export function looksLikePatch(r: Resource): boolean {
  return /(^|[/\\._-])patch(es)?([/\\._-]|$)/i.test(r.file.path);
}
