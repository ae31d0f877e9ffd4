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
  libpq-dev postgresql
  pybind11-dev python3-dev python3-pandas python3-distributed
  chromium
  wordnet-base  # training only: WordNet glosses for the word clusters (scripts/cluster_text.py)
)
# Node.js builds the web page; a machine may already have it from elsewhere (with its own npm).
command -v node >/dev/null && command -v npm >/dev/null || PACKAGES+=(nodejs npm)

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

# The web page (web/): npm packages from the lock file, bundled into web/dist.
# Only when the lock file changed since the last install, or dist is missing.
cd "$(dirname "$0")/../web"
stamp=node_modules/.sitrep-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci in web/" >&2
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
  rm -rf dist
fi
if [ ! -f dist/index.html ] || [ -n "$(find src build.mjs -newer dist/index.html 2>/dev/null | head -1)" ]; then
  echo "setup: building web/dist" >&2
  npm run --silent build >/dev/null
fi
