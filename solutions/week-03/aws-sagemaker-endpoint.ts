// Reference solution for exercises/week-03/aws-sagemaker-endpoint.ts.
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  type CreateEndpointConfigInput,
  type CreateEndpointInput,
  CreateModelCommand,
  type CreateModelInput,
  type ProductionVariantInstanceType,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";

export interface ModelSpec {
  name: string;
  image: string;
  modelDataUrl: string;
  roleArn: string;
  environment?: Record<string, string>;
}

export interface VariantSpec {
  name: string;
  modelName: string;
  instanceType: string;
  instanceCount: number;
  weight: number;
}

export interface DeploymentPlan {
  models: ModelSpec[];
  endpointConfigName: string;
  endpointName: string;
  variants: VariantSpec[];
}

const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function checkName(value: string, what: string): void {
  if (!NAME.test(value ?? "")) {
    throw new Error(
      `${what} name "${value}" must be 1-63 letters, digits or hyphens, starting and ending with a letter or digit`,
    );
  }
}

function checkModel(model: ModelSpec): void {
  checkName(model.name, "model");
  if (!ROLE_ARN.test(model.roleArn ?? "")) {
    throw new Error(
      `model "${model.name}": "${model.roleArn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`,
    );
  }
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+\.tar\.gz$/.test(model.modelDataUrl ?? "")) {
    throw new Error(
      `model "${model.name}": modelDataUrl "${model.modelDataUrl}" must be an s3:// URI of a .tar.gz file`,
    );
  }
  if (!model.image) throw new Error(`model "${model.name}": an inference image URI is required`);
}

export function buildModelRequest(model: ModelSpec): CreateModelInput {
  checkModel(model);
  return {
    ModelName: model.name,
    ExecutionRoleArn: model.roleArn,
    PrimaryContainer: {
      Image: model.image,
      ModelDataUrl: model.modelDataUrl,
      ...(model.environment ? { Environment: { ...model.environment } } : {}),
    },
  };
}

export function validatePlan(plan: DeploymentPlan): void {
  for (const model of plan.models) checkModel(model);
  checkName(plan.endpointConfigName, "endpoint config");
  checkName(plan.endpointName, "endpoint");
  if (plan.variants.length === 0) throw new Error("an endpoint config needs at least one production variant");
  const models = new Set(plan.models.map((m) => m.name));
  const seen = new Set<string>();
  for (const v of plan.variants) {
    checkName(v.name, "variant");
    if (seen.has(v.name)) throw new Error(`duplicate variant name "${v.name}"`);
    seen.add(v.name);
    if (!models.has(v.modelName))
      throw new Error(`variant "${v.name}" uses model "${v.modelName}", which is not in the plan`);
    if (!v.instanceType?.startsWith("ml.")) {
      throw new Error(
        `variant "${v.name}": instance type "${v.instanceType}" is not a SageMaker type (ml.m5.large, ...)`,
      );
    }
    if (!Number.isInteger(v.instanceCount) || v.instanceCount < 1) {
      throw new Error(`variant "${v.name}": instance count must be a whole number >= 1, got ${v.instanceCount}`);
    }
    if (!(v.weight >= 0) || !Number.isFinite(v.weight)) {
      throw new Error(`variant "${v.name}": weight must be a number >= 0, got ${v.weight}`);
    }
  }
  if (plan.variants.every((v) => v.weight === 0))
    throw new Error("at least one variant needs a weight above 0, or no request is routed");
}

export function buildEndpointConfigRequest(plan: DeploymentPlan): CreateEndpointConfigInput {
  validatePlan(plan);
  return {
    EndpointConfigName: plan.endpointConfigName,
    ProductionVariants: plan.variants.map((v) => ({
      VariantName: v.name,
      ModelName: v.modelName,
      InstanceType: v.instanceType as ProductionVariantInstanceType,
      InitialInstanceCount: v.instanceCount,
      InitialVariantWeight: v.weight,
    })),
  };
}

export function buildEndpointRequest(plan: DeploymentPlan): CreateEndpointInput {
  checkName(plan.endpointName, "endpoint");
  checkName(plan.endpointConfigName, "endpoint config");
  return { EndpointName: plan.endpointName, EndpointConfigName: plan.endpointConfigName };
}

export function trafficShares(variants: VariantSpec[]): Record<string, number> {
  const total = variants.reduce((s, v) => s + v.weight, 0);
  if (!(total > 0)) throw new Error("the weights sum to 0: no variant would receive traffic");
  return Object.fromEntries(variants.map((v) => [v.name, v.weight / total]));
}

export interface DeploymentResult {
  modelArns: string[];
  endpointConfigArn: string;
  endpointArn: string;
}

export async function deployEndpoint(client: SageMakerClient, plan: DeploymentPlan): Promise<DeploymentResult> {
  // Build every request first: a mistake anywhere must stop the deployment before the first call.
  const modelRequests = plan.models.map(buildModelRequest);
  const configRequest = buildEndpointConfigRequest(plan);
  const endpointRequest = buildEndpointRequest(plan);
  const modelArns: string[] = [];
  for (const request of modelRequests) {
    const out = await client.send(new CreateModelCommand(request));
    modelArns.push(out.ModelArn ?? "");
  }
  const config = await client.send(new CreateEndpointConfigCommand(configRequest));
  const endpoint = await client.send(new CreateEndpointCommand(endpointRequest));
  return { modelArns, endpointConfigArn: config.EndpointConfigArn ?? "", endpointArn: endpoint.EndpointArn ?? "" };
}
