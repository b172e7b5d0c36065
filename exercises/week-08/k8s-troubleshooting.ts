// Week 8 · Kubernetes troubleshooting: read what the cluster tells you, name the failure, say what to run next and
// what to change. Read "kubectl: reading what the cluster tells you" in notebooks/week-08-docker-k8s-review.ipynb,
// and the six incidents in exercises/week-08/k8s-incidents.ts (the grader also uses incidents you have not seen).
// Grade it with `npm run grade k8s-troubleshooting`; stuck? `npm run hint k8s-troubleshooting`.
import { todo } from "../../src/grader/todo";

/** One row of `kubectl get pods` (also with -o wide, which only adds columns). */
export interface PodRow {
  name: string;
  /** READY "1/2" -> ready 1, total 2: containers passing their readiness probe / containers in the pod. */
  ready: number;
  total: number;
  /** STATUS as printed: Running, Pending, CrashLoopBackOff, ImagePullBackOff, OOMKilled, Completed... */
  status: string;
  /** RESTARTS: "5 (32s ago)" -> 5. */
  restarts: number;
  age: string;
}

/**
 * Parse the table `kubectl get pods` prints. Columns are aligned under the header, and a value may contain spaces
 * ("5 (32s ago)"), so cut each row at the positions where the header's column names start; extra columns
 * (IP, NODE...) are ignored.
 * Returns [] for "No resources found in <ns> namespace.". Throws an Error mentioning "header" when the first
 * line is not a header with NAME, READY and STATUS.
 */
export function parseGetPods(output: string): PodRow[] {
  return todo("k8s-troubleshooting");
}

export type Failure =
  | "ImagePullBackOff"
  | "CrashLoopBackOff"
  | "OOMKilled"
  | "Pending"
  | "ReadinessFailing"
  | "CreateContainerConfigError";

/** What you have in front of you: always the pod list, often `describe`, sometimes the logs. */
export interface Evidence {
  getPods: string;
  describe?: string;
  logs?: string;
}

/** The change that fixes it, with the one detail the evidence gives you. */
export type Fix =
  /** The image exists nowhere the node can pull from (pull access denied / repository does not exist). */
  | { action: "load-image-into-cluster"; image: string }
  /** The repository exists but not this tag (manifest unknown / not found). */
  | { action: "fix-image-tag"; image: string }
  /** The process exits: the first log line that says why (matches /error|fatal|panic|exception/i), trimmed. */
  | { action: "fix-crash"; error: string }
  /** Killed for going over its memory limit: the limit it has now (from describe's Limits, e.g. "256Mi"). */
  | { action: "raise-memory-limit"; limit: string }
  /** No node has room for the pod's requests ("Insufficient cpu" / "Insufficient memory"). */
  | { action: "lower-requests"; resource: "cpu" | "memory" }
  /** The readiness probe fails: a 4xx/5xx status is the wrong "path", "connection refused" the wrong "port", a
   *  timeout ("context deadline exceeded" / "Client.Timeout") a too-short "timeout". */
  | { action: "fix-readiness-probe"; problem: "path" | "port" | "timeout" }
  /** A ConfigMap or Secret the pod reads is missing, or lacks a key (key only in that case). */
  | { action: "create-missing-config"; kind: "ConfigMap" | "Secret"; name: string; key?: string };

export interface Diagnosis {
  /** The failing pod: the one `describe` is about, else the first row that is not Running with all containers ready. */
  pod: string;
  /** From describe's "Namespace:" line, "default" without describe. */
  namespace: string;
  failure: Failure;
  /** The next command to run, as argv (any equivalent spelling is accepted; add -n NAMESPACE outside default). */
  next: string[];
  fix: Fix;
}

/**
 * Classify the failure, in this order (the first that applies wins):
 * 1. OOMKilled: the row's STATUS is OOMKilled, or describe's Last State has "Reason: OOMKilled" (the STATUS column
 *    then usually says CrashLoopBackOff: the restart loop hides the cause).
 * 2. ImagePullBackOff: STATUS ImagePullBackOff or ErrImagePull.
 * 3. CreateContainerConfigError: that STATUS.
 * 4. Pending: that STATUS.
 * 5. CrashLoopBackOff: STATUS CrashLoopBackOff or Error.
 * 6. ReadinessFailing: STATUS Running but fewer containers ready than in the pod.
 *
 * `next`, the command that shows you what the evidence above does not:
 * - ImagePullBackOff: kubectl describe pod POD (its Events hold the registry's exact answer)
 * - CrashLoopBackOff: kubectl logs POD --previous (the container that crashed, not the one starting now)
 * - OOMKilled: kubectl top pod POD --containers (how much memory it really uses, before you pick a new limit)
 * - Pending: kubectl describe nodes (Allocatable and "Allocated resources": requests, not usage, fill a node;
 *   nodes belong to no namespace, so no -n)
 * - ReadinessFailing: kubectl describe pod POD (the Readiness line shows the probe's path and port)
 * - CreateContainerConfigError: kubectl get secret NAME (or configmap NAME): does it exist in THIS namespace?
 *
 * Throws an Error mentioning "no pods" when the list is empty, and "no failing pod" when every pod is healthy.
 */
export function diagnose(evidence: Evidence): Diagnosis {
  return todo("k8s-troubleshooting");
}
