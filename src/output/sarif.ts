// SARIF 2.1.0, for GitHub code scanning and other viewers.
import type { Finding } from '../types.js';
import type { Rule } from '../rules/rule.js';
import { DOCS_BASE } from '../engine.js';
import { inTargets } from './text.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(findings: readonly Finding[], rules: readonly Rule[], version: string): object {
  // Name the targets in the message only when there is more than one: a single-target run needs no qualifier.
  const multiTarget = new Set(findings.flatMap((f) => f.targets ?? [])).size > 1;
  const used = new Set(findings.map((f) => f.rule));
  const ruleList = rules.filter((r) => used.has(r.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'istio-review',
            version,
            informationUri: 'https://github.com/istio-review/istio-review',
            rules: ruleList.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              helpUri: `${DOCS_BASE}${r.id}.md`,
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: r.istioCode ? { istioCode: r.istioCode } : {},
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: LEVEL[f.severity],
          message: { text: multiTarget && f.targets?.length ? `${f.message} (in ${inTargets(f.targets)})` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.replace(/\\/g, '/') },
                region: { startLine: f.line, endLine: f.endLine },
              },
            },
          ],
          partialFingerprints: { 'istioReview/v1': f.fingerprint },
          ...(f.targets ? { properties: { targets: f.targets } } : {}),
        })),
      },
    ],
  };
}
