// Week 3 · IAM for ML: the SageMaker execution role, its trust policy and its least-privilege permissions.
// Read the "IAM roles for ML workloads" section of notebooks/week-03-aws-sagemaker.ipynb first.
// Grade it with `npm run grade aws-iam-sagemaker-role`; stuck? `npm run hint aws-iam-sagemaker-role`.
import type { PolicyDocument } from "../../src/aws/iam";
import { todo } from "../../src/grader/todo";

/**
 * The role's trust policy (its "assume role policy document"): who may become this role. Allow exactly the
 * SageMaker service principal, "sagemaker.amazonaws.com", to call sts:AssumeRole, and nobody else: no other
 * service, no user, no account. With `sourceAccount`, also require the request's aws:SourceAccount to equal it,
 * so SageMaker can assume the role only for jobs in that account (the "confused deputy" guard).
 */
export function sagemakerTrustPolicy(options?: { sourceAccount?: string }): PolicyDocument {
  return todo("aws-iam-sagemaker-role");
}

export interface ExecutionRoleSpec {
  accountId: string;
  region: string;
  bucket: string;
  /** Read-only: the training data, e.g. "datasets/" (always ends with "/"). */
  dataPrefix: string;
  /** Write-only: where models go, e.g. "models/" (always ends with "/"). */
  outputPrefix: string;
  /** The ECR repository the training/inference image is pulled from. */
  imageRepositoryArn: string;
}

/**
 * The role's permissions policy, least privilege for a training job:
 * - read objects under dataPrefix, and list the bucket only for keys under dataPrefix (s3:prefix condition);
 * - write (put) objects under outputPrefix; no deletes, no writes to the data, nothing in other buckets or prefixes;
 * - pull the image from imageRepositoryArn (ecr:BatchGetImage, ecr:GetDownloadUrlForLayer,
 *   ecr:BatchCheckLayerAvailability) plus ecr:GetAuthorizationToken, which only works on Resource "*";
 *   no pushes, no other repositories;
 * - CloudWatch Logs under the /aws/sagemaker/ log groups only (logs:CreateLogGroup, logs:CreateLogStream,
 *   logs:PutLogEvents, logs:DescribeLogStreams) in the spec's region and account.
 * Throws mentioning "prefix" when a prefix is empty, does not end with "/", or contains "*".
 */
export function sagemakerExecutionPolicy(spec: ExecutionRoleSpec): PolicyDocument {
  return todo("aws-iam-sagemaker-role");
}
