// Rules about what is applied together (targets): one object defined twice in a target, targets that could not be
// rendered, and references that resolve only in another target. The last three come from target building.
import { defineRule, type Rule } from '../rule.js';
import { describeResource } from '../../manifests/resource.js';

const reportedByTargets = () => { /* findings come from building the targets, not from one mesh view */ };

export const targetRules: Rule[] = [
  defineRule({
    id: 'duplicate-resource', severity: 'warning', istioCode: null, group: 'input', fixable: false, inputs: 'mesh',
    title: 'One target defines the same kind/namespace/name twice with different content: kubectl apply keeps only the later one.',
    messages: {
      definedAgain: '{resource} is defined again, differently, in {file}:{line}, which is applied later: kubectl apply keeps that one, so what is written here never takes effect. Remove one of the two definitions, or move them to separate targets.',
    },
    check(ctx) {
      for (const { lost, kept } of ctx.mesh.shadowed) {
        const where = kept.origin ? kept.origin.locate([]) : { file: kept.file.path, line: kept.startLine };
        ctx.report({
          resource: lost, path: [], subject: `${where.file}`,
          messageId: 'definedAgain', data: { resource: describeResource(lost), file: where.file, line: where.line },
        });
      }
    },
  }),
  defineRule({ id: 'kustomize-not-found', severity: 'info', istioCode: null, group: 'input', fixable: false, inputs: [],
    title: 'Neither kustomize nor kubectl is installed: kustomize targets were read from raw files, without their patches.', check: reportedByTargets }),
  defineRule({ id: 'target-render-failed', severity: 'warning', istioCode: null, group: 'input', fixable: false, inputs: [],
    title: 'A target could not be rendered (kustomize build or the render command failed).', check: reportedByTargets }),
  defineRule({ id: 'kustomize-component-unused', severity: 'info', istioCode: null, group: 'input', fixable: false, inputs: [],
    title: 'A kustomize Component that no kustomization under the checked paths uses: nothing applies it, so it is not checked.', check: reportedByTargets }),
  defineRule({ id: 'defined-in-other-target', severity: 'info', istioCode: null, group: 'input', fixable: false, inputs: [],
    title: 'A reference resolves only in another target: it is not applied together with the object that names it.', check: reportedByTargets }),
];
