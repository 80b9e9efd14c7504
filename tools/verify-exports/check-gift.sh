#!/usr/bin/env bash
# GIFT export read by gift-pegjs (an independent GIFT parser, from npm):
# the files are made with the real command line, for several seeds of the
# bundled dataset and for the example unit, and each is compared with the
# JSON export of the same quiz (gift/read-gift.js): no parse error, the
# same questions, the right answers flagged, feedback with the sources.
# Run by run.sh, which sets BIN, OUT and ROOT.
set -euo pipefail
here="$ROOT/tools/verify-exports/gift"
if ! command -v npm >/dev/null 2>&1; then need_debs nodejs npm; fi
npm ci --prefix "$here" --no-audit --no-fund --silent >/dev/null

checked=0
check() { # name, then the quiz's arguments
  local name="$1"
  shift
  "$BIN" quiz "$@" --format gift -o "$OUT/$name.gift.txt" 2>/dev/null
  "$BIN" quiz "$@" --format json -o "$OUT/$name.json" 2>/dev/null
  node "$here/read-gift.js" "$OUT/$name.gift.txt" "$OUT/$name.json"
  checked=$((checked + 1))
}
for seed in 1 2 3 5 8 13 21 34; do
  check "bundled-$seed" --seed "$seed" --count 20
done
for seed in 1 2 3; do
  check "example-$seed" --data "$ROOT/examples/founding-of-the-un" --seed "$seed" --count 20
done
# Every topic's questions at once: the most of each kind.
check "bundled-40" --seed 4 --count 40
echo "check-gift: gift-pegjs read $checked GIFT files; each matched its JSON"
