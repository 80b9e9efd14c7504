//! `check`'s word on characters (issue 16): a warning for each text that has
//! a character no available font can draw (it shows as a box), and a note
//! for right-to-left text: egui 0.37 shapes each word (HarfRust: letters
//! right to left, Arabic joined) but has no bidirectional layout, so the
//! words stand left to right in the order written.
//!
//! The texts are the data files' string literals, read from the files
//! themselves so that a warning stands at the character: one warning per
//! string (naming its first such character, and how many others), never one
//! per character of a long text. "Available" is what the window draws with:
//! the compiled-in fonts, then the system's ([`crate::fonts::FontSet`]).

use std::collections::{BTreeSet, HashMap};

use super::locate::block_comment_len;
use super::{DataFile, DataFiles, Locator, Problem};
use crate::fonts::{FontSet, is_right_to_left, needs_no_glyph};

/// How many of a text's undrawable characters a warning names.
const NAMED: usize = 3;

/// What `check` says about the characters of a dataset's texts.
#[derive(Debug, Default)]
pub struct Glyphs {
    /// A warning for each text with a character no font draws.
    pub warnings: Vec<Problem>,
    /// A note for each file with right-to-left text, at its first.
    pub notes: Vec<Problem>,
}

/// The warnings and notes for every text of `files`, with `fonts` as the
/// fonts available, in reading order.
pub fn lint(files: &DataFiles, fonts: &FontSet) -> Glyphs {
    let mut drawable = Drawable {
        fonts,
        known: HashMap::new(),
    };
    let mut glyphs = Glyphs::default();
    for file in files.all() {
        lint_file(file, &mut drawable, &mut glyphs);
    }
    glyphs
}

/// Whether a character can be drawn, asked of the fonts once per character.
struct Drawable<'a> {
    fonts: &'a FontSet,
    known: HashMap<char, bool>,
}

impl Drawable<'_> {
    fn can_draw(&mut self, c: char) -> bool {
        if c.is_ascii() {
            return true;
        }
        *self
            .known
            .entry(c)
            .or_insert_with(|| needs_no_glyph(c) || self.fonts.can_draw(c))
    }
}

fn lint_file(file: &DataFile, drawable: &mut Drawable<'_>, glyphs: &mut Glyphs) {
    let locator = Locator::new(&file.text);
    let mut right_to_left: Option<(usize, char)> = None;
    let mut right_to_left_texts = 0usize;
    for text in StringLiterals::new(&file.text) {
        let mut missing: Vec<(usize, char)> = Vec::new();
        let mut distinct = BTreeSet::new();
        let mut first_rtl = None;
        for (at, c) in text {
            if !drawable.can_draw(c) && distinct.insert(c) {
                missing.push((at, c));
            }
            if first_rtl.is_none() && is_right_to_left(c) {
                first_rtl = Some((at, c));
            }
        }
        if let Some(&(at, _)) = missing.first() {
            let place = Some(locator.line_column(at));
            glyphs
                .warnings
                .push(Problem::at(&file.name, place, undrawable(&missing)));
        }
        if let Some(found) = first_rtl {
            right_to_left_texts += 1;
            right_to_left.get_or_insert(found);
        }
    }
    if let Some((at, c)) = right_to_left {
        let place = Some(locator.line_column(at));
        glyphs.notes.push(Problem::at(
            &file.name,
            place,
            right_to_left_note(c, right_to_left_texts),
        ));
    }
}

/// "U+E000 ''".
fn named(c: char) -> String {
    format!("U+{:04X} “{c}”", u32::from(c))
}

fn undrawable(missing: &[(usize, char)]) -> String {
    let first = missing.first().map_or_else(String::new, |&(_, c)| named(c));
    let mut message = format!(
        "{first} has no glyph in any font the reader has (its own or this machine's), so it shows as a box"
    );
    let others: Vec<String> = missing
        .iter()
        .skip(1)
        .take(NAMED - 1)
        .map(|&(_, c)| named(c))
        .collect();
    if !others.is_empty() {
        let more = missing.len().saturating_sub(NAMED);
        let and_more = match more {
            0 => String::new(),
            1 => " and 1 more".to_owned(),
            n => format!(" and {n} more"),
        };
        message.push_str(&format!(
            "; so do {}{and_more} in this text",
            others.join(", ")
        ));
    }
    message.push_str(
        "; install a font that has it (for CJK, Devanagari or Arabic, a Noto font of that script), or write it otherwise",
    );
    message
}

