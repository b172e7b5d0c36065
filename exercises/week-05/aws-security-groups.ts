// Week 5 · Security groups: is port 8080 on the app reachable from the load balancer? From the internet?
// Read the "Security groups: who can reach what" section of notebooks/week-05-aws-networking-and-iam.ipynb first.
// Grade it with `npm run grade aws-security-groups`; stuck? `npm run hint aws-security-groups`.
//
// The address maths is given, for IPv4 and IPv6: this exercise is about the rules. Add this import when you need it:
//   import { ipInCidr } from "../../src/aws/network-ip";   // ipInCidr("10.0.1.7", "10.0.0.0/16") === true
import { todo } from "../../src/grader/todo";

/** "-1" means every protocol (and then the ports are ignored), as in the EC2 API. */
export type Protocol = "tcp" | "udp" | "icmp" | "-1";

/**
 * One rule, as in AuthorizeSecurityGroupIngress / Egress. It names its peer by exactly ONE of:
 * `cidr` (an IPv4 or IPv6 block: "0.0.0.0/0", "10.0.0.0/16", "::/0") or `groupId` (another security group: matches
 * any network interface that has that group attached). For ingress the peer is the source; for egress, the
 * destination. For tcp/udp, the rule covers fromPort..toPort inclusive; for icmp, fromPort is the ICMP type
 * (-1 = every type) and `port` in a Flow is the type; for "-1", ports are not given and not checked.
 */
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
  /** A new security group allows all outbound traffic: [{ protocol: "-1", cidr: "0.0.0.0/0" }]. */
  egress: SgRule[];
}

/**
 * One end of a connection. Something inside the VPC has security groups (an instance, a pod's network interface, the
 * ALB's nodes); something outside it (a client or a server on the internet) has none, so no rules of its own apply.
 */
export interface Endpoint {
  ip: string;
  securityGroups?: string[];
}

/** A NEW connection from `from` to `to` (the initiating direction). */
export interface Flow {
  from: Endpoint;
  to: Endpoint;
  protocol: "tcp" | "udp" | "icmp";
  port: number;
}

/** Which rule matched: the group's id, and the rule's index in that group's ingress or egress list. */
export interface RuleMatch {
  groupId: string;
  index: number;
}

export interface Reachability {
  allowed: boolean;
  /** The first egress rule of the source's groups that lets the flow out; "not-applicable" for sources without groups. */
  egress: RuleMatch | "not-applicable" | null;
  /** The first ingress rule of the target's groups that lets the flow in; "not-applicable" for targets without groups. */
  ingress: RuleMatch | "not-applicable" | null;
  /** One sentence for a human: what allowed or blocked it. */
  reason: string;
}

/**
 * Whether one rule covers traffic with this peer, protocol and port. Throws an Error mentioning "exactly one" when
 * the rule gives both or neither of cidr and groupId.
 */
export function ruleMatches(rule: SgRule, peer: Endpoint, protocol: Flow["protocol"], port: number): boolean {
  return todo("aws-security-groups");
}

/**
 * Security groups only ALLOW; there is no deny rule. A new connection is allowed when some egress rule of any of
 * the source's groups lets it out AND some ingress rule of any of the target's groups lets it in; an end without
 * groups (outside the VPC) skips its side. Groups are tried in the order the endpoint lists them, rules in list order.
 * Throws an Error mentioning "unknown security group" for an id not in `groups`, "at least one" when neither end has
 * a group (then no security group is involved at all), and "port" for a port outside 0..65535 or not an integer.
 */
export function isReachable(groups: SecurityGroup[], flow: Flow): Reachability {
  return todo("aws-security-groups");
}
