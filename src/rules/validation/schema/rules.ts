// The schema-* rules: what the Kubernetes API server rejects when it validates an Istio
// custom resource against its CRD's OpenAPI v3 schema (unknown fields, wrong types, enum values, required
// fields, bounds) — before Istio ever sees it. istioctl analyze does not apply CRD schemas, so no istioCode.
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { getPath, type Path, type Resource } from '../../../manifests/resource.js';
import { nodeAt } from '../../../manifests/locate.js';
import type { FixEdit } from '../../../fixes/edits.js';
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

function* problems<K extends SchemaProblem['kind']>(ctx: RuleContext, kind: K): Generator<[Resource, Extract<SchemaProblem, { kind: K }>]> {
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
    if (depth !== r.basePath.length + path.length || !node || !isScalar(node) || node.type !== Scalar.PLAIN || !node.range) return null;
    const text = r.file.text.slice(node.range[0], node.range[1]).trim();
    return /^[^\s#'"]+$/.test(text) ? text : null;
  } catch {
    return null;
  }
}

const FORMATTED_FIELDS = new Set(['hosts', 'host', 'gateways', 'exportTo', 'addresses', 'address', 'sni', 'subjectAltNames']);

const REJECTED = 'kubectl apply rejects the resource (and an Argo CD or Flux sync fails)';

