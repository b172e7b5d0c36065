// Reference solution for pricing-models.
import {
  HOURS_PER_YEAR,
  INSTANCE_TYPES,
  PURCHASE_OPTIONS,
  type PurchaseOption,
} from "../../exercises/week-08/aws-purchase-options";

export interface Workload {
  instanceType: string;
  /** Instances that run every hour of the year and must not be interrupted. */
  baselineInstances: number;
  /** Extra instances for busy hours: `instances` for `hoursPerYear` hours; must not be interrupted. */
  peak: { instances: number; hoursPerYear: number };
  /** Batch work that can restart after an interruption, in instance-hours per year. */
  batchInstanceHours: number;
}

export interface Plan {
  baseline: PurchaseOption;
  peak: PurchaseOption;
  batch: PurchaseOption;
}

export interface PlanCost {
  baseline: number;
  peak: number;
  batch: number;
  total: number;
}

export function hourlyPrice(instanceType: string, option: PurchaseOption): number {
  const type = INSTANCE_TYPES.find((t) => t.name === instanceType);
  if (!type) throw new Error(`unknown instance type "${instanceType}"`);
  const terms = PURCHASE_OPTIONS[option];
  if (!terms) throw new Error(`unknown purchase option "${option}"`);
  return type.pricePerHour * (1 - terms.discount);
}

/** Cost of running `instances` for `hoursUsed` hours a year with `option`: a commitment is paid for every hour. */
function partCost(instanceType: string, option: PurchaseOption, instances: number, hoursUsed: number): number {
  const hoursPaid = PURCHASE_OPTIONS[option].commitment ? HOURS_PER_YEAR : hoursUsed;
  return instances * hoursPaid * hourlyPrice(instanceType, option);
}

function validate(w: Workload): void {
  const counts = [w.baselineInstances, w.peak.instances, w.peak.hoursPerYear, w.batchInstanceHours];
  if (counts.some((n) => !Number.isFinite(n) || n < 0)) throw new Error("workload numbers must be >= 0");
  if (w.peak.hoursPerYear > HOURS_PER_YEAR) throw new Error(`peak hours cannot exceed ${HOURS_PER_YEAR} a year`);
}

export function planCost(w: Workload, plan: Plan): PlanCost {
  validate(w);
  for (const part of ["baseline", "peak"] as const) {
    if (PURCHASE_OPTIONS[plan[part]]?.interruptible)
      throw new Error(`${part} must not be interrupted: Spot is not allowed`);
  }
  const baseline = partCost(w.instanceType, plan.baseline, w.baselineInstances, HOURS_PER_YEAR);
  const peak = partCost(w.instanceType, plan.peak, w.peak.instances, w.peak.hoursPerYear);
  // Batch work is counted in instance-hours; a commitment would need whole instances running all year, so size it
  // as the instances needed to cover those hours.
  const batch = PURCHASE_OPTIONS[plan.batch].commitment
    ? Math.ceil(w.batchInstanceHours / HOURS_PER_YEAR) * HOURS_PER_YEAR * hourlyPrice(w.instanceType, plan.batch)
    : w.batchInstanceHours * hourlyPrice(w.instanceType, plan.batch);
  return { baseline, peak, batch, total: baseline + peak + batch };
}

export function cheapestPlan(w: Workload): { plan: Plan; cost: PlanCost } {
  const options = Object.keys(PURCHASE_OPTIONS) as PurchaseOption[];
  let best: { plan: Plan; cost: PlanCost } | undefined;
  for (const baseline of options) {
    for (const peak of options) {
      for (const batch of options) {
        const plan = { baseline, peak, batch };
        if (PURCHASE_OPTIONS[baseline].interruptible || PURCHASE_OPTIONS[peak].interruptible) continue;
        const cost = planCost(w, plan);
        if (!best || cost.total < best.cost.total - 1e-9) best = { plan, cost };
      }
    }
  }
  return best as { plan: Plan; cost: PlanCost };
}

export function breakEvenUtilization(option: PurchaseOption): number {
  const terms = PURCHASE_OPTIONS[option];
  if (!terms) throw new Error(`unknown purchase option "${option}"`);
  if (!terms.commitment) throw new Error(`${option} has no commitment, so there is no break-even`);
  return 1 - terms.discount;
}
