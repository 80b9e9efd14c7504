// Reads a GIFT export with gift-pegjs (an independent GIFT parser) and
// compares it with the JSON export of the same quiz: the same questions
// (by name, which is the question id), the right answer flagged, the
// general feedback holding the explanation and the sources, and one
// category per topic. Prints what it checked; exits 1 on any mismatch.
//
//   node read-gift.js quiz.gift.txt quiz.json
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const [giftPath, jsonPath] = process.argv.slice(2);
const text = fs.readFileSync(giftPath, "utf8");
const expected = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
const problems = [];
const fail = (message) => problems.push(message);
// gift-pegjs makes one space of every run of white space in plain text.
const squash = (s) => String(s).replace(/\s+/g, " ").trim();
// gift-pegjs 1.0.2 leaves its escape placeholders in a matching pair's
// right side (Moodle replaces them); read them as it does elsewhere.
const placeholders = { "&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=",
  "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&010": "\n" };
const decode = (s) => String(s).replace(/&&(092|058|035|061|123|125|126);|&&010/g, (m) => placeholders[m]);
// An answer's "->" is written "→" in GIFT (see src/quiz/export/gift.rs).
const inAnswers = (s) => squash(String(s).replace(/->/g, "→"));

let parsed;
try {
  parsed = parse(text);
} catch (error) {
  const where = error.location ? ` at line ${error.location.start.line}` : "";
  console.error(`${giftPath}: gift-pegjs: ${error.message}${where}`);
  process.exit(1);
}
const categories = parsed.filter((q) => q.type === "Category");
const questions = parsed.filter((q) => q.type !== "Category");
const byId = new Map(questions.map((q) => [q.title, q]));
const counts = { MC: 0, Short: 0, Matching: 0 };

if (questions.length !== expected.length) {
  fail(`${questions.length} questions parsed, ${expected.length} in the JSON`);
}
const topics = new Set(expected.map((q) => q.topic));
if (categories.length !== topics.size) {
  fail(`${categories.length} categories, ${topics.size} topics`);
}
for (const want of expected) {
  const got = byId.get(want.id);
  if (!got) {
    fail(`${want.id}: missing`);
    continue;
  }
  const right = want.answer.map((i) => want.options[i]);
  const stem = squash(got.stem.text);
  if (!stem.startsWith(squash(want.prompt))) fail(`${want.id}: stem ${stem}`);
  if (want.kind === "order") {
    if (got.type !== "Matching") fail(`${want.id}: type ${got.type}, not Matching`);
    const order = (got.matchPairs || []).map((p) => squash(decode(p.subanswer)));
    if (JSON.stringify(order) !== JSON.stringify(right.map(squash))) {
      fail(`${want.id}: order ${JSON.stringify(order)}`);
    }
  } else if (want.kind === "cloze") {
    if (got.type !== "Short") fail(`${want.id}: type ${got.type}, not Short`);
    const answers = (got.choices || []).map((c) => squash(c.text.text));
    if (JSON.stringify(answers) !== JSON.stringify([inAnswers(right[0])])) {
      fail(`${want.id}: short answers ${JSON.stringify(answers)}`);
    }
  } else {
    if (got.type !== "MC") fail(`${want.id}: type ${got.type}, not MC`);
    const choices = got.choices || [];
    const texts = choices.map((c) => squash(c.text.text));
    if (JSON.stringify(texts) !== JSON.stringify(want.options.map(inAnswers))) {
      fail(`${want.id}: options ${JSON.stringify(texts)}`);
    }
    const flagged = choices.filter((c) => c.isCorrect).map((c) => squash(c.text.text));
    if (JSON.stringify(flagged) !== JSON.stringify(right.map(inAnswers))) {
      fail(`${want.id}: right answer ${JSON.stringify(flagged)}`);
    }
    if (choices.some((c) => !c.feedback || !c.feedback.text)) {
      fail(`${want.id}: an answer without feedback`);
    }
  }
  counts[got.type] = (counts[got.type] || 0) + 1;
  const general = got.globalFeedback ? squash(got.globalFeedback.text) : "";
  if (!general.startsWith(squash(want.explanation))) {
    fail(`${want.id}: general feedback is not the explanation: ${general.slice(0, 80)}`);
  }
  if (want.sources.length > 0 && !/Sources?: .*¶\d+/.test(general)) {
    fail(`${want.id}: general feedback names no source`);
  }
}

const summary =
  `${questions.length} questions (${counts.MC} multiple choice, ${counts.Short} short answer, ` +
  `${counts.Matching} matching) in ${categories.length} categories`;
if (problems.length > 0) {
  for (const p of problems.slice(0, 20)) console.error(`${giftPath}: ${p}`);
  console.error(`${giftPath}: ${problems.length} mismatches; ${summary}`);
  process.exit(1);
}
console.log(`${giftPath}: gift-pegjs read ${summary}; answers and feedback match the JSON`);
