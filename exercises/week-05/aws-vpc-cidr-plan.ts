// Week 5 · CIDR planning: split a VPC into a public and a private subnet per availability zone.
// Read the "VPCs, subnets and CIDR planning" section of notebooks/week-05-aws-networking-and-iam.ipynb first.
// Grade it with `npm run grade aws-vpc-cidr-plan`; stuck? `npm run hint aws-vpc-cidr-plan`.
//
// Write the address arithmetic yourself (an IPv4 address is a 32-bit number); the test checks your plan with the
// ip-address package as an independent reference.
import { todo } from "../../src/grader/todo";

/** AWS keeps 5 addresses of every subnet: network (+0), VPC router (+1), DNS (+2), reserved (+3), broadcast (last). */
export const AWS_RESERVED_PER_SUBNET = 5;

/**
 * The addresses an instance (or an EKS pod) can use in a subnet with this prefix: 2^(32 - prefix) - 5.
 * AWS subnets are /16 to /28; any other prefix throws an Error mentioning "/16" and "/28".
 */
export function usableHosts(prefix: number): number {
  return todo("aws-vpc-cidr-plan");
}

/**
 * The smallest subnet (the LARGEST prefix, at most /28) with at least `hosts` usable addresses.
 * Throws an Error mentioning "/16" when even a /16 is too small, and one mentioning "positive" for hosts < 1 or a
 * non-integer.
 */
export function prefixForHosts(hosts: number): number {
  return todo("aws-vpc-cidr-plan");
}

export interface PlanRequest {
  /** The VPC's block, e.g. "10.0.0.0/16": a network address (no host bits set), /16 to /28. */
  vpcCidr: string;
  /** One public and one private subnet per zone, e.g. ["us-east-1a", "us-east-1b", "us-east-1c"]. */
  azs: string[];
  /** Prefix length of each public subnet (load balancers, NAT gateways: small), e.g. 24. */
  publicPrefix: number;
  /** Prefix length of each private subnet (instances, EKS pods: large), e.g. 20. */
  privatePrefix: number;
}

export interface PlannedSubnet {
  /** `${tier}-${az}`, e.g. "public-us-east-1a". */
  name: string;
  az: string;
  tier: "public" | "private";
  /** e.g. "10.0.16.0/20": the network address, aligned to the prefix. */
  cidr: string;
  /** The 5 addresses AWS keeps, in order: +0, +1, +2, +3 and the last one. */
  reserved: string[];
  firstUsable: string;
  lastUsable: string;
  usableHosts: number;
}

export interface VpcPlan {
  vpcCidr: string;
  subnets: PlannedSubnet[];
  /** Addresses of the VPC that no subnet uses (room to grow). */
  unallocatedAddresses: number;
}

/**
 * Places 2 × azs.length subnets inside the VPC with no overlaps, each on a boundary of its own size.
 * Throws an Error with:
 * - "invalid CIDR" for a malformed block ("10.0.0.0", "10.0.0.256/16", "10.0.0.0/33");
 * - "network address" when host bits are set ("10.0.1.0/16");
 * - "/16" and "/28" when the VPC or a subnet prefix is outside AWS's range;
 * - "availability zone" for an empty zone list, "duplicate" for a zone named twice;
 * - "does not fit" when a subnet is bigger than the VPC, or all of them together do not fit.
 */
export function planSubnets(request: PlanRequest): VpcPlan {
  return todo("aws-vpc-cidr-plan");
}
