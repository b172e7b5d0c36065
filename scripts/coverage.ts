// `npm run coverage`: for every topic of the 8-week plan, the notebooks that teach it and the exercises that grade it.
import { coverage } from "../src/curriculum/coverage";
import { TOPICS } from "../src/curriculum/topics";
import { loadManifest } from "../src/grader/manifest";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();
const rows = coverage(root, loadManifest(root));
const done = rows.filter((r) => r.notebooks.length && r.graded).length;
for (const r of rows) {
  const mark = r.notebooks.length && r.graded ? "✓" : r.notebooks.length || r.graded ? "◐" : "·";
  const title = TOPICS.find((t) => t.id === r.id)?.title ?? "";
  console.log(
    `${mark} ${r.id.padEnd(20)} ${title.slice(0, 60).padEnd(60)} ${r.exercises.join(", ") || (r.graded ? `${r.questions.length} bank questions` : "-")}`,
  );
}
console.log(
  `\n${done}/${rows.length} topics taught in a notebook and graded (by an exercise; week-8 review topics by the question bank).`,
);
