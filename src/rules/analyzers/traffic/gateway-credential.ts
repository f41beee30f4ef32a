// A Gateway's TLS secret (credentialName) is read by the gateway proxy from the gateway workload's own namespace
// (the SDS server of the gateway watches Secrets there), not from the namespace of the Gateway resource.
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, asString, isObject } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import { GROUP, describeSelector, selectorLabels } from './common.js';

/** Secret name → namespaces where the repository defines it (a Secret, or a cert-manager Certificate's secretName). */
function secretNamespaces(mesh: MeshView): Map<string, Set<string>> {
  return mesh.memo('traffic/secret-namespaces', () => {
    const m = new Map<string, Set<string>>();
    const add = (name: string | undefined, ns: string | null) => {
      if (name && ns) (m.get(name) ?? m.set(name, new Set()).get(name)!).add(ns);
    };
    for (const s of mesh.byKind('Secret', '')) add(s.name, s.namespace);
    for (const c of mesh.byKind('Certificate', 'cert-manager.io')) add(asString(c.spec.secretName), c.namespace);
    return m;
  });
}

export const gatewayCredentialWrongNamespace = defineRule({
  id: 'gateway-credential-wrong-namespace',
  severity: 'error',
  istioCode: null,
  group: GROUP,
  fixable: false,
  inputs: [{ kind: 'Gateway' }, { kind: 'Secret' }, { kind: 'Certificate', group: 'cert-manager.io' }],
  title: "A Gateway's credentialName Secret is defined only in a namespace other than the gateway workload's.",
  messages: {
    wrongNamespace:
      'credentialName "{credential}" is read by the gateway proxy ({selector}) from its own namespace {missing}, ' +
      'but this repository defines that Secret (or the Certificate producing it) only in {definedIn}: ' +
      'the gateway finds no certificate and the TLS handshake fails (clients see a reset or "no peer certificate"). Create the Secret (or Certificate) in {missing}.',
  },
  check(ctx) {
    const secrets = secretNamespaces(ctx.mesh);
    if (secrets.size === 0) return;
    for (const g of ctx.allInputs('Gateway')) {
      if (g.namespace === null) continue;
      const selector = selectorLabels(g.spec.selector);
      // Only where the gateway's workloads are in the repository is their namespace known.
      const gatewayNamespaces = [
        ...new Set(
          ctx.mesh
            .workloadsMatching(selector, null)
            .filter((w) => w.resource !== null)
            .map((w) => w.namespace),
        ),
      ].sort();
      if (gatewayNamespaces.length === 0 || Object.keys(selector).length === 0) continue;
      asArray(g.spec.servers).forEach((s, i) => {
        if (!isObject(s)) return;
        const cred = asString(asObject(s.tls).credentialName);
        if (!cred || cred.includes('/') || cred.includes('://')) return;
        const definedIn = secrets.get(cred);
        if (!definedIn) return; // not in this repository: nothing to compare with
        const missing = gatewayNamespaces.filter((ns) => !definedIn.has(ns));
        if (missing.length === 0) return;
        const where = [...definedIn].sort();
        ctx.report({
          resource: g,
          path: ['spec', 'servers', i, 'tls', 'credentialName'],
          subject: `${cred}|${missing.join(',')}`,
          messageId: 'wrongNamespace',
          data: {
            credential: cred,
            selector: describeSelector(selector),
            missing: missing.map((n) => `"${n}"`).join(', '),
            definedIn: where.map((n) => `"${n}"`).join(', '),
          },
        });
      });
    }
  },
});

export const gatewayCredentialRules: Rule[] = [gatewayCredentialWrongNamespace];
