// Grades exercises/week-01/aws-ec2-sizing.ts (and proves the solution with this file).
// References: cases worked by hand from the price table, and a brute-force scan of the whole table.
import assert from "node:assert/strict";
import { test } from "vitest";
import { createRng } from "../../src/data";
import { INSTANCE_TYPES } from "./aws-ec2-prices";
import { cheapestInstance, type InstanceType, monthlyCost, type WorkloadNeeds } from "./aws-ec2-sizing";

const pick = (needs: WorkloadNeeds) => cheapestInstance(INSTANCE_TYPES, needs).name;
const byName = (name: string) => INSTANCE_TYPES.find((t) => t.name === name)!;

test("worked cases: CPU workloads", () => {
  assert.equal(pick({ vcpus: 2, memoryGiB: 4 }), "t3.medium", "2 vCPU / 4 GiB: the burstable t3.medium at $0.0416");
  assert.equal(
    pick({ vcpus: 2, memoryGiB: 4, sustainedCpu: true }),
    "m7g.large",
    "sustained CPU excludes t3/t4g; the Graviton m7g.large ($0.0816, 8 GiB) even undercuts c6i.large ($0.085, 4 GiB)",
  );
  assert.equal(
    pick({ vcpus: 2, memoryGiB: 4, sustainedCpu: true, architecture: "x86_64" }),
    "c6i.large",
    "x86 only: the compute-optimised c6i.large at $0.085",
  );
  assert.equal(
    pick({ vcpus: 2, memoryGiB: 8, sustainedCpu: true }),
    "m7g.large",
    "2 vCPU / 8 GiB sustained, any architecture: Graviton m7g.large ($0.0816) beats m6i.large ($0.096)",
  );
  assert.equal(
    pick({ vcpus: 2, memoryGiB: 8, sustainedCpu: true, architecture: "x86_64" }),
    "m6i.large",
    "an x86-only image rules the Graviton type out",
  );
  assert.equal(
    pick({ vcpus: 2, memoryGiB: 16 }),
    "r6i.large",
    "memory-heavy: r6i.large ($0.126) beats t3.xlarge ($0.1664)",
  );
  assert.equal(
    pick({ vcpus: 4, memoryGiB: 32, sustainedCpu: true }),
    "r6i.xlarge",
    "4 vCPU / 32 GiB: r6i.xlarge ($0.252) beats m6i.2xlarge ($0.384)",
  );
  assert.equal(pick({ vcpus: 8, memoryGiB: 8 }), "c6i.2xlarge", "8 vCPUs: the compute-optimised c6i.2xlarge at $0.34");
});

test("worked cases: GPU workloads", () => {
  assert.equal(pick({ vcpus: 4, memoryGiB: 16, gpus: 1 }), "g4dn.xlarge", "one GPU: the T4 in g4dn.xlarge at $0.526");
  assert.equal(pick({ vcpus: 1, memoryGiB: 1, gpus: 1, gpuMemoryGiB: 20 }), "g5.xlarge", "20 GiB of GPU memory: A10G");
  assert.equal(pick({ vcpus: 1, memoryGiB: 1, gpuMemoryGiB: 20 }), "g5.xlarge", "GPU memory alone implies one GPU");
  assert.equal(pick({ vcpus: 8, memoryGiB: 32, gpus: 1 }), "g4dn.2xlarge");
});

test("equal prices: more memory wins, then more vCPUs, then the first name", () => {
  const row = (name: string, vcpus: number, memoryGiB: number): InstanceType => ({
    name,
    vcpus,
    memoryGiB,
    gpus: 0,
    gpuMemoryGiB: 0,
    architecture: "x86_64",
    burstable: false,
    pricePerHour: 0.1,
  });
  const types = [row("b.large", 2, 8), row("a.large", 2, 8), row("c.large", 4, 8), row("d.large", 2, 16)];
  assert.equal(cheapestInstance(types, { vcpus: 1, memoryGiB: 1 }).name, "d.large", "most memory at the same price");
  assert.equal(cheapestInstance(types.slice(0, 3), { vcpus: 1, memoryGiB: 1 }).name, "c.large", "then most vCPUs");
  assert.equal(cheapestInstance(types.slice(0, 2), { vcpus: 1, memoryGiB: 1 }).name, "a.large", "then the name");
});

