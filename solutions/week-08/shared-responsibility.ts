// Reference solution for shared-responsibility.
import {
  CONTROLS,
  type Control,
  type Owner,
  SERVICES,
  type Service,
} from "../../exercises/week-08/shared-responsibility-controls";

/** The more AWS manages, the more it owns: the operating system of RDS, Lambda and S3 is AWS's. */
const RULES: Record<Control, Record<Service, Owner>> = {
  "physical-security": { EC2: "aws", RDS: "aws", Lambda: "aws", S3: "aws" },
  "hardware-and-virtualization": { EC2: "aws", RDS: "aws", Lambda: "aws", S3: "aws" },
  "os-patching": { EC2: "customer", RDS: "aws", Lambda: "aws", S3: "aws" },
  "scaling-capacity": { EC2: "customer", RDS: "customer", Lambda: "aws", S3: "aws" },
  "multi-az-resilience": { EC2: "customer", RDS: "customer", Lambda: "aws", S3: "aws" },
  "iam-access": { EC2: "customer", RDS: "customer", Lambda: "customer", S3: "customer" },
  "data-classification": { EC2: "customer", RDS: "customer", Lambda: "customer", S3: "customer" },
  "encryption-configuration": { EC2: "customer", RDS: "customer", Lambda: "customer", S3: "customer" },
};

export function owner(service: Service, control: Control): Owner {
  if (!SERVICES.includes(service)) throw new Error(`unknown service "${service}"`);
  if (!(control in CONTROLS)) throw new Error(`unknown control "${control}"`);
  return RULES[control][service];
}

export function customerControls(service: Service): Control[] {
  if (!SERVICES.includes(service)) throw new Error(`unknown service "${service}"`);
  return (Object.keys(CONTROLS) as Control[]).filter((c) => owner(service, c) === "customer");
}
