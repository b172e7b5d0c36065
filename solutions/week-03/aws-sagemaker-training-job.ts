// Reference solution for exercises/week-03/aws-sagemaker-training-job.ts.
import type { Channel, CreateTrainingJobRequest, TrainingInstanceType } from "@aws-sdk/client-sagemaker";
import {
  XGBOOST_DEFAULT_VERSION,
  XGBOOST_REGISTRIES,
  XGBOOST_REPOSITORY,
  XGBOOST_VERSIONS,
} from "../../src/aws/sagemaker-images";

export interface S3Location {
  bucket: string;
  key: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
  if (!match) throw new Error(`"${uri}" is not an S3 URI: expected s3://bucket/key`);
  const [, bucket, key = ""] = match;
  if (!BUCKET.test(bucket)) {
    throw new Error(
      `"${uri}": "${bucket}" is not a valid bucket name (3-63 lowercase letters, digits, . and -) in s3://bucket/key`,
    );
  }
  return { bucket, key };
}

export function xgboostImageUri(region: string, version: string = XGBOOST_DEFAULT_VERSION): string {
  const account = XGBOOST_REGISTRIES[region];
  if (!account) throw new Error(`no XGBoost image registry known for region "${region}"`);
  if (!XGBOOST_VERSIONS.includes(version)) {
    throw new Error(`XGBoost version "${version}" is not one of ${XGBOOST_VERSIONS.join(", ")}`);
  }
  return `${account}.dkr.ecr.${region}.amazonaws.com/${XGBOOST_REPOSITORY}:${version}`;
}

export interface TrainingJobSpec {
  jobName: string;
  region: string;
  roleArn: string;
  trainS3Uri: string;
  validationS3Uri?: string;
  contentType?: string;
  outputS3Uri: string;
  instanceType?: string;
  instanceCount?: number;
  volumeSizeGB?: number;
  maxRuntimeSeconds?: number;
  hyperparameters: Record<string, string>;
  xgboostVersion?: string;
  spot?: { maxWaitSeconds: number; checkpointS3Uri: string };
}

const CONTENT_TYPES = ["text/csv", "text/libsvm", "application/x-parquet", "application/x-recordio-protobuf"];
const JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
/** SageMaker's ceiling for MaxRuntimeInSeconds: 28 days. */
const MAX_RUNTIME = 28 * 24 * 3600;

function positiveInteger(value: number, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${what} must be a whole number from 1 to ${max}, got ${value}`);
  }
  return value;
}

function channel(name: string, s3Uri: string, contentType: string): Channel {
  parseS3Uri(s3Uri);
  return {
    ChannelName: name,
    DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: s3Uri, S3DataDistributionType: "FullyReplicated" } },
    ContentType: contentType,
    CompressionType: "None",
  };
}

export function buildTrainingJobRequest(spec: TrainingJobSpec): CreateTrainingJobRequest {
  if (!JOB_NAME.test(spec.jobName ?? "")) {
    throw new Error(
      `job name "${spec.jobName}" must be 1-63 letters, digits or hyphens, starting and ending with a letter or digit`,
    );
  }
  if (!spec.roleArn)
    throw new Error("an execution role ARN is required: SageMaker assumes it to read data and write the model");
  if (!ROLE_ARN.test(spec.roleArn)) {
    throw new Error(`"${spec.roleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  }
  const image = xgboostImageUri(spec.region, spec.xgboostVersion);
  const contentType = spec.contentType ?? "text/csv";
  if (!CONTENT_TYPES.includes(contentType)) {
    throw new Error(`content type "${contentType}" is not one XGBoost reads: ${CONTENT_TYPES.join(", ")}`);
  }
  const hyperparameters: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.hyperparameters ?? {})) {
    if (typeof value !== "string") {
      throw new Error(
        `hyperparameter "${key}" must be a string (got ${typeof value} ${JSON.stringify(value)}): SageMaker passes every hyperparameter as a string`,
      );
    }
    hyperparameters[key] = value;
  }
  if (!("num_round" in hyperparameters))
    throw new Error('XGBoost requires the hyperparameter "num_round" (the number of boosting rounds)');
  const instanceType = spec.instanceType ?? "ml.m5.xlarge";
  if (!/^ml\.[a-z0-9]+\.[a-z0-9]+$/.test(instanceType)) {
    throw new Error(`instance type "${instanceType}" is not a SageMaker instance type (they look like ml.m5.xlarge)`);
  }
  const instanceCount = positiveInteger(spec.instanceCount ?? 1, "instance count");
  const volume = positiveInteger(spec.volumeSizeGB ?? 10, "volume size (GB)");
  const runtime = positiveInteger(spec.maxRuntimeSeconds ?? 3600, "max runtime (seconds)", MAX_RUNTIME);

  const channels = [channel("train", spec.trainS3Uri, contentType)];
  if (spec.validationS3Uri !== undefined) channels.push(channel("validation", spec.validationS3Uri, contentType));
  parseS3Uri(spec.outputS3Uri);

  const request: CreateTrainingJobRequest = {
    TrainingJobName: spec.jobName,
    AlgorithmSpecification: { TrainingImage: image, TrainingInputMode: "File" },
    RoleArn: spec.roleArn,
    InputDataConfig: channels,
    OutputDataConfig: { S3OutputPath: spec.outputS3Uri },
    ResourceConfig: {
      InstanceType: instanceType as TrainingInstanceType,
      InstanceCount: instanceCount,
      VolumeSizeInGB: volume,
    },
    StoppingCondition: { MaxRuntimeInSeconds: runtime },
    HyperParameters: hyperparameters,
  };
  if (spec.spot) {
    const wait = positiveInteger(spec.spot.maxWaitSeconds, "spot max wait (seconds)");
    if (wait < runtime) throw new Error(`spot max wait ${wait} s must be at least the max runtime ${runtime} s`);
    parseS3Uri(spec.spot.checkpointS3Uri);
    request.EnableManagedSpotTraining = true;
    request.StoppingCondition = { MaxRuntimeInSeconds: runtime, MaxWaitTimeInSeconds: wait };
    request.CheckpointConfig = { S3Uri: spec.spot.checkpointS3Uri };
  }
  return request;
}

export function modelArtifactUri(outputS3Uri: string, jobName: string): string {
  return `${outputS3Uri.replace(/\/+$/, "")}/${jobName}/output/model.tar.gz`;
}
