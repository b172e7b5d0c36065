"""scikit-learn's side of bench/forest-vs-sklearn.ts.

Reads one JSON object on stdin: {"X": rows, "y": labels, "folds": [{"train": [...], "test": [...]}, ...],
"nEstimators": 100, "repeats": 3, "seed": 0}. The folds come from the TypeScript side, so both libraries are
cross-validated on exactly the same rows.

Prints one JSON object: the fit times in seconds (the whole table, `repeats` times), and the accuracy on each fold.
Only fit() and predict() are timed: not Python's start-up, nor importing scikit-learn, nor reading the JSON.
"""

import json
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier


def make_forest(n_estimators: int, seed: int) -> RandomForestClassifier:
    # The benchmark's settings: 100 trees, sqrt(d) features per split, bootstrap, no depth limit, one core.
    return RandomForestClassifier(
        n_estimators=n_estimators,
        max_features="sqrt",
        bootstrap=True,
        max_depth=None,
        n_jobs=1,
        random_state=seed,
    )


def main() -> None:
    job = json.load(sys.stdin)
    X = np.asarray(job["X"], dtype=np.float64)
    y = np.asarray(job["y"], dtype=np.int64)
    n_estimators = int(job["nEstimators"])
    seed = int(job["seed"])

    fit_seconds = []
    for _ in range(int(job["repeats"])):
        forest = make_forest(n_estimators, seed)
        start = time.perf_counter()
        forest.fit(X, y)
        fit_seconds.append(time.perf_counter() - start)

    fold_accuracy = []
    for fold in job["folds"]:
        train, test = np.asarray(fold["train"]), np.asarray(fold["test"])
        forest = make_forest(n_estimators, seed).fit(X[train], y[train])
        fold_accuracy.append(float((forest.predict(X[test]) == y[test]).mean()))

    json.dump({"sklearn": sklearn.__version__, "fitSeconds": fit_seconds, "foldAccuracy": fold_accuracy}, sys.stdout)


if __name__ == "__main__":
    main()
