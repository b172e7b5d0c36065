/**
 * The one table of the datasets committed under datasets/. Everything else (the loader, the tests, the README)
 * agrees with this table; change a CSV and its sha256 and rows here must change too, or loading it fails on purpose.
 */

export type DatasetName = "breast-cancer" | "iris" | "wine" | "diabetes" | "penguins";
export type Task = "classification" | "regression";

interface BaseSpec {
  readonly name: DatasetName;
  /** File name inside datasets/. */
  readonly file: string;
  /** sha256 of the file's bytes, checked before every load. */
  readonly sha256: string;
  /** Data rows in the file (header not counted), before any incomplete rows are dropped. */
  readonly rows: number;
  /** The exact header, in order. A file whose header differs is rejected. */
  readonly columns: readonly string[];
  /** The numeric columns that make up X, in this order. */
  readonly featureNames: readonly string[];
  /** The column that becomes y. */
  readonly targetName: string;
}

export interface ClassificationSpec extends BaseSpec {
  readonly task: "classification";
  /** Fixed class order: y holds indices into this array. */
  readonly classNames: readonly string[];
  /**
   * How the target column is written: "index" means the cell is already the class index (0, 1, ...),
   * "label" means it holds the class name, which the loader turns into its index in classNames.
   */
  readonly targetEncoding: "index" | "label";
}

export interface RegressionSpec extends BaseSpec {
  readonly task: "regression";
}

export type DatasetSpec = ClassificationSpec | RegressionSpec;

// Breast cancer has 10 measurements of each cell nucleus image, each summarised three ways: the mean, the standard
// error and the "worst" (mean of the three largest). Spelling the 30 names out by hand invites typos.
const NUCLEUS_MEASUREMENTS = [
  "radius",
  "texture",
  "perimeter",
  "area",
  "smoothness",
  "compactness",
  "concavity",
  "concave_points",
  "symmetry",
  "fractal_dimension",
];
const BREAST_CANCER_FEATURES = [
  ...NUCLEUS_MEASUREMENTS.map((m) => `mean_${m}`),
  ...NUCLEUS_MEASUREMENTS.map((m) => `${m}_error`),
  ...NUCLEUS_MEASUREMENTS.map((m) => `worst_${m}`),
];

const IRIS_FEATURES = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"];

const WINE_FEATURES = [
  "alcohol",
  "malic_acid",
  "ash",
  "alcalinity_of_ash",
  "magnesium",
  "total_phenols",
  "flavanoids",
  "nonflavanoid_phenols",
  "proanthocyanins",
  "color_intensity",
  "hue",
  "od280_od315_of_diluted_wines",
  "proline",
];

const DIABETES_FEATURES = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];

const PENGUIN_FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"];

export const DATASETS: { readonly [N in DatasetName]: DatasetSpec & { readonly name: N } } = {
  "breast-cancer": {
    name: "breast-cancer",
    file: "breast-cancer.csv",
    sha256: "738c564042a874cc25ff7cf4cad9a815253adf80b0cf979b2632f21710d4994d",
    rows: 569,
    task: "classification",
    columns: [...BREAST_CANCER_FEATURES, "target"],
    featureNames: BREAST_CANCER_FEATURES,
    targetName: "target",
    // 1 = malignant is the positive class, the thing to detect (scikit-learn's own encoding is the reverse).
    classNames: ["benign", "malignant"],
    targetEncoding: "index",
  },
  iris: {
    name: "iris",
    file: "iris.csv",
    sha256: "27ae50b33722da23f76475e7fd89b5e0282574d3cce570f1ae2d8773d596278b",
    rows: 150,
    task: "classification",
    columns: [...IRIS_FEATURES, "species"],
    featureNames: IRIS_FEATURES,
    targetName: "species",
    classNames: ["setosa", "versicolor", "virginica"],
    targetEncoding: "label",
  },
  wine: {
    name: "wine",
    file: "wine.csv",
    sha256: "0b1878a85c7319cb85c8f5eed4731bac48b130b99bb19169c8ac7f55fbc984f7",
    rows: 178,
    task: "classification",
    columns: [...WINE_FEATURES, "cultivar"],
    featureNames: WINE_FEATURES,
    targetName: "cultivar",
    classNames: ["class_0", "class_1", "class_2"],
    targetEncoding: "label",
  },
  diabetes: {
    name: "diabetes",
    file: "diabetes.csv",
    sha256: "461ee313b848f6288ff3f3032b02846ca3261fcb4809542d156564ecf718c0e8",
    rows: 442,
    task: "regression",
    columns: [...DIABETES_FEATURES, "target"],
    featureNames: DIABETES_FEATURES,
    targetName: "target",
  },
  penguins: {
    name: "penguins",
    file: "penguins.csv",
    sha256: "e07636bd8af74260099ea2f8678e2eabbf35def579940cc76f67061ee16c06c1",
    rows: 344,
    task: "classification",
    // island and sex are text columns kept in the file for exploration; they are not numeric features.
    columns: ["species", "island", ...PENGUIN_FEATURES, "sex"],
    featureNames: PENGUIN_FEATURES,
    targetName: "species",
    classNames: ["Adelie", "Chinstrap", "Gentoo"],
    targetEncoding: "label",
  },
};

/** Every dataset name, in the table's order. */
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

/** The table row for `name`, with an error listing the valid names for anything else (notebooks can pass any string). */
export function getDatasetSpec(name: string): DatasetSpec {
  if (!Object.hasOwn(DATASETS, name)) {
    throw new Error(`Unknown dataset "${name}". Choose one of: ${DATASET_NAMES.join(", ")}.`);
  }
  return DATASETS[name as DatasetName];
}
