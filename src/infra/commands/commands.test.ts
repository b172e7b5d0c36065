// Command equivalence: the spellings below mean the same thing to docker / kubectl (their reference pages:
// docs.docker.com/reference/cli/docker/, kubernetes.io/docs/reference/kubectl/), and the pairs that differ do not.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { canonicalResource, commandDifferences, formatCommand, parseCommand, sameCommand } from "./index";

const w = (line: string) => line.split(" ");

function same(a: string, b: string, opts = {}) {
  assert.deepEqual(commandDifferences(w(a), w(b), opts), [], `${a}  ==  ${b}`);
}
function differs(a: string, b: string, why: RegExp) {
  const d = commandDifferences(w(a), w(b));
  assert.ok(d.length > 0, `${a}  !=  ${b}`);
  assert.match(d.join("\n"), why);
}

describe("docker", () => {
  test("build: short/long flags, --flag=value, any order, build args as a set, ./ is .", () => {
    same(
      "docker build -t api:1.2.0 --build-arg NODE_ENV=production --build-arg GIT_SHA=abc .",
      "docker build --build-arg=GIT_SHA=abc . --tag=api:1.2.0 --build-arg NODE_ENV=production",
    );
    same("docker build -t api:1 ./", "docker image build -t api:1 .");
    same("docker build -t api:1 -f Dockerfile .", "docker build -t api:1 .");
    differs("docker build -t api:1 -f Dockerfile.dev .", "docker build -t api:1 .", /missing --file Dockerfile.dev/);
    differs("docker build -t api:1.2.0 .", "docker build -t api:latest .", /--tag: expected api:1.2.0, got api:latest/);
  });
  test("run: -p/--publish, -e/--env, -d, clusters, /tcp, -v vs --mount, and the image ends the flags", () => {
    same(
      "docker run -d --rm -p 8080:8080 -e LOG_LEVEL=info -e MODEL_PATH=/models/m.json --read-only api:1.2.0",
      "docker container run --env MODEL_PATH=/models/m.json --publish=8080:8080/tcp --detach --read-only --env=LOG_LEVEL=info --rm api:1.2.0",
    );
    same(
      "docker run -v /srv/models:/models:ro api:1",
      "docker run --mount type=bind,src=/srv/models,dst=/models,ro api:1",
    );
    same("docker run -v cache:/cache api:1", "docker run --mount source=cache,target=/cache api:1");
    same("docker run -it --rm busybox:1.36 sh", "docker run -i -t --rm busybox:1.36 sh");
    differs("docker run api:1 --read-only", "docker run --read-only api:1", /the command after the image/);
    differs("docker run -v /srv/models:/models:ro api:1", "docker run -v /srv/models:/models api:1", /mount/);
    differs(
      "docker run -p 8080:8080 api:1",
      "docker run -p 80:8080 api:1",
      /--publish: expected 8080:8080, got 80:8080/,
    );
  });
  test("logs -f --tail", () => {
    same("docker logs -f --tail 100 api", "docker container logs --follow -n 100 api");
  });
});

describe("kubectl", () => {
  test("resources: TYPE/NAME == TYPE NAME, short names and plurals", () => {
    same("kubectl scale deployment/api --replicas=3", "kubectl scale --replicas 3 deploy api");
    same("kubectl rollout status deployment/api", "kubectl rollout status deployments.apps/api");
    same("kubectl get pods", "kubectl get po");
    same("kubectl get pod a b", "kubectl get pods/b pods/a");
    same("kubectl describe pod api-1", "kubectl describe po/api-1");
    assert.equal(canonicalResource("svc"), "service");
    assert.equal(canonicalResource("HPA"), "horizontalpodautoscaler");
  });
  test("namespace anywhere, even before the subcommand; the default namespace can be made optional", () => {
    same("kubectl -n ml get pods", "kubectl get pods --namespace=ml");
    same("kubectl get pods -n=ml", "kubectl get pods -n ml");
    same("kubectl get pods", "kubectl get pods -n default", { defaultNamespace: "default" });
    differs("kubectl get pods -n ml", "kubectl get pods", /missing --namespace ml/);
  });
  test("logs: -f/--follow, -p/--previous, POD CONTAINER == POD -c CONTAINER, bare pod == pod/NAME", () => {
    same("kubectl logs api-1 -f --previous", "kubectl logs -f -p pod/api-1");
    same("kubectl logs api-1 -c server", "kubectl logs api-1 server");
    same("kubectl logs api-1 --previous=true", "kubectl logs api-1 -p");
    differs("kubectl logs api-1 --previous", "kubectl logs api-1", /missing --previous/);
    differs("kubectl logs api-1 --previous", "kubectl logs api-1 --previous=false", /missing --previous/);
  });
  test("rollout undo, port-forward, exec with --", () => {
    same("kubectl rollout undo deployment/api --to-revision=2", "kubectl rollout undo deploy api --to-revision 2");
    same("kubectl port-forward svc/api 8080:80", "kubectl port-forward service/api 8080:80");
    differs("kubectl port-forward svc/api 8080:80", "kubectl port-forward svc/api 80:8080", /arguments/);
    same("kubectl exec -it api-1 -- sh -c ls", "kubectl exec api-1 -i -t -- sh -c ls");
    differs("kubectl exec -it api-1 -- sh", "kubectl exec -it api-1 -- bash", /after the --/);
  });
  test("different commands and unreadable commands are explained", () => {
    differs(
      "kubectl rollout status deploy/api",
      "kubectl rollout undo deploy/api",
      /expected `kubectl rollout status`/,
    );
    differs("kubectl get pods", "kubectl get pods --frobnicate", /unknown flag --frobnicate/);
    differs("kubectl get pods", "helm list", /not docker or kubectl/);
    assert.throws(() => parseCommand(["kubectl", "teleport"]), /unknown kubectl command/);
    assert.throws(() => parseCommand(["docker", "run", "--name"]), /needs a value/);
  });
});

test("parseCommand exposes the canonical form; formatCommand quotes for a shell", () => {
  assert.deepEqual(parseCommand(w("kubectl logs api-1 -f --previous -n ml")), {
    tool: "kubectl",
    command: "logs",
    flags: { follow: ["true"], previous: ["true"], namespace: ["ml"] },
    args: ["pod/api-1"],
    rest: [],
  });
  assert.equal(
    formatCommand(["docker", "run", "-e", "MSG=hello world", "api:1"]),
    "docker run -e 'MSG=hello world' api:1",
  );
  assert.ok(sameCommand(["docker", "ps", "-a"], ["docker", "container", "ls", "--all"]));
});
