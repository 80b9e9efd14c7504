#!/usr/bin/env bash
# The .apkg read by Anki's own library (the `anki` package from PyPI, the
# code the desktop app imports with): each export imported into a fresh
# collection with the importer's default options (File > Import), the right
# number of notes with the fields as written; then a later export of another
# seed imported over it, whose shared questions must be updated, not added
# twice (notes = the union of the two quizzes' questions). Run by run.sh,
# which sets BIN, OUT, ROOT and PY.
set -euo pipefail
"$PY" -m pip install -q -r "$ROOT/tools/verify-exports/requirements-anki.txt"

make() { # seed, name, extra args: the .apkg and the same quiz as JSON
  local seed="$1" name="$2"
  shift 2
  "$BIN" quiz --seed "$seed" --count 20 "$@" --format anki -o "$OUT/$name.apkg"
  "$BIN" quiz --seed "$seed" --count 20 "$@" --format json -o "$OUT/$name.json"
}
make 1 s1
make 7 s7
make 3 un --data "$ROOT/examples/founding-of-the-un"
# Anki updates a note only from a newer file: the later export is a second later.
sleep 1.1
make 2 s2

"$PY" - "$OUT" <<'PY'
import html, json, os, re, sys, tempfile
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

out = sys.argv[1]
failures = []

def fail(message):
    failures.append(message)
    print("FAIL:", message)

def text(field):
    """A field as plain text: <br> as a line break, tags out, entities undone."""
    return html.unescape(re.sub(r"<[^>]+>", "", field.replace("<br>", "\n")))

def import_into(col, name):
    options = ImportAnkiPackageOptions(merge_notetypes=False, with_scheduling=False, with_deck_configs=False)
    request = ImportAnkiPackageRequest(package_path=os.path.join(out, name + ".apkg"), options=options)
    return col.import_anki_package(request).log

def check_fields(col, quiz, deck_name, label):
    nids = col.find_notes(f'"deck:{deck_name}"')
    by_id = {}
    for nid in nids:
        note = col.get_note(nid)
        if note.note_type()["name"] != "Neutrality Reader":
            fail(f"{label}: note type {note.note_type()['name']!r}")
        by_id[text(note["Id"])] = note
    for q in quiz:
        note = by_id.get(q["id"])
        if note is None:
            fail(f"{label}: no note for {q['id']}")
            continue
        if text(note["Prompt"]) != q["prompt"]:
            fail(f"{label}: {q['id']} prompt {text(note['Prompt'])!r} != {q['prompt']!r}")
        if text(note["Explanation"]) != q["explanation"]:
            fail(f"{label}: {q['id']} explanation differs")
        options = text(note["Options"]).split("\n")
        if [o[3:] for o in options] != q["options"]:
            fail(f"{label}: {q['id']} options {options!r} != {q['options']!r}")
        answer = text(note["Answer"])
        for i in q["answer"]:
            if q["options"][i] not in answer or "ABCD"[i] not in answer:
                fail(f"{label}: {q['id']} answer {answer!r} lacks option {i}")
        source = text(note["Source"])
        for s in q["sources"]:
            if f"¶{s['paragraph']}" not in source:
                fail(f"{label}: {q['id']} source {source!r} lacks ¶{s['paragraph']}")
        if len(note.cards()) != 1:
            fail(f"{label}: {q['id']} has {len(note.cards())} cards")
    return len(by_id)

def quiz(name):
    with open(os.path.join(out, name + ".json"), encoding="utf-8") as f:
        return json.load(f)

BUNDLED = "Turkmenistan’s foreign policy and permanent neutrality"
folder = tempfile.mkdtemp()
col = Collection(os.path.join(folder, "collection.anki2"))
s1, s2, s7, un = quiz("s1"), quiz("s2"), quiz("s7"), quiz("un")

log = import_into(col, "s1")
print(f"seed 1: imported {len(log.new)} new notes, {col.note_count()} in the collection")
if len(log.new) != len(s1) or col.note_count() != len(s1):
    fail(f"seed 1: {len(log.new)} new, {col.note_count()} notes for {len(s1)} questions")
check_fields(col, s1, BUNDLED, "seed 1")

log = import_into(col, "s2")
union = {q["id"] for q in s1} | {q["id"] for q in s2}
shared = {q["id"] for q in s1} & {q["id"] for q in s2}
print(f"seed 2 over it: {len(log.new)} new, {len(log.updated)} updated, "
      f"{len(log.duplicate)} unchanged; {col.note_count()} notes for {len(union)} distinct questions "
      f"({len(shared)} shared)")
if col.note_count() != len(union):
    fail(f"seed 2: {col.note_count()} notes, the union is {len(union)}")
if len(log.new) != len(union) - len(s1):
    fail(f"seed 2: {len(log.new)} new, expected {len(union) - len(s1)}")
if len(log.updated) != len(shared):
    fail(f"seed 2: {len(log.updated)} updated, expected the {len(shared)} shared")
check_fields(col, s2, BUNDLED, "seed 2")

log = import_into(col, "s1")
print(f"seed 1 again: {len(log.new)} new; {col.note_count()} notes")
if len(log.new) != 0 or col.note_count() != len(union):
    fail("seed 1 imported twice added notes")

log = import_into(col, "un")
print(f"example unit: {len(log.new)} new notes in its own deck; {col.note_count()} notes")
if len(log.new) != len(un) or col.note_count() != len(union) + len(un):
    fail(f"example unit: {len(log.new)} new for {len(un)} questions")
check_fields(col, un, "The founding of the United Nations", "example unit")
col.close()

# A fresh collection again: seed 7 alone.
col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
log = import_into(col, "s7")
n = check_fields(col, s7, BUNDLED, "seed 7")
print(f"seed 7 in a fresh collection: {len(log.new)} new, fields of {n} notes checked")
if n != len(s7):
    fail(f"seed 7: {n} notes for {len(s7)} questions")
col.close()

print(f"anki: {'FAILED, ' + str(len(failures)) + ' mismatches' if failures else 'every note as written'}")
sys.exit(1 if failures else 0)
PY
