import { runSimulation } from "@cloud-copilot/iam-simulate";

/** An IAM policy document, as JSON (Version + Statement). */
export interface PolicyDocument {
  Version: string;
  Statement: Record<string, unknown>[] | Record<string, unknown>;
}

/** One request of a matrix, and the decision a correct policy set must give it. */
export interface IamCase {
  /** Shown when the case fails, e.g. "read a training file". */
  label: string;
  action: string;
  resource: string;
  /** The ARN making the call (default: the training role). */
  principal?: string;
  /** The account that owns the resource (default 123456789012). */
  resourceAccount?: string;
  /** Condition keys of the request, e.g. { "sts:ExternalId": "abc" }. */
  context?: Record<string, string | string[]>;
  expect: "allow" | "deny";
}

/** The policies in force: the caller's identity policies and, where the resource has one, its resource policy. */
export interface IamPolicies {
  identityPolicies: PolicyDocument[];
  /** A bucket policy, or a role's trust policy when the action is sts:AssumeRole. */
  resourcePolicy?: PolicyDocument;
  permissionBoundary?: PolicyDocument;
}

export interface IamDecision extends IamCase {
  /** "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied", or "Error: ..." when the simulator refused the input. */
  decision: string;
  ok: boolean;
}

export const DEFAULT_PRINCIPAL = "arn:aws:iam::123456789012:role/training-job";
const DEFAULT_ACCOUNT = "123456789012";

/**
 * Evaluates one request with @cloud-copilot/iam-simulate, the IAM policy evaluation logic (identity, resource and
 * boundary policies, explicit and implicit deny, cross-account rules) as a library.
 */
export async function decide(policies: IamPolicies, c: IamCase): Promise<string> {
  const result = await runSimulation(
    {
      request: {
        principal: c.principal ?? DEFAULT_PRINCIPAL,
        action: c.action,
        resource: { resource: c.resource, accountId: c.resourceAccount ?? DEFAULT_ACCOUNT },
        contextVariables: c.context ?? {},
      },
      identityPolicies: policies.identityPolicies.map((policy, i) => ({ name: `identity-${i + 1}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: policies.resourcePolicy,
      permissionBoundaryPolicies: policies.permissionBoundary
        ? [{ name: "boundary", policy: policies.permissionBoundary }]
        : undefined,
    },
    {},
  );
  if (result.resultType === "error") return `Error: ${JSON.stringify(result.errors)}`;
  return result.overallResult;
}

/** Runs every case; `ok` says whether the decision matched the expectation. */
export async function evaluateMatrix(policies: IamPolicies, cases: IamCase[]): Promise<IamDecision[]> {
  const out: IamDecision[] = [];
  for (const c of cases) {
    const decision = await decide(policies, c);
    const allowed = decision === "Allowed";
    out.push({ ...c, decision, ok: !decision.startsWith("Error") && allowed === (c.expect === "allow") });
  }
  return out;
}

/** The failing rows as readable lines ("expected allow, got ImplicitlyDenied: s3:GetObject on ..."). */
export function matrixFailures(decisions: IamDecision[]): string[] {
  return decisions
    .filter((d) => !d.ok)
    .map((d) => `${d.label}: expected ${d.expect}, got ${d.decision} for ${d.action} on ${d.resource}`);
}
