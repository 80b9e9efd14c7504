#!/usr/bin/env bash
# Redraws the README's screenshots in assets/screenshots/ from the release
# build, each from the command line that shows it, under a virtual X server.
#   tools/readme_screenshots.sh            every picture
#   tools/readme_screenshots.sh study-dark one of them
# Needs xvfb (xvfb-run) and the Mesa GL driver: ../shared/tools/screenshot.sh
# installs them on a bare Debian machine.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
cargo build --release -q
bin=target/release/neutrality-reader
out=assets/screenshots
only=${1:-}
# A quiz code the same on every machine: seed 1, six questions.
code=$("$bin" quiz --seed 1 --count 6 | sed -n 's/^# Quiz \([0-9A-Z-]*\).*/\1/p')

shot() {
  local name=$1 size=$2
  shift 2
  [ -n "$only" ] && [ "$only" != "$name" ] && return 0
  timeout 60 xvfb-run -a -s "-screen 0 ${size}x24" \
    "$bin" --size "$size" --screenshot "$out/$name.png" "$@"
  echo "$out/$name.png"
}

shot study-resolution 1280x800 --article un-resolution-permanent-neutrality-2025 --paragraph 20 --theme light --lang en
shot study-dark 1280x800 --article cooperation-international-organizations --paragraph 3 --theme dark --lang en
shot timeline 1280x800 --view timeline --theme light --lang en
shot timeline-zoomed 1280x800 --event un-resolution-78-266 --theme light --lang en
shot organizations 1280x800 --organization un --theme light --lang en
shot quiz-practice 1280x800 --quiz "$code" --theme light --lang en
shot quiz-class 1920x1080 --quiz "$code" --quiz-mode class --present --theme light --lang en
shot quiz-live 1280x800 --quiz "$code" --live --theme light --lang en
shot interface-ru 1280x800 --article un-resolution-permanent-neutrality-2025 --paragraph 14 --theme sepia --lang ru
shot interface-tk 1024x700 --event nam-membership --theme light --lang tk
shot presentation 1920x1080 --article nam-ambassadors-briefing-2020 --paragraph 3 --present --theme light --lang en
