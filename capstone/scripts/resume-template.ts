/**
 * The résumé bullet of capstone/README.md, as a template with {placeholders}. `npm run capstone:report` fills it from
 * numbers measured on YOUR model and YOUR machine; a test keeps the README's copy identical to this one. A placeholder
 * the report cannot measure in a few seconds stays as "<... from npm run ...>", naming the command that measures it.
 */
export const RESUME_TEMPLATE =
  "- {what}, and served it behind a production-style prediction API in TypeScript (Fastify, TypeBox/OpenAPI " +
  "validation, Prometheus metrics, a graceful SIGTERM drain): {accuracy} test accuracy and {recall} recall on the " +
  "malignant class on held-out breast-cancer data; p50 {p50} and p99 {p99} at {rate} req/s with {errors} failed " +
  "requests ({cores}-core machine); fuzzed with {fuzzCases} schemathesis cases; {fastapiRatio} the single-row " +
  "throughput of an equivalent FastAPI + scikit-learn service; shipped as a non-root multi-stage image with " +
  "Kubernetes manifests for minikube and EKS (HPA, PDB, NetworkPolicy, IRSA) and a GitHub Actions release through " +
  "OIDC with no long-lived keys.";

/** {what}, by who made the served model. */
export const WHAT = {
  learner:
    "Implemented a random forest from scratch (bootstrap samples, random feature subsets per split, Gini splits, " +
    "majority vote) with its own versioned JSON model format",
  reference: "Trained a random forest",
} as const;

/** What each placeholder the report does not measure says instead, with the command that measures it. */
export const NOT_MEASURED: Record<string, string> = {
  fuzzCases: "<N from npm run capstone:fuzz>",
  fastapiRatio: "<Nx from npm run bench:capstone>",
};

/** The template with every known value put in; unknown placeholders keep their NOT_MEASURED text. */
export function fillResume(values: Record<string, string>): string {
  return RESUME_TEMPLATE.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? NOT_MEASURED[key] ?? `{${key}}`);
}

/** The template wrapped at `width` columns, the way capstone/README.md shows it. */
export function wrapped(text: string, width = 118): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join("\n");
}
