//! A plain-text article. Its first line is the title when a blank line
//! follows it. Blank lines end paragraphs, and so does the end of a line
//! that closes a sentence (. ! ? : ; or a closing quotation mark), as text
//! copied from a web page comes, a paragraph a line; a line that stops
//! elsewhere goes on in the next (text wrapped by hand). Runs of lines that
//! all start with "- ", "* ", "• " or "1. " are a list, and of lines that
//! all start with "> " a quotation.

use super::article::{ArticleDoc, paragraph, quote};

/// Reads the plain `text` as an article.
pub fn read(text: &str) -> ArticleDoc {
    let mut doc = ArticleDoc::default();
    let mut lines: Vec<&str> = text.lines().skip_while(|l| l.trim().is_empty()).collect();
    if lines.len() > 1 && lines.get(1).is_some_and(|l| l.trim().is_empty()) {
        doc.title = lines.first().map(|l| super::html_text::collapse(l));
        lines.remove(0);
    }
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let body = match (first, last) {
        (Some(first), Some(last)) => lines.get(first..=last).unwrap_or_default(),
        _ => &[],
    };
    let groups: Vec<&[&str]> = body
        .split(|l| l.trim().is_empty())
        .filter(|g| !g.is_empty())
        .collect();
    for group in groups {
        for run in runs(group) {
            add_run(&mut doc, &run);
        }
    }
    doc
}

/// The lines of one paragraph, list or quotation together: a line of text
/// goes on in the next unless it closes a sentence; items and quoted lines
/// gather with their kind.
fn runs<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut groups: Vec<Vec<&'a str>> = Vec::new();
    let mut open = false;
    for line in lines {
        let kind = kind_of(line);
        match groups.last_mut() {
            Some(group)
                if group.first().map(|l| kind_of(l)) == Some(kind)
                    && (kind != Kind::Line || open) =>
            {
                group.push(line);
            }
            _ => groups.push(vec![line]),
        }
        open = kind == Kind::Line && !closes_sentence(line);
    }
    groups
}

/// Whether the line ends as a sentence or a heading-like line with a colon does.
fn closes_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '”', '"', '»', '’', '…', ')'])
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Item,
    Quote,
}

fn kind_of(line: &str) -> Kind {
    if item_text(line).is_some() {
        Kind::Item
    } else if line.trim_start().starts_with('>') {
        Kind::Quote
    } else {
        Kind::Line
    }
}

/// The text of a list item's line, without its bullet or number.
fn item_text(line: &str) -> Option<&str> {
    let line = line.trim_start();
    for bullet in ["- ", "* ", "• ", "– "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(rest);
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = line.get(digits..)?;
    if digits == 0 || digits > 3 {
        return None;
    }
    rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "))
}

fn add_run(doc: &mut ArticleDoc, run: &[&str]) {
    match run.first().map(|l| kind_of(l)) {
        Some(Kind::Item) => {
            let mut items: Vec<String> = run
                .iter()
                .filter_map(|l| item_text(l))
                .map(str::to_owned)
                .collect();
            doc.push_list(&mut items);
        }
        Some(Kind::Quote) => {
            let lines: Vec<&str> = run
                .iter()
                .map(|l| l.trim_start().trim_start_matches('>'))
                .collect();
            doc.push(&lines.join(" "), quote);
        }
        _ => doc.push(&run.join(" "), paragraph),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::article::tests::shape;

    #[test]
    fn a_title_line_then_one_paragraph_a_line() {
        let doc = read(
            "\nThe title\n\n\nFirst paragraph.\nSecond one.\n- a\n- b\n> Said\n> here.\nLast.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("The title"));
        assert_eq!(
            shape(&doc.blocks),
            [
                ("paragraph", "First paragraph.".to_owned()),
                ("paragraph", "Second one.".to_owned()),
                ("list", "a\nb".to_owned()),
                ("quote", "Said here.".to_owned()),
                ("paragraph", "Last.".to_owned()),
            ]
        );
    }

    #[test]
    fn blank_lines_separate_paragraphs_of_wrapped_lines() {
        let doc = read("No title here\nbut a wrapped line.\n\n1. one\n2) two\n\nEnd\nof it.\n");
        assert_eq!(doc.title, None);
        assert_eq!(
            shape(&doc.blocks),
            [
                ("paragraph", "No title here but a wrapped line.".to_owned()),
                ("list", "one\ntwo".to_owned()),
                ("paragraph", "End of it.".to_owned()),
            ]
        );
    }

    #[test]
    fn numbers_are_not_items_without_their_mark() {
        assert_eq!(item_text("1995 was the year."), None);
        assert_eq!(item_text("12. December"), Some("December"));
        assert_eq!(item_text("2025. Year"), None);
    }
}
