// The CRD schemas of Istio's kinds, turned once (at first use) from the generated compact data into linked
// nodes with property maps, so that checking a resource is a plain recursive walk with no compilation.
import { ISTIO_SCHEMA_JSON } from './istio-schemas.gen.js';
import { own } from '../../../util/own.js';

export type SchemaType = 's' | 'i' | 'n' | 'b' | 'o' | 'a' | 'is' | 'any';

export interface SchemaNode {
  t: SchemaType;
  /** Declared properties of an object (null for maps and open objects). */
  props: Map<string, SchemaNode> | null;
  /** Property names, for "did you mean". */
  names: string[];
  required: string[];
  /** Schema of a map's values (additionalProperties). */
  values: SchemaNode | null;
  /** Schema of a list's items. */
  items: SchemaNode | null;
  enum: string[] | null;
  /** Pairs of fields that exclude each other (the schema's oneOf), or null. */
  exclusive: [string, string][] | null;
  min?: number;
  max?: number;
  minL?: number;
  maxL?: number;
  minI?: number;
  maxI?: number;
  /** Most entries a map may hold (maxProperties). */
  maxP?: number;
  /** The schema's pattern, compiled once. */
  pattern?: RegExp;
}

interface CompactNode {
  t: SchemaType;
  p?: Record<string, number>;
  r?: string[];
  ap?: number;
  it?: number;
  e?: string[];
  x?: [string, string][];
  min?: number;
  max?: number;
  minL?: number;
  maxL?: number;
  minI?: number;
  maxI?: number;
  maxP?: number;
  pat?: string;
}

interface CompactData {
  source: string;
  /** The Istio minor release ("1.29") whose CRDs these are. */
  istio: string;
  kinds: Record<string, Record<string, Record<string, number>>>;
  nodes: CompactNode[];
}

export function blankNode(t: SchemaType): SchemaNode {
  return { t, props: null, names: [], required: [], values: null, items: null, enum: null, exclusive: null };
}

let loaded: { kinds: CompactData['kinds']; nodes: SchemaNode[]; source: string; istio: string } | null = null;

function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const data = JSON.parse(ISTIO_SCHEMA_JSON) as CompactData;
  // Nodes refer to each other by index; create all first, then link.
  const nodes = data.nodes.map((c) => blankNode(c.t));
  data.nodes.forEach((c, i) => {
    const n = nodes[i]!;
    if (c.p) {
      n.props = new Map(Object.entries(c.p).map(([k, v]) => [k, nodes[v]!]));
      n.names = Object.keys(c.p);
    }
    n.required = c.r ?? [];
    n.values = c.ap !== undefined ? nodes[c.ap]! : null;
    n.items = c.it !== undefined ? nodes[c.it]! : null;
    n.enum = c.e ?? null;
    n.exclusive = c.x ?? null;
    for (const k of ['min', 'max', 'minL', 'maxL', 'minI', 'maxI', 'maxP'] as const)
      if (c[k] !== undefined) n[k] = c[k];
    if (c.pat !== undefined) {
      try {
        n.pattern = new RegExp(c.pat, 'u');
      } catch {
        /* a pattern JavaScript cannot read is not checked */
      }
    }
  });
  loaded = { kinds: data.kinds, nodes, source: data.source, istio: data.istio };
  return loaded;
}

const stringNode = (): SchemaNode => blankNode('s');
function objectNode(props: Record<string, SchemaNode>, required: string[] = []): SchemaNode {
  const n = blankNode('o');
  n.props = new Map(Object.entries(props));
  n.names = Object.keys(props);
  n.required = required;
  return n;
}
function mapOf(values: SchemaNode): SchemaNode {
  const n = blankNode('o');
  n.values = values;
  return n;
}
function listOf(items: SchemaNode): SchemaNode {
  const n = blankNode('a');
  n.items = items;
  return n;
}

/** ObjectMeta as the API server decodes it (the fields a manifest may carry). */
const objectMeta = objectNode({
  name: stringNode(),
  generateName: stringNode(),
  namespace: stringNode(),
  selfLink: stringNode(),
  uid: stringNode(),
  resourceVersion: stringNode(),
  generation: blankNode('i'),
  creationTimestamp: blankNode('any'),
  deletionTimestamp: blankNode('any'),
  deletionGracePeriodSeconds: blankNode('i'),
  labels: mapOf(stringNode()),
  annotations: mapOf(stringNode()),
  ownerReferences: listOf(blankNode('any')),
  finalizers: listOf(stringNode()),
  managedFields: listOf(blankNode('any')),
});

const roots = new Map<string, SchemaNode | null>();

/** The whole-object schema of an Istio kind at a served version, or null when unknown. */
export function schemaFor(group: string, kind: string, version: string): SchemaNode | null {
  const key = `${group}/${kind}/${version}`;
  const cached = roots.get(key);
  if (cached !== undefined) return cached;
  const data = load();
  const kinds = own(data.kinds, group);
  const versions = kinds ? own(kinds, kind) : undefined;
  const idx = versions ? own(versions, version) : undefined;
  let root: SchemaNode | null = null;
  if (idx !== undefined) {
    const crd = data.nodes[idx]!;
    const props: Record<string, SchemaNode> = {
      apiVersion: stringNode(),
      kind: stringNode(),
      metadata: objectMeta,
      status: blankNode('any'),
    };
    for (const [k, v] of crd.props ?? []) props[k] = v;
    root = objectNode(props, crd.required);
  }
  roots.set(key, root);
  return root;
}

/** The Istio release ("1.29") whose CRD schemas are checked. */
export function schemaIstioVersion(): string {
  return load().istio;
}

/** True when `version` ("1.30", "1.30.1") is a later minor release than the schemas'. */
export function newerThanSchemas(version: string): boolean {
  const minor = (v: string) => {
    const m = /^v?(\d+)\.(\d+)/.exec(v);
    return m ? Number(m[1]) * 1000 + Number(m[2]) : null;
  };
  const a = minor(version);
  const b = minor(schemaIstioVersion());
  return a !== null && b !== null && a > b;
}
