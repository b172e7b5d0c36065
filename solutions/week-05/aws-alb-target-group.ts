// Reference solution for exercises/week-05/aws-alb-target-group.ts.
import { stringify } from "yaml";
import type { ListenerSpec, TargetGroupSpec } from "../../src/aws/network-alb";

export const APP_PORT = 8080;
export const READINESS_PATH = "/readyz";

export function capstoneTargetGroup(vpcId: string): TargetGroupSpec {
  return {
    Name: "inference-api-tg",
    Protocol: "HTTP",
    Port: APP_PORT,
    TargetType: "ip",
    VpcId: vpcId,
    HealthCheckEnabled: true,
    HealthCheckProtocol: "HTTP",
    HealthCheckPath: READINESS_PATH,
    HealthCheckPort: "traffic-port",
    // 3 failures × 10 s = unhealthy 20 s after the first failure (30 s after the pod broke, at worst);
    // 2 passes × 10 s = healthy 10 s after the first pass. A 5 s timeout tolerates a 3.5 s pause and is < 10 s.
    HealthCheckIntervalSeconds: 10,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 2,
    UnhealthyThresholdCount: 3,
    Matcher: { HttpCode: "200" },
  };
}

export function capstoneListeners(certificateArn: string, targetGroupArn: string): ListenerSpec[] {
  return [
    {
      Protocol: "HTTPS",
      Port: 443,
      Certificates: [{ CertificateArn: certificateArn }],
      SslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      DefaultActions: [
        {
          Type: "fixed-response",
          FixedResponseConfig: { StatusCode: "404", ContentType: "text/plain", MessageBody: "not found" },
        },
      ],
      Rules: [
        {
          Priority: 10,
          Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/predict*", "/model"] } }],
          Actions: [{ Type: "forward", TargetGroupArn: targetGroupArn }],
        },
      ],
    },
    {
      Protocol: "HTTP",
      Port: 80,
      DefaultActions: [
        { Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } },
      ],
      Rules: [],
    },
  ];
}

const A = "alb.ingress.kubernetes.io/";

export function albIngressAnnotations(tg: TargetGroupSpec, certificateArn: string): Record<string, string> {
  // String(...) everywhere: Kubernetes annotations are strings, and an unquoted 10 in YAML is a number.
  return {
    [`${A}scheme`]: "internet-facing",
    [`${A}target-type`]: tg.TargetType,
    [`${A}listen-ports`]: JSON.stringify([{ HTTP: 80 }, { HTTPS: 443 }]),
    [`${A}ssl-redirect`]: "443",
    [`${A}certificate-arn`]: certificateArn,
    [`${A}healthcheck-protocol`]: tg.HealthCheckProtocol,
    [`${A}healthcheck-port`]: tg.HealthCheckPort,
    [`${A}healthcheck-path`]: tg.HealthCheckPath,
    [`${A}healthcheck-interval-seconds`]: String(tg.HealthCheckIntervalSeconds),
    [`${A}healthcheck-timeout-seconds`]: String(tg.HealthCheckTimeoutSeconds),
    [`${A}healthy-threshold-count`]: String(tg.HealthyThresholdCount),
    [`${A}unhealthy-threshold-count`]: String(tg.UnhealthyThresholdCount),
    [`${A}success-codes`]: tg.Matcher.HttpCode,
  };
}

export interface IngressOptions {
  name: string;
  namespace: string;
  serviceName: string;
  servicePort: number;
  certificateArn: string;
  vpcId: string;
}

export function capstoneIngressYaml(options: IngressOptions): string {
  const backend = { service: { name: options.serviceName, port: { number: options.servicePort } } };
  const ingress = {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: {
      name: options.name,
      namespace: options.namespace,
      annotations: albIngressAnnotations(capstoneTargetGroup(options.vpcId), options.certificateArn),
    },
    spec: {
      ingressClassName: "alb",
      rules: [
        {
          http: {
            paths: [
              // ImplementationSpecific keeps the ALB wildcard: Prefix "/predict" would become "/predict" and
              // "/predict/*", which no longer matches "/predictions".
              { path: "/predict*", pathType: "ImplementationSpecific", backend },
              { path: "/model", pathType: "Exact", backend },
            ],
          },
        },
      ],
    },
  };
  // Without aliasDuplicateObjects: false the shared `backend` object would be written once with a YAML anchor (&a1)
  // and referenced (*a1) after that: valid YAML, but hard to read in a manifest.
  return stringify(ingress, { aliasDuplicateObjects: false });
}
