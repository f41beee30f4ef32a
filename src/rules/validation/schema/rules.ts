// The schema-* rules: what the Kubernetes API server rejects when it validates an Istio
// custom resource against its CRD's OpenAPI v3 schema (unknown fields, wrong types, enum values, required
// fields, bounds) — before Istio ever sees it. istioctl analyze does not apply CRD schemas, so no istioCode.
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { getPath, type Path, type Resource } from '../../../manifests/resource.js';
import { nodeAt } from '../../../manifests/locate.js';
import type { FixEdit } from '../../../fixes/edits.js';
import type { MessageData } from '../../../util/messages.js';
import { isScalar, Scalar } from 'yaml';
import { isIstioGroup } from '../../../manifests/kinds.js';
import { newerThanSchemas, schemaFor, schemaIstioVersion } from './schema-tree.js';
import { dotted, subjectPath, walkSchema, type SchemaProblem } from './walk.js';
import { looksLikePatch } from '../../../manifests/patch-files.js';
import type { MeshView } from '../../../mesh/mesh-view.js';

/** The schema problems of a resource, computed once per view and shared by every schema rule. */
function problemsOf(mesh: MeshView, r: Resource): SchemaProblem[] {
  return mesh.memoOf('schema/problems', r, () => {
    const root = isIstioGroup(r.group) ? schemaFor(r.group, r.kind, r.version) : null;
    return root ? walkSchema(r.obj, root) : [];
  });
}

function* problems<K extends SchemaProblem['kind']>(
  ctx: RuleContext,
  kind: K,
): Generator<[Resource, Extract<SchemaProblem, { kind: K }>]> {
  for (const r of ctx.mesh.resources) {
    if (!isIstioGroup(r.group)) continue;
    const partial = kind === 'required' && looksLikePatch(r);
    if (partial) continue;
    for (const p of problemsOf(ctx.mesh, r)) if (p.kind === kind) yield [r, p as Extract<SchemaProblem, { kind: K }>];
  }
}

