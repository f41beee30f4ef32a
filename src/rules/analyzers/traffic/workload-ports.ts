// PeerAuthentication `portLevelMtls` and AuthorizationPolicy `to.operation.ports` name the port the workload listens
// on (the container port, a Service's targetPort), because the sidecar enforces them on inbound traffic after the
// Service has translated its port. A Service port that maps to a different targetPort never matches.
import { defineRule, type Rule, type RuleContext } from '../../rule.js';
import { asArray, asObject, isObject, type Path, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import type { Workload } from '../../../mesh/workloads.js';
import type { FixEdit } from '../../../fixes/edits.js';
import type { MessageCatalogue, MessageData } from '../../../util/messages.js';
import { GROUP, selectorLabels } from './common.js';

interface PortView {
  /** Ports the workloads listen on: declared container ports, WorkloadEntry ports, Service targetPorts. */
  listening: Set<number>;
  /** Service port → the targetPort(s) it forwards to, where they differ. */
  translated: Map<number, Set<number>>;
}

/** The container port a Service's targetPort names, by number or by container port name. */
function targetOf(p: Record<string, unknown>, containerPorts: Map<string, number>): number | null {
  const tp = p.targetPort;
  if (typeof tp === 'number') return tp;
  if (typeof tp === 'string') return /^[0-9]+$/.test(tp) ? Number(tp) : (containerPorts.get(tp) ?? null);
  return typeof p.port === 'number' ? p.port : null;
}

function portView(mesh: MeshView, workloads: readonly Workload[]): PortView {
  const listening = new Set<number>();
  const translated = new Map<number, Set<number>>();
  for (const w of workloads) {
    const named = new Map<string, number>();
    for (const c of [...asArray(w.podSpec?.containers), ...asArray(w.podSpec?.initContainers)]) {
      for (const cp of asArray(asObject(c).ports)) {
        const o = asObject(cp);
        if (typeof o.containerPort !== 'number') continue;
        listening.add(o.containerPort);
        if (typeof o.name === 'string') named.set(o.name, o.containerPort);
      }
    }
    if (w.kind === 'WorkloadEntry' && w.resource)
      for (const v of Object.values(asObject(w.resource.spec.ports))) if (typeof v === 'number') listening.add(v);
    for (const svc of mesh.servicesSelecting(w)) {
      for (const p of asArray(svc.spec.ports)) {
        if (!isObject(p) || typeof p.port !== 'number') continue;
        const target = targetOf(p, named);
        if (target === null) continue;
        listening.add(target);
        if (target !== p.port) (translated.get(p.port) ?? translated.set(p.port, new Set()).get(p.port)!).add(target);
      }
    }
  }
  return { listening, translated };
}

/** A rule's messages for a Service port written where the workload's port belongs (forwarding to one targetPort, or
 *  to several): `field` names what matches on the workload's port, `consequence` what an entry that never applies means. */
function servicePortMessages(field: string, consequence: string): MessageCatalogue {
  const neverApplies = `${field} is matched by the sidecar on the workload's own port, after the Service has translated it, so this entry never applies (${consequence}). `;
  return {
    forwardsToTargetPort: `Port {port} is a Service port that forwards to targetPort {targetPort}, and the selected workloads do not listen on {port}: ${neverApplies}Use the target port {targetPort}.`,
    forwardsToTargetPorts: `Port {port} is a Service port that forwards to targetPorts {targetPorts}, and the selected workloads do not listen on {port}: ${neverApplies}Use the target port.`,
  };
}

/** Report `port` (written at `path`) when it is only a Service port that forwards elsewhere; `data` fills the
 *  placeholders of the rule's messages other than the ports. */
function judgePort(
  ctx: RuleContext,
  r: Resource,
  view: PortView,
  port: number,
  path: Path,
  what: string,
  data: MessageData,
  fixFor: (target: number) => FixEdit,
): void {
  if (view.listening.has(port)) return;
  const targets = view.translated.get(port);
  if (!targets) return;
  const list = [...targets].sort((a, b) => a - b);
  ctx.report({
    resource: r,
    path,
    subject: `${what}:${port}`,
    ...(list.length === 1
      ? { messageId: 'forwardsToTargetPort', data: { ...data, port, targetPort: list[0]! } }
      : { messageId: 'forwardsToTargetPorts', data: { ...data, port, targetPorts: list.join(', ') } }),
    fix: list.length === 1 ? fixFor(list[0]!) : null,
  });
}

function selectedWorkloads(mesh: MeshView, r: Resource): Workload[] | null {
  const sel = selectorLabels(asObject(r.spec.selector).matchLabels);
  if (Object.keys(sel).length === 0) return null;
  const ws = mesh.workloadsMatching(sel, r.namespace === mesh.settings.rootNamespace ? null : r.namespace);
  return ws.length > 0 ? ws : null;
}

export const workloadPortRules: Rule[] = [
  defineRule({
    id: 'peerauthn-service-port',
    severity: 'warning',
    istioCode: null,
    group: GROUP,
    fixable: true,
    inputs: [{ kind: 'PeerAuthentication' }],
    title: "A PeerAuthentication portLevelMtls entry names a Service port instead of the workload's (target) port.",
    messages: servicePortMessages('portLevelMtls', 'the port keeps the workload-wide mTLS mode'),
    check(ctx) {
      for (const pa of ctx.allInputs('PeerAuthentication')) {
        if (pa.namespace === null || !isObject(pa.spec.portLevelMtls)) continue;
        const ws = selectedWorkloads(ctx.mesh, pa);
        if (!ws) continue;
        const view = portView(ctx.mesh, ws);
        for (const key of Object.keys(pa.spec.portLevelMtls)) {
          if (!/^[0-9]+$/.test(key)) continue;
          judgePort(ctx, pa, view, Number(key), ['spec', 'portLevelMtls', key], 'portLevelMtls', {}, (t) => ({
            op: 'renameKey',
            path: ['spec', 'portLevelMtls', key],
            newKey: String(t),
            description: `port ${t}`,
          }));
        }
      }
    },
  }),
  defineRule({
    id: 'authz-service-port',
    severity: 'warning',
    istioCode: null,
    group: GROUP,
    fixable: true,
    inputs: [{ kind: 'AuthorizationPolicy' }],
    title: "An AuthorizationPolicy operation names a Service port instead of the workload's (target) port.",
    messages: servicePortMessages(
      '{field}',
      'the rule never matches, so an ALLOW lets nothing through on it and a DENY blocks nothing',
    ),
    check(ctx) {
      for (const ap of ctx.allInputs('AuthorizationPolicy')) {
        if (ap.namespace === null) continue;
        const ws = selectedWorkloads(ctx.mesh, ap);
        if (!ws) continue;
        let view: PortView | null = null;
        asArray(ap.spec.rules).forEach((rule, i) => {
          asArray(asObject(rule).to).forEach((to, j) => {
            const op = asObject(asObject(to).operation);
            for (const field of ['ports', 'notPorts'] as const) {
              asArray(op[field]).forEach((p, k) => {
                const n = typeof p === 'number' ? p : typeof p === 'string' && /^[0-9]+$/.test(p) ? Number(p) : null;
                if (n === null) return;
                view ??= portView(ctx.mesh, ws);
                const path: Path = ['spec', 'rules', i, 'to', j, 'operation', field, k];
                const what = `operation.${field}`;
                judgePort(ctx, ap, view, n, path, what, { field: what }, (t) => ({
                  op: 'set',
                  path,
                  value: String(t),
                  description: `port "${t}"`,
                }));
              });
            }
          });
        });
      }
    },
  }),
];
