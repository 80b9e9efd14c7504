#!/usr/bin/env bash
# Issue 19, Windows: the cross-compiled neutrality-reader.exe under Wine on a
# virtual X screen, as a Windows user would use it. Prints a line per check
# and exits non-zero if any fails.
#
#   tools/wine/run.sh [EXE]
#
# EXE: the .exe to try (default: built here with
# `cargo build --release --target x86_64-pc-windows-gnu`). LINUX_BIN: the
# Linux program whose output the .exe's is compared with (default:
# target/release/neutrality-reader, built if missing).
#
# Installs what is missing (wine, wine64, xvfb, xdotool, imagemagick, MinGW-w64's
# gcc). Its Wine prefix is its own, in tools/wine/.cache (ignored by git).
#
# Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, which Rust's standard
# library needs (ProcessPrng) and every Windows 10 and 11 has; the
# TEST-ONLY shim bcryptprimitives.c is compiled into this prefix's system32.
# It is NEVER shipped with the program.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tools/wine
CACHE=$HERE/.cache
cd "$ROOT"

# --- what is needed -------------------------------------------------------
need=()
command -v wine >/dev/null 2>&1 || need+=(wine wine64)
[ -x /usr/lib/wine/wine64 ] || need+=(wine64)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
command -v convert >/dev/null 2>&1 || need+=(imagemagick)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

EXE=${1:-}
if [ -z "$EXE" ]; then
  rustup target list --installed | grep -qx x86_64-pc-windows-gnu \
    || rustup target add x86_64-pc-windows-gnu
  CARGO_INCREMENTAL=0 cargo build --release --target x86_64-pc-windows-gnu -q
  EXE=$ROOT/target/x86_64-pc-windows-gnu/release/neutrality-reader.exe
fi
EXE=$(realpath "$EXE")
LINUX_BIN=${LINUX_BIN:-$ROOT/target/release/neutrality-reader}
if [ ! -x "$LINUX_BIN" ]; then
  CARGO_INCREMENTAL=0 cargo build --release -q
fi

# --- the Wine prefix --------------------------------------------------------
export WINEPREFIX=$CACHE/prefix WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko installer dialog: the program needs neither.
export WINEDLLOVERRIDES="mscoree,mshtml="
mkdir -p "$CACHE"
wine wineboot -u >/dev/null 2>&1
wineserver -w
SYS32=$WINEPREFIX/drive_c/windows/system32
# The TEST-ONLY shim (see bcryptprimitives.c); never shipped.
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$SYS32/bcryptprimitives.dll" \
  "$HERE/bcryptprimitives.c" -ladvapi32
USER_DIR=$(ls -d "$WINEPREFIX/drive_c/users/"* | grep -v /Public | head -n 1)
WUSER=$(basename "$USER_DIR")
APPDATA_DIR=$USER_DIR/AppData/Roaming/neutrality-reader/data
rm -rf "$APPDATA_DIR"

WORK=$USER_DIR/Documents/nr-check
rm -rf "$WORK" && mkdir -p "$WORK"
# The same folder as Windows sees it: C:\users\<user>\Documents\nr-check.
WWORK="C:\\users\\$WUSER\\Documents\\nr-check"
OUT=$CACHE/out && rm -rf "$OUT" && mkdir -p "$OUT"
# A folder outside the prefix, reached by Wine's Z: drive (its drive for /).
ZDIR=$CACHE/z && rm -rf "$ZDIR" && mkdir -p "$ZDIR"
ZWORK=$(wine winepath -w "$ZDIR" 2>/dev/null | tr -d '\r')

failures=0
pass() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
# The .exe, its output with CR LF made LF (Wine's console may add CR).
win() { wine "$EXE" "$@" 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }

# A copy of a folder with every text file saved as Notepad saves it:
# a UTF-8 byte order mark first and CR LF line ends.
notepad_copy() {
  rm -rf "$2" && cp -r "$1" "$2"
  find "$2" -type f -name '*.ron' -print0 | while IFS= read -r -d '' f; do
    { printf '\xef\xbb\xbf'; sed 's/$/\r/' "${f}"; } > "$f.tmp" && mv "$f.tmp" "$f"
  done
}

# --- check ----------------------------------------------------------------
expected=$("$LINUX_BIN" check)
got=$(win check) && rc=0 || rc=$?
[ "$rc" = 0 ] && [ "$got" = "$expected" ] && pass "check (bundled): $got" \
  || fail "check (bundled): exit $rc, '$got', expected '$expected'"

