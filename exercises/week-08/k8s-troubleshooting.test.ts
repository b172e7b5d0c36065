// Grades exercises/week-08/k8s-troubleshooting.ts (and proves solutions/week-08/k8s-troubleshooting.ts with the very
// same file). The incidents are kubectl output in the exact formats kubectl 1.30 and the kubelet print; the six in
// k8s-incidents.ts come with the exercise, the variants below are held out (other wording, other namespaces, the
// -o wide columns). Commands are compared as docker/kubectl read them (src/infra/commands/), so any
// equivalent spelling passes: `logs -p` for `logs --previous`, `po/x` for `pod x`, flags in any order.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { commandDifferences, formatCommand } from "../../src/infra/k8s";
import { INCIDENTS } from "./k8s-incidents";
import { type Diagnosis, diagnose, type Evidence, parseGetPods } from "./k8s-troubleshooting";

function expectDiagnosis(evidence: Evidence, want: Omit<Diagnosis, "next"> & { next: string[] }, what: string) {
  const got = diagnose(evidence);
  assert.equal(got.pod, want.pod, `${what}: pod: expected ${want.pod}, got ${got.pod}`);
  assert.equal(got.namespace, want.namespace, `${what}: namespace: expected ${want.namespace}, got ${got.namespace}`);
  assert.equal(got.failure, want.failure, `${what}: failure: expected ${want.failure}, got ${got.failure}`);
  assert.ok(Array.isArray(got.next), `${what}: next must be an argv array`);
  const diff = commandDifferences(want.next, got.next, { defaultNamespace: "default" });
  assert.deepEqual(
    diff,
    [],
    `${what}: next: expected \`${formatCommand(want.next)}\`, got \`${formatCommand(got.next)}\`: ${diff.join("; ")}`,
  );
  assert.deepEqual(
    got.fix,
    want.fix,
    `${what}: fix: expected ${JSON.stringify(want.fix)}, got ${JSON.stringify(got.fix)}`,
  );
}

describe("parseGetPods", () => {
  test("cuts rows at the header's columns, reads READY and RESTARTS with its '(32s ago)'", () => {
    assert.deepEqual(parseGetPods(INCIDENTS.crashLoop.getPods), [
      {
        name: "forest-inference-7c9d8b6f5d-9tq4z",
        ready: 0,
        total: 1,
        status: "CrashLoopBackOff",
        restarts: 5,
        age: "4m",
      },
    ]);
    const rows = parseGetPods(INCIDENTS.pending.getPods);
    assert.deepEqual(
      rows.map((r) => [r.name, r.status, r.ready, r.total]),
      [
        ["forest-inference-7c9d8b6f5d-4xk2p", "Running", 1, 1],
        ["forest-inference-7c9d8b6f5d-8hj3n", "Running", 1, 1],
        ["forest-inference-7c9d8b6f5d-zz91c", "Pending", 0, 1],
      ],
    );
  });
  test("-o wide adds columns (IP, NODE, NOMINATED NODE, READINESS GATES) that are ignored", () => {
    const wide = `NAME                         READY   STATUS    RESTARTS        AGE   IP            NODE       NOMINATED NODE   READINESS GATES
api-5d8f7b6c4-abcde          2/2     Running   1 (3h14m ago)   2d    10.244.0.12   minikube   <none>           <none>
api-5d8f7b6c4-fghij          1/2     Running   0               2d    10.244.0.13   minikube   <none>           <none>`;
    assert.deepEqual(parseGetPods(wide), [
      { name: "api-5d8f7b6c4-abcde", ready: 2, total: 2, status: "Running", restarts: 1, age: "2d" },
      { name: "api-5d8f7b6c4-fghij", ready: 1, total: 2, status: "Running", restarts: 0, age: "2d" },
    ]);
  });
  test("an empty namespace is [], and text that is not a pod table is refused", () => {
    assert.deepEqual(parseGetPods("No resources found in default namespace."), []);
    assert.throws(
      () => parseGetPods("NAME   TYPE        CLUSTER-IP     PORT(S)\napi    ClusterIP   10.96.0.12     80/TCP"),
      /header/,
    );
  });
});

