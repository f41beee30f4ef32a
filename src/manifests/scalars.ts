// YAML 1.1 scalars as Kubernetes reads them, for both ways a file is read (parse.ts with the yaml library,
// fast-load.ts with js-yaml): one definition, so a plain scalar means the same whichever reads it.
import { Document, type ScalarTag, type Tags } from 'yaml';

/** YAML 1.1 scalars as Kubernetes' reader (go-yaml v2 via sigs.k8s.io/yaml) resolves them, where the `yaml`
 *  library's 1.1 schema differs: a float needs a digit (`.`, `-.` stay strings — `exportTo: [.]` is common);
 *  there are no sexagesimal numbers (`1:20` is a string); timestamps stay strings (go-yaml keeps them as text
 *  when decoding into interface{}), so values hold no Date objects. */
export function kubernetesScalars(tags: Tags): Tags {
  // The library asks for every document it builds, always with its same 1.1 tags: answer from the first time.
  if (memo && memo.from.length === tags.length && memo.from.every((t, i) => t === tags[i])) return memo.to;
  const to = adjust(tags);
  memo = { from: [...tags], to };
  return to;
}

let memo: { from: Tags; to: Tags } | null = null;

function adjust(tags: Tags): Tags {
  const hasDigit = /[0-9]/;
  return tags
    .filter((t) => !(typeof t === 'object' && t.tag === 'tag:yaml.org,2002:timestamp'))
    .filter((t) => !(typeof t === 'object' && 'format' in t && t.format === 'TIME')) // sexagesimal int and float
    .map((t) => {
      if (typeof t !== 'object' || t.tag !== 'tag:yaml.org,2002:float' || !t.test || t.test.source.includes('inf'))
        return t;
      const re = new RegExp(t.test.source, t.test.flags);
      // A RegExp whose test() also requires a digit (the tag's resolver runs on the matched text).
      const strict = Object.assign(new RegExp(re.source, re.flags), {
        test: (str: string) => hasDigit.test(str) && re.test(str),
      });
      return { ...t, test: strict };
    });
}

/** The scalar tags a plain (unquoted, untagged) scalar is resolved with, in the order the yaml library tries
 *  them (its findScalarTagByTest: the first default tag whose test matches; otherwise a string). */
export function implicitScalarTags(): ScalarTag[] {
  const schema = new Document(null, { version: '1.1', customTags: kubernetesScalars }).schema;
  return (schema.tags as (ScalarTag & { collection?: unknown })[]).filter(
    (t) => t.default === true && t.test !== undefined && !t.collection,
  );
}
