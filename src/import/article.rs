//! An article file (plain text, Markdown or HTML) as one article of a unit:
//! its paragraphs, headings, lists and quotes as blocks, numbered as the
//! reader numbers them, and its title and date where the file has them.
//!
//! [`super::plain_text`], [`super::markdown`] and [`super::html_article`]
//! each read their format into an [`ArticleDoc`]; [`to_article`] makes the
//! dataset's article of it, and [`article_ron`] its file.

use std::path::Path;

use super::ids::kebab;
use super::write::quoted;
use super::{ImportError, Note};
use crate::model::{Article, Block, When};

/// The kinds of article file `import` reads, by their extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`: paragraphs as lines, or as runs of lines between blank lines.
    Text,
    /// `.md` or `.markdown`.
    Markdown,
    /// `.html` or `.htm`.
    Html,
}

impl Kind {
    /// The kind a file's extension names, if it is an article's.
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" => Some(Self::Html),
            _ => None,
        }
    }

    /// The format's name, for the article file's opening comment.
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "plain text",
            Self::Markdown => "Markdown",
            Self::Html => "HTML",
        }
    }
}

/// An article as read from its file, before it becomes a dataset article.
#[derive(Clone, Debug, Default)]
pub struct ArticleDoc {
    /// The title, where the file gives one.
    pub title: Option<String>,
    /// The publication date as written, and where it was found.
    pub date: Option<(String, String)>,
    /// The body's blocks, in order.
    pub blocks: Vec<Block>,
    /// What was not carried over, with its line.
    pub notes: Vec<Note>,
}

impl ArticleDoc {
    /// Adds a block of `text` made by `make`, unless the text is empty once
    /// its white space is collapsed.
    pub fn push(&mut self, text: &str, make: fn(String) -> Block) {
        let text = super::html_text::collapse(text);
        if !text.is_empty() {
            self.blocks.push(make(text));
        }
    }

    /// Adds a list of the `items` that are not empty, if any are.
    pub fn push_list(&mut self, items: &mut Vec<String>) {
        let items: Vec<String> = items
            .drain(..)
            .map(|item| super::html_text::collapse(&item))
            .filter(|item| !item.is_empty())
            .collect();
        if !items.is_empty() {
            self.blocks.push(Block::List { items, note: None });
        }
    }
}

/// A paragraph block.
pub fn paragraph(text: String) -> Block {
    Block::Paragraph { text, note: None }
}

/// A heading block.
pub fn heading(text: String) -> Block {
    Block::Heading { text, note: None }
}

/// A quotation block.
pub fn quote(text: String) -> Block {
    Block::Quote { text, note: None }
}

/// The file's text: UTF-8 (a byte-order mark is passed over), with no NUL,
/// so that a binary file is refused in words rather than imported as noise.
pub fn read_text(source: &Path) -> Result<String, ImportError> {
    let bytes = super::read_bytes(source)?;
    let not_text = |reason: String| ImportError::NotArticle {
        path: source.display().to_string(),
        reason,
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        not_text(format!(
            "is not UTF-8 text (byte {at} is not): a binary file, or text saved in another encoding (save it as UTF-8)"
        ))
    })?;
    if let Some(at) = text.find('\0') {
        return Err(not_text(format!(
            "is not text: it holds a NUL character at byte {at}, as binary files do"
        )));
    }
    Ok(text.trim_start_matches('\u{feff}').to_owned())
}

/// Reads the article file `source` of `kind`.
pub fn read(source: &Path, kind: Kind) -> Result<ArticleDoc, ImportError> {
    let text = read_text(source)?;
    let not_article = |reason: String| ImportError::NotArticle {
        path: source.display().to_string(),
        reason,
    };
    let doc = match kind {
        Kind::Text => super::plain_text::read(&text),
        Kind::Markdown => super::markdown::read(&text),
        Kind::Html => super::html_article::read(&text).map_err(not_article)?,
    };
    if doc.blocks.is_empty() {
        return Err(not_article("has no paragraph of text to import".to_owned()));
    }
    Ok(doc)
}

