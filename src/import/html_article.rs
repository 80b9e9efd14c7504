//! An HTML article, parsed by html5ever (through `scraper`) as a browser
//! would. The text read is the first `<article>`, else `<main>`, else the
//! body. The title is its first `<h1>` (taken out of the body), else the
//! page's `<title>`; the date is `<meta name="date">` or
//! `article:published_time`, else the first `<time datetime>`. Headings,
//! paragraphs, lists and block quotes become blocks; an image, a video or
//! an embedded page is reported with its line.
//!
//! The tree is walked by its open and close edges, not by recursion. A page
//! nested deeper than [`MAX_DEPTH`] is refused before it is parsed: the
//! browser's rules look up the open elements at each tag, so such a page
//! would take minutes, and no article is nested a tenth as deep.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node, Selector};

use super::Note;
use super::article::{ArticleDoc, heading, line_at, paragraph, quote, with_address};

/// Elements whose content is not the article's text.
const SKIPPED: [&str; 9] = [
    "head", "script", "style", "noscript", "template", "nav", "svg", "form", "button",
];

/// Elements that are not text, reported as not carried over.
const MEDIA: [(&str, &str); 7] = [
    ("img", "an image"),
    ("video", "a video"),
    ("audio", "a sound"),
    ("iframe", "an embedded page"),
    ("object", "an embedded object"),
    ("embed", "an embedded object"),
    ("canvas", "a drawing"),
];

/// Elements that end the text before them and start a new block.
const BLOCKS: [&str; 18] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "pre",
    "table",
    "tr",
    "address",
    "dl",
    "dt",
    "dd",
    "hr",
];

/// Elements nested deeper than this are refused (web pages nest 20 to 50).
pub const MAX_DEPTH: usize = 512;

/// Elements that have no end tag, or whose end tag may be left out: they do
/// not count towards the depth.
const NOT_NESTING: [&str; 24] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody", "thead",
];

/// How deep the page's elements nest, by its tags as written, counted up to
/// a little past [`MAX_DEPTH`]; comments and the text of scripts may count
/// too, which only errs on the side of refusing.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices('<') {
        let closing = bytes.get(at + 1) == Some(&b'/');
        let start = at + 1 + usize::from(closing);
        let name: String = text
            .get(start..)
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() || NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let self_closed = text
            .get(start..)
            .and_then(|rest| rest.find('>').and_then(|end| rest.get(..end)))
            .is_some_and(|tag| tag.ends_with('/'));
        if !self_closed {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > MAX_DEPTH {
                break;
            }
        }
    }
    deepest
}

/// Reads the HTML `text` as an article; an error (as the rest of a sentence)
/// for a page nested too deep to parse in good time.
pub fn read(text: &str) -> Result<ArticleDoc, String> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(format!(
            "nests its elements more than {MAX_DEPTH} deep (a web page nests 20 to 50), so it is not read: such a page takes a browser's rules minutes to parse"
        ));
    }
    let page = Html::parse_document(text);
    let mut walk = Walk {
        source: text,
        ..Walk::default()
    };
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|name| Selector::parse(name).ok())
        .find_map(|selector| page.select(&selector).next())
        .map_or_else(|| page.tree.root(), |element| *element);
    // The article's own first heading, not a site's logo in its header.
    walk.title_heading = root
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"))
        .map(|n| n.id());
    walk.run(root);
    let mut doc = walk.doc;
    let page_title = first(&page, "title").map(|t| text_of(*t));
    doc.title = walk
        .title_text
        .filter(|t| !t.is_empty())
        .or(page_title.filter(|t| !t.is_empty()));
    doc.date = date_of(&page, text);
    Ok(doc)
}

fn first<'a>(page: &'a Html, selector: &str) -> Option<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).ok()?;
    page.select(&selector).next()
}

/// A node's text, white space collapsed.
fn text_of(node: NodeRef<'_, Node>) -> String {
    let text: String = node
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
        .collect();
    super::html_text::collapse(&text)
}

/// The date the page states, and where.
fn date_of(page: &Html, source: &str) -> Option<(String, String)> {
    let metas = [
        "meta[name=date]",
        "meta[property=\"article:published_time\"]",
        "meta[name=\"article:published_time\"]",
    ];
    for selector in metas {
        if let Some(content) = first(page, selector).and_then(|m| m.attr("content")) {
            return Some((content.to_owned(), place_of(source, content)));
        }
    }
    let time = first(page, "time[datetime]")?.attr("datetime")?;
    Some((time.to_owned(), place_of(source, time)))
}

