// Generates src/rules/validation/schema/istio-schemas.gen.ts: a compact copy of the OpenAPI v3 schemas of
// Istio's CRDs (field names, types, enums, required fields, simple bounds) for the schema-* rules.
//
// Source: the npm package @kubernetes-models/istio (generated from Istio's crd-all.gen.yaml; 3.0.1 is built
// from Istio 1.29.2). It is used at generation time only — nothing of it is bundled:
//   npm install --prefix /tmp/kmi @kubernetes-models/istio@3.0.1
//   node scripts/gen-istio-schemas.mjs /tmp/kmi/node_modules/@kubernetes-models/istio
// The package ships TypeScript declarations (field names, optionality, enum unions, maps, arrays) and
// ajv-compiled validators (types such as integer, and bounds). Neither alone is enough: the validators do not
// reject unknown fields, and the declarations say "number" for integers. So the structure comes from the
// declarations (read with the TypeScript checker) and each leaf is then probed with the validator to learn
// integer-ness, minimum/maximum/minLength/maxLength/minItems/maxItems/maxProperties, patterns and oneOf.
// TrafficExtension (Istio 1.30) is not in the package yet; it is assembled from WasmPlugin's parts, as its
// CRD is (see buildTrafficExtension below).
import ts from 'typescript';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const pkg = resolve(process.argv[2] ?? '/tmp/kmi/node_modules/@kubernetes-models/istio');
const out = resolve(process.argv[3] ?? 'src/rules/validation/schema/istio-schemas.gen.ts');
const GROUPS = ['networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'extensions.istio.io'];

const files = [];
for (const g of GROUPS) {
  for (const v of readdirSync(join(pkg, g), { withFileTypes: true })) {
    if (!v.isDirectory()) continue;
    for (const f of readdirSync(join(pkg, g, v.name))) {
      if (f.endsWith('.d.ts') && f !== 'index.d.ts')
        files.push({ group: g, version: v.name, kind: f.slice(0, -5), path: join(pkg, g, v.name, f) });
    }
  }
}

const program = ts.createProgram(
  files.map((f) => f.path),
  { strict: true, skipLibCheck: true, noEmit: true },
);
const checker = program.getTypeChecker();

/** A schema node before interning: { t, p, r, ap, it, e, min, max, minL, maxL, minI, maxI }. */
function walk(type, path, probe) {
  const flags = type.flags;
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    if (parts.length === 1) return walk(parts[0], path, probe);
    if (parts.every((t) => t.isStringLiteral())) return { t: 's', e: parts.map((t) => t.value) };
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { t: 'b' };
    const kinds = new Set(
      parts.map((t) => (t.flags & ts.TypeFlags.NumberLike ? 'n' : t.flags & ts.TypeFlags.StringLike ? 's' : '?')),
    );
    if (kinds.size === 2 && kinds.has('n') && kinds.has('s')) return { t: 'is' };
    // `Base & (A | B)` is distributed by the checker into `(Base & A) | (Base & B)`: all parts share Base.
    const bases = new Set(parts.map(baseOf));
    if (bases.size === 1) return probe.oneOf(path, walk([...bases][0], path, probe));
    throw new Error(`unsupported union at ${path.join('.')}: ${checker.typeToString(type)}`);
  }
  if (flags & ts.TypeFlags.String) return probe.string(path, { t: 's' });
  if (flags & ts.TypeFlags.Number) return probe.number(path, { t: 'n' });
  if (flags & ts.TypeFlags.Boolean || flags & ts.TypeFlags.BooleanLiteral) return { t: 'b' };
  if (flags & ts.TypeFlags.Any || flags & ts.TypeFlags.Unknown) return { t: 'any' };
  if (type.isIntersection()) {
    // oneOf is declared as `Base & (Exclude<Base, …> | …)`: the first part holds every property.
    return probe.oneOf(path, walk(type.types[0], path, probe));
  }
  if (checker.isArrayType(type)) {
    const item = checker.getTypeArguments(type)[0];
    const node = { t: 'a', it: walk(item, [...path, 0], probe) };
    return probe.array(path, node);
  }
  if (flags & ts.TypeFlags.Object) {
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (props.length === 0 && !index) return { t: 'any' }; // x-kubernetes-preserve-unknown-fields
    if (props.length === 0 && index) return probe.map(path, { t: 'o', ap: walk(index.type, [...path, '*'], probe) });
    const node = { t: 'o', p: {}, r: [] };
    for (const p of props) {
      const pt = checker.getTypeOfSymbol(p);
      node.p[p.name] = walk(pt, [...path, p.name], probe);
      if (!(p.flags & ts.SymbolFlags.Optional)) node.r.push(p.name);
    }
    if (node.r.length === 0) delete node.r;
    return node;
  }
  throw new Error(`unsupported type at ${path.join('.')}: ${checker.typeToString(type)}`);
}