notepad_copy examples/founding-of-the-un "$WORK/unit"
notepad_copy examples/founding-of-the-un "$ZDIR/unit"
grep -q $'\r' "$WORK/unit/events.ron" && head -c 3 "$WORK/unit/events.ron" | grep -q $'\xef\xbb\xbf' \
  || fail "the Notepad copy has no BOM or CR LF"
summary=$("$LINUX_BIN" check examples/founding-of-the-un | sed 's/^[^:]*: //')
for path in "$WWORK\\unit" "$ZWORK\\unit"; do
  got=$(win check "$path") && rc=0 || rc=$?
  [ "$rc" = 0 ] && [ "$got" = "$path: $summary" ] && pass "check $got" \
    || fail "check $path: exit $rc, '$got'"
done

# Mistakes in a Notepad file are placed at the line and column Notepad shows,
# as the Linux program places them in the same file saved with LF.
bad=$CACHE/bad-lf && rm -rf "$bad" && cp -r examples/founding-of-the-un "$bad"
sed -i '0,/place: "Placentia/s//place "Placentia/' "$bad/events.ron"
sed -i '0,/role: "/s//role "/' "$bad/people.ron"
notepad_copy "$bad" "$WORK/bad"
expected=$("$LINUX_BIN" check "$bad" 2>&1 | sed "s|^$bad||" || true)
got=$(win check "$WWORK\\bad") && rc=0 || rc=$?
got=$(printf '%s\n' "$got" | sed "s|^$(printf '%s' "$WWORK\\bad" | sed 's/\\/\\\\/g')||; s|\\\\|/|g")
if [ "$rc" = 1 ] && [ "$got" = "$expected" ] && [ -n "$got" ]; then
  pass "check of a Notepad file with mistakes: exit 1, $(printf '%s' "$got" | grep -o '[a-z]*.ron:[0-9]*:[0-9]*' | tr '\n' ' ')"
else
  fail "check with mistakes: exit $rc, got '$got', expected '$expected'"
fi

# A text written over two lines in Notepad is the text Linux reads from LF.
two=$CACHE/two-lines && rm -rf "$two" && cp -r examples/founding-of-the-un "$two"
sed -i '0,/create the United Nations\. Each/s//create the United Nations.\n        Each/' \
  "$two/articles/the-charter-comes-into-force.ron"
notepad_copy "$two" "$WORK/two-lines"
"$LINUX_BIN" export --data "$two" > "$OUT/two-linux.json"
win export --data "$WWORK\\two-lines" > "$OUT/two-exe.json" || true
cmp -s "$OUT/two-linux.json" "$OUT/two-exe.json" \
  && pass "export of a unit with a text over two CR LF lines = Linux's of LF ($(wc -c < "$OUT/two-exe.json") bytes)" \
  || fail "export of a text over two CR LF lines differs from Linux's"

# --- quiz, pdf, pack --------------------------------------------------------
"$LINUX_BIN" quiz --data examples/founding-of-the-un --seed 7 --count 10 -o "$OUT/quiz-linux.md"
win quiz --data "$WWORK\\unit" --seed 7 --count 10 -o "$WWORK\\quiz.md" >/dev/null || true
cmp -s "$OUT/quiz-linux.md" "$WORK/quiz.md" \
  && pass "quiz -o $WWORK\\quiz.md = Linux's ($(grep -c '^\*\*[0-9]*\.\*\*' "$WORK/quiz.md") questions, $(wc -c < "$WORK/quiz.md") bytes)" \
  || fail "quiz -o quiz.md differs from Linux's"

"$LINUX_BIN" quiz --data examples/founding-of-the-un --seed 7 --count 10 --format pdf -o "$OUT/quiz-linux.pdf"
win quiz --data "$ZWORK\\unit" --seed 7 --count 10 --format pdf -o "$WWORK\\quiz.pdf" >/dev/null || true
if [ -s "$WORK/quiz.pdf" ] && head -c 5 "$WORK/quiz.pdf" | grep -q '%PDF-'; then
  pages=$(grep -ac '/Type */Page[^s]' "$WORK/quiz.pdf" || true)
  if cmp -s "$OUT/quiz-linux.pdf" "$WORK/quiz.pdf"; then
    pass "quiz --format pdf -o $WWORK\\quiz.pdf: a PDF of $pages pages, = Linux's byte for byte"
  else
    lpages=$(grep -ac '/Type */Page[^s]' "$OUT/quiz-linux.pdf" || true)
    [ "$pages" = "$lpages" ] && [ "$pages" -gt 0 ] \
      && pass "quiz --format pdf: a PDF of $pages pages as Linux's (bytes differ)" \
      || fail "quiz --format pdf: $pages pages, Linux's $lpages"
  fi
