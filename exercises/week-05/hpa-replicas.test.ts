// Grades exercises/week-05/hpa-replicas.ts (and proves solutions/week-05/hpa-replicas.ts with the very same file).
// Every expected value is worked out by hand in the comments, from the Kubernetes docs' "Algorithm details":
// https://kubernetes.io/docs/concepts/workloads/autoscaling/horizontal-pod-autoscale/#algorithm-details
import assert from "node:assert/strict";
import { test } from "vitest";
import { desiredReplicas, hpaDesiredReplicas, type PodMetric, replicasForMetric } from "./hpa-replicas";

/** n ready pods that all report the same value. */
const same = (n: number, value: number): PodMetric[] => Array.from({ length: n }, () => ({ value }));
const missing: PodMetric = {};
const notReady: PodMetric = { ready: false, value: 5 };

function check(got: unknown, expected: unknown, what: string): void {
  assert.equal(got, expected, `${what}: expected ${expected}, got ${got}`);
}

test("desiredReplicas: the docs' examples (double at 2x the target, halve at half)", () => {
  // 200m used / 100m target = 2.0 → 3 × 2 = 6
  check(desiredReplicas(3, 200, 100), 6, "3 replicas at 200m for a 100m target");
  // 50m / 100m = 0.5 → 4 × 0.5 = 2
  check(desiredReplicas(4, 50, 100), 2, "4 replicas at 50m for a 100m target");
  // 90% / 75% = 1.2 → 50 × 1.2 = 60
  check(desiredReplicas(50, 90, 75), 60, "50 replicas at 90% CPU for a 75% target");
});

test("desiredReplicas rounds UP (ceil), in both directions", () => {
  // 80 / 50 = 1.6 → 3 × 1.6 = 4.8 → ceil 5
  check(desiredReplicas(3, 80, 50), 5, "scale up: 3 replicas at 80% for a 50% target");
  // 33 / 50 = 0.66 → 10 × 0.66 = 6.6 → ceil 7 (rounding down to 6 would overload the pods)
  check(desiredReplicas(10, 33, 50), 7, "scale down: 10 replicas at 33% for a 50% target");
});

test("desiredReplicas does nothing inside the tolerance band, and the band includes its edge", () => {
  // 54 / 50 = 1.08, |1.08 - 1| = 0.08 ≤ 0.1 → stay at 4 (without the band: ceil(4.32) = 5)
  check(desiredReplicas(4, 54, 50), 4, "4 replicas at 54% for 50%, tolerance 0.1");
  // 46 / 50 = 0.92, |0.92 - 1| = 0.08 → stay at 20 (without the band: ceil(18.4) = 19)
  check(desiredReplicas(20, 46, 50), 20, "20 replicas at 46% for 50%, tolerance 0.1");
  // tolerance 0: 4 × 1.08 = 4.32 → 5
  check(desiredReplicas(4, 54, 50, 0), 5, "4 replicas at 54% for 50%, tolerance 0");
  // 125 / 100 = 1.25 exactly, |1.25 - 1| = 0.25 ≤ 0.25 → stay at 4 (≤, not <)
  check(desiredReplicas(4, 125, 100, 0.25), 4, "ratio exactly 1 + tolerance");
  // 126 / 100 = 1.26 > 1.25 → 4 × 1.26 = 5.04 → 6
  check(desiredReplicas(4, 126, 100, 0.25), 6, "ratio just outside the band");
});

test("desiredReplicas rejects bad input with clear errors", () => {
  assert.throws(() => desiredReplicas(3, 50, 0), /target/i, "target 0");
  assert.throws(() => desiredReplicas(3, 50, -10), /target/i, "negative target");
  assert.throws(() => desiredReplicas(2.5, 50, 50), /replicas/i, "fractional replicas");
  assert.throws(() => desiredReplicas(-1, 50, 50), /replicas/i, "negative replicas");
  assert.throws(() => desiredReplicas(3, -5, 50), /metric/i, "negative metric");
  assert.throws(() => desiredReplicas(3, 50, 50, -0.1), /tolerance/i, "negative tolerance");
});

