// Grades exercises/week-03/aws-sagemaker-training-job.ts (and proves the solution with the very same file).
// The request is checked field by field against values written out by hand, then submitted to the local moto server
// with @aws-sdk/client-sagemaker and described back. moto stores the job as sent and marks it "Completed" at once
// (nothing trains); it does not validate roles, S3 paths or hyperparameter types, so those checks are the learner's
// own, tested here directly.
import assert from "node:assert/strict";
import { CreateTrainingJobCommand, DescribeTrainingJobCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, test } from "vitest";
import { awsClientConfig, type LocalAws, startLocalAws } from "../../src/aws";
import {
  buildTrainingJobRequest,
  modelArtifactUri,
  parseS3Uri,
  type TrainingJobSpec,
  xgboostImageUri,
} from "./aws-sagemaker-training-job";

let aws: LocalAws | undefined;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(async () => {
  await aws?.stop();
});

const ROLE = "arn:aws:iam::123456789012:role/sagemaker-execution";

function spec(overrides: Partial<TrainingJobSpec> = {}): TrainingJobSpec {
  return {
    jobName: "xgb-iris-2026-05-01",
    region: "us-east-1",
    roleArn: ROLE,
    trainS3Uri: "s3://ml-study-data/datasets/iris/train/",
    validationS3Uri: "s3://ml-study-data/datasets/iris/validation/",
    outputS3Uri: "s3://ml-study-data/models/",
    instanceType: "ml.m5.large",
    instanceCount: 2,
    volumeSizeGB: 5,
    maxRuntimeSeconds: 1800,
    hyperparameters: { num_round: "50", objective: "multi:softprob", num_class: "3", max_depth: "4" },
    ...overrides,
  };
}

/** Drops undefined members, the way the SDK does when it serialises a request. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const channel = (name: string, uri: string, contentType = "text/csv") => ({
  ChannelName: name,
  ContentType: contentType,
  DataSource: { S3DataSource: { S3DataType: "S3Prefix", S3Uri: uri, S3DataDistributionType: "FullyReplicated" } },
});

/** The members the grader checks on a channel (CompressionType, InputMode and the like are optional extras). */
const channelCore = (c: Record<string, unknown>) => ({
  ChannelName: c.ChannelName,
  ContentType: c.ContentType,
  DataSource: c.DataSource,
});

test("parseS3Uri splits s3:// URIs and rejects everything else with the URI in the message", () => {
  assert.deepEqual(parseS3Uri("s3://ml-study-data/datasets/iris/train.csv"), {
    bucket: "ml-study-data",
    key: "datasets/iris/train.csv",
  });
  assert.deepEqual(parseS3Uri("s3://ml-study-data/"), { bucket: "ml-study-data", key: "" });
  assert.deepEqual(parseS3Uri("s3://ml-study-data"), { bucket: "ml-study-data", key: "" });
  for (const bad of [
    "https://ml-study-data.s3.amazonaws.com/x.csv",
    "s3:/ml-study-data/x",
    "s3://My_Bucket/x",
    "s3://ab/x",
    "",
  ]) {
    assert.throws(
      () => parseS3Uri(bad),
      (e: Error) => e.message.includes("s3://") && e.message.includes(bad),
      bad,
    );
  }
});

test("xgboostImageUri uses the region's registry account and the version tag", () => {
  assert.equal(xgboostImageUri("us-east-1"), "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1");
  assert.equal(
    xgboostImageUri("eu-west-1", "1.5-1"),
    "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.5-1",
  );
  assert.equal(
    xgboostImageUri("ap-southeast-2"),
    "783357654285.dkr.ecr.ap-southeast-2.amazonaws.com/sagemaker-xgboost:1.7-1",
  );
  assert.throws(() => xgboostImageUri("mars-north-1"), /region/i);
  assert.throws(() => xgboostImageUri("us-east-1", "9.9-9"), /version/i);
});