fn right_to_left_note(c: char, texts: usize) -> String {
    let texts = match texts {
        1 => "1 text".to_owned(),
        n => format!("{n} texts"),
    };
    format!(
        "right-to-left text ({}, first of {texts} in this file): the reader draws each word right to left (Arabic joined) but lays the words out left to right, in the order written, so a right-to-left sentence reads backwards word by word",
        named(c)
    )
}

/// The string literals of a RON file, each as its characters with the byte
/// offset each is written at (an escape's offset is its backslash's).
/// Comments, identifiers and numbers are skipped; so is an unclosed string's
/// rest (the load reports it).
struct StringLiterals<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> StringLiterals<'t> {
    fn new(text: &'t str) -> Self {
        Self { text, at: 0 }
    }
}

impl Iterator for StringLiterals<'_> {
    type Item = Vec<(usize, char)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rest = self.text.get(self.at..)?;
            let c = rest.chars().next()?;
            if rest.starts_with("//") {
                self.at += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.at += block_comment_len(rest);
            } else if c == '"' {
                let (chars, len) = quoted(rest, self.at);
                self.at += len;
                return Some(chars);
            } else if let Some(hashes) = raw_string_start(rest) {
                let (chars, len) = raw(rest, hashes, self.at);
                self.at += len;
                return Some(chars);
            } else if c.is_alphanumeric() || c == '_' {
                // A whole word: `r` inside `for` or `Paragraph` opens no raw string.
                self.at += rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
            } else {
                self.at += c.len_utf8();
            }
        }
    }
}

/// `r"…"` or `r#"…"#`: the number of `#`s, if `rest` opens a raw string.
fn raw_string_start(rest: &str) -> Option<usize> {
    let after_r = rest.strip_prefix('r')?;
    let hashes = after_r.len() - after_r.trim_start_matches('#').len();
    after_r[hashes..].starts_with('"').then_some(hashes)
}

/// The characters of the raw string `rest` opens, and its length in bytes.
fn raw(rest: &str, hashes: usize, base: usize) -> (Vec<(usize, char)>, usize) {
    let open = 1 + hashes + 1;
    let close = format!("\"{}", "#".repeat(hashes));
    let body = rest.get(open..).unwrap_or_default();
    let end = body.find(&close).unwrap_or(body.len());
    let chars = body[..end]
        .char_indices()
        .map(|(i, c)| (base + open + i, c))
        .collect();
    let len = (open + end + close.len()).min(rest.len());
    (chars, len)
}

/// The characters of the string `rest` opens (escapes decoded), and its
/// length in bytes.
fn quoted(rest: &str, base: usize) -> (Vec<(usize, char)>, usize) {
    let mut chars = Vec::new();
    let mut iter = rest.char_indices().skip(1).peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '"' => return (chars, i + 1),
            '\\' => {
                let Some((_, kind)) = iter.next() else { break };
                let decoded = match kind {
                    'u' | 'x' => {
                        let mut digits = String::new();
                        while let Some(&(_, d)) = iter.peek() {
                            if d == '"' || !(d.is_ascii_hexdigit() || d == '{' || d == '}') {
                                break;
                            }
                            digits.push(d);
                            iter.next();
                            if d == '}' || (kind == 'x' && digits.len() == 2) {
                                break;
                            }
                        }
                        let hex = digits.trim_start_matches('{').trim_end_matches('}');
                        u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                    }
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    '0' => Some('\0'),
                    other => Some(other),
                };
                chars.extend(decoded.map(|d| (base + i, d)));
            }
            _ => chars.push((base + i, c)),
        }
    }
    (chars, rest.len())
}

#[cfg(test)]
mod tests;