/// "line N" of the first place `needle` is written, or "the page".
fn place_of(source: &str, needle: &str) -> String {
    source.find(needle).map_or_else(
        || "the page".to_owned(),
        |at| format!("line {}", line_at(source, at)),
    )
}

#[derive(Default)]
struct Walk<'s> {
    source: &'s str,
    doc: ArticleDoc,
    buf: String,
    /// The `<h1>` taken as the title, left out of the body.
    title_heading: Option<ego_tree::NodeId>,
    title_text: Option<String>,
    skip: Option<ego_tree::NodeId>,
    heading: bool,
    lists: usize,
    quotes: usize,
    items: Vec<String>,
    links: Vec<(String, usize)>,
    /// Where the search for the next media tag's line goes on from.
    media_from: usize,
    flattened: bool,
}

impl Walk<'_> {
    fn run(&mut self, root: NodeRef<'_, Node>) {
        for edge in root.traverse() {
            match edge {
                Edge::Open(node) => self.open(node),
                Edge::Close(node) => self.close(node),
            }
        }
        self.flush();
    }

    fn open(&mut self, node: NodeRef<'_, Node>) {
        if self.skip.is_some() {
            return;
        }
        if let Node::Text(text) = node.value() {
            self.buf.push_str(text);
        }
        let Node::Element(element) = node.value() else {
            return;
        };
        let name = element.name();
        if SKIPPED.contains(&name) {
            self.skip = Some(node.id());
        } else if let Some((_, what)) = MEDIA.iter().find(|(tag, _)| *tag == name) {
            self.media(name, what, element.attr("src"));
            self.skip = Some(node.id());
        } else if is_heading(name) {
            self.flush();
            self.heading = true;
        } else if name == "ul" || name == "ol" {
            self.list_opens();
        } else if name == "li" {
            self.flush_item();
        } else if name == "blockquote" {
            self.flush();
            self.quotes += 1;
        } else if name == "a" {
            self.links.push((
                element.attr("href").unwrap_or("").to_owned(),
                self.buf.len(),
            ));
        } else if name == "td" || name == "th" {
            // A table's row is one paragraph, its cells apart by a space.
            self.buf.push(' ');
        } else if name == "br" || BLOCKS.contains(&name) {
            self.line_break();
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        if self.skip == Some(node.id()) {
            self.skip = None;
            return;
        }
        let Node::Element(element) = node.value() else {
            return;
        };
        if self.skip.is_some() {
            return;
        }
        let name = element.name();
        if is_heading(name) {
            let is_title = self.title_heading == Some(node.id());
            if is_title {
                self.title_text = Some(super::html_text::collapse(&std::mem::take(&mut self.buf)));
            }
            self.flush();
            self.heading = false;
        } else if name == "ul" || name == "ol" {
            self.flush_item();
            self.lists = self.lists.saturating_sub(1);
            if self.lists == 0 {
                self.doc.push_list(&mut self.items);
            }
        } else if name == "li" {
            self.flush_item();
        } else if name == "blockquote" {
            self.flush();
            self.quotes = self.quotes.saturating_sub(1);
        } else if name == "a" {
            if let Some((href, start)) = self.links.pop() {
                let words = self.buf.split_off(start.min(self.buf.len()));
                self.buf.push_str(&with_address(&words, &href));
            }
        } else if BLOCKS.contains(&name) {
            self.line_break();
        }
    }

    fn list_opens(&mut self) {
        if self.lists == 0 {
            self.flush();
        } else {
            self.flush_item();
            if !self.flattened {
                self.flattened = true;
                let place = self.tag_place("ul");
                self.doc.notes.push(Note::new(
                    &place,
                    "a list inside a list is carried over as items of the outer list",
                ));
            }
        }
        self.lists += 1;
    }

    /// A paragraph's end, but only a space within a heading or a list item.
    fn line_break(&mut self) {
        if self.heading || self.lists > 0 {
            self.buf.push(' ');
        } else {
            self.flush();
        }
    }

    fn flush_item(&mut self) {
        if self.lists > 0 {
            self.items.push(std::mem::take(&mut self.buf));
        } else {
            self.flush();
        }
    }

    /// The text read so far as a block of the kind its place makes it.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.buf);
        if self.lists > 0 {
            self.items.push(text);
        } else if self.heading {
            self.doc.push(&text, heading);
        } else if self.quotes > 0 {
            self.doc.push(&text, quote);
        } else {
            self.doc.push(&text, paragraph);
        }
    }

    fn media(&mut self, tag: &str, what: &str, src: Option<&str>) {
        let place = self.tag_place(tag);
        let message = match src.map(str::trim).filter(|s| !s.is_empty()) {
            Some(src) => format!("{what} ({src}) is not carried over"),
            None => format!("{what} is not carried over"),
        };
        self.doc.notes.push(Note::new(&place, message));
    }

    /// The line of the next `<tag` in the source, searching on from the last
    /// one found: media come in the order they are written.
    fn tag_place(&mut self, tag: &str) -> String {
        let needle = format!("<{tag}");
        let rest = self.source.get(self.media_from..).unwrap_or("");
        let found = rest
            .char_indices()
            .filter(|(_, c)| *c == '<')
            .map(|(at, _)| at)
            .find(|at| {
                rest.get(*at..*at + needle.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(&needle))
            });
        match found {
            Some(at) => {
                self.media_from += at + needle.len();
                format!("line {}", line_at(self.source, self.media_from))
            }
            None => "the page".to_owned(),
        }
    }
}

