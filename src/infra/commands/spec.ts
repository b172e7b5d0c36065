// How a command line is described: its flags (short and long names, whether they take a value) and how its
// positional arguments are read. docker.ts and kubectl.ts describe the commands a study course needs.

export type ValueKind = "none" | "required" | "optional";

export interface FlagSpec {
  long: string;
  short?: string;
  value: ValueKind;
  /** Repeated flags whose order does not matter (--env, --publish): compared as a multiset. */
  set?: boolean;
  /** Store under another canonical name (-v/--volume is stored as a mount). */
  as?: string;
  normalize?: (v: string) => string;
  /** The value an optional-value flag takes when written bare (`--dry-run` means client). */
  bare?: string;
}

export interface CommandSpec {
  flags: FlagSpec[];
  /** How positionals are read: kubectl resources (TYPE NAME, TYPE/NAME), a pod first (logs, exec), or as given. */
  positionals: "resources" | "pod-first" | "plain";
  /** docker run/exec: the first positional (image, container) ends flag parsing; the rest is the command. */
  stopAtFirstPositional?: boolean;
  /** Positionals that are a set (kubectl get pods a b == get pods b a). */
  unorderedPositionals?: boolean;
  /** docker build: the first positional is the build context (./ is .), and -f <context>/Dockerfile is the default. */
  context?: boolean;
  /** kubectl logs POD CONTAINER means kubectl logs POD -c CONTAINER. */
  containerPositional?: boolean;
}

export const f = (
  long: string,
  short?: string,
  value: ValueKind = "none",
  extra: Partial<FlagSpec> = {},
): FlagSpec => ({
  long,
  short,
  value,
  ...extra,
});
