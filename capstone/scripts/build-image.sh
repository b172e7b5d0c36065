#!/usr/bin/env bash
# `npm run capstone:image`: builds the capstone API's image for real and proves it serves the trained model.
#   1. the base image of capstone/Dockerfile's FROM, if missing: pulled (BASE_IMAGE=pull, where a registry can be
#      reached, as on GitHub's runners) or made locally by scripts/images/base-image.sh (the default: this workspace's
#      CI cannot reach a registry, so it debootstraps Debian and adds this machine's Node, under the official tag);
#   2. the model: capstone/model/model.json, trained first if missing (npm run capstone:train), or, with
#      `--from exercises`, trained from YOUR week-2 exercises (npm run capstone:train -- --from exercises, which stops
#      while one of them is unsolved); its source (learner or reference) is printed and probed;
#   3. buildah bud --isolation chroot (no Docker engine), context = the repository root;
#   4. the image's own command, run with buildah run (its USER, WORKDIR, ENV and CMD), on a free loopback port;
#   5. capstone/scripts/image-probe.ts against it: probes, /model's checksum, and every row of the dataset predicted
#      exactly as the local RandomForest predicts it;
#   6. SIGTERM to the server: it must drain and exit 0 by itself (exec-form CMD, graceful shutdown);
#   7. the build time and the image size.
# Needs root (buildah with chroot isolation), buildah, curl, node; debootstrap only to make the base image.
# Settings: IMAGE_TAG (default dev; the image is localhost/ml-capstone-api:$IMAGE_TAG), BASE_IMAGE=pull|local.
#   npm run capstone:image                        # the model already in capstone/model/ (the reference one if missing)
#   npm run capstone:image -- --from exercises    # retrain it from your exercises first, then build and probe
set -euo pipefail
model_from=""
case "${1:-}" in
  "") ;;
  --from) model_from=${2:-} ;;
  --from=*) model_from=${1#--from=} ;;
  *) echo "usage: build-image.sh [--from exercises|reference]" >&2; exit 2 ;;
esac
case "$model_from" in
  "" | exercises | reference) ;;
  *) echo "--from must be exercises or reference, got '$model_from'" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dockerfile=capstone/Dockerfile
image=localhost/ml-capstone-api:${IMAGE_TAG:-dev}
# The FROM of the Dockerfile, spelled the way buildah stores it (docker.io/library/...).
from=$(awk 'toupper($1) == "FROM" { print $2; exit }' "$dockerfile")
case $from in
  */*/*) base=$from ;;
  */*) base=docker.io/$from ;;
  *) base=docker.io/library/$from ;;
esac
for tool in buildah curl node; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian/Ubuntu: apt-get install buildah curl)" >&2; exit 1; }
done
[[ $(id -u) -eq 0 ]] || { echo "buildah with chroot isolation needs root: sudo env \"PATH=\$PATH\" npm run capstone:image" >&2; exit 1; }
total=$SECONDS
stamp() { echo "[capstone:image $((SECONDS - total))s] $*"; }

stamp "1/6 base image $base"
if buildah inspect --type image "$base" >/dev/null 2>&1; then
  echo "  present"
elif [[ ${BASE_IMAGE:-local} == pull ]]; then
  buildah pull -q "$base" >/dev/null
  echo "  pulled"
else
  bash scripts/images/base-image.sh "$base"
fi

stamp "2/6 model"
if [[ -n $model_from ]]; then
  npm run --silent capstone:train -- --from "$model_from" --out capstone/model/model.json
elif [[ -f capstone/model/model.json ]]; then
  echo "  capstone/model/model.json present"
else
  npm run --silent capstone:train
fi
# Whose code made the model the image will serve: the artifact's kind says it (capstone/src/model.ts).
model_source=$(node -e 'const k = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).kind; console.log(k === "week2-forest" ? "learner" : "reference")' capstone/model/model.json)
echo "  source: $model_source ($( [[ $model_source == learner ]] && echo "your week-2 forest and serializer" || echo "the workspace's src/ml; --from exercises serves yours"))"

stamp "3/6 buildah bud -f $dockerfile -t $image (context: the repository root, filtered by .dockerignore)"
log=$(mktemp)
ctr=""
runner=""
cleanup() {
  if [[ -n $runner ]] && kill -0 "$runner" 2>/dev/null; then
    kill "$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
  fi
  [[ -n $ctr ]] && buildah rm "$ctr" >/dev/null 2>&1
  rm -f "$log"
}
trap cleanup EXIT
build_started=$SECONDS
# --layers caches each step: a code change rebuilds from `COPY src` on, not from npm ci.
if ! buildah bud --isolation chroot --layers --format docker -f "$dockerfile" -t "$image" . >"$log" 2>&1; then
  tail -40 "$log"
  echo "buildah bud failed" >&2
  exit 1
fi
build_seconds=$((SECONDS - build_started))
grep -E '^bundle:' "$log" | sed 's/^/  /' || true
echo "  built in ${build_seconds}s"
size=$(buildah images --noheading --format '{{.Size}}' "$image" | head -1)
base_size=$(buildah images --noheading --format '{{.Size}}' "$base" | head -1)
user=$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$image")
echo "  size $size (uncompressed; the base image is $base_size), user ${user:-root}"
[[ -n $user && $user != root && $user != 0 ]] || { echo "the image runs as root" >&2; exit 1; }

stamp "4/6 run the image's own command"
port=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
mapfile -t argv < <(buildah inspect --type image \
  --format '{{range .OCIv1.Config.Entrypoint}}{{println .}}{{end}}{{range .OCIv1.Config.Cmd}}{{println .}}{{end}}' "$image")
echo "  ${argv[*]}  (PORT=$port, HOST=127.0.0.1: chroot isolation shares this machine's network)"
ctr=$(buildah from "$image")
: >"$log"
buildah run --isolation chroot --env "PORT=$port" --env HOST=127.0.0.1 "$ctr" -- "${argv[@]}" >"$log" 2>&1 &
runner=$!
code=000
for _ in $(seq 1 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)
  [[ $code == 200 ]] && break
  kill -0 "$runner" 2>/dev/null || break
  sleep 1
done
if [[ $code != 200 ]]; then
  echo "  GET /readyz -> HTTP $code; the container's output:"
  cat "$log"
  exit 1
fi
echo "  GET /readyz -> 200 after $((SECONDS - build_started - build_seconds))s"

stamp "5/6 probe: predictions over HTTP against the local model"
if ! npx --no-install tsx capstone/scripts/image-probe.ts "http://127.0.0.1:$port"; then
  echo "--- container output ---"
  cat "$log"
  exit 1
fi

stamp "6/6 SIGTERM: the server drains and exits 0 by itself"
# The node process of the container is the one listening on the port (buildah run is its parent, not itself).
pid=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n $pid ]] || { echo "no process listens on $port" >&2; exit 1; }
stop_started=$SECONDS
kill -TERM "$pid"
status=0
wait "$runner" || status=$?
runner=""
echo "  exited with status $status after $((SECONDS - stop_started))s; its last log lines:"
tail -3 "$log" | cut -c1-220 | sed 's/^/    /'
[[ $status -eq 0 ]] || { echo "the server did not exit cleanly on SIGTERM" >&2; exit 1; }

echo
echo "capstone image $image: built in ${build_seconds}s, $size; served the $model_source model and shut down cleanly" \
  "(total $((SECONDS - total))s)"
