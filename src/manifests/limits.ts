// Every cap on how much input one run reads, in one place. Each is far above what real repositories hold
// (a 50,000-resource GitOps tree is about 34 MB of YAML in 20,000 files; the largest real mappings are
// ConfigMaps with a few thousand keys; a rendered chart holds a few hundred documents) and low enough that
// no input shape can make a run exhaust memory or take minutes. Past a cap a run reports an error finding
// ("input too large", rule input-too-large) on the file and line where the cap was met: it never crashes
// and never passes quietly with part of the input unchecked.

/** A manifest file larger than this cannot be applied (the API server takes requests of about 3 MiB). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Text parsed in one run, all files together: about twice a 50,000-resource repository. Files past it are not
 *  parsed (each gets a finding), so memory (under 1 GB) and time stay bounded whatever a pull request adds. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

/** YAML documents parsed in one run, all files together (the same bound as bytes, for dense YAML: 64 MiB of
 *  small objects are 200,000 of them). 60,000 is over twice the largest real repositories we know of. */
export const MAX_TOTAL_DOCUMENTS = 60_000;

/** Keys in one mapping (one ConfigMap's data, one object). */
export const MAX_KEYS_PER_MAPPING = 50_000;

/** Documents in one file (`---` separated). */
export const MAX_DOCUMENTS_PER_FILE = 10_000;

/** Deeper than this, a document is not a manifest but an attack on parsers (real ones stay well under 50). */
export const MAX_DEPTH = 256;

/** Aliases allowed per document before it is treated as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
