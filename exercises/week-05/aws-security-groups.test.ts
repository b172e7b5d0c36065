// Grades exercises/week-05/aws-security-groups.ts (and proves solutions/week-05/aws-security-groups.ts with the very
// same file) on worked cases: the three-tier network of the week-5 notebook (internet → ALB → app → database), with
// the answer for each flow reasoned out from the EC2 documentation's rules for security groups.
import assert from "node:assert/strict";
import { test } from "vitest";
import { type Endpoint, type Flow, isReachable, ruleMatches, type SecurityGroup } from "./aws-security-groups";

const VPC = "10.0.0.0/16";

const GROUPS: SecurityGroup[] = [
  {
    id: "sg-alb",
    name: "alb",
    ingress: [
      { protocol: "tcp", fromPort: 443, toPort: 443, cidr: "0.0.0.0/0", description: "HTTPS from anywhere (IPv4)" },
      { protocol: "tcp", fromPort: 443, toPort: 443, cidr: "::/0", description: "HTTPS from anywhere (IPv6)" },
      { protocol: "tcp", fromPort: 80, toPort: 80, cidr: "0.0.0.0/0", description: "HTTP, only to redirect (IPv4)" },
    ],
    // Tightened from the default "all traffic": the ALB may only open connections to the app's port.
    egress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, groupId: "sg-app" }],
  },
  {
    id: "sg-app",
    name: "app",
    ingress: [
      { protocol: "tcp", fromPort: 8080, toPort: 8080, groupId: "sg-alb", description: "the API, from the ALB only" },
      { protocol: "tcp", fromPort: 22, toPort: 22, groupId: "sg-bastion" },
    ],
    egress: [{ protocol: "-1", cidr: "0.0.0.0/0" }],
  },
  {
    id: "sg-db",
    name: "db",
    ingress: [
      { protocol: "tcp", fromPort: 5432, toPort: 5432, groupId: "sg-app" },
      { protocol: "icmp", fromPort: 8, toPort: -1, groupId: "sg-app", description: "ping (echo request) from the app" },
    ],
    egress: [{ protocol: "-1", cidr: "0.0.0.0/0" }],
  },
  {
    id: "sg-nodes",
    name: "eks-nodes",
    ingress: [{ protocol: "tcp", fromPort: 30000, toPort: 32767, cidr: VPC, description: "NodePorts from the VPC" }],
    egress: [{ protocol: "-1", cidr: "0.0.0.0/0" }],
  },
  {
    id: "sg-ops",
    name: "ops",
    ingress: [{ protocol: "-1", cidr: VPC, description: "everything from inside the VPC" }],
    egress: [{ protocol: "-1", cidr: "0.0.0.0/0" }],
  },
  {
    id: "sg-bastion",
    name: "bastion",
    ingress: [
      { protocol: "tcp", fromPort: 22, toPort: 22, cidr: "198.51.100.0/24", description: "SSH from the office" },
    ],
    egress: [{ protocol: "-1", cidr: "0.0.0.0/0" }],
  },
];

const internet: Endpoint = { ip: "203.0.113.9" };
const internet6: Endpoint = { ip: "2001:db8::7" };
const office: Endpoint = { ip: "198.51.100.23" };
const alb: Endpoint = { ip: "10.0.1.10", securityGroups: ["sg-alb"] };
const app: Endpoint = { ip: "10.0.16.20", securityGroups: ["sg-app"] };
const db: Endpoint = { ip: "10.0.32.5", securityGroups: ["sg-db"] };
const node: Endpoint = { ip: "10.0.17.3", securityGroups: ["sg-nodes"] };
const ops: Endpoint = { ip: "10.0.40.9", securityGroups: ["sg-ops"] };
const bastion: Endpoint = { ip: "10.0.2.8", securityGroups: ["sg-bastion"] };

function tcp(from: Endpoint, to: Endpoint, port: number): Flow {
  return { from, to, protocol: "tcp", port };
}

function expectVerdict(flow: Flow, allowed: boolean, why: string): ReturnType<typeof isReachable> {
  const v = isReachable(GROUPS, flow);
  assert.equal(
    v.allowed,
    allowed,
    `${flow.protocol}/${flow.port} from ${flow.from.ip} to ${flow.to.ip}: expected ${allowed ? "allowed" : "denied"} (${why}), got ${JSON.stringify(v)}`,
  );
  assert.equal(typeof v.reason, "string", "a reason for humans");
  assert.ok(v.reason.length > 0, "a non-empty reason");
  return v;
}

