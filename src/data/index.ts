// The data layer's public surface: notebooks, exercise tests and the API import from here, not from the files behind it.
// Notebooks must name this file, `import { loadDataset } from "./src/data/index"`: tslab 1.0.22 resolves a local
// import only as <path>.ts, never as <folder>/index.ts. tsx (tests, scripts) accepts the folder, "./src/data", too.
export { type Cell, type CsvOptions, type CsvRow, type CsvTable, parseCsv, readCsv } from "./csv";
export { type Dataset, type LoadOptions, loadDataset, sha256File } from "./load";
export { createRng, mulberry32, Random } from "./random";
export {
  type ClassificationSpec,
  DATASET_NAMES,
  DATASETS,
  type DatasetName,
  type DatasetSpec,
  getDatasetSpec,
  type RegressionSpec,
  type Task,
} from "./registry";
export { fitStandardizer, makeStandardizer, type Standardizer } from "./scale";
export { type Split, type SplitOptions, trainTestSplit } from "./split";
export { makeCircles, makeMoons, type SyntheticOptions, type TwoClassData } from "./synthetic";
