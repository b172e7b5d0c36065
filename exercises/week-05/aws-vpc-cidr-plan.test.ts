// Grades exercises/week-05/aws-vpc-cidr-plan.ts (and proves solutions/week-05/aws-vpc-cidr-plan.ts with the very same
// file). Every plan is checked with the ip-address package, an independent implementation of the address maths:
// each subnet parses, has the requested prefix, starts on its own boundary, lies inside the VPC and overlaps no other;
// the reserved and usable addresses are recomputed from ip-address's own first and last addresses.
import assert from "node:assert/strict";
import { Address4 } from "ip-address";
import { test } from "vitest";
import { createRng } from "../../src/data/random";
import { type PlanRequest, planSubnets, prefixForHosts, usableHosts, type VpcPlan } from "./aws-vpc-cidr-plan";

function ip(n: bigint): string {
  return Address4.fromBigInt(n).correctForm();
}

/** Checks a plan against the request with ip-address; the messages say which subnet broke which rule. */
function checkPlan(req: PlanRequest, plan: VpcPlan): void {
  const vpc = new Address4(req.vpcCidr);
  const vpcStart = vpc.startAddress().bigInt();
  const vpcEnd = vpc.endAddress().bigInt();
  assert.equal(
    plan.subnets.length,
    2 * req.azs.length,
    `one public and one private subnet per zone: expected ${2 * req.azs.length}, got ${plan.subnets.length}`,
  );
  const spans: { name: string; start: bigint; end: bigint }[] = [];
  let used = 0n;
  for (const az of req.azs) {
    for (const tier of ["public", "private"] as const) {
      const s = plan.subnets.find((x) => x.az === az && x.tier === tier);
      assert.ok(s, `missing the ${tier} subnet of ${az}`);
      assert.equal(s.name, `${tier}-${az}`, "the name is the tier, a hyphen and the zone");
      assert.ok(Address4.isValid(s.cidr), `${s.name}: "${s.cidr}" is not a valid IPv4 CIDR`);
      const a = new Address4(s.cidr);
      const prefix = tier === "public" ? req.publicPrefix : req.privatePrefix;
      assert.equal(a.subnetMask, prefix, `${s.name}: expected a /${prefix}, got ${s.cidr}`);
      const start = a.startAddress().bigInt();
      const end = a.endAddress().bigInt();
      assert.equal(a.bigInt(), start, `${s.name}: ${s.cidr} is not aligned: a /${prefix} must start at ${ip(start)}`);
      assert.ok(start >= vpcStart && end <= vpcEnd, `${s.name}: ${s.cidr} is outside the VPC ${req.vpcCidr}`);
      assert.ok(a.isInSubnet(vpc), `${s.name}: ip-address says ${s.cidr} is not in ${req.vpcCidr}`);
      assert.deepEqual(
        s.reserved,
        [start, start + 1n, start + 2n, start + 3n, end].map(ip),
        `${s.name}: the 5 reserved addresses`,
      );
      assert.equal(s.firstUsable, ip(start + 4n), `${s.name}: first usable address`);
      assert.equal(s.lastUsable, ip(end - 1n), `${s.name}: last usable address`);
      const usable = Number(end - start + 1n) - 5;
      assert.equal(s.usableHosts, usable, `${s.name}: usable hosts, expected ${usable}, got ${s.usableHosts}`);
      spans.push({ name: s.name, start, end });
      used += end - start + 1n;
    }
  }
  spans.sort((x, y) => (x.start < y.start ? -1 : 1));
  for (let i = 1; i < spans.length; i++) {
    const [p, q] = [spans[i - 1], spans[i]];
    assert.ok(
      q.start > p.end,
      `${p.name} and ${q.name} overlap (${ip(p.start)}-${ip(p.end)} and ${ip(q.start)}-${ip(q.end)})`,
    );
  }
  const free = Number(vpcEnd - vpcStart + 1n - used);
  assert.equal(
    plan.unallocatedAddresses,
    free,
    `unallocatedAddresses: expected ${free}, got ${plan.unallocatedAddresses}`,
  );
}

test("usableHosts is 2^(32-prefix) minus AWS's 5 reserved addresses, for /16../28 only", () => {
  const expected: [number, number][] = [
    [16, 65531],
    [20, 4091],
    [24, 251],
    [27, 27],
    [28, 11],
  ];
  for (const [prefix, hosts] of expected) assert.equal(usableHosts(prefix), hosts, `usableHosts(${prefix})`);
  for (const bad of [15, 29, 32, 8, 24.5])
    assert.throws(() => usableHosts(bad), /\/16[\s\S]*\/28/, `usableHosts(${bad})`);
});

test("prefixForHosts picks the smallest subnet that holds the hosts", () => {
  const cases: [number, number][] = [
    [1, 28],
    [11, 28],
    [12, 27],
    [251, 24],
    [252, 23],
    [1000, 22],
    [4091, 20],
    [4092, 19],
    [65531, 16],
  ];
  for (const [hosts, prefix] of cases) assert.equal(prefixForHosts(hosts), prefix, `prefixForHosts(${hosts})`);
  assert.throws(() => prefixForHosts(65532), /\/16/);
  for (const bad of [0, -3, 2.5]) assert.throws(() => prefixForHosts(bad), /positive/, `prefixForHosts(${bad})`);
});

