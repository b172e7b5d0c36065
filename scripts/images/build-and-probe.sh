#!/usr/bin/env bash
# Builds an image from a Dockerfile for real (buildah bud, chroot isolation: no Docker engine needed), runs the
# image's own command in it (buildah run), and probes the running service over HTTP. Fails unless it answers 200.
# usage: scripts/images/build-and-probe.sh CONTEXT_DIR TAG PORT PATH [buildah run options: --env K=V, --volume H:C ...]
set -euo pipefail
context=$1 tag=$2 port=$3 path=$4
shift 4
SECONDS=0
echo "build $tag from $context/Dockerfile ..."
buildah bud --isolation chroot --format docker -q -t "$tag" "$context" >/dev/null
echo "built $tag in ${SECONDS}s"
cmd=$(buildah inspect --type image --format '{{.OCIv1.Config.Cmd}}' "$tag")
entry=$(buildah inspect --type image --format '{{.OCIv1.Config.Entrypoint}}' "$tag")
workdir=$(buildah inspect --type image --format '{{.OCIv1.Config.WorkingDir}}' "$tag")
user=$(buildah inspect --type image --format '{{.OCIv1.Config.User}}' "$tag")
echo "image: user=${user:-root} workdir=${workdir:-/} entrypoint=$entry cmd=$cmd"
ctr=$(buildah from "$tag")
log=$(mktemp)
# The image's own ENTRYPOINT + CMD, as Docker would run them (buildah run needs them spelled out; it keeps the
# image's USER and WORKDIR).
mapfile -t argv < <(buildah inspect --type image \
  --format '{{range .OCIv1.Config.Entrypoint}}{{println .}}{{end}}{{range .OCIv1.Config.Cmd}}{{println .}}{{end}}' "$tag")
[ "${#argv[@]}" -gt 0 ] || { echo "the image has no ENTRYPOINT or CMD"; exit 1; }
buildah run --isolation chroot "$@" "$ctr" -- "${argv[@]}" >"$log" 2>&1 &
runner=$!
cleanup() {
  kill "$runner" 2>/dev/null || true
  pkill -f "buildah run --isolation chroot.*$ctr" 2>/dev/null || true
  sleep 1
  buildah rm "$ctr" >/dev/null 2>&1 || true
  rm -f "$log"
}
trap cleanup EXIT
code=000
for _ in $(seq 1 30); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$path" || true)
  [ "$code" = 200 ] && break
  kill -0 "$runner" 2>/dev/null || break
  sleep 1
done
echo "GET http://127.0.0.1:$port$path -> HTTP $code"
echo "--- container output ---"
cat "$log"
[ "$code" = 200 ]
