// Rules about reading the input itself: files that are not YAML, documents that are not objects,
// kinds that do not exist. Most are reported while reading (see manifests/parse.ts); their metadata lives here,
// their messages in manifests/file-problems.ts, where the reader takes them from.
import { defineRule, type Rule } from '../rule.js';
import { ISTIO_GROUPS, isIstioGroup } from '../../manifests/kinds.js';
import { closest } from '../../util/closest.js';
import { targetRules } from './targets.js';
import { own } from '../../util/own.js';
import { FILE_PROBLEM_MESSAGES } from '../../manifests/file-problems.js';

const reportedWhileReading = () => {
  /* findings come from the reader, not from the mesh */
};

const NO_SUCH_KIND = '{group} has no kind "{kind}": kubectl apply fails with "no matches for kind".';

export const inputRules: Rule[] = [
  defineRule({
    id: 'yaml-syntax',
    severity: 'error',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: 'A file or document is not valid YAML, so nothing in it can be applied or checked.',
    messages: FILE_PROBLEM_MESSAGES['yaml-syntax'],
    check: reportedWhileReading,
  }),
  defineRule({
    id: 'duplicate-key',
    severity: 'error',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: 'A mapping repeats a key: kubectl apply rejects the file.',
    messages: FILE_PROBLEM_MESSAGES['duplicate-key'],
    check: reportedWhileReading,
  }),
  defineRule({
    id: 'template-not-checked',
    severity: 'info',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: "A file holds template syntax outside a chart's templates/ and is not checked.",
    messages: FILE_PROBLEM_MESSAGES['template-not-checked'],
    check: reportedWhileReading,
  }),
  defineRule({
    id: 'not-a-manifest',
    severity: 'info',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: 'A document is not a Kubernetes object (no apiVersion/kind/name, or not a mapping) and is skipped.',
    messages: FILE_PROBLEM_MESSAGES['not-a-manifest'],
    check: reportedWhileReading,
  }),
  defineRule({
    id: 'unreadable-file',
    severity: 'error',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title: 'A manifest file is binary, not UTF-8, or too large to be a manifest.',
    messages: FILE_PROBLEM_MESSAGES['unreadable-file'],
    check: reportedWhileReading,
  }),
  defineRule({
    id: 'input-too-large',
    severity: 'error',
    istioCode: null,
    group: 'input',
    fixable: false,
    inputs: [],
    title:
      'The input passes a size cap (all files together, keys in one mapping, documents in one file), so part of it is not checked.',
    messages: FILE_PROBLEM_MESSAGES['input-too-large'],
    check: reportedWhileReading,
  }),
  defineRule({
    id: 'unknown-istio-kind',
    severity: 'error',
    istioCode: null,
    group: 'input',
    fixable: true,
    inputs: 'mesh',
    title: 'A kind or API version that does not exist in an Istio API group (a typo such as ServiceEnrty).',
    messages: {
      unknownKind: `${NO_SUCH_KIND} Did you mean {suggestion}?`,
      unknownKindNoGuess: `${NO_SUCH_KIND} Known kinds: {knownKinds}.`,
      versionNotServed:
        '{kind} is not served as {apiVersion}: kubectl apply fails with "no matches for kind". Served versions: {servedVersions}.',
    },
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!isIstioGroup(r.group)) continue;
        const kinds = own(ISTIO_GROUPS, r.group)!;
        const versions = own(kinds, r.kind);
        if (!versions) {
          const known = Object.keys(kinds);
          const guess = closest(r.kind, known);
          ctx.report({
            resource: r,
            path: ['kind'],
            subject: r.kind,
            ...(guess
              ? { messageId: 'unknownKind', data: { group: r.group, kind: r.kind, suggestion: guess } }
              : {
                  messageId: 'unknownKindNoGuess',
                  data: { group: r.group, kind: r.kind, knownKinds: known.join(', ') },
                }),
            fix: guess ? { op: 'set', path: ['kind'], value: guess, description: `kind: ${guess}` } : null,
          });
        } else if (!versions.includes(r.version)) {
          ctx.report({
            resource: r,
            path: ['apiVersion'],
            subject: r.apiVersion,
            messageId: 'versionNotServed',
            data: {
              kind: r.kind,
              apiVersion: r.apiVersion,
              servedVersions: versions.map((v) => `${r.group}/${v}`).join(', '),
            },
            fix: {
              op: 'set',
              path: ['apiVersion'],
              value: `${r.group}/${versions[0]}`,
              description: `apiVersion: ${r.group}/${versions[0]}`,
            },
          });
        }
      }
    },
  }),
  ...targetRules,
];
