/**
 * tslab's display functions throw `Error("Not ready")` when no Jupyter kernel is running (plain node, tests,
 * scripts). The helpers here use that to tell "we are in a notebook" from "we are not", so the same code works in
 * both places.
 */
export function isNotInKernelError(err: unknown): boolean {
  return err instanceof Error && err.message === "Not ready";
}
