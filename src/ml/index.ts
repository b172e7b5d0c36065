// Trees, forests and the saved-model format. Notebooks must name this file,
// `import { RandomForest } from "./src/ml/index"`: tslab resolves a local import only as <path>.ts, never a folder.
export {
  ARTIFACT_FORMAT,
  ArtifactError,
  type ArtifactErrorCode,
  type ArtifactFields,
  type ArtifactMetadata,
  ArtifactSchema,
  artifactChecksum,
  type CompanionFile,
  canonicalJson,
  companionPath,
  createArtifact,
  describeCompanion,
  type LoadArtifactOptions,
  loadArtifact,
  type ModelArtifact,
  SCHEMA_VERSION,
  SUPPORTED_SCHEMA_VERSIONS,
  saveArtifact,
} from "./artifact";
export { confusionAt, rocPoints, type ThresholdCounts, thresholdCounts } from "./binary-curves";
export { type Fold, kFold, stratifiedKFold } from "./folds";
export { argmax, type ForestModel, type ForestOptions, type ForestParams, RandomForest } from "./forest";
export type { Criterion, TreeNodes } from "./grow";
export { entropy, gini, mse } from "./impurity";
export { fitLogisticNewton, type NewtonLogisticModel, newtonLogisticProba, penalisedLogLoss } from "./logistic";
export { type ColumnMajor, type Features, takeRows, toColumnMajor } from "./matrix";
export { accuracy, meanSquaredError, r2Score } from "./metrics";
export type { NodesJSON } from "./nodes";
export type { MaxFeatures, Task, TreeOptions, TreeParams } from "./params";
export { DecisionTree, type TreeFitOptions, type TreeModel } from "./tree";
export {
  ForestModelSchema,
  forestFromArtifact,
  forestToArtifact,
  loadForest,
  loadTree,
  type ToArtifactOptions,
  TreeModelSchema,
  treeFromArtifact,
  treeToArtifact,
} from "./tree-artifacts";
