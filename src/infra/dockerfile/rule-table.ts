// The Dockerfile linter's catalogue, one rule a line: id, default severity, the hadolint rule(s) it mirrors ("-" when
// none; `npm run crosscheck` holds the claim to hadolint itself), and its title. Each rule's check is in rules/.
import { ruleTable } from "../findings";

export const RULE_TABLE = ruleTable(`
  SL001  error    DL3006, DL3007  pin the base image tag
  SL002  warning  -               use a slim base for the final image
  SL003  error    DL3002          run the final image as a non-root USER
  SL004  error    -               no secrets in ENV or ARG
  SL005  warning  -               keep devDependencies out of the final image
  SL006  warning  -               copy dependency manifests before the full source
  SL007  warning  DL3025          use exec form for CMD and ENTRYPOINT
  SL008  info     -               declare a HEALTHCHECK or document the probe
  SL009  warning  -               .dockerignore excludes node_modules, .git and .venv
  SL010  warning  DL3015          apt-get install --no-install-recommends
  SL011  info     DL3009          remove apt lists in the same RUN
  SL012  warning  DL3020          use COPY, not ADD, for local files
  SL013  warning  DL4003, DL4004  only one CMD / ENTRYPOINT per stage
`);
