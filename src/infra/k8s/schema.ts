// Schema checks: is each object something the API server would accept?
// 1. The OpenAPI schema of its kind (types, enums, required fields, quantities) via kubernetes-models -> K8S003.
// 2. apiVersions that Kubernetes has removed (the schemas still ship them, clusters no longer serve them) -> K8S004.
// 3. Kinds without a schema (CRDs, typos) -> K8S005, info: we cannot check them, we do not fail them.
// 4. A few validations the API server does in Go, outside the OpenAPI schema, that learners hit -> K8S006.
// 5. kubernetes-models could not be loaded at all -> K8S009, info, once.
import { modelsUnavailableReason, type SchemaError, validatorFor } from "./models";
import { type Finding, isObject, type Json, type JsonObject, type ManifestObject, ref, type Severity } from "./types";
import { podTemplateOf } from "./workload";

/** Where each common kind lives today; used to explain removed or misspelt apiVersions. */
export const PREFERRED_API_VERSION: Record<string, string> = {
  Pod: "v1",
  Service: "v1",
  ConfigMap: "v1",
  Secret: "v1",
  Namespace: "v1",
  ServiceAccount: "v1",
  PersistentVolumeClaim: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  ReplicaSet: "apps/v1",
  Job: "batch/v1",
  CronJob: "batch/v1",
  HorizontalPodAutoscaler: "autoscaling/v2",
  Ingress: "networking.k8s.io/v1",
  NetworkPolicy: "networking.k8s.io/v1",
  PodDisruptionBudget: "policy/v1",
  Role: "rbac.authorization.k8s.io/v1",
  RoleBinding: "rbac.authorization.k8s.io/v1",
  ClusterRole: "rbac.authorization.k8s.io/v1",
  ClusterRoleBinding: "rbac.authorization.k8s.io/v1",
};