test("ruleMatches: protocol, inclusive port ranges, -1 for everything, CIDR and group peers", () => {
  const range = { protocol: "tcp" as const, fromPort: 30000, toPort: 32767, cidr: VPC };
  assert.equal(ruleMatches(range, app, "tcp", 30000), true, "the first port of a range is included");
  assert.equal(ruleMatches(range, app, "tcp", 32767), true, "the last port of a range is included");
  assert.equal(ruleMatches(range, app, "tcp", 29999), false, "29999 is below the range");
  assert.equal(ruleMatches(range, app, "tcp", 32768), false, "32768 is above the range");
  assert.equal(ruleMatches(range, app, "udp", 31000), false, "a tcp rule does not cover udp");
  assert.equal(ruleMatches(range, internet, "tcp", 31000), false, "203.0.113.9 is not in 10.0.0.0/16");
  const all = { protocol: "-1" as const, cidr: VPC };
  for (const [p, port] of [
    ["tcp", 1],
    ["udp", 514],
    ["icmp", 8],
    ["tcp", 65535],
  ] as const) {
    assert.equal(ruleMatches(all, app, p, port), true, `protocol -1 covers ${p}/${port}`);
  }
  const fromAlb = { protocol: "tcp" as const, fromPort: 8080, toPort: 8080, groupId: "sg-alb" };
  assert.equal(ruleMatches(fromAlb, alb, "tcp", 8080), true, "a member of sg-alb matches a rule naming sg-alb");
  assert.equal(
    ruleMatches(fromAlb, { ip: alb.ip }, "tcp", 8080),
    false,
    "the ALB's address without the group does not",
  );
  const ping = { protocol: "icmp" as const, fromPort: 8, toPort: -1, groupId: "sg-app" };
  assert.equal(ruleMatches(ping, app, "icmp", 8), true, "ICMP type 8 (echo request)");
  assert.equal(ruleMatches(ping, app, "icmp", 3), false, "ICMP type 3 is another type");
  assert.equal(
    ruleMatches({ protocol: "icmp", fromPort: -1, toPort: -1, cidr: VPC }, app, "icmp", 3),
    true,
    "ICMP -1: every type",
  );
  assert.throws(
    () => ruleMatches({ protocol: "tcp", fromPort: 1, toPort: 2, cidr: VPC, groupId: "sg-app" }, app, "tcp", 1),
    /exactly one/,
  );
  assert.throws(() => ruleMatches({ protocol: "tcp", fromPort: 1, toPort: 2 }, app, "tcp", 1), /exactly one/);
});

test("the ALB reaches the app on 8080; the internet does not", () => {
  const ok = expectVerdict(
    tcp(alb, app, 8080),
    true,
    "sg-app admits sg-alb on 8080, and sg-alb may send to sg-app on 8080",
  );
  assert.deepEqual(ok.ingress, { groupId: "sg-app", index: 0 }, "the app's first ingress rule matched");
  assert.deepEqual(ok.egress, { groupId: "sg-alb", index: 0 }, "the ALB's only egress rule matched");
  const no = expectVerdict(tcp(internet, app, 8080), false, "no rule of sg-app admits an internet address");
  assert.equal(no.ingress, null, "no ingress rule matched");
  assert.equal(no.egress, "not-applicable", "an internet client has no security group, so no egress rules");
  expectVerdict(tcp(alb, app, 9090), false, "only 8080 is open on the app");
});

test("the internet reaches the ALB on 443 over IPv4 and IPv6, and on 80 only over IPv4", () => {
  assert.deepEqual(expectVerdict(tcp(internet, alb, 443), true, "0.0.0.0/0 on 443").ingress, {
    groupId: "sg-alb",
    index: 0,
  });
  assert.deepEqual(expectVerdict(tcp(internet6, alb, 443), true, "::/0 on 443").ingress, {
    groupId: "sg-alb",
    index: 1,
  });
  expectVerdict(tcp(internet, alb, 80), true, "0.0.0.0/0 on 80");
  expectVerdict(
    tcp(internet6, alb, 80),
    false,
    "0.0.0.0/0 never matches an IPv6 address, and there is no ::/0 rule for 80",
  );
  expectVerdict(tcp(internet, alb, 8080), false, "the ALB does not listen to the internet on 8080");
});

