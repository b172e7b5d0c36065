// Grades exercises/week-08/docker-k8s-commands.ts (and proves solutions/week-08/docker-k8s-commands.ts with the very
// same file). Each expected command is written by hand the way the docker and kubectl reference pages show it
// (docs.docker.com/reference/cli/docker/, kubernetes.io/docs/reference/kubectl/generated/); yours is compared as the
// tools would read it (src/infra/commands/), so short or long flags, --flag=value, and flag order are free.
import assert from "node:assert/strict";
import { test } from "vitest";
import { commandDifferences, formatCommand } from "../../src/infra/k8s";
import {
  dockerBuild,
  dockerRun,
  kubectlLogs,
  kubectlPortForward,
  kubectlRolloutStatus,
  kubectlRolloutUndo,
  kubectlScale,
} from "./docker-k8s-commands";

/** Expected as one readable line (split on spaces: none of these values contains one). */
function expectCommand(got: string[], expectedLine: string, what: string): void {
  assert.ok(Array.isArray(got) && got.every((a) => typeof a === "string"), `${what}: return an array of strings`);
  for (const a of got) {
    assert.ok(
      !(a.startsWith("-") && /\s/.test(a)),
      `${what}: "${a}" is a flag and its value in one element; the shell would split them: ["${a.split(/\s+/)[0]}", "${a.split(/\s+/).slice(1).join(" ")}"]`,
    );
  }
  const diff = commandDifferences(expectedLine.split(" "), got);
  assert.deepEqual(
    diff,
    [],
    `${what}:\n  expected  ${expectedLine}\n  got       ${formatCommand(got)}\n  ${diff.join("\n  ")}`,
  );
}

test("docker build: tag, build args, default and custom Dockerfile", () => {
  expectCommand(
    dockerBuild({ context: ".", image: "study/forest-inference", tag: "0.2.0" }),
    "docker build -t study/forest-inference:0.2.0 .",
    "build in the current folder",
  );
  expectCommand(
    dockerBuild({
      context: "exercises/week-02/containerize",
      image: "study/forest-inference",
      tag: "0.2.0",
      buildArgs: { NODE_VERSION: "20.18.0", GIT_SHA: "4f2c1a9" },
    }),
    "docker build -t study/forest-inference:0.2.0 --build-arg NODE_VERSION=20.18.0 --build-arg GIT_SHA=4f2c1a9 exercises/week-02/containerize",
    "build with two build args",
  );
  expectCommand(
    dockerBuild({ context: ".", image: "api", tag: "1.0.0-dev", dockerfile: "docker/Dockerfile.dev" }),
    "docker build -t api:1.0.0-dev -f docker/Dockerfile.dev .",
    "build with another Dockerfile",
  );
});

test("docker build refuses an empty tag and latest", () => {
  assert.throws(() => dockerBuild({ context: ".", image: "api", tag: "" }), /tag/);
  assert.throws(() => dockerBuild({ context: ".", image: "api", tag: "latest" }), /latest/);
});

test("docker run: detached, ports, a read-only model volume, env, a read-only root with a tmpfs", () => {
  expectCommand(
    dockerRun({
      image: "study/forest-inference:0.2.0",
      name: "api",
      detach: true,
      rm: true,
      ports: [{ host: 8080, container: 8080 }],
      volumes: [{ source: "/srv/models", target: "/models", readOnly: true }],
      env: { MODEL_PATH: "/models/model.json", LOG_LEVEL: "info" },
      readOnly: true,
      tmpfs: ["/tmp"],
    }),
    "docker run -d --rm --name api -p 8080:8080 -v /srv/models:/models:ro -e MODEL_PATH=/models/model.json -e LOG_LEVEL=info --read-only --tmpfs /tmp study/forest-inference:0.2.0",
    "the full run",
  );
  expectCommand(
    dockerRun({
      image: "api:1.0.0",
      ports: [
        { host: 9000, container: 8080 },
        { host: 9464, container: 9464 },
      ],
    }),
    "docker run -p 9000:8080 -p 9464:9464 api:1.0.0",
    "two ports, host first",
  );
  expectCommand(
    dockerRun({ image: "api:1.0.0", volumes: [{ source: "/data/cache", target: "/cache" }] }),
    "docker run -v /data/cache:/cache api:1.0.0",
    "a writable volume",
  );
  expectCommand(dockerRun({ image: "api:1.0.0" }), "docker run api:1.0.0", "nothing but the image");
});

