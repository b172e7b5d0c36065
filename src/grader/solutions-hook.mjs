// Loaded with `node --import` when the grader proves the solutions (GRADE_TARGET=solutions).
// The test files live only in exercises/; this hook makes their imports of the stub resolve to the solution at the
// same path under solutions/, so one test file grades both folders and no test is ever copied.
import { register } from "node:module";

if (process.env.GRADE_TARGET === "solutions") {
  register("./solutions-resolve.mjs", import.meta.url);
}