else
  fail "quiz --format pdf -o wrote no PDF"
fi

win pack "$WWORK\\unit" "$WWORK\\unit.zip" >/dev/null || true
if [ -s "$WORK/unit.zip" ]; then
  got=$(win check "$WWORK\\unit.zip") && rc=0 || rc=$?
  [ "$rc" = 0 ] && [ "$got" = "$WWORK\\unit.zip: $summary" ] && pass "pack, then check $got" \
    || fail "check unit.zip: exit $rc, '$got'"
  win quiz --data "$WWORK\\unit.zip" --seed 7 --count 10 -o "$WWORK\\quiz-zip.md" >/dev/null || true
  cmp -s "$OUT/quiz-linux.md" "$WORK/quiz-zip.md" && pass "quiz --data $WWORK\\unit.zip = Linux's quiz" \
    || fail "quiz --data unit.zip differs from Linux's"
else
  fail "pack wrote no unit.zip"
fi

# --- the window ---------------------------------------------------------------
# Each run on an X screen starts with no Wine process left from another run:
# a wineserver still up from a run without a screen keeps its desktop
# process, which has no display, and a window would wait for it forever.
fresh_wine() { wineserver -k 2>/dev/null || true; wineserver -w 2>/dev/null || true; }
# A Unix path as a Z: path, without asking Wine (which would start its server).
zpath() { local p=$1; printf 'Z:%s' "${p//\//\\}"; }
# Each shot: the PNG exists, has the size asked for and many colours (a
# blank or failed frame has a handful). Look at them: $OUT/*.png.
shot() {
  local name=$1; shift
  rm -f "$OUT/$name.png"
  fresh_wine
  timeout 300 xvfb-run -a -s "-screen 0 1280x1024x24" \
    wine "$EXE" --screenshot "$(zpath "$OUT/$name.png")" \
    --size 1280x800 "$@" >/dev/null 2>&1 || true
  if [ -s "$OUT/$name.png" ]; then
    local info; info=$(convert "$OUT/$name.png" -format '%w %h %k %[fx:mean]' info:)
    read -r w h colours mean <<< "$info"
    if [ "$w" = 1280 ] && [ "$h" = 800 ] && [ "$colours" -gt 200 ]; then
      pass "screenshot $name ($*): ${w}x${h}, $colours colours, mean $(printf '%.2f' "$mean")"
    else
      fail "screenshot $name: ${w}x${h}, $colours colours"
    fi
  else
    fail "screenshot $name ($*): no PNG"
  fi
}
shot study --view study
shot timeline --view timeline
shot organizations --view organizations
shot quiz --view quiz
shot study-dark --view study --theme dark
shot timeline-ru --view timeline --lang ru
shot organizations-tk --view organizations --lang tk
shot unit-notepad --data "$WWORK\\unit" --view study

# --- settings and progress in %APPDATA% ---------------------------------------
# A real window, driven by keys on its own X screen: it starts, the keys are
# pressed, the screen is taken, Ctrl+Q closes it as a reader would.
drive() {
  local keys=$1 png=$2; shift 2
  fresh_wine
  # shellcheck disable=SC2016
  timeout 300 xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
    keys=$1 png=$2 exe=$3; shift 3
    NEUTRALITY_READER_TIMING=1 wine "$exe" "$@" > "$png.log" 2>&1 & pid=$!
    for _ in $(seq 240); do grep -q "first frame" "$png.log" && break; sleep 0.5; done
    wid=$(xdotool search --name "Neutrality Reader" | head -n 1)
    xdotool windowfocus --sync "$wid"; sleep 1
    for k in $keys; do xdotool key "$k"; sleep 0.7; done
    sleep 2; import -window root "$png"
    xdotool key ctrl+q
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill "$pid" 2>/dev/null || true
    wineserver -w' _ "$keys" "$png" "$EXE" "$@" || true
}
# 1: dark theme and Russian asked for, an article read to its end.
drive "End Next Next" "$OUT/live-1.png" --theme dark --lang ru --view study
settings=$APPDATA_DIR/settings.json
if [ -s "$settings" ] && [ -s "$APPDATA_DIR/app.ron" ] \
  && grep -q '"theme": "Dark"' "$settings" && grep -q '"language": "Russian"' "$settings"; then
  pass "first window run saved settings.json and app.ron in C:\\users\\$WUSER\\AppData\\Roaming\\neutrality-reader\\data (progress: $(grep -A1 '"progress"' "$settings" | tail -n 1 | tr -d ' '))"
