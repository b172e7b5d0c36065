// Reference solution for well-architected-review.
import type { Finding } from "../../src/cloud/index";

export function review(): Finding[] {
  return [
    {
      pillar: "operational-excellence",
      file: "capstone/Dockerfile",
      evidence: "HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3",
      observation: "The image reports its own health, so docker and compose can tell a hung API from a live one.",
      kind: "strength",
    },
    {
      pillar: "security",
      file: "capstone/k8s/base/deployment.yaml",
      evidence: "readOnlyRootFilesystem: true",
      observation: "The container cannot write its own file system, so an attacker cannot drop tools or change code.",
      kind: "strength",
    },
    {
      pillar: "security",
      file: "capstone/deploy/cluster.yaml",
      evidence: "privateNetworking: true",
      observation: "Worker nodes sit in private subnets; only the load balancer is reachable from the internet.",
      kind: "strength",
    },
    {
      pillar: "reliability",
      file: "capstone/k8s/base/hpa.yaml",
      evidence: "minReplicas: 2",
      observation: "At least two pods always serve, so one crash or a node drain never takes the API down.",
      kind: "strength",
    },
    {
      pillar: "performance-efficiency",
      file: "capstone/k8s/base/hpa.yaml",
      evidence: "averageUtilization: 70",
      observation: "Replicas follow measured CPU, adding pods before each one saturates and latency climbs.",
      kind: "strength",
    },
    {
      pillar: "cost-optimization",
      file: "capstone/deploy/cluster.yaml",
      evidence: "instanceType: t3.medium",
      observation: "Two always-on burstable x86 nodes run all year at On-Demand prices in the dry-run plan.",
      kind: "improvement",
      recommendation:
        "Cover the two always-on nodes with a Compute Savings Plan and compare a Graviton (t4g) node group.",
    },
    {
      pillar: "sustainability",
      file: "capstone/Dockerfile",
      evidence: "FROM node:20-bookworm-slim AS runtime",
      observation: "A multi-stage build on a slim base ships only runtime files: less to store, pull and scan.",
      kind: "strength",
    },
  ];
}
