// Grades exercises/week-03/aws-sagemaker-endpoint.ts (and proves the solution with the very same file).
// Requests are compared with values written out by hand; then the plan is deployed to the local moto server and each
// resource is described back. moto checks that an endpoint config's models exist and that instance types are real,
// and marks an endpoint "InService" at once (real SageMaker spends several minutes in "Creating").
import assert from "node:assert/strict";
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListModelsCommand,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { afterAll, beforeAll, test } from "vitest";
import { awsClientConfig, type LocalAws, resetLocalAws, startLocalAws } from "../../src/aws";
import {
  buildEndpointConfigRequest,
  buildEndpointRequest,
  buildModelRequest,
  type DeploymentPlan,
  deployEndpoint,
  trafficShares,
  validatePlan,
} from "./aws-sagemaker-endpoint";

let aws: LocalAws | undefined;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(async () => {
  await aws?.stop();
});

const ROLE = "arn:aws:iam::123456789012:role/sagemaker-execution";
const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

function plan(): DeploymentPlan {
  return {
    models: [
      {
        name: "iris-xgb-v1",
        image: IMAGE,
        modelDataUrl: "s3://ml-study-data/models/xgb-iris-v1/output/model.tar.gz",
        roleArn: ROLE,
        environment: { SAGEMAKER_PROGRAM: "inference.py" },
      },
      {
        name: "iris-xgb-v2",
        image: IMAGE,
        modelDataUrl: "s3://ml-study-data/models/xgb-iris-v2/output/model.tar.gz",
        roleArn: ROLE,
      },
    ],
    endpointConfigName: "iris-canary-config",
    endpointName: "iris",
    variants: [
      { name: "blue", modelName: "iris-xgb-v1", instanceType: "ml.m5.large", instanceCount: 2, weight: 9 },
      { name: "green", modelName: "iris-xgb-v2", instanceType: "ml.c5.large", instanceCount: 1, weight: 1 },
    ],
  };
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

test("buildModelRequest names the image, the model data and the role", () => {
  assert.deepEqual(plain(buildModelRequest(plan().models[0])), {
    ModelName: "iris-xgb-v1",
    ExecutionRoleArn: ROLE,
    PrimaryContainer: {
      Image: IMAGE,
      ModelDataUrl: "s3://ml-study-data/models/xgb-iris-v1/output/model.tar.gz",
      Environment: { SAGEMAKER_PROGRAM: "inference.py" },
    },
  });
  const second = plain(buildModelRequest(plan().models[1]));
  assert.equal(second.PrimaryContainer?.Environment, undefined, "no Environment when none is given");
  const model = plan().models[0];
  assert.throws(() => buildModelRequest({ ...model, name: "iris_xgb" }), /name/i);
  assert.throws(() => buildModelRequest({ ...model, roleArn: "arn:aws:iam::123456789012:user/bob" }), /role/i);
  assert.throws(
    () => buildModelRequest({ ...model, modelDataUrl: "s3://ml-study-data/models/model.pkl" }),
    /modelDataUrl/,
  );
  assert.throws(() => buildModelRequest({ ...model, modelDataUrl: "/opt/ml/model/model.tar.gz" }), /modelDataUrl/);
});

test("buildEndpointConfigRequest lists one production variant per variant, and buildEndpointRequest joins them", () => {
  assert.deepEqual(plain(buildEndpointConfigRequest(plan())), {
    EndpointConfigName: "iris-canary-config",
    ProductionVariants: [
      {
        VariantName: "blue",
        ModelName: "iris-xgb-v1",
        InstanceType: "ml.m5.large",
        InitialInstanceCount: 2,
        InitialVariantWeight: 9,
      },
      {
        VariantName: "green",
        ModelName: "iris-xgb-v2",
        InstanceType: "ml.c5.large",
        InitialInstanceCount: 1,
        InitialVariantWeight: 1,
      },
    ],
  });
  assert.deepEqual(plain(buildEndpointRequest(plan())), {
    EndpointName: "iris",
    EndpointConfigName: "iris-canary-config",
  });
});

test("weights are relative: trafficShares divides each by their sum", () => {
  const shares = trafficShares(plan().variants);
  assert.ok(
    Math.abs(shares.blue - 0.9) < 1e-12 && Math.abs(shares.green - 0.1) < 1e-12,
    `got ${JSON.stringify(shares)}`,
  );
  const three = trafficShares([
    { name: "a", modelName: "m", instanceType: "ml.m5.large", instanceCount: 1, weight: 1 },
    { name: "b", modelName: "m", instanceType: "ml.m5.large", instanceCount: 1, weight: 1 },
    { name: "c", modelName: "m", instanceType: "ml.m5.large", instanceCount: 1, weight: 2 },
  ]);
  assert.deepEqual(three, { a: 0.25, b: 0.25, c: 0.5 });
  const single = trafficShares([
    { name: "only", modelName: "m", instanceType: "ml.m5.large", instanceCount: 1, weight: 0.3 },
  ]);
  assert.deepEqual(single, { only: 1 });
});

test("validatePlan rejects plans SageMaker would refuse (or that would route nothing)", () => {
  assert.doesNotThrow(() => validatePlan(plan()));
  const cases: [(p: DeploymentPlan) => void, RegExp][] = [
    [(p) => (p.variants = []), /variant/i],
    [(p) => (p.variants[1].name = "blue"), /duplicate/i],
    [(p) => (p.variants[1].modelName = "iris-xgb-v3"), /green.*iris-xgb-v3|iris-xgb-v3.*green/],
    [(p) => (p.variants[0].instanceType = "m5.large"), /instance type/i],
    [(p) => (p.variants[0].instanceCount = 0), /instance count/i],
    [(p) => (p.variants[0].instanceCount = 1.5), /instance count/i],
    [(p) => (p.variants[0].weight = -1), /weight/i],
    [
      (p) => {
        p.variants[0].weight = 0;
        p.variants[1].weight = 0;
      },
      /weight/i,
    ],
    [(p) => (p.endpointName = "iris endpoint"), /name/i],
    [(p) => (p.endpointConfigName = ""), /name/i],
    [(p) => (p.models[1].roleArn = ""), /role/i],
  ];
  for (const [mutate, message] of cases) {
    const p = plan();
    mutate(p);
    assert.throws(() => validatePlan(p), message, `expected ${message} for ${mutate.toString()}`);
    assert.throws(
      () => buildEndpointConfigRequest(p),
      message,
      `buildEndpointConfigRequest must validate too (${message})`,
    );
  }
});

test("deployEndpoint sends CreateModel for each model, then CreateEndpointConfig, then CreateEndpoint", async () => {
  const sent: string[] = [];
  const fake = {
    send: async (command: { constructor: { name: string } }) => {
      sent.push(command.constructor.name);
      const kind = command.constructor.name.replace(/^Create|Command$/g, "");
      return { [`${kind}Arn`]: `arn:fake:${kind}:${sent.length}` };
    },
  } as unknown as SageMakerClient;
  const result = await deployEndpoint(fake, plan());
  assert.deepEqual(sent, [
    "CreateModelCommand",
    "CreateModelCommand",
    "CreateEndpointConfigCommand",
    "CreateEndpointCommand",
  ]);
  assert.deepEqual(result, {
    modelArns: ["arn:fake:Model:1", "arn:fake:Model:2"],
    endpointConfigArn: "arn:fake:EndpointConfig:3",
    endpointArn: "arn:fake:Endpoint:4",
  });
});

test("an invalid plan is refused before any call: nothing is created on the server", async () => {
  assert.ok(aws, "the local AWS server did not start");
  await resetLocalAws(aws.url);
  const sagemaker = new SageMakerClient(awsClientConfig());
  const broken = plan();
  broken.variants[1].modelName = "missing-model";
  await assert.rejects(async () => deployEndpoint(sagemaker, broken), /missing-model/);
  const models = await sagemaker.send(new ListModelsCommand({}));
  assert.deepEqual(models.Models ?? [], [], "no model may be created when the plan is invalid");
});

test("deployEndpoint creates the three resources on SageMaker (moto), and describing them returns the plan", async () => {
  assert.ok(aws, "the local AWS server did not start");
  await resetLocalAws(aws.url);
  const sagemaker = new SageMakerClient(awsClientConfig());
  const result = await deployEndpoint(sagemaker, plan());
  const arn = (kind: string, name: string) => `arn:aws:sagemaker:us-east-1:123456789012:${kind}/${name}`;
  assert.deepEqual(result, {
    modelArns: [arn("model", "iris-xgb-v1"), arn("model", "iris-xgb-v2")],
    endpointConfigArn: arn("endpoint-config", "iris-canary-config"),
    endpointArn: arn("endpoint", "iris"),
  });

  const model = await sagemaker.send(new DescribeModelCommand({ ModelName: "iris-xgb-v1" }));
  assert.equal(model.ExecutionRoleArn, ROLE);
  assert.deepEqual(model.PrimaryContainer, plain(buildModelRequest(plan().models[0])).PrimaryContainer);

  const config = await sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: "iris-canary-config" }));
  assert.deepEqual(config.ProductionVariants, plain(buildEndpointConfigRequest(plan())).ProductionVariants);

  const endpoint = await sagemaker.send(new DescribeEndpointCommand({ EndpointName: "iris" }));
  assert.equal(endpoint.EndpointConfigName, "iris-canary-config");
  assert.equal(endpoint.EndpointStatus, "InService");
  assert.deepEqual(
    (endpoint.ProductionVariants ?? []).map((v) => [v.VariantName, v.CurrentWeight, v.CurrentInstanceCount]),
    [
      ["blue", 9, 2],
      ["green", 1, 1],
    ],
  );
});
