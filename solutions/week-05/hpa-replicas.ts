// Reference solution for exercises/week-05/hpa-replicas.ts.
// Source of the rules: https://kubernetes.io/docs/concepts/workloads/autoscaling/horizontal-pod-autoscale/
// section "Algorithm details", and the controller it describes (kubernetes/kubernetes,
// pkg/controller/podautoscaler/replica_calculator.go and horizontal.go).

export interface PodMetric {
  value?: number;
  ready?: boolean;
}

export interface MetricSpec {
  name: string;
  target: number;
  pods: PodMetric[];
}

export interface HpaInput {
  currentReplicas: number;
  minReplicas?: number;
  maxReplicas: number;
  metrics: MetricSpec[];
  tolerance?: number;
}

export const DEFAULT_TOLERANCE = 0.1;

function checkTarget(target: number): void {
  if (!Number.isFinite(target) || target <= 0)
    throw new Error(`target metric must be a positive number, got ${target}`);
}

function checkTolerance(tolerance: number): void {
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new Error(`tolerance must be >= 0, got ${tolerance}`);
}

function checkReplicas(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be a whole number of replicas >= 0, got ${n}`);
}

const withinTolerance = (ratio: number, tolerance: number) => Math.abs(1 - ratio) <= tolerance;

export function desiredReplicas(
  currentReplicas: number,
  currentMetric: number,
  targetMetric: number,
  tolerance = DEFAULT_TOLERANCE,
): number {
  checkReplicas(currentReplicas, "currentReplicas");
  checkTarget(targetMetric);
  checkTolerance(tolerance);
  if (!Number.isFinite(currentMetric) || currentMetric < 0) {
    throw new Error(`current metric must be a number >= 0, got ${currentMetric}`);
  }
  const ratio = currentMetric / targetMetric;
  if (withinTolerance(ratio, tolerance)) return currentReplicas;
  return Math.ceil(currentReplicas * ratio);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function replicasForMetric(
  pods: PodMetric[],
  target: number,
  tolerance = DEFAULT_TOLERANCE,
): number | undefined {
  checkTarget(target);
  checkTolerance(tolerance);
  if (pods.length === 0) throw new Error("replicasForMetric needs at least one pod");
  const current = pods.length;
  const readyValues: number[] = [];
  let missing = 0;
  let unready = 0;
  for (const pod of pods) {
    if (pod.ready === false) unready++;
    else if (pod.value === undefined) missing++;
    else if (!Number.isFinite(pod.value) || pod.value < 0) throw new Error(`pod metric must be >= 0, got ${pod.value}`);
    else readyValues.push(pod.value);
  }
  // "did not receive metrics for any ready pods": this metric cannot propose anything.
  if (readyValues.length === 0) return undefined;

  const ratio = mean(readyValues) / target;
  const scaleUpWithUnready = unready > 0 && ratio > 1;
  if (!scaleUpWithUnready && missing === 0) {
    if (withinTolerance(ratio, tolerance)) return current;
    return Math.ceil(ratio * readyValues.length);
  }

  // The conservative second pass: fill in the pods that were set aside, then recompute the ratio.
  const filled = [...readyValues];
  if (ratio < 1) for (let i = 0; i < missing; i++) filled.push(target);
  else if (ratio > 1) for (let i = 0; i < missing; i++) filled.push(0);
  if (scaleUpWithUnready) for (let i = 0; i < unready; i++) filled.push(0);
  const newRatio = mean(filled) / target;
  if (withinTolerance(newRatio, tolerance) || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1))
    return current;
  const proposal = Math.ceil(newRatio * filled.length);
  if ((newRatio < 1 && proposal > current) || (newRatio > 1 && proposal < current)) return current;
  return proposal;
}

export function hpaDesiredReplicas(input: HpaInput): number {
  const { currentReplicas, maxReplicas, metrics } = input;
  const minReplicas = input.minReplicas ?? 1;
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  checkReplicas(currentReplicas, "currentReplicas");
  checkReplicas(minReplicas, "minReplicas");
  checkReplicas(maxReplicas, "maxReplicas");
  if (minReplicas < 1) throw new Error("minReplicas must be at least 1");
  if (minReplicas > maxReplicas)
    throw new Error(`minReplicas (${minReplicas}) must not exceed maxReplicas (${maxReplicas})`);
  if (metrics.length === 0) throw new Error("an HPA needs at least one metric");
  checkTolerance(tolerance);
  for (const m of metrics) checkTarget(m.target); // bad input fails even on the paths that skip the metrics

  if (currentReplicas === 0) return 0; // scaling disabled: someone scaled the workload to zero by hand
  if (currentReplicas > maxReplicas) return maxReplicas;
  if (currentReplicas < minReplicas) return minReplicas;

  const proposals = metrics.map((m) => replicasForMetric(m.pods, m.target, tolerance));
  const valid = proposals.filter((p): p is number => p !== undefined);
  if (valid.length === 0) return currentReplicas;
  const best = Math.max(...valid);
  if (valid.length < proposals.length && best < currentReplicas) return currentReplicas;
  return Math.min(maxReplicas, Math.max(minReplicas, best));
}
