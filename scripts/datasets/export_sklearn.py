"""Export scikit-learn's bundled toy datasets to datasets/*.csv.

MAINTAINER TOOL. A learner never needs to run this: the CSVs it writes are committed
to the repository, and src/data/ loads them (checking their sha256 first).

The committed files were produced with scikit-learn 1.7.2 (its wheel ships the data
under sklearn/datasets/data/). To re-run it you need Python with scikit-learn and numpy:

    python scripts/datasets/export_sklearn.py            # writes datasets/*.csv
    python scripts/datasets/export_sklearn.py --check    # only compares, writes nothing

If you export with another scikit-learn version and a file changes, update its sha256
in src/data/registry.ts and datasets/README.md (the script prints them).

What the export does, and why:
- Column names become snake_case ("mean radius" -> "mean_radius",
  "sepal length (cm)" -> "sepal_length_cm") so they are valid identifiers everywhere.
- The target is always the last column.
- breast-cancer: `target` is FLIPPED from scikit-learn's encoding. scikit-learn has
  0 = malignant, 1 = benign; we write 1 = malignant, 0 = benign, so that the positive
  class (1) is the thing a screening model must detect and precision/recall read naturally.
- iris `species` and wine `cultivar` are written as their label strings.
- diabetes is the UNSCALED table (load_diabetes(scaled=False)): real ages, BMI, blood
  pressure and serum values, not scikit-learn's mean-centred, norm-scaled version.
- Numbers are written as the shortest decimal that parses back to exactly the same
  float64 scikit-learn holds (no rounding, no exponent notation, "59" rather than "59.0").
  The script re-reads every file it writes and fails unless the round trip is exact.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn import datasets

EXPECTED_SKLEARN = "1.7.2"
ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "datasets"


def snake(name: str) -> str:
    """'mean radius' -> 'mean_radius', 'sepal length (cm)' -> 'sepal_length_cm', 'od280/od315_x' -> 'od280_od315_x'."""
    return re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")


def fmt(value: float) -> str:
    """Shortest positional decimal that round-trips to the same float64 (trim='-' drops a trailing '.0')."""
    if not np.isfinite(value):
        raise ValueError(f"refusing to write non-finite value {value!r}")
    return np.format_float_positional(value, unique=True, trim="-")


def build_tables() -> dict[str, tuple[list[str], np.ndarray, list[str]]]:
    """name -> (header, float64 feature matrix, target cells as strings)."""
    tables: dict[str, tuple[list[str], np.ndarray, list[str]]] = {}

    bc = datasets.load_breast_cancer()
    assert list(bc.target_names) == ["malignant", "benign"], bc.target_names
    flipped = 1 - bc.target  # sklearn: 0 = malignant. Ours: 1 = malignant (the positive class).
    tables["breast-cancer"] = (
        [snake(f) for f in bc.feature_names] + ["target"],
        bc.data,
        [str(int(t)) for t in flipped],
    )

    iris = datasets.load_iris()
    tables["iris"] = (
        [snake(f) for f in iris.feature_names] + ["species"],
        iris.data,
        [str(iris.target_names[t]) for t in iris.target],
    )

    wine = datasets.load_wine()
    tables["wine"] = (
        [snake(f) for f in wine.feature_names] + ["cultivar"],
        wine.data,
        [str(wine.target_names[t]) for t in wine.target],
    )

    diabetes = datasets.load_diabetes(scaled=False)
    tables["diabetes"] = (
        [snake(f) for f in diabetes.feature_names] + ["target"],
        diabetes.data,
        [fmt(float(t)) for t in diabetes.target],
    )
    return tables


def render(header: list[str], data: np.ndarray, target: list[str]) -> str:
    buf = io.StringIO()
    # "\n" line endings on every platform, so the sha256 is the same everywhere.
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row, t in zip(data, target, strict=True):
        writer.writerow([fmt(float(v)) for v in row] + [t])
    return buf.getvalue()


def check_round_trip(text: str, header: list[str], data: np.ndarray, target: list[str], name: str) -> None:
    """Parse what we are about to write and demand bit-identical floats and identical labels."""
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == header, f"{name}: header changed in the round trip"
    body = rows[1:]
    assert len(body) == data.shape[0], f"{name}: {len(body)} rows written, {data.shape[0]} expected"
    back = np.array([[float(c) for c in r[:-1]] for r in body], dtype=np.float64)
    if not np.array_equal(back, data):
        bad = np.argwhere(back != data)[0]
        raise SystemExit(f"{name}: value at row {bad[0]} col {bad[1]} does not round-trip exactly")
    assert [r[-1] for r in body] == target, f"{name}: target column changed in the round trip"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args()

    if sklearn.__version__ != EXPECTED_SKLEARN:
        print(
            f"warning: scikit-learn {sklearn.__version__}, but the committed files came from {EXPECTED_SKLEARN}; "
            "compare the sha256 values below with datasets/README.md",
            file=sys.stderr,
        )

    differs = False
    for name, (header, data, target) in build_tables().items():
        text = render(header, data, target)
        check_round_trip(text, header, data, target, name)
        raw = text.encode("utf-8")
        path = OUT_DIR / f"{name}.csv"
        if args.check:
            same = path.exists() and path.read_bytes() == raw
            differs |= not same
            status = "same" if same else "DIFFERENT"
        else:
            OUT_DIR.mkdir(exist_ok=True)
            path.write_bytes(raw)
            status = "written"
        print(f"{path.relative_to(ROOT)}  rows={data.shape[0]}  sha256={hashlib.sha256(raw).hexdigest()}  {status}")
    return 1 if differs else 0


if __name__ == "__main__":
    sys.exit(main())