function baseOf(t) {
  while (t.isIntersection()) t = t.types[0];
  return t;
}

/** Probes one kind's compiled validator to learn what the declarations do not say. */
function makeProbe(validate, apiVersion, kind) {
  const build = (path, leaf) => {
    let v = leaf;
    for (let i = path.length - 1; i >= 0; i--) {
      const seg = path[i];
      if (seg === 0) v = [v];
      else v = { [seg === '*' ? 'k' : seg]: v };
    }
    return { apiVersion, kind, metadata: { name: 'x' }, ...v };
  };
  const pointer = (path) => path.map((s) => '/' + (s === '*' ? 'k' : s)).join('');
  const errorsAt = (path, leaf) => {
    validate(build(path, leaf));
    const at = pointer(path);
    return (validate.errors ?? []).filter((e) => e.instancePath === at);
  };
  const limit = (errs, keyword) => errs.find((e) => e.keyword === keyword)?.params?.limit;
  return {
    number(path, node) {
      if (errorsAt(path, 1.5).some((e) => e.keyword === 'type' && e.params?.type === 'integer')) node.t = 'i';
      const max = limit(errorsAt(path, 1e15), 'maximum');
      const min = limit(errorsAt(path, -1e15), 'minimum');
      if (max !== undefined) node.max = max;
      if (min !== undefined) node.min = min;
      return node;
    },
    string(path, node) {
      const maxL = limit(errorsAt(path, 'x'.repeat(70000)), 'maxLength');
      const minL = limit(errorsAt(path, ''), 'minLength');
      if (maxL !== undefined) node.maxL = maxL;
      if (minL !== undefined) node.minL = minL;
      const pattern = errorsAt(path, 'Not valid! *').find((e) => e.keyword === 'pattern')?.params?.pattern;
      if (pattern !== undefined) node.pat = pattern;
      return node;
    },
    map(path, node) {
      const big = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'x']));
      const maxP = limit(errorsAt(path, big), 'maxProperties');
      if (maxP !== undefined) node.maxP = maxP;
      return node;
    },
    oneOf(path, node) {
      // Istio states "at most one of these fields" as a oneOf over `required` lists. Which fields exclude each
      // other is learnt by setting pairs of fields and asking the validator for a oneOf error on the object.
      if (!node.p) return node;
      const names = Object.keys(node.p);
      const pairs = [];
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
          validate(build(path, { [names[i]]: 'x', [names[j]]: 'x' }));
          const at = pointer(path);
          if ((validate.errors ?? []).some((e) => e.instancePath === at && e.keyword === 'oneOf'))
            pairs.push([names[i], names[j]]);
        }
      }
      if (pairs.length) node.x = pairs;
      return node;
    },
    array(path, node) {
      const maxI = limit(errorsAt(path, new Array(5000).fill('x')), 'maxItems');
      const minI = limit(errorsAt(path, []), 'minItems');
      if (maxI !== undefined) node.maxI = maxI;
      if (minI !== undefined) node.minI = minI;
      return node;
    },
  };
}

// Interning: identical subtrees (StringMatch, selectors, port selectors, whole versions) are stored once.
const table = [];
const seen = new Map();
function intern(node) {
  const c = { ...node };
  if (c.p)
    c.p = Object.fromEntries(
      Object.entries(c.p)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, intern(v)]),
    );
  if (c.it !== undefined) c.it = intern(c.it);
  if (c.ap !== undefined) c.ap = intern(c.ap);
  const key = JSON.stringify(c);
  let id = seen.get(key);
  if (id === undefined) {
    id = table.length;
    table.push(c);
    seen.set(key, id);
  }
  return id;
}

