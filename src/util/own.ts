// Lookups by keys that come from manifests, config files or the event. A plain object inherits
// `constructor`, `toString`, `__proto__`…, so `table[userKey]` can return a function instead of
// "absent"; these helpers only ever see an object's own properties.

/** `obj[key]` when `key` is the object's own property, else undefined. */
export function own<V>(obj: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** An empty string-keyed record without a prototype: any key (even `__proto__`) is an ordinary entry. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
