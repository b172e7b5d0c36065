// Every rule the linter runs, in id order. Add a rule: write rules/<name>.ts exporting a `Rule`, list it here.
import { addVsCopy } from "./rules/add-vs-copy";
import { aptCleanup, aptNoRecommends } from "./rules/apt-get";
import { dockerignore } from "./rules/dockerignore";
import { execForm } from "./rules/exec-form";
import { healthcheck } from "./rules/healthcheck";
import { layerOrder } from "./rules/layer-order";
import { multiStage } from "./rules/multi-stage";
import { noSecrets } from "./rules/no-secrets";
import { nonRootUser } from "./rules/non-root-user";
import { pinnedTag } from "./rules/pinned-tag";
import { singleCmd } from "./rules/single-cmd";
import { slimBase } from "./rules/slim-base";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  pinnedTag,
  slimBase,
  nonRootUser,
  noSecrets,
  multiStage,
  layerOrder,
  execForm,
  healthcheck,
  dockerignore,
  aptNoRecommends,
  aptCleanup,
  addVsCopy,
  singleCmd,
];
