//! A Markdown article, read by pulldown-cmark (CommonMark): the first `# `
//! heading before any text is the title (or YAML front matter's `title:`),
//! front matter's `date:` the date; paragraphs, headings, lists and block
//! quotes become blocks. A list inside a list is flattened into it; an
//! image or a block of raw HTML is reported with its line, not carried over.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::Note;
use super::article::{ArticleDoc, heading, line_at, paragraph, quote, with_address};

/// Reads the Markdown `text` as an article.
pub fn read(text: &str) -> ArticleDoc {
    let mut reader = Reading::default();
    let parser = Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    for (event, range) in parser.into_offset_iter() {
        reader.event(event, line_at(text, range.start));
    }
    reader.doc
}

#[derive(Default)]
struct Reading {
    doc: ArticleDoc,
    /// The text of the block being read.
    buf: String,
    /// Inside front matter, a heading, an image; lists and quotes as depths.
    metadata: bool,
    heading: Option<HeadingLevel>,
    image: usize,
    lists: usize,
    quotes: usize,
    items: Vec<String>,
    /// Links open: their address and where their words start in `buf`.
    links: Vec<(String, usize)>,
    flattened: bool,
    /// The HTML block being passed over has been reported.
    html_said: bool,
}

impl Reading {
    fn event(&mut self, event: Event<'_>, line_number: usize) {
        let line = &format!("line {line_number}");
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.metadata => self.front_matter(&text, line_number),
            Event::Text(text) | Event::Code(text) if self.image == 0 => self.buf.push_str(&text),
            Event::SoftBreak | Event::HardBreak => self.buf.push(' '),
            // A block of HTML comes a line an event: said once, at its first.
            Event::Html(html) if !self.html_said => {
                self.html_said = true;
                self.doc.notes.push(Note::new(
                    line,
                    format!(
                        "HTML (“{}”) is not read in Markdown; it is left out",
                        super::html_text::collapse(&html)
                            .chars()
                            .take(40)
                            .collect::<String>()
                    ),
                ));
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: &str) {
        match tag {
            Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => self.metadata = true,
            Tag::Heading { level, .. } => {
                self.buf.clear();
                self.heading = Some(level);
            }
            Tag::Paragraph | Tag::CodeBlock(_) if self.lists > 0 => self.buf.push(' '),
            Tag::Paragraph | Tag::CodeBlock(_) => self.buf.clear(),
            Tag::List(_) => {
                self.lists += 1;
                if self.lists > 1 {
                    // The item's own words come before its inner list.
                    self.items.push(std::mem::take(&mut self.buf));
                    if !self.flattened {
                        self.flattened = true;
                        self.doc.notes.push(Note::new(
                            line,
                            "a list inside a list is carried over as items of the outer list",
                        ));
                    }
                }
            }
            Tag::Item => self.buf.clear(),
            Tag::Link { dest_url, .. } => self.links.push((dest_url.to_string(), self.buf.len())),
            Tag::Image { dest_url, .. } => {
                self.image += 1;
                self.doc.notes.push(Note::new(
                    line,
                    format!("an image ({dest_url}) is not carried over"),
                ));
            }
            Tag::BlockQuote(_) => self.quotes += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::MetadataBlock(_) => self.metadata = false,
            TagEnd::HtmlBlock => self.html_said = false,
            TagEnd::Heading(level) => {
                self.heading = None;
                let text = std::mem::take(&mut self.buf);
                let first = level == HeadingLevel::H1 && self.doc.blocks.is_empty();
                match &self.doc.title {
                    None if first => {
                        self.doc.title = Some(super::html_text::collapse(&text));
                    }
                    // Front matter's title repeated as the first heading.
                    Some(title) if first && *title == super::html_text::collapse(&text) => {}
                    _ => self.doc.push(&text, heading),
                }
            }
            TagEnd::Paragraph | TagEnd::CodeBlock if self.lists > 0 => {}
            TagEnd::Paragraph | TagEnd::CodeBlock => {
                let make = if self.quotes > 0 { quote } else { paragraph };
                let text = std::mem::take(&mut self.buf);
                self.doc.push(&text, make);
            }
            TagEnd::Item => self.items.push(std::mem::take(&mut self.buf)),
            TagEnd::List(_) => {
                self.lists = self.lists.saturating_sub(1);
                if self.lists == 0 {
                    self.doc.push_list(&mut self.items);
                }
            }
            TagEnd::Link => {
                if let Some((href, start)) = self.links.pop() {
                    let words = self.buf.split_off(start.min(self.buf.len()));
                    self.buf.push_str(&with_address(&words, &href));
                }
            }
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            TagEnd::BlockQuote(_) => self.quotes = self.quotes.saturating_sub(1),
            _ => {}
        }
    }

    /// `title:` and `date:` of YAML front matter (one line each, quoted or not).
    fn front_matter(&mut self, text: &str, first_line: usize) {
        for (index, entry) in text.lines().enumerate() {
            let Some((key, value)) = entry.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']).trim().to_owned();
            if value.is_empty() {
                continue;
            }
            match key.trim() {
                "title" => self.doc.title = Some(value),
                "date" => {
                    self.doc.date = Some((
                        value,
                        format!("the front matter (line {})", first_line + index),
                    ))
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::article::tests::shape;

    #[test]
    fn blocks_come_in_order_numbered_from_one() {
        let doc = read(
            "# The title\n\nFirst *para*\nwrapped.\n\n## A heading\n\n- one\n- two [link](https://x.org)\n  - inner\n- three\n\n> Quoted\n> text.\n\n1. first\n2. second\n\nLast `code`.\n",
        );
        assert_eq!(doc.title.as_deref(), Some("The title"));
        assert_eq!(
            shape(&doc.blocks),
            [
                ("paragraph", "First para wrapped.".to_owned()),
                ("heading", "A heading".to_owned()),
                (
                    "list",
                    "one\ntwo link (https://x.org)\ninner\nthree".to_owned()
                ),
                ("quote", "Quoted text.".to_owned()),
                ("list", "first\nsecond".to_owned()),
                ("paragraph", "Last code.".to_owned()),
            ]
        );
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].place, "line 10");
    }

    #[test]
    fn front_matter_gives_title_and_date_and_images_are_reported() {
        let doc = read(
            "---\ntitle: \"Neutrality day\"\ndate: 2020-12-12\n---\n# Neutrality day\n\nText.\n\n![A photo](photo.jpg)\n\n# Second\n",
        );
        assert_eq!(doc.title.as_deref(), Some("Neutrality day"));
        assert_eq!(
            doc.date,
            Some((
                "2020-12-12".to_owned(),
                "the front matter (line 3)".to_owned()
            ))
        );
        assert_eq!(
            shape(&doc.blocks),
            [
                ("paragraph", "Text.".to_owned()),
                ("heading", "Second".to_owned())
            ]
        );
        assert_eq!(doc.notes[0].place, "line 9");
        assert_eq!(
            doc.notes[0].message,
            "an image (photo.jpg) is not carried over"
        );
    }

    #[test]
    fn a_block_of_html_is_reported_once_at_its_first_line() {
        let doc = read("Text.\n\n<div class=\"box\">\n<p>Inside</p>\n</div>\n\nMore.\n");
        let notes: Vec<(&str, &str)> = doc
            .notes
            .iter()
            .map(|n| (n.place.as_str(), n.message.as_str()))
            .collect();
        assert_eq!(
            notes,
            [(
                "line 3",
                "HTML (“<div class=\"box\">”) is not read in Markdown; it is left out"
            )]
        );
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn a_heading_after_text_is_a_heading_and_no_title_is_none() {
        let doc = read("Opening.\n\n# Later\n");
        assert_eq!(doc.title, None);
        assert_eq!(doc.blocks.len(), 2);
    }
}
