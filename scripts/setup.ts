// `npm run setup`: prepares .venv and the project kernel without starting JupyterLab.
import { ensureSetup } from "../src/workspace/setup";

try {
  const done = ensureSetup();
  console.log(done.length ? `Set-up: ${done.join("; ")}.` : "Set-up: everything was already in place.");
} catch (e) {
  console.error(`Set-up failed: ${(e as Error).message}`);
  process.exit(1);
}
