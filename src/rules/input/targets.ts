// Rules about what is applied together (targets): one object defined twice in a target, targets that could not be
// rendered, and references that resolve only in another target. The last four come from target building, which
// takes their text from the catalogues here (targetMessage).
import { defineRule, type Rule } from '../rule.js';
import { describeResource } from '../../manifests/resource.js';
import { formatMessage, type MessageData } from '../../util/messages.js';

const reportedByTargets = () => {
  /* findings come from building the targets, not from one mesh view */
};

const RAW_FILES =
  'read from raw files (patches are not applied, so what is checked is not what is deployed); install kustomize or kubectl.';

const TARGET_MESSAGES = {
  'kustomize-not-found': {
    oneTarget: `kustomize not found: {targets} was ${RAW_FILES}`,
    severalTargets: `kustomize not found: {targets} were ${RAW_FILES}`,
  },
  'target-render-failed': {
    kustomizeFailed:
      '{tool} could not build {target}: {error}. Its files were read as they are instead; `kubectl apply -k {target}` would fail the same way.',
    commandNotRun: 'The render command of target "{target}" was not run: {reason}. Nothing of this target was checked.',
    commandFailed:
      'The render command of target "{target}" ({command}) failed: {error}. Nothing of this target was checked.',
  },
  'kustomize-component-unused': {
    componentUnused:
      "Component {component} is used by no kustomization under the checked paths; not checked: a component is applied only through a kustomization's `components:`, and the files it lists are checked only where a target uses them.",
  },
  'defined-in-other-target': {
    definedElsewhere:
      '"{subject}" is defined only in target {targets} ({definition}), not in {target}, where this object is applied: check that the other target is deployed to the same cluster, or define it here too.',
  },
} as const;

type TargetRule = keyof typeof TARGET_MESSAGES;

/** The text of a finding that target building reports for one of these rules. */
export function targetMessage<R extends TargetRule>(
  rule: R,
  messageId: keyof (typeof TARGET_MESSAGES)[R] & string,
  data: MessageData,
): string {
  return formatMessage((TARGET_MESSAGES[rule] as Readonly<Record<string, string>>)[messageId]!, data);
}

export const targetRules: Rule[] = [
  defineRule({
    id: 'duplicate-resource',
    severity: 'warning',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: 'mesh',
    title:
      'One target defines the same kind/namespace/name twice with different content: kubectl apply keeps only the later one.',
    messages: {
      definedAgain:
        '{resource} is defined again, differently, in {file}:{line}, which is applied later: kubectl apply keeps that one, so what is written here never takes effect. Remove one of the two definitions, or move them to separate targets.',
    },
    check(ctx) {
      for (const { lost, kept } of ctx.mesh.shadowed) {
        const where = kept.origin ? kept.origin.locate([]) : { file: kept.file.path, line: kept.startLine };
        ctx.report({
          resource: lost,
          path: [],
          subject: `${where.file}`,
          messageId: 'definedAgain',
          data: { resource: describeResource(lost), file: where.file, line: where.line },
        });
      }
    },
  }),
  defineRule({
    id: 'kustomize-not-found',
    severity: 'info',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title:
      'Neither kustomize nor kubectl is installed: kustomize targets were read from raw files, without their patches.',
    messages: TARGET_MESSAGES['kustomize-not-found'],
    check: reportedByTargets,
  }),
  defineRule({
    id: 'target-render-failed',
    severity: 'warning',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: 'A target could not be rendered (kustomize build or the render command failed).',
    messages: TARGET_MESSAGES['target-render-failed'],
    check: reportedByTargets,
  }),
  defineRule({
    id: 'kustomize-component-unused',
    severity: 'info',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title:
      'A kustomize Component that no kustomization under the checked paths uses: nothing applies it, so it is not checked.',
    messages: TARGET_MESSAGES['kustomize-component-unused'],
    check: reportedByTargets,
  }),
  defineRule({
    id: 'defined-in-other-target',
    severity: 'info',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: 'A reference resolves only in another target: it is not applied together with the object that names it.',
    messages: TARGET_MESSAGES['defined-in-other-target'],
    check: reportedByTargets,
  }),
];
