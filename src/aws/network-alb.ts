// An Application Load Balancer on paper: the shapes of the ELBv2 API's target groups and listeners (field names as in
// CreateTargetGroup / CreateListener / CreateRule, so a config converts 1:1 to the CLI), the limits AWS enforces on
// them, how a request is routed, how health checks move a target between states, and how the AWS Load Balancer
// Controller turns a Kubernetes Ingress into the same listeners. The week-5 notebook and the aws-alb-target-group
// exercise grade with it; nothing here calls AWS.

export interface TargetGroupSpec {
  /** 1-32 letters, digits and hyphens; no hyphen at either end. */
  Name: string;
  Protocol: "HTTP" | "HTTPS";
  /** The port targets receive traffic on (the container port when TargetType is "ip"). */
  Port: number;
  /** "ip": pod IPs (EKS with the VPC CNI); "instance": node ports on EC2 instances. */
  TargetType: "ip" | "instance";
  VpcId: string;
  HealthCheckEnabled: boolean;
  HealthCheckProtocol: "HTTP" | "HTTPS";
  HealthCheckPath: string;
  /** "traffic-port" (the port each target receives traffic on) or a fixed port number as a string. */
  HealthCheckPort: string;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  /** Codes that count as healthy: "200", "200,204" or "200-299". */
  Matcher: { HttpCode: string };
}

export interface PathPatternCondition {
  Field: "path-pattern";
  PathPatternConfig: { Values: string[] };
}

export type ListenerAction =
  | { Type: "forward"; TargetGroupArn: string }
  | {
      Type: "redirect";
      RedirectConfig: {
        Protocol?: string;
        Port?: string;
        Host?: string;
        Path?: string;
        Query?: string;
        StatusCode: "HTTP_301" | "HTTP_302";
      };
    }
  | { Type: "fixed-response"; FixedResponseConfig: { StatusCode: string; ContentType?: string; MessageBody?: string } };

export interface ListenerRuleSpec {
  /** 1..50000, unique per listener; lower numbers are evaluated first. */
  Priority: number;
  Conditions: PathPatternCondition[];
  Actions: ListenerAction[];
}

export interface ListenerSpec {
  Protocol: "HTTP" | "HTTPS";
  Port: number;
  Certificates?: { CertificateArn: string }[];
  SslPolicy?: string;
  /** What happens when no rule matches. */
  DefaultActions: ListenerAction[];
  Rules: ListenerRuleSpec[];
}

const TG_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const ACM_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{8,}$/;
const IAM_CERT_ARN = /^arn:aws[a-z-]*:iam::\d{12}:server-certificate\/.+$/;
const TG_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/;
const PATH_PATTERN_CHARS = /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/;

function inRange(n: number, lo: number, hi: number): boolean {
  return Number.isInteger(n) && n >= lo && n <= hi;
}

/** The codes a matcher accepts, e.g. "200,202-204" → [200, 202, 203, 204]; throws on a malformed matcher. */
export function matcherCodes(httpCode: string): number[] {
  const codes: number[] = [];
  for (const part of httpCode.split(",")) {
    const m = /^\s*(\d{3})(?:-(\d{3}))?\s*$/.exec(part);
    if (!m) throw new Error(`matcher "${httpCode}": "${part}" is not a code or a range like 200-299`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) throw new Error(`matcher "${httpCode}": range ${part} runs backwards`);
    for (let c = lo; c <= hi; c++) codes.push(c);
  }
  return codes;
}

