"""pickle and joblib, side by side, and why loading an untrusted pickle runs code.

Run by notebooks/week-04-model-serving.ipynb ("Serialization across languages") with the project's .venv:

    .venv/bin/python scripts/serialization/pickle_demo.py

1. Trains a scikit-learn RandomForestClassifier on datasets/breast-cancer.csv, saves it with pickle and with joblib
   into a temporary folder, loads both back, and checks they predict exactly what the original does.
2. Builds a pickle whose loading writes a marker file in that temporary folder (and does nothing else), loads it with
   pickle.loads and again with joblib.load, and shows the instructions inside it that name the function to call.
Everything happens in a fresh temporary folder, which is deleted at the end.
"""

from __future__ import annotations

import csv
import io
import pickle
import pickletools
import tempfile
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier

ROOT = Path(__file__).resolve().parents[2]


def load_cancer() -> tuple[np.ndarray, np.ndarray]:
    with (ROOT / "datasets" / "breast-cancer.csv").open(newline="") as f:
        rows = list(csv.reader(f))[1:]
    return np.array([[float(v) for v in r[:-1]] for r in rows]), np.array([int(r[-1]) for r in rows])


class WritesAMarker:
    """An object whose pickle says: "to rebuild me, call Path.write_text(marker, ...)".

    pickle asks an object how to rebuild it (__reduce__), and the answer is ANY importable callable and its arguments.
    The unpickler imports the callable and calls it, before anyone gets to look at the result. A real attacker would
    name os.system or exec; this one only writes a file in the demo's own temporary folder.
    """

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "written while unpickling\n"))


def main() -> None:
    X, y = load_cancer()
    forest = RandomForestClassifier(n_estimators=50, max_depth=6, random_state=0, n_jobs=1).fit(X, y)
    expected = forest.predict_proba(X)
    with tempfile.TemporaryDirectory(prefix="pickle-demo-") as tmp:
        folder = Path(tmp)
        print(f"1. a scikit-learn {sklearn.__version__} forest (50 trees), saved two ways and loaded back")
        with (folder / "forest.pkl").open("wb") as f:
            pickle.dump(forest, f)
        joblib.dump(forest, folder / "forest.joblib")
        for name, load in [("forest.pkl", pickle.load), ("forest.joblib", None)]:
            path = folder / name
            if load is None:
                back = joblib.load(path)
            else:
                with path.open("rb") as f:
                    back = load(f)
            same = np.array_equal(back.predict_proba(X), expected)
            head = path.read_bytes()[:2]
            print(f"   {name:14} {path.stat().st_size:>9,} bytes, starts with {head!r} (pickle protocol {head[1]}); "
                  f"same probabilities for all {len(X)} rows: {same}")

        print("\n2. a pickle that runs code when it loads")
        marker = folder / "marker.txt"
        payload = pickle.dumps(WritesAMarker(marker))
        print("   what the file says (pickletools.dis; STACK_GLOBAL imports a callable, REDUCE calls it):")
        listing = io.StringIO()
        pickletools.dis(payload, out=listing)
        for line in listing.getvalue().splitlines():
            if any(op in line for op in ("SHORT_BINUNICODE", "STACK_GLOBAL", "REDUCE")):
                print(f"     {line.strip()}")
        print(f"   marker exists before loading: {marker.exists()}")
        obj = pickle.loads(payload)
        print(f"   pickle.loads(...) -> {obj!r} (the callable's return value, not a WritesAMarker)")
        print(f"   marker exists after loading:  {marker.exists()}, it says: {marker.read_text().strip()!r}")
        marker.unlink()
        (folder / "evil.joblib").write_bytes(payload)
        joblib.load(folder / "evil.joblib")
        print(f"   joblib.load of the same bytes wrote it again: {marker.exists()} (joblib files are pickles)")


if __name__ == "__main__":
    main()