test("buildTrainingJobRequest fills every part of CreateTrainingJob from the spec", () => {
  const request = plain(buildTrainingJobRequest(spec()));
  assert.equal(request.TrainingJobName, "xgb-iris-2026-05-01");
  assert.deepEqual(request.AlgorithmSpecification, {
    TrainingImage: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
    TrainingInputMode: "File",
  });
  assert.equal(request.RoleArn, ROLE);
  assert.deepEqual(
    (request.InputDataConfig ?? []).map((c) => channelCore(c as unknown as Record<string, unknown>)),
    [
      channel("train", "s3://ml-study-data/datasets/iris/train/"),
      channel("validation", "s3://ml-study-data/datasets/iris/validation/"),
    ],
  );
  assert.deepEqual(request.OutputDataConfig, { S3OutputPath: "s3://ml-study-data/models/" });
  assert.deepEqual(request.ResourceConfig, { InstanceType: "ml.m5.large", InstanceCount: 2, VolumeSizeInGB: 5 });
  assert.deepEqual(request.StoppingCondition, { MaxRuntimeInSeconds: 1800 });
  assert.deepEqual(request.HyperParameters, {
    num_round: "50",
    objective: "multi:softprob",
    num_class: "3",
    max_depth: "4",
  });
  assert.ok(!request.EnableManagedSpotTraining, "no spot settings unless spec.spot is given");
  assert.equal(request.CheckpointConfig, undefined);
});

test("defaults: one ml.m5.xlarge, 10 GB, one hour, text/csv, and no validation channel unless given", () => {
  const request = plain(
    buildTrainingJobRequest({
      jobName: "minimal",
      region: "eu-west-1",
      roleArn: ROLE,
      trainS3Uri: "s3://ml-study-data/train.csv",
      outputS3Uri: "s3://ml-study-data/models",
      hyperparameters: { num_round: "10" },
    }),
  );
  assert.deepEqual(request.ResourceConfig, { InstanceType: "ml.m5.xlarge", InstanceCount: 1, VolumeSizeInGB: 10 });
  assert.deepEqual(request.StoppingCondition, { MaxRuntimeInSeconds: 3600 });
  assert.deepEqual(
    (request.InputDataConfig ?? []).map((c) => channelCore(c as unknown as Record<string, unknown>)),
    [channel("train", "s3://ml-study-data/train.csv")],
  );
  assert.equal(
    request.AlgorithmSpecification?.TrainingImage,
    "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1",
  );
  const parquet = plain(buildTrainingJobRequest(spec({ contentType: "application/x-parquet" })));
  assert.deepEqual(
    (parquet.InputDataConfig ?? []).map((c) => c.ContentType),
    ["application/x-parquet", "application/x-parquet"],
  );
});

test("managed spot training adds the wait time and a checkpoint location, and refuses a wait shorter than the runtime", () => {
  const request = plain(
    buildTrainingJobRequest(
      spec({ spot: { maxWaitSeconds: 3600, checkpointS3Uri: "s3://ml-study-data/checkpoints/xgb-iris/" } }),
    ),
  );
  assert.equal(request.EnableManagedSpotTraining, true);
  assert.deepEqual(request.StoppingCondition, { MaxRuntimeInSeconds: 1800, MaxWaitTimeInSeconds: 3600 });
  assert.deepEqual(request.CheckpointConfig, { S3Uri: "s3://ml-study-data/checkpoints/xgb-iris/" });
  assert.throws(
    () => buildTrainingJobRequest(spec({ spot: { maxWaitSeconds: 600, checkpointS3Uri: "s3://ml-study-data/ck/" } })),
    /wait/i,
  );
  assert.throws(
    () => buildTrainingJobRequest(spec({ spot: { maxWaitSeconds: 3600, checkpointS3Uri: "/tmp/ck" } })),
    /s3:\/\//,
  );
});

