// Week 6, MLOps: the MLflow server and client, reference profiles, drift, and the statistics behind them.
// Notebooks import this file by name, `./src/mlops/index` (tslab resolves files, never folders); the pipeline's
// steps are in `./src/mlops/pipeline/index`.
export { connectMlflow, DEFAULT_MLFLOW_PORT, type MlflowConnection } from "./connect";
export {
  DEFAULT_DRIFT_THRESHOLDS,
  type DriftReport,
  type DriftThresholds,
  driftReport,
  type FeatureDrift,
  formatDriftTable,
  shiftRows,
} from "./drift";
export { driftFigures, driftHtml } from "./drift-html";
export { binShareChart, ecdfChart, psiChart } from "./drift-plots";
export {
  bucketsIncrease,
  type LatencyWindow,
  latencyPanel,
  latencyWindow,
  type PromBucket,
  type PromSample,
  parsePrometheusText,
  promHistogramQuantile,
  sumBuckets,
  type WindowOptions,
} from "./latency";
export {
  type CreateModelVersionInput,
  type CreateRunInput,
  LOG_BATCH_LIMITS,
  type LogBatchInput,
  type MetricInput,
  MlflowClient,
  type MlflowClientOptions,
  type SearchRunsInput,
} from "./mlflow-client";
export { hasErrorCode, MlflowApiError, MlflowError, MlflowNetworkError } from "./mlflow-errors";
export {
  defaultMlflowDir,
  MLFLOW_QUIET_ENV,
  type MlflowServer,
  type MlflowServerOptions,
  mlflowExecutable,
  mlflowServerArgs,
  startMlflowServer,
} from "./mlflow-server";
export type {
  ArtifactFile,
  Experiment,
  Metric,
  ModelVersion,
  RegisteredModel,
  Run,
  RunInfo,
  RunStatus,
} from "./mlflow-types";
export {
  buildProfile,
  type FeatureProfile,
  PROFILE_FORMAT,
  parseProfile,
  QUANTILE_LEVELS,
  type ReferenceProfile,
} from "./profile";
export {
  type PredictAnswer,
  predict,
  type ServedModel,
  serveModel,
  startCapstoneApi,
  startMinimalScorer,
} from "./serve";
export {
  binCounts,
  binIndex,
  type KsResult,
  kolmogorovSf,
  ksStatistic,
  ksTest,
  PSI_EPSILON,
  proportions,
  psi,
  psiFromProportions,
  quantileEdges,
  quantileSorted,
  rocAuc,
} from "./stats";
