// K8S040/K8S041: every ConfigMap and Secret a pod reads must exist, or the pod sits in CreateContainerConfigError.
// K8S042: ConfigMaps are not for secrets: they are readable by anyone with view access and end up in git and logs.
import { type Finding, isObject, type Json, type JsonObject, type ManifestObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";
import { finding, lookup, type RuleContext } from "./context";

interface Reference {
  kind: "ConfigMap" | "Secret";
  name: string;
  key?: string;
  optional: boolean;
  path: string;
}

/** Every ConfigMap/Secret reference of a pod spec: envFrom, env valueFrom, volumes (incl. projected). */
export function referencesOf(spec: JsonObject, base: string): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: Reference["kind"], r: Json | undefined, nameKey: string, path: string) => {
    if (!isObject(r) || typeof r[nameKey] !== "string") return;
    refs.push({
      kind,
      name: r[nameKey] as string,
      key: typeof r.key === "string" ? r.key : undefined,
      optional: r.optional === true,
      path,
    });
  };
  for (const { container, field, index } of containersOf(spec)) {
    const at = `${base}/spec/${field}/${index}`;
    (Array.isArray(container.envFrom) ? container.envFrom : []).forEach((e, i) => {
      if (!isObject(e)) return;
      add("ConfigMap", e.configMapRef, "name", `${at}/envFrom/${i}/configMapRef`);
      add("Secret", e.secretRef, "name", `${at}/envFrom/${i}/secretRef`);
    });
    (Array.isArray(container.env) ? container.env : []).forEach((e, i) => {
      if (!isObject(e) || !isObject(e.valueFrom)) return;
      add("ConfigMap", e.valueFrom.configMapKeyRef, "name", `${at}/env/${i}/valueFrom/configMapKeyRef`);
      add("Secret", e.valueFrom.secretKeyRef, "name", `${at}/env/${i}/valueFrom/secretKeyRef`);
    });
  }
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
    if (!isObject(v)) return;
    const at = `${base}/spec/volumes/${i}`;
    add("ConfigMap", v.configMap, "name", `${at}/configMap`);
    add("Secret", v.secret, "secretName", `${at}/secret`);
    const sources = isObject(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : [];
    sources.forEach((s, j) => {
      if (!isObject(s)) return;
      add("ConfigMap", s.configMap, "name", `${at}/projected/sources/${j}/configMap`);
      add("Secret", s.secret, "name", `${at}/projected/sources/${j}/secret`);
    });
  });
  return refs;
}

function keysOf(o: ManifestObject): Set<string> {
  const keys = new Set<string>();
  for (const field of ["data", "binaryData", "stringData"]) {
    const d = o.body[field];
    if (isObject(d)) for (const k of Object.keys(d)) keys.add(k);
  }
  return keys;
}

export function referenceRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const o of ctx.objects) {
    const tpl = podTemplateOf(o);
    if (!tpl) continue;
    for (const r of referencesOf(tpl.spec, tpl.path)) {
      if (r.optional) continue;
      const rule = r.kind === "ConfigMap" ? "K8S040" : "K8S041";
      const target = lookup(ctx, r.kind, r.name, o);
      if (target === undefined) {
        out.push(
          finding(
            rule,
            "error",
            o,
            `references ${r.kind} "${r.name}", which is not in this set (the pod would fail with CreateContainerConfigError).`,
            `Add the ${r.kind} "${r.name}" to the manifests (same namespace), fix the name, or mark the reference \`optional: true\` if the app copes without it.`,
            r.path,
          ),
        );
      } else if (target !== "external" && r.key !== undefined && !keysOf(target).has(r.key)) {
        out.push(
          finding(
            rule,
            "error",
            o,
            `reads key "${r.key}" of ${r.kind} "${r.name}", which has no such key (keys: ${[...keysOf(target)].join(", ") || "none"}).`,
            `Add "${r.key}" to ${r.kind} "${r.name}" or fix the key name.`,
            `${r.path}/key`,
          ),
        );
      }
    }
  }
  out.push(...secretsInConfigMaps(ctx));
  return out;
}

const SECRET_KEY = /pass(word|wd)?|secret|token|api[-_.]?key|private[-_.]?key|credential|auth[-_.]?key/i;
const SECRET_VALUE: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, "a GitHub token"],
  [/\bsk-[A-Za-z0-9_-]{20,}\b/, "an API secret key (sk-...)"],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, "a Slack token"],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/, "a JWT"],
  [/[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]+@/i, "a URL with an embedded password"],
];

/** Bits per character: random keys score above 4, words and config values well below. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) h -= (c / s.length) * Math.log2(c / s.length);
  return h;
}

function looksLikeKey(v: string): boolean {
  return (
    v.length >= 32 &&
    /^[A-Za-z0-9+/=_-]+$/.test(v) &&
    /[A-Z]/.test(v) &&
    /[a-z]/.test(v) &&
    /\d/.test(v) &&
    entropy(v) > 4
  );
}

function secretsInConfigMaps(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const o of ctx.objects) {
    if (o.kind !== "ConfigMap" || !isObject(o.body.data)) continue;
    for (const [key, raw] of Object.entries(o.body.data)) {
      const value = raw === null ? "" : String(raw);
      // A key like TOKEN_TTL with a number or a boolean is configuration, not a secret.
      const trivial = /^(\d+(\.\d+)?[a-z]*|true|false|yes|no|on|off|)$/i.test(value.trim());
      const byValue =
        SECRET_VALUE.find(([re]) => re.test(value))?.[1] ?? (looksLikeKey(value) ? "a random-looking key" : undefined);
      const byKey = SECRET_KEY.test(key) && !trivial;
      if (!byValue && !byKey) continue;
      out.push(
        finding(
          "K8S042",
          "error",
          o,
          byValue
            ? `data key "${key}" holds what looks like ${byValue}; ConfigMaps are plain text for anyone who can read the namespace.`
            : `data key "${key}" looks like a secret (its name matches password/secret/token/api key); ConfigMaps are not encrypted or access-controlled like Secrets.`,
          `Move "${key}" into a Secret (\`kind: Secret\`, stringData) and read it with secretKeyRef or envFrom.secretRef; rotate the value if it was ever committed.`,
          `/data/${key}`,
        ),
      );
    }
  }
  return out;
}
