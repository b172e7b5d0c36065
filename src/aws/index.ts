export type { IamCase, IamDecision, IamPolicies, PolicyDocument } from "./iam";
export { decide, evaluateMatrix, matrixFailures } from "./iam";
export type { LocalAws } from "./local-server";
export { resetLocalAws, startLocalAws } from "./local-server";
export type { AwsTarget } from "./target";
export { awsClientConfig, awsTarget, describeTarget, LOCAL_ACCOUNT_ID, LOCAL_REGION } from "./target";
