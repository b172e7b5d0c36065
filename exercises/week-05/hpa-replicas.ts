// Week 5 · How the Horizontal Pod Autoscaler (HPA) chooses a replica count.
// Read the "Replicas and the HPA" section of notebooks/week-05-scaling-and-monitoring.ipynb first.
// Grade it with `npm run grade hpa-replicas`; stuck? `npm run hint hpa-replicas`.
//
// Everything here follows the Kubernetes docs, "Horizontal Pod Autoscaling" → "Algorithm details":
// https://kubernetes.io/docs/concepts/workloads/autoscaling/horizontal-pod-autoscale/#algorithm-details
// and the controller it describes (kubernetes/kubernetes, pkg/controller/podautoscaler/replica_calculator.go).
// We model ONE evaluation of the algorithm. Left out on purpose: the `behavior` field (scale-up/down rate limits and
// the 5-minute scale-down stabilisation window), and per-pod resource requests (every pod here requests the same
// amount, so "average utilisation" is the plain mean of the pods' values).
import { todo } from "../../src/grader/todo";

/** One pod's latest sample of a metric. */
export interface PodMetric {
  /** The metric in the target's unit (e.g. CPU utilisation in % of the request). undefined: no sample yet. */
  value?: number;
  /** false while the pod is not Ready (still starting, or unhealthy). Default true. */
  ready?: boolean;
}

/** One metric of an HPA: the average value the pods should have, and what each pod reports. */
export interface MetricSpec {
  name: string;
  /** The target average per pod, e.g. 60 for `averageUtilization: 60`. Must be > 0. */
  target: number;
  pods: PodMetric[];
}

export interface HpaInput {
  /** The workload's current `spec.replicas`. */
  currentReplicas: number;
  /** Default 1 (as in the API). Must be ≥ 1 and ≤ maxReplicas. */
  minReplicas?: number;
  maxReplicas: number;
  /** At least one metric. */
  metrics: MetricSpec[];
  /** Default 0.1 (the controller's --horizontal-pod-autoscaler-tolerance). */
  tolerance?: number;
}

/** The controller's default tolerance: no scaling while the ratio stays within 1 ± 0.1. */
export const DEFAULT_TOLERANCE = 0.1;

/**
 * The core formula: desired = ceil(currentReplicas × currentMetric / targetMetric), except that when the ratio
 * currentMetric / targetMetric is within the tolerance of 1 (|ratio − 1| ≤ tolerance) nothing changes and
 * currentReplicas is returned. No min/max clamping here.
 * Throws an Error mentioning "target" when targetMetric ≤ 0, "replicas" when currentReplicas is not a whole number
 * ≥ 0, "metric" when currentMetric < 0 or not finite, and "tolerance" when tolerance < 0.
 */
export function desiredReplicas(
  currentReplicas: number,
  currentMetric: number,
  targetMetric: number,
  tolerance = DEFAULT_TOLERANCE,
): number {
  return todo("hpa-replicas");
}

/**
 * The replica count one metric proposes, from per-pod samples; the current replica count is pods.length.
 * Rules ("Algorithm details"):
 * 1. Pods with ready === false are set aside as "not ready"; ready pods without a value are set aside as "missing".
 *    If no ready pod has a value, the metric cannot propose anything: return undefined.
 * 2. ratio = mean(values of the remaining ready pods) / target.
 * 3. If there are no missing pods, and not (some not-ready pods AND ratio > 1): return pods.length when
 *    |ratio − 1| ≤ tolerance, else ceil(ratio × number of ready pods with values).
 * 4. Otherwise recompute conservatively: missing pods count as using exactly `target` when ratio < 1 (scale down)
 *    and 0 when ratio > 1 (scale up); when ratio > 1, not-ready pods also count as 0. newRatio = mean of the
 *    ready values plus those filled-in values, over target. Return pods.length if |newRatio − 1| ≤ tolerance or if
 *    newRatio is on the other side of 1 from ratio (the direction reversed). Otherwise the proposal is
 *    ceil(newRatio × number of values used); if that still moves the wrong way (newRatio < 1 but proposal >
 *    pods.length, or newRatio > 1 but proposal < pods.length), return pods.length instead.
 * Throws "target" when target ≤ 0, and an Error mentioning "pod" when pods is empty or a value is negative.
 */
export function replicasForMetric(
  pods: PodMetric[],
  target: number,
  tolerance = DEFAULT_TOLERANCE,
): number | undefined {
  return todo("hpa-replicas");
}

/**
 * One HPA evaluation over several metrics, in this order:
 * - currentReplicas 0 (someone scaled the workload to zero by hand): the HPA is disabled, return 0
 *   (docs: "Implicit maintenance-mode deactivation");
 * - currentReplicas > maxReplicas: return maxReplicas; currentReplicas < minReplicas: return minReplicas;
 * - otherwise each metric proposes replicasForMetric(...). If no metric can propose, keep currentReplicas. If some
 *   cannot and the largest proposal is a scale DOWN, keep currentReplicas (never scale down on partial data).
 *   Otherwise take the LARGEST proposal and clamp it to [minReplicas, maxReplicas].
 * Throws an Error mentioning "minReplicas" when minReplicas > maxReplicas or minReplicas < 1, "target" when a metric's
 * target ≤ 0 (checked up front, whatever path is taken), "metric" when there are no metrics, and "replicas" when a
 * count is not a whole number ≥ 0.
 */
export function hpaDesiredReplicas(input: HpaInput): number {
  return todo("hpa-replicas");
}
