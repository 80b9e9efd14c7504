//! Finding where in a data file a record or a value stands, so that problems
//! found after parsing still carry line and column.
//!
//! serde hands us values without positions; rather than a second parser we look
//! the value up in the text, starting from the record it belongs to.

/// Text of one data file, with its line starts for offset -> line:column.
pub struct Locator<'a> {
    text: &'a str,
    /// Where each line starts: built on the first place asked for, so that
    /// a file without problems is not walked for its lines at all.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// Where each `id: "value"` stands, by value, in file order: built on the
    /// first look-up, so that finding the records of many problems reads the
    /// file once rather than once for each.
    records: std::cell::OnceCell<RecordIndex<'a>>,
}

/// Where the records of a file start.
struct RecordIndex<'a> {
    /// Each `id:` value's offsets, by value, in file order.
    by_id: std::collections::HashMap<&'a str, Vec<usize>>,
    /// Every record's start, in file order.
    starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Prepares `text` for look-ups.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            line_starts: std::cell::OnceCell::new(),
            records: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Line and column (both from 1, column in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line_starts = self.line_starts();
        let line = line_starts.partition_point(|&start| start <= offset);
        let start = line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        (line.max(1), column)
    }

    /// Byte offset of a line and column (both from 1, column in characters),
    /// the inverse of [`Self::line_column`]; `None` past the end of the text.
    pub fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.line_starts().get(line.checked_sub(1)?)?;
        let rest = self.text.get(start..)?;
        let skip = column.saturating_sub(1);
        match rest.char_indices().nth(skip) {
            Some((at, _)) => Some(start + at),
            None => (rest.chars().count() == skip).then_some(self.text.len()),
        }
    }

    /// The offset of the first character at or after `offset` that is
    /// neither white space nor inside a `//` or `/* */` comment: the token an
    /// author sees there. `offset` itself where only blanks follow to the end.
    pub fn next_token(&self, offset: usize) -> usize {
        let mut at = offset;
        loop {
            let Some(rest) = self.text.get(at..) else {
                return offset;
            };
            let trimmed = rest.trim_start();
            at += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                at += trimmed.find('\n').map_or(trimmed.len(), |n| n + 1);
            } else if trimmed.starts_with("/*") {
                at += block_comment_len(trimmed);
            } else if trimmed.is_empty() {
                return offset;
            } else {
                return at;
            }
        }
    }

    /// Byte offset of the `nth` (from 0) `id: "value"` in the file.
    pub fn record(&self, id: &str, nth: usize) -> Option<usize> {
        self.index().by_id.get(id)?.get(nth).copied()
    }

    fn index(&self) -> &RecordIndex<'a> {
        self.records.get_or_init(|| record_index(self.text))
    }

    /// Where the record that `from` is in ends: at the next record's start,
    /// or the end of the file. A value looked for from a record's start is
    /// looked for in that record only, so that a value written otherwise
    /// than looked for costs the record's length, not the rest of the file.
    fn record_end(&self, from: usize) -> usize {
        let starts = &self.index().starts;
        starts
            .get(starts.partition_point(|&start| start <= from))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Byte offset of the first `needle` at or after `from`, within the
    /// record `from` is in.
    pub fn find_after(&self, from: usize, needle: &str) -> Option<usize> {
        let end = self.record_end(from).max(from);
        let found = self.text.get(from..end)?.find(needle)?;
        Some(from + found)
    }

    /// Byte offset of the string literal `"value"` at or after `from`.
    pub fn string_after(&self, from: usize, value: &str) -> Option<usize> {
        self.find_after(from, &format!("\"{value}\""))
    }

    /// Byte offset of the citation `("article", paragraph)` at or after `from`.
    pub fn citation_after(&self, from: usize, article: &str, paragraph: u32) -> Option<usize> {
        let quoted = format!("\"{article}\"");
        let end = self.record_end(from).max(from);
        let rest = self.text.get(from..end)?;
        rest.match_indices(&quoted)
            .find(|(at, _)| {
                let after = rest.get(at + quoted.len()..).unwrap_or("");
                let after = after
                    .trim_start()
                    .strip_prefix(',')
                    .unwrap_or("")
                    .trim_start();
                let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
                digits.parse::<u32>().ok() == Some(paragraph)
            })
            .map(|(at, _)| at + from)
    }

    /// Line and column of `offset`, or of `fallback` when the value was not found.
    pub fn place(&self, offset: Option<usize>, fallback: Option<usize>) -> Option<(usize, usize)> {
        offset.or(fallback).map(|o| self.line_column(o))
    }
}

