// What one cross-check says about one input: our checker's verdict, the real tool's, and whether they agree.

export type Tool = "kustomize" | "promtool" | "hadolint";

export interface Comparison {
  tool: Tool;
  /** The input, relative to the workspace root (a file or a kustomization folder), or a rule id for coverage rows. */
  subject: string;
  agree: boolean;
  /** One line each: what our checker said and what the real tool said. */
  ours: string;
  theirs: string;
}

/** A real tool found on this machine, or why it is missing. */
export type ToolCommand = { found: true; command: string; args: string[] } | { found: false; why: string };
