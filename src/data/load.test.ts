import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../workspace/paths";
import { loadDataset, sha256File } from "./load";
import { DATASET_NAMES, DATASETS, type DatasetName } from "./registry";

// Written out independently of registry.ts (and checked against `sha256sum datasets/*.csv`), so a wrong registry
// entry fails here instead of being trusted by the loader that reads it.
const EXPECTED: Record<DatasetName, { sha256: string; fileRows: number; rows: number; features: number }> = {
  "breast-cancer": {
    sha256: "738c564042a874cc25ff7cf4cad9a815253adf80b0cf979b2632f21710d4994d",
    fileRows: 569,
    rows: 569,
    features: 30,
  },
  iris: {
    sha256: "27ae50b33722da23f76475e7fd89b5e0282574d3cce570f1ae2d8773d596278b",
    fileRows: 150,
    rows: 150,
    features: 4,
  },
  wine: {
    sha256: "0b1878a85c7319cb85c8f5eed4731bac48b130b99bb19169c8ac7f55fbc984f7",
    fileRows: 178,
    rows: 178,
    features: 13,
  },
  diabetes: {
    sha256: "461ee313b848f6288ff3f3032b02846ca3261fcb4809542d156564ecf718c0e8",
    fileRows: 442,
    rows: 442,
    features: 10,
  },
  penguins: {
    sha256: "e07636bd8af74260099ea2f8678e2eabbf35def579940cc76f67061ee16c06c1",
    fileRows: 344,
    rows: 342,
    features: 4,
  },
};

const datasetsDir = join(findRoot(), "datasets");

function classCounts(y: number[], classNames: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of classNames) counts[name] = 0;
  for (const c of y) counts[classNames[c]]++;
  return counts;
}

describe("every dataset", () => {
  for (const name of DATASET_NAMES) {
    test(`${name}: checksum, shape and registry agree`, () => {
      const want = EXPECTED[name];
      const spec = DATASETS[name];
      assert.equal(sha256File(join(datasetsDir, spec.file)), want.sha256);
      assert.equal(spec.sha256, want.sha256);
      assert.equal(spec.rows, want.fileRows);

      const d = loadDataset(name);
      assert.equal(d.rows, want.rows);
      assert.equal(d.X.length, want.rows);
      assert.equal(d.y.length, want.rows);
      assert.equal(d.rows + d.droppedRows, want.fileRows);
      assert.equal(d.featureNames.length, want.features);
      for (const row of d.X) {
        assert.equal(row.length, want.features);
        assert.ok(row.every(Number.isFinite), `${name}: every feature is a finite number`);
      }
      assert.ok(d.y.every(Number.isFinite));
      assert.equal(d.task, spec.task);
      assert.equal(d.targetName, spec.targetName);
      if (d.task === "classification") {
        assert.ok(d.classNames);
        assert.ok(d.y.every((c) => Number.isInteger(c) && c >= 0 && c < d.classNames!.length));
      } else {
        assert.equal(d.classNames, undefined);
      }
    });
  }
});

