// Flat security-group rules survive the round trip through the EC2 API's IpPermission shape.
import assert from "node:assert/strict";
import type { IpPermission as SdkIpPermission } from "@aws-sdk/client-ec2";
import { test } from "vitest";
import { type FlatSgRule, type IpPermission, ipPermissionOf, rulesFromIpPermissions } from "./network-ec2";

// Compile-time: the hand-written shape and the SDK's type are interchangeable (tsc fails here if they drift apart).
const toSdk = (p: IpPermission): SdkIpPermission => p;
const fromSdk = (p: SdkIpPermission): IpPermission => p;

test("IPv4, IPv6, group and all-traffic rules round-trip through IpPermission", () => {
  const rules: FlatSgRule[] = [
    { protocol: "tcp", fromPort: 443, toPort: 443, cidr: "0.0.0.0/0", description: "https" },
    { protocol: "tcp", fromPort: 443, toPort: 443, cidr: "::/0", description: "https v6" },
    { protocol: "tcp", fromPort: 8080, toPort: 8080, groupId: "sg-alb", description: "from the alb" },
    { protocol: "-1", cidr: "10.0.0.0/16", description: "all from the vpc" },
  ];
  const ids = new Map([["sg-alb", "sg-0123456789abcdef0"]]);
  const perms = rules.map((r) => fromSdk(toSdk(ipPermissionOf(r, ids))));
  assert.deepEqual(perms[0].IpRanges, [{ CidrIp: "0.0.0.0/0", Description: "https" }]);
  assert.deepEqual(perms[1].Ipv6Ranges, [{ CidrIpv6: "::/0", Description: "https v6" }]);
  assert.equal(perms[2].UserIdGroupPairs?.[0].GroupId, "sg-0123456789abcdef0", "names become server ids");
  assert.equal(perms[3].FromPort, undefined, "protocol -1 carries no ports");
  const names = new Map([["sg-0123456789abcdef0", "sg-alb"]]);
  assert.deepEqual(rulesFromIpPermissions(perms, names), rules);
});

test("one IpPermission with several peers becomes one rule per peer; a rule without a peer is refused", () => {
  const flat = rulesFromIpPermissions([
    {
      IpProtocol: "tcp",
      FromPort: 22,
      ToPort: 22,
      IpRanges: [{ CidrIp: "198.51.100.0/24" }, { CidrIp: "203.0.113.0/24" }],
      UserIdGroupPairs: [{ GroupId: "sg-1" }],
    },
  ]);
  assert.equal(flat.length, 3);
  assert.deepEqual(
    flat.map((r) => r.cidr ?? r.groupId),
    ["198.51.100.0/24", "203.0.113.0/24", "sg-1"],
  );
  assert.throws(() => ipPermissionOf({ protocol: "tcp", fromPort: 1, toPort: 1 }), /without a peer/);
});
