// Week 8 · EC2 purchase options: On-Demand, Savings Plans, Reserved Instances and Spot for a stated workload.
// Read "Pricing models: On-Demand, Savings Plans, Reserved Instances, Spot" in
// notebooks/week-08-cloud-practitioner.ipynb first.
// Grade it with `npm run grade pricing-models`; stuck? `npm run hint pricing-models`.
//
// Prices: On-Demand from exercises/week-01/aws-ec2-prices.ts, the other options as the example discounts in
// exercises/week-08/aws-purchase-options.ts (read its comment: they are not AWS's rates for any instance).
// Validate the input first: each function throws an Error whose message names the problem, as listed.
import { todo } from "../../src/grader/todo";
import type { PurchaseOption } from "./aws-purchase-options";

export interface Workload {
  instanceType: string;
  /** Instances that run every hour of the year and must not be interrupted. */
  baselineInstances: number;
  /** Extra instances for busy hours: `instances` for `hoursPerYear` hours; must not be interrupted. */
  peak: { instances: number; hoursPerYear: number };
  /** Batch work that can restart after an interruption, in instance-hours per year. */
  batchInstanceHours: number;
}

/** Which purchase option pays for each part of the workload. */
export interface Plan {
  baseline: PurchaseOption;
  peak: PurchaseOption;
  batch: PurchaseOption;
}

/** Dollars per year for each part, and their sum. */
export interface PlanCost {
  baseline: number;
  peak: number;
  batch: number;
  total: number;
}

/**
 * The price of one instance-hour: the On-Demand price times (1 - the option's discount).
 * Throws "instance type" for a type not in the table and "purchase option" for an unknown option.
 */
export function hourlyPrice(instanceType: string, option: PurchaseOption): number {
  return todo("pricing-models");
}

/**
 * The yearly cost of a plan (HOURS_PER_YEAR hours in the year):
 * - an option WITHOUT a commitment is paid for the hours used: baseline instances all year, peak instances for
 *   peak.hoursPerYear, batch for batchInstanceHours;
 * - an option WITH a commitment is paid for every hour of the year, used or not: baseline and peak instances pay
 *   HOURS_PER_YEAR each; batch on a commitment needs ceil(batchInstanceHours / HOURS_PER_YEAR) instances all year.
 * Throws "Spot" when baseline or peak uses an interruptible option, ">= 0" for a negative or non-finite number, and
 * "peak hours" when peak.hoursPerYear exceeds HOURS_PER_YEAR.
 */
export function planCost(workload: Workload, plan: Plan): PlanCost {
  return todo("pricing-models");
}

/** The plan with the lowest total among all allowed plans (no Spot for baseline or peak), with its cost. */
export function cheapestPlan(workload: Workload): { plan: Plan; cost: PlanCost } {
  return todo("pricing-models");
}

/**
 * For an option with a commitment: the share of the year an instance must run for the commitment to cost no more
 * than On-Demand for the same hours (committed price for all hours = On-Demand price for the hours used).
 * Throws "commitment" for an option without one.
 */
export function breakEvenUtilization(option: PurchaseOption): number {
  return todo("pricing-models");
}
