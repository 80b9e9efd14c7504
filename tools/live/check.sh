#!/usr/bin/env bash
# The live class's students' page, tried in a real browser: headless
# Chromium driven by playwright-core (tools/live/check.mjs says what it
# does) against examples/live_demo, a class on 127.0.0.1 from the bundled
# quiz. Runs in English and Russian (LANGS="en ru tk" for more).
# Screenshots go to tools/live/.cache/shots (or $SHOTS): look at them.
#
#   tools/live/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
npm ci --prefix "$here" --no-audit --no-fund --silent

cargo build --example live_demo --quiet
demo="${CARGO_TARGET_DIR:-$root/target}/debug/examples/live_demo"
shots="${SHOTS:-$here/.cache/shots}"
mkdir -p "$shots"
for lang in ${LANGS:-en ru}; do
  node "$here/check.mjs" "$demo" "$lang" "$shots"
done
