// Reference solution for exercises/week-03/aws-iam-sagemaker-role.ts.
import type { PolicyDocument } from "../../src/aws/iam";

export function sagemakerTrustPolicy(options: { sourceAccount?: string } = {}): PolicyDocument {
  const statement: Record<string, unknown> = {
    Effect: "Allow",
    Principal: { Service: "sagemaker.amazonaws.com" },
    Action: "sts:AssumeRole",
  };
  if (options.sourceAccount) statement.Condition = { StringEquals: { "aws:SourceAccount": options.sourceAccount } };
  return { Version: "2012-10-17", Statement: [statement] };
}

export interface ExecutionRoleSpec {
  accountId: string;
  region: string;
  bucket: string;
  dataPrefix: string;
  outputPrefix: string;
  imageRepositoryArn: string;
}

function checkPrefix(prefix: string, what: string): void {
  if (!prefix?.endsWith("/") || prefix.includes("*")) {
    throw new Error(`the ${what} prefix "${prefix}" must be non-empty, end with "/" and contain no "*"`);
  }
}

export function sagemakerExecutionPolicy(spec: ExecutionRoleSpec): PolicyDocument {
  checkPrefix(spec.dataPrefix, "data");
  checkPrefix(spec.outputPrefix, "output");
  const bucketArn = `arn:aws:s3:::${spec.bucket}`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ListOnlyTheDataPrefix",
        Effect: "Allow",
        Action: "s3:ListBucket",
        Resource: bucketArn,
        Condition: { StringLike: { "s3:prefix": [`${spec.dataPrefix}*`] } },
      },
      {
        Sid: "ReadTrainingData",
        Effect: "Allow",
        Action: "s3:GetObject",
        Resource: `${bucketArn}/${spec.dataPrefix}*`,
      },
      {
        Sid: "WriteModelArtifacts",
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: `${bucketArn}/${spec.outputPrefix}*`,
      },
      // GetAuthorizationToken has no resource type: it can only be granted on "*".
      { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullTheImage",
        Effect: "Allow",
        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
        Resource: spec.imageRepositoryArn,
      },
      {
        Sid: "SageMakerLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: `arn:aws:logs:${spec.region}:${spec.accountId}:log-group:/aws/sagemaker/*`,
      },
    ],
  };
}
