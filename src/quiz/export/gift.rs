//! Moodle's GIFT text format (Question bank > Import > GIFT format).
//!
//! One `$CATEGORY:` block per topic ("Unit title/Events"), then each
//! question named by its stable id (`::event-year\:un-membership::`), its
//! text in `[plain]` format (so that Moodle shows it as written rather than
//! reading HTML or Markdown into it) and its answers:
//!
//! * a multiple-choice question as `{ =right#Right. ~wrong#No: … ####general }`;
//! * a fill-in-the-blank ([`QuestionKind::Cloze`]) as a short answer
//!   `{ =word#Right. ####general }`: the student types the missing word
//!   (compared ignoring case, Moodle's default);
//! * an ordering question as matching, "position -> item"
//!   (`=1 (earliest) -> Event`): GIFT has no ordering type of its own.
//!   Moodle's ordering plugin reads a `{>` extension, but no other GIFT
//!   reader does, and matching imports everywhere. The position goes on
//!   the left because Moodle splits a pair at its first `->`, so an item
//!   may contain one.
//!
//! An answer's "->" is written "→" (see [`escape_answer`]).
//!
//! None of the question kinds is a statement to judge true or false, so no
//! question is written as GIFT's `{T}`/`{F}`.
//!
//! The general feedback (`####`) is the explanation and the sources; every
//! text has GIFT's special characters `~ = # { } :` and `\` escaped with a
//! backslash and its line breaks written `\n`, as Moodle's own export does.

use std::fmt::Write as _;

use super::feedback;
use crate::dataset::Dataset;
use crate::quiz::{Question, QuestionKind, Quiz};

/// `text` with GIFT's special characters escaped and its line breaks as
/// `\n`, on one line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push('\t'),
            // Another control character has no place in a text file.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A text inside the answers of a multiple-choice or short-answer question,
/// escaped, with "->" written "→": both Moodle and gift-pegjs take an
/// answer block with `=` and `->` for matching, and GIFT has no escape for
/// it. (Matching items keep theirs: there the first `->` is the one read.)
pub fn escape_answer(text: &str) -> String {
    escape(&text.replace("->", "→"))
}

/// The text of a `$CATEGORY:` line. Moodle reads the line after replacing
/// escapes with placeholders it never puts back there, so nothing is
/// escaped; a backslash, which would start one, is written as the
/// look-alike "∖" instead.
fn category_line(path: &str) -> String {
    path.replace('\\', "∖")
}

/// The quiz in GIFT, grouped by topic.
pub fn to_gift(quiz: &Quiz, dataset: &Dataset) -> String {
    let mut out = String::new();
    let title = feedback::unit_title(dataset);
    // A leading block of comments only, which Moodle and gift-pegjs skip.
    let code = quiz
        .code
        .as_ref()
        .map(|code| format!(" (quiz code {code})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "// {} questions on “{}”{code}, from Neutrality Reader.",
        quiz.questions.len(),
        one_line(&title)
    );
    let _ = writeln!(
        out,
        "// Moodle: Question bank > Import > GIFT format; one category per topic.\n"
    );
    for (topic, questions) in feedback::by_topic(quiz) {
        let path = feedback::category_path(dataset, topic);
        let _ = writeln!(out, "$CATEGORY: {}\n", category_line(&path));
        for question in questions {
            out.push_str(&question_gift(question, dataset));
            out.push('\n');
        }
    }
    out
}

/// A comment's text on one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// One question, ending with a line break (the blank line that separates
/// it from the next is the caller's).
fn question_gift(question: &Question, dataset: &Dataset) -> String {
    let mut out = format!(
        "::{}::[plain]{} {{\n",
        escape(&question.id),
        escape(&question.prompt)
    );
    if question.kind.is_ordering() {
        let order = feedback::right_order(question);
        for (index, item) in order.iter().enumerate() {
            let _ = writeln!(
                out,
                "\t={} -> {}",
                escape(&feedback::position_label(index, order.len())),
                escape(item)
            );
        }
    } else if question.kind == QuestionKind::Cloze {
        let _ = writeln!(
            out,
            "\t={}#{}",
            escape_answer(question.answer_text()),
            escape(feedback::RIGHT)
        );
    } else {
        let wrong = escape_answer(&feedback::wrong_feedback(question));
        for (index, option) in question.options.iter().enumerate() {
            let (mark, said) = if question.answer.contains(&index) {
                ('=', escape(feedback::RIGHT))
            } else {
                ('~', wrong.clone())
            };
            let _ = writeln!(out, "\t{mark}{}#{said}", escape_answer(option));
        }
    }
    let _ = writeln!(
        out,
        "\t####{}",
        escape(&feedback::general_feedback(dataset, question))
    );
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// GIFT's escapes read back: `\x` is `x`, `\n` a line break.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(next) => out.push(next),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn every_special_character_is_escaped_and_comes_back() {
        let nasty = "a~b=c#d{e}f:g\\h\\:i\nj -> k // l \\n";
        let escaped = escape(nasty);
        assert!(!escaped.contains('\n'));
        for special in ['~', '=', '#', '{', '}', ':'] {
            for (i, _) in escaped.match_indices(special) {
                assert_eq!(&escaped[i - 1..i], "\\", "{special} at {i} in {escaped}");
            }
        }
        assert_eq!(unescape(&escaped), nasty);
    }

    #[test]
    fn the_bundled_quiz_has_categories_names_and_feedback() {
        let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let quiz = crate::quiz::generate(
            &dataset,
            &crate::quiz::QuizOptions {
                seed: 5,
                count: 30,
                ..Default::default()
            },
        );
        let gift = to_gift(&quiz, &dataset);
        assert!(gift.contains("$CATEGORY: "), "{gift}");
        for question in &quiz.questions {
            let name = format!("::{}::[plain]", escape(&question.id));
            assert_eq!(gift.matches(&name).count(), 1, "{}", question.id);
        }
        assert_eq!(gift.matches("\t####").count(), quiz.questions.len());
        // Blocks are separated by one blank line and none is inside a question.
        let blocks = gift.split("\n\n").filter(|b| b.contains("::")).count();
        assert_eq!(blocks, quiz.questions.len());
    }

    #[test]
    fn category_lines_carry_no_escape() {
        assert_eq!(category_line("A\\B/Events"), "A∖B/Events");
    }
}
