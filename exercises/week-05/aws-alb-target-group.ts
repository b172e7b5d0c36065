// Week 5 · The capstone API behind an Application Load Balancer: target group, health check, listeners, and the same
// thing as Kubernetes Ingress annotations for the AWS Load Balancer Controller.
// Read the "Load balancing: ELB, ALB, target groups and health checks" section of
// notebooks/week-05-aws-networking-and-iam.ipynb first.
// Grade it with `npm run grade aws-alb-target-group`; stuck? `npm run hint aws-alb-target-group`.
//
// The configuration objects use the ELBv2 API's own field names (src/aws/network-alb.ts has the types), so the
// test can check them with AWS's documented limits (validateTargetGroup / validateListeners), route requests through
// them (routeRequest), and compare them with what the Load Balancer Controller builds from your Ingress.
import type { ListenerSpec, TargetGroupSpec } from "../../src/aws/network-alb";
import { todo } from "../../src/grader/todo";

/** The capstone API: pods listen on 8080 and answer GET /readyz with 200 when they can serve predictions. */
export const APP_PORT = 8080;
export const READINESS_PATH = "/readyz";

/**
 * The target group "inference-api-tg" in `vpcId`: HTTP to the pods' port 8080, target type "ip" (pod IPs, as on EKS
 * with the VPC CNI), and a health check of GET /readyz on the traffic port that only accepts 200. Choose the interval,
 * timeout and thresholds so that:
 * - AWS accepts them (validateTargetGroup returns no problems; the timeout is shorter than the interval);
 * - a pod whose /readyz starts failing is marked unhealthy within 30 s of its first failed check;
 * - a new pod is marked healthy within 30 s of its first passing check;
 * - a /readyz that answers 200 in 3.5 s (a garbage-collection pause) still counts as a pass.
 */
export function capstoneTargetGroup(vpcId: string): TargetGroupSpec {
  return todo("aws-alb-target-group");
}

/**
 * Two listeners:
 * - HTTPS on 443 with the certificate and an ELBSecurityPolicy-... SSL policy; ONE rule (any priority) forwarding the
 *   paths "/predict*" and "/model" to the target group; every other path (/metrics, /docs, /) gets a fixed 404,
 *   so the internet only sees the API.
 * - HTTP on 80, whose default action redirects to HTTPS on 443 with a 301 (no rules).
 */
export function capstoneListeners(certificateArn: string, targetGroupArn: string): ListenerSpec[] {
  return todo("aws-alb-target-group");
}

/**
 * The AWS Load Balancer Controller annotations (keys "alb.ingress.kubernetes.io/...") that give the same ALB:
 * scheme internet-facing, target-type ip, listen-ports HTTP 80 and HTTPS 443 (a JSON array), ssl-redirect to 443,
 * certificate-arn, and the health check of `tg` (healthcheck-path, -port, -protocol, -interval-seconds,
 * -timeout-seconds, healthy-threshold-count, unhealthy-threshold-count, success-codes). Every value is a STRING.
 */
export function albIngressAnnotations(tg: TargetGroupSpec, certificateArn: string): Record<string, string> {
  return todo("aws-alb-target-group");
}

export interface IngressOptions {
  name: string;
  namespace: string;
  /** The Service in front of the API pods, and its port (the Service's port, not the container's). */
  serviceName: string;
  servicePort: number;
  certificateArn: string;
  vpcId: string;
}

/**
 * A networking.k8s.io/v1 Ingress, as YAML text: ingressClassName "alb", the annotations of
 * albIngressAnnotations(capstoneTargetGroup(vpcId), certificateArn), and paths that route EXACTLY like
 * capstoneListeners once the controller has translated them (Exact → the path; Prefix "/p" → "/p" and "/p/*";
 * ImplementationSpecific → the path as written, wildcards included).
 */
export function capstoneIngressYaml(options: IngressOptions): string {
  return todo("aws-alb-target-group");
}
