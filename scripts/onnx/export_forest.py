"""Train a scikit-learn random forest on datasets/breast-cancer.csv and export it to ONNX with skl2onnx.

MAINTAINER TOOL, committed so the ONNX file can be rebuilt and checked. Its two outputs are committed too, so the
week-4 ONNX exercise works on a fresh clone without Python:

    datasets/models/breast-cancer-forest.onnx    the model (an ONNX TreeEnsembleClassifier, float32 input)
    datasets/models/breast-cancer-forest.json    how it was made (versions, settings, the onnx file's sha256) and
                                                 scikit-learn's own predict_proba for all 569 rows, the numbers an
                                                 ONNX runtime must reproduce

Run it with the project's Python (npm run setup builds .venv with scikit-learn, skl2onnx and onnx):

    .venv/bin/python scripts/onnx/export_forest.py                 # writes both files
    .venv/bin/python scripts/onnx/export_forest.py --out-dir DIR   # writes them elsewhere (a test compares)

Same seed and versions, same bytes: the forest is fitted with a fixed random_state on one core, and skl2onnx writes
the trees in order. A different scikit-learn or skl2onnx version may change the bytes; then update the committed
files together (the sha256 in the .json always describes the .onnx beside it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
import skl2onnx
import sklearn
from skl2onnx import to_onnx
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "datasets" / "breast-cancer.csv"
NAME = "breast-cancer-forest"
# The capstone's forest settings (capstone/src/training.ts): 100 trees, depth at most 10, sqrt(30) features per
# split. The split is scikit-learn's own (stratified, 20% test, seed 42); the ONNX check uses all 569 rows.
SETTINGS = {"n_estimators": 100, "max_depth": 10, "max_features": "sqrt", "random_state": 42}
TEST_SIZE = 0.2
SPLIT_SEED = 42
# The newest operator sets the converter may use, pinned so the file does not change with the installed onnx
# package's newest ones. The forest needs only ai.onnx.ml's TreeEnsembleClassifier (version 1 suffices; its
# thresholds and leaf values are float32), which onnxruntime-web implements.
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}


def load() -> tuple[np.ndarray, np.ndarray, list[str]]:
    with DATASET.open(newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in r[:-1]] for r in body], dtype=np.float64)
    y = np.array([int(r[-1]) for r in body], dtype=np.int64)
    return X, y, header[:-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT / "datasets" / "models")
    args = parser.parse_args()

    X, y, feature_names = load()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=TEST_SIZE, stratify=y, random_state=SPLIT_SEED
    )
    forest = RandomForestClassifier(**SETTINGS, n_jobs=1).fit(X_train, y_train)
    accuracy = float((forest.predict(X_test) == y_test).mean())

    # zipmap=False: probabilities come out as one [n, 2] float tensor, not a list of {class: p} maps, which is what
    # a TypeScript caller wants (and all onnxruntime-web can hand back for a sequence of maps is awkward).
    model = to_onnx(
        forest,
        X[:1].astype(np.float32),
        options={id(forest): {"zipmap": False}},
        target_opset=TARGET_OPSET,
    )
    model.doc_string = f"{NAME}: scikit-learn {sklearn.__version__} RandomForestClassifier, skl2onnx {skl2onnx.__version__}"
    onnx.checker.check_model(model)
    data = model.SerializeToString()

    args.out_dir.mkdir(parents=True, exist_ok=True)
    onnx_path = args.out_dir / f"{NAME}.onnx"
    onnx_path.write_bytes(data)
    reference = {
        "onnx": onnx_path.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "made_by": "scripts/onnx/export_forest.py",
        "versions": {"scikit-learn": sklearn.__version__, "skl2onnx": skl2onnx.__version__, "onnx": onnx.__version__},
        "dataset": "breast-cancer",
        "settings": SETTINGS,
        "split": {"test_size": TEST_SIZE, "stratify": True, "random_state": SPLIT_SEED},
        "test_accuracy": accuracy,
        "nodes": int(sum(tree.tree_.node_count for tree in forest.estimators_)),
        "input": {"name": model.graph.input[0].name, "dtype": "float32", "shape": ["n", len(feature_names)]},
        "outputs": [o.name for o in model.graph.output],
        "feature_names": feature_names,
        # datasets/breast-cancer.csv's encoding: 1 = malignant.
        "class_names": ["benign", "malignant"],
        "classes": [int(c) for c in forest.classes_],
        # scikit-learn's predict_proba (float64) for every row of the CSV, in file order.
        "sklearn_proba": [[float(p) for p in row] for row in forest.predict_proba(X)],
    }
    (args.out_dir / f"{NAME}.json").write_text(json.dumps(reference, indent=1) + "\n")
    print(f"wrote {onnx_path} ({len(data):,} bytes, sha256 {reference['sha256']}), test accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