/// The line (from 1) that byte `offset` of `text` is on.
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text
        .as_bytes()
        .iter()
        .take(end)
        .filter(|b| **b == b'\n')
        .count()
}

/// A link as text: its words, then its address in brackets, unless the
/// words are the address already or it only points inside the page.
pub fn with_address(words: &str, href: &str) -> String {
    let href = href.trim();
    let words = super::html_text::collapse(words);
    if href.is_empty() || href.starts_with('#') || words == href {
        words
    } else if words.is_empty() {
        href.to_owned()
    } else {
        format!("{words} ({href})")
    }
}

/// The date a file states, as the dataset writes it: the year, month and
/// day at the start of an ISO date or date-time ("2024-12-11T09:00:00Z"
/// gives "2024-12-11"). Other forms are not guessed at.
pub fn date_of(written: &str) -> Option<When> {
    let written = written.trim();
    [10, 7, 4].into_iter().find_map(|len| {
        let head = written.get(..len)?;
        let rest = written.get(len..)?;
        let ends = rest.is_empty() || rest.starts_with(['T', ' ', 't']);
        ends.then(|| When::parse(head).ok()).flatten()
    })
}

/// The summary: the first paragraph's first two sentences (the dataset
/// wants a summary, and the article's own opening is the one that states
/// nothing the article does not).
pub fn summary_of(blocks: &[Block]) -> String {
    let first = blocks
        .iter()
        .find(|b| matches!(b, Block::Paragraph { .. }))
        .or_else(|| blocks.first())
        .map(Block::text)
        .unwrap_or_default();
    let mut ends = first
        .match_indices(". ")
        .map(|(at, _)| at + 1)
        .filter(|at| *at > 20);
    match (ends.next(), ends.next()) {
        (Some(_), Some(second)) => first.get(..second).unwrap_or(&first).to_owned(),
        _ => first.replace('\n', " "),
    }
}

/// The dataset's article from `doc`, and the notes on what was not carried
/// over. The title falls back on the file's name, said in a note.
pub fn to_article(doc: ArticleDoc, source: &Path) -> (Article, Vec<Note>) {
    let mut notes = doc.notes;
    let title = doc.title.unwrap_or_else(|| {
        let stem = source
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        notes.insert(0, Note::new("the title", format!(
            "the file gives none (no first-level heading or title where its format has one), so its name “{stem}” is the title"
        )));
        stem
    });
    let published = doc.date.and_then(|(written, place)| {
        let date = date_of(&written);
        if date.is_none() {
            notes.push(Note::new(&place, format!(
                "the date “{written}” is not read: only a date written year-month-day (2024-12-11) is, so the article has no date"
            )));
        }
        date
    });
    let article = Article {
        id: kebab(&title, "article"),
        title,
        publisher: None,
        published,
        derived: None,
        url: None,
        summary: summary_of(&doc.blocks),
        note: None,
        body: doc.blocks,
        licence: None,
    };
    (article, notes)
}

