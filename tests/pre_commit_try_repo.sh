#!/usr/bin/env bash
# Runs the pre-commit hooks of this repository the way a project would
# adopt them (`pre-commit try-repo`), with the aligncheck just built on PATH:
# the write-ups of examples/ pass, a broken expectation fails the commit.
# Usage: pre_commit_try_repo.sh SOURCE_DIR BUILD_DIR. Exit 77: skipped.
set -euo pipefail
src="$1"
build="$2"
if ! git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
  echo "not a git checkout: skipped"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PATH="$build:$PATH" PRE_COMMIT_HOME="$work/cache"
export GIT_AUTHOR_NAME=aligncheck GIT_AUTHOR_EMAIL=ci@aligncheck.invalid
export GIT_COMMITTER_NAME=aligncheck GIT_COMMITTER_EMAIL=ci@aligncheck.invalid
project="$work/project"
mkdir -p "$project"
cp "$src"/examples/writeup.md "$src"/examples/writeup.tex \
  "$src"/examples/novels.align "$project"/
cd "$project"
git init -q .
git add -A
git commit -qm "write-ups"

try() {  # HOOK EXPECTED_EXIT EXPECTED_WORD
  set +e
  out="$(pre-commit try-repo "$src" "$1" --all-files 2>&1)"
  code=$?
  set -e
  if [ "$code" != "$2" ] || ! grep -q "$3" <<<"$out"; then
    echo "$1: expected exit $2 and '$3', got exit $code:"
    echo "$out"
    exit 1
  fi
  echo "$1: exit $code, $3"
}

try aligncheck-gate-system 0 Passed
try aligncheck-check-system 0 Passed
# A claim that no longer meets its expectation must stop the commit.
sed -i 's/expect fails/expect holds/' writeup.md
try aligncheck-gate-system 1 Failed
