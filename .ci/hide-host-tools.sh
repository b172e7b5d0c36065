#!/usr/bin/env bash
# Runs one command as on a learner's machine that has only Node and Python: the host tools CI installed (Chromium,
# Go, buildah, kubectl, Prometheus ...) are hidden from that command and its children, nothing else is changed.
#   usage: bash .ci/hide-host-tools.sh COMMAND [ARGS...]
# How: a private mount namespace (unshare -m, needs root) in which an overlay on /usr/bin carries whiteouts for the
# tools, and empty tmpfs folders cover their install trees. It prints what it hid, then proves each is unreachable.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: hide-host-tools.sh COMMAND [ARGS...]" >&2; exit 2; }
if [ "${HIDE_HOST_TOOLS_INSIDE:-}" != 1 ]; then
  exec unshare -m env HIDE_HOST_TOOLS_INSIDE=1 bash "$0" "$@"
fi
tools="chromium chromium-browser google-chrome google-chrome-stable go gofmt buildah podman docker dockerd kubectl
  kustomize minikube kind debootstrap prometheus promtool"
trees="/usr/lib/chromium /usr/local/go /root/go/bin /root/.cache/ms-playwright"
mount --make-rprivate /
work=$(mktemp -d /tmp/hide-host-tools.XXXXXX)
mkdir -p "$work/upper" "$work/work"
hidden=()
for t in $tools; do
  if [ -e "/usr/bin/$t" ] || [ -L "/usr/bin/$t" ]; then mknod "$work/upper/$t" c 0 0; hidden+=("/usr/bin/$t"); fi
done
mount -t overlay overlay -o "lowerdir=/usr/bin,upperdir=$work/upper,workdir=$work/work" /usr/bin
for t in $tools; do
  for d in /usr/local/bin /bin /usr/sbin /snap/bin; do
    if [ -e "$d/$t" ] && [ "$(readlink -f "$d")" != /usr/bin ]; then mount --bind /dev/null "$d/$t"; hidden+=("$d/$t"); fi
  done
done
for d in $trees; do
  if [ -d "$d" ]; then mount -t tmpfs none "$d"; hidden+=("$d/"); fi
done
unset CHROMIUM_PATH PLAYWRIGHT_BROWSERS_PATH GOROOT GOPATH
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/go/bin' -e '^/usr/local/go' | paste -sd: -)
export PATH
echo "hidden from this command: ${hidden[*]:-nothing (none of the tools was installed)}"
for t in chromium go buildah kubectl promtool; do
  if command -v "$t" >/dev/null 2>&1; then echo "ERROR: $t is still reachable at $(command -v "$t")" >&2; exit 3; fi
done
echo "check: chromium, go, buildah, kubectl and promtool are not reachable"
exec "$@"