/** The limits CreateTargetGroup enforces for an ALB target group; an empty list means AWS would accept it. */
export function validateTargetGroup(tg: TargetGroupSpec): string[] {
  const p: string[] = [];
  if (!TG_NAME.test(tg.Name ?? "") || tg.Name.startsWith("internal-")) {
    p.push(`Name "${tg.Name}": 1-32 letters, digits and hyphens, no hyphen at either end, not "internal-..."`);
  }
  if (tg.Protocol !== "HTTP" && tg.Protocol !== "HTTPS")
    p.push(`Protocol "${tg.Protocol}": an ALB speaks HTTP or HTTPS`);
  if (!inRange(tg.Port, 1, 65535)) p.push(`Port ${tg.Port}: must be 1..65535`);
  if (tg.TargetType !== "ip" && tg.TargetType !== "instance")
    p.push(`TargetType "${tg.TargetType}": "ip" or "instance"`);
  if (!/^vpc-[0-9a-f]{8,17}$/.test(tg.VpcId ?? "")) p.push(`VpcId "${tg.VpcId}": expected vpc- followed by hex digits`);
  if (tg.HealthCheckEnabled !== true) p.push("HealthCheckEnabled: an ALB target group always health-checks; set true");
  if (tg.HealthCheckProtocol !== "HTTP" && tg.HealthCheckProtocol !== "HTTPS") {
    p.push(`HealthCheckProtocol "${tg.HealthCheckProtocol}": HTTP or HTTPS`);
  }
  if (
    typeof tg.HealthCheckPath !== "string" ||
    !tg.HealthCheckPath.startsWith("/") ||
    tg.HealthCheckPath.length > 1024
  ) {
    p.push(`HealthCheckPath "${tg.HealthCheckPath}": must start with / (at most 1024 characters)`);
  }
  if (tg.HealthCheckPort !== "traffic-port" && !inRange(Number(tg.HealthCheckPort), 1, 65535)) {
    p.push(`HealthCheckPort "${tg.HealthCheckPort}": "traffic-port" or a port 1..65535 as a string`);
  }
  const interval = tg.HealthCheckIntervalSeconds;
  const timeout = tg.HealthCheckTimeoutSeconds;
  if (!inRange(interval, 5, 300)) p.push(`HealthCheckIntervalSeconds ${interval}: must be 5..300`);
  if (!inRange(timeout, 2, 120)) p.push(`HealthCheckTimeoutSeconds ${timeout}: must be 2..120`);
  if (Number.isFinite(interval) && Number.isFinite(timeout) && timeout >= interval) {
    p.push(`HealthCheckTimeoutSeconds ${timeout} must be smaller than HealthCheckIntervalSeconds ${interval}`);
  }
  if (!inRange(tg.HealthyThresholdCount, 2, 10)) p.push(`HealthyThresholdCount ${tg.HealthyThresholdCount}: 2..10`);
  if (!inRange(tg.UnhealthyThresholdCount, 2, 10)) {
    p.push(`UnhealthyThresholdCount ${tg.UnhealthyThresholdCount}: 2..10`);
  }
  try {
    const codes = matcherCodes(tg.Matcher?.HttpCode ?? "");
    if (codes.some((c) => c < 200 || c > 499))
      p.push(`Matcher "${tg.Matcher.HttpCode}": ALB success codes are 200..499`);
  } catch (e) {
    p.push(`Matcher: ${(e as Error).message}`);
  }
  return p;
}

