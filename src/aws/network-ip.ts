// IP addresses and CIDR blocks as bytes, for the week-5 networking notebook and the security-group exercise: is this
// address inside that block? IPv4 and IPv6 alike, with no bigint (tslab compiles for an older target) and no
// dependency. The CIDR *planning* (splitting a VPC into subnets) is the learner's exercise, not this file's job.

export type IpFamily = 4 | 6;

export interface ParsedIp {
  family: IpFamily;
  /** Network byte order: 4 bytes for IPv4, 16 for IPv6. */
  bytes: number[];
}

export interface ParsedCidr extends ParsedIp {
  prefix: number;
}

const IPV4_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const p of parts) {
    // Leading zeros are refused: some tools read "010" as octal 8, so it has no single meaning.
    if (!IPV4_OCTET.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    bytes.push(n);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | null {
  if (text.length === 0 || text.includes(":::")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (s: string): string[] => (s === "" ? [] : s.split(":"));
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  // An embedded IPv4 address (::ffff:10.0.0.1) stands for the last two groups.
  const all = [...head, ...tail];
  let v4: number[] | null = null;
  const last = all[all.length - 1];
  if (last?.includes(".")) {
    v4 = parseIpv4(last);
    if (!v4) return null;
    if (tail.length > 0) tail.pop();
    else head.pop();
  }
  const groupCount = head.length + tail.length + (v4 ? 2 : 0);
  if (halves.length === 1 ? groupCount !== 8 : groupCount > 7) return null;
  const groups = [...head, ...Array(8 - groupCount).fill("0"), ...tail];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!HEXTET.test(g)) return null;
    const n = Number.parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return v4 ? [...bytes, ...v4] : bytes;
}

/** Parses "10.0.1.7" or "2001:db8::1"; throws an Error mentioning "invalid IP" otherwise. */
export function parseIp(text: string): ParsedIp {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = trimmed.includes(":") ? parseIpv6(trimmed) : null;
  if (v6) return { family: 6, bytes: v6 };
  throw new Error(`invalid IP address "${text}"`);
}

/** Parses "10.0.0.0/16" or "::/0"; throws an Error mentioning "invalid CIDR" otherwise. Host bits may be set. */
export function parseCidr(text: string): ParsedCidr {
  const [address, prefixText, ...rest] = text.trim().split("/");
  if (rest.length > 0 || prefixText === undefined || !/^[0-9]{1,3}$/.test(prefixText)) {
    throw new Error(`invalid CIDR "${text}": expected address/prefix, e.g. 10.0.0.0/16 or ::/0`);
  }
  let ip: ParsedIp;
  try {
    ip = parseIp(address);
  } catch {
    throw new Error(`invalid CIDR "${text}": "${address}" is not an IP address`);
  }
  const prefix = Number(prefixText);
  const max = ip.family === 4 ? 32 : 128;
  if (prefix > max) throw new Error(`invalid CIDR "${text}": an IPv${ip.family} prefix is 0..${max}`);
  return { ...ip, prefix };
}

/** Whether the first `bits` bits of two equal-length byte arrays agree. */
function samePrefix(a: number[], b: number[], bits: number): boolean {
  const whole = Math.floor(bits / 8);
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const partial = bits % 8;
  if (partial === 0) return true;
  const mask = (0xff << (8 - partial)) & 0xff;
  return (a[whole] & mask) === (b[whole] & mask);
}

/**
 * True when `ip` lies inside `cidr`. Families never mix: 0.0.0.0/0 contains every IPv4 address and no IPv6 one,
 * which is exactly why a security group needs a separate ::/0 rule to admit IPv6 clients.
 */
export function ipInCidr(ip: string, cidr: string): boolean {
  const address = parseIp(ip);
  const block = parseCidr(cidr);
  if (address.family !== block.family) return false;
  return samePrefix(address.bytes, block.bytes, block.prefix);
}

/** The family of an address or CIDR ("10.0.0.0/8" → 4). */
export function ipFamily(text: string): IpFamily {
  return text.includes("/") ? parseCidr(text).family : parseIp(text).family;
}
