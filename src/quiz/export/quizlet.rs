//! Quizlet's import box (Create > Import, "Between term and definition:
//! Tab", "Between rows: New line"): one card a line, the question as the
//! term and its right answer's text as the definition.
//!
//! A prompt that does not name its options ("Which of these happened
//! first?", "Put these events in order") gets them after it, separated by
//! " / ", so that the card can be answered; an ordering question's
//! definition is the right order joined with " → ". Tabs and line breaks
//! inside a text, which would start another field or card, become spaces.

use crate::quiz::{Question, QuestionKind, Quiz};

/// `text` on one line without tabs, its runs of spaces made one.
pub fn one_field(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The card's term: the prompt, with the options where the prompt needs them.
pub fn term(question: &Question) -> String {
    let names_its_options =
        !(question.kind.is_ordering() || question.kind == QuestionKind::WhichFirst);
    if names_its_options {
        return one_field(&question.prompt);
    }
    let options: Vec<String> = question.options.iter().map(|o| one_field(o)).collect();
    let prompt = one_field(&question.prompt);
    format!("{prompt} {}", options.join(" / "))
}

/// The card's definition: the right answer, or the right order.
pub fn definition(question: &Question) -> String {
    if question.kind.is_ordering() {
        let order: Vec<String> = question
            .answer
            .iter()
            .filter_map(|&i| question.options.get(i))
            .map(|o| one_field(o))
            .collect();
        return order.join(" → ");
    }
    one_field(question.answer_text())
}

/// The quiz as Quizlet's import text: `term<TAB>definition`, a line a card.
pub fn to_quizlet(quiz: &Quiz) -> String {
    quiz.questions
        .iter()
        .map(|question| format!("{}\t{}", term(question), definition(question)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    #[test]
    fn tabs_and_line_breaks_become_spaces() {
        assert_eq!(one_field(" a\tb\n\nc  d\r\n"), "a b c d");
    }

    #[test]
    fn every_question_is_one_line_of_two_fields() {
        let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        for seed in 0..20 {
            let quiz = crate::quiz::generate(
                &dataset,
                &crate::quiz::QuizOptions {
                    seed,
                    count: 30,
                    ..Default::default()
                },
            );
            let text = to_quizlet(&quiz);
            let lines: Vec<&str> = text.lines().collect();
            assert_eq!(lines.len(), quiz.questions.len());
            for (line, question) in lines.iter().zip(&quiz.questions) {
                let fields: Vec<&str> = line.split('\t').collect();
                assert_eq!(fields.len(), 2, "{line}");
                assert!(!fields[0].is_empty() && !fields[1].is_empty(), "{line}");
                if question.kind == QuestionKind::WhichFirst {
                    assert!(fields[0].contains(fields[1]), "{line}");
                }
            }
        }
    }
}
