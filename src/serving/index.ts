// Serving helpers shared by the capstone API and the notebooks that teach it. Notebooks must name this file,
// `import { FlatForest } from "./src/serving/index"`: tslab resolves a local import only as <path>.ts.
export { FlatForest } from "./flat-forest";
