// istioctl's deployment.MultiServiceAnalyzer (IST0116, IST0137) and applicationUID.Analyzer (IST0144),
// applied to every workload kind (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, Pods).
import { defineRule, type Rule } from '../../rule.js';
import { asArray, asObject, asString, isObject, type Resource } from '../../../manifests/resource.js';
import type { MeshView } from '../../../mesh/mesh-view.js';
import type { Workload } from '../../../mesh/workloads.js';
import { asStringMap } from '../../../manifests/resource.js';
import { labelsMatch } from '../../../mesh/workloads.js';
import { containersOf, isControlPlane, namespaceLabels, podSpecPath, repoWorkloads } from './common.js';
import { isIgnoredNamespace } from '../../../mesh/ignored-namespaces.js';

const WAYPOINT_LABEL = 'gateway.istio.io/managed';

/** Whether istioctl considers the workload part of the mesh: it has a sidecar, or its pod template or namespace asks for injection. */
export function workloadInMesh(mesh: MeshView, w: Workload): boolean {
  if (
    containersOf(w).some(
      (c) => c.container.name === 'istio-proxy' && typeof c.container.image === 'string' && c.container.image !== '',
    )
  )
    return true;
  const inject = w.labels['sidecar.istio.io/inject'] ?? w.annotations['sidecar.istio.io/inject'];
  if (inject !== undefined) return inject === 'true';
  const ns = namespaceLabels(mesh, w.namespace);
  if (!ns) return false;
  return (
    ns['istio-injection'] === 'enabled' || (ns['istio-injection'] === undefined && ns['istio.io/rev'] !== undefined)
  );
}

interface ServicePort {
  service: string;
  port: number;
  protocol: string;
  target: string;
}

function servicesSelecting(mesh: MeshView, w: Workload): Resource[] {
  return mesh.servicesIn(w.namespace).filter((s) => {
    const sel = asStringMap(s.spec.selector);
    return Object.keys(sel).length > 0 && labelsMatch(sel, w.labels);
  });
}

function portsOf(svcs: readonly Resource[]): ServicePort[] {
  const out: ServicePort[] = [];
  for (const s of svcs) {
    for (const p of asArray(s.spec.ports)) {
      if (!isObject(p) || typeof p.port !== 'number') continue;
      const tp = p.targetPort;
      out.push({
        service: s.name,
        port: p.port,
        protocol: (asString(p.protocol) || 'TCP').toUpperCase(),
        target: typeof tp === 'number' || (typeof tp === 'string' && tp !== '') ? String(tp) : String(p.port),
      });
    }
  }
  return out;
}

function meshWorkloads(mesh: MeshView) {
  return repoWorkloads(mesh.workloads).filter(
    (w) =>
      w.kind !== 'WorkloadEntry' &&
      w.resource.labels[WAYPOINT_LABEL] !== 'istio.io-mesh-controller' &&
      workloadInMesh(mesh, w),
  );
}

export const multiServiceProtocols = defineRule({
  id: 'workload-services-port-protocol-conflict',
  severity: 'warning',
  istioCode: 'IST0116',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: 'Services selecting the same workload declare one port number with different protocols.',
  messages: {
    protocolConflict:
      '{workloadKind} "{workload}" is selected by several Services that declare port {port} with different protocols: {services}. Istio builds one listener per port, so one of them gets the wrong protocol and its traffic fails. Use one protocol per port number.',
  },
  check(ctx) {
    for (const w of meshWorkloads(ctx.mesh)) {
      const byPort = new Map<number, Map<string, Set<string>>>();
      for (const p of portsOf(servicesSelecting(ctx.mesh, w))) {
        const protos = byPort.get(p.port) ?? byPort.set(p.port, new Map()).get(p.port)!;
        (protos.get(p.protocol) ?? protos.set(p.protocol, new Set()).get(p.protocol)!).add(p.service);
      }
      for (const [port, protos] of byPort) {
        const services = new Set([...protos.values()].flatMap((s) => [...s]));
        if (protos.size < 2 || services.size < 2) continue;
        const list = [...protos].map(([proto, svcs]) => `${[...svcs].join(', ')} (${proto})`).join('; ');
        ctx.report({
          resource: w.resource,
          path: ['metadata', 'name'],
          subject: `port ${port}`,
          messageId: 'protocolConflict',
          data: { workloadKind: w.kind, workload: w.name, port, services: list },
        });
      }
    }
  },
});

export const multiServiceTargetPorts = defineRule({
  id: 'workload-services-target-port-conflict',
  severity: 'warning',
  istioCode: 'IST0137',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: 'Service ports selecting the same workload send different port numbers to the same target port.',
  messages: {
    targetPortConflict:
      '{workloadKind} "{workload}" receives container port {targetPort} through different service ports: {servicePorts}. The sidecar configures inbound traffic per port and one of them is dropped or gets the wrong settings. Use the same service port number for the same target port.',
  },
  check(ctx) {
    for (const w of meshWorkloads(ctx.mesh)) {
      const svcs = servicesSelecting(ctx.mesh, w);
      const byTarget = new Map<string, Map<number, string>>();
      for (const p of portsOf(svcs))
        (byTarget.get(p.target) ?? byTarget.set(p.target, new Map()).get(p.target)!).set(p.port, p.service);
      for (const [target, ports] of byTarget) {
        if (ports.size < 2) continue;
        const list = [...ports].map(([port, svc]) => `${port} (${svc})`).join(', ');
        ctx.report({
          resource: w.resource,
          path: ['metadata', 'name'],
          subject: `targetPort ${target}`,
          messageId: 'targetPortConflict',
          data: { workloadKind: w.kind, workload: w.name, targetPort: target, servicePorts: list },
        });
      }
    }
  },
});

export const applicationUid = defineRule({
  id: 'workload-uses-proxy-uid',
  severity: 'warning',
  istioCode: 'IST0144',
  group: 'analyzers/workload',
  fixable: false,
  inputs: 'mesh',
  title: "A workload runs as UID 1337, the sidecar proxy's user: its traffic bypasses the proxy.",
  messages: {
    proxyUid:
      '{workloadKind} "{workload}" runs as UID 1337, which Istio reserves for the sidecar proxy: the iptables rules let that user\'s traffic bypass the proxy, so it leaves without mTLS, policy or telemetry. Use another UID.',
  },
  check(ctx) {
    for (const w of repoWorkloads(ctx.mesh.workloads)) {
      if (
        w.kind === 'WorkloadEntry' ||
        isControlPlane(w.resource.labels) ||
        isControlPlane(w.labels) ||
        isIgnoredNamespace(w.namespace)
      )
        continue;
      const podSec = asObject(w.podSpec!.securityContext);
      let path: (string | number)[] | null =
        podSec.runAsUser === 1337 ? [...podSpecPath(w), 'securityContext', 'runAsUser'] : null;
      if (!path) {
        for (const c of containersOf(w)) {
          if (c.container.name === 'istio-proxy' || c.container.name === 'istio-operator') continue;
          if (asObject(c.container.securityContext).runAsUser === 1337) {
            path = [...c.path, 'securityContext', 'runAsUser'];
            break;
          }
        }
      }
      if (!path) continue;
      ctx.report({
        resource: w.resource,
        path,
        subject: 'runAsUser 1337',
        messageId: 'proxyUid',
        data: { workloadKind: w.kind, workload: w.name },
      });
    }
  },
});

export const deploymentRules: Rule[] = [multiServiceProtocols, multiServiceTargetPorts, applicationUid];
