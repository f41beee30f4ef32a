// Which kinds the engine knows: Istio's, the Kubernetes kinds that give context, and which are cluster-scoped.

/** Istio API groups: an unknown kind in one of these is a typo worth reporting. */
export const ISTIO_GROUPS: Record<string, Record<string, readonly string[]>> = {
  'networking.istio.io': {
    VirtualService: ['v1', 'v1beta1', 'v1alpha3'],
    DestinationRule: ['v1', 'v1beta1', 'v1alpha3'],
    Gateway: ['v1', 'v1beta1', 'v1alpha3'],
    ServiceEntry: ['v1', 'v1beta1', 'v1alpha3'],
    Sidecar: ['v1', 'v1beta1', 'v1alpha3'],
    WorkloadEntry: ['v1', 'v1beta1', 'v1alpha3'],
    WorkloadGroup: ['v1', 'v1beta1', 'v1alpha3'],
    EnvoyFilter: ['v1alpha3'],
    ProxyConfig: ['v1beta1'],
  },
  'security.istio.io': {
    AuthorizationPolicy: ['v1', 'v1beta1'],
    PeerAuthentication: ['v1', 'v1beta1'],
    RequestAuthentication: ['v1', 'v1beta1'],
  },
  'telemetry.istio.io': {
    Telemetry: ['v1', 'v1alpha1'],
  },
  'extensions.istio.io': {
    WasmPlugin: ['v1alpha1'],
    TrafficExtension: ['v1alpha1'],
  },
};

export function isIstioGroup(group: string): boolean {
  return Object.prototype.hasOwnProperty.call(ISTIO_GROUPS, group);
}

/** Kinds whose pod template (or own spec) describes workloads that selectors match. */
export const WORKLOAD_KINDS = new Set([
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'Job',
  'CronJob',
]);

/** Cluster-scoped kinds: they have no namespace. */
export const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'APIService',
  'GatewayClass',
  'CSIDriver',
  'CSINode',
  'RuntimeClass',
  'VolumeAttachment',
  'ClusterIssuer',
  'CertificateSigningRequest',
  'PodSecurityPolicy',
  'MeshNetworks',
]);

/** Files that configure tools rather than describe cluster objects; read for context, never checked. */
export const TOOLING_API_GROUPS = new Set(['kustomize.config.k8s.io', 'config.kubernetes.io']);

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
