#!/usr/bin/env bash
# Moodle XML and QTI 1.2 exports read by lxml (libxml2): the files are made
# with the real command line, for several seeds of the bundled dataset and
# for the example unit, parsed, and their element structure compared with
# the published examples of each format (Moodle's own import fixtures;
# Canvas's Classic Quiz export) and with the JSON export of the same quiz:
# the question types, the right answer flagged (fraction 100 / SCORE 100),
# feedback present, counts equal. No QTI 1.2 XSD is published in a package
# registry, so the QTI is checked by structure, not validated by schema.
# Run by run.sh, which sets BIN, OUT, ROOT and PY.
set -euo pipefail
"$PY" -m pip install -q -r "$ROOT/tools/verify-exports/requirements-xml.txt"

cases=()
make() { # name, then the quiz's arguments
  local name="$1"
  shift
  "$BIN" quiz "$@" --format moodle-xml -o "$OUT/$name.moodle.xml" 2>/dev/null
  "$BIN" quiz "$@" --format qti -o "$OUT/$name.qti.zip" 2>/dev/null
  "$BIN" quiz "$@" --format json -o "$OUT/$name.json" 2>/dev/null
  cases+=("$OUT/$name")
}
for seed in 1 2 3 5 8 13 21 34; do
  make "bundled-$seed" --seed "$seed" --count 20
done
for seed in 1 2 3; do
  make "example-$seed" --data "$ROOT/examples/founding-of-the-un" --seed "$seed" --count 20
done
make "bundled-40" --seed 4 --count 40

"$PY" - "${cases[@]}" <<'PY'
import json, re, sys, zipfile
from collections import Counter
from lxml import etree, html

problems = []
totals = Counter()

def squash(text):
    return re.sub(r"\s+", " ", text or "").strip()

def html_text(markup):
    """The text a browser shows of an HTML fragment, line breaks as spaces."""
    if not markup or not markup.strip():
        return ""
    markup = re.sub(r"<br\s*/?>|</p>", " ", markup)
    return squash(html.fromstring(f"<div>{markup}</div>").text_content())

def text_of(element, path):
    found = element.find(path)
    return found.text if found is not None and found.text else ""

def check_moodle(path, expected):
    where = path.rsplit("/", 1)[-1]
    def fail(message):
        problems.append(f"{where}: {message}")
    root = etree.parse(path).getroot()
    if root.tag != "quiz":
        fail(f"root is <{root.tag}>, not <quiz>")
    questions = root.findall("question")
    categories = [q for q in questions if q.get("type") == "category"]
    real = [q for q in questions if q.get("type") != "category"]
    topics = {q["topic"] for q in expected}
    if len(categories) != len(topics):
        fail(f"{len(categories)} categories for {len(topics)} topics")
    for category in categories:
        if "/" not in text_of(category, "category/text"):
            fail(f"category {text_of(category, 'category/text')!r} is not unit/topic")
    if len(real) != len(expected):
        fail(f"{len(real)} questions, {len(expected)} in the JSON")
    by_name = {text_of(q, "name/text"): q for q in real}
    for want in expected:
        got = by_name.get(want["id"])
        if got is None:
            fail(f"{want['id']}: missing")
            continue
        right = [want["options"][i] for i in want["answer"]]
        kind = {"order": "ordering", "cloze": "shortanswer"}.get(want["kind"], "multichoice")
        totals[f"moodle {kind}"] += 1
        if got.get("type") != kind:
            fail(f"{want['id']}: type {got.get('type')}, not {kind}")
        if got.find("questiontext").get("format") != "html":
            fail(f"{want['id']}: question text not html")
        if not html_text(text_of(got, "questiontext/text")).startswith(squash(want["prompt"])):
            fail(f"{want['id']}: question text differs")
        general = html_text(text_of(got, "generalfeedback/text"))
        if not general.startswith(squash(want["explanation"])) or (
            want["sources"] and not re.search(r"Sources?: .*¶\d+", general)
        ):
            fail(f"{want['id']}: general feedback is not the explanation and sources")
        answers = got.findall("answer")
        texts = [html_text(text_of(a, "text")) for a in answers]
        if kind == "multichoice":
            if text_of(got, "single") != "true":
                fail(f"{want['id']}: not single")
            if texts != [squash(o) for o in want["options"]]:
                fail(f"{want['id']}: answers {texts}")
            flagged = [t for a, t in zip(answers, texts) if a.get("fraction") == "100"]
            zero = [a for a in answers if a.get("fraction") == "0"]
            if flagged != [squash(r) for r in right] or len(zero) != len(answers) - 1:
                fail(f"{want['id']}: fraction 100 on {flagged}")
            if any(not text_of(a, "feedback/text") for a in answers):
                fail(f"{want['id']}: an answer without feedback")
        elif kind == "shortanswer":
            plain = [squash(text_of(a, "text")) for a in answers]
            if plain != [squash(right[0])] or answers[0].get("fraction") != "100":
                fail(f"{want['id']}: short answers {plain}")
        else:
            if texts != [squash(r) for r in right]:
                fail(f"{want['id']}: order {texts}")
            settings = {t: text_of(got, t) for t in ("layouttype", "selecttype", "selectcount", "gradingtype")}
            if settings["selecttype"] != "ALL" or settings["selectcount"] != str(len(right)):
                fail(f"{want['id']}: ordering settings {settings}")
        totals["moodle questions"] += 1

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"