describe("class balance and spot values", () => {
  test("iris: 50 of each species, feature sums as in scikit-learn", () => {
    const d = loadDataset("iris");
    assert.deepEqual(classCounts(d.y, d.classNames!), { setosa: 50, versicolor: 50, virginica: 50 });
    const sums = [0, 1, 2, 3].map((j) => d.X.reduce((s, r) => s + r[j], 0));
    for (const [j, want] of [876.5, 458.6, 563.7, 179.9].entries()) assert.ok(Math.abs(sums[j] - want) < 1e-9);
  });

  test("breast cancer: 212 malignant (1) and 357 benign (0), flipped from scikit-learn", () => {
    const d = loadDataset("breast-cancer");
    assert.deepEqual(d.classNames, ["benign", "malignant"]);
    assert.deepEqual(classCounts(d.y, d.classNames!), { benign: 357, malignant: 212 });
    // The first row of the UCI file is a malignant tumour with mean radius 17.99.
    assert.equal(d.X[0][0], 17.99);
    assert.equal(d.classNames![d.y[0]], "malignant");
  });

  test("wine: 59 / 71 / 48 per cultivar", () => {
    const d = loadDataset("wine");
    assert.deepEqual(classCounts(d.y, d.classNames!), { class_0: 59, class_1: 71, class_2: 48 });
  });

  test("diabetes: unscaled features and the disease-progression target", () => {
    const d = loadDataset("diabetes");
    assert.deepEqual(d.X[0], [59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87]);
    assert.equal(
      d.y.reduce((s, v) => s + v, 0),
      67243,
    );
    assert.deepEqual([Math.min(...d.y), Math.max(...d.y)], [25, 346]);
  });

  test("penguins: 2 incomplete rows dropped by default, kept as NaN on request", () => {
    const d = loadDataset("penguins");
    assert.equal(d.droppedRows, 2);
    assert.deepEqual(classCounts(d.y, d.classNames!), { Adelie: 151, Chinstrap: 68, Gentoo: 123 });

    const kept = loadDataset("penguins", { missing: "keep" });
    assert.equal(kept.rows, 344);
    assert.equal(kept.droppedRows, 0);
    assert.equal(kept.X.filter((row) => row.some(Number.isNaN)).length, 2);
  });

  test("each call returns fresh arrays, so mutating one result cannot change the next", () => {
    const a = loadDataset("iris");
    a.X[0][0] = -1;
    a.featureNames.pop();
    a.classNames!.pop();
    const b = loadDataset("iris");
    assert.equal(b.X[0][0], 5.1);
    assert.equal(b.featureNames.length, 4);
    assert.equal(b.classNames!.length, 3);
  });
});

describe("clear errors", () => {
  const tmp = mkdtempSync(join(tmpdir(), "data-load-test-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test("a missing file names the file and how to restore it", () => {
    const dir = join(tmp, "empty");
    const path = join(dir, "iris.csv");
    assert.throws(() => loadDataset("iris", { dir }), {
      message: `${path} is missing: restore it with git checkout -- datasets/iris.csv`,
    });
  });

  test("with the default folder the message shows the path as it is in the repo", () => {
    // A throwaway workspace (same package name, empty datasets/): findRoot() walks up from the current directory.
    const ws = mkdtempSync(join(tmp, "workspace-"));
    writeFileSync(join(ws, "package.json"), JSON.stringify({ name: "ml-engineer-study" }));
    mkdirSync(join(ws, "datasets"));
    const cwd = process.cwd();
    process.chdir(ws);
    try {
      assert.throws(() => loadDataset("iris"), {
        message: "datasets/iris.csv is missing: restore it with git checkout -- datasets/iris.csv",
      });
    } finally {
      process.chdir(cwd);
    }
  });

  test("a corrupt file names the file and both checksums", () => {
    const dir = mkdtempSync(join(tmp, "corrupt-"));
    const path = join(dir, "iris.csv");
    copyFileSync(join(datasetsDir, "iris.csv"), path);
    writeFileSync(path, "5.1,3.5,1.4,0.2,setosa\n", { flag: "a" }); // one extra row: a valid CSV, but not ours
    const actual = sha256File(path);
    assert.notEqual(actual, DATASETS.iris.sha256);
    assert.throws(() => loadDataset("iris", { dir }), {
      message:
        `${path} is corrupt (sha256 ${actual} expected ${DATASETS.iris.sha256}): ` +
        "restore it with git checkout -- datasets/iris.csv",
    });
  });

  test("an intact copy in another folder loads the same as the workspace file", () => {
    const dir = mkdtempSync(join(tmp, "copy-"));
    copyFileSync(join(datasetsDir, "wine.csv"), join(dir, "wine.csv"));
    assert.deepEqual(loadDataset("wine", { dir }), loadDataset("wine"));
  });

  test("an unknown name lists the valid ones", () => {
    assert.throws(() => loadDataset("titanic" as DatasetName), {
      message: 'Unknown dataset "titanic". Choose one of: breast-cancer, iris, wine, diabetes, penguins.',
    });
  });

  test("a bad missing option is rejected", () => {
    assert.throws(() => loadDataset("iris", { missing: "fill" as "drop" }), {
      message: 'missing must be "drop" or "keep", got "fill".',
    });
  });
});
