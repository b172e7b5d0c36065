import assert from "node:assert/strict";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";
import { checkManifest, loadManifest, ManifestError, selectExercises } from "./manifest";

const root = findRoot();
const entry = {
  id: "linreg-x",
  title: "t",
  week: 1,
  path: "week-01/linreg-x.ts",
  topics: ["w1.linreg"],
  hints: ["h"],
};

test("the committed manifest loads and derives stub, test and solution paths", () => {
  const all = loadManifest(root);
  assert.ok(all.length >= 3);
  const first = all[0];
  assert.ok(first.stub.endsWith(`exercises/${first.path}`));
  assert.ok(first.test.endsWith(first.path.replace(/\.ts$/, ".test.ts")));
  assert.ok(first.solution.endsWith(`solutions/${first.path}`));
  assert.deepEqual(
    all.map((e) => e.order),
    all.map((_, i) => i),
  );
});

test("schema problems are reported with their path", () => {
  assert.throws(
    () => checkManifest({ exercises: [{ ...entry, hints: [] }] }, root),
    (e: Error) => {
      assert.ok(e instanceof ManifestError);
      assert.match(e.message, /\/exercises\/0\/hints/);
      return true;
    },
  );
  assert.throws(() => checkManifest({ exercises: [{ ...entry, extra: 1 }] }, root), ManifestError);
});

test("duplicate ids, unknown topics and a week that disagrees with the folder are all reported at once", () => {
  const bad = { exercises: [entry, { ...entry, week: 2, topics: ["w9.nope"] }] };
  assert.throws(
    () => checkManifest(bad, root),
    (e: Error) =>
      /used twice/.test(e.message) && /unknown topic id "w9.nope"/.test(e.message) && /week 2/.test(e.message),
  );
});

test("selectExercises accepts an id or a week in several spellings, and suggests close ids", () => {
  const all = checkManifest({ exercises: [entry, { ...entry, id: "logreg", path: "week-01/logreg.ts" }] }, root);
  for (const w of ["1", "week-1", "week-01", "w1"]) assert.equal(selectExercises(all, w).length, 2);
  assert.deepEqual(
    selectExercises(all, "logreg").map((e) => e.id),
    ["logreg"],
  );
  assert.throws(() => selectExercises(all, "linreg"), /Did you mean: linreg-x/);
});

test("config-file exercises: the test sits beside the file, extra stubs and assets are listed, .. is refused", () => {
  const [k8s] = checkManifest(
    {
      exercises: [
        {
          ...entry,
          id: "k8s-app",
          week: 4,
          path: "week-04/app/deployment.yaml",
          stubs: ["week-04/app/service.yaml"],
          assets: ["week-04/app/README.md"],
          topics: ["w4.deployments"],
        },
      ],
    },
    root,
  );
  assert.ok(k8s.test.endsWith("exercises/week-04/app/deployment.yaml.test.ts"));
  assert.ok(k8s.extraStubs[0].solution.endsWith("solutions/week-04/app/service.yaml"));
  assert.ok(k8s.assetFiles[0].endsWith("exercises/week-04/app/README.md"));
  assert.throws(
    () => checkManifest({ exercises: [{ ...entry, assets: ["week-01/../../etc/passwd"] }] }, root),
    /inside exercises/,
  );
});
