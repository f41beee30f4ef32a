// The namespaces istioctl never analyses: Kubernetes' own and kind's storage. Rules that follow istioctl read
// their inputs through RuleContext.inputs, which leaves these out; nothing else needs to repeat the test.

export const IGNORED_NAMESPACES: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

export function isIgnoredNamespace(ns: string | null): boolean {
  return ns !== null && IGNORED_NAMESPACES.has(ns);
}