function validateAction(a: ListenerAction, where: string, listener: ListenerSpec): string[] {
  const p: string[] = [];
  if (a.Type === "forward") {
    if (!TG_ARN.test(a.TargetGroupArn ?? ""))
      p.push(`${where}: forward needs a target group ARN, got "${a.TargetGroupArn}"`);
  } else if (a.Type === "redirect") {
    const r = a.RedirectConfig ?? ({} as Record<string, string>);
    if (r.StatusCode !== "HTTP_301" && r.StatusCode !== "HTTP_302")
      p.push(`${where}: redirect StatusCode HTTP_301 or HTTP_302`);
    const proto = r.Protocol ?? "#{protocol}";
    if (!["HTTP", "HTTPS", "#{protocol}"].includes(proto)) p.push(`${where}: redirect Protocol "${proto}"`);
    const port = r.Port ?? "#{port}";
    if (port !== "#{port}" && !inRange(Number(port), 1, 65535)) p.push(`${where}: redirect Port "${port}"`);
    const sameProto = proto === "#{protocol}" || proto === listener.Protocol;
    const samePort = port === "#{port}" || Number(port) === listener.Port;
    const sameRest = [r.Host ?? "#{host}", r.Path ?? "/#{path}", r.Query ?? "#{query}"].join("|");
    if (sameProto && samePort && sameRest === "#{host}|/#{path}|#{query}") {
      p.push(`${where}: this redirect points back at the same listener (a redirect loop); AWS refuses it`);
    }
  } else if (a.Type === "fixed-response") {
    if (!/^[245]\d\d$/.test(a.FixedResponseConfig?.StatusCode ?? "")) {
      p.push(`${where}: fixed-response StatusCode must be a 2XX, 4XX or 5XX code as a string`);
    }
  } else {
    p.push(`${where}: unknown action type "${(a as { Type: string }).Type}"`);
  }
  return p;
}

/** The limits CreateListener and CreateRule enforce; an empty list means AWS would accept these listeners. */
export function validateListeners(listeners: ListenerSpec[]): string[] {
  const p: string[] = [];
  const ports = new Set<number>();
  for (const l of listeners) {
    const name = `${l.Protocol}:${l.Port}`;
    if (l.Protocol !== "HTTP" && l.Protocol !== "HTTPS") p.push(`${name}: an ALB listener is HTTP or HTTPS`);
    if (!inRange(l.Port, 1, 65535)) p.push(`${name}: port must be 1..65535`);
    if (ports.has(l.Port)) p.push(`${name}: two listeners on port ${l.Port}`);
    ports.add(l.Port);
    const certs = l.Certificates ?? [];
    if (l.Protocol === "HTTPS") {
      if (certs.length === 0) p.push(`${name}: an HTTPS listener needs a certificate (ACM certificate ARN)`);
      for (const c of certs) {
        if (!ACM_ARN.test(c.CertificateArn ?? "") && !IAM_CERT_ARN.test(c.CertificateArn ?? "")) {
          p.push(`${name}: "${c.CertificateArn}" is not an ACM (or IAM server) certificate ARN`);
        }
      }
      if (l.SslPolicy !== undefined && !l.SslPolicy.startsWith("ELBSecurityPolicy-")) {
        p.push(`${name}: SslPolicy "${l.SslPolicy}" is not an ELBSecurityPolicy-... name`);
      }
    } else if (certs.length > 0 || l.SslPolicy !== undefined) {
      p.push(`${name}: certificates and SSL policies belong on HTTPS listeners only`);
    }
    if (!Array.isArray(l.DefaultActions) || l.DefaultActions.length !== 1) {
      p.push(`${name}: exactly one default action (forward, redirect or fixed-response)`);
    } else {
      p.push(...validateAction(l.DefaultActions[0], `${name} default action`, l));
    }
    const priorities = new Set<number>();
    for (const r of l.Rules ?? []) {
      const where = `${name} rule ${r.Priority}`;
      if (!inRange(r.Priority, 1, 50000)) p.push(`${where}: priority must be an integer 1..50000`);
      if (priorities.has(r.Priority)) p.push(`${where}: two rules with priority ${r.Priority}`);
      priorities.add(r.Priority);
      if (!r.Conditions?.length) p.push(`${where}: a rule needs at least one condition`);
      const values = (r.Conditions ?? []).flatMap((c) => c.PathPatternConfig?.Values ?? []);
      if (values.length > 5) p.push(`${where}: ${values.length} condition values; a rule allows at most 5`);
      const wildcards = values.join("").replace(/[^*?]/g, "").length;
      if (wildcards > 5) p.push(`${where}: ${wildcards} wildcards; a rule allows at most 5`);
      for (const c of r.Conditions ?? []) {
        if (c.Field !== "path-pattern") p.push(`${where}: only path-pattern conditions are modelled here`);
        for (const v of c.PathPatternConfig?.Values ?? []) {
          if (v.length === 0 || v.length > 128 || !PATH_PATTERN_CHARS.test(v)) {
            p.push(`${where}: path pattern "${v}" must be 1-128 characters from A-Z a-z 0-9 _-.$/~"'@:+&*?`);
          }
        }
      }
      if (r.Actions?.length !== 1) p.push(`${where}: exactly one action`);
      else p.push(...validateAction(r.Actions[0], where, l));
    }
  }
  return p;
}