export const schemaCheckRules: Rule[] = [
  defineRule({
    id: 'schema-unknown-field', severity: 'error', istioCode: null, group: 'validation/schema', fixable: true, inputs: 'mesh',
    title: 'A field that the Istio CRD schema does not declare (often a typo such as "mod" for "mode").',
    check(ctx) {
      for (const [r, p] of problems(ctx, 'unknown')) {
        const parent = dotted(p.path.slice(0, -1));
        const where = parent === '' ? 'at the top level' : `in ${parent}`;
        let hint = p.suggestion ? ` Did you mean "${p.suggestion}"?` : p.belongsUnder ? ` "${p.key}" is a field of ${dotted(p.path.slice(0, -1))}${parent === '' ? '' : '.'}${p.belongsUnder}: move it there.` : '';
        if (!p.suggestion && newerThanSchemas(ctx.mesh.settings.istioVersion)) {
          hint += ` (Checked against Istio ${schemaIstioVersion()}'s CRDs; if "${p.key}" is new in Istio ${ctx.mesh.settings.istioVersion}, suppress this finding.)`;
        }
        ctx.report({
          resource: r, path: p.path, subject: subjectPath(p.path),
          message: `Unknown field "${p.key}" ${where} of ${r.kind} (${r.apiVersion}): ${REJECTED} with ".${dotted(p.path)}: field not declared in schema"; without strict field validation the field is silently dropped and has no effect.${hint}`,
          fix: p.suggestion && p.unambiguous ? { op: 'renameKey', path: p.path, newKey: p.suggestion, description: `rename "${p.key}" to "${p.suggestion}"` } : null,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-wrong-type', severity: 'error', istioCode: null, group: 'validation/schema', fixable: true, inputs: 'mesh',
    title: 'A field holds the wrong type for the Istio CRD schema (a string for a list, a quoted number, null in a list).',
    check(ctx) {
      for (const [r, p] of problems(ctx, 'type')) {
        const field = String(p.path[p.path.length - 1]);
        let fixText = '';
        let fix: FixEdit | null = null;
        // Hosts, gateways, exportTo and addresses have formats of their own: turning `5` into "5" or `TCP` into
        // [TCP] gives the right type but still a wrong value, so the rules that judge those values say what to write.
        const constrained = p.path.some((seg) => typeof seg === 'string' && FORMATTED_FIELDS.has(seg));
        if (p.fixValue !== null) {
          fixText = ` Write ${String(p.fixValue)} without quotes.`;
          fix = { op: 'set', path: p.path, value: p.fixValue, description: `${field}: ${String(p.fixValue)}` };
        } else if (p.portNumber !== null) {
          fixText = ` Write ${field}: {number: ${p.portNumber}}.`;
          fix = { op: 'replaceEntry', path: p.path, newKey: field, value: { number: p.portNumber }, description: `${field}: {number: ${p.portNumber}}` };
        } else if (p.matchKinds) {
          fixText = ` Say how to match: ${p.matchKinds.map((k) => `{${k}: ...}`).join(', ')}.`;
        } else if (p.wrap) {
          const item = getPath(r.obj, p.path);
          // In a formatted field only a value that already looks like a host name or reference is worth wrapping.
          if (typeof item === 'string' && item.trim() !== '' && (!constrained || /^[A-Za-z0-9*~.][^\s]*[./][A-Za-z0-9*]/.test(item))) { // [""] would only trade this error for an empty-item one
            fixText = ` Write it as a list: [${item}].`;
            fix = { op: 'replaceEntry', path: p.path, newKey: field, value: [item], description: `${field}: [${item}]` };
          }
        } else if (p.quotable && !constrained) {
          // Quote the value exactly as written (`1.0` must stay "1.0", not become "1").
          const written = plainScalarText(r, p.path);
          if (written !== null) {
            fixText = ` Quote it: "${written}".`;
            fix = { op: 'set', path: p.path, value: written, description: `quote ${written}` };
          }
        }
        ctx.report({
          resource: r, path: p.path, subject: subjectPath(p.path),
          message: `${dotted(p.path)} must be ${p.expected}, but is ${p.got}: ${REJECTED} with a "must be of type" error.${fixText}`,
          fix,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-invalid-enum', severity: 'error', istioCode: null, group: 'validation/schema', fixable: true, inputs: 'mesh',
    title: 'A field holds a value outside the enum of the Istio CRD schema (values are case-sensitive: SIMPLE, not simple).',
    check(ctx) {
      for (const [r, p] of problems(ctx, 'enum')) {
        const hint = p.caseFix ? ` Values are case-sensitive: write "${p.caseFix}".` : p.suggestion ? ` Did you mean "${p.suggestion}"?` : '';
        const allowed = p.allowed.length <= 12 ? ` Allowed: ${p.allowed.join(', ')}.` : '';
        ctx.report({
          resource: r, path: p.path, subject: `${subjectPath(p.path)}=${p.value}`,
          message: `${dotted(p.path)}: "${p.value}" is not a supported value: ${REJECTED} with "Unsupported value".${hint}${allowed}`,
          fix: p.caseFix ? { op: 'set', path: p.path, value: p.caseFix, description: `${String(p.path[p.path.length - 1])}: ${p.caseFix}` } : null,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-missing-required', severity: 'error', istioCode: null, group: 'validation/schema', fixable: false, inputs: 'mesh',
    title: 'A field that the Istio CRD schema requires is missing (a ServiceEntry without hosts, a port without number).',
    check(ctx) {
      for (const [r, p] of problems(ctx, 'required')) {
        const full = dotted([...p.path, p.field]);
        ctx.report({
          resource: r, path: p.path, subject: subjectPath([...p.path, p.field]),
          message: `${full} is required: ${REJECTED} with "${full}: Required value". Add ${p.field}${p.path.length ? ` to ${dotted(p.path)}` : ''}.`,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-oneof', severity: 'error', istioCode: null, group: 'validation/schema', fixable: false, inputs: 'mesh',
    title: 'Fields that exclude each other are set together (uri exact and prefix, loadBalancer simple and consistentHash).',
    check(ctx) {
      for (const [r, p] of problems(ctx, 'oneof')) {
        const parent = dotted(p.path.slice(0, -1));
        const list = p.fields.map((f) => `"${f}"`).join(', ');
        ctx.report({
          resource: r, path: p.path, subject: `${subjectPath(p.path.slice(0, -1))}:${p.fields.join('+')}`,
          message: `${parent} sets ${list}, but only one of them may be set: ${REJECTED} with "must validate one and only one schema (oneOf)". Keep the one you mean and remove the other${p.fields.length > 2 ? 's' : ''}.`,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-invalid-value', severity: 'error', istioCode: null, group: 'validation/schema', fixable: false, inputs: 'mesh',
    title: 'A value breaks a bound or pattern of the Istio CRD schema (maximum, minimum, length, number of items, pattern).',
    check(ctx) {
      for (const [r, p] of problems(ctx, 'value')) {
        ctx.report({
          resource: r, path: p.path, subject: subjectPath(p.path),
          message: `${dotted(p.path)} ${p.detail}: ${REJECTED}.`,
        });
      }
    },
  }),
  defineRule({
    id: 'schema-invalid-name', severity: 'error', istioCode: null, group: 'validation/schema', fixable: false, inputs: 'mesh',
    title: 'The name of an Istio resource is not a DNS-1123 subdomain, or its namespace not a DNS-1123 label.',
    check(ctx) {
      for (const r of ctx.mesh.resources) {
        if (!isIstioGroup(r.group) || !schemaFor(r.group, r.kind, r.version)) continue;
        const meta = r.obj['metadata'];
        const name = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta['name'] : undefined;
        const ns = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta['namespace'] : undefined;
        if (typeof ns === 'string' && ns !== '' && !isDns1123Label(ns)) {
          ctx.report({
            resource: r, path: ['metadata', 'namespace'], subject: `namespace:${ns}`,
            message: `metadata.namespace "${ns}" is not a valid namespace name: ${REJECTED} (a namespace is a DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit).`,
          });
        }
        if (typeof name !== 'string' || name === '' || isDns1123Subdomain(name)) continue;
        // No fix: other resources may refer to the name, and renaming is the author's call.
        const lower = name.toLowerCase().replace(/_/g, '-');
        const fixable = isDns1123Subdomain(lower);
        ctx.report({
          resource: r, path: ['metadata', 'name'], subject: name,
          message: `metadata.name "${name}" is not a valid name: ${REJECTED} ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character").${fixable ? ` Use "${lower}".` : ''}`,
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