test("replicasForMetric: all pods ready with samples is the plain formula on the average", () => {
  // mean(80, 70, 90) = 80, 80 / 50 = 1.6 → ceil(1.6 × 3) = ceil(4.8) = 5
  check(replicasForMetric([{ value: 80 }, { value: 70 }, { value: 90 }], 50), 5, "3 pods at 80/70/90% for 50%");
  // mean 52 / 50 = 1.04, inside the band → stay at 3
  check(replicasForMetric([{ value: 50 }, { value: 52 }, { value: 54 }], 50), 3, "3 pods averaging 52% for 50%");
});

test("replicasForMetric: a missing sample counts as the target on a scale-down (dampened)", () => {
  // ready mean 20, ratio 0.4 < 1 → the missing pod counts as 50: mean (20+20+20+50)/4 = 27.5, 27.5/50 = 0.55
  // → ceil(0.55 × 4) = ceil(2.2) = 3. (Ignoring the missing pod would give ceil(0.4 × 3) = 2.)
  check(replicasForMetric([...same(3, 20), missing], 50), 3, "3 pods at 20% + 1 missing, target 50%");
});

test("replicasForMetric: a missing sample counts as 0 on a scale-up (dampened)", () => {
  // ready mean 150, ratio 3 > 1 → the missing pod counts as 0: mean 300/3 = 100, 100/50 = 2 → ceil(2 × 3) = 6
  // (the naive 3 replicas × 3 = 9 would over-scale)
  check(replicasForMetric([...same(2, 150), missing], 50), 6, "2 pods at 150% + 1 missing, target 50%");
  // ready mean 120, ratio 1.2 → the 4 missing pods count as 0: mean 240/6 = 40, 40/100 = 0.4 < 1: the direction
  // reversed (up → down), so nothing changes: stay at 6
  check(replicasForMetric([...same(2, 120), missing, missing, missing, missing], 100), 6, "2 of 6 pods report 120%");
});

test("replicasForMetric: not-ready pods are set aside, and count as 0 only on a scale-up", () => {
  // ready mean 120, ratio 2.4 > 1 with a not-ready pod → it counts as 0: mean 240/3 = 80, 80/50 = 1.6
  // → ceil(1.6 × 3) = ceil(4.8) = 5 (the naive 3 × 2.4 = 7.2 → 8 would over-scale)
  check(replicasForMetric([...same(2, 120), notReady], 50), 5, "2 pods at 120% + 1 not ready, target 50%");
  // ready mean 90, ratio 1.5 → two not-ready pods count as 0: mean 180/4 = 45, 45/60 = 0.75 < 1: reversed → stay 4
  check(replicasForMetric([...same(2, 90), notReady, notReady], 60), 4, "2 pods at 90% + 2 not ready, target 60%");
  // ready mean 20, ratio 0.4 < 1: not a scale-up, so the not-ready pod is simply left out
  // → ceil(0.4 × 2) = ceil(0.8) = 1
  check(replicasForMetric([...same(2, 20), notReady], 50), 1, "2 pods at 20% + 1 not ready, target 50%");
});

test("replicasForMetric: no ready pod with a sample means no proposal (undefined)", () => {
  check(replicasForMetric([missing, notReady], 50), undefined, "only missing and not-ready pods");
  assert.throws(() => replicasForMetric([], 50), /pod/i, "no pods at all");
  assert.throws(() => replicasForMetric(same(2, 10), 0), /target/i, "target 0");
  assert.throws(() => replicasForMetric([{ value: -3 }], 50), /pod/i, "negative sample");
});

test("hpaDesiredReplicas takes the LARGEST proposal over several metrics", () => {
  // cpu: 90/60 = 1.5 → ceil(4.5) = 5; requests/s: 100/100 = 1 → stay 3. max(5, 3) = 5
  const got = hpaDesiredReplicas({
    currentReplicas: 3,
    minReplicas: 2,
    maxReplicas: 10,
    metrics: [
      { name: "cpu", target: 60, pods: same(3, 90) },
      { name: "requests-per-second", target: 100, pods: same(3, 100) },
    ],
  });
  check(got, 5, "cpu wants 5, requests/s wants 3");
  // cpu: 20/50 = 0.4 → ceil(1.6) = 2 (down); queue length: 30/20 = 1.5 → 6 (up). max(2, 6) = 6
  const mixed = hpaDesiredReplicas({
    currentReplicas: 4,
    maxReplicas: 10,
    metrics: [
      { name: "cpu", target: 50, pods: same(4, 20) },
      { name: "queue-length", target: 20, pods: same(4, 30) },
    ],
  });
  check(mixed, 6, "cpu wants 2, queue wants 6");
});

