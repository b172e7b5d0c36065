// Six broken pods, as the cluster reports them: `kubectl get pods`, `kubectl describe pod` (trimmed to the parts
// that matter, with the Events at the bottom, where the answer usually is) and `kubectl logs`. They are the kind of
// output exercise k8s-troubleshooting reads, and what notebooks/week-08-docker-k8s-review.ipynb walks through.
// Given with the exercise; do not edit. The grader also uses incidents you have not seen.

export interface Incident {
  title: string;
  /** `kubectl get pods` in the pod's namespace. */
  getPods: string;
  /** `kubectl describe pod <pod>`. */
  describe?: string;
  /** `kubectl logs <pod>` (with --previous when the container restarted). */
  logs?: string;
}

export const INCIDENTS: Record<string, Incident> = {
  imagePull: {
    title: "a new release never starts on minikube",
    getPods: `NAME                               READY   STATUS             RESTARTS   AGE
forest-inference-6b8f9c7d5-2xkqp   0/1     ImagePullBackOff   0          3m12s
forest-inference-7c9d8b6f5d-4xk2p  1/1     Running            0          2d`,
    describe: `Name:             forest-inference-6b8f9c7d5-2xkqp
Namespace:        default
Node:             minikube/192.168.49.2
Status:           Pending
Containers:
  server:
    Image:          study/forest-inference:0.2.0
    State:          Waiting
      Reason:       ImagePullBackOff
    Ready:          False
Events:
  Type     Reason     Age                  From               Message
  ----     ------     ----                 ----               -------
  Normal   Scheduled  3m12s                default-scheduler  Successfully assigned default/forest-inference-6b8f9c7d5-2xkqp to minikube
  Normal   Pulling    95s (x4 over 3m11s)  kubelet            Pulling image "study/forest-inference:0.2.0"
  Warning  Failed     94s (x4 over 3m10s)  kubelet            Failed to pull image "study/forest-inference:0.2.0": Error response from daemon: pull access denied for study/forest-inference, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
  Warning  Failed     94s (x4 over 3m10s)  kubelet            Error: ErrImagePull
  Normal   BackOff    70s (x6 over 3m9s)   kubelet            Back-off pulling image "study/forest-inference:0.2.0"
  Warning  Failed     70s (x6 over 3m9s)   kubelet            Error: ImagePullBackOff`,
  },
  crashLoop: {
    title: "the container exits seconds after it starts",
    getPods: `NAME                                READY   STATUS             RESTARTS      AGE
forest-inference-7c9d8b6f5d-9tq4z   0/1     CrashLoopBackOff   5 (32s ago)   4m`,
    describe: `Name:             forest-inference-7c9d8b6f5d-9tq4z
Namespace:        default
Containers:
  server:
    Image:          study/forest-inference:0.1.0
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
    Ready:          False
    Restart Count:  5
Events:
  Type     Reason   Age                From     Message
  ----     ------   ----               ----     -------
  Normal   Pulled   2m (x5 over 4m)    kubelet  Container image "study/forest-inference:0.1.0" already present on machine
  Warning  BackOff  32s (x17 over 4m)  kubelet  Back-off restarting failed container server in pod forest-inference-7c9d8b6f5d-9tq4z_default(3f1c2a9e-7d41-4b8e-9a55-0c6a1f2b3d4e)`,
    logs: `{"level":"info","time":"2025-06-02T09:14:03.112Z","msg":"loading model","path":"/models/model.json"}
node:internal/fs/promises:639
  return new FileHandle(await binding.openFileHandle(path, flags, mode, kUsePromises));
                                      ^

Error: ENOENT: no such file or directory, open '/models/model.json'
    at async open (node:internal/fs/promises:639:25)
    at async Object.readFile (node:internal/fs/promises:1242:14)
    at async loadModel (file:///app/server.mjs:41:18) {
  errno: -2,
  code: 'ENOENT',
  syscall: 'open',
  path: '/models/model.json'
}

Node.js v20.18.0`,
  },
  oomKilled: {
    title: "restarts under load, and the logs just stop",
    getPods: `NAME                                READY   STATUS             RESTARTS      AGE
forest-inference-5f7b9d6c4-lm2vx    0/1     CrashLoopBackOff   3 (12s ago)   6m
forest-inference-5f7b9d6c4-qp8rt    1/1     Running            0             6m`,
    describe: `Name:             forest-inference-5f7b9d6c4-lm2vx
Namespace:        ml
Containers:
  server:
    Image:          study/forest-inference:0.1.0
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Mon, 02 Jun 2025 09:20:41 +0000
      Finished:     Mon, 02 Jun 2025 09:21:13 +0000
    Ready:          False
    Restart Count:  3
    Limits:
      cpu:     500m
      memory:  256Mi
    Requests:
      cpu:        100m
      memory:     128Mi
Events:
  Type     Reason   Age                From     Message
  ----     ------   ----               ----     -------
  Warning  BackOff  12s (x9 over 5m)   kubelet  Back-off restarting failed container server in pod forest-inference-5f7b9d6c4-lm2vx_ml(9b1e4c2d-5a6f-4e3b-8c7d-1a2b3c4d5e6f)`,
    logs: `{"level":"info","time":"2025-06-02T09:20:42.004Z","msg":"model loaded","trees":500}
{"level":"info","time":"2025-06-02T09:21:05.871Z","msg":"POST /predict 200","rows":20000,"latencyMs":812}`,
  },
  pending: {
    title: "scaled to 3 replicas, one never gets a node",
    getPods: `NAME                                READY   STATUS    RESTARTS   AGE
forest-inference-7c9d8b6f5d-4xk2p   1/1     Running   0          1h
forest-inference-7c9d8b6f5d-8hj3n   1/1     Running   0          1h
forest-inference-7c9d8b6f5d-zz91c   0/1     Pending   0          7m`,
    describe: `Name:             forest-inference-7c9d8b6f5d-zz91c
Namespace:        default
Node:             <none>
Status:           Pending
Containers:
  server:
    Image:      study/forest-inference:0.1.0
    Requests:
      cpu:        750m
      memory:     512Mi
Conditions:
  Type           Status
  PodScheduled   False
Events:
  Type     Reason            Age                  From               Message
  ----     ------            ----                 ----               -------
  Warning  FailedScheduling  2m4s (x3 over 7m)    default-scheduler  0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`,
  },
  readiness: {
    title: "Running, but the Service has no endpoints",
    getPods: `NAME                                READY   STATUS    RESTARTS   AGE
forest-inference-84d6b7f9c8-x7m2w   0/1     Running   0          9m`,
    describe: `Name:             forest-inference-84d6b7f9c8-x7m2w
Namespace:        default
Containers:
  server:
    Image:          study/forest-inference:0.1.0
    Port:           8080/TCP
    State:          Running
    Ready:          False
    Liveness:       http-get http://:http/healthz delay=10s timeout=1s period=10s #success=1 #failure=3
    Readiness:      http-get http://:http/ready delay=0s timeout=1s period=5s #success=1 #failure=3
Conditions:
  Type              Status
  Ready             False
  ContainersReady   False
Events:
  Type     Reason     Age                   From     Message
  ----     ------     ----                  ----     -------
  Warning  Unhealthy  4s (x108 over 9m)     kubelet  Readiness probe failed: HTTP probe failed with statuscode: 404`,
    logs: `{"level":"info","time":"2025-06-02T10:02:11.540Z","msg":"listening","port":8080}
{"level":"warn","time":"2025-06-02T10:02:16.551Z","msg":"GET /ready 404","latencyMs":0.4}`,
  },
  configError: {
    title: "the pod never gets past creating its container",
    getPods: `NAME                                READY   STATUS                       RESTARTS   AGE
forest-inference-6d5c8b9f7-kw4pz    0/1     CreateContainerConfigError   0          2m`,
    describe: `Name:             forest-inference-6d5c8b9f7-kw4pz
Namespace:        ml
Containers:
  server:
    Image:          study/forest-inference:0.1.0
    State:          Waiting
      Reason:       CreateContainerConfigError
    Environment Variables from:
      forest-inference-config  ConfigMap  Optional: false
    Environment:
      API_KEY:  <set to the key 'API_KEY' in secret 'forest-inference-secrets'>  Optional: false
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  2m                 default-scheduler  Successfully assigned ml/forest-inference-6d5c8b9f7-kw4pz to minikube
  Normal   Pulled     12s (x11 over 2m)  kubelet            Container image "study/forest-inference:0.1.0" already present on machine
  Warning  Failed     12s (x11 over 2m)  kubelet            Error: secret "forest-inference-secrets" not found`,
  },
};
