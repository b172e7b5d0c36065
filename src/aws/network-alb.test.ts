// The ALB model: AWS's documented limits, path-pattern matching, routing, the Load Balancer Controller's Ingress
// translation (cases from its own source and docs), and health-check state changes worked by hand.
import assert from "node:assert/strict";
import { test } from "vitest";
import {
  healthCheckFromAnnotations,
  healthTimeline,
  ingressPathPatterns,
  type ListenerSpec,
  listenersFromIngress,
  matcherCodes,
  pathPatternMatches,
  routeRequest,
  type TargetGroupSpec,
  validateListeners,
  validateTargetGroup,
} from "./network-alb";

const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api-tg/0123456789abcdef";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

const tg: TargetGroupSpec = {
  Name: "api-tg",
  Protocol: "HTTP",
  Port: 8080,
  TargetType: "ip",
  VpcId: "vpc-0abc1234",
  HealthCheckEnabled: true,
  HealthCheckProtocol: "HTTP",
  HealthCheckPath: "/readyz",
  HealthCheckPort: "traffic-port",
  HealthCheckIntervalSeconds: 10,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 2,
  UnhealthyThresholdCount: 3,
  Matcher: { HttpCode: "200" },
};

const listeners: ListenerSpec[] = [
  {
    Protocol: "HTTPS",
    Port: 443,
    Certificates: [{ CertificateArn: CERT }],
    DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { StatusCode: "404" } }],
    Rules: [
      {
        Priority: 10,
        Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/predict*", "/model"] } }],
        Actions: [{ Type: "forward", TargetGroupArn: TG_ARN }],
      },
    ],
  },
  {
    Protocol: "HTTP",
    Port: 80,
    DefaultActions: [{ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } }],
    Rules: [],
  },
];