test("nothing fits: a clear error; invalid needs are refused", () => {
  assert.throws(() => cheapestInstance(INSTANCE_TYPES, { vcpus: 64, memoryGiB: 8 }), /no instance type/i);
  assert.throws(() => cheapestInstance(INSTANCE_TYPES, { vcpus: 4, memoryGiB: 16, gpus: 2 }), /no instance type/i);
  assert.throws(
    () => cheapestInstance(INSTANCE_TYPES, { vcpus: 2, memoryGiB: 8, gpus: 1, architecture: "arm64" }),
    /no instance type/i,
  );
  assert.throws(() => cheapestInstance([], { vcpus: 1, memoryGiB: 1 }), /no instance type/i);
  assert.throws(() => cheapestInstance(INSTANCE_TYPES, { vcpus: -1, memoryGiB: 1 }), /needs/);
  assert.throws(() => cheapestInstance(INSTANCE_TYPES, { vcpus: 2, memoryGiB: Number.NaN }), /needs/);
});

test("500 seeded random workloads agree with a brute-force scan of the table", () => {
  const rng = createRng(2024);
  const archs = ["any", "x86_64", "arm64"] as const;
  for (let t = 0; t < 500; t++) {
    const needs: WorkloadNeeds = {
      vcpus: rng.randInt(1, 10),
      memoryGiB: [1, 2, 4, 8, 12, 16, 24, 32, 48][rng.randInt(0, 9)],
      gpus: rng.next() < 0.3 ? 1 : 0,
      architecture: archs[rng.randInt(0, 3)],
      sustainedCpu: rng.next() < 0.5,
    };
    const fitting = INSTANCE_TYPES.filter(
      (x) =>
        x.vcpus >= needs.vcpus &&
        x.memoryGiB >= needs.memoryGiB &&
        x.gpus >= (needs.gpus ?? 0) &&
        (needs.architecture === "any" || x.architecture === needs.architecture) &&
        !(needs.sustainedCpu && x.burstable),
    );
    const what = JSON.stringify(needs);
    if (fitting.length === 0) {
      assert.throws(() => cheapestInstance(INSTANCE_TYPES, needs), /no instance type/i, `${what}: nothing fits`);
      continue;
    }
    const best = Math.min(...fitting.map((x) => x.pricePerHour));
    const got = cheapestInstance(INSTANCE_TYPES, needs);
    assert.ok(fitting.includes(got), `${what}: ${got.name} does not meet the needs`);
    assert.equal(
      got.pricePerHour,
      best,
      `${what}: ${got.name} costs $${got.pricePerHour}, the cheapest fit costs $${best}`,
    );
  }
});

test("monthlyCost: worked cases, rounded to the cent", () => {
  const close = (got: number, expected: number, what: string) =>
    assert.ok(Math.abs(got - expected) < 1e-9, `${what}: expected $${expected}, got $${got}`);
  close(monthlyCost(byName("g4dn.xlarge")), 383.98, "g4dn.xlarge for 730 h: 0.526 × 730");
  close(monthlyCost(byName("m6i.large"), { count: 3 }), 210.24, "3 × m6i.large all month: 3 × 0.096 × 730");
  close(
    monthlyCost(byName("g5.xlarge"), { hoursPerMonth: 176 }),
    177.06,
    "g5.xlarge 8 h × 22 days: 1.006 × 176 = 177.056",
  );
  close(monthlyCost(byName("t3.medium"), { count: 0 }), 0, "no instances cost nothing");
  assert.throws(() => monthlyCost(byName("t3.medium"), { count: -1 }), /count/);
  assert.throws(() => monthlyCost(byName("t3.medium"), { hoursPerMonth: -5 }), /hours/);
});
