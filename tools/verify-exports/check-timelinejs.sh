#!/usr/bin/env bash
# `export --format timelinejs`, rendered by TimelineJS 3 itself (the npm
# package @knight-lab/timelinejs, pinned in timelinejs/package-lock.json) in
# Debian's headless Chromium driven by playwright-core: the bundled unit, the
# example unit and a unit imported from TimelineJS's own example timeline;
# each with no console error, no network request and a slide per event.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
need_debs chromium
npm ci --prefix "$here/timelinejs" --no-audit --no-fund --silent
"$BIN" export --format timelinejs -o "$OUT/bundled.json"
"$BIN" export --data "$ROOT/examples/founding-of-the-un" --format timelinejs -o "$OUT/example.json"
"$BIN" import "$ROOT/tests/fixtures/timelinejs/women_in_computing.json" "$OUT/imported" >/dev/null
"$BIN" export --data "$OUT/imported" --format timelinejs -o "$OUT/imported.json"
shots="${SHOTS:-$CACHE/shots}"
mkdir -p "$shots"
for name in bundled example imported; do
  node "$here/timelinejs/render.mjs" "$OUT/$name.json" "$shots/timelinejs-$name.png"
done
echo "screenshots: $shots/timelinejs-*.png"
