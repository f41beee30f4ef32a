// The CLI's JSON contract: {"findings": [Finding...], "summary": {...}}. Additive changes only.
import type { Finding } from '../types.js';

export interface JsonReport {
  version: 1;
  findings: Finding[];
  summary: {
    errors: number;
    warnings: number;
    infos: number;
    files: number;
    resources: number;
    fixable: number;
    notManifests: number;
  };
}

export function toJsonReport(
  findings: Finding[],
  counts: { files: number; resources: number; notManifests?: number },
): JsonReport {
  return {
    version: 1,
    findings,
    summary: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
      files: counts.files,
      resources: counts.resources,
      fixable: findings.filter((f) => f.fix).length,
      /** YAML files that are plainly not Kubernetes objects (workflows, Helm values, tool configs): not checked. */
      notManifests: counts.notManifests ?? 0,
    },
  };
}