test("hpaDesiredReplicas clamps to [minReplicas, maxReplicas]", () => {
  // 200/50 = 4 → 4 × 4 = 16, clamped to max 10
  check(
    hpaDesiredReplicas({
      currentReplicas: 4,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(4, 200) }],
    }),
    10,
    "wants 16, max 10",
  );
  // 5/50 = 0.1 → ceil(0.4) = 1, clamped to min 2
  check(
    hpaDesiredReplicas({
      currentReplicas: 4,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(4, 5) }],
    }),
    2,
    "wants 1, min 2",
  );
  // minReplicas defaults to 1: 1/50 = 0.02 → ceil(0.06) = 1
  check(
    hpaDesiredReplicas({
      currentReplicas: 3,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(3, 1) }],
    }),
    1,
    "default minReplicas 1",
  );
});

test("hpaDesiredReplicas: zero replicas disables the HPA; out-of-range counts jump to the bound first", () => {
  // scaled to 0 by hand with minReplicas 2 > 0: the HPA stops adjusting (docs: implicit maintenance-mode deactivation)
  check(
    hpaDesiredReplicas({
      currentReplicas: 0,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(1, 500) }],
    }),
    0,
    "current 0",
  );
  // 12 > max 10 → 10, whatever the metrics say (they alone would give ceil(0.2 × 12) = 3)
  check(
    hpaDesiredReplicas({
      currentReplicas: 12,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(12, 10) }],
    }),
    10,
    "current above max",
  );
  // 1 < min 2 → 2
  check(
    hpaDesiredReplicas({
      currentReplicas: 1,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(1, 50) }],
    }),
    2,
    "current below min",
  );
});

test("hpaDesiredReplicas never scales DOWN when a metric is unavailable, but may scale up", () => {
  const unavailable = { name: "latency", target: 0.2, pods: [missing, missing, missing, missing] };
  // cpu alone says ceil(0.4 × 4) = 2 (down), but latency has no data → keep 4
  check(
    hpaDesiredReplicas({
      currentReplicas: 4,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(4, 20) }, unavailable],
    }),
    4,
    "scale-down with a metric missing",
  );
  // cpu says 100/50 = 2 → 8 (up): scaling up on partial data is allowed
  check(
    hpaDesiredReplicas({
      currentReplicas: 4,
      maxReplicas: 10,
      metrics: [{ name: "cpu", target: 50, pods: same(4, 100) }, unavailable],
    }),
    8,
    "scale-up with a metric missing",
  );
  // no metric at all can propose → keep 4
  check(
    hpaDesiredReplicas({ currentReplicas: 4, maxReplicas: 10, metrics: [unavailable] }),
    4,
    "every metric unavailable",
  );
});

test("hpaDesiredReplicas rejects bad configurations with clear errors", () => {
  const cpu = { name: "cpu", target: 50, pods: same(3, 50) };
  assert.throws(
    () => hpaDesiredReplicas({ currentReplicas: 3, minReplicas: 5, maxReplicas: 2, metrics: [cpu] }),
    /minReplicas/,
    "min > max",
  );
  assert.throws(
    () => hpaDesiredReplicas({ currentReplicas: 3, minReplicas: 0, maxReplicas: 2, metrics: [cpu] }),
    /minReplicas/,
    "min 0",
  );
  assert.throws(() => hpaDesiredReplicas({ currentReplicas: 3, maxReplicas: 5, metrics: [] }), /metric/i, "no metrics");
  // the target is checked even on a path that never looks at the metrics (current 0)
  assert.throws(
    () => hpaDesiredReplicas({ currentReplicas: 0, maxReplicas: 5, metrics: [{ ...cpu, target: 0 }] }),
    /target/i,
    "target 0",
  );
  assert.throws(
    () => hpaDesiredReplicas({ currentReplicas: 3, maxReplicas: 5, metrics: [{ ...cpu, target: -1 }] }),
    /target/i,
    "negative target",
  );
});
