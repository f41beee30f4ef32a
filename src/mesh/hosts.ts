// Host names as Istio treats them: short names resolve in the referring namespace, wildcards match by suffix.

export const CLUSTER_DOMAIN = 'cluster.local';

export function isWildcardHost(host: string): boolean {
  return host.startsWith('*');
}

/** Istio expands a host without dots to `<host>.<namespace>.svc.cluster.local`; anything with a dot is taken as given. */
export function resolveHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.')) return host;
  return `${host}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

export function serviceHost(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

/** The `{name, namespace}` of a `name.ns.svc.cluster.local` host, else null. */
export function parseServiceHost(host: string): { name: string; namespace: string } | null {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!host.endsWith(suffix)) return null;
  const parts = host.slice(0, -suffix.length).split('.');
  if (parts.length !== 2 || parts[0] === '*' || !parts[0] || !parts[1]) return null;
  return { name: parts[0], namespace: parts[1] };
}

/** Does `pattern` (a host, maybe a wildcard) match the concrete or wildcard host `host`? `*.a.com` matches `x.a.com`,
 *  `x.y.a.com` and `*.b.a.com`; `*` matches everything; partial wildcards (`*foo.com`) match by plain suffix. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  if (!pattern.startsWith('*')) return false;
  const suffix = pattern.slice(1); // ".a.com" or "foo.com"
  if (host.startsWith('*')) {
    const hostSuffix = host.slice(1);
    return hostSuffix.endsWith(suffix) && hostSuffix.length >= suffix.length;
  }
  return host.endsWith(suffix) && host.length > suffix.length;
}

/** Two hosts overlap when either matches the other. */
export function hostsOverlap(a: string, b: string): boolean {
  return hostMatches(a, b) || hostMatches(b, a);
}

/** Specificity for "most specific host wins": exact hosts beat wildcards, longer wildcards beat shorter ones. */
export function hostSpecificity(pattern: string): number {
  return pattern.startsWith('*') ? pattern.length - 1 : 1_000_000 + pattern.length;
}

/** Suffixes under which a concrete host could be matched by a `*.suffix` wildcard: a.b.c → [b.c, c]. */
export function wildcardSuffixesOf(host: string): string[] {
  const out: string[] = [];
  let i = host.indexOf('.');
  while (i !== -1) {
    out.push(host.slice(i + 1));
    i = host.indexOf('.', i + 1);
  }
  return out;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

/** Is this a concrete DNS name (not an IP, not a wildcard) — something DNS resolution can work on? */
export function isConcreteDnsName(host: string): boolean {
  if (host.startsWith('*') || host.length > 255) return false;
  const labels = host.split('.');
  if (labels.some((l) => !/^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/.test(l) || l.length > 63)) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}
