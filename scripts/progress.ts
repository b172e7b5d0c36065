// `npm run progress`: solved exercises per week, recall per topic, exam scores over time, what to review next.
// The week-8 notebook plots the same summary (src/review/summary.ts).
import { parseArgs } from "node:util";
import { reviewPaths } from "../src/review/paths";
import { formatSummary, summarize } from "../src/review/summary";

if (parseArgs({ options: { help: { type: "boolean", short: "h" } } }).values.help) {
  console.log("npm run progress   (reads .progress.json and .review/; changes nothing)");
} else {
  console.log(formatSummary(summarize(reviewPaths())));
}
