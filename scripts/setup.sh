#!/usr/bin/env bash
# Installs everything sitrep needs to build and test, from Debian's packages by name.
# Idempotent and non-interactive: a second run installs nothing new.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libcli11-dev nlohmann-json3-dev libgumbo-dev libutf8proc-dev
  libxxhash-dev libzstd-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  libsqlite3-dev libcpp-httplib-dev iso-codes
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present" >&2
fi
