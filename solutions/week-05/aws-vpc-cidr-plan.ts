// Reference solution for exercises/week-05/aws-vpc-cidr-plan.ts.

export const AWS_RESERVED_PER_SUBNET = 5;

const MIN_PREFIX = 16;
const MAX_PREFIX = 28;

function checkPrefix(prefix: number, what: string): void {
  if (!Number.isInteger(prefix) || prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
    throw new Error(`${what} /${prefix}: AWS allows /16 (65,536 addresses) to /28 (16 addresses)`);
  }
}

/** Addresses in a block: 2^(32 - prefix). Math.pow, not 1 << n, which overflows to negative at n = 31. */
function sizeOf(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function usableHosts(prefix: number): number {
  checkPrefix(prefix, "subnet");
  return sizeOf(prefix) - AWS_RESERVED_PER_SUBNET;
}

export function prefixForHosts(hosts: number): number {
  if (!Number.isInteger(hosts) || hosts < 1) throw new Error(`hosts must be a positive integer, got ${hosts}`);
  for (let prefix = MAX_PREFIX; prefix >= MIN_PREFIX; prefix--) {
    if (usableHosts(prefix) >= hosts) return prefix;
  }
  throw new Error(`${hosts} hosts do not fit in one subnet: even a /16 has only ${usableHosts(16)} usable`);
}

function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    // Multiply instead of shifting: JavaScript's << works on signed 32-bit integers and goes negative above 2^31.
    n = n * 256 + Number(p);
  }
  return n;
}

function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

function parseCidr(text: string): { base: number; prefix: number } {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(text.trim());
  const base = m ? parseIpv4(m[1]) : null;
  const prefix = m ? Number(m[2]) : Number.NaN;
  if (base === null || !(prefix >= 0 && prefix <= 32)) throw new Error(`invalid CIDR "${text}"`);
  if (base % sizeOf(prefix) !== 0) {
    const network = base - (base % sizeOf(prefix));
    throw new Error(
      `"${text}" is not a network address: host bits are set (did you mean ${formatIpv4(network)}/${prefix}?)`,
    );
  }
  return { base, prefix };
}

export interface PlanRequest {
  vpcCidr: string;
  azs: string[];
  publicPrefix: number;
  privatePrefix: number;
}

export interface PlannedSubnet {
  name: string;
  az: string;
  tier: "public" | "private";
  cidr: string;
  reserved: string[];
  firstUsable: string;
  lastUsable: string;
  usableHosts: number;
}

export interface VpcPlan {
  vpcCidr: string;
  subnets: PlannedSubnet[];
  unallocatedAddresses: number;
}

export function planSubnets(request: PlanRequest): VpcPlan {
  const vpc = parseCidr(request.vpcCidr);
  checkPrefix(vpc.prefix, "VPC");
  checkPrefix(request.publicPrefix, "public subnet");
  checkPrefix(request.privatePrefix, "private subnet");
  if (!request.azs?.length) throw new Error("give at least one availability zone");
  const seen = new Set<string>();
  for (const az of request.azs) {
    if (seen.has(az)) throw new Error(`duplicate availability zone "${az}"`);
    seen.add(az);
  }
  const vpcSize = sizeOf(vpc.prefix);
  for (const [tier, prefix] of [
    ["public", request.publicPrefix],
    ["private", request.privatePrefix],
  ] as const) {
    if (prefix < vpc.prefix) {
      throw new Error(`a ${tier} /${prefix} subnet does not fit in the /${vpc.prefix} VPC ${request.vpcCidr}`);
    }
  }
  const wanted = request.azs.flatMap((az) => [
    { az, tier: "public" as const, prefix: request.publicPrefix },
    { az, tier: "private" as const, prefix: request.privatePrefix },
  ]);
  const total = wanted.reduce((sum, w) => sum + sizeOf(w.prefix), 0);
  if (total > vpcSize) {
    throw new Error(
      `the subnets need ${total} addresses, which does not fit in ${request.vpcCidr} (${vpcSize}): use fewer zones, smaller subnets or a bigger VPC`,
    );
  }
  // Largest blocks first: every block size divides the ones before it, so the next free address is always aligned
  // to the next block and nothing is wasted. Placing small blocks first leaves gaps before each larger one.
  const order = [...wanted].sort((a, b) => a.prefix - b.prefix);
  let next = vpc.base;
  const placed = new Map<(typeof wanted)[number], number>();
  for (const w of order) {
    const size = sizeOf(w.prefix);
    const start = Math.ceil((next - vpc.base) / size) * size + vpc.base;
    if (start + size > vpc.base + vpcSize) {
      throw new Error(`the ${w.tier} subnet for ${w.az} does not fit in ${request.vpcCidr}`);
    }
    placed.set(w, start);
    next = start + size;
  }
  const subnets = wanted.map((w): PlannedSubnet => {
    const start = placed.get(w) as number;
    const end = start + sizeOf(w.prefix) - 1;
    return {
      name: `${w.tier}-${w.az}`,
      az: w.az,
      tier: w.tier,
      cidr: `${formatIpv4(start)}/${w.prefix}`,
      reserved: [start, start + 1, start + 2, start + 3, end].map(formatIpv4),
      firstUsable: formatIpv4(start + 4),
      lastUsable: formatIpv4(end - 1),
      usableHosts: sizeOf(w.prefix) - AWS_RESERVED_PER_SUBNET,
    };
  });
  return { vpcCidr: request.vpcCidr, subnets, unallocatedAddresses: vpcSize - total };
}
