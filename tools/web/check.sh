#!/usr/bin/env bash
# The browser build, tried in a real browser: headless Chromium driven by
# playwright-core (tools/web/browser-check/check.mjs says what it does).
# Builds dist/ first unless SKIP_BUILD=1. Screenshots go to
# tools/web/.cache/shots (or $SHOTS): look at them.
#
#   tools/web/check.sh
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
[ "${SKIP_BUILD:-0}" = 1 ] || "$here/build.sh"
npm ci --prefix "$here/browser-check" --no-audit --no-fund --silent

# A teacher's unit file to drop on the page, packed by the program itself
# (and its folder, examples/founding-of-the-un, to choose).
bin="${BIN:-$root/target/release/neutrality-reader}"
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" pack examples/founding-of-the-un "$work/founding-of-the-un.zip" >/dev/null

shots="${SHOTS:-$here/.cache/shots}"
mkdir -p "$shots"
wasm=dist/web/neutrality-reader_bg.wasm
echo "wasm: $(stat -c %s "$wasm") bytes, $(gzip -9 -c "$wasm" | wc -c) gzipped; single file: $(stat -c %s dist/neutrality-reader.html) bytes"
node "$here/browser-check/check.mjs" dist "$work/founding-of-the-un.zip" examples/founding-of-the-un "$shots"
echo "screenshots: $shots/web-*.png"
