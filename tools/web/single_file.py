#!/usr/bin/env python3
"""dist/web/ as one self-contained HTML file, for a page with no server.

    python3 single_file.py WEB_FOLDER OUT.html

The JavaScript glue goes inline as a module script; the WebAssembly module
goes in gzipped and base64-encoded (a third of its size instead of four
thirds) and is unpacked by the browser's own DecompressionStream before it
is handed to the glue, so that nothing is fetched: not even a file beside
the page, which a browser refuses to a page opened from file://.
"""
import base64
import gzip
import pathlib
import re
import sys

web, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
glue = (web / "neutrality-reader.js").read_text(encoding="utf-8")
if (web / "snippets").exists():
    sys.exit("single_file.py: the glue imports snippets/, which this script does not inline")
# An inline script's export is of no use, and its default export is called below.
glue, exports = re.subn(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
if exports != 1:
    sys.exit("single_file.py: the glue's export line was not found; wasm-bindgen changed its output")
# "</script" inside the glue would end the script element early.
glue = glue.replace("</script", "<\\/script")
wasm = (web / "neutrality-reader_bg.wasm").read_bytes()
packed = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")
script = f"""<script type="module">
{glue}
const packed = "{packed}";
async function unpacked() {{
  const gzipped = await (await fetch("data:application/gzip;base64," + packed)).blob();
  const stream = gzipped.stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).arrayBuffer();
}}
unpacked()
  .then((bytes) => __wbg_init({{ module_or_path: bytes }}))
  .catch((error) => {{
    document.getElementById("status").textContent =
      "Neutrality Reader could not start in this browser: " + error;
  }});
</script>"""
page = (web / "index.html").read_text(encoding="utf-8")
start, end = page.index("<!--START-->"), page.index("<!--END-->") + len("<!--END-->")
out.write_text(page[:start] + script + page[end:], encoding="utf-8")
print(f"{out}: {out.stat().st_size} bytes ({len(wasm)} bytes of WebAssembly inside, gzipped)")
