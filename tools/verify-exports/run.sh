#!/usr/bin/env bash
# Every export read back by the real program that imports it (issue 18): each
# check-*.sh beside this file makes its files with the real command line and
# hands them to that program (Anki's own Python library, gift-pegjs, lxml,
# openpyxl, pdftotext, TimelineJS in headless Chromium). The programs are
# installed from the package registries into tools/verify-exports/.cache
# (Python: a venv; npm: each check's own folder) and Debian's packages with
# apt-get when missing. Run from anywhere:
#
#   tools/verify-exports/run.sh            # builds the release binary
#   BIN=target/debug/neutrality-reader tools/verify-exports/run.sh
#
# Exit code 0 when every check passed; the summary is the last lines.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN="$root/target/release/neutrality-reader"
fi
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
export BIN ROOT="$root" CACHE="$here/.cache"
mkdir -p "$CACHE"

# One Python environment for the checks that need Python packages; each
# check installs what it needs into it from its requirements-*.txt.
if [ ! -x "$CACHE/venv/bin/python" ]; then
  python3 -m venv "$CACHE/venv"
fi
export PY="$CACHE/venv/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1

# apt-get install the Debian packages named, when any is missing.
need_debs() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
export -f need_debs

shopt -s nullglob
passed=()
failed=()
for check in "$here"/check-*.sh; do
  name="$(basename "$check" .sh)"
  OUT="$(mktemp -d)"
  export OUT
  echo "== $name"
  if bash "$check"; then passed+=("$name"); else failed+=("$name"); fi
  rm -rf "$OUT"
done
echo "== verify-exports: ${#passed[@]} passed${passed:+: ${passed[*]}}; ${#failed[@]} failed${failed:+: ${failed[*]}}"
[ ${#failed[@]} -eq 0 ]