/// The article file's text, each block numbered in a comment as the reader
/// numbers it.
pub fn article_ron(article: &Article, source_name: &str, kind: Kind) -> String {
    let published = article
        .published
        .as_ref()
        .map_or_else(|| "None".to_owned(), |when| quoted(&when.iso()));
    let mut text = format!(
        "// Imported from the {} file {source_name} by `neutrality-reader import`.\n\
         // The summary is the article's own opening sentences: put your own if you like.\n\
         // Citations count the blocks of the body from 1, as numbered below.\n\
         Article(\n    id: {},\n    title: {},\n    publisher: None,\n    published: {published},\n    summary: {},\n    body: [\n",
        kind.name(),
        quoted(&article.id),
        quoted(&article.title),
        quoted(&article.summary),
    );
    for (index, block) in article.body.iter().enumerate() {
        let written = match block {
            Block::Heading { text, .. } => format!("Heading(text: {})", quoted(text)),
            Block::Quote { text, .. } => format!("Quote(text: {})", quoted(text)),
            Block::List { items, .. } => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| format!("            {},\n", quoted(item)))
                    .collect();
                format!("List(items: [\n{}        ])", items.concat())
            }
            other => format!("Paragraph(text: {})", quoted(&other.text())),
        };
        text.push_str(&format!("        // {}\n        {written},\n", index + 1));
    }
    text.push_str("    ],\n)\n");
    text
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Each block's kind and text, to compare (blocks have no `PartialEq`).
    pub fn shape(blocks: &[Block]) -> Vec<(&'static str, String)> {
        blocks.iter().map(|b| (b.kind_name(), b.text())).collect()
    }

    #[test]
    fn dates_are_read_from_iso_forms_only() {
        let iso = |s: &str| date_of(s).map(|w| w.iso());
        assert_eq!(iso("2024-12-11").as_deref(), Some("2024-12-11"));
        assert_eq!(
            iso("2024-12-11T09:00:00+05:00").as_deref(),
            Some("2024-12-11")
        );
        assert_eq!(iso("2024-12").as_deref(), Some("2024-12"));
        assert_eq!(iso(" 1995 ").as_deref(), Some("1995"));
        assert_eq!(iso("11 December 2024"), None);
        assert_eq!(iso("2024-13-01"), None);
        assert_eq!(iso("2024-02-30"), None);
        assert_eq!(iso("20241211"), None);
    }

    #[test]
    fn the_summary_is_the_first_paragraphs_first_two_sentences() {
        let blocks = [
            heading("A heading".to_owned()),
            paragraph("First sentence is here. Second one too. Third not.".to_owned()),
        ];
        assert_eq!(
            summary_of(&blocks),
            "First sentence is here. Second one too."
        );
        assert_eq!(
            summary_of(&[paragraph("Only one.".to_owned())]),
            "Only one."
        );
    }

    #[test]
    fn the_written_article_reads_back_as_it_was() {
        let doc = ArticleDoc {
            title: Some("Neutrality “day”".to_owned()),
            date: Some(("2020-12-12".to_owned(), "line 2".to_owned())),
            blocks: vec![
                heading("Part \"one\"".to_owned()),
                paragraph("Text.".to_owned()),
                Block::List {
                    items: vec!["a".to_owned(), "b\\c".to_owned()],
                    note: None,
                },
                quote("Said.".to_owned()),
            ],
            notes: Vec::new(),
        };
        let (article, notes) = to_article(doc, Path::new("x.md"));
        assert!(notes.is_empty());
        assert_eq!(article.id, "neutrality-day");
        let written = article_ron(&article, "x.md", Kind::Markdown);
        let read: Article = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&written)
            .unwrap();
        assert_eq!(shape(&read.body), shape(&article.body));
        assert_eq!(read.title, article.title);
        assert_eq!(
            read.published.map(|w| w.iso()).as_deref(),
            Some("2020-12-12")
        );
    }

    #[test]
    fn a_missing_title_or_unread_date_is_said() {
        let doc = ArticleDoc {
            title: None,
            date: Some(("12 December".to_owned(), "line 3".to_owned())),
            blocks: vec![paragraph("Text.".to_owned())],
            notes: Vec::new(),
        };
        let (article, notes) = to_article(doc, Path::new("dir/My notes.txt"));
        assert_eq!(article.title, "My notes");
        assert_eq!(article.id, "my-notes");
        assert_eq!(article.published, None);
        assert_eq!(notes.len(), 2);
        assert!(
            notes[1]
                .message
                .starts_with("the date “12 December” is not read")
        );
        assert_eq!(notes[1].place, "line 3");
    }
}