/** ALB path matching: the whole path, case-sensitive, * = any run of characters (even none), ? = exactly one. */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${regex}$`).test(path);
}

export interface AlbRequest {
  protocol: "HTTP" | "HTTPS";
  port: number;
  /** The URL path, without the query string. */
  path: string;
  host?: string;
  query?: string;
}

export type RouteDecision =
  | { kind: "forward"; targetGroupArn: string; rule: number | "default" }
  | { kind: "redirect"; statusCode: 301 | 302; location: string; rule: number | "default" }
  | { kind: "fixed-response"; statusCode: number; rule: number | "default" }
  | { kind: "no-listener" };

function act(a: ListenerAction, req: AlbRequest, rule: number | "default"): RouteDecision {
  if (a.Type === "forward") return { kind: "forward", targetGroupArn: a.TargetGroupArn, rule };
  if (a.Type === "fixed-response")
    return { kind: "fixed-response", statusCode: Number(a.FixedResponseConfig.StatusCode), rule };
  const r = a.RedirectConfig;
  const host = req.host ?? "api.example.com";
  const protocol = (r.Protocol ?? "#{protocol}").replace("#{protocol}", req.protocol).toLowerCase();
  const port = (r.Port ?? "#{port}").replace("#{port}", String(req.port));
  const path = (r.Path ?? "/#{path}").replace("#{path}", req.path.replace(/^\//, ""));
  const query = (r.Query ?? "#{query}").replace("#{query}", req.query ?? "");
  const location = `${protocol}://${(r.Host ?? "#{host}").replace("#{host}", host)}:${port}${path}${query ? `?${query}` : ""}`;
  return { kind: "redirect", statusCode: r.StatusCode === "HTTP_301" ? 301 : 302, location, rule };
}

/**
 * What the ALB does with one request: pick the listener for the port (and protocol), try its rules from the lowest
 * priority number up (all conditions of a rule must match; any value of a condition may), else the default action.
 */
export function routeRequest(listeners: ListenerSpec[], req: AlbRequest): RouteDecision {
  const listener = listeners.find((l) => l.Port === req.port && l.Protocol === req.protocol);
  if (!listener) return { kind: "no-listener" };
  const rules = [...(listener.Rules ?? [])].sort((a, b) => a.Priority - b.Priority);
  for (const rule of rules) {
    const matches = rule.Conditions.every((c) =>
      c.PathPatternConfig.Values.some((v) => pathPatternMatches(v, req.path)),
    );
    if (matches) return act(rule.Actions[0], req, rule.Priority);
  }
  return act(listener.DefaultActions[0], req, "default");
}

export type IngressPathType = "Exact" | "Prefix" | "ImplementationSpecific";

/**
 * How the AWS Load Balancer Controller (v2.4+) turns one Ingress path into ALB path patterns
 * (pkg/ingress/model_build_listener_rules.go): Exact → the path; Prefix → the path and path/* ("/" → "/*");
 * ImplementationSpecific → the path as written, wildcards and all. Exact and Prefix paths may not contain * or ?.
 */
