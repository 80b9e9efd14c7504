#!/usr/bin/env bash
# The browser version (issue 19), built into dist/:
#   dist/web/                    a folder of static files that any web server
#                                serves (python3 -m http.server, a school's
#                                intranet, GitHub Pages): index.html, the
#                                JavaScript glue and the WebAssembly module;
#   dist/neutrality-reader.html  one self-contained file (the module gzipped
#                                and inlined) that opens from a USB stick or an
#                                e-mail attachment, with no server.
# The bundled dataset and the fonts are inside the module; the page fetches
# nothing from the network.
#
# Needs the wasm32 target (added if missing), clang (the Anki export's SQLite
# is C, compiled to WebAssembly; installed with apt if missing) and
# wasm-bindgen-cli of the version in Cargo.lock (installed into
# tools/web/.cache if missing).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export CARGO_TERM_COLOR=never

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if ! command -v clang >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang >/dev/null
fi

# wasm-bindgen's command must be the version of the crate the module links.
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
bindgen="$here/.cache/bin/wasm-bindgen"
if command -v wasm-bindgen >/dev/null 2>&1 && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$version" ]; then
  bindgen=$(command -v wasm-bindgen)
elif ! [ -x "$bindgen" ] || [ "$("$bindgen" --version | awk '{print $2}')" != "$version" ]; then
  echo "== installing wasm-bindgen-cli $version into tools/web/.cache"
  cargo install -q wasm-bindgen-cli --version "$version" --root "$here/.cache"
fi

echo "== cargo build --profile web --target wasm32-unknown-unknown"
cargo build --profile web --target wasm32-unknown-unknown --bin neutrality-reader
rm -rf dist/web
mkdir -p dist/web
# The names of functions are for a debugger, not a reader: 1.4 MB left out.
"$bindgen" --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir dist/web target/wasm32-unknown-unknown/web/neutrality-reader.wasm
icon="data:image/png;base64,$(base64 -w0 assets/icons/hicolor/64x64/apps/neutrality-reader.png)"
sed "s|ICON_DATA_URL|$icon|" "$here/index.html" > dist/web/index.html
python3 "$here/single_file.py" dist/web dist/neutrality-reader.html
ls -l dist/web dist/neutrality-reader.html
