/**
 * Trees and forests in and out of the artifact envelope (artifact.ts). The envelope knows nothing about trees; this
 * file knows the "decision-tree" and "random-forest" payloads, validates them with TypeBox, and checks that the
 * envelope's featureNames / classNames agree with the model (a forest trained on 30 features must list 30 names).
 *
 *   saveArtifact("models/cancer-rf.json", forestToArtifact(rf, { featureNames, classNames, metadata: { dataset } }));
 *   const rf2 = loadForest("models/cancer-rf.json");   // same predictions, to the last bit
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import {
  ArtifactError,
  type ArtifactFields,
  type ArtifactMetadata,
  createArtifact,
  loadArtifact,
  type ModelArtifact,
} from "./artifact";
import { type ForestModel, RandomForest } from "./forest";
import { DecisionTree, type TreeModel } from "./tree";

const Numbers = Type.Array(Type.Number());
const NodesSchema = Type.Object({
  feature: Numbers,
  threshold: Numbers,
  left: Numbers,
  right: Numbers,
  value: Numbers,
  impurity: Numbers,
  samples: Numbers,
});
const TreeParamsProps = {
  task: Type.Union([Type.Literal("classification"), Type.Literal("regression")]),
  criterion: Type.Union([Type.Literal("gini"), Type.Literal("entropy"), Type.Literal("mse")]),
  maxDepth: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  minSamplesSplit: Type.Integer({ minimum: 2 }),
  minSamplesLeaf: Type.Integer({ minimum: 1 }),
  maxFeatures: Type.Union([
    Type.Literal("sqrt"),
    Type.Literal("log2"),
    Type.Literal("all"),
    Type.Integer({ minimum: 1 }),
  ]),
  seed: Type.Integer({ minimum: 0 }),
};
const ModelHeader = {
  task: TreeParamsProps.task,
  nFeatures: Type.Integer({ minimum: 1 }),
  nClasses: Type.Integer({ minimum: 0 }),
};
export const TreeModelSchema = Type.Object({
  ...ModelHeader,
  params: Type.Object(TreeParamsProps),
  nodes: NodesSchema,
});
export const ForestModelSchema = Type.Object({
  ...ModelHeader,
  params: Type.Object({ ...TreeParamsProps, nEstimators: Type.Integer({ minimum: 1 }), bootstrap: Type.Boolean() }),
  oobScore: Type.Union([Type.Number(), Type.Null()]),
  trees: Type.Array(NodesSchema, { minItems: 1 }),
});

// Compile-time check that the schemas and the models' own types agree.
const _treeSchemaMatches = (m: Static<typeof TreeModelSchema>): TreeModel => m;
const _forestSchemaMatches = (m: Static<typeof ForestModelSchema>): ForestModel => m;

export interface ToArtifactOptions {
  /** Names of the features, in the column order the model was trained on. */
  featureNames: readonly string[];
  /** Classification: classNames[i] is the label of class i. */
  classNames?: readonly string[];
  /** dataset, rows, metrics, ...: params and trainedAt are filled in unless you give them. */
  metadata?: Partial<ArtifactMetadata>;
}

function fields<M extends { task: string; nFeatures: number; nClasses: number; params: object }>(
  kind: string,
  model: M,
  o: ToArtifactOptions,
  metrics: Record<string, number | null>,
): ArtifactFields<M> {
  if (o.featureNames.length !== model.nFeatures) {
    throw new Error(`featureNames has ${o.featureNames.length} names but the model uses ${model.nFeatures} features.`);
  }
  if (model.task === "classification") {
    if (o.classNames === undefined) throw new Error("a classification model needs classNames (label of each class).");
    if (o.classNames.length !== model.nClasses) {
      throw new Error(`classNames has ${o.classNames.length} names but the model has ${model.nClasses} classes.`);
    }
  }
  return {
    kind,
    task: model.task,
    featureNames: [...o.featureNames],
    ...(model.task === "classification" ? { classNames: [...o.classNames!] } : {}),
    metadata: {
      params: { ...model.params },
      ...o.metadata,
      metrics: { ...metrics, ...o.metadata?.metrics },
    },
    model,
  };
}

export function forestToArtifact(forest: RandomForest, o: ToArtifactOptions): ModelArtifact<ForestModel> {
  const model = forest.toJSON();
  return createArtifact(fields("random-forest", model, o, { oobScore: model.oobScore }));
}

export function treeToArtifact(tree: DecisionTree, o: ToArtifactOptions): ModelArtifact<TreeModel> {
  return createArtifact(fields("decision-tree", tree.toJSON(), o, {}));
}

/** Check an artifact's payload against its schema and the envelope; `M` is what the payload then is. */
function payload<M extends { task: string; nFeatures: number; nClasses: number }>(
  artifact: ModelArtifact,
  kind: string,
  schema: TSchema,
): M {
  if (artifact.kind !== kind) {
    throw new ArtifactError("wrong-kind", `this artifact holds a "${artifact.kind}" model, not a "${kind}".`);
  }
  if (!Value.Check(schema, artifact.model)) {
    const errors = [...Value.Errors(schema, artifact.model)].slice(0, 5);
    throw new ArtifactError(
      "invalid",
      `the ${kind} payload is invalid: ${errors.map((e) => `model${e.path}: ${e.message}`).join("; ")}`,
    );
  }
  const model = artifact.model as M;
  const problems: string[] = [];
  if (model.task !== artifact.task) problems.push(`model.task is ${model.task}, the artifact says ${artifact.task}`);
  if (artifact.featureNames.length !== model.nFeatures) {
    problems.push(`${artifact.featureNames.length} featureNames for ${model.nFeatures} features`);
  }
  if (model.task === "classification" && artifact.classNames?.length !== model.nClasses) {
    problems.push(`${artifact.classNames?.length ?? 0} classNames for ${model.nClasses} classes`);
  }
  if (problems.length > 0)
    throw new ArtifactError("invalid", `the ${kind} artifact is inconsistent: ${problems.join("; ")}.`);
  return model;
}

export function forestFromArtifact(artifact: ModelArtifact): RandomForest {
  return RandomForest.fromJSON(payload<ForestModel>(artifact, "random-forest", ForestModelSchema));
}

export function treeFromArtifact(artifact: ModelArtifact): DecisionTree {
  return DecisionTree.fromJSON(payload<TreeModel>(artifact, "decision-tree", TreeModelSchema));
}

/** loadArtifact + forestFromArtifact: the forest and its envelope (featureNames, classNames, metadata). */
export function loadForest(path: string): { forest: RandomForest; artifact: ModelArtifact<ForestModel> } {
  const artifact = loadArtifact<ForestModel>(path, { expectKind: "random-forest" });
  return { forest: forestFromArtifact(artifact), artifact };
}

export function loadTree(path: string): { tree: DecisionTree; artifact: ModelArtifact<TreeModel> } {
  const artifact = loadArtifact<TreeModel>(path, { expectKind: "decision-tree" });
  return { tree: treeFromArtifact(artifact), artifact };
}