export function ingressPathPatterns(path: string, pathType: IngressPathType): string[] {
  if (pathType === "ImplementationSpecific") return [path];
  if (/[*?]/.test(path)) throw new Error(`${pathType} path "${path}" may not contain wildcards`);
  if (pathType === "Exact") return [path];
  if (path === "/") return ["/*"];
  const normalized = path.replace(/\/$/, "");
  return [normalized, `${normalized}/*`];
}

type Json = Record<string, unknown>;

function annotationsOf(ingress: Json): Record<string, string> {
  const meta = (ingress.metadata ?? {}) as Json;
  return (meta.annotations ?? {}) as Record<string, string>;
}

const A = "alb.ingress.kubernetes.io/";

/**
 * The listeners the AWS Load Balancer Controller would create for an Ingress (a model of its main path, enough to
 * compare routing): listen-ports (default HTTP 80, or HTTPS 443 with a certificate), certificate-arn, ssl-redirect
 * (HTTP listeners then only redirect), one rule per path in the controller's order (Exact, then Prefix longest
 * first, then ImplementationSpecific as written), and a 404 fixed response when nothing matches.
 * `targetGroupArn(service, port)` names the target group the controller would make for each backend.
 */
export function listenersFromIngress(
  ingress: Json,
  targetGroupArn: (service: string, port: number | string) => string,
): ListenerSpec[] {
  const ann = annotationsOf(ingress);
  const certs = (ann[`${A}certificate-arn`] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const portsText = ann[`${A}listen-ports`];
  const ports: { protocol: "HTTP" | "HTTPS"; port: number }[] = portsText
    ? (JSON.parse(portsText) as Record<string, number>[]).flatMap((o) =>
        Object.entries(o).map(([protocol, port]) => ({ protocol: protocol as "HTTP" | "HTTPS", port })),
      )
    : [certs.length ? { protocol: "HTTPS", port: 443 } : { protocol: "HTTP", port: 80 }];
  const sslRedirect = ann[`${A}ssl-redirect`];
  const spec = (ingress.spec ?? {}) as Json;
  const paths: { path: string; pathType: IngressPathType; service: string; port: number | string }[] = [];
  for (const rule of (spec.rules ?? []) as Json[]) {
    for (const p of (((rule.http ?? {}) as Json).paths ?? []) as Json[]) {
      const svc = ((p.backend as Json)?.service ?? {}) as Json;
      const port = (svc.port ?? {}) as Json;
      paths.push({
        path: String(p.path ?? "/"),
        pathType: (p.pathType ?? "ImplementationSpecific") as IngressPathType,
        service: String(svc.name),
        port: (port.number as number) ?? String(port.name),
      });
    }
  }
  const order = (t: IngressPathType) => (t === "Exact" ? 0 : t === "Prefix" ? 1 : 2);
  const sorted = paths
    .map((p, i) => ({ ...p, i }))
    .sort(
      (a, b) =>
        order(a.pathType) - order(b.pathType) ||
        (a.pathType === "Prefix" && b.pathType === "Prefix" ? b.path.length - a.path.length : 0) ||
        a.i - b.i,
    );
  return ports.map(({ protocol, port }) => {
    const listener: ListenerSpec = {
      Protocol: protocol,
      Port: port,
      DefaultActions: [
        { Type: "fixed-response", FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain" } },
      ],
      Rules: [],
    };
    if (protocol === "HTTPS") listener.Certificates = certs.map((CertificateArn) => ({ CertificateArn }));
    if (protocol === "HTTP" && sslRedirect) {
      listener.DefaultActions = [
        { Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: sslRedirect, StatusCode: "HTTP_301" } },
      ];
      return listener;
    }
    listener.Rules = sorted.map((p, k) => ({
      Priority: k + 1,
      Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ingressPathPatterns(p.path, p.pathType) } }],
      Actions: [{ Type: "forward", TargetGroupArn: targetGroupArn(p.service, p.port) }],
    }));
    return listener;
  });
}

