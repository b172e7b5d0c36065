// Dockerfile linter for the Docker track and the capstone CI. Notebooks import "./src/infra/dockerfile/index".

export { countBySeverity, exitCodeFor, formatFindings, INTERNAL_RULE, lintDockerfile } from "./lint";
export { PARSE_RULE, parseDockerfile } from "./parse";
export { RULES } from "./rules";
export { isIgnored, REQUIRED_IGNORES } from "./rules/dockerignore";
export type { Finding, LintOptions, Rule, Severity } from "./types";