def fields(item):
    return {
        text_of(f, f"{QTI}fieldlabel"): text_of(f, f"{QTI}fieldentry")
        for f in item.iter(f"{QTI}qtimetadatafield")
    }

def check_qti(path, expected):
    where = path.rsplit("/", 1)[-1]
    def fail(message):
        problems.append(f"{where}: {message}")
    archive = zipfile.ZipFile(path)
    names = set(archive.namelist())
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    by_id = {r.get("identifier"): r for r in resources}
    tests = [r for r in resources if r.get("type") == "imsqti_xmlv1p2"]
    if len(tests) != 1:
        fail(f"{len(tests)} imsqti_xmlv1p2 resources")
        return
    for resource in resources:
        for file in resource.findall(f"{CP}file"):
            if file.get("href") not in names:
                fail(f"manifest names {file.get('href')}, not in the zip")
    for dependency in tests[0].findall(f"{CP}dependency"):
        meta = by_id.get(dependency.get("identifierref"))
        if meta is None:
            fail("a dependency names no resource")
        else:
            etree.fromstring(archive.read(meta.get("href")))
    root = etree.fromstring(archive.read(tests[0].find(f"{CP}file").get("href")))
    if root.tag != f"{QTI}questestinterop":
        fail(f"root is {root.tag}")
    items = root.findall(f"{QTI}assessment/{QTI}section/{QTI}item")
    if len(items) != len(expected):
        fail(f"{len(items)} items, {len(expected)} in the JSON")
    by_title = {i.get("title"): i for i in items}
    for want in expected:
        item = by_title.get(want["id"])
        if item is None:
            fail(f"{want['id']}: missing")
            continue
        right = [squash(want["options"][i]) for i in want["answer"]]
        kind = "matching_question" if want["kind"] == "order" else "multiple_choice_question"
        totals[f"qti {kind}"] += 1
        if fields(item).get("question_type") != kind:
            fail(f"{want['id']}: question_type {fields(item).get('question_type')}")
        lids = item.findall(f"{QTI}presentation/{QTI}response_lid")
        labels = {
            l.get("ident"): squash(text_of(l, f"{QTI}material/{QTI}mattext"))
            for lid in lids for l in lid.iter(f"{QTI}response_label")
        }
        conditions = item.findall(f"{QTI}resprocessing/{QTI}respcondition")
        scored = []
        for c in conditions:
            equal = c.find(f"{QTI}conditionvar/{QTI}varequal")
            setvar = c.find(f"{QTI}setvar")
            if equal is not None and setvar is not None and setvar.get("varname") == "SCORE":
                scored.append((equal.get("respident"), labels.get(equal.text), setvar.get("action"), float(setvar.text)))
        if kind == "multiple_choice_question":
            if len(lids) != 1 or lids[0].get("rcardinality") != "Single":
                fail(f"{want['id']}: not one Single response_lid")
            options = [squash(text_of(l, f"{QTI}material/{QTI}mattext")) for l in lids[0].iter(f"{QTI}response_label")] if lids else []
            if options != [squash(o) for o in want["options"]]:
                fail(f"{want['id']}: options {options}")
            if [(s[1], s[2], s[3]) for s in scored] != [(right[0], "Set", 100.0)]:
                fail(f"{want['id']}: SCORE 100 on {scored}")
        else:
            order = [s[1] for s in scored]
            if len(lids) != len(right) or order != right or abs(sum(s[3] for s in scored) - 100) > 0.05:
                fail(f"{want['id']}: matching scores {scored}")
        shown = [d.get("linkrefid") for d in item.iter(f"{QTI}displayfeedback")]
        feedback = item.find(f"{QTI}itemfeedback[@ident='general_fb']")
        general = html_text(text_of(feedback, f".//{QTI}mattext")) if feedback is not None else ""
        if "general_fb" not in shown or not general.startswith(squash(want["explanation"])):
            fail(f"{want['id']}: no general feedback with the explanation")
        totals["qti items"] += 1

for case in sys.argv[1:]:
    expected = json.load(open(f"{case}.json", encoding="utf-8"))
    check_moodle(f"{case}.moodle.xml", expected)
    check_qti(f"{case}.qti.zip", expected)
    totals["files"] += 2

for problem in problems[:30]:
    print(problem, file=sys.stderr)
summary = ", ".join(f"{count} {name}" for name, count in sorted(totals.items()))
if problems:
    print(f"check-xml: {len(problems)} mismatches ({summary})", file=sys.stderr)
    sys.exit(1)
print(f"check-xml: lxml read {summary}; every right answer flagged and every feedback present, as in the JSON")
PY