test("group references match membership, not addresses; groups and rules are tried in order", () => {
  // Same subnet as the ALB, even the next address, but not in sg-alb: refused.
  const neighbour: Endpoint = { ip: "10.0.1.11", securityGroups: ["sg-app"] };
  expectVerdict(tcp(neighbour, app, 8080), false, "only members of sg-alb may reach 8080");
  // Two groups on the source: the first listed group's egress rule is the one reported.
  const both: Endpoint = { ip: "10.0.1.12", securityGroups: ["sg-bastion", "sg-alb"] };
  const v = expectVerdict(tcp(both, app, 8080), true, "membership of sg-alb is enough, whatever else it belongs to");
  assert.deepEqual(
    v.egress,
    { groupId: "sg-bastion", index: 0 },
    "sg-bastion is listed first and its egress allows all",
  );
  assert.deepEqual(v.ingress, { groupId: "sg-app", index: 0 });
  // Two groups on the target: the rules add up.
  const multi: Endpoint = { ip: "10.0.33.1", securityGroups: ["sg-db", "sg-ops"] };
  assert.deepEqual(
    expectVerdict({ from: app, to: multi, protocol: "udp", port: 53 }, true, "sg-ops admits all from the VPC").ingress,
    {
      groupId: "sg-ops",
      index: 0,
    },
  );
  assert.deepEqual(expectVerdict(tcp(app, multi, 5432), true, "sg-db admits the app on 5432").ingress, {
    groupId: "sg-db",
    index: 0,
  });
});

test("egress rules of the source matter too: the ALB may not open connections except to the app on 8080", () => {
  // The nodes admit NodePorts from the whole VPC (the ALB's address is inside), but the ALB's egress forbids it.
  const v = expectVerdict(tcp(alb, node, 31000), false, "sg-alb's egress only allows tcp/8080 to sg-app");
  assert.equal(v.egress, null, "no egress rule matched");
  assert.deepEqual(v.ingress, { groupId: "sg-nodes", index: 0 }, "the target's ingress alone would have allowed it");
  expectVerdict(tcp(app, db, 5432), true, "the app's default egress allows all, and sg-db admits sg-app on 5432");
  expectVerdict(tcp(alb, db, 5432), false, "the database admits only the app");
  // Outbound to the internet: only the source's egress applies (the server on the internet has no security group).
  const out = expectVerdict(tcp(app, internet, 443), true, "the default egress rule allows all outbound IPv4");
  assert.equal(out.ingress, "not-applicable");
  expectVerdict(tcp(alb, internet, 443), false, "the ALB's tightened egress allows no internet traffic");
});

test("port ranges, protocol -1, ICMP and the bastion", () => {
  for (const [port, allowed] of [
    [29999, false],
    [30000, true],
    [31000, true],
    [32767, true],
    [32768, false],
  ] as const) {
    expectVerdict(tcp(ops, node, port), allowed, `NodePorts are 30000-32767 inclusive (port ${port})`);
  }
  expectVerdict({ from: ops, to: node, protocol: "udp", port: 31000 }, false, "the NodePort rule is tcp only");
  expectVerdict({ from: app, to: ops, protocol: "udp", port: 514 }, true, "protocol -1 from the VPC: udp too");
  expectVerdict({ from: app, to: ops, protocol: "icmp", port: 0 }, true, "protocol -1: icmp too");
  expectVerdict(tcp(internet, ops, 22), false, "-1 from 10.0.0.0/16 does not cover the internet");
  expectVerdict({ from: app, to: db, protocol: "icmp", port: 8 }, true, "ping (type 8) from the app");
  expectVerdict({ from: app, to: db, protocol: "icmp", port: 13 }, false, "only ICMP type 8 is allowed");
  expectVerdict(tcp(office, bastion, 22), true, "SSH from the office range");
  expectVerdict(tcp(internet, bastion, 22), false, "SSH from elsewhere");
  expectVerdict(tcp(bastion, app, 22), true, "the app admits SSH from sg-bastion");
});

test("bad input gets clear errors", () => {
  assert.throws(
    () => isReachable(GROUPS, tcp(alb, { ip: "10.0.9.9", securityGroups: ["sg-missing"] }, 8080)),
    /unknown security group/,
  );
  assert.throws(
    () => isReachable(GROUPS, tcp({ ip: "10.0.9.9", securityGroups: ["sg-nope"] }, app, 8080)),
    /unknown security group/,
  );
  assert.throws(() => isReachable(GROUPS, tcp(internet, office, 443)), /at least one/);
  for (const port of [-1, 65536, 80.5]) {
    assert.throws(() => isReachable(GROUPS, tcp(alb, app, port)), /port/, `port ${port}`);
  }
});
