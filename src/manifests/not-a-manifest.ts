// Which YAML files are plainly not Kubernetes objects, so that they are counted once instead of being
// reported one by one: CI workflows, Helm's Chart.yaml and values files, kustomizations, this tool's own
// config, docs-site and tool configs. Pure: a path, and optionally the file's parsed documents.
import path from 'node:path';
import type { Json } from './resource.js';
import { isObject } from './resource.js';

/** File names that are configuration for some tool, never a cluster object. */
const TOOL_CONFIG_NAMES = new Set([
  'chart.yaml',
  'chart.lock',
  'requirements.yaml',
  'helmfile.yaml',
  'helmfile.yml',
  'kustomization.yaml',
  'kustomization.yml',
  'kustomization',
  'kustomizeconfig.yaml',
  '.istio-review.yaml',
  '.istio-review.yml',
  'mkdocs.yml',
  'mkdocs.yaml',
  '_config.yml',
  '_config.yaml',
  'antora.yml',
  'antora-playbook.yml',
  'netlify.yml',
  '.readthedocs.yml',
  '.readthedocs.yaml',
  'docfx.json',
  'book.yaml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.yml',
  'compose.yaml',
  '.gitlab-ci.yml',
  '.travis.yml',
  'azure-pipelines.yml',
  'bitbucket-pipelines.yml',
  'codecov.yml',
  '.codecov.yml',
  '.pre-commit-config.yaml',
  '.pre-commit-hooks.yaml',
  '.golangci.yml',
  '.golangci.yaml',
  '.goreleaser.yml',
  '.goreleaser.yaml',
  '.yamllint',
  '.yamllint.yml',
  '.yamllint.yaml',
  '.markdownlint.yml',
  '.markdownlint.yaml',
  'dependabot.yml',
  'dependabot.yaml',
  'renovate.json',
  '.renovaterc.json',
  'openapi.yaml',
  'openapi.yml',
  'swagger.yaml',
  'swagger.yml',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  '.prettierrc.yaml',
  '.eslintrc.yml',
]);

/** Why a file is plainly not a manifest, judged by its path alone; null when the path says nothing. */
export function notAManifestByPath(filePath: string): string | null {
  const p = filePath.split(path.sep).join('/');
  const base = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  if (/(^|\/)\.github\//.test(p)) return 'GitHub configuration';
  if (/(^|\/)\.gitlab\//.test(p) || /(^|\/)\.circleci\//.test(p)) return 'CI configuration';
  if (/^values([-._].*)?\.ya?ml$/.test(base)) return 'Helm values';
  if (TOOL_CONFIG_NAMES.has(base)) return 'tool configuration';
  return null;
}

/** Keys that make a mapping look like an attempt at a Kubernetes object (case-insensitive: `Kind:` is a typo of one). */
const MANIFEST_KEYS = new Set(['apiversion', 'kind', 'metadata', 'spec']);

/** A document that someone meant as a Kubernetes object (even a broken one), or a list of such. */
export function looksLikeManifest(value: Json): boolean {
  if (Array.isArray(value)) return value.some(looksLikeManifest);
  if (!isObject(value)) return false;
  return Object.keys(value).some((k) => MANIFEST_KEYS.has(k.toLowerCase()));
}

/** An empty document (a trailing `---`, only comments): kubectl skips it, and so does the review. */
export function isEmptyDocument(value: Json): boolean {
  return value === null;
}

/**
 * Why a parsed file is plainly not a manifest: every document is empty or a mapping without any of
 * apiVersion, kind, metadata and spec (an application's settings, a values file under another name).
 * Null when some document looks like a manifest, or holds a scalar or a list (those are reported).
 */
export function notAManifestByContent(values: readonly Json[]): string | null {
  if (values.length === 0) return null;
  let mappings = 0;
  for (const v of values) {
    if (isEmptyDocument(v)) continue;
    if (!isObject(v) || looksLikeManifest(v)) return null;
    mappings++;
  }
  return mappings > 0 ? 'YAML data without apiVersion, kind, metadata or spec' : null;
}

/** A mapping with a string apiVersion and kind: whatever the file is called, it is a Kubernetes object. */
function isTypedObject(value: Json): boolean {
  if (Array.isArray(value)) return value.some(isTypedObject);
  return isObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/**
 * Why a file is plainly not a manifest (counted, not reported per file), or null when it is checked.
 * `values` are its documents' values; `parseFailed` says the YAML did not parse cleanly, when only the
 * path can decide (broken YAML that might have been a manifest is reported).
 */
export function notAManifest(filePath: string, values: readonly Json[], parseFailed: boolean): string | null {
  const byPath = notAManifestByPath(filePath);
  if (byPath) return values.some(isTypedObject) ? null : byPath;
  return parseFailed ? null : notAManifestByContent(values);
}
