// Reference solution for exercises/week-01/aws-ec2-sizing.ts.
export type Architecture = "x86_64" | "arm64";

export interface InstanceType {
  name: string;
  vcpus: number;
  memoryGiB: number;
  gpus: number;
  gpuMemoryGiB: number;
  architecture: Architecture;
  burstable: boolean;
  pricePerHour: number;
}

export interface WorkloadNeeds {
  vcpus: number;
  memoryGiB: number;
  gpus?: number;
  gpuMemoryGiB?: number;
  architecture?: Architecture | "any";
  sustainedCpu?: boolean;
}

function fits(t: InstanceType, needs: Required<WorkloadNeeds>): boolean {
  return (
    t.vcpus >= needs.vcpus &&
    t.memoryGiB >= needs.memoryGiB &&
    t.gpus >= needs.gpus &&
    // GPU memory only matters when a GPU is asked for; a CPU type has 0 and is already excluded then.
    (needs.gpus === 0 || t.gpuMemoryGiB >= needs.gpuMemoryGiB) &&
    (needs.architecture === "any" || t.architecture === needs.architecture) &&
    !(needs.sustainedCpu && t.burstable)
  );
}

export function cheapestInstance(types: readonly InstanceType[], needs: WorkloadNeeds): InstanceType {
  const full: Required<WorkloadNeeds> = {
    gpus: 0,
    gpuMemoryGiB: 0,
    architecture: "any",
    sustainedCpu: false,
    ...needs,
  };
  for (const key of ["vcpus", "memoryGiB", "gpus", "gpuMemoryGiB"] as const) {
    if (!Number.isFinite(full[key]) || full[key] < 0)
      throw new Error(`needs.${key} must be a number ≥ 0, got ${full[key]}`);
  }
  // A GPU-memory need implies at least one GPU.
  if (full.gpuMemoryGiB > 0 && full.gpus === 0) full.gpus = 1;
  const candidates = types
    .filter((t) => fits(t, full))
    .sort(
      (a, b) =>
        a.pricePerHour - b.pricePerHour ||
        b.memoryGiB - a.memoryGiB ||
        b.vcpus - a.vcpus ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  if (candidates.length === 0) {
    throw new Error(`no instance type among ${types.length} fits the needs ${JSON.stringify(needs)}`);
  }
  return candidates[0];
}

export function monthlyCost(instance: InstanceType, usage: { count?: number; hoursPerMonth?: number } = {}): number {
  const count = usage.count ?? 1;
  const hours = usage.hoursPerMonth ?? 730;
  if (!(count >= 0)) throw new Error(`count must be ≥ 0, got ${count}`);
  if (!(hours >= 0)) throw new Error(`hours per month must be ≥ 0, got ${hours}`);
  // Round once, at the end: rounding each hour's price first would add up the rounding errors.
  return Math.round(instance.pricePerHour * count * hours * 100) / 100;
}