test("a /16 across three zones: /24 public and /20 private subnets, checked with ip-address", () => {
  const req = {
    vpcCidr: "10.0.0.0/16",
    azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
    publicPrefix: 24,
    privatePrefix: 20,
  };
  const plan = planSubnets(req);
  assert.equal(plan.vpcCidr, "10.0.0.0/16");
  checkPlan(req, plan);
  assert.equal(plan.unallocatedAddresses, 65536 - 3 * 256 - 3 * 4096, "65536 - 3·256 - 3·4096 = 52480 left");
});

test("worked by hand: 10.0.0.0/24 split into two /25s", () => {
  const plan = planSubnets({ vpcCidr: "10.0.0.0/24", azs: ["eu-west-1a"], publicPrefix: 25, privatePrefix: 25 });
  const cidrs = plan.subnets.map((s) => s.cidr).sort();
  assert.deepEqual(cidrs, ["10.0.0.0/25", "10.0.0.128/25"]);
  const low = plan.subnets.find((s) => s.cidr === "10.0.0.0/25")!;
  assert.deepEqual(low.reserved, ["10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.127"]);
  assert.equal(low.firstUsable, "10.0.0.4");
  assert.equal(low.lastUsable, "10.0.0.126");
  assert.equal(low.usableHosts, 123, "128 - 5 = 123");
  const high = plan.subnets.find((s) => s.cidr === "10.0.0.128/25")!;
  assert.deepEqual(high.reserved, ["10.0.0.128", "10.0.0.129", "10.0.0.130", "10.0.0.131", "10.0.0.255"]);
  assert.equal(plan.unallocatedAddresses, 0);
});

test("tight plans fit when the large subnets are placed first, and exact fits use every address", () => {
  // 3 × 64 + 3 × 256 = 960 of 1024 addresses. Interleaving by zone (64, then align to 256, 64, align, ...) wastes
  // 192 addresses before each /24 and runs out; placing the /24s first packs everything.
  const tight = { vpcCidr: "172.16.0.0/22", azs: ["a", "b", "c"], publicPrefix: 26, privatePrefix: 24 };
  checkPlan(tight, planSubnets(tight));
  const exact = { vpcCidr: "10.20.0.0/16", azs: ["a", "b", "c", "d"], publicPrefix: 19, privatePrefix: 19 };
  const plan = planSubnets(exact);
  checkPlan(exact, plan);
  assert.equal(plan.unallocatedAddresses, 0, "8 × /19 fill a /16 exactly");
});

test("addresses above 128.0.0.0 work too (no signed 32-bit overflow)", () => {
  for (const req of [
    { vpcCidr: "172.31.0.0/16", azs: ["us-east-1a", "us-east-1b"], publicPrefix: 20, privatePrefix: 18 },
    { vpcCidr: "192.168.0.0/20", azs: ["x", "y"], publicPrefix: 24, privatePrefix: 22 },
    { vpcCidr: "255.255.255.0/24", azs: ["z"], publicPrefix: 28, privatePrefix: 25 },
  ]) {
    checkPlan(req, planSubnets(req));
  }
});

test("200 seeded random requests: every plan that can fit is valid, every other one is refused", () => {
  const random = createRng(55);
  for (let i = 0; i < 200; i++) {
    const vpcPrefix = random.randInt(16, 25);
    const block = 2 ** (32 - vpcPrefix);
    const base = BigInt(random.randInt(0, 2 ** (vpcPrefix - 8)) * block) + (10n << 24n);
    const req = {
      vpcCidr: `${ip(base)}/${vpcPrefix}`,
      azs: ["a", "b", "c", "d"].slice(0, random.randInt(1, 5)),
      publicPrefix: random.randInt(vpcPrefix + 1, 29),
      privatePrefix: random.randInt(vpcPrefix, 29),
    };
    const need = req.azs.length * (2 ** (32 - req.publicPrefix) + 2 ** (32 - req.privatePrefix));
    if (need <= block) {
      checkPlan(req, planSubnets(req));
    } else {
      assert.throws(
        () => planSubnets(req),
        /does not fit/,
        `${JSON.stringify(req)} needs ${need} of ${block} addresses`,
      );
    }
  }
});

test("impossible or malformed plans get clear errors", () => {
  const ok = { vpcCidr: "10.0.0.0/16", azs: ["a", "b"], publicPrefix: 24, privatePrefix: 20 };
  const cases: [Partial<PlanRequest>, RegExp][] = [
    [{ vpcCidr: "10.0.0.0" }, /invalid CIDR/],
    [{ vpcCidr: "10.0.0.256/16" }, /invalid CIDR/],
    [{ vpcCidr: "10.0.0.0/33" }, /invalid CIDR/],
    [{ vpcCidr: "ten.0.0.0/16" }, /invalid CIDR/],
    [{ vpcCidr: "10.0.1.0/16" }, /network address/],
    [{ vpcCidr: "10.0.0.0/15" }, /\/16[\s\S]*\/28/],
    [{ publicPrefix: 29 }, /\/16[\s\S]*\/28/],
    // Both rules apply to a /12 in a /16 (outside AWS's range, and bigger than the VPC): either message is right.
    [{ privatePrefix: 12 }, /\/16[\s\S]*\/28|does not fit/],
    [{ vpcCidr: "10.0.0.0/20", privatePrefix: 19 }, /does not fit/],
    [{ azs: [] }, /availability zone/],
    [{ azs: ["a", "b", "a"] }, /duplicate/],
    [{ azs: ["a", "b", "c", "d"], privatePrefix: 17 }, /does not fit/],
  ];
  for (const [patch, re] of cases) {
    assert.throws(() => planSubnets({ ...ok, ...patch }), re, `${JSON.stringify(patch)} should throw ${re}`);
  }
});
