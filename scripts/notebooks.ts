// `npm run notebooks`: runs every notebook headless, twice, in temporary copies of the workspace:
//   solutions pass: the reference solutions laid over the stubs; no cell may error;
//   stubs pass: the exercises untouched; the notebook must still run to the end, pointing at unsolved exercises.
// Usage: npm run notebooks [-- --pass solutions|stubs] [notebook-name-substring]
import { checkNotebooks } from "../src/workspace/notebooks";

checkNotebooks(process.argv.slice(2))
  .then((problems) => {
    for (const p of problems) console.log(`✗ ${p}`);
    console.log(problems.length ? `${problems.length} notebook problems` : "All notebooks ran cleanly.");
    process.exitCode = problems.length ? 1 : 0;
  })
  .catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 2;
  });