/** The health-check settings an Ingress's annotations give the target group, with the controller's defaults. */
export function healthCheckFromAnnotations(
  ingress: Json,
): Pick<
  TargetGroupSpec,
  | "HealthCheckProtocol"
  | "HealthCheckPath"
  | "HealthCheckPort"
  | "HealthCheckIntervalSeconds"
  | "HealthCheckTimeoutSeconds"
  | "HealthyThresholdCount"
  | "UnhealthyThresholdCount"
  | "Matcher"
> & { TargetType: string } {
  const ann = annotationsOf(ingress);
  const get = (key: string, fallback: string) => ann[`${A}${key}`] ?? fallback;
  return {
    TargetType: get("target-type", "instance"),
    HealthCheckProtocol: get("healthcheck-protocol", "HTTP") as "HTTP" | "HTTPS",
    HealthCheckPath: get("healthcheck-path", "/"),
    HealthCheckPort: get("healthcheck-port", "traffic-port"),
    HealthCheckIntervalSeconds: Number(get("healthcheck-interval-seconds", "15")),
    HealthCheckTimeoutSeconds: Number(get("healthcheck-timeout-seconds", "5")),
    HealthyThresholdCount: Number(get("healthy-threshold-count", "2")),
    UnhealthyThresholdCount: Number(get("unhealthy-threshold-count", "2")),
    Matcher: { HttpCode: get("success-codes", "200") },
  };
}

export type TargetHealth = "initial" | "healthy" | "unhealthy";

export interface ProbeResult {
  status: number;
  latencyMs: number;
}

/**
 * Health checks over time for one target: a check runs every interval; it passes when the status is in the matcher
 * AND the answer came within the timeout. HealthyThresholdCount passes in a row make the target healthy,
 * UnhealthyThresholdCount failures in a row make it unhealthy; a new target starts "initial".
 */
export function healthTimeline(
  tg: TargetGroupSpec,
  probe: (tSeconds: number) => ProbeResult,
  durationSeconds: number,
): { t: number[]; passed: boolean[]; state: TargetHealth[] } {
  const accept = new Set(matcherCodes(tg.Matcher.HttpCode));
  const out = { t: [] as number[], passed: [] as boolean[], state: [] as TargetHealth[] };
  let state: TargetHealth = "initial";
  let passes = 0;
  let fails = 0;
  for (let t = 0; t <= durationSeconds; t += tg.HealthCheckIntervalSeconds) {
    const r = probe(t);
    const ok = accept.has(r.status) && r.latencyMs < tg.HealthCheckTimeoutSeconds * 1000;
    passes = ok ? passes + 1 : 0;
    fails = ok ? 0 : fails + 1;
    if (passes >= tg.HealthyThresholdCount) state = "healthy";
    if (fails >= tg.UnhealthyThresholdCount) state = "unhealthy";
    out.t.push(t);
    out.passed.push(ok);
    out.state.push(state);
  }
  return out;
}

/** The `aws elbv2 create-target-group` command for a spec, for the notebook's CLI comparison. */
export function createTargetGroupCli(tg: TargetGroupSpec): string {
  return [
    "aws elbv2 create-target-group",
    `--name ${tg.Name} --protocol ${tg.Protocol} --port ${tg.Port} --target-type ${tg.TargetType} --vpc-id ${tg.VpcId}`,
    `--health-check-protocol ${tg.HealthCheckProtocol} --health-check-path ${tg.HealthCheckPath} --health-check-port ${tg.HealthCheckPort}`,
    `--health-check-interval-seconds ${tg.HealthCheckIntervalSeconds} --health-check-timeout-seconds ${tg.HealthCheckTimeoutSeconds}`,
    `--healthy-threshold-count ${tg.HealthyThresholdCount} --unhealthy-threshold-count ${tg.UnhealthyThresholdCount}`,
    `--matcher HttpCode=${tg.Matcher.HttpCode}`,
  ].join(" \\\n  ");
}