/// `h1` to `h6`: every level is a heading block (the article has one kind).
fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::article::tests::shape;

    fn read_ok(text: &str) -> ArticleDoc {
        read(text).unwrap()
    }

    #[test]
    fn blocks_title_and_date_come_from_the_article() {
        let doc = read_ok(
            "<!doctype html><html><head><title>Site | Story</title>\n<meta property=\"article:published_time\" content=\"2024-12-11T09:00:00Z\"></head>\n<body><header><h1>Site name</h1></header><nav><a href=\"/\">Home</a></nav>\n<article><h1>The  story</h1>\n<p>First <b>para</b> with <a href=\"https://x.org\">a link</a>.</p>\n<h2>Part</h2><ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul>\n<blockquote><p>Said.</p></blockquote>\n<img src=\"photo.jpg\">\n<div>Loose text<br>after a break</div><ol><li>x</li></ol></article></body></html>",
        );
        assert_eq!(doc.title.as_deref(), Some("The story"));
        assert_eq!(
            doc.date,
            Some(("2024-12-11T09:00:00Z".to_owned(), "line 2".to_owned()))
        );
        assert_eq!(
            shape(&doc.blocks),
            [
                (
                    "paragraph",
                    "First para with a link (https://x.org).".to_owned()
                ),
                ("heading", "Part".to_owned()),
                ("list", "one\ntwo\ninner".to_owned()),
                ("quote", "Said.".to_owned()),
                ("paragraph", "Loose text".to_owned()),
                ("paragraph", "after a break".to_owned()),
                ("list", "x".to_owned()),
            ]
        );
        let notes: Vec<(&str, &str)> = doc
            .notes
            .iter()
            .map(|n| (n.place.as_str(), n.message.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                (
                    "line 6",
                    "a list inside a list is carried over as items of the outer list"
                ),
                ("line 8", "an image (photo.jpg) is not carried over"),
            ]
        );
    }

    #[test]
    fn without_h1_the_page_title_and_time_serve() {
        let doc = read_ok(
            "<html><head><title>Only title</title></head><body><p>Text <time datetime=\"2020-12-12\">12 Dec</time>.</p></body></html>",
        );
        assert_eq!(doc.title.as_deref(), Some("Only title"));
        assert_eq!(doc.date.map(|d| d.0).as_deref(), Some("2020-12-12"));
        assert_eq!(
            shape(&doc.blocks),
            [("paragraph", "Text 12 Dec.".to_owned())]
        );
    }

    #[test]
    fn a_page_nested_to_the_limit_is_read_and_deeper_is_refused() {
        let page = |depth: usize| {
            format!(
                "{}<p>deep</p>{}",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        assert_eq!(nesting_depth(&page(MAX_DEPTH)), MAX_DEPTH);
        let doc = read(&page(MAX_DEPTH)).unwrap();
        assert_eq!(shape(&doc.blocks), [("paragraph", "deep".to_owned())]);
        let error = read(&page(MAX_DEPTH + 1)).unwrap_err();
        assert!(
            error.starts_with("nests its elements more than 512 deep"),
            "{error}"
        );
        // Unclosed paragraphs and items, void and self-closed elements do not nest.
        let flat = "<p>a<br><img src=x><li>b<hr/><span/>".repeat(10_000);
        assert_eq!(nesting_depth(&flat), 0);
    }
}