/// Every `id:` followed by a string literal in `text`: the literal's offset
/// (its opening quote), by its value, in file order.
fn record_index(text: &str) -> RecordIndex<'_> {
    let mut by_id: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    let mut starts = Vec::new();
    for (at, key) in text.match_indices("id:") {
        let after = at + key.len();
        let Some(rest) = text.get(after..) else {
            continue;
        };
        let quote = after + (rest.len() - rest.trim_start().len());
        let Some(value) = text.get(quote..).and_then(|r| r.strip_prefix('"')) else {
            continue;
        };
        if let Some(end) = value.find('"') {
            let id = &value[..end];
            by_id.entry(id).or_default().push(quote);
            starts.push(quote);
        }
    }
    RecordIndex { by_id, starts }
}

/// Bytes of the block comment `text` starts with, nested ones included (as
/// RON allows); all of `text` when it is not closed.
pub(super) fn block_comment_len(text: &str) -> usize {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(rest) = text.get(at..) {
        if rest.starts_with("/*") {
            depth += 1;
            at += 2;
        } else if rest.starts_with("*/") {
            depth = depth.saturating_sub(1);
            at += 2;
            if depth == 0 {
                return at;
            }
        } else if let Some(c) = rest.chars().next() {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[\n  Event(\n    id: \"a\",\n    sources: [(\"art\", 2), (\"art\", 12)],\n  ),\n  (id: \"b\", orgs: [\"x\"]),\n]\n";

    #[test]
    fn finds_lines_and_columns_from_one() {
        let locator = Locator::new(TEXT);
        assert_eq!(locator.line_column(0), (1, 1));
        let at = locator.record("a", 0).unwrap();
        assert_eq!(locator.line_column(at), (3, 9));
    }

    #[test]
    fn finds_values_inside_their_record() {
        let locator = Locator::new(TEXT);
        let b = locator.record("b", 0).unwrap();
        let x = locator.string_after(b, "x").unwrap();
        assert_eq!(locator.line_column(x), (6, 20));
        let a = locator.record("a", 0).unwrap();
        let cite = locator.citation_after(a, "art", 12).unwrap();
        assert_eq!(locator.line_column(cite), (4, 28));
    }

    #[test]
    fn an_id_mentioned_elsewhere_is_not_a_record() {
        let locator = Locator::new(TEXT);
        assert_eq!(locator.record("x", 0), None);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let locator = Locator::new("“é” id: \"z\"");
        let at = locator.record("z", 0).unwrap();
        assert_eq!(locator.line_column(at), (1, 9));
    }

    #[test]
    fn offsets_are_the_inverse_of_places() {
        let text = "“é” id: \"z\"\nsecond\n";
        let locator = Locator::new(text);
        for offset in text.char_indices().map(|(i, _)| i) {
            let (line, column) = locator.line_column(offset);
            assert_eq!(locator.offset(line, column), Some(offset), "{offset}");
        }
        assert_eq!(locator.offset(3, 1), Some(text.len()));
        assert_eq!(locator.offset(9, 1), None);
        assert_eq!(locator.offset(2, 40), None);
    }

    #[test]
    fn the_next_token_skips_blanks_and_comments() {
        let text = "Event(  \n  // a comment\n  /* one /* nested */ */ id: 1, \n\n";
        let locator = Locator::new(text);
        let id = text.find("id:").unwrap();
        assert_eq!(locator.next_token(text.find('(').unwrap() + 1), id);
        assert_eq!(locator.next_token(id), id);
        // Only blanks to the end: the place stays where it was.
        let end = text.find("1,").unwrap() + 2;
        assert_eq!(locator.next_token(end), end);
    }
}
