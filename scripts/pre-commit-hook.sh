#!/usr/bin/env bash
# The pre-commit entry point (.pre-commit-hooks.yaml): builds aligncheck once
# inside pre-commit's checkout of this repository, then runs it with the
# arguments pre-commit gives (the subcommand, then the staged files).
# Building needs the Debian packages that scripts/build.sh lists; this script
# never installs anything itself.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-pre-commit"
if [ ! -x "$build/aligncheck" ]; then
  echo "aligncheck: first run, building in $build" >&2
  if ! cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
       -DALIGNCHECK_TESTS=OFF >"$build.log" 2>&1 ||
     ! cmake --build "$build" -j"$(nproc)" --target aligncheck \
       >>"$build.log" 2>&1; then
    echo "aligncheck: the build failed; see $build.log" >&2
    echo "aligncheck: it needs cmake, g++ and the libraries scripts/build.sh installs" >&2
    exit 2
  fi
fi
# ALIGNCHECK_STRICT=1 (or true) adds --strict after the subcommand: UNKNOWN
# and vacuous verdicts then fail the hook too.
case "${ALIGNCHECK_STRICT:-}" in
  1 | true) [ $# -ge 1 ] && set -- "$1" --strict "${@:2}" ;;
esac
exec "$build/aligncheck" "$@"
