//! A query split into terms, and how well a term matches a text.

use std::ops::Range;

use super::fold::{self, starts_word, trim_non_word};

/// How well a term matches one field, worst first. A field scores its best
/// match; the tiers follow the order the reader expects: the whole field,
/// then the field's start, then a whole word, a word's start, and last the
/// inside of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    /// Inside a word: "aligned" in "nonaligned".
    Inner = 1,
    /// At the start of a word: "neutr" in "permanent neutrality".
    WordStart = 2,
    /// A whole word: "neutrality" in "permanent neutrality".
    Word = 3,
    /// At the start of the field: "non" in "Non-Aligned Movement".
    FieldStart = 4,
    /// The whole field, punctuation aside: "nam" for the acronym "NAM".
    Field = 5,
}

/// One word of a query, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    /// The folded word without punctuation at either end ("“Neutrality”," →
    /// "neutrality"); never empty.
    pub(crate) text: String,
    /// True for a one-character term, which matches at word starts only: a
    /// single letter is inside nearly every paragraph.
    pub(crate) word_starts_only: bool,
    /// True when the term is a single word; otherwise it holds punctuation
    /// ("50/80", "non-aligned", "turkmenistan's") and is looked up among
    /// compounds.
    pub(crate) one_word: bool,
}

impl Term {
    fn new(text: &str) -> Option<Self> {
        let text = trim_non_word(text);
        let mut chars = text.chars();
        chars.next()?;
        Some(Self {
            text: text.to_owned(),
            word_starts_only: chars.next().is_none(),
            one_word: !text.contains(|c| !fold::is_word_char(c)),
        })
    }

    /// The byte ranges of folded `text` where this term stands, in order
    /// and not overlapping.
    pub(crate) fn occurrences<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        text.match_indices(self.text.as_str())
            .map(|(at, found)| at..at + found.len())
            .filter(|range| !self.word_starts_only || starts_word(text, range.start))
    }
}

/// How many terms of a query count; the rest are ignored. Scores are summed
/// over terms in 32-bit halves, which this keeps from overflowing.
pub(crate) const MAX_TERMS: usize = 64;

/// The terms of `query`: its words folded, punctuation trimmed from their
/// ends, repeats dropped, at most [`MAX_TERMS`]. An empty list for a query
/// of spaces or punctuation.
pub(crate) fn terms(query: &str) -> Vec<Term> {
    let folded = fold::fold_for_search(query);
    let mut terms: Vec<Term> = Vec::new();
    for term in folded.split_whitespace().filter_map(Term::new) {
        if terms.len() == MAX_TERMS {
            break;
        }
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}
