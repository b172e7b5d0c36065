#!/usr/bin/env bash
# npm run capstone:walkthrough: the capstone from the command line, one step at a time. Every command is printed
# (after "$") before it runs, with a line on what to look for. Nothing here is special: you can type each command
# yourself in two terminals (one for the server, one for curl).
#
#   train a model -> start the API -> liveness and readiness -> the model card -> one prediction -> a batch
#   -> a bad request and its error envelope -> the request in the server's log -> the metrics -> SIGTERM
#
# It trains into a scratch folder (it never replaces capstone/model/model.json) and serves that file through
# MODEL_PATH, on a free loopback port. Exit 1 if any step does not answer as described.
#
#   npm run capstone:walkthrough                       # the reference model (src/ml)
#   npm run capstone:walkthrough -- --from exercises   # YOUR model: your week-2 forest and serializer
set -euo pipefail
cd "$(dirname "$0")/../.."

FROM=reference
while [ $# -gt 0 ]; do
  case "$1" in
    --from) FROM=${2:-}; shift 2 ;;
    --from=*) FROM=${1#--from=}; shift ;;
    *) echo "usage: walkthrough.sh [--from reference|exercises]" >&2; exit 2 ;;
  esac
done
case "$FROM" in reference | exercises) ;; *) echo "--from must be reference or exercises, got '$FROM'" >&2; exit 2 ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/capstone-walkthrough-XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Step titles in bold on a terminal, plain in CI logs.
if [ -t 1 ]; then BOLD=$'\033[1m' PLAIN=$'\033[0m'; else BOLD="" PLAIN=""; fi
step() { printf '\n%s== %s%s\n' "$BOLD" "$*" "$PLAIN"; }
say() { printf '   %s\n' "$*"; }
# Prints the command, then runs it.
run() {
  printf '$ %s\n' "$*"
  eval "$@"
}
fail() {
  printf '\nwalkthrough: FAILED: %s\n' "$*" >&2
  exit 1
}

step "1. Train the model"
if [ "$FROM" = exercises ]; then
  say "YOUR forest (exercises/week-02/random-forest.ts) on the breast-cancer dataset: 100 trees, maxDepth 10, seed 42,"
  say "saved by YOUR saveForest (save-forest.ts) inside the artifact envelope (version, metrics, sha256 checksum)."
  say "It grades the four week-2 exercises it needs first, and stops here if one is not solved."
  run npm run --silent capstone:train -- --from exercises --out "$WORK/model.json" --version walkthrough-1 ||
    fail "your model could not be trained (see above); the reference walkthrough is: npm run capstone:walkthrough"
else
  say "The workspace's own RandomForest (src/ml) on the breast-cancer dataset: 100 trees, maxDepth 10, seed 42,"
  say "saved in the ONE artifact format (src/ml/artifact.ts) with a version and a sha256 checksum."
  say "(npm run capstone:walkthrough -- --from exercises does the same with YOUR week-2 forest and serializer.)"
  run npm run --silent capstone:train -- --out "$WORK/model.json" --version walkthrough-1
fi

step "2. Start the API"
say "capstone/src/server.ts is what \`npm run capstone:serve\` and the container run. All configuration comes from"
say "the environment (PORT, HOST, MODEL_PATH, MAX_BATCH, LOG_LEVEL, ...), checked before anything starts."
PORT=$(node --import tsx --input-type=module -e 'import { freePort } from "./src/workspace/local-service.ts"; console.log(await freePort());')
URL="http://127.0.0.1:$PORT"
printf '$ PORT=%s HOST=127.0.0.1 MODEL_PATH=%s node --import tsx capstone/src/server.ts > server.log &\n' "$PORT" "$WORK/model.json"
PORT=$PORT HOST=127.0.0.1 MODEL_PATH="$WORK/model.json" SHUTDOWN_DELAY_MS=0 \
  node --import tsx capstone/src/server.ts >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
say "(server pid $SERVER_PID, its JSON log lines go to server.log)"

step "3. Liveness and readiness"
say "/healthz answers as soon as the process listens; /readyz only once the model is loaded AND a warm-up"
say "prediction succeeded (503 NOT_READY before that). Kubernetes routes traffic on /readyz, restarts on /healthz."
for _ in $(seq 1 600); do
  curl -s -o /dev/null "$URL/healthz" && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited: $(tail -5 "$WORK/server.log")"
  sleep 0.1
done
run "curl -s -w ' -> %{http_code}\n' $URL/healthz"
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/readyz")" = "200" ] && break
  sleep 0.1
