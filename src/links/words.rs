//! Splitting a block's text into words, and the normalisation that names,
//! numbers and dates are compared under.
//!
//! A word is a maximal run of letters and digits, so a match that starts and
//! ends on words is on word boundaries by construction: "UN" can never match
//! inside "UNESCO" or "unanimously". What lies between two words (the gap) is
//! compared after [`gap_chars`] has folded typographic variants, so that
//! "Non‑Aligned" (non-breaking hyphen) and "Non-Aligned" read the same.

/// A word of the text: a maximal run of letters and digits, as a byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Word {
    /// First byte of the word.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// The words of `text`, in order. Every range lies on char boundaries since it
/// is cut at `char_indices` positions.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    for (at, c) in text.char_indices() {
        // Most text is ASCII, whose test is a table look-up.
        let letter = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        match (letter, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                out.push(Word {
                    start: from,
                    end: at,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        out.push(Word {
            start: from,
            end: text.len(),
        });
    }
    out
}

/// The text between word `i - 1` and word `i`; empty for the first word.
pub(super) fn gap<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    match (i.checked_sub(1).and_then(|p| words.get(p)), words.get(i)) {
        (Some(before), Some(word)) => text.get(before.end..word.start).unwrap_or(""),
        _ => "",
    }
}

/// The text of word `i`, or "" past the end.
pub(super) fn word<'t>(text: &'t str, words: &[Word], i: usize) -> &'t str {
    words
        .get(i)
        .and_then(|w| text.get(w.start..w.end))
        .unwrap_or("")
}

/// The characters of a gap, folded: a run of spaces, tabs or no-break spaces
/// becomes one space (a newline stays, so no name runs across two list
/// items), every hyphen and dash becomes '-', every apostrophe '\''.
pub(super) fn gap_chars(gap: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = gap.chars().peekable();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        if is_space(c) {
            while chars.peek().is_some_and(|&next| is_space(next)) {
                chars.next();
            }
            return Some(' ');
        }
        Some(fold_punctuation(c))
    })
}

/// True when `gap`, folded, is exactly `want` (itself already folded).
pub(super) fn gap_is(gap: &str, want: &str) -> bool {
    // The common case, a single plain space, costs no folding.
    gap == want || gap_chars(gap).eq(want.chars())
}

/// `gap` folded into `out` (cleared first).
pub(super) fn fold_gap(gap: &str, out: &mut String) {
    out.clear();
    out.extend(gap_chars(gap));
}

/// `word` in lower case into `out` (cleared first), for matching names
/// whatever their capitals.
pub(super) fn fold_word(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

fn is_space(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

fn fold_punctuation(c: char) -> char {
    match c {
        // Hyphen, non-breaking hyphen, figure dash, en and em dash, bar, minus.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        // Curly quotes used as apostrophes, the modifier letter, the prime.
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        c => c,
    }
}

/// True for a word of ASCII digits only.
pub(super) fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// True when word `i` is a number glued to another by '/', '.' or ',' with no
/// space ("1/50", "3.4", "1,995"): part of a larger number, not a date or a
/// resolution on its own.
pub(super) fn glued(text: &str, words: &[Word], i: usize, toward_next: bool) -> bool {
    let (gap_index, other) = if toward_next {
        (i + 1, i + 1)
    } else {
        (i, i.wrapping_sub(1))
    };
    if gap_index >= words.len() || other >= words.len() {
        return false;
    }
    matches!(gap(text, words, gap_index), "/" | "." | ",") && is_number(word(text, words, other))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).iter().map(|w| &text[w.start..w.end]).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(
            texts("The UN’s 50/80 A, “Non‑Aligned”—ok"),
            ["The", "UN", "s", "50", "80", "A", "Non", "Aligned", "ok"]
        );
        assert_eq!(texts(""), Vec::<&str>::new());
        assert_eq!(texts("Yıldırım"), ["Yıldırım"]);
    }

    #[test]
    fn gaps_fold_typographic_variants() {
        assert!(gap_is("\u{2011}", "-"));
        assert!(gap_is("–", "-"));
        assert!(gap_is(" \u{a0} ", " "));
        assert!(gap_is("’", "'"));
        assert!(!gap_is("\n", " "));
        assert!(!gap_is(", ", " "));
    }

    #[test]
    fn words_fold_to_lower_case() {
        let mut out = String::new();
        fold_word("UNESCO", &mut out);
        assert_eq!(out, "unesco");
        fold_word("Yİ", &mut out);
        assert_eq!(out, "yi\u{307}");
    }
}
