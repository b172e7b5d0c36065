// The week-6 pipeline's public surface. Notebooks import this file: `./src/mlops/pipeline/index`.
export { csvData, dataSha256, datasetData, toCsv } from "./data";
export { DEFAULT_GATE, evaluateModel, type GateOptions, gateChecks } from "./evaluate";
export {
  artifactText,
  CHAMPION_ALIAS,
  type Champion,
  deployedVersionName,
  loadChampion,
  MODEL_FILE,
  PROFILE_FILE,
  promote,
  registerVersion,
} from "./registry";
export { formatReport, markdownReport } from "./report";
export {
  capstoneModelPath,
  DEFAULT_EXPERIMENT,
  DEFAULT_MODEL_NAME,
  type PipelineOptions,
  runPipeline,
} from "./run";
export { DEFAULT_TRAIN_PARAMS, modelSha256, type SplitData, splitData, type TrainParams, trainForest } from "./train";
export type { ChampionInfo, Check, EvaluationMetrics, PipelineData, PipelineReport, StepName } from "./types";
export { STEPS } from "./types";
export { contractFor, type DataContract, describeCheck, leakageCheck, validateData } from "./validate";
