//! Finding where in a data file a record or a value stands, so that problems
//! found after parsing still carry line and column.
//!
//! serde hands us values without positions; rather than a second parser we look
//! the value up in the text, starting from the record it belongs to.

/// Text of one data file, with its line starts for offset -> line:column.
pub struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Prepares `text` for look-ups.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, line_starts }
    }

    /// Line and column (both from 1, column in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |prefix| prefix.chars().count() + 1);
        (line.max(1), column)
    }

    /// Byte offset of the `nth` (from 0) `id: "value"` in the file.
    pub fn record(&self, id: &str, nth: usize) -> Option<usize> {
        let quoted = format!("\"{id}\"");
        self.text
            .match_indices(&quoted)
            .filter(|(at, _)| {
                let before = self.text.get(..*at).unwrap_or("").trim_end();
                before.ends_with("id:")
            })
            .nth(nth)
            .map(|(at, _)| at)
    }

    /// Byte offset of the first `needle` at or after `from`.
    pub fn find_after(&self, from: usize, needle: &str) -> Option<usize> {
        self.text.get(from..)?.find(needle).map(|i| i + from)
    }

    /// Byte offset of the string literal `"value"` at or after `from`.
    pub fn string_after(&self, from: usize, value: &str) -> Option<usize> {
        self.find_after(from, &format!("\"{value}\""))
    }

    /// Byte offset of the citation `("article", paragraph)` at or after `from`.
    pub fn citation_after(&self, from: usize, article: &str, paragraph: u32) -> Option<usize> {
        let quoted = format!("\"{article}\"");
        let rest = self.text.get(from..)?;
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
}
