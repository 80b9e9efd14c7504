//! The HTML of a TimelineJS headline or text as plain paragraphs: links kept
//! as "text (address)", block elements and line breaks as paragraph breaks,
//! and what text cannot hold (an image, an embedded player) named so that the
//! import can report it.
//!
//! The HTML is parsed by html5ever (through `scraper`), the parser of the
//! Servo browser engine, rather than by hand: TimelineJS texts are typed into
//! a spreadsheet, so they hold unclosed tags, entities and stray `<` that a
//! browser's rules of recovery read the way TimelineJS itself shows them.

use scraper::{Html, Node};

/// A text converted: its paragraphs, and what could not be carried over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlainText {
    /// The paragraphs, each with its white space collapsed; none empty.
    pub paragraphs: Vec<String>,
    /// What was left out, one phrase each: "an image (photo.jpg)".
    pub dropped: Vec<String>,
}

impl PlainText {
    /// The paragraphs as one line, joined by spaces.
    pub fn joined(&self) -> String {
        self.paragraphs.join(" ")
    }
}

/// Elements that start and end a paragraph of their own.
const BLOCKS: [&str; 17] = [
    "p",
    "div",
    "blockquote",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "section",
    "article",
    "pre",
];

/// Elements whose content is not text to read.
const EMBEDS: [(&str, &str); 8] = [
    ("img", "an image"),
    ("iframe", "an embedded page"),
    ("video", "a video"),
    ("audio", "a sound"),
    ("object", "an embedded object"),
    ("embed", "an embedded object"),
    ("script", "a script"),
    ("style", "a style sheet"),
];

/// Converts `html` (a fragment, or plain text) to paragraphs of plain text.
pub fn to_plain(html: &str) -> PlainText {
    let fragment = Html::parse_fragment(html);
    let mut walker = Walker::default();
    walker.walk(*fragment.root_element());
    walker.end_paragraph();
    PlainText {
        paragraphs: walker.paragraphs,
        dropped: walker.dropped,
    }
}

#[derive(Default)]
struct Walker {
    paragraphs: Vec<String>,
    current: String,
    dropped: Vec<String>,
}

impl Walker {
    fn end_paragraph(&mut self) {
        let collapsed = collapse(&self.current);
        if !collapsed.is_empty() {
            self.paragraphs.push(collapsed);
        }
        self.current.clear();
    }

    fn walk(&mut self, node: ego_tree::NodeRef<'_, Node>) {
        for child in node.children() {
            match child.value() {
                Node::Text(text) => self.current.push_str(text),
                Node::Element(element) => {
                    let name = element.name();
                    if let Some((_, what)) = EMBEDS.iter().find(|(tag, _)| *tag == name) {
                        let source = element.attr("src").map(collapse).unwrap_or_default();
                        self.dropped.push(if source.is_empty() {
                            (*what).to_owned()
                        } else {
                            format!("{what} ({source})")
                        });
                    } else if name == "br" {
                        self.end_paragraph();
                    } else if name == "a" {
                        self.link(child, element.attr("href"));
                    } else if BLOCKS.contains(&name) {
                        self.end_paragraph();
                        self.walk(child);
                        self.end_paragraph();
                    } else {
                        self.walk(child);
                    }
                }
                _ => {}
            }
        }
    }

    /// A link's text, then its address in brackets, unless the text is the
    /// address already or the address only points inside the page.
    fn link(&mut self, node: ego_tree::NodeRef<'_, Node>, href: Option<&str>) {
        let start = self.current.len();
        self.walk(node);
        let Some(href) = href
            .map(str::trim)
            .filter(|h| !h.is_empty() && !h.starts_with('#'))
        else {
            return;
        };
        let text = self.current.get(start..).map(collapse).unwrap_or_default();
        if text == href {
            return;
        }
        if text.is_empty() {
            self.current.push_str(href);
        } else {
            self.current.push_str(&format!(" ({href})"));
        }
    }
}

/// Runs of white space as one space, none at the ends.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> Vec<String> {
        to_plain(html).paragraphs
    }

    #[test]
    fn links_keep_their_address_after_their_text() {
        assert_eq!(
            paragraphs(
                r#"Take <a href="https://en.wikipedia.org/wiki/Ada_Lovelace">Ada Lovelace</a>: a poet's daughter."#
            ),
            ["Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace): a poet's daughter."]
        );
        // The address once when it is the text, and alone when there is no text.
        assert_eq!(
            paragraphs(
                r#"<a href="https://x.org">https://x.org</a> and <a href="https://y.org"></a>"#
            ),
            ["https://x.org and https://y.org"]
        );
        // A link inside the page, or without an address, is its text.
        assert_eq!(
            paragraphs(r##"<a href="#top">top</a> <a>plain</a>"##),
            ["top plain"]
        );
    }

    #[test]
    fn blocks_and_breaks_make_paragraphs_and_spaces_collapse() {
        assert_eq!(
            paragraphs(
                "<p>One\n  two</p><p>Three<br>four</p> tail <blockquote>Quoted <cite>Someone</cite></blockquote>"
            ),
            ["One two", "Three", "four", "tail", "Quoted Someone"]
        );
        assert!(paragraphs("  <p> </p>\n").is_empty());
    }

    #[test]
    fn entities_are_decoded_and_broken_html_is_read_as_a_browser_would() {
        assert_eq!(
            paragraphs("Tom &amp; Jerry&#8217;s <b>bold <i>unclosed"),
            ["Tom & Jerry’s bold unclosed"]
        );
        assert_eq!(paragraphs("3 < 4 and 5 > 2"), ["3 < 4 and 5 > 2"]);
        assert_eq!(paragraphs("plain text"), ["plain text"]);
    }

    #[test]
    fn images_and_players_are_named_as_dropped() {
        let plain = to_plain(
            r#"<p>Before <img src="a.jpg" alt="x"> after</p><iframe src="https://v.example/1"></iframe><script>alert(1)</script>"#,
        );
        assert_eq!(plain.paragraphs, ["Before after"]);
        assert_eq!(
            plain.dropped,
            [
                "an image (a.jpg)",
                "an embedded page (https://v.example/1)",
                "a script"
            ]
        );
    }
}
