#!/usr/bin/env bash
# The PDF worksheet read back by poppler (pdftotext, pdftoppm, pdfinfo, the
# tools behind most Linux PDF viewers): on A4 and Letter, for several seeds
# and the example unit, every question and option is found in version A and
# in version B, each version's key gives, for each question, the letters of
# the options its sheet printed for the right answer, with the source; no
# word lies outside the margins (pdftotext -bbox); the fonts are embedded.
# Page 1 and the first key page are rendered to PNG in $SHOTS (default
# $OUT) to be looked at. Run by run.sh, which sets BIN, OUT and ROOT.
set -euo pipefail
need_debs poppler-utils
SHOTS="${SHOTS:-$OUT}"
mkdir -p "$SHOTS"

names=()
make() { # seed, paper, name, extra args
  local seed="$1" paper="$2" name="$3"
  shift 3
  "$BIN" quiz --seed "$seed" --count 20 "$@" --format pdf --paper "$paper" -o "$OUT/$name.pdf"
  "$BIN" quiz --seed "$seed" --count 20 "$@" --format json -o "$OUT/$name.json"
  pdftotext -enc UTF-8 "$OUT/$name.pdf" "$OUT/$name.txt"
  pdftotext -enc UTF-8 -bbox "$OUT/$name.pdf" "$OUT/$name.bbox.html"
  pdfinfo "$OUT/$name.pdf" >"$OUT/$name.info"
  pdffonts "$OUT/$name.pdf" >"$OUT/$name.fonts"
  names+=("$name")
}
for seed in 1 2 3 4; do make "$seed" a4 "a4-s$seed"; done
for seed in 5 6; do make "$seed" letter "letter-s$seed"; done
make 3 a4 un-a4 --data "$ROOT/examples/founding-of-the-un"
make 3 letter un-letter --data "$ROOT/examples/founding-of-the-un"

python3 - "$OUT" "$SHOTS" "${names[@]}" <<'PY'
import html, json, os, re, subprocess, sys

out, shots, names = sys.argv[1], sys.argv[2], sys.argv[3:]
PAPERS = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
MARGIN = 54.0  # the narrower of the two papers' margins
failures = []
counts = {"questions": 0, "options": 0, "keys": 0, "words": 0, "pages": 0}

def fail(message):
    failures.append(message)
    print("FAIL:", message)

def flat(text):
    return " ".join(text.split())

FOOTER = re.compile(r"(Version [AB]|Answer key, version [AB]) · page \d+ of \d+")

for name in names:
    quiz = json.load(open(os.path.join(out, name + ".json"), encoding="utf-8"))
    info = open(os.path.join(out, name + ".info"), encoding="utf-8").read()
    paper = "Letter" if name.startswith("letter") or name.endswith("letter") else "A4"
    width, height = PAPERS[paper]
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    if not size or abs(float(size.group(1)) - width) > 0.5 or abs(float(size.group(2)) - height) > 0.5:
        fail(f"{name}: not {paper}: {size.group(0) if size else info}")
    # pdffonts: name, type (two words), encoding, emb, sub, uni, object, generation.
    fonts = open(os.path.join(out, name + ".fonts"), encoding="utf-8").read().splitlines()[2:]
    if not fonts or any(line.split()[-5] != "yes" for line in fonts):
        fail(f"{name}: a font is not embedded: {fonts}")
    pages = open(os.path.join(out, name + ".txt"), encoding="utf-8").read().split("\f")
    counts["pages"] += len([p for p in pages if p.strip()])
    text = FOOTER.sub(" ", "\f".join(pages))
    # The four sections, in the order the document prints them.
    marks = ["Version A", "Version B", "Answer key, version A", "Answer key, version B"]
    at = []
    for mark in marks:
        found = re.compile(r"(?:^|[\n\f])" + re.escape(mark) + r"\n").search(text, at[-1] + 1 if at else 0)
        i = found.start() if found else -1
        if i < 0:
            fail(f"{name}: no section {mark!r}")
            break
        at.append(i)
    if len(at) < 4:
        continue
    sections = {m: flat(text[a:b]) for m, a, b in zip(marks, at, at[1:] + [len(text)])}
    for version in "AB":
        sheet = sections[f"Version {version}"]
        key = sections[f"Answer key, version {version}"]
        for q in quiz:
            prompt = flat(q["prompt"])
            # Two questions may share a prompt ("Which of these happened
            # first?"): the one meant is the one whose options are all there.
            found = None
            for m in re.finditer(r"(\d+)\. " + re.escape(prompt), sheet):
                end = sheet.find("Answer: ", m.end())
                order = sheet.find("Order, earliest first:", m.end())
                if order >= 0 and (end < 0 or order < end):
                    end = order
                block = sheet[m.end():end]
                letters = {}
                for option in q["options"]:
                    o = re.search(r"([A-H])\. " + re.escape(flat(option)) + r"(?= [A-H]\. |\s*$)", block)
                    if o:
                        letters[option] = o.group(1)
                if len(letters) == len(q["options"]):
                    found = (m.group(1), letters)
                    break
            if not found:
                fail(f"{name} {version}: question and its options not found: {prompt[:60]!r}")
                continue
            number, letters = found
            counts["options"] += len(letters)
            counts["questions"] += 1
            right = [q["options"][i] for i in q["answer"]]
            wanted = ", ".join(letters[o] for o in right) + ": " + "; ".join(flat(o) for o in right)
            k = re.search(rf"(?:^| ){number}\. " + re.escape(wanted) + r" Source: ([^¶]+)¶(\d+)", key)
            if not k:
                fail(f"{name} {version} {number}: the key does not read {wanted[:60]!r}")
                continue
            if int(k.group(2)) != q["sources"][0]["paragraph"]:
                fail(f"{name} {version} {number}: key source ¶{k.group(2)}")
            counts["keys"] += 1
    # Every word within the margins.
    boxes = open(os.path.join(out, name + ".bbox.html"), encoding="utf-8").read()
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', boxes):
        x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
        counts["words"] += 1
        if x0 < MARGIN - 1 or x1 > width - MARGIN + 1 or y0 < MARGIN - 12 or y1 > height - MARGIN + 6:
            fail(f"{name}: {html.unescape(m.group(5))!r} at x {x0:.1f}–{x1:.1f}, y {y0:.1f}–{y1:.1f} leaves the margins")
    print(f"{name}: {paper}, {len([p for p in pages if p.strip()])} pages, {len(quiz)} questions in both versions and keys")
    # Page 1 and the first key page, to be looked at.
    first_key = next(i for i, p in enumerate(pages, 1) if "Answer key, version A" in p)
    for page, label in ((1, "page1"), (first_key, "key")):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page),
                        os.path.join(out, name + ".pdf"), os.path.join(shots, f"{name}-{label}")], check=True)

print(f"pdf: {len(names)} files, {counts['pages']} pages; {counts['questions']} questions, {counts['options']} options "
      f"and {counts['keys']} key lines found; {counts['words']} words within the margins; "
      f"{'FAILED, ' + str(len(failures)) + ' mismatches' if failures else 'all read back'}")
sys.exit(1 if failures else 0)
PY