test("bad specs fail before anything is sent, with a message that names the problem", () => {
  const cases: [Partial<TrainingJobSpec>, RegExp][] = [
    [{ jobName: "xgb_iris" }, /job name/i],
    [{ jobName: "-xgb" }, /job name/i],
    [{ jobName: "x".repeat(64) }, /job name/i],
    [{ roleArn: "" }, /role/i],
    [{ roleArn: "arn:aws:iam::123456789012:user/alice" }, /role/i],
    [{ trainS3Uri: "https://ml-study-data.s3.amazonaws.com/train/" }, /s3:\/\//],
    [{ validationS3Uri: "ml-study-data/validation/" }, /s3:\/\//],
    [{ outputS3Uri: "s3:/ml-study-data/models/" }, /s3:\/\//],
    [{ contentType: "application/json" }, /content type/i],
    [{ hyperparameters: { num_round: 50 } as unknown as Record<string, string> }, /hyperparameter.*num_round/i],
    [{ hyperparameters: { num_round: "50", eta: 0.3 } as unknown as Record<string, string> }, /hyperparameter.*eta/i],
    [{ hyperparameters: { objective: "binary:logistic" } }, /num_round/],
    [{ instanceType: "m5.large" }, /instance type/i],
    [{ instanceCount: 0 }, /instance count/i],
    [{ instanceCount: 1.5 }, /instance count/i],
    [{ volumeSizeGB: 0 }, /volume/i],
    [{ maxRuntimeSeconds: 0 }, /runtime/i],
    [{ maxRuntimeSeconds: 29 * 24 * 3600 }, /runtime/i],
    [{ region: "mars-north-1" }, /region/i],
  ];
  for (const [overrides, message] of cases) {
    assert.throws(
      () => buildTrainingJobRequest(spec(overrides)),
      message,
      `expected an error matching ${message} for ${JSON.stringify(overrides)}`,
    );
  }
});

test("modelArtifactUri puts exactly one / between the parts", () => {
  assert.equal(modelArtifactUri("s3://b/models/", "job-1"), "s3://b/models/job-1/output/model.tar.gz");
  assert.equal(modelArtifactUri("s3://b/models", "job-1"), "s3://b/models/job-1/output/model.tar.gz");
  assert.equal(modelArtifactUri("s3://b", "job-1"), "s3://b/job-1/output/model.tar.gz");
});

test("the request is accepted by SageMaker (moto), and DescribeTrainingJob returns what was sent", async () => {
  const sagemaker = new SageMakerClient(awsClientConfig());
  const input = spec({ spot: { maxWaitSeconds: 7200, checkpointS3Uri: "s3://ml-study-data/checkpoints/xgb-iris/" } });
  const request = buildTrainingJobRequest(input);
  const created = await sagemaker.send(new CreateTrainingJobCommand(request));
  assert.equal(created.TrainingJobArn, "arn:aws:sagemaker:us-east-1:123456789012:training-job/xgb-iris-2026-05-01");

  const job = await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: input.jobName }));
  assert.equal(job.TrainingJobName, input.jobName);
  assert.equal(job.RoleArn, ROLE);
  // moto overwrites MetricDefinitions with a canned one, so only the image and input mode are compared.
  assert.equal(job.AlgorithmSpecification?.TrainingImage, xgboostImageUri("us-east-1"));
  assert.equal(job.AlgorithmSpecification?.TrainingInputMode, "File");
  assert.deepEqual(
    (job.InputDataConfig ?? []).map((c) => channelCore(c as unknown as Record<string, unknown>)),
    [
      channel("train", "s3://ml-study-data/datasets/iris/train/"),
      channel("validation", "s3://ml-study-data/datasets/iris/validation/"),
    ],
  );
  assert.deepEqual(job.OutputDataConfig, { S3OutputPath: "s3://ml-study-data/models/" });
  assert.deepEqual(job.ResourceConfig, { InstanceType: "ml.m5.large", InstanceCount: 2, VolumeSizeInGB: 5 });
  assert.deepEqual(job.StoppingCondition, { MaxRuntimeInSeconds: 1800, MaxWaitTimeInSeconds: 7200 });
  assert.deepEqual(job.HyperParameters, input.hyperparameters);
  assert.equal(job.EnableManagedSpotTraining, true);
  assert.deepEqual(job.CheckpointConfig, { S3Uri: "s3://ml-study-data/checkpoints/xgb-iris/" });
  // SageMaker (and moto, which copies its layout) reports the artifact at <output>/<job>/output/model.tar.gz.
  assert.equal(job.ModelArtifacts?.S3ModelArtifacts, modelArtifactUri(input.outputS3Uri, input.jobName));
});
