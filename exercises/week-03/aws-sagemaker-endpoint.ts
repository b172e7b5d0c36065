// Week 3 · SageMaker hosting: a model, an endpoint configuration with weighted variants, and an endpoint.
// Read the "SageMaker: models, endpoint configs and endpoints" section of notebooks/week-03-aws-sagemaker.ipynb first.
// Grade it with `npm run grade aws-sagemaker-endpoint`; stuck? `npm run hint aws-sagemaker-endpoint`.
import type {
  CreateEndpointConfigInput,
  CreateEndpointInput,
  CreateModelInput,
  SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { todo } from "../../src/grader/todo";

/** A SageMaker Model: which inference image to run, with which model.tar.gz, under which role. */
export interface ModelSpec {
  /** 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (as every name here). */
  name: string;
  /** The inference container image URI (e.g. the XGBoost image, or your own image in ECR). */
  image: string;
  /** The trained model: an "s3://..." URI of a ".tar.gz" file (a training job's ModelArtifacts). */
  modelDataUrl: string;
  /** The role the container runs with: "arn:aws:iam::<12-digit account>:role/<name>". */
  roleArn: string;
  /** Environment variables for the container (optional). */
  environment?: Record<string, string>;
}

/** One production variant: a model on its own fleet of instances, receiving a share of the traffic. */
export interface VariantSpec {
  name: string;
  /** Must be one of the plan's models. */
  modelName: string;
  /** e.g. "ml.m5.large" (starts with "ml."). */
  instanceType: string;
  /** A whole number, at least 1. */
  instanceCount: number;
  /** Relative traffic weight, at least 0: weights 9 and 1 send 90% and 10% of the requests. */
  weight: number;
}

export interface DeploymentPlan {
  models: ModelSpec[];
  endpointConfigName: string;
  endpointName: string;
  /** At least one; names unique; the weights must not all be 0. */
  variants: VariantSpec[];
}

/**
 * The CreateModel request: ModelName, ExecutionRoleArn and a PrimaryContainer with Image, ModelDataUrl and (when
 * given) Environment. Throws an Error mentioning "name", "role" or "modelDataUrl" for a bad value.
 */
export function buildModelRequest(model: ModelSpec): CreateModelInput {
  return todo("aws-sagemaker-endpoint");
}

/**
 * The CreateEndpointConfig request: EndpointConfigName and one ProductionVariant per variant with VariantName,
 * ModelName, InstanceType, InitialInstanceCount and InitialVariantWeight. Validates the whole plan first (see
 * validatePlan).
 */
export function buildEndpointConfigRequest(plan: DeploymentPlan): CreateEndpointConfigInput {
  return todo("aws-sagemaker-endpoint");
}

/** The CreateEndpoint request: EndpointName and EndpointConfigName. */
export function buildEndpointRequest(plan: DeploymentPlan): CreateEndpointInput {
  return todo("aws-sagemaker-endpoint");
}

/**
 * Checks a whole plan, throwing an Error that names the problem: a bad model (as buildModelRequest), a bad config or
 * endpoint "name", no variants ("variant"), a "duplicate" variant name, a variant whose model is not in the plan
 * (naming the variant and the model), an "instance type" not starting with "ml.", an "instance count" that is not a
 * whole number >= 1, a negative "weight", or weights that are all 0 ("weight").
 */
export function validatePlan(plan: DeploymentPlan): void {
  todo("aws-sagemaker-endpoint");
}

/** Each variant's share of the traffic, weight / (sum of weights): { blue: 0.9, green: 0.1 }. */
export function trafficShares(variants: VariantSpec[]): Record<string, number> {
  return todo("aws-sagemaker-endpoint");
}

export interface DeploymentResult {
  modelArns: string[];
  endpointConfigArn: string;
  endpointArn: string;
}

/**
 * Deploys the plan with the client: validates it, then CreateModel for every model, CreateEndpointConfig, and
 * CreateEndpoint, in that order (each refers to the one before). Nothing is sent when the plan is invalid.
 * Returns the ARNs the three calls answered with.
 */
export function deployEndpoint(client: SageMakerClient, plan: DeploymentPlan): Promise<DeploymentResult> {
  return todo("aws-sagemaker-endpoint");
}
