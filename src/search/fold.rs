//! Folding text so that a search ignores case, the accents of Latin letters and
//! the typographic forms of apostrophes, quotes, dashes and spaces.
//!
//! The same [`fold_char`] folds the query, the words the index stores and the
//! text a hit is highlighted in, so that all three agree. [`Folded`] keeps the
//! few places where folding changed a character's length, so that a match found
//! in folded text maps back to byte ranges of the original.

use std::ops::Range;

/// Base letters of U+00C0..=U+017F (Latin-1 Supplement and Latin Extended-A),
/// lowercase; `*` where a letter has no single base letter (Æ, ß, Œ, …) or is
/// not a letter (×, ÷), which then only lowercases.
const LATIN: &[u8; 192] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy**\
aaaaaa*ceeeeiiiidnooooo*ouuuuy*y\
aaaaaaccccccccddddeeeeeeeeeegggg\
gggghhhhiiiiiiiiii**jjkk*lllllll\
lllnnnnnn***oooooo**rrrrrrssssss\
ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The ASCII spaces other than ` ` that [`fold_char`] turns into ` `.
const CONTROL_SPACES: [char; 4] = ['\t', '\n', '\r', '\x0C'];

/// Appends the folded form of `c` to `out`.
///
/// Lowercase, with the accents of Latin letters dropped (é → e, ň → n, ş → s);
/// typographic apostrophes become `'`, typographic quotes `"`, dashes `-`, any
/// space ` `; combining accents vanish, so that decomposed text folds like
/// composed text.
pub(crate) fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '\t' | '\n' | '\r' | '\x0C' => out.push(' '),
        c if c.is_ascii() => out.push(c),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' => {
            out.push('\'');
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{0300}'..='\u{036F}' => {}
        c if c.is_whitespace() => out.push(' '),
        '\u{00C0}'..='\u{017F}' => {
            let base = usize::try_from(u32::from(c) - 0xC0)
                .ok()
                .and_then(|i| LATIN.get(i).copied())
                .unwrap_or(b'*');
            if base == b'*' {
                out.extend(c.to_lowercase());
            } else {
                out.push(char::from(base));
            }
        }
        c => out.extend(c.to_lowercase()),
    }
}

/// `text` folded, without a map back to the original.
pub(crate) fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Replaces the contents of `buffer` with `text` folded; the index folds every
/// field into one buffer rather than allocating per field.
pub(crate) fn fold_into(buffer: &mut String, text: &str) {
    buffer.clear();
    if text.is_ascii() {
        // The common case, done in bulk: ASCII folds byte for byte.
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
        if buffer.contains(CONTROL_SPACES) {
            *buffer = buffer.replace(CONTROL_SPACES, " ");
        }
    } else {
        text.chars().for_each(|c| fold_char(c, buffer));
    }
}

/// Whether `c` belongs to a word: letters and digits. Everything else
/// (spaces, punctuation, apostrophes) separates words.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of `text` (runs of [`is_word_char`]) with their byte offsets.
pub(crate) fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator returned by [`words`].
pub(crate) struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.at..)?;
        let start = rest.find(is_word_char)?;
        let word = rest.get(start..)?;
        let len = word.find(|c| !is_word_char(c)).unwrap_or(word.len());
        let offset = self.at + start;
        self.at = offset + len;
        Some((offset, word.get(..len)?))
    }
}

/// Whether a word starts at byte `at` of `text`: nothing or a non-word
/// character comes before it.
pub(crate) fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !is_word_char(c))
}

/// Whether a word ends at byte `at` of `text`.
pub(crate) fn ends_word(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !is_word_char(c))
}

/// `text` without the non-word characters at either end: "“Neutrality”," →
/// "Neutrality".
pub(crate) fn trim_non_word(text: &str) -> &str {
    text.trim_matches(|c| !is_word_char(c))
}

/// Text folded with a map back to the original's byte offsets.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub(crate) text: String,
    /// The characters whose folded form is not one character of the same
    /// length, in order. Between them folded and original text run in step,
    /// so plain ASCII text needs none and most English text only a few.
    shifts: Vec<Shift>,
}

/// One character whose folded form has another length: it spans `folded` in
/// the folded text and `original` in the original.
#[derive(Clone, Debug)]
struct Shift {
    folded: Range<usize>,
    original: Range<usize>,
}

impl Folded {
    /// Folds `text`, noting where lengths change.
    pub(crate) fn new(text: &str) -> Self {
        if text.is_ascii() {
            let mut folded = String::new();
            fold_into(&mut folded, text);
            return Self {
                text: folded,
                shifts: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        for (at, c) in text.char_indices() {
            let before = out.len();
            fold_char(c, &mut out);
            let len = c.len_utf8();
            let added = out.get(before..).unwrap_or_default();
            // In step only if one character of the same length came out: a
            // match could otherwise start inside what one character became.
            if added.len() != len || added.chars().nth(1).is_some() {
                shifts.push(Shift {
                    folded: before..out.len(),
                    original: at..at + len,
                });
            }
        }
        Self { text: out, shifts }
    }

    /// The original byte range of the folded range `range`; both ends land on
    /// character boundaries of the original, taking in the whole of any
    /// character the range touches part of.
    pub(crate) fn original(&self, range: Range<usize>) -> Range<usize> {
        self.to_original(range.start, false)..self.to_original(range.end, true)
    }

    fn to_original(&self, at: usize, end: bool) -> usize {
        let i = self.shifts.partition_point(|s| s.folded.start <= at);
        match i.checked_sub(1).and_then(|i| self.shifts.get(i)) {
            None => at,
            Some(s) if at < s.folded.end => {
                if end && at > s.folded.start {
                    s.original.end
                } else {
                    s.original.start
                }
            }
            Some(s) => s.original.end + (at - s.folded.end),
        }
    }
}
