//! A sorted list of distinct folded words or compounds, searched by prefix or substring.

use std::ops::Range;

use super::fold::{ends_word, starts_word};
use super::query::Tier;

/// An entry of a [`Vocabulary`] that a term matches, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The entry's number.
    pub(crate) entry: u32,
    /// The best tier among the term's occurrences in the entry, by the word
    /// boundaries inside it: [`Tier::Word`], [`Tier::WordStart`] or [`Tier::Inner`].
    pub(crate) tier: Tier,
    /// Whether an occurrence starts the entry.
    pub(crate) at_start: bool,
    /// Whether the term is the whole entry.
    pub(crate) whole: bool,
}

impl Found {
    /// The term occurring at `range` of `entry`, entry number `id`.
    fn at(id: u32, entry: &str, range: Range<usize>) -> Self {
        let tier = match (starts_word(entry, range.start), ends_word(entry, range.end)) {
            (true, true) => Tier::Word,
            (true, false) => Tier::WordStart,
            _ => Tier::Inner,
        };
        Self {
            entry: id,
            tier,
            at_start: range.start == 0,
            whole: range.start == 0 && range.end == entry.len(),
        }
    }

    fn merge(&mut self, other: Self) {
        self.tier = self.tier.max(other.tier);
        self.at_start |= other.at_start;
        self.whole |= other.whole;
    }
}

/// Distinct entries (words, or compounds such as "50/80"), sorted, stored in
/// one string with a newline after each: one allocation, and a substring
/// search over it finds every entry containing a term in one pass.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vocabulary {
    text: String,
    /// Where each entry starts in `text`, and `text.len()` last.
    starts: Vec<u32>,
}

impl Vocabulary {
    /// The vocabulary of `words` (entries), which must be sorted and distinct and
    /// contain no newline.
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut vocabulary = Self::default();
        for word in words {
            vocabulary.starts.push(offset(vocabulary.text.len()));
            vocabulary.text.push_str(word);
            vocabulary.text.push('\n');
        }
        vocabulary.starts.push(offset(vocabulary.text.len()));
        vocabulary.text.shrink_to_fit();
        vocabulary.starts.shrink_to_fit();
        vocabulary
    }

    /// How many entries there are.
    pub(crate) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Entry number `i`.
    pub(crate) fn entry(&self, i: usize) -> &str {
        let start = self.starts.get(i).map_or(0, |&s| s as usize);
        let end = self.starts.get(i + 1).map_or(start + 1, |&s| s as usize);
        self.text
            .get(start..end.saturating_sub(1))
            .unwrap_or_default()
    }

    /// Appends to `out` every entry that `term` (folded) matches, each once,
    /// in vocabulary order. With `word_starts_only`, only entries starting
    /// with the term; otherwise every entry containing it.
    pub(crate) fn matching(&self, term: &str, word_starts_only: bool, out: &mut Vec<Found>) {
        if term.is_empty() {
            return;
        }
        if word_starts_only {
            // Entries starting with the term sit together from where it would be inserted.
            let mut i = self.first_not_below(term);
            while i < self.len() {
                let entry = self.entry(i);
                if !entry.starts_with(term) {
                    break;
                }
                out.push(Found::at(offset(i), entry, 0..term.len()));
                i += 1;
            }
            return;
        }
        for (at, _) in self.text.match_indices(term) {
            let i = self
                .starts
                .partition_point(|&s| s as usize <= at)
                .saturating_sub(1);
            let start = self.starts.get(i).map_or(0, |&s| s as usize);
            let found = Found::at(
                offset(i),
                self.entry(i),
                at - start..at - start + term.len(),
            );
            match out.last_mut() {
                // Occurrences come in order, so another in the same entry is the last found.
                Some(last) if last.entry == found.entry => last.merge(found),
                _ => out.push(found),
            }
        }
    }

    /// The index of the first entry not sorting before `term`.
    fn first_not_below(&self, term: &str) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.entry(middle) < term {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// Bytes this vocabulary keeps on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.starts.capacity() * size_of::<u32>()
    }
}

/// A length or index as `u32`; the index never holds 4 GiB of words.
pub(crate) fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
