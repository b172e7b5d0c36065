// What Prometheus's Kubernetes service discovery hands to relabel_configs (discovery/kubernetes/pod.go and the
// kubernetes_sd_config docs). role: pod makes one target per container port (address podIP:port), or one per
// container without ports (address podIP alone), each carrying __meta_kubernetes_* labels. Label and annotation
// NAMES are sanitized: every character outside [a-zA-Z0-9_] becomes "_", so the annotation prometheus.io/scrape
// arrives as __meta_kubernetes_pod_annotation_prometheus_io_scrape.
import type { Labels } from "./relabel";

export const KUBERNETES_ROLES = ["node", "service", "pod", "endpoints", "endpointslice", "ingress"] as const;
export type KubernetesRole = (typeof KUBERNETES_ROLES)[number];

/** Fixed meta label names per role (after __meta_kubernetes_). Prefixes (label_, annotation_...) are below. */
const FIXED: Record<KubernetesRole, string[]> = {
  node: ["node_name", "node_provider_id"],
  service: [
    "namespace",
    "service_name",
    "service_cluster_ip",
    "service_external_name",
    "service_loadbalancer_ip",
    "service_port_name",
    "service_port_number",
    "service_port_protocol",
    "service_type",
  ],
  pod: [
    "namespace",
    "pod_name",
    "pod_ip",
    "pod_container_init",
    "pod_container_name",
    "pod_container_id",
    "pod_container_image",
    "pod_container_port_name",
    "pod_container_port_number",
    "pod_container_port_protocol",
    "pod_ready",
    "pod_phase",
    "pod_node_name",
    "pod_host_ip",
    "pod_uid",
    "pod_controller_kind",
    "pod_controller_name",
  ],
  endpoints: [
    "namespace",
    "endpoints_name",
    "endpoint_hostname",
    "endpoint_node_name",
    "endpoint_ready",
    "endpoint_port_name",
    "endpoint_port_protocol",
    "endpoint_address_target_kind",
    "endpoint_address_target_name",
  ],
  endpointslice: [
    "namespace",
    "endpointslice_name",
    "endpointslice_address_target_kind",
    "endpointslice_address_target_name",
    "endpointslice_address_type",
    "endpointslice_endpoint_conditions_ready",
    "endpointslice_endpoint_conditions_serving",
    "endpointslice_endpoint_conditions_terminating",
    "endpointslice_endpoint_hostname",
    "endpointslice_endpoint_node_name",
    "endpointslice_endpoint_zone",
    "endpointslice_port",
    "endpointslice_port_name",
    "endpointslice_port_protocol",
    "endpointslice_port_app_protocol",
  ],
  ingress: ["namespace", "ingress_name", "ingress_class_name", "ingress_scheme", "ingress_path", "ingress_host"],
};

/** Prefixes followed by a sanitized label/annotation name or an address type. */
const PREFIXES: Record<KubernetesRole, string[]> = {
  node: ["node_label_", "node_labelpresent_", "node_annotation_", "node_annotationpresent_", "node_address_"],
  service: ["service_label_", "service_labelpresent_", "service_annotation_", "service_annotationpresent_"],
  pod: ["pod_label_", "pod_labelpresent_", "pod_annotation_", "pod_annotationpresent_"],
  endpoints: ["endpoints_label_", "endpoints_labelpresent_", "endpoints_annotation_", "endpoints_annotationpresent_"],
  endpointslice: ["endpointslice_label_", "endpointslice_labelpresent_"],
  ingress: ["ingress_label_", "ingress_labelpresent_", "ingress_annotation_", "ingress_annotationpresent_"],
};
// endpoints and endpointslice targets also carry the pod's and the service's labels when they point at pods.
for (const role of ["endpoints", "endpointslice"] as const) {
  FIXED[role].push(...FIXED.pod.filter((n) => n !== "namespace"), ...FIXED.service.filter((n) => n !== "namespace"));
  PREFIXES[role].push(...PREFIXES.pod, ...PREFIXES.service);
}

const META = "__meta_kubernetes_";

/** Prometheus's strutil.SanitizeLabelName: every character outside [a-zA-Z0-9_] becomes "_". */
export function sanitizeLabelName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_]/g, "_");
}

/**
 * Could Kubernetes discovery with this role ever set this __meta_kubernetes_* label? A name with "." or "/" in it
 * (the raw annotation key) never can, nor a typo such as __meta_kubernetes_pods_annotation_...
 */