else
  fail "no settings in $APPDATA_DIR after the first window run"
fi
# 2: no theme nor language asked: they come from the saved settings; a quiz
# question answered (1, Enter) is saved in the quiz memory.
code=$("$LINUX_BIN" quiz --count 5 --seed 3 | grep -o 'Quiz [0-9A-Z]*-[0-9A-Z]*' | head -n 1 | cut -d' ' -f2)
drive "1 Return" "$OUT/live-2.png" --quiz "$code"
memory=$APPDATA_DIR/quiz-memory.json
mean=$(convert "$OUT/live-2.png" -format '%[fx:mean]' info:)
if grep -q '"theme": "Dark"' "$settings" && grep -q '"language": "Russian"' "$settings" \
  && grep -q '"view": "Quiz"' "$settings" && grep -q '"nam-ambassadors-briefing-2020": 1.0' "$settings" && awk "BEGIN{exit !($mean < 0.3)}"; then
  pass "second run read them: dark (screen mean $(printf '%.2f' "$mean")), Russian, the reading progress kept"
else
  fail "second run did not keep the saved theme and language (screen mean $mean)"
fi
reps() { grep -o '"reps": [0-9]*' "$memory" 2>/dev/null | head -n 1 | grep -o '[0-9]*$' || echo 0; }
[ "$(reps)" = 1 ] && pass "quiz $code: the answer saved in quiz-memory.json (reps 1)" \
  || fail "quiz memory after one answer: reps $(reps)"
# 3: the same question again: counted on top of what was read back.
drive "1 Return" "$OUT/live-3.png" --quiz "$code"
[ "$(reps)" = 2 ] && pass "third run read the quiz memory back: reps 2" \
  || fail "quiz memory after the third run: reps $(reps)"

# --- the console ---------------------------------------------------------------
# Started as Explorer starts it (`start`: a new console for a console
# program), the window is the only one left: the console is let go.
fresh_wine
# shellcheck disable=SC2016
windows=$(timeout 120 xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
  wine start /unix "$1" >/dev/null 2>&1
  for _ in $(seq 120); do xdotool search --name "^Neutrality Reader$" >/dev/null 2>&1 && break; sleep 0.5; done
  sleep 4
  xdotool search --onlyvisible --name . 2>/dev/null | while read -r w; do xdotool getwindowname "$w"; done
  import -window root "$2"
  xdotool key --window "$(xdotool search --name "^Neutrality Reader$" | head -n 1)" ctrl+q; sleep 2
  wineserver -k' _ "$EXE" "$OUT/double-click.png" 2>/dev/null || true)
if printf '%s\n' "$windows" | grep -qx 'Neutrality Reader' \
  && ! printf '%s\n' "$windows" | grep -qi 'neutrality-reader.exe'; then
  pass "started as by a double-click: the window only, no console window"
else
  fail "started as by a double-click: windows $(printf '%s' "$windows" | tr '\n' '|')"
fi
# In cmd, a command's output and exit code are there.
fresh_wine
got=$(wine cmd /c "$(wine winepath -w "$EXE" 2>/dev/null | tr -d '\r')" check "$WWORK\\bad" 2>&1 | tr -d '\r' | tail -n 1) \
  && rc=0 || rc=$?
# (/v:on: !ERRORLEVEL! is read after the command, not when the line is.)
got_rc=$(wine cmd /v:on /c "$(wine winepath -w "$EXE" 2>/dev/null | tr -d '\r') check $WWORK\\bad >NUL 2>&1 & echo errorlevel !ERRORLEVEL!" 2>/dev/null | tr -d '\r' | tail -n 1 || true)
[[ "$got" == *"2 problems found"* ]] && [ "$got_rc" = "errorlevel 1" ] \
  && pass "in cmd: check prints '$got' and sets $got_rc" \
  || fail "in cmd: '$got', '$got_rc'"

echo "screenshots in $OUT"
if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) FAILED"
  exit 1
fi
echo "all checks passed ($(date -u +%Y-%m-%d), $(wine --version))"
