// A path into a parsed manifest: keys and list indexes from the document root, e.g. ['spec', 'http', 0, 'route'].
// On its own so that locate.ts (which finds a path's lines) and resource.ts (which stores a locator) need not
// import each other.
export type Path = ReadonlyArray<string | number>;
