#!/usr/bin/env bash
# `npm run images`: builds the week-2 containerization solution into a real image and proves it serves.
# The build context is what a learner's folder holds once solved: the given server and package files from
# exercises/week-02/containerize/ with the reference Dockerfile and .dockerignore from solutions/ laid over them.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/scripts/images
for tool in buildah debootstrap; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install buildah debootstrap (Debian/Ubuntu)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SECONDS=0
"$here/base-image.sh"
echo "base image ready after ${SECONDS}s"
mkdir -p "$work/context" "$work/models"
cp -a "$root/exercises/week-02/containerize/." "$work/context/"
rm -f "$work/context/"*.test.ts
cp -a "$root/solutions/week-02/containerize/." "$work/context/"
(cd "$root" && npx tsx scripts/images/demo-model.ts "$work/models/model.json")
chmod -R a+rX "$work"
# `docker run -v models:/models` is what the Dockerfile documents. With chroot isolation, buildah keeps the image's
# own (empty) VOLUME at /models over a bind mount there, so the model is mounted beside it and MODEL_PATH follows.
"$here/build-and-probe.sh" "$work/context" localhost/study/week02-inference:ci 8080 /healthz \
  --volume "$work/models:/mnt/models:ro" --env MODEL_PATH=/mnt/models/model.json
echo "week-2 image: built, run and probed in ${SECONDS}s"
