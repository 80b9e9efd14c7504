//! What the LMS and flash-card exports share: the feedback a question gets
//! (its explanation and the paragraphs it rests on), the categories by
//! topic, the labels of an ordering question's positions, and the small
//! text conversions (HTML, XML-safe text, stable identifiers).

use std::borrow::Cow;

use crate::dataset::Dataset;
use crate::quiz::{Question, Quiz, Topic};

/// The unit's title for category names and quiz titles; the program's name
/// for a unit whose manifest gives none.
pub fn unit_title(dataset: &Dataset) -> String {
    dataset
        .manifest
        .title
        .as_deref()
        .map(str::trim)
        .filter(|title| !title.is_empty())
        .unwrap_or("Neutrality Reader")
        .to_owned()
}

/// "Source: Title, ¶3, ¶11; Other, ¶2": the paragraphs a question cites,
/// grouped by article in the order first cited, each article by its title.
pub fn sources_line(dataset: &Dataset, question: &Question) -> String {
    let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
    for source in &question.sources {
        match groups.iter_mut().find(|(id, _)| *id == source.article) {
            Some((_, paragraphs)) => {
                if !paragraphs.contains(&source.paragraph) {
                    paragraphs.push(source.paragraph);
                }
            }
            None => groups.push((source.article.as_str(), vec![source.paragraph])),
        }
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(id, paragraphs)| {
            let title = dataset.article(id).map_or(id, |a| a.title.as_str());
            let marks: Vec<String> = paragraphs.iter().map(|p| format!("¶{p}")).collect();
            format!("{title}, {}", marks.join(", "))
        })
        .collect();
    let label = if question.sources.len() > 1 {
        "Sources"
    } else {
        "Source"
    };
    format!("{label}: {}", parts.join("; "))
}

/// The feedback every student sees after answering: the explanation, a
/// blank line, and the sources.
pub fn general_feedback(dataset: &Dataset, question: &Question) -> String {
    if question.sources.is_empty() {
        return question.explanation.clone();
    }
    format!(
        "{}\n\n{}",
        question.explanation,
        sources_line(dataset, question)
    )
}

/// What a student who chose the right option reads.
pub const RIGHT: &str = "Right.";

/// What a student who chose a wrong option reads: the right one, named
/// (the right order, for an ordering question).
pub fn wrong_feedback(question: &Question) -> String {
    if question.kind.is_ordering() {
        return format!("No: the order is {}.", right_order(question).join(" → "));
    }
    format!("No: the answer is “{}”.", question.answer_text())
}

/// The options of an ordering question in the right order, earliest first.
pub fn right_order(question: &Question) -> Vec<&str> {
    question
        .answer
        .iter()
        .filter_map(|&i| question.options.get(i))
        .map(String::as_str)
        .collect()
}

/// The label of place `index` of `count` in an ordering question exported
/// as matching: "1 (earliest)", "2", …, "4 (latest)". Ordering questions
/// are about events, and their prompt says "earliest first".
pub fn position_label(index: usize, count: usize) -> String {
    let number = index + 1;
    if index == 0 {
        format!("{number} (earliest)")
    } else if number == count {
        format!("{number} (latest)")
    } else {
        number.to_string()
    }
}

/// The quiz's questions grouped by topic, topics in menu order, questions
/// in quiz order within each: one category each in Moodle.
pub fn by_topic(quiz: &Quiz) -> Vec<(Topic, Vec<&Question>)> {
    Topic::ALL
        .into_iter()
        .map(|topic| {
            let questions: Vec<&Question> =
                quiz.questions.iter().filter(|q| q.topic == topic).collect();
            (topic, questions)
        })
        .filter(|(_, questions)| !questions.is_empty())
        .collect()
}

/// A Moodle category path "Unit title/Topic": each name with its slashes
/// doubled, and padded with a space where it starts or ends with one, as
/// Moodle's own `assemble_category_path` writes them (a single slash
/// separates categories). No `$course$/` context: the categories are made
/// under the one the teacher imports into.
pub fn category_path(dataset: &Dataset, topic: Topic) -> String {
    let names = [unit_title(dataset), topic.label().to_owned()];
    let escaped: Vec<String> = names
        .iter()
        .map(|name| {
            let one_line: String = name
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let mut doubled = one_line.trim().replace('/', "//");
            if doubled.starts_with('/') {
                doubled.insert(0, ' ');
            }
            if doubled.ends_with('/') {
                doubled.push(' ');
            }
            doubled
        })
        .collect();
    escaped.join("/")
}

/// The text without the characters XML 1.0 cannot hold even escaped
/// (control characters other than tab, newline and carriage return).
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

/// Plain text as HTML: `& < > "` escaped, line breaks as `<br>`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// Plain text as one HTML paragraph per block of lines.
pub fn html_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| format!("<p>{}</p>", html(block.trim())))
        .collect()
}

/// A stable identifier of 32 hex digits for `text` (two FNV-1a hashes):
/// the same question gets the same QTI identifiers in every export, so
/// that a newer export is recognised as the same item.
pub fn stable_hex(text: &str) -> String {
    let fnv = |offset: u64| {
        text.bytes().fold(offset, |hash, b| {
            (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x84222325_cbf29ce4)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_and_breaks_lines() {
        assert_eq!(
            html("a < b & \"c\"\nd"),
            "a &lt; b &amp; &quot;c&quot;<br>d"
        );
        assert_eq!(
            html_paragraphs("one\n\ntwo\nthree"),
            "<p>one</p><p>two<br>three</p>"
        );
    }

    #[test]
    fn xml_safe_drops_only_what_xml_cannot_hold() {
        assert_eq!(xml_safe("a\u{1}b\tc\nd"), "ab\tc\nd");
        assert!(matches!(xml_safe("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn positions_name_the_ends() {
        let labels: Vec<String> = (0..4).map(|i| position_label(i, 4)).collect();
        assert_eq!(labels, ["1 (earliest)", "2", "3", "4 (latest)"]);
    }

    #[test]
    fn stable_hex_is_stable_and_distinct() {
        assert_eq!(stable_hex("event-year:x"), stable_hex("event-year:x"));
        assert_ne!(stable_hex("event-year:x"), stable_hex("event-year:y"));
        assert_eq!(stable_hex("").len(), 32);
    }

    #[test]
    fn category_paths_double_slashes() {
        let Ok(dataset) = Dataset::embedded() else {
            panic!("the bundled dataset loads");
        };
        let path = category_path(&dataset, Topic::Events);
        assert!(path.ends_with("/Events"), "{path}");
        assert_eq!(path.matches('/').count(), 1, "{path}");
    }
}
