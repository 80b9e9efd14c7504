//! A quiz on paper and for other programs: a printable Markdown worksheet with
//! the answer key and sources at the end, and JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Question, Quiz};
use crate::dataset::Dataset;

/// What starts the answer key's page: a LaTeX page break, which pandoc
/// keeps when it makes a PDF through LaTeX, and an HTML one, which it keeps
/// when it makes HTML (and a PDF from that).
pub const PAGE_BREAK: &str = "\\newpage\n\n<div style=\"page-break-before: always\"></div>\n";

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
/// key, one line a question with its source, and the articles cited. (The
/// explanations are in the JSON and on screen.)
/// The topics the quiz's questions are on, of those chosen: a teacher's
/// unit with no UN resolution does not list "UN resolutions". The chosen
/// topics when it has no question.
fn asked_topics(quiz: &Quiz) -> Vec<super::options::Topic> {
    let chosen = quiz.options.chosen_topics();
    let asked: Vec<_> = chosen
        .iter()
        .copied()
        .filter(|topic| quiz.questions.iter().any(|q| q.topic == *topic))
        .collect();
    if asked.is_empty() { chosen } else { asked }
}

pub fn to_markdown(quiz: &Quiz, dataset: &Dataset) -> String {
    let mut out = String::new();
    let mut title = match &quiz.code {
        Some(code) => format!("# Quiz {code}"),
        None => "# Quiz".to_owned(),
    };
    // Which unit, when its manifest names it: a class may have several.
    if let Some(unit) = dataset.manifest.title.as_deref().map(str::trim) {
        title.push_str(&format!(": {unit}"));
    }
    let topics: Vec<&str> = asked_topics(quiz).into_iter().map(|t| t.label()).collect();
    let _ = writeln!(out, "{title}\n");
    let _ = writeln!(
        out,
        "{} questions on {} ({} difficulty).",
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
    // Printed on its own page, so that the key can be kept back. Pandoc keeps
    // the raw LaTeX for a PDF made through LaTeX and the raw HTML for one made
    // through HTML (each drops the other); other viewers show them as text at
    // worst, or not at all.
    let _ = writeln!(out, "{PAGE_BREAK}\n## Answer key\n");
    // One line a question: the letter, a short answer, and where it stands.
    for (number, question) in quiz.questions.iter().enumerate() {
        let letters: Vec<String> = question
            .answer
            .iter()
            .map(|&i| letter(i).to_string())
            .collect();
        // A long answer (a definition) is named by its letter alone.
        let answer = if question.kind.is_ordering() {
            letters.join(", ")
        } else if question.answer_text().chars().count() > 60 {
            letters.join("")
        } else {
            format!("{} ({})", letters.join(""), question.answer_text())
        };
        // The paragraph the explanation quotes: the others are on screen.
        let source = Question {
            sources: question.sources.iter().take(1).cloned().collect(),
            ..question.clone()
        };
        let _ = writeln!(
            out,
            "- **{}.** {answer} — {}",
            number + 1,
            places(dataset, &source)
        );
    }
    out.push('\n');
    let _ = writeln!(out, "## Sources\n");
    for article in cited_articles(quiz, dataset) {
        let _ = write!(out, "- *{}*. {}.", article.title, article.source_line());
        if let Some(url) = &article.url {
            let _ = write!(out, " <{url}>");
        }
        if let Some(licence) = &article.licence {
            let _ = write!(out, " {licence}");
        }
        let _ = writeln!(out);
    }
    out
}

/// The articles the quiz's questions cite, in the dataset's order: the
/// worksheet's list of sources (with each one's url and licence).
pub fn cited_articles<'d>(quiz: &Quiz, dataset: &'d Dataset) -> Vec<&'d crate::model::Article> {
    let mut cited: Vec<&str> = quiz
        .questions
        .iter()
        .flat_map(|q| q.sources.iter().map(|s| s.article.as_str()))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    dataset
        .articles
        .iter()
        .filter(|a| cited.contains(&a.id.as_str()))
        .collect()
}

/// "*Title*, paragraphs 12 and 4; *Other*, paragraph 3": the sources grouped
/// by article, in the order they are cited.
fn places(dataset: &Dataset, question: &Question) -> String {
    let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
    for source in &question.sources {
        match groups
            .iter_mut()
            .find(|(article, _)| *article == source.article)
        {
            Some((_, paragraphs)) => paragraphs.push(source.paragraph),
            None => groups.push((source.article.as_str(), vec![source.paragraph])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(article, paragraphs)| {
            let title = dataset
                .article(article)
                .map_or(article, |a| a.title.as_str());
            let numbers: Vec<String> = paragraphs.iter().map(u32::to_string).collect();
            match numbers.as_slice() {
                [one] => format!("*{title}*, paragraph {one}"),
                [rest @ .., last] => {
                    format!("*{title}*, paragraphs {} and {last}", rest.join(", "))
                }
                [] => format!("*{title}*"),
            }
        })
        .collect();
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{QuizOptions, generate};

    #[test]
    fn the_header_names_only_the_topics_asked() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/founding-of-the-un");
        let Ok(dataset) = Dataset::load_dir(&dir) else {
            panic!("the example unit loads");
        };
        for seed in 0..20 {
            let quiz = generate(&dataset, &QuizOptions::from_entropy(seed));
            let header = to_markdown(&quiz, &dataset);
            let line = header.lines().nth(2).unwrap_or_default();
            for topic in quiz.options.chosen_topics() {
                let asked = quiz.questions.iter().any(|q| q.topic == topic);
                assert_eq!(line.contains(topic.label()), asked, "{topic:?} in {line:?}");
            }
        }
    }
}
