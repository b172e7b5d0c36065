#!/usr/bin/env bash
# Makes the base image that the course's Dockerfiles start FROM, locally, because no registry can be reached here:
# a minimal Debian bookworm root filesystem (debootstrap, from Debian's package mirror) plus this machine's Node.js
# and npm, with the `node` user (uid 1000) that the official image has, committed under the official tag.
# Idempotent: does nothing when the tag already exists. Needs root, buildah and debootstrap.
# usage: scripts/images/base-image.sh [tag]   (default docker.io/library/node:20-bookworm-slim)
set -euo pipefail
tag=${1:-docker.io/library/node:20-bookworm-slim}
if buildah inspect --type image "$tag" >/dev/null 2>&1; then
  echo "base image $tag: already present"
  exit 0
fi
node_bin=$(readlink -f "$(command -v node)")
npm_dir=$(dirname "$(readlink -f "$(command -v npm)")")/..
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] || echo "warning: this machine's Node is not 20; the tag will lie"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
echo "base image $tag: debootstrap bookworm (minbase) ..."
debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
  { tail -20 "$work/debootstrap.log"; exit 1; }
install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules"
cp -a "$(readlink -f "$npm_dir")" "$rootfs/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
chroot "$rootfs" /bin/sh -c "groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node"
# Trust the certificate authorities this machine trusts (a TLS-inspecting proxy's, for one), or npm ci inside the
# build fails with SELF_SIGNED_CERT_IN_CHAIN. Node reads them through NODE_EXTRA_CA_CERTS, set below.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
  chroot "$rootfs" update-ca-certificates >/dev/null 2>&1
fi
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
ctr=$(buildah from scratch)
mnt=$(buildah mount "$ctr")
cp -a "$rootfs/." "$mnt/"
buildah umount "$ctr" >/dev/null
buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$(node -p process.versions.node)" \
  --env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt --cmd '["node"]' "$ctr"
buildah commit -q "$ctr" "$tag" >/dev/null
buildah rm "$ctr" >/dev/null
echo "base image $tag: made ($(chroot "$rootfs" /usr/local/bin/node --version), npm $(chroot "$rootfs" /usr/local/bin/npm --version 2>/dev/null))"
