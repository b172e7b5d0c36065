// Neural-network helpers for TensorFlow.js: the backend chooser, live training progress, and saving models.
// Notebooks must name this file, `import { chooseBackend } from "./src/nn/index"` (tslab resolves files, not folders).
export { type BackendChoice, type BackendName, type ChooseBackendOptions, chooseBackend, useBackend } from "./backend";
export { type FitProgress, type FitProgressOptions, fitProgress } from "./progress";
export {
  ENVELOPE_FILE,
  loadTfjsModel,
  MODEL_JSON,
  type SaveTfjsOptions,
  saveTfjsModel,
  TFJS_KIND,
  type TfjsPayload,
  WEIGHTS_BIN,
} from "./save";