export function isKubernetesMetaLabel(role: KubernetesRole, name: string): boolean {
  if (!name.startsWith(META)) return false;
  const rest = name.slice(META.length);
  if (FIXED[role].includes(rest)) return true;
  return PREFIXES[role].some((p) => rest.startsWith(p) && /^[a-zA-Z0-9_]+$/.test(rest.slice(p.length)));
}

/** The meta label names a role sets, with <name> placeholders for the prefixes: for error messages and notebooks. */
export function kubernetesMetaLabels(role: KubernetesRole): string[] {
  return [...FIXED[role].map((n) => META + n), ...PREFIXES[role].map((p) => `${META}${p}<name>`)];
}

/** The parts of a Pod that discovery reads, in the Kubernetes API's own shape (a `kubectl get pod -o yaml`). */
export interface PodLike {
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: { kind: string; name: string; controller?: boolean }[];
  };
  spec: {
    nodeName?: string;
    containers: PodContainer[];
    initContainers?: PodContainer[];
  };
  status?: {
    podIP?: string;
    hostIP?: string;
    phase?: string;
    conditions?: { type: string; status: string }[];
  };
}

export interface PodContainer {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
}

/** The labels `role: pod` discovery produces for one pod: one label set per target (none while it has no IP). */
export function podTargets(pod: PodLike): Labels[] {
  const ip = pod.status?.podIP;
  if (!ip) return [];
  const meta = pod.metadata;
  const ready = pod.status?.conditions?.find((c) => c.type === "Ready")?.status ?? "Unknown";
  const group: Labels = {
    [`${META}namespace`]: meta.namespace ?? "default",
    [`${META}pod_name`]: meta.name,
    [`${META}pod_ip`]: ip,
    [`${META}pod_ready`]: ready.toLowerCase(),
    [`${META}pod_phase`]: pod.status?.phase ?? "",
    [`${META}pod_node_name`]: pod.spec.nodeName ?? "",
    [`${META}pod_host_ip`]: pod.status?.hostIP ?? "",
    [`${META}pod_uid`]: meta.uid ?? "",
  };
  const owner = meta.ownerReferences?.find((o) => o.controller);
  if (owner) {
    group[`${META}pod_controller_kind`] = owner.kind;
    group[`${META}pod_controller_name`] = owner.name;
  }
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    group[`${META}pod_label_${sanitizeLabelName(k)}`] = v;
    group[`${META}pod_labelpresent_${sanitizeLabelName(k)}`] = "true";
  }
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    group[`${META}pod_annotation_${sanitizeLabelName(k)}`] = v;
    group[`${META}pod_annotationpresent_${sanitizeLabelName(k)}`] = "true";
  }
  const targets: Labels[] = [];
  const add = (c: PodContainer, init: boolean) => {
    const base: Labels = {
      ...group,
      [`${META}pod_container_name`]: c.name,
      [`${META}pod_container_image`]: c.image ?? "",
      [`${META}pod_container_init`]: String(init),
    };
    if (!c.ports || c.ports.length === 0) {
      // No declared port: the address is the bare pod IP and the config has to supply a port.
      targets.push({ ...base, __address__: ip });
      return;
    }
    for (const p of c.ports) {
      targets.push({
        ...base,
        __address__: `${ip}:${p.containerPort}`,
        [`${META}pod_container_port_name`]: p.name ?? "",
        [`${META}pod_container_port_number`]: String(p.containerPort),
        [`${META}pod_container_port_protocol`]: p.protocol ?? "TCP",
      });
    }
  };
  for (const c of pod.spec.containers) add(c, false);
  for (const c of pod.spec.initContainers ?? []) add(c, true);
  // Prometheus drops label pairs with an empty value.
  return targets.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== "")));
}

/**
 * A running pod made from a workload's pod template (a Deployment's spec.template), the way the ReplicaSet
 * controller would create it: the template's labels and annotations, containers, an IP, Running and Ready.
 */
export function podFromTemplate(
  template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: unknown },
  opts: { name: string; ip: string; namespace?: string; owner?: string },
): PodLike {
  const spec = template.spec as PodLike["spec"];
  return {
    metadata: {
      name: opts.name,
      namespace: opts.namespace ?? "default",
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}) },
      ownerReferences: opts.owner ? [{ kind: "ReplicaSet", name: opts.owner, controller: true }] : undefined,
    },
    spec: { nodeName: "minikube", containers: spec.containers ?? [], initContainers: spec.initContainers },
    status: {
      podIP: opts.ip,
      hostIP: "192.168.49.2",
      phase: "Running",
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}
