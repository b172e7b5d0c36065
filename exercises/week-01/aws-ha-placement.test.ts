// Grades exercises/week-01/aws-ha-placement.ts (and proves the solution with this file).
// References: cases worked by hand, and a brute force that tries EVERY way of placing N instances in k AZs.
import assert from "node:assert/strict";
import { test } from "vitest";
import { createRng } from "../../src/data";
import { capacityAfterAzLoss, chooseRegion, instancesForHa, type Region, spreadAcrossAzs } from "./aws-ha-placement";
import { REGIONS } from "./aws-regions";

const AZS = ["eu-west-3a", "eu-west-3b", "eu-west-3c"];

/** Every placement of n instances into k AZs (the compositions of n into k non-negative parts). */
function* placements(n: number, k: number): Generator<number[]> {
  if (k === 1) {
    yield [n];
    return;
  }
  for (let first = 0; first <= n; first++) for (const rest of placements(n - first, k - 1)) yield [first, ...rest];
}

/** The brute-force reference: the fewest instances for which SOME placement survives any one AZ outage with r left. */
function bruteForceInstances(r: number, k: number): number {
  for (let n = 1; ; n++) {
    for (const p of placements(n, k)) if (n - Math.max(...p) >= r) return n;
  }
}

test("spreadAcrossAzs: worked cases, extra instances go to the first AZs, every AZ is a key", () => {
  assert.deepEqual(spreadAcrossAzs(7, AZS), { "eu-west-3a": 3, "eu-west-3b": 2, "eu-west-3c": 2 });
  assert.deepEqual(spreadAcrossAzs(6, AZS), { "eu-west-3a": 2, "eu-west-3b": 2, "eu-west-3c": 2 });
  assert.deepEqual(spreadAcrossAzs(2, AZS), { "eu-west-3a": 1, "eu-west-3b": 1, "eu-west-3c": 0 }, "zeros included");
  assert.deepEqual(spreadAcrossAzs(0, ["x"]), { x: 0 });
});

test("spreadAcrossAzs: property checks on 200 seeded random cases (sum, balance, keys)", () => {
  const rng = createRng(11);
  for (let t = 0; t < 200; t++) {
    const k = rng.randInt(1, 7);
    const n = rng.randInt(0, 40);
    const azs = Array.from({ length: k }, (_, i) => `az-${i}`);
    const p = spreadAcrossAzs(n, azs);
    const counts = azs.map((az) => p[az]);
    assert.deepEqual(Object.keys(p).sort(), [...azs].sort(), `keys for n=${n}, k=${k}`);
    assert.equal(
      counts.reduce((a, b) => a + b, 0),
      n,
      `n=${n}, k=${k}: the counts must add up to n, got ${counts}`,
    );
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `n=${n}, k=${k}: not balanced: ${counts}`);
  }
});

test("spreadAcrossAzs rejects no AZs, duplicate AZs and a bad count", () => {
  assert.throws(() => spreadAcrossAzs(3, []), /AZ/);
  assert.throws(() => spreadAcrossAzs(3, ["a", "b", "a"]), /AZ/);
  assert.throws(() => spreadAcrossAzs(-1, AZS), /count/);
  assert.throws(() => spreadAcrossAzs(2.5, AZS), /count/);
});

test("capacityAfterAzLoss is the total minus the largest AZ", () => {
  assert.equal(capacityAfterAzLoss({ a: 3, b: 2, c: 2 }), 4, "7 instances, losing the AZ with 3 leaves 4");
  assert.equal(capacityAfterAzLoss({ a: 5, b: 1, c: 1 }), 2, "a lopsided placement: losing a leaves 2");
  assert.equal(capacityAfterAzLoss({ a: 4 }), 0, "everything in one AZ: losing it leaves nothing");
  assert.equal(capacityAfterAzLoss({}), 0);
});

test("instancesForHa: worked cases", () => {
  // 4 needed, 3 AZs: 6 = 2+2+2, losing one leaves 4; 5 = 2+2+1 leaves only 3.
  assert.equal(instancesForHa(4, 3), 6, "4 required over 3 AZs");
  assert.equal(instancesForHa(4, 2), 8, "4 required over 2 AZs: each AZ must hold all 4 alone");
  assert.equal(instancesForHa(5, 3), 8, "5 required over 3 AZs: 3+3+2, losing a 3 leaves 5");
  assert.equal(instancesForHa(10, 6), 12, "10 required over 6 AZs (us-east-1): 2 per AZ");
  assert.equal(instancesForHa(1, 2), 2, "one required: one spare in the other AZ");
});

test("instancesForHa equals the brute force over every placement, and its even spread really survives", () => {
  for (let k = 2; k <= 4; k++) {
    for (let r = 1; r <= 8; r++) {
      const n = instancesForHa(r, k);
      assert.equal(
        n,
        bruteForceInstances(r, k),
        `required ${r}, ${k} AZs: brute force says ${bruteForceInstances(r, k)}`,
      );
      const azs = Array.from({ length: k }, (_, i) => `az-${i}`);
      assert.ok(capacityAfterAzLoss(spreadAcrossAzs(n, azs)) >= r, `required ${r}, ${k} AZs: ${n} spread evenly fails`);
    }
  }
});

test("instancesForHa rejects fewer than 2 AZs and a non-positive requirement", () => {
  assert.throws(() => instancesForHa(3, 1), /at least 2/);
  assert.throws(() => instancesForHa(0, 3), /required/);
  assert.throws(() => instancesForHa(1.5, 3), /required/);
});

test("chooseRegion on the region table: compliance first, then AZs, then latency", () => {
  assert.equal(chooseRegion(REGIONS, { allowedJurisdictions: ["EU"] }).code, "eu-west-3", "EU data, lowest latency");
  assert.equal(
    chooseRegion(REGIONS, { allowedJurisdictions: ["US"], minAzs: 4 }).code,
    "us-east-1",
    "US data with 4+ AZs: us-east-1 (6 AZs, 85 ms) beats us-west-2 (4 AZs, 145 ms)",
  );
  assert.equal(
    chooseRegion(REGIONS, { allowedJurisdictions: ["US", "CA"], minAzs: 5 }).code,
    "us-east-1",
    "only us-east-1 has 5+ AZs",
  );
  assert.equal(chooseRegion(REGIONS, { allowedJurisdictions: ["UK"] }).code, "eu-west-2", "London is UK, not EU");
});

test("chooseRegion: equal latency goes to the alphabetically first code; nothing fitting is a clear error", () => {
  const tie: Region[] = [
    { code: "eu-south-1", name: "Milan", jurisdiction: "EU", azs: ["a", "b", "c"], latencyMs: 15 },
    { code: "eu-central-1", name: "Frankfurt", jurisdiction: "EU", azs: ["a", "b", "c"], latencyMs: 15 },
    { code: "eu-west-2", name: "London", jurisdiction: "UK", azs: ["a", "b", "c"], latencyMs: 5 },
  ];
  assert.equal(chooseRegion(tie, { allowedJurisdictions: ["EU"] }).code, "eu-central-1", "tie at 15 ms");
  assert.throws(() => chooseRegion(REGIONS, { allowedJurisdictions: ["EU"], minAzs: 4 }), /no region/i);
  assert.throws(() => chooseRegion(REGIONS, { allowedJurisdictions: ["CH"] }), /no region/i);
  assert.throws(() => chooseRegion([], { allowedJurisdictions: ["EU"] }), /no region/i);
});
