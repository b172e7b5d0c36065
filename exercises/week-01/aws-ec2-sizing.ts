// Week 1 · AWS: choose the cheapest EC2 instance type that fits a workload, and estimate its monthly cost.
// Read "EC2: instance families, sizing and cost" in notebooks/week-01-aws-foundations.ipynb first.
// Grade it with `npm run grade aws-ec2-sizing`; stuck? `npm run hint aws-ec2-sizing`.
import { todo } from "../../src/grader/todo";

export type Architecture = "x86_64" | "arm64";

/** One row of a price and size table (see exercises/week-01/aws-ec2-prices.ts). */
export interface InstanceType {
  /** e.g. "m6i.large": family m6i (m = general purpose, 6 = generation, i = Intel), size large. */
  name: string;
  vcpus: number;
  memoryGiB: number;
  /** GPUs attached (0 for none). */
  gpus: number;
  /** Memory of ONE GPU, in GiB (0 without a GPU). */
  gpuMemoryGiB: number;
  architecture: Architecture;
  /** Burstable (t3, t4g): full CPU only while CPU credits last, then a baseline fraction of it. */
  burstable: boolean;
  /** On-Demand price in US dollars per hour. */
  pricePerHour: number;
}

export interface WorkloadNeeds {
  vcpus: number;
  memoryGiB: number;
  /** Default 0. */
  gpus?: number;
  /** Memory each GPU must have, in GiB (default 0). */
  gpuMemoryGiB?: number;
  /** "any" (the default) accepts both; a Docker image built for x86_64 only needs "x86_64". */
  architecture?: Architecture | "any";
  /** True for a job that keeps the CPUs busy for hours (training): burstable types are then excluded. */
  sustainedCpu?: boolean;
}

/**
 * The cheapest instance type meeting every need (at least the vCPUs, memory, GPUs and GPU memory asked for, the
 * right architecture, not burstable when sustainedCpu). Equal prices: prefer more memory, then more vCPUs, then the
 * alphabetically first name. A gpuMemoryGiB need without a gpus need means one GPU. Throws an Error containing "no instance type" (and the needs) when nothing fits, and
 * one mentioning "needs" when a need is negative or not a number.
 */
export function cheapestInstance(types: readonly InstanceType[], needs: WorkloadNeeds): InstanceType {
  return todo("aws-ec2-sizing");
}

/**
 * On-Demand cost of running `count` instances for `hoursPerMonth` hours (default 730, AWS's average month: 8760 h /
 * 12), in dollars rounded to the cent. Throws an Error mentioning "count" or "hours" for negative values.
 */
export function monthlyCost(instance: InstanceType, usage: { count?: number; hoursPerMonth?: number } = {}): number {
  return todo("aws-ec2-sizing");
}