const kinds = {};
const raw = {};
for (const f of files) {
  const sf = program.getSourceFile(f.path);
  const sym = checker.getSymbolAtLocation(sf);
  const iface = checker.getExportsOfModule(sym).find((s) => s.name === `I${f.kind}`);
  if (!iface) throw new Error(`no I${f.kind} in ${f.path}`);
  const t = checker.getDeclaredTypeOfSymbol(iface);
  const schemaFile = `${f.group
    .split('.')
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('')}${f.version[0].toUpperCase()}${f.version.slice(1)}${f.kind}.js`;
  const { validate } = await import(pathToFileURL(join(pkg, '_schemas', schemaFile)).href);
  const probe = makeProbe(validate, `${f.group}/${f.version}`, f.kind);
  const specSym = checker.getPropertyOfType(t, 'spec');
  const node = { t: 'o', p: {}, r: [] };
  if (specSym) {
    node.p.spec = walk(checker.getTypeOfSymbol(specSym), ['spec'], probe);
    if (!(specSym.flags & ts.SymbolFlags.Optional)) node.r.push('spec');
  }
  if (node.r.length === 0) delete node.r;
  raw[`${f.group}/${f.kind}/${f.version}`] = node;
}

function buildTrafficExtension() {
  // TrafficExtension (extensions.istio.io/v1alpha1, Istio 1.30) reuses WasmPlugin's building blocks: the same
  // selector, targetRefs, match and Wasm settings (under `wasm`), plus `lua.inlineCode`. Its phase enum is
  // left open (its values changed during development), and so is anything not known for sure.
  const wp = raw['extensions.istio.io/WasmPlugin/v1alpha1'].p.spec.p;
  const wasm = { t: 'o', p: {}, r: ['url'] };
  for (const k of [
    'url',
    'sha256',
    'imagePullPolicy',
    'imagePullSecret',
    'verificationKey',
    'pluginConfig',
    'pluginName',
    'failStrategy',
    'vmConfig',
    'type',
  ]) {
    if (wp[k]) wasm.p[k] = wp[k];
  }
  const spec = {
    t: 'o',
    p: {
      selector: wp.selector,
      targetRefs: wp.targetRefs,
      phase: { t: 's' },
      priority: wp.priority,
      match: wp.match,
      wasm,
      lua: { t: 'o', p: { inlineCode: { t: 's', minL: 1, maxL: 65536 } }, r: ['inlineCode'] },
    },
  };
  return { t: 'o', p: { spec }, r: ['spec'] };
}
raw['extensions.istio.io/TrafficExtension/v1alpha1'] = buildTrafficExtension();

for (const [key, node] of Object.entries(raw).sort(([a], [b]) => (a < b ? -1 : 1))) {
  const [group, kind, version] = key.split('/');
  ((kinds[group] ??= {})[kind] ??= {})[version] = intern(node);
}

const pkgJson = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const istio = (pkgJson['crd-generate']?.input ?? [])
  .map((u) => /istio\/istio\/(\d+\.\d+)\.\d+\/manifests\/charts\/base\/files\/crd-all/.exec(u)?.[1])
  .find(Boolean);
if (!istio) throw new Error('cannot tell which Istio release the package was generated from');
const data = {
  source: `${pkgJson.name} ${pkgJson.version} (Istio ${istio} CRDs); TrafficExtension assembled from WasmPlugin parts`,
  istio,
  kinds,
  nodes: table,
};
const json = JSON.stringify(data);
const text = `// GENERATED by scripts/gen-istio-schemas.mjs — do not edit. Compact OpenAPI schemas of Istio's CRDs.
// Node fields: t type (s string, i integer, n number, b boolean, o object, a array, is int-or-string,
// any: not checked), p properties (name → node index), r required, ap map values, it list items, e enum,
// min/max, minL/maxL (string length), minI/maxI (list length), maxP (map entries), pat (pattern),
// x pairs of fields that exclude each other (oneOf).
export const ISTIO_SCHEMA_JSON = ${JSON.stringify(json)};
`;
writeFileSync(out, text);
console.log(`${Object.keys(raw).length} kind versions, ${table.length} nodes, ${json.length} bytes → ${out}`);