describe("the six incidents that come with the exercise", () => {
  test("ImagePullBackOff: an image that is in no registry -> load it into the cluster", () => {
    expectDiagnosis(
      INCIDENTS.imagePull,
      {
        pod: "forest-inference-6b8f9c7d5-2xkqp",
        namespace: "default",
        failure: "ImagePullBackOff",
        next: ["kubectl", "describe", "pod", "forest-inference-6b8f9c7d5-2xkqp"],
        fix: { action: "load-image-into-cluster", image: "study/forest-inference:0.2.0" },
      },
      "imagePull",
    );
  });
  test("CrashLoopBackOff: the model file is missing -> the error line from the previous container's logs", () => {
    expectDiagnosis(
      INCIDENTS.crashLoop,
      {
        pod: "forest-inference-7c9d8b6f5d-9tq4z",
        namespace: "default",
        failure: "CrashLoopBackOff",
        next: ["kubectl", "logs", "forest-inference-7c9d8b6f5d-9tq4z", "--previous"],
        fix: { action: "fix-crash", error: "Error: ENOENT: no such file or directory, open '/models/model.json'" },
      },
      "crashLoop",
    );
  });
  test("OOMKilled hides behind CrashLoopBackOff: Last State says so, and the limit is 256Mi", () => {
    expectDiagnosis(
      INCIDENTS.oomKilled,
      {
        pod: "forest-inference-5f7b9d6c4-lm2vx",
        namespace: "ml",
        failure: "OOMKilled",
        next: ["kubectl", "top", "pod", "forest-inference-5f7b9d6c4-lm2vx", "--containers", "-n", "ml"],
        fix: { action: "raise-memory-limit", limit: "256Mi" },
      },
      "oomKilled",
    );
  });
  test("Pending: Insufficient cpu -> look at the node's allocated requests, lower the pod's", () => {
    expectDiagnosis(
      INCIDENTS.pending,
      {
        pod: "forest-inference-7c9d8b6f5d-zz91c",
        namespace: "default",
        failure: "Pending",
        next: ["kubectl", "describe", "nodes"],
        fix: { action: "lower-requests", resource: "cpu" },
      },
      "pending",
    );
  });
  test("Running 0/1: the readiness probe gets a 404 -> its path is wrong", () => {
    expectDiagnosis(
      INCIDENTS.readiness,
      {
        pod: "forest-inference-84d6b7f9c8-x7m2w",
        namespace: "default",
        failure: "ReadinessFailing",
        next: ["kubectl", "describe", "pod", "forest-inference-84d6b7f9c8-x7m2w"],
        fix: { action: "fix-readiness-probe", problem: "path" },
      },
      "readiness",
    );
  });
  test("CreateContainerConfigError: a Secret that does not exist in namespace ml", () => {
    expectDiagnosis(
      INCIDENTS.configError,
      {
        pod: "forest-inference-6d5c8b9f7-kw4pz",
        namespace: "ml",
        failure: "CreateContainerConfigError",
        next: ["kubectl", "get", "secret", "forest-inference-secrets", "-n", "ml"],
        fix: { action: "create-missing-config", kind: "Secret", name: "forest-inference-secrets" },
      },
      "configError",
    );
  });
});

