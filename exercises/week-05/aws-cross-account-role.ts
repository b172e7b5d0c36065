// Week 5 · Cross-account access: a job in account A reads a bucket in account B by assuming a role in B.
// Read the "Assume-role and cross-account access" section of notebooks/week-05-aws-networking-and-iam.ipynb first.
// Grade it with `npm run grade aws-cross-account-role`; stuck? `npm run hint aws-cross-account-role`.
//
// The test runs your four policies through @cloud-copilot/iam-simulate (AWS's policy evaluation logic as a library)
// against a matrix of requests that must be allowed and requests that must be denied, then removes one side at a
// time to prove that a cross-account AssumeRole needs BOTH account A's permission and account B's trust.
import type { PolicyDocument } from "../../src/aws/iam";
import { todo } from "../../src/grader/todo";

/** Who is who. The test uses other names and ids too, so build every ARN from these fields. */
export interface CrossAccountSetup {
  /** The job's role in account A, e.g. "arn:aws:iam::111111111111:role/nightly-training". */
  jobRoleArn: string;
  /** The role in account B that the job assumes, e.g. "arn:aws:iam::222222222222:role/dataset-reader". */
  readerRoleArn: string;
  /** The bucket in account B that holds the shared datasets, e.g. "b-shared-datasets". */
  bucket: string;
  /** The value account B handed to account A for this integration (2-1224 characters). */
  externalId: string;
}

/**
 * Account A's side: the identity policy attached to the job's role. It lets the job call sts:AssumeRole on the
 * reader role, and on nothing else. Throws an Error mentioning "ExternalId" when setup.externalId is shorter than 2
 * characters (the API's minimum), since every policy below depends on it being usable.
 */
export function jobAssumePolicy(setup: CrossAccountSetup): PolicyDocument {
  return todo("aws-cross-account-role");
}

/**
 * Account B's side of the assume: the reader role's trust policy. Only the job's role (that exact role, not every
 * principal in account A) may assume it, and only when the request carries the agreed sts:ExternalId.
 * Throws an Error mentioning "ExternalId" for an externalId shorter than 2 characters, like jobAssumePolicy.
 */
export function readerTrustPolicy(setup: CrossAccountSetup): PolicyDocument {
  return todo("aws-cross-account-role");
}

/**
 * What a session of the reader role may do: list the bucket and read its objects. No writes, no deletes, no other
 * bucket.
 */
export function readerPermissionsPolicy(setup: CrossAccountSetup): PolicyDocument {
  return todo("aws-cross-account-role");
}

/**
 * The bucket's resource policy in account B: the reader role may list the bucket and read its objects; nobody else is
 * granted anything (in particular not account A's job directly); and every request that does not use TLS is
 * explicitly denied, whoever makes it.
 */
export function bucketPolicy(setup: CrossAccountSetup): PolicyDocument {
  return todo("aws-cross-account-role");
}