done
run "curl -s -w ' -> %{http_code}\n' $URL/readyz"

step "4. The model card"
say "Version, checksum, where the model came from (\"source\": learner = your week-2 code, reference = src/ml),"
say "the features a request must send (in this order for CSV), the classes, test metrics."
say "(python3 -m json.tool only pretty-prints; jq . does the same.)"
run "curl -s $URL/model | python3 -m json.tool"
want_source=reference
[ "$FROM" = exercises ] && want_source=learner
case "$(curl -s "$URL/model")" in *"\"source\":\"$want_source\""*) ;; *) fail "GET /model does not say source $want_source" ;; esac

step "5. One prediction"
say "One row of the dataset (the first patient: a malignant tumour) as { \"instance\": { feature: value, ... } }."
node -e '
  const fs = require("fs");
  const [header, first, second, third] = fs.readFileSync("datasets/breast-cancer.csv", "utf8").trim().split("\n");
  const names = header.split(",").slice(0, -1);
  const row = (line) => Object.fromEntries(line.split(",").slice(0, -1).map((v, j) => [names[j], Number(v)]));
  fs.writeFileSync(process.argv[1] + "/one.json", JSON.stringify({ instance: row(first) }));
  fs.writeFileSync(process.argv[1] + "/batch.json", JSON.stringify({ instances: [first, second, third].map(row) }));
  const bad = row(first);
  delete bad.mean_radius;
  delete bad.mean_texture;
  bad.mean_area = "NaN";
  bad.colour = "red";
  fs.writeFileSync(process.argv[1] + "/bad.json", JSON.stringify({ instance: bad }));
' "$WORK"
run "head -c 120 $WORK/one.json; echo ' ...'"
run "curl -s -X POST $URL/predict -H 'content-type: application/json' -H 'x-request-id: walkthrough-1' -d @$WORK/one.json | python3 -m json.tool"
answer=$(curl -s -X POST "$URL/predict" -H 'content-type: application/json' -d @"$WORK/one.json")
case "$answer" in *'"class":"malignant"'*) ;; *) fail "expected a malignant prediction, got $answer" ;; esac

step "6. A batch"
say "Up to MAX_BATCH rows as { \"instances\": [ ... ] }: validated, packed, and predicted in ONE call to the flat"
say "predictor; the answers come back in the same order."
run "curl -s -X POST $URL/predict -H 'content-type: application/json' -d @$WORK/batch.json | node -e 'let s=\"\";process.stdin.on(\"data\",d=>s+=d).on(\"end\",()=>{const r=JSON.parse(s);console.log(r.modelVersion);for(const p of r.predictions)console.log(\"  \"+p.class, JSON.stringify(p.probabilities))})'"

step "7. A bad request"
say "Two features missing, a string where a number belongs, and a field the model does not know: ONE 400 answer"
say "that lists every problem with its JSON Pointer path, in the one error envelope (capstone/docs/errors.md)."
run "curl -s -X POST $URL/predict -H 'content-type: application/json' -d @$WORK/bad.json | python3 -m json.tool"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/predict" -H 'content-type: application/json' -d @"$WORK/bad.json")
[ "$code" = "400" ] || fail "expected 400 for the bad request, got $code"
say "(that answer's status: HTTP $code)"
say "A body that is not JSON is refused before any parsing: 415, same envelope."
run "curl -s -w ' -> HTTP %{http_code}\n' -X POST $URL/predict -H 'content-type: text/plain' -d 'mean_radius=17.99'"

step "8. The request in the server's log"
say "One JSON line per request, with the id the client sent in x-request-id (or a fresh UUID): grep for it."
run "grep '\"requestId\":\"walkthrough-1\"' $WORK/server.log | python3 -m json.tool --json-lines"

step "9. The metrics Prometheus scrapes"
say "Request durations by route and status (a histogram: rates and percentiles), predictions by class, errors"
say "by code, batch sizes, and which model this replica serves (model_info, with its source label)."
run "curl -s $URL/metrics | grep -E '^(http_request_duration_seconds_count|predictions_total|api_errors_total|model_info|model_ready|prediction_batch_size_count)'"

step "10. Stop: SIGTERM"
say "What Kubernetes sends: readiness fails at once, requests in flight finish, then the process exits 0."
run "kill -TERM $SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=""
run "tail -n 3 $WORK/server.log | python3 -m json.tool --json-lines --compact"
[ "$status" = "0" ] || fail "the server exited with $status after SIGTERM"
printf '\nwalkthrough: done (the server exited %s).\n' "$status"