test("a sound target group and listeners pass; each broken limit is named", () => {
  assert.deepEqual(validateTargetGroup(tg), []);
  assert.deepEqual(validateListeners(listeners), []);
  const broken = (patch: Partial<TargetGroupSpec>, re: RegExp) => {
    const problems = validateTargetGroup({ ...tg, ...patch });
    assert.ok(
      problems.some((p) => re.test(p)),
      `${JSON.stringify(patch)}: expected a problem matching ${re}, got ${problems}`,
    );
  };
  broken({ HealthCheckTimeoutSeconds: 10 }, /smaller than/);
  broken({ HealthCheckIntervalSeconds: 4, HealthCheckTimeoutSeconds: 2 }, /5\.\.300/);
  broken({ HealthyThresholdCount: 1 }, /2\.\.10/);
  broken({ Matcher: { HttpCode: "500" } }, /200\.\.499/);
  broken({ HealthCheckPath: "readyz" }, /start with \//);
  broken({ Name: "-api" }, /Name/);
  broken({ HealthCheckPort: "http" }, /traffic-port/);
});

test("listener validation: HTTPS needs a certificate, priorities are unique, redirects may not loop", () => {
  const noCert: ListenerSpec[] = [{ ...listeners[0], Certificates: [] }];
  assert.ok(validateListeners(noCert).some((p) => /certificate/.test(p)));
  const dup: ListenerSpec[] = [{ ...listeners[0], Rules: [listeners[0].Rules[0], listeners[0].Rules[0]] }];
  assert.ok(validateListeners(dup).some((p) => /two rules with priority/.test(p)));
  const loop: ListenerSpec[] = [
    { ...listeners[1], DefaultActions: [{ Type: "redirect", RedirectConfig: { StatusCode: "HTTP_301" } }] },
  ];
  assert.ok(validateListeners(loop).some((p) => /loop/.test(p)));
});

test("path patterns: whole path, case-sensitive, * for any run, ? for one character", () => {
  assert.ok(pathPatternMatches("/predict*", "/predict"));
  assert.ok(pathPatternMatches("/predict*", "/predictions"));
  assert.ok(pathPatternMatches("/predict*", "/predict/batch"));
  assert.ok(!pathPatternMatches("/predict*", "/Predict"));
  assert.ok(!pathPatternMatches("/model", "/model/"));
  assert.ok(pathPatternMatches("/v?/model", "/v2/model"));
  assert.ok(!pathPatternMatches("/v?/model", "/v10/model"));
  assert.ok(pathPatternMatches("/a.b", "/a.b") && !pathPatternMatches("/a.b", "/axb"), "a dot is literal");
});

test("routing: rules by priority, then the default; HTTP redirects to HTTPS", () => {
  const https = (path: string) => routeRequest(listeners, { protocol: "HTTPS", port: 443, path });
  assert.equal(https("/predict").kind, "forward");
  assert.equal(https("/model").kind, "forward");
  assert.deepEqual(https("/model/v2"), { kind: "fixed-response", statusCode: 404, rule: "default" });
  const r = routeRequest(listeners, {
    protocol: "HTTP",
    port: 80,
    path: "/predict",
    host: "api.example.com",
    query: "x=1",
  });
  assert.deepEqual(r, {
    kind: "redirect",
    statusCode: 301,
    location: "https://api.example.com:443/predict?x=1",
    rule: "default",
  });
  assert.deepEqual(routeRequest(listeners, { protocol: "HTTP", port: 8080, path: "/" }), { kind: "no-listener" });
});

test("Ingress paths become the patterns the Load Balancer Controller generates", () => {
  assert.deepEqual(ingressPathPatterns("/model", "Exact"), ["/model"]);
  assert.deepEqual(ingressPathPatterns("/predict", "Prefix"), ["/predict", "/predict/*"]);
  assert.deepEqual(ingressPathPatterns("/predict/", "Prefix"), ["/predict", "/predict/*"]);
  assert.deepEqual(ingressPathPatterns("/", "Prefix"), ["/*"]);
  assert.deepEqual(ingressPathPatterns("/predict*", "ImplementationSpecific"), ["/predict*"]);
  assert.throws(() => ingressPathPatterns("/predict*", "Prefix"), /wildcards/);
});

test("listenersFromIngress: listen-ports, ssl-redirect, certificate and rule order", () => {
  const ingress = {
    metadata: {
      annotations: {
        "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP": 80}, {"HTTPS": 443}]',
        "alb.ingress.kubernetes.io/ssl-redirect": "443",
        "alb.ingress.kubernetes.io/certificate-arn": CERT,
        "alb.ingress.kubernetes.io/healthcheck-path": "/readyz",
      },
    },
    spec: {
      rules: [
        {
          http: {
            paths: [
              { path: "/a", pathType: "Prefix", backend: { service: { name: "api", port: { number: 80 } } } },
              { path: "/a/long", pathType: "Prefix", backend: { service: { name: "api", port: { number: 80 } } } },
              { path: "/x", pathType: "Exact", backend: { service: { name: "api", port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  };
  const ls = listenersFromIngress(ingress, () => TG_ARN);
  assert.deepEqual(validateListeners(ls), []);
  const http = ls.find((l) => l.Port === 80)!;
  assert.equal(http.Rules.length, 0, "with ssl-redirect the HTTP listener only redirects");
  const https = ls.find((l) => l.Port === 443)!;
  assert.deepEqual(
    https.Rules.map((r) => r.Conditions[0].PathPatternConfig.Values[0]),
    ["/x", "/a/long", "/a"],
    "Exact first, then Prefix longest first",
  );
  assert.equal(healthCheckFromAnnotations(ingress).HealthCheckPath, "/readyz");
  assert.equal(healthCheckFromAnnotations(ingress).HealthCheckIntervalSeconds, 15, "the controller's default");
});

test("health checks: thresholds and the timeout decide when a target changes state", () => {
  // Ready until t = 60 s, then /readyz answers 503. Checks every 10 s, 3 failures to go unhealthy:
  // failures at 60, 70, 80 → unhealthy at t = 80 s. First two passes (t = 0, 10) → healthy at t = 10 s.
  const tl = healthTimeline(tg, (t) => ({ status: t < 60 ? 200 : 503, latencyMs: 20 }), 100);
  assert.deepEqual(tl.t, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  assert.deepEqual(tl.state.slice(0, 3), ["initial", "healthy", "healthy"]);
  assert.equal(tl.state[7], "healthy", "two failures are not enough");
  assert.equal(tl.state[8], "unhealthy");
  // A 200 that takes 6 s is a failure when the timeout is 5 s.
  const slow = healthTimeline(tg, () => ({ status: 200, latencyMs: 6000 }), 30);
  assert.deepEqual(slow.passed, [false, false, false, false]);
  assert.equal(slow.state[2], "unhealthy");
  assert.deepEqual(matcherCodes("200,202-204"), [200, 202, 203, 204]);
});
