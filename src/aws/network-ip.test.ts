// ipInCidr against the ip-address package, the independent reference, on fixed and seeded random cases.
import assert from "node:assert/strict";
import { Address4, Address6 } from "ip-address";
import { test } from "vitest";
import { createRng } from "../data/random";
import { ipFamily, ipInCidr, parseCidr, parseIp } from "./network-ip";

function referenceContains(ip: string, cidr: string): boolean {
  const v4 = !cidr.includes(":");
  if (v4 !== !ip.includes(":")) return false;
  return v4 ? new Address4(ip).isInSubnet(new Address4(cidr)) : new Address6(ip).isInSubnet(new Address6(cidr));
}

test("worked cases: VPC blocks, the whole internet, and families that never mix", () => {
  const cases: [string, string, boolean][] = [
    ["10.0.1.7", "10.0.0.0/16", true],
    ["10.1.0.1", "10.0.0.0/16", false],
    ["10.0.255.255", "10.0.0.0/16", true],
    ["203.0.113.9", "0.0.0.0/0", true],
    ["2001:db8::1", "0.0.0.0/0", false],
    ["2001:db8::1", "::/0", true],
    ["10.0.0.1", "::/0", false],
    ["2001:db8:0:1::5", "2001:db8::/48", true],
    ["2001:db9::5", "2001:db8::/32", false],
    ["::ffff:10.0.0.1", "::ffff:0:0/96", true],
    ["192.168.1.130", "192.168.1.128/25", true],
    ["192.168.1.127", "192.168.1.128/25", false],
    ["10.0.0.5", "10.0.0.5/32", true],
  ];
  for (const [ip, cidr, expected] of cases) {
    assert.equal(ipInCidr(ip, cidr), expected, `${ip} in ${cidr}: expected ${expected}`);
    assert.equal(referenceContains(ip, cidr), expected, `the reference agrees on ${ip} in ${cidr}`);
  }
});

test("matches ip-address on 2000 seeded random IPv4 and IPv6 cases", () => {
  const random = createRng(5);
  const rng = () => random.next();
  const byte = () => Math.floor(rng() * 256);
  for (let i = 0; i < 1000; i++) {
    const base = [10, byte(), byte(), byte()];
    const prefix = Math.floor(rng() * 33);
    const ip = [10, rng() < 0.5 ? base[1] : byte(), byte(), byte()].join(".");
    const cidr = `${base.join(".")}/${prefix}`;
    assert.equal(ipInCidr(ip, cidr), referenceContains(ip, cidr), `${ip} in ${cidr}`);
  }
  const hextet = () => Math.floor(rng() * 65536).toString(16);
  for (let i = 0; i < 1000; i++) {
    const base = ["2001", "db8", hextet(), hextet(), hextet(), hextet(), hextet(), hextet()];
    const near = [...base.slice(0, 3), rng() < 0.5 ? base[3] : hextet(), hextet(), hextet(), hextet(), hextet()];
    const prefix = Math.floor(rng() * 129);
    const cidr = `${base.join(":")}/${prefix}`;
    assert.equal(ipInCidr(near.join(":"), cidr), referenceContains(near.join(":"), cidr), `${near} in ${cidr}`);
  }
});

test("parses compressed IPv6 forms to the same bytes as the full form", () => {
  assert.deepEqual(parseIp("2001:db8::1").bytes, parseIp("2001:0db8:0:0:0:0:0:0001").bytes);
  assert.deepEqual(parseIp("::").bytes, Array(16).fill(0));
  assert.deepEqual(parseIp("::ffff:1.2.3.4").bytes.slice(10), [0xff, 0xff, 1, 2, 3, 4]);
  assert.equal(ipFamily("::/0"), 6);
  assert.equal(ipFamily("10.0.0.1"), 4);
  assert.equal(parseCidr("10.0.0.0/16").prefix, 16);
});

test("rejects malformed addresses and CIDRs with a clear error", () => {
  for (const bad of [
    "10.0.0",
    "10.0.0.256",
    "010.0.0.1",
    "1::2::3",
    "1:2:3:4:5:6:7:8:9",
    "gggg::1",
    "",
    "10.0.0.1.2",
  ]) {
    assert.throws(() => parseIp(bad), /invalid IP/, `"${bad}" must be refused`);
  }
  for (const bad of ["10.0.0.0", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/8/8", "x/8"]) {
    assert.throws(() => parseCidr(bad), /invalid CIDR/, `"${bad}" must be refused`);
  }
});