test("docker run refuses bad ports and relative volume sources", () => {
  assert.throws(() => dockerRun({ image: "api:1", ports: [{ host: 0, container: 80 }] }), /port/);
  assert.throws(() => dockerRun({ image: "api:1", ports: [{ host: 8080, container: 70000 }] }), /port/);
  assert.throws(() => dockerRun({ image: "api:1", volumes: [{ source: "./models", target: "/models" }] }), /absolute/);
});

test("kubectl scale, in the current namespace and in another", () => {
  expectCommand(
    kubectlScale("forest-inference", 3),
    "kubectl scale deployment/forest-inference --replicas=3",
    "scale to 3",
  );
  expectCommand(
    kubectlScale("forest-inference", 0, "ml"),
    "kubectl scale deployment/forest-inference --replicas=0 -n ml",
    "scale to 0 in ml (stops every pod, keeps the Deployment)",
  );
  assert.throws(() => kubectlScale("x", -1), /replicas/);
  assert.throws(() => kubectlScale("x", 1.5), /replicas/);
});

test("kubectl rollout status (with a CI timeout) and rollout undo (to a revision)", () => {
  expectCommand(
    kubectlRolloutStatus("forest-inference"),
    "kubectl rollout status deployment/forest-inference",
    "status",
  );
  expectCommand(
    kubectlRolloutStatus("forest-inference", { namespace: "ml", timeout: "120s" }),
    "kubectl rollout status deployment/forest-inference -n ml --timeout=120s",
    "status with a timeout",
  );
  assert.throws(() => kubectlRolloutStatus("x", { timeout: "2 minutes" }), /timeout/);
  expectCommand(kubectlRolloutUndo("forest-inference"), "kubectl rollout undo deployment/forest-inference", "undo");
  expectCommand(
    kubectlRolloutUndo("forest-inference", { namespace: "ml", toRevision: 3 }),
    "kubectl rollout undo deployment/forest-inference -n ml --to-revision=3",
    "undo to revision 3",
  );
  assert.throws(() => kubectlRolloutUndo("x", { toRevision: 0 }), /revision/);
});

test("kubectl port-forward to a service, a pod and a deployment", () => {
  expectCommand(
    kubectlPortForward({ kind: "service", name: "forest-inference" }, 8080, 80),
    "kubectl port-forward svc/forest-inference 8080:80",
    "service port 80 on localhost:8080",
  );
  expectCommand(
    kubectlPortForward({ kind: "pod", name: "forest-inference-7c9d8b6f5d-4xk2p" }, 9464, 9464, "ml"),
    "kubectl port-forward pod/forest-inference-7c9d8b6f5d-4xk2p 9464:9464 -n ml",
    "a pod's metrics port",
  );
  expectCommand(
    kubectlPortForward({ kind: "deployment", name: "forest-inference" }, 3000, 8080),
    "kubectl port-forward deploy/forest-inference 3000:8080",
    "one pod of a deployment",
  );
  assert.throws(() => kubectlPortForward({ kind: "pod", name: "x" }, 8080, 0), /port/);
});

test("kubectl logs: -f, --previous, a container, --tail", () => {
  expectCommand(kubectlLogs({ pod: "api-1", follow: true }), "kubectl logs -f api-1", "follow");
  expectCommand(
    kubectlLogs({ pod: "api-1", previous: true, namespace: "ml", tail: 100 }),
    "kubectl logs api-1 --previous -n ml --tail=100",
    "the crashed container's last 100 lines",
  );
  expectCommand(
    kubectlLogs({ pod: "api-1", container: "server", follow: true, previous: true }),
    "kubectl logs api-1 -c server -f --previous",
    "one container, follow, previous",
  );
  assert.throws(() => kubectlLogs({ pod: "api-1", tail: -5 }), /tail/);
});
