// The fast way to read a manifest file's values: js-yaml, about five times faster than the yaml library
// building Documents with positions. Positions are needed only for documents that get a finding, and come from
// the yaml library then (parse.ts reads the file again lazily), so every line stays exactly what it was.
//
// It reads only what it reads exactly as the yaml library does (test/property/fast-load.test.ts and the rule
// test harness hold the two to the same values, documents and problems on every fixture); for everything else
// it answers null and the file is read by the yaml library, which gives the exact errors and limits:
// - text with anchors, aliases, tags, merge keys, directives, explicit or empty keys, `...` or tabs (text checks,
//   conservative: see NOT_FAST);
// - anything js-yaml rejects (syntax errors, repeated keys, nesting deeper than 100, keys that are collections);
// - files with an empty, null or scalar document (where the two could count or read documents differently).
import { FAILSAFE_SCHEMA, NOT_RESOLVED, defineMappingTag, defineScalarTag, defineSequenceTag, loadAll } from 'js-yaml';
import { isScalar } from 'yaml';
import { implicitScalarTags } from './scalars.js';
import { MAX_KEYS_PER_MAPPING } from './limits.js';
import type { Json } from './resource.js';

// `&a`/`*a` (anchors, aliases), `!tag`, `? key`: at the start of a token. Over-matches inside text (a `*ptr` in
// a script, `!` in prose): such files merely take the slower, exact way. Also
// `:` with an empty key before it (`: x`, which the yaml library rejects in places js-yaml takes), a `...`
// document end (after which the two count documents differently), `<<` merge keys, tabs, `%` directives.
const NOT_FAST = /(?:^|[\s[{,])(?:[&*][^\s,\]}]|!|[?:](?:[ \r]|$))|<<|\t|^%|^\.\.\.(?:[ \r]|$)/m;

/** A quoted scalar that opens at a token start and does not close on its line (multi-line or unterminated: where
 *  js-yaml and the yaml library have been seen to read differently at the end of a document). */
const OPEN_QUOTE = /(?:^|[\s[{,:])(?:"(?:[^"\\\n]|\\[^\n])*\\?|'(?:[^'\n]|'')*)$/m;

/** Lines this long may hold a key over the 1,024 characters YAML allows (an error the yaml library reports). */
const LONG_LINE = 1000;

function hasLongLine(text: string): boolean {
  for (let from = 0; from < text.length;) {
    let nl = text.indexOf('\n', from);
    if (nl === -1) nl = text.length;
    if (nl - from >= LONG_LINE) return true;
    from = nl + 1;
  }
  return false;
}

const TAGS = implicitScalarTags();
/** Matches whatever one of TAGS might match (their patterns together): most plain scalars are names and match
 *  none, and this rules them out in one test. */
const ANY_TAG = TAGS.every((t) => t.test!.flags === '')
  ? new RegExp(TAGS.map((t) => `(?:${t.test!.source})`).join('|'))
  : /(?:)/;
const RESOLVE_OPTIONS = { intAsBigInt: false } as Parameters<(typeof TAGS)[number]['resolve']>[2];

/** A plain scalar, resolved by the yaml library's own YAML 1.1 tags (see scalars.ts), in its order. */
const yaml11Scalar = defineScalarTag('tag:istio-review,2026:yaml11-plain', {
  implicit: true,
  // Every YAML 1.1 null, bool, int and float starts with one of these (or is empty; `E0` is a float, NaN):
  // other scalars are strings
  // without trying a single test.
  implicitFirstChars: [
    '',
    '~',
    'n',
    'N',
    'y',
    'Y',
    't',
    'T',
    'f',
    'F',
    'o',
    'O',
    'e',
    'E',
    '+',
    '-',
    '.',
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
  ],
  resolve: (source: string) => {
    if (!ANY_TAG.test(source)) return NOT_RESOLVED;
    for (const tag of TAGS) {
      if (!tag.test!.test(source)) continue;
      let failed = false;
      const value: unknown = tag.resolve(
        source,
        () => {
          failed = true;
        },
        RESOLVE_OPTIONS,
      );
      if (failed) throw new Error('not resolvable'); // the yaml library reports an error here: let it
      return isScalar(value) ? value.value : value; // some tags keep formatting details in a Scalar
    }
    return NOT_RESOLVED;
  },
  identify: () => false,
});

/** A mapping as the yaml library turns one into a plain object (addPairToJSMap): a null key becomes "",
 *  other scalars String(key); `__proto__` is an own property. A collection as key, and a mapping past
 *  MAX_KEYS_PER_MAPPING, are left to the yaml library (which reports the latter). */
const plainMapping = defineMappingTag('tag:yaml.org,2002:map', {
  create: (): { map: Record<string, unknown>; keys: number } => ({ map: {}, keys: 0 }),
  addPair: (carrier, key, value) => {
    if (key !== null && typeof key === 'object') return 'a collection as a mapping key';
    if (++carrier.keys > MAX_KEYS_PER_MAPPING) return 'too many keys';
    const k = keyOf(key);
    if (k === '__proto__')
      Object.defineProperty(carrier.map, k, { value, writable: true, enumerable: true, configurable: true });
    else carrier.map[k] = value;
    return '';
  },
  has: (carrier, key) =>
    (key !== null && typeof key === 'object') || Object.prototype.hasOwnProperty.call(carrier.map, keyOf(key)),
  finalize: (carrier) => carrier.map,
  keys: (map) => Object.keys(map),
  get: (map, key) => map[keyOf(key)],
  identify: () => false,
});

/** A sequence as an array of exactly its length: built by push, an array keeps room for 16 more items (about 130
 *  bytes per list, and manifests hold tens of thousands of short lists: ports, hosts, containers, routes). */
const compactSequence = defineSequenceTag('tag:yaml.org,2002:seq', {
  create: () => [] as unknown[],
  addItem: (items, item) => {
    items.push(item);
  },
  finalize: (items) => items.slice(),
  identify: () => false,
});

function keyOf(key: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- only scalars get here: addPair and has refuse a collection as key first
  return key === null ? '' : String(key);
}

const SCHEMA = FAILSAFE_SCHEMA.withTags(plainMapping, compactSequence, yaml11Scalar);

/** Every document's value, in order, or null when the file must be read the exact (slower) way. */
export function fastLoad(text: string): Json[] | null {
  if (NOT_FAST.test(text) || OPEN_QUOTE.test(text) || hasLongLine(text)) return null;
  let values: unknown[];
  try {
    values = loadAll(text, { schema: SCHEMA });
  } catch {
    return null;
  }
  // A manifest is a mapping (or a list): a document that is a bare scalar is odd enough to leave to the yaml
  // library (the two have been seen to read ` #` after `---` differently).
  if (values.length === 0 || values.some((v) => v === null || typeof v !== 'object')) return null;
  return values as Json[];
}
