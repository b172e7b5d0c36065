// Grades exercises/week-08/shared-responsibility.ts (and proves solutions/week-08/shared-responsibility.ts with the
// same file). Each expected owner comes with the reason, from the AWS Shared Responsibility Model page and the
// service guides named in shared-responsibility-controls.ts.
import assert from "node:assert/strict";
import { test } from "vitest";
import { customerControls, owner } from "./shared-responsibility";
import { CONTROLS, type Control, type Owner, SERVICES, type Service } from "./shared-responsibility-controls";

const EXPECTED: [Control, Service, Owner, string][] = [
  ["physical-security", "EC2", "aws", "data centers are AWS's on every service: security OF the cloud"],
  ["physical-security", "S3", "aws", "data centers are AWS's on every service"],
  ["hardware-and-virtualization", "EC2", "aws", "the host and hypervisor under your instance are AWS's"],
  ["hardware-and-virtualization", "Lambda", "aws", "AWS runs the servers behind every function"],
  [
    "os-patching",
    "EC2",
    "customer",
    "an EC2 instance's guest OS is yours to patch (Systems Manager Patch Manager helps)",
  ],
  ["os-patching", "RDS", "aws", "RDS manages the database host's operating system; you never log in to it"],
  ["os-patching", "Lambda", "aws", "Lambda runs on AWS-managed execution environments and patches managed runtimes"],
  ["os-patching", "S3", "aws", "S3 exposes no server at all"],
  ["scaling-capacity", "EC2", "customer", "you choose the instance count (or set up EC2 Auto Scaling)"],
  ["scaling-capacity", "RDS", "customer", "you choose the DB instance class and add read replicas"],
  ["scaling-capacity", "Lambda", "aws", "Lambda adds execution environments as requests arrive"],
  ["scaling-capacity", "S3", "aws", "S3 grows with what you store; there is nothing to provision"],
  [
    "multi-az-resilience",
    "EC2",
    "customer",
    "an instance lives in one AZ: spreading instances over AZs is your design",
  ],
  ["multi-az-resilience", "RDS", "customer", "a Multi-AZ deployment is an option you turn on"],
  ["multi-az-resilience", "Lambda", "aws", "Lambda runs functions in multiple AZs of the Region"],
  ["multi-az-resilience", "S3", "aws", "S3 Standard stores objects across at least three AZs"],
  ["iam-access", "EC2", "customer", "IAM policies are always the customer's: security IN the cloud"],
  ["iam-access", "RDS", "customer", "who may connect or call the RDS API is your policy"],
  ["iam-access", "Lambda", "customer", "the function's execution role and who may invoke it are yours"],
  ["iam-access", "S3", "customer", "bucket policies and IAM policies are yours"],
  ["data-classification", "EC2", "customer", "your data is always yours"],
  ["data-classification", "RDS", "customer", "your data is always yours"],
  ["data-classification", "Lambda", "customer", "your data is always yours"],
  ["data-classification", "S3", "customer", "your data is always yours"],
  ["encryption-configuration", "EC2", "customer", "you choose EBS encryption and the KMS key"],
  ["encryption-configuration", "RDS", "customer", "encryption at rest is chosen when the instance is created"],
  ["encryption-configuration", "Lambda", "customer", "environment-variable keys and what the code encrypts are yours"],
  [
    "encryption-configuration",
    "S3",
    "customer",
    "S3 encrypts new objects by default, but the key choice and key policies are yours",
  ],
];

test("every service and control has an owner, and it is the right one", () => {
  const wrong: string[] = [];
  for (const [control, service, want, why] of EXPECTED) {
    const got = owner(service, control);
    if (got !== want) wrong.push(`${service} / ${control}: expected ${want}, got ${got} (${why})`);
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${EXPECTED.length} wrong:\n  ${wrong.join("\n  ")}`);
  for (const s of SERVICES)
    for (const c of Object.keys(CONTROLS) as Control[]) assert.ok(["aws", "customer"].includes(owner(s, c)));
});

test("the more managed the service, the fewer controls the customer owns", () => {
  const counts = Object.fromEntries(SERVICES.map((s) => [s, customerControls(s).length]));
  assert.deepEqual(customerControls("EC2"), [
    "os-patching",
    "scaling-capacity",
    "multi-az-resilience",
    "iam-access",
    "data-classification",
    "encryption-configuration",
  ]);
  assert.ok(
    counts.EC2 > counts.RDS && counts.RDS > counts.Lambda,
    `EC2 ${counts.EC2} > RDS ${counts.RDS} > Lambda ${counts.Lambda}`,
  );
  assert.equal(counts.Lambda, counts.S3);
  for (const s of SERVICES)
    assert.ok(customerControls(s).includes("iam-access"), `${s}: access is always the customer's`);
});

test("unknown names throw", () => {
  assert.throws(() => owner("EKS" as Service, "iam-access"), /service/);
  assert.throws(() => owner("EC2", "dns" as Control), /control/);
  assert.throws(() => customerControls("Glacier" as Service), /service/);
});
