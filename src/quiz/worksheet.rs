//! A quiz on paper and for other programs: a printable Markdown worksheet with
//! the answer key and sources at the end, and JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Question, Quiz};
use crate::dataset::Dataset;

/// The option letters, A for the first option.
pub const LETTERS: [char; 8] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/// The letter of option `index`: A, B, C…
pub fn letter(index: usize) -> char {
    LETTERS.get(index).copied().unwrap_or('?')
}

/// The quiz as a list of questions, each with `kind`, `prompt`, `options`,
/// `answer` (indices into `options`; for an ordering question, the right
/// order), `explanation` and `sources` (`{article, paragraph}`).
pub fn to_json(quiz: &Quiz) -> Value {
    Value::Array(quiz.questions.iter().map(question_json).collect())
}

fn question_json(question: &Question) -> Value {
    json!({
        "id": question.id,
        "kind": question.kind.key(),
        "topic": question.topic.key(),
        "prompt": question.prompt,
        "options": question.options,
        "answer": question.answer,
        "explanation": question.explanation,
        "sources": question
            .sources
            .iter()
            .map(|s| json!({ "article": s.article, "paragraph": s.paragraph }))
            .collect::<Vec<_>>(),
    })
}

/// A worksheet to print: a heading with the quiz code, the questions with
/// lettered options and room for the answer, then on a new page the answer
/// key with each explanation and source, and the articles cited.
pub fn to_markdown(quiz: &Quiz, dataset: &Dataset) -> String {
    let mut out = String::new();
    let title = match &quiz.code {
        Some(code) => format!("# Quiz {code}"),
        None => "# Quiz".to_owned(),
    };
    let topics: Vec<&str> = quiz
        .options
        .chosen_topics()
        .into_iter()
        .map(|t| t.label())
        .collect();
    let _ = writeln!(out, "{title}\n");
    let _ = writeln!(
        out,
        "Turkmenistan’s foreign policy and permanent neutrality — {} questions on {} ({} difficulty).",
        quiz.questions.len(),
        topics.join(", "),
        quiz.options.difficulty.label().to_lowercase()
    );
    if let Some(code) = &quiz.code {
        let _ = writeln!(
            out,
            "Type the code {code} in Neutrality Reader’s Quiz view to take the same quiz on screen."
        );
    }
    let _ = writeln!(out, "\nName: ______________________   Date: ____________\n");
    for (number, question) in quiz.questions.iter().enumerate() {
        let _ = writeln!(out, "**{}.** {}\n", number + 1, question.prompt);
        for (index, option) in question.options.iter().enumerate() {
            let _ = writeln!(out, "- **{}.** {}", letter(index), option);
        }
        if question.kind.is_ordering() {
            let _ = writeln!(out, "\nOrder, earliest first: ___ ___ ___ ___\n");
        } else {
            let _ = writeln!(out, "\nAnswer: ____\n");
        }
    }
    // Printed on its own page, so that the key can be kept back.
    let _ = writeln!(
        out,
        "<div style=\"page-break-before: always\"></div>\n\n## Answer key\n"
    );
    for (number, question) in quiz.questions.iter().enumerate() {
        let letters: Vec<String> = question
            .answer
            .iter()
            .map(|&i| letter(i).to_string())
            .collect();
        let answer = if question.kind.is_ordering() {
            letters.join(", ")
        } else {
            format!("{} ({})", letters.join(""), question.answer_text())
        };
        let _ = writeln!(
            out,
            "**{}.** {answer}. {}",
            number + 1,
            question.explanation
        );
        let places: Vec<String> = question
            .sources
            .iter()
            .map(|source| {
                let title = dataset
                    .article(&source.article)
                    .map_or(source.article.as_str(), |a| a.title.as_str());
                format!("*{title}*, paragraph {}", source.paragraph)
            })
            .collect();
        let _ = writeln!(out, "Source: {}.\n", places.join("; "));
    }
    let mut cited: Vec<&str> = quiz
        .questions
        .iter()
        .flat_map(|q| q.sources.iter().map(|s| s.article.as_str()))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let _ = writeln!(out, "## Sources\n");
    for article in dataset
        .articles
        .iter()
        .filter(|a| cited.contains(&a.id.as_str()))
    {
        let _ = writeln!(out, "- *{}*. {}.", article.title, article.source_line());
    }
    out
}