/** apiVersions served by Kubernetes itself: an unknown kind there is a typo, not a custom resource. */
const BUILTIN_API_VERSIONS = new Set(Object.values(PREFERRED_API_VERSION));

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The well-known kind closest to a misspelt one ("Servic", "deployment", "HPA" stays unknown). */
function closestKind(kind: string): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of Object.keys(PREFERRED_API_VERSION)) {
    const d = editDistance(kind.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** apiVersions clusters no longer serve, with the release that removed them. */
const REMOVED: Record<string, string> = {
  "extensions/v1beta1": "1.22 (1.16 for workloads)",
  "apps/v1beta1": "1.16",
  "apps/v1beta2": "1.16",
  "networking.k8s.io/v1beta1": "1.22",
  "batch/v1beta1": "1.25",
  "policy/v1beta1": "1.25",
  "autoscaling/v2beta1": "1.25",
  "autoscaling/v2beta2": "1.26",
  "rbac.authorization.k8s.io/v1beta1": "1.22",
};

function valueAt(body: Json, pointer: string): Json | undefined {
  let cur: Json | undefined = body;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

function show(v: Json | undefined): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Most specific first: when one field fails several ways (e.g. a quantity's oneOf), report only the best. */
const KEYWORD_RANK = ["required", "enum", "format", "pattern", "type", "minimum", "maximum", "oneOf", "anyOf"];

function rank(e: SchemaError): number {
  const i = KEYWORD_RANK.indexOf(e.keyword);
  return i < 0 ? KEYWORD_RANK.length : i;
}

function describe(e: SchemaError, body: JsonObject): { path: string; message: string; fix: string } {
  const p = e.params;
  const got = valueAt(body, e.instancePath);
  switch (e.keyword) {
    case "required": {
      const path = `${e.instancePath}/${String(p.missingProperty)}`;
      return {
        path,
        message: `${path} is required`,
        fix: `Add \`${String(p.missingProperty)}:\` under ${e.instancePath || "the top level"}.`,
      };
    }
    case "type": {
      const want = String(p.type);
      const quoted = typeof got === "string" && (want === "integer" || want === "number");
      return {
        path: e.instancePath,
        message: `${e.instancePath} must be ${want === "integer" ? "an integer" : `a ${want}`}, got ${show(got)}`,
        fix: quoted
          ? `Write a number without quotes or words, e.g. \`${e.instancePath.split("/").pop()}: 3\`.`
          : want === "string"
            ? 'Quote the value (YAML reads true/yes/8080/1.0 as non-strings): e.g. `"true"`.'
            : `Give ${e.instancePath} a ${want} value.`,
      };
    }
    case "enum":
      return {
        path: e.instancePath,
        message: `${e.instancePath} is ${show(got)}, must be one of ${JSON.stringify(p.allowedValues)}`,
        fix: `Use one of ${JSON.stringify(p.allowedValues)} (case matters).`,
      };
    case "format":
      return {
        path: e.instancePath,
        message: `${e.instancePath} = ${show(got)} is not a valid ${String(p.format)}`,
        fix:
          p.format === "quantity"
            ? "Write a Kubernetes quantity: cpu like 250m or 0.5, memory like 128Mi or 1Gi."
            : `Write a valid ${String(p.format)}.`,
      };
    default:
      return {
        path: e.instancePath,
        message: `${e.instancePath || "the object"} = ${show(got)} fails schema rule "${e.keyword}" ${JSON.stringify(p)}`,
        fix: "Compare the field with `kubectl explain` for this kind.",
      };
  }
}

function schemaFindings(o: ManifestObject, errors: SchemaError[]): Finding[] {
  const best = new Map<string, SchemaError>();
  for (const e of errors) {
    const key = e.keyword === "required" ? `${e.instancePath}/${String(e.params.missingProperty)}` : e.instancePath;
    const prev = best.get(key);
    if (!prev || rank(e) < rank(prev)) best.set(key, e);
  }
  // A parent failing "oneOf"/"anyOf" only because a child failed adds nothing; keep findings on the deepest paths.
  const keys = [...best.keys()];
  return [...best.entries()]
    .filter(
      ([k, e]) => !(["oneOf", "anyOf"].includes(e.keyword) && keys.some((o2) => o2 !== k && o2.startsWith(`${k}/`))),
    )
    .map(([, e]) => {
      const d = describe(e, o.body);
      return {
        rule: "K8S003",
        severity: "error" as const,
        file: o.file,
        line: o.line,
        object: ref(o),
        path: d.path,
        message: `${ref(o)}: schema error: ${d.message}.`,
        fix: d.fix,
      };
    });
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Checks the API server makes in Go code (not in the OpenAPI schema) that learners run into. */
function serverSideFindings(o: ManifestObject): Finding[] {
  const out: Finding[] = [];
  const add = (path: string, message: string, fix: string) =>
    out.push({ rule: "K8S006", severity: "error", file: o.file, line: o.line, object: ref(o), path, message, fix });
  if (o.name.length > 253 || !DNS1123_SUBDOMAIN.test(o.name)) {
    add(
      "/metadata/name",
      `${ref(o)}: metadata.name "${o.name}" is not a valid DNS-1123 name (lowercase letters, digits, '-' and '.').`,
      "Use lowercase letters, digits and dashes only, e.g. `my-api`.",
    );
  }
  const tpl = podTemplateOf(o);
  if (!tpl) return out;
  const groups = [
    ["containers", tpl.spec.containers],
    ["initContainers", tpl.spec.initContainers],
  ] as const;
  for (const [field, list] of groups) {
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isObject(c)) return;
      const at = `${tpl.path}/spec/${field}/${i}`;
      if (typeof c.image !== "string" || c.image.trim() === "") {
        add(
          `${at}/image`,
          `${ref(o)}: container ${JSON.stringify(c.name ?? i)} has no image; the API server rejects it ("Required value").`,
          "Add `image: registry/name:tag` with a pinned tag (not :latest).",
        );
      }
    });
  }
  // apps/v1 workloads: the selector is required and must select the template's own labels, or the API server
  // rejects the object ("selector does not match template labels").
  if (["Deployment", "StatefulSet", "ReplicaSet", "DaemonSet"].includes(o.kind) && isObject(o.body.spec)) {
    const selector = o.body.spec.selector;
    const matchLabels = isObject(selector) && isObject(selector.matchLabels) ? selector.matchLabels : undefined;
    const tplLabels = tpl.metadata?.labels;
    const labels: JsonObject = isObject(tplLabels) ? tplLabels : {};
    if (matchLabels) {
      const wrong = Object.entries(matchLabels).filter(([k, v]) => labels[k] !== v);
      if (wrong.length > 0) {
        add(
          "/spec/selector/matchLabels",
          `${ref(o)}: spec.selector.matchLabels {${wrong.map(([k, v]) => `${k}: ${String(v)}`).join(", ")}} does not match spec.template.metadata.labels; the API server rejects this.`,
          "Copy the selector's labels into spec.template.metadata.labels (same keys, same values).",
        );
      }
    }
  }
  return out;
}

/** The fields every finding about object `o` starts with. */
function about(o: ManifestObject, rule: string, severity: Severity) {
  return { rule, severity, file: o.file, line: o.line, object: ref(o) };
}

/** Schema findings (K8S003-K8S006, K8S009) for a set of parsed objects. */
export function validateSchemas(objects: ManifestObject[]): Finding[] {
  const out: Finding[] = [];
  let reportedUnavailable = false;
  for (const o of objects) {
    const removedIn = REMOVED[o.apiVersion];
    const preferred = PREFERRED_API_VERSION[o.kind];
    if (removedIn) {
      out.push({
        ...about(o, "K8S004", "error"),
        path: "/apiVersion",
        message: `${ref(o)}: apiVersion ${o.apiVersion} was removed in Kubernetes ${removedIn}; clusters reject it.`,
        fix: preferred ? `Use \`apiVersion: ${preferred}\` (check the fields that changed).` : "Use the GA apiVersion.",
      });
      continue;
    }
    const validate = validatorFor(o.apiVersion, o.kind);
    if (!validate) {
      const reason = modelsUnavailableReason();
      if (reason) {
        if (!reportedUnavailable) {
          out.push({
            rule: "K8S009",
            severity: "info",
            file: o.file,
            line: o.line,
            message: `Schema validation skipped: ${reason}.`,
            fix: "Run `npm run doctor`: the validators need node_modules (kubernetes-models, esbuild) installed.",
          });
          reportedUnavailable = true;
        }
      } else if (!preferred && BUILTIN_API_VERSIONS.has(o.apiVersion)) {
        const guess = closestKind(o.kind);
        out.push({
          ...about(o, "K8S004", "error"),
          path: "/kind",
          message: `${ref(o)}: apiVersion ${o.apiVersion} has no kind "${o.kind}"${guess ? ` (did you mean ${guess}?)` : ""}.`,
          fix: guess
            ? `Write \`kind: ${guess}\` with \`apiVersion: ${PREFERRED_API_VERSION[guess]}\` (kinds are case-sensitive).`
            : "Check the spelling and capitalisation of `kind:` (`kubectl api-resources` lists them).",
        });
        continue;
      } else if (preferred && preferred !== o.apiVersion) {
        out.push({
          ...about(o, "K8S004", "error"),
          path: "/apiVersion",
          message: `${ref(o)}: there is no ${o.kind} in apiVersion ${o.apiVersion}.`,
          fix: `Use \`apiVersion: ${preferred}\`.`,
        });
        continue;
      } else {
        out.push({
          ...about(o, "K8S005", "info"),
          message: `${ref(o)}: no built-in schema for ${o.apiVersion} ${o.kind} (a custom resource, or a typo in kind); not schema-checked.`,
          fix: "If this is a built-in kind, check the spelling and capitalisation of `kind:` and `apiVersion:`.",
        });
      }
    } else if (!validate(o.body) && validate.errors) {
      out.push(...schemaFindings(o, validate.errors));
    }
    out.push(...serverSideFindings(o));
  }
  return out;
}