/** The source text of an unquoted scalar (`1.0`, `true`, `0x1F`), or null. */
function plainScalarText(r: Resource, path: Path): string | null {
  try {
    const { node, depth } = nodeAt(r.doc, [...r.basePath, ...path]);
    if (
      depth !== r.basePath.length + path.length ||
      !node ||
      !isScalar(node) ||
      node.type !== Scalar.PLAIN ||
      !node.range
    )
      return null;
    const text = r.file.text.slice(node.range[0], node.range[1]).trim();
    return /^[^\s#'"]+$/.test(text) ? text : null;
  } catch {
    return null;
  }
}

const FORMATTED_FIELDS = new Set([
  'hosts',
  'host',
  'gateways',
  'exportTo',
  'addresses',
  'address',
  'sni',
  'subjectAltNames',
]);

/** What the API server's rejection means for the user (every schema rule's message says it). */
export const REJECTED = 'kubectl apply rejects the resource (and an Argo CD or Flux sync fails)';

const UNKNOWN_FIELD = `Unknown field "{key}" {where} of {kind} ({apiVersion}): ${REJECTED} with ".{path}: field not declared in schema"; without strict field validation the field is silently dropped and has no effect.`;
const MISPLACED = '"{key}" is a field of {fieldPath}: move it there.';
const NEWER_ISTIO =
  '(Checked against Istio {schemaVersion}\'s CRDs; if "{key}" is new in Istio {istioVersion}, suppress this finding.)';
const WRONG_TYPE = `{path} must be {expected}, but is {got}: ${REJECTED} with a "must be of type" error.`;
const INVALID_ENUM = `{path}: "{value}" is not a supported value: ${REJECTED} with "Unsupported value".`;
const INVALID_NAME = `metadata.name "{name}" is not a valid name: ${REJECTED} ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character").`;
const REQUIRED = `{path} is required: ${REJECTED} with "{path}: Required value".`;

export const schemaCheckRules: Rule[] = [
  defineRule({
    id: 'schema-unknown-field',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: true,
    inputs: 'mesh',
    title: 'A field that the Istio CRD schema does not declare (often a typo such as "mod" for "mode").',
    messages: {
      unknownField: UNKNOWN_FIELD,
      unknownFieldDidYouMean: `${UNKNOWN_FIELD} Did you mean "{suggestion}"?`,
      unknownFieldMisplaced: `${UNKNOWN_FIELD} ${MISPLACED}`,
      unknownFieldNewerIstio: `${UNKNOWN_FIELD} ${NEWER_ISTIO}`,
      unknownFieldMisplacedNewerIstio: `${UNKNOWN_FIELD} ${MISPLACED} ${NEWER_ISTIO}`,
    },
    check(ctx) {
      for (const [r, p] of problems(ctx, 'unknown')) {
        const parent = dotted(p.path.slice(0, -1));
        const where = parent === '' ? 'at the top level' : `in ${parent}`;
        const about = { key: p.key, where, kind: r.kind, apiVersion: r.apiVersion, path: dotted(p.path) };
        const newer =
          !p.suggestion && newerThanSchemas(ctx.mesh.settings.istioVersion)
            ? { schemaVersion: schemaIstioVersion(), istioVersion: ctx.mesh.settings.istioVersion }
            : null;
        const misplaced = p.belongsUnder
          ? { fieldPath: `${parent}${parent === '' ? '' : '.'}${p.belongsUnder}` }
          : null;
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath(p.path),
          ...(p.suggestion
            ? { messageId: 'unknownFieldDidYouMean', data: { ...about, suggestion: p.suggestion } }
            : misplaced
              ? {
                  messageId: newer ? 'unknownFieldMisplacedNewerIstio' : 'unknownFieldMisplaced',
                  data: { ...about, ...misplaced, ...newer },
                }
              : { messageId: newer ? 'unknownFieldNewerIstio' : 'unknownField', data: { ...about, ...newer } }),
          fix:
            p.suggestion && p.unambiguous
              ? {
                  op: 'renameKey',
                  path: p.path,
                  newKey: p.suggestion,
                  description: `rename "${p.key}" to "${p.suggestion}"`,
                }
              : null,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-wrong-type',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: true,
    inputs: 'mesh',
    title:
      'A field holds the wrong type for the Istio CRD schema (a string for a list, a quoted number, null in a list).',
    messages: {
      wrongType: WRONG_TYPE,
      wrongTypeUnquote: `${WRONG_TYPE} Write {value} without quotes.`,
      wrongTypePortNumber: `${WRONG_TYPE} Write {field}: {number: {port}}.`,
      wrongTypeMatchKinds: `${WRONG_TYPE} Say how to match: {matchKinds}.`,
      wrongTypeList: `${WRONG_TYPE} Write it as a list: [{item}].`,
      wrongTypeQuote: `${WRONG_TYPE} Quote it: "{written}".`,
    },
    check(ctx) {
      for (const [r, p] of problems(ctx, 'type')) {
        const field = String(p.path[p.path.length - 1]);
        let said: { messageId: string; data?: MessageData } = { messageId: 'wrongType' };
        let fix: FixEdit | null = null;
        // Hosts, gateways, exportTo and addresses have formats of their own: turning `5` into "5" or `TCP` into
        // [TCP] gives the right type but still a wrong value, so the rules that judge those values say what to write.
        const constrained = p.path.some((seg) => typeof seg === 'string' && FORMATTED_FIELDS.has(seg));
        if (p.fixValue !== null) {
          said = { messageId: 'wrongTypeUnquote', data: { value: String(p.fixValue) } };
          fix = { op: 'set', path: p.path, value: p.fixValue, description: `${field}: ${String(p.fixValue)}` };
        } else if (p.portNumber !== null) {
          said = { messageId: 'wrongTypePortNumber', data: { field, port: p.portNumber } };
          fix = {
            op: 'replaceEntry',
            path: p.path,
            newKey: field,
            value: { number: p.portNumber },
            description: `${field}: {number: ${p.portNumber}}`,
          };
        } else if (p.matchKinds) {
          said = {
            messageId: 'wrongTypeMatchKinds',
            data: { matchKinds: p.matchKinds.map((k) => `{${k}: ...}`).join(', ') },
          };
        } else if (p.wrap) {
          const item = getPath(r.obj, p.path);
          // In a formatted field only a value that already looks like a host name or reference is worth wrapping.
          if (
            typeof item === 'string' &&
            item.trim() !== '' &&
            (!constrained || /^[A-Za-z0-9*~.][^\s]*[./][A-Za-z0-9*]/.test(item))
          ) {
            // [""] would only trade this error for an empty-item one
            said = { messageId: 'wrongTypeList', data: { item } };
            fix = {
              op: 'replaceEntry',
              path: p.path,
              newKey: field,
              value: [item],
              description: `${field}: [${item}]`,
            };
          }
        } else if (p.quotable && !constrained) {
          // Quote the value exactly as written (`1.0` must stay "1.0", not become "1").
          const written = plainScalarText(r, p.path);
          if (written !== null) {
            said = { messageId: 'wrongTypeQuote', data: { written } };
            fix = { op: 'set', path: p.path, value: written, description: `quote ${written}` };
          }
        }
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath(p.path),
          messageId: said.messageId,
          data: { path: dotted(p.path), expected: p.expected, got: p.got, ...said.data },
          fix,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-invalid-enum',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: true,
    inputs: 'mesh',
    title:
      'A field holds a value outside the enum of the Istio CRD schema (values are case-sensitive: SIMPLE, not simple).',
    // {allowed} is " Allowed: A, B." or '' for a long list.
    messages: {
      invalidEnum: `${INVALID_ENUM}{allowed}`,
      invalidEnumCase: `${INVALID_ENUM} Values are case-sensitive: write "{caseFix}".{allowed}`,
      invalidEnumDidYouMean: `${INVALID_ENUM} Did you mean "{suggestion}"?{allowed}`,
    },
    check(ctx) {
      for (const [r, p] of problems(ctx, 'enum')) {
        const about = {
          path: dotted(p.path),
          value: p.value,
          allowed: p.allowed.length <= 12 ? ` Allowed: ${p.allowed.join(', ')}.` : '',
        };
        ctx.report({
          resource: r,
          path: p.path,
          subject: `${subjectPath(p.path)}=${p.value}`,
          ...(p.caseFix
            ? { messageId: 'invalidEnumCase', data: { ...about, caseFix: p.caseFix } }
            : p.suggestion
              ? { messageId: 'invalidEnumDidYouMean', data: { ...about, suggestion: p.suggestion } }
              : { messageId: 'invalidEnum', data: about }),
          fix: p.caseFix
            ? {
                op: 'set',
                path: p.path,
                value: p.caseFix,
                description: `${String(p.path[p.path.length - 1])}: ${p.caseFix}`,
              }
            : null,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-missing-required',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: false,
    inputs: 'mesh',
    title:
      'A field that the Istio CRD schema requires is missing (a ServiceEntry without hosts, a port without number).',
    messages: {
      missingRequired: `${REQUIRED} Add {field} to {parent}.`,
      missingRequiredTopLevel: `${REQUIRED} Add {field}.`,
    },
    check(ctx) {
      for (const [r, p] of problems(ctx, 'required')) {
        const about = { path: dotted([...p.path, p.field]), field: p.field };
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath([...p.path, p.field]),
          ...(p.path.length
            ? { messageId: 'missingRequired', data: { ...about, parent: dotted(p.path) } }
            : { messageId: 'missingRequiredTopLevel', data: about }),
        });
      }
    },
  }),
  defineRule({
    id: 'schema-oneof',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: false,
    inputs: 'mesh',
    title:
      'Fields that exclude each other are set together (uri exact and prefix, loadBalancer simple and consistentHash).',
    messages: {
      oneOf: `{parent} sets {fields}, but only one of them may be set: ${REJECTED} with "must validate one and only one schema (oneOf)". Keep the one you mean and remove the {others}.`,
    },
    check(ctx) {
      for (const [r, p] of problems(ctx, 'oneof')) {
        ctx.report({
          resource: r,
          path: p.path,
          subject: `${subjectPath(p.path.slice(0, -1))}:${p.fields.join('+')}`,
          messageId: 'oneOf',
          data: {
            parent: dotted(p.path.slice(0, -1)),
            fields: p.fields.map((f) => `"${f}"`).join(', '),
            others: p.fields.length > 2 ? 'others' : 'other',
          },
        });
      }
    },
  }),
  defineRule({
    id: 'schema-invalid-value',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: false,
    inputs: 'mesh',
    title:
      'A value breaks a bound or pattern of the Istio CRD schema (maximum, minimum, length, number of items, pattern).',
    // The walk words the broken bound ("is 150; the maximum is 100", "must not be empty"): too many shapes for ids.
    messages: { invalidValue: `{path} {problem}: ${REJECTED}.` },
    check(ctx) {
      for (const [r, p] of problems(ctx, 'value')) {
        ctx.report({
          resource: r,
          path: p.path,
          subject: subjectPath(p.path),
          messageId: 'invalidValue',
          data: { path: dotted(p.path), problem: p.detail },
        });
      }
    },
  }),
  defineRule({
    id: 'schema-invalid-name',
    severity: 'error',
    istioCode: null,
    group: 'validation/schema',
    fixable: false,
    inputs: 'mesh',
    title: 'The name of an Istio resource is not a DNS-1123 subdomain, or its namespace not a DNS-1123 label.',
    messages: {
      invalidNamespace: `metadata.namespace "{namespace}" is not a valid namespace name: ${REJECTED} (a namespace is a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit).`,
      invalidName: INVALID_NAME,
      invalidNameUse: `${INVALID_NAME} Use "{suggestion}".`,
    },
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!isIstioGroup(r.group) || !schemaFor(r.group, r.kind, r.version)) continue;
        const meta = r.obj['metadata'];
        const name = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta['name'] : undefined;
        const ns = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta['namespace'] : undefined;
        if (typeof ns === 'string' && ns !== '' && !isDns1123Label(ns)) {
          ctx.report({
            resource: r,
            path: ['metadata', 'namespace'],
            subject: `namespace:${ns}`,
            messageId: 'invalidNamespace',
            data: { namespace: ns },
          });
        }
        if (typeof name !== 'string' || name === '' || isDns1123Subdomain(name)) continue;
        // No fix: other resources may refer to the name, and renaming is the author's call.
        const lower = name.toLowerCase().replace(/_/g, '-');
        const fixable = isDns1123Subdomain(lower);
        ctx.report({
          resource: r,
          path: ['metadata', 'name'],
          subject: name,
          ...(fixable
            ? { messageId: 'invalidNameUse', data: { name, suggestion: lower } }
            : { messageId: 'invalidName', data: { name } }),
        });
      }
    },
  }),
];

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(s);
}

export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}
