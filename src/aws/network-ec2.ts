// Security-group rules in two shapes: the flat one the week-5 exercise evaluates (one peer per rule) and the EC2 API's
// IpPermission (one protocol and port range, with lists of IPv4 ranges, IPv6 ranges and group pairs). The notebook
// creates groups on the local AWS server from the flat rules, reads them back with DescribeSecurityGroups, and
// converts them back, to show that the API stores exactly what the evaluator reasons about.

/**
 * The fields of the EC2 API's IpPermission that these helpers use. Declared here rather than imported from
 * @aws-sdk/client-ec2 on purpose: that package's type definitions are 19 MB, and the notebook kernel type-checks
 * everything a cell imports, which would add many seconds to the notebook. The unit test checks that this shape
 * and the SDK's type are assignable both ways.
 */
export interface IpPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp?: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6?: string; Description?: string }[];
  UserIdGroupPairs?: { GroupId?: string; UserId?: string; Description?: string }[];
}

/** One rule with one peer, as in the aws-security-groups exercise. */
export interface FlatSgRule {
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  groupId?: string;
  description?: string;
}

/**
 * The IpPermission for one flat rule. `groupIds` maps the names used in the notebook ("sg-alb") to the ids the
 * server gave the groups ("sg-0b2c..."); unknown names are passed through.
 */
export function ipPermissionOf(rule: FlatSgRule, groupIds: Map<string, string> = new Map()): IpPermission {
  const p: IpPermission = { IpProtocol: rule.protocol };
  // Protocol -1 means all traffic: the API takes no ports for it.
  if (rule.protocol !== "-1") {
    p.FromPort = rule.fromPort;
    p.ToPort = rule.toPort;
  }
  const Description = rule.description;
  if (rule.groupId !== undefined) {
    p.UserIdGroupPairs = [{ GroupId: groupIds.get(rule.groupId) ?? rule.groupId, Description }];
  } else if (rule.cidr?.includes(":")) {
    p.Ipv6Ranges = [{ CidrIpv6: rule.cidr, Description }];
  } else if (rule.cidr !== undefined) {
    p.IpRanges = [{ CidrIp: rule.cidr, Description }];
  } else {
    throw new Error(`rule without a peer: ${JSON.stringify(rule)}`);
  }
  return p;
}

/** Flattens IpPermissions back into one rule per peer; `names` maps server ids back to notebook names. */
export function rulesFromIpPermissions(
  permissions: IpPermission[] | undefined,
  names: Map<string, string> = new Map(),
): FlatSgRule[] {
  const out: FlatSgRule[] = [];
  for (const p of permissions ?? []) {
    const base: FlatSgRule = { protocol: p.IpProtocol ?? "-1" };
    if (base.protocol !== "-1") {
      base.fromPort = p.FromPort;
      base.toPort = p.ToPort;
    }
    for (const r of p.IpRanges ?? []) out.push({ ...base, cidr: r.CidrIp, description: r.Description });
    for (const r of p.Ipv6Ranges ?? []) out.push({ ...base, cidr: r.CidrIpv6, description: r.Description });
    for (const g of p.UserIdGroupPairs ?? []) {
      const id = g.GroupId ?? "";
      out.push({ ...base, groupId: names.get(id) ?? id, description: g.Description });
    }
  }
  return out;
}