describe("held-out incidents", () => {
  test("ErrImagePull for a tag that does not exist (containerd's wording) -> fix the tag; no describe -> first unhealthy row", () => {
    const getPods = `NAME                        READY   STATUS         RESTARTS   AGE
api-7f9c6d5b8-hx2lq         1/1     Running        0          3d
api-5b7d9f6c4-q8wzr         0/1     ErrImagePull   0          20s`;
    const describe = `Name:             api-5b7d9f6c4-q8wzr
Namespace:        prod
Events:
  Type     Reason   Age   From     Message
  ----     ------   ----  ----     -------
  Warning  Failed   18s   kubelet  Failed to pull image "ghcr.io/acme/api:1.4.3": rpc error: code = NotFound desc = failed to pull and unpack image "ghcr.io/acme/api:1.4.3": failed to resolve reference "ghcr.io/acme/api:1.4.3": ghcr.io/acme/api:1.4.3: not found`;
    expectDiagnosis(
      { getPods, describe },
      {
        pod: "api-5b7d9f6c4-q8wzr",
        namespace: "prod",
        failure: "ImagePullBackOff",
        next: ["kubectl", "describe", "pod", "api-5b7d9f6c4-q8wzr", "-n", "prod"],
        fix: { action: "fix-image-tag", image: "ghcr.io/acme/api:1.4.3" },
      },
      "errImagePull",
    );
    const noDescribe = diagnose({ getPods });
    assert.equal(noDescribe.pod, "api-5b7d9f6c4-q8wzr", "without describe, the failing pod is the first unhealthy row");
    assert.equal(noDescribe.namespace, "default");
  });
  test("STATUS OOMKilled itself, and a 1Gi limit", () => {
    const getPods = `NAME                     READY   STATUS      RESTARTS     AGE
trainer-6c9d7f-bb2lk     0/1     OOMKilled   1 (5s ago)   40s`;
    const describe = `Name:             trainer-6c9d7f-bb2lk
Namespace:        default
Containers:
  trainer:
    State:          Terminated
      Reason:       OOMKilled
      Exit Code:    137
    Limits:
      memory:  1Gi
    Requests:
      memory:     512Mi`;
    expectDiagnosis(
      { getPods, describe },
      {
        pod: "trainer-6c9d7f-bb2lk",
        namespace: "default",
        failure: "OOMKilled",
        next: ["kubectl", "top", "pod", "trainer-6c9d7f-bb2lk", "--containers"],
        fix: { action: "raise-memory-limit", limit: "1Gi" },
      },
      "oomStatus",
    );
  });
  test("Pending on memory; CrashLoopBackOff from a Python traceback", () => {
    const pending = diagnose({
      getPods: "NAME        READY   STATUS    RESTARTS   AGE\nbig-0       0/1     Pending   0          1m",
      describe: `Name:             big-0
Namespace:        default
Events:
  Warning  FailedScheduling  1m  default-scheduler  0/1 nodes are available: 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`,
    });
    assert.deepEqual([pending.failure, pending.fix], ["Pending", { action: "lower-requests", resource: "memory" }]);
    const crash = diagnose({
      getPods:
        "NAME                READY   STATUS   RESTARTS     AGE\nworker-abc12        0/1     Error    2 (9s ago)   50s",
      logs: `Traceback (most recent call last):
  File "/app/serve.py", line 12, in <module>
    model = joblib.load(os.environ["MODEL_PATH"])
  File "<frozen os>", line 679, in __getitem__
KeyError: 'MODEL_PATH'`,
    });
    assert.equal(crash.failure, "CrashLoopBackOff", "STATUS Error is a crash too");
    assert.deepEqual(crash.fix, { action: "fix-crash", error: "KeyError: 'MODEL_PATH'" });
    const diff = commandDifferences(["kubectl", "logs", "worker-abc12", "--previous"], crash.next);
    assert.deepEqual(diff, [], `next: ${diff.join("; ")}`);
  });
  test("readiness: connection refused is the port, a timeout is the timeout", () => {
    const getPods = "NAME          READY   STATUS    RESTARTS   AGE\nweb-1         0/1     Running   0          2m";
    const base =
      "Name:             web-1\nNamespace:        default\nEvents:\n  Warning  Unhealthy  3s (x20 over 2m)  kubelet  ";
    const port = diagnose({
      getPods,
      describe: `${base}Readiness probe failed: Get "http://10.244.0.9:8081/ready": dial tcp 10.244.0.9:8081: connect: connection refused`,
    });
    assert.deepEqual(port.fix, { action: "fix-readiness-probe", problem: "port" });
    const slow = diagnose({
      getPods,
      describe: `${base}Readiness probe failed: Get "http://10.244.0.9:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    });
    assert.deepEqual(slow.fix, { action: "fix-readiness-probe", problem: "timeout" });
  });
  test("a key missing from an existing Secret, and a missing ConfigMap", () => {
    const getPods =
      "NAME        READY   STATUS                       RESTARTS   AGE\napi-x1      0/1     CreateContainerConfigError   0          1m";
    const key = diagnose({
      getPods,
      describe:
        "Name:             api-x1\nNamespace:        staging\nEvents:\n  Warning  Failed  5s (x8 over 1m)  kubelet  Error: couldn't find key API_KEY in Secret staging/api-secrets",
    });
    assert.deepEqual(key.fix, { action: "create-missing-config", kind: "Secret", name: "api-secrets", key: "API_KEY" });
    assert.deepEqual(commandDifferences(["kubectl", "get", "secret", "api-secrets", "-n", "staging"], key.next), []);
    const cm = diagnose({
      getPods,
      describe:
        'Name:             api-x1\nNamespace:        default\nEvents:\n  Warning  Failed  5s  kubelet  Error: configmap "api-config" not found',
    });
    assert.deepEqual(cm.fix, { action: "create-missing-config", kind: "ConfigMap", name: "api-config" });
    assert.deepEqual(
      commandDifferences(["kubectl", "get", "configmap", "api-config"], cm.next, { defaultNamespace: "default" }),
      [],
    );
  });
});

test("no pods, or only healthy ones, is an error that says so", () => {
  assert.throws(() => diagnose({ getPods: "No resources found in default namespace." }), /no pods/i);
  const healthy =
    "NAME     READY   STATUS      RESTARTS   AGE\napi-1    1/1     Running     0          1d\nmigrate  0/1     Completed   0          1d";
  assert.throws(() => diagnose({ getPods: healthy }), /no failing pod/i);
});
