#!/usr/bin/env bash
# Installs aligncheck's build dependencies (Debian packages) when missing,
# then configures and builds into build/ (or $ALIGNCHECK_BUILD_DIR). Extra
# CMake arguments may be given in ALIGNCHECK_CMAKE_ARGS, extra Debian
# packages in ALIGNCHECK_EXTRA_PACKAGES.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config libz3-dev z3 libboost-dev libfmt-dev
          doctest-dev libcli11-dev nlohmann-json3-dev libgmp-dev ccache
          libtomlplusplus-dev liblink-grammar-dev link-grammar-dictionaries-en
          ${ALIGNCHECK_EXTRA_PACKAGES:-})
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# shellcheck disable=SC2086
dir=${ALIGNCHECK_BUILD_DIR:-build}
# shellcheck disable=SC2086
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${ALIGNCHECK_CMAKE_ARGS:-} >/dev/null
cmake --build "$dir" -j"$(nproc)"
