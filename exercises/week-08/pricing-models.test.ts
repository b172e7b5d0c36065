// Grades exercises/week-08/pricing-models.ts (and proves solutions/week-08/pricing-models.ts with the same file).
// Expected dollars are worked here from the price table (week 1) and the example discounts (aws-purchase-options.ts).
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { HOURS_PER_YEAR, INSTANCE_TYPES, PURCHASE_OPTIONS } from "./aws-purchase-options";
import { breakEvenUtilization, cheapestPlan, hourlyPrice, planCost, type Workload } from "./pricing-models";

const money = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) < 0.005, `${what}: expected $${want.toFixed(2)}, got $${got.toFixed(2)}`);
const od = (name: string) => INSTANCE_TYPES.find((t) => t.name === name)?.pricePerHour as number;

// The capstone API on m6i.large: 2 instances always on, 4 more for 10 hours on 250 working days, and 3,000
// instance-hours a year of retraining that can resume from a checkpoint.
const capstone: Workload = {
  instanceType: "m6i.large",
  baselineInstances: 2,
  peak: { instances: 4, hoursPerYear: 2500 },
  batchInstanceHours: 3000,
};

describe("hourlyPrice", () => {
  test("On-Demand is the table's price; the others take their discount off it", () => {
    money(hourlyPrice("m6i.large", "on-demand"), od("m6i.large"), "m6i.large On-Demand");
    for (const option of ["savings-plan", "reserved", "spot"] as const) {
      const want = od("c6i.xlarge") * (1 - PURCHASE_OPTIONS[option].discount);
      assert.ok(Math.abs(hourlyPrice("c6i.xlarge", option) - want) < 1e-12, `${option} for c6i.xlarge`);
    }
  });
  test("unknown names throw", () => {
    assert.throws(() => hourlyPrice("m9z.huge", "on-demand"), /instance type/);
    assert.throws(() => hourlyPrice("m6i.large", "dedicated" as never), /purchase option/);
  });
});

describe("planCost", () => {
  test("all On-Demand: every part pays only the hours it runs", () => {
    const c = planCost(capstone, { baseline: "on-demand", peak: "on-demand", batch: "on-demand" });
    money(c.baseline, 2 * HOURS_PER_YEAR * od("m6i.large"), "baseline");
    money(c.peak, 4 * 2500 * od("m6i.large"), "peak");
    money(c.batch, 3000 * od("m6i.large"), "batch");
    money(c.total, c.baseline + c.peak + c.batch, "total");
  });
  test("a commitment is paid for every hour of the year, used or not", () => {
    const sp = od("m6i.large") * (1 - PURCHASE_OPTIONS["savings-plan"].discount);
    const ri = od("m6i.large") * (1 - PURCHASE_OPTIONS.reserved.discount);
    const c = planCost(capstone, { baseline: "savings-plan", peak: "reserved", batch: "reserved" });
    money(c.baseline, 2 * HOURS_PER_YEAR * sp, "baseline on a Savings Plan");
    money(c.peak, 4 * HOURS_PER_YEAR * ri, "peak on Reserved Instances (paid all year)");
    money(c.batch, 1 * HOURS_PER_YEAR * ri, "3,000 batch hours need one reserved instance all year");
  });
  test("Spot for interruptible batch work", () => {
    const c = planCost(capstone, { baseline: "reserved", peak: "on-demand", batch: "spot" });
    money(c.batch, 3000 * od("m6i.large") * (1 - PURCHASE_OPTIONS.spot.discount), "batch on Spot");
  });
  test("Spot is refused where an interruption would break the service; bad numbers throw", () => {
    assert.throws(() => planCost(capstone, { baseline: "spot", peak: "on-demand", batch: "spot" }), /Spot/);
    assert.throws(() => planCost(capstone, { baseline: "on-demand", peak: "spot", batch: "spot" }), /Spot/);
    assert.throws(
      () =>
        planCost(
          { ...capstone, baselineInstances: -1 },
          { baseline: "on-demand", peak: "on-demand", batch: "on-demand" },
        ),
      />= 0/,
    );
    assert.throws(
      () =>
        planCost(
          { ...capstone, peak: { instances: 1, hoursPerYear: 9000 } },
          { baseline: "on-demand", peak: "on-demand", batch: "on-demand" },
        ),
      /peak hours/,
    );
  });
});

describe("cheapestPlan and break-even", () => {
  test("the capstone: commit the baseline, peaks On-Demand, batch on Spot", () => {
    const { plan, cost } = cheapestPlan(capstone);
    assert.equal(plan.baseline, "reserved", "the largest commitment discount for always-on instances");
    assert.equal(plan.peak, "on-demand", "2,500 of 8,760 hours is below the break-even utilisation");
    assert.equal(plan.batch, "spot");
    const allOnDemand = planCost(capstone, { baseline: "on-demand", peak: "on-demand", batch: "on-demand" }).total;
    assert.ok(cost.total < allOnDemand, "cheaper than all On-Demand");
  });
  test("peaks that run most of the year are cheaper on a commitment", () => {
    const busy = { ...capstone, peak: { instances: 4, hoursPerYear: 7000 } };
    assert.equal(cheapestPlan(busy).plan.peak, "reserved");
  });
  test("break-even utilisation is 1 - discount, and agrees with planCost", () => {
    for (const option of ["savings-plan", "reserved"] as const) {
      const u = breakEvenUtilization(option);
      assert.ok(Math.abs(u - (1 - PURCHASE_OPTIONS[option].discount)) < 1e-12, option);
      const hours = u * HOURS_PER_YEAR;
      const w = { ...capstone, peak: { instances: 1, hoursPerYear: hours } };
      const onDemand = planCost(w, { baseline: "on-demand", peak: "on-demand", batch: "on-demand" }).peak;
      const committed = planCost(w, { baseline: "on-demand", peak: option, batch: "on-demand" }).peak;
      money(committed, onDemand, `${option} at ${(u * 100).toFixed(0)}% utilisation`);
    }
    assert.throws(() => breakEvenUtilization("spot"), /commitment/);
    assert.throws(() => breakEvenUtilization("on-demand"), /commitment/);
  });
});
