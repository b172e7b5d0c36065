// Trains a small random forest on iris and saves it as a model artifact, for probing a freshly built image.
// usage: npx tsx scripts/images/demo-model.ts OUT.json
import { loadDataset } from "../../src/data/index";
import { forestToArtifact, RandomForest, saveArtifact } from "../../src/ml/index";

const out = process.argv[2];
if (!out) {
  console.error("usage: demo-model.ts OUT.json");
  process.exit(2);
}
const iris = loadDataset("iris");
const forest = new RandomForest({ nEstimators: 20, seed: 1 }).fit(iris.X, iris.y);
saveArtifact(
  out,
  forestToArtifact(forest, {
    featureNames: iris.featureNames,
    classNames: iris.classNames,
    metadata: { trainedAt: new Date().toISOString(), dataset: "iris", rows: iris.rows },
  }),
);
console.log(`saved a 20-tree iris forest to ${out}`);
