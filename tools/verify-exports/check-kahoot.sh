#!/usr/bin/env bash
# The Kahoot spreadsheet read by openpyxl (the library most Excel-reading
# Python uses): the template's title and instructions in column B, its
# headings on row 8 word for word, one question a row from row 9 numbered
# 1, 2, …, every limit kept (question ≤ 120 characters, answers ≤ 75, two to
# four of them, a time limit Kahoot offers, the correct answer's number among
# the answers), each row the quiz's question with its right answer, and
# every question of the quiz either in the sheet or named on stderr as left
# out. Run by run.sh, which sets BIN, OUT, ROOT and PY.
set -euo pipefail
"$PY" -m pip install -q -r "$ROOT/tools/verify-exports/requirements-kahoot.txt"

names=()
make() { # seed, name, extra args: the .xlsx, the same quiz as JSON, and what quiz said
  local seed="$1" name="$2"
  shift 2
  "$BIN" quiz --seed "$seed" --count 20 "$@" --format kahoot -o "$OUT/$name.xlsx" 2>"$OUT/$name.notes"
  "$BIN" quiz --seed "$seed" --count 20 "$@" --format json -o "$OUT/$name.json"
  names+=("$name")
}
for seed in 1 2 3 4 5 6 7 8; do make "$seed" "s$seed"; done
make 3 un --data "$ROOT/examples/founding-of-the-un"
make 9 un9 --data "$ROOT/examples/founding-of-the-un"

"$PY" - "$OUT" "${names[@]}" <<'PY'
import json, os, re, sys
import openpyxl

out, names = sys.argv[1], sys.argv[2:]
HEADINGS = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
TIMES = {5, 10, 20, 30, 60, 90, 120, 240}
failures = []
total_rows = total_left = total_questions = 0

def fail(message):
    failures.append(message)
    print("FAIL:", message)

for name in names:
    quiz = json.load(open(os.path.join(out, name + ".json"), encoding="utf-8"))
    notes = open(os.path.join(out, name + ".notes"), encoding="utf-8").read()
    left = [int(n) for n in re.findall(r"question (\d+) left out: ", notes)]
    sheet = openpyxl.load_workbook(os.path.join(out, name + ".xlsx")).active
    if sheet["B2"].value != "Quiz template" or not str(sheet["B4"].value).startswith("Remember: questions have a limit of 120"):
        fail(f"{name}: the template's title and instructions are not in B2 to B6")
    headings = [sheet.cell(row=8, column=c).value for c in range(2, 9)]
    if headings != HEADINGS:
        fail(f"{name}: row 8 reads {headings}")
    kept = [q for i, q in enumerate(quiz, 1) if i not in left]
    rows = []
    for r in range(9, sheet.max_row + 1):
        values = [sheet.cell(row=r, column=c).value for c in range(1, 9)]
        if all(v is None for v in values):
            continue
        rows.append((r, values))
    if len(rows) + len(left) != len(quiz) or len(set(left)) != len(left):
        fail(f"{name}: {len(rows)} rows and {len(left)} left out for {len(quiz)} questions")
    for (r, values), q in zip(rows, kept):
        number, question, *answers, time, correct = values
        answers = [a for a in answers if a is not None]
        if number != r - 8:
            fail(f"{name} row {r}: numbered {number}")
        if not isinstance(question, str) or not 0 < len(question) <= 120:
            fail(f"{name} row {r}: question of {len(question or '')} characters")
        if len(q["prompt"]) <= 120 and question != q["prompt"]:
            fail(f"{name} row {r}: a question that fits was changed: {question!r}")
        if not 2 <= len(answers) <= 4 or any(not 0 < len(a) <= 75 for a in answers):
            fail(f"{name} row {r}: answers {answers!r}")
        if [sheet.cell(row=r, column=c).value is None for c in range(3, 3 + len(answers))] != [False] * len(answers):
            fail(f"{name} row {r}: a gap among the answers")
        if time not in TIMES:
            fail(f"{name} row {r}: time limit {time!r}")
        if not isinstance(correct, int) or not 1 <= correct <= len(answers):
            fail(f"{name} row {r}: correct answer {correct!r}")
            continue
        # Each answer is the option, or the option less a closing parenthetical.
        for a, o in zip(answers, q["options"]):
            if not (a == o or (o.startswith(a + " (") and o.endswith(")"))):
                fail(f"{name} row {r}: answer {a!r} is not option {o!r}")
        right = q["options"][q["answer"][0]]
        if not right.startswith(answers[correct - 1]):
            fail(f"{name} row {r}: correct answer {answers[correct - 1]!r}, the quiz says {right!r}")
    print(f"{name}: {len(rows)} questions in the sheet, {len(left)} left out and said, of {len(quiz)}")
    total_rows += len(rows)
    total_left += len(left)
    total_questions += len(quiz)

print(f"kahoot: {len(names)} files, {total_rows} rows within every limit, {total_left} left out and said, "
      f"{total_questions} questions; {'FAILED, ' + str(len(failures)) + ' mismatches' if failures else 'all as the template'}")
sys.exit(1 if failures else 0)
PY
