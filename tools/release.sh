#!/usr/bin/env bash
# Every artifact of a release, built into dist/ with its size and SHA-256
# (dist/SHA256SUMS, and the table printed at the end):
#
#   neutrality-reader-VERSION-linux-x86_64          the Linux program
#   neutrality-reader_VERSION-1_amd64.deb           the same, for Debian and Ubuntu
#                                                   (menu entry and icons; cargo-deb)
#   neutrality-reader-VERSION-windows-x86_64.exe    the Windows program (icon and
#                                                   version info; MinGW-w64)
#   neutrality-reader-VERSION-web.zip               the browser version: a folder
#                                                   for any web server
#   neutrality-reader.html                          the browser version as one file
#
# A Mac build needs a Mac (Apple's SDK): `cargo build --release` there; the
# README says so. Installs what is missing: the Rust targets, MinGW-w64,
# clang, zip, cargo-deb, wasm-bindgen-cli (see tools/web/build.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export CARGO_TERM_COLOR=never
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)

need=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v zip >/dev/null 2>&1 || need+=(zip)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu; then
  rustup target add x86_64-pc-windows-gnu
fi
command -v cargo-deb >/dev/null 2>&1 || cargo install -q cargo-deb

mkdir -p dist
echo "== Linux"
cargo build --release
# Symbols are for a debugger, not a student's download (a sixth of the size).
strip -o "dist/neutrality-reader-$version-linux-x86_64" target/release/neutrality-reader
cargo deb --no-build --output dist/ >/dev/null
echo "== Windows"
cargo build --release --target x86_64-pc-windows-gnu
x86_64-w64-mingw32-strip -o "dist/neutrality-reader-$version-windows-x86_64.exe" \
  target/x86_64-pc-windows-gnu/release/neutrality-reader.exe
echo "== the browser"
tools/web/build.sh >/dev/null
rm -f "dist/neutrality-reader-$version-web.zip"
(cd dist && zip -q -r "neutrality-reader-$version-web.zip" web)

cd dist
artifacts=(
  "neutrality-reader-$version-linux-x86_64"
  neutrality-reader_"$version"-1_amd64.deb
  "neutrality-reader-$version-windows-x86_64.exe"
  "neutrality-reader-$version-web.zip"
  neutrality-reader.html
)
sha256sum "${artifacts[@]}" > SHA256SUMS
echo
printf '%-48s %10s  %s\n' artifact MiB sha256
for a in "${artifacts[@]}"; do
  printf '%-48s %10.1f  %s\n' "$a" "$(awk -v s="$(stat -c %s "$a")" 'BEGIN { print s / 1048576 }')" "$(sha256sum "$a" | cut -c1-64)"
done
