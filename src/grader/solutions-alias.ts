import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Plugin } from "vite";

const TEST_FILE = /\.test\.[cm]?[jt]s$/;

/**
 * The vite plugin behind "solutions are proven by the same test files": while GRADE_TARGET=solutions, every import
 * that resolves to exercises/<path> (other than a test file) resolves to solutions/<path> instead, when that twin
 * exists. The test files live only in exercises/, so no test is ever copied. Does nothing for the learner's runs.
 */
export function solutionsAlias(root = process.env.GRADE_ROOT ?? process.cwd()): Plugin {
  const exercises = join(root, "exercises") + sep;
  const solutions = join(root, "solutions");
  return {
    name: "grader-solutions-alias",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (process.env.GRADE_TARGET !== "solutions" || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith(exercises) || TEST_FILE.test(resolved.id)) {
        return resolved;
      }
      const twin = join(solutions, relative(exercises, resolved.id));
      return existsSync(twin) ? { ...resolved, id: twin } : resolved;
    },
  };
}
