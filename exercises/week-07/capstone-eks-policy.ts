// Week 7 · Capstone on EKS: the two IAM policies the deployment needs, least privilege.
// Read "EKS: deploying to AWS" and "Checkpoint: the inference API on EKS" in notebooks/week-07-capstone.ipynb first.
// Grade it with `npm run grade capstone-eks-policy`; stuck? `npm run hint capstone-eks-policy`.
// The grader runs your policies through @cloud-copilot/iam-simulate (AWS's policy evaluation logic, via
// src/aws/iam's evaluateMatrix) against requests that must be allowed and requests that must be denied, for
// names other than the capstone's, and then checks that for the capstone's own names your policies decide every
// request exactly like the committed files capstone/deploy/iam/*.json that deploy-eks.sh creates.
import type { PolicyDocument } from "../../src/aws/iam";
import { todo } from "../../src/grader/todo";

/** The registry account of the EKS add-on images (VPC CNI, kube-proxy, CoreDNS) in most commercial regions. */
export const EKS_ADDON_REGISTRY_ACCOUNT = "602401143452";

export interface ModelLocation {
  /** The S3 bucket that holds promoted models, e.g. "ml-capstone-models-123456789012". */
  bucket: string;
  /** The key prefix of THIS model's versions, e.g. "models/capstone/" (a missing trailing "/" is added). */
  prefix: string;
}

export interface Registry {
  /** 12-digit AWS account id that owns the repository. */
  account: string;
  /** e.g. "us-east-1". */
  region: string;
  /** The ECR repository name, e.g. "ml-capstone-api". */
  repository: string;
}

/**
 * The identity policy of the API pod's IAM role (IRSA: the pod's ServiceAccount is annotated with this role, and
 * the init container that downloads the model runs as it). The pod may READ objects under the model's prefix in
 * that one bucket, and nothing else: no listing, no writing, no other prefix (not even one that merely starts
 * with the same letters), no other bucket.
 * Policy language version "2012-10-17"; name each action and each resource ARN exactly (no "s3:*", no "*").
 * Throws an Error mentioning "bucket" for a name that is not a valid S3 bucket name (3-63 characters of lowercase
 * letters, digits, dots and hyphens, starting and ending with a letter or digit), and one mentioning "prefix" for
 * an empty prefix, one that starts with "/", or one holding a wildcard (* or ?).
 */
export function modelReadPolicy(location: ModelLocation): PolicyDocument {
  return todo("capstone-eks-policy");
}

/**
 * The identity policy the worker NODES need to pull images (it goes on the node group's instance role): log in to
 * ECR, then read the manifests and download the layers of the capstone's repository, in that region and account
 * only, plus the same two read actions on every repository of the EKS add-on registry account in that region (the
 * nodes pull the VPC CNI and kube-proxy from there). No push, no delete, no listing, no other repository.
 * Throws an Error mentioning "account" unless it is 12 digits, "region" unless it looks like "eu-west-1", and
 * "repository" for an empty name or one with a wildcard.
 */
export function nodeEcrPullPolicy(registry: Registry): PolicyDocument {
  return todo("capstone-eks-policy");
}
