// Week 3 · SageMaker: a CreateTrainingJob request for the built-in XGBoost algorithm, validated before it is sent.
// Read the "SageMaker: training jobs" section of notebooks/week-03-aws-sagemaker.ipynb first.
// Grade it with `npm run grade aws-sagemaker-training-job`; stuck? `npm run hint aws-sagemaker-training-job`.
import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import { todo } from "../../src/grader/todo";

/** An S3 location split into its parts: "s3://ml-data/datasets/iris/" -> { bucket: "ml-data", key: "datasets/iris/" }. */
export interface S3Location {
  bucket: string;
  /** Everything after the first "/" following the bucket; "" for "s3://bucket" or "s3://bucket/". */
  key: string;
}

/**
 * Parses an S3 URI. The bucket must follow S3's naming rules: 3 to 63 characters, lowercase letters, digits, dots and
 * hyphens, starting and ending with a letter or digit. Throws an Error whose message contains the bad URI and the
 * text "s3://" for anything else ("https://...", "s3:/bucket", "s3://My_Bucket/x", "").
 */
export function parseS3Uri(uri: string): S3Location {
  return todo("aws-sagemaker-training-job");
}

/**
 * The image URI of SageMaker's built-in XGBoost algorithm in a region:
 * "<account>.dkr.ecr.<region>.amazonaws.com/sagemaker-xgboost:<version>", with the account from XGBOOST_REGISTRIES
 * and the repository and versions in src/aws/sagemaker-images.ts. Throws mentioning "region" for a region missing
 * from the table and "version" for a version not in XGBOOST_VERSIONS. The version defaults to "1.7-1".
 */
export function xgboostImageUri(region: string, version?: string): string {
  return todo("aws-sagemaker-training-job");
}

export interface TrainingJobSpec {
  /** 1 to 63 characters: letters, digits and hyphens, starting and ending with a letter or digit. */
  jobName: string;
  /** Picks the algorithm image's registry. */
  region: string;
  /** The execution role SageMaker assumes: "arn:aws:iam::<12-digit account>:role/<name>". */
  roleArn: string;
  /** The "train" channel: an S3 prefix with CSV files, the label in the FIRST column and no header row. */
  trainS3Uri: string;
  /** The optional "validation" channel, same format. */
  validationS3Uri?: string;
  /** The channels' content type: "text/csv" (default), "text/libsvm", "application/x-parquet" or "application/x-recordio-protobuf". */
  contentType?: string;
  /** Where SageMaker writes <jobName>/output/model.tar.gz. */
  outputS3Uri: string;
  /** @default "ml.m5.xlarge" (SageMaker instance types start with "ml.") */
  instanceType?: string;
  /** @default 1 */
  instanceCount?: number;
  /** The training volume's size in GB. @default 10 */
  volumeSizeGB?: number;
  /** The job is stopped after this many seconds (1 to 2,419,200, which is 28 days). @default 3600 */
  maxRuntimeSeconds?: number;
  /** XGBoost's hyperparameters. SageMaker passes them as strings; "num_round" is required by XGBoost. */
  hyperparameters: Record<string, string>;
  /** @default "1.7-1" */
  xgboostVersion?: string;
  /** Managed spot training: up to ~90% cheaper, but the instance can be reclaimed, so it needs checkpoints. */
  spot?: {
    /** Total time allowed including waiting for spot capacity; at least maxRuntimeSeconds. */
    maxWaitSeconds: number;
    /** Where the algorithm saves checkpoints, to resume after an interruption. */
    checkpointS3Uri: string;
  };
}

/**
 * Builds the CreateTrainingJob request for the spec (the input of the SDK's CreateTrainingJobCommand, the same JSON
 * as `aws sagemaker create-training-job --cli-input-json`):
 * - AlgorithmSpecification: the XGBoost image for the region and version, TrainingInputMode "File";
 * - InputDataConfig: a "train" channel and, when given, a "validation" channel, each an S3DataSource with
 *   S3DataType "S3Prefix", S3DataDistributionType "FullyReplicated" and the content type;
 * - OutputDataConfig, ResourceConfig (type, count, volume), StoppingCondition, RoleArn, HyperParameters (a copy);
 * - with `spot`: EnableManagedSpotTraining true, MaxWaitTimeInSeconds in the stopping condition, CheckpointConfig.
 * Validates everything BEFORE building, throwing an Error whose message names the problem: "job name", "role",
 * "s3://" (any bad URI), "content type", "hyperparameter" (a value that is not a string, naming its key),
 * "num_round" (missing), "instance type", "instance count", "volume", "runtime", "wait" (spot wait shorter than the
 * runtime), and the region/version errors of xgboostImageUri.
 */
export function buildTrainingJobRequest(spec: TrainingJobSpec): CreateTrainingJobRequest {
  return todo("aws-sagemaker-training-job");
}

/**
 * Where a finished job's model lands: "<outputS3Uri>/<jobName>/output/model.tar.gz", with exactly one "/" between
 * the parts whether or not outputS3Uri ends with "/".
 */
export function modelArtifactUri(outputS3Uri: string, jobName: string): string {
  return todo("aws-sagemaker-training-job");
}
