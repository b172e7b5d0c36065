// Reference solution for exercises/week-05/aws-security-groups.ts.
import { ipInCidr } from "../../src/aws/network-ip";

export type Protocol = "tcp" | "udp" | "icmp" | "-1";

export interface SgRule {
  protocol: Protocol;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  groupId?: string;
  description?: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  ingress: SgRule[];
  egress: SgRule[];
}

export interface Endpoint {
  ip: string;
  securityGroups?: string[];
}

export interface Flow {
  from: Endpoint;
  to: Endpoint;
  protocol: "tcp" | "udp" | "icmp";
  port: number;
}

export interface RuleMatch {
  groupId: string;
  index: number;
}

export interface Reachability {
  allowed: boolean;
  egress: RuleMatch | "not-applicable" | null;
  ingress: RuleMatch | "not-applicable" | null;
  reason: string;
}

export function ruleMatches(rule: SgRule, peer: Endpoint, protocol: Flow["protocol"], port: number): boolean {
  if ((rule.cidr === undefined) === (rule.groupId === undefined)) {
    throw new Error(`a rule names exactly one peer, a cidr or a groupId: ${JSON.stringify(rule)}`);
  }
  if (rule.protocol !== "-1") {
    if (rule.protocol !== protocol) return false;
    const from = rule.fromPort ?? -1;
    const to = rule.toPort ?? from;
    // ICMP: fromPort is the type, and -1 means every type.
    if (protocol === "icmp") {
      if (from !== -1 && from !== port) return false;
    } else if (port < from || port > to) {
      return false;
    }
  }
  // A group reference matches by membership, whatever the peer's address: that is what makes it robust to scaling.
  if (rule.groupId !== undefined) return (peer.securityGroups ?? []).includes(rule.groupId);
  return ipInCidr(peer.ip, rule.cidr as string);
}

function firstMatch(
  byId: Map<string, SecurityGroup>,
  groupIds: string[],
  direction: "ingress" | "egress",
  peer: Endpoint,
  flow: Flow,
): RuleMatch | null {
  for (const id of groupIds) {
    const group = byId.get(id) as SecurityGroup;
    const index = group[direction].findIndex((rule) => ruleMatches(rule, peer, flow.protocol, flow.port));
    if (index >= 0) return { groupId: id, index };
  }
  return null;
}

export function isReachable(groups: SecurityGroup[], flow: Flow): Reachability {
  if (!Number.isInteger(flow.port) || flow.port < 0 || flow.port > 65535) {
    throw new Error(`port must be an integer 0..65535, got ${flow.port}`);
  }
  const byId = new Map(groups.map((g) => [g.id, g]));
  const sourceGroups = flow.from.securityGroups ?? [];
  const targetGroups = flow.to.securityGroups ?? [];
  if (sourceGroups.length === 0 && targetGroups.length === 0) {
    throw new Error(`at least one end must have a security group: ${flow.from.ip} and ${flow.to.ip} both have none`);
  }
  for (const id of [...sourceGroups, ...targetGroups]) {
    if (!byId.has(id)) throw new Error(`unknown security group "${id}"`);
  }
  const what = `${flow.protocol}/${flow.port} from ${flow.from.ip} to ${flow.to.ip}`;
  // Both sides are checked (no short-circuit), so the verdict can show every rule that matched, or that none did.
  const egress = sourceGroups.length === 0 ? "not-applicable" : firstMatch(byId, sourceGroups, "egress", flow.to, flow);
  const ingress =
    targetGroups.length === 0 ? "not-applicable" : firstMatch(byId, targetGroups, "ingress", flow.from, flow);
  if (egress === null) {
    return {
      allowed: false,
      egress,
      ingress,
      reason: `${what}: no egress rule of ${sourceGroups.join(", ")} lets it out`,
    };
  }
  if (ingress === null) {
    return {
      allowed: false,
      egress,
      ingress,
      reason: `${what}: no ingress rule of ${targetGroups.join(", ")} lets it in`,
    };
  }
  // Not both are "not-applicable": at least one end has groups (checked above).
  const by =
    ingress !== "not-applicable"
      ? `${ingress.groupId} ingress rule ${ingress.index}`
      : `${(egress as RuleMatch).groupId} egress rule ${(egress as RuleMatch).index}`;
  return { allowed: true, egress, ingress, reason: `${what}: allowed by ${by}` };
}
