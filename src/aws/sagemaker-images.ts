/**
 * Where SageMaker's built-in XGBoost algorithm image lives, per region.
 *
 * Built-in algorithms are Docker images that AWS publishes in its OWN accounts' ECR registries, one account per
 * region: the same image name has a different account id in us-east-1 and in eu-west-1. A training job names the
 * full image URI, so code that builds one needs this table (the SageMaker Python SDK ships the same data as
 * `sagemaker.image_uris.retrieve("xgboost", region, "1.7-1")`).
 *
 * Source: aws/sagemaker-python-sdk, src/sagemaker/image_uri_config/xgboost.json, the "sagemaker-xgboost" repository
 * used by versions 0.90-1 to 1.7-1 (identical accounts for all of them); also the AWS docs page "Docker Registry
 * Paths and Example Code" for XGBoost. Copied 2026-05 for the commercial regions below; China regions use the
 * amazonaws.com.cn domain and are left out on purpose.
 */

/** The ECR repository name of the built-in XGBoost algorithm (versions 0.90-1 and later). */
export const XGBOOST_REPOSITORY = "sagemaker-xgboost";

/** The version the course uses: XGBoost 1.7, first SageMaker build. */
export const XGBOOST_DEFAULT_VERSION = "1.7-1";

/** Versions published under XGBOOST_REPOSITORY (the older "1" tag lives in another repository and is left out). */
export const XGBOOST_VERSIONS: readonly string[] = [
  "0.90-1",
  "0.90-2",
  "1.0-1",
  "1.2-1",
  "1.2-2",
  "1.3-1",
  "1.5-1",
  "1.7-1",
];

/** Region -> the AWS account that hosts sagemaker-xgboost there. */
export const XGBOOST_REGISTRIES: Readonly<Record<string, string>> = {
  "us-east-1": "683313688378",
  "us-east-2": "257758044811",
  "us-west-1": "746614075791",
  "us-west-2": "246618743249",
  "ca-central-1": "341280168497",
  "sa-east-1": "737474898029",
  "eu-west-1": "141502667606",
  "eu-west-2": "764974769150",
  "eu-west-3": "659782779980",
  "eu-central-1": "492215442770",
  "eu-north-1": "662702820516",
  "ap-northeast-1": "354813040037",
  "ap-northeast-2": "366743142698",
  "ap-south-1": "720646828776",
  "ap-southeast-1": "121021644041",
  "ap-southeast-2": "783357654285",
};
