// SL004 no secrets in ENV or ARG. No hadolint equivalent (Trivy / Checkov have similar checks).
// ENV values are baked into the image config and ARG values into its history: anyone who can pull the image can
// read them with `docker history` / `docker inspect`, forever.
import { defineRule, finding } from "../rule-helpers";
import type { Finding } from "../types";

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/i;
/** `DB_PASSWORD_FILE=/run/secrets/db` is the recommended pattern: it names a file, not the secret itself. */
const POINTS_ELSEWHERE = /_(FILE|PATH|DIR|URL|ENDPOINT)$/i;
/** A value made only of variable references just forwards something given at build/run time. */
const ONLY_REFERENCES = /^(\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*)+$/;

export const noSecrets = defineRule("SL004", ({ model }) => {
  const out: Finding[] = [];
  for (const instr of model.instructions) {
    if (instr.keyword !== "ENV" && instr.keyword !== "ARG") continue;
    for (const p of instr.props) {
      if (!SECRET_NAME.test(p.name) || POINTS_ELSEWHERE.test(p.name)) continue;
      const value = (p.value ?? "").trim();
      if (value === "" || ONLY_REFERENCES.test(value)) continue;
      out.push(
        finding(
          noSecrets,
          p.line,
          `${instr.keyword} ${p.name} has a literal value; it is stored in the image and readable with \`docker history\` / \`docker inspect\``,
          instr.keyword === "ARG"
            ? `Use a build secret: \`RUN --mount=type=secret,id=${p.name.toLowerCase()} ...\` and \`docker build --secret id=${p.name.toLowerCase()},env=${p.name}\`.`
            : `Remove it and pass it at run time (\`docker run -e ${p.name}\`, a Kubernetes Secret), or use a build secret if a build step needs it.`,
        ),
      );
    }
  }
  return out;
});
