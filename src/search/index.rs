//! The inverted index: which fields hold each word, built once per dataset.

use std::fmt;
use std::ops::Range;

use crate::dataset::Dataset;

use super::fields::{Record, Source, Visit, for_each_field, record_sources};
use super::fold::{fold_into, is_word_char, trim_non_word, words};
use super::lexicon::{Lexicon, LexiconBuilder, NONE};
use super::results::GroupKind;
use super::vocabulary::offset;

/// What a name or title field adds to a tier, so that any match in a name
/// ranks above any match in body text.
pub(crate) const NAME_BONUS: u32 = 5;

/// The low bits of a packed score hold a field's length, inverted, so that
/// a shorter field compares higher.
pub(crate) const LENGTH_BITS: u32 = 24;
pub(crate) const LENGTH_MASK: u32 = (1 << LENGTH_BITS) - 1;

/// Marks a field of exactly one word in [`Field::meta`].
const ONE_WORD: u32 = 1 << 31;
/// Marks a field of exactly one compound ("50/80") in [`Field::meta`].
const ONE_COMPOUND: u32 = 1 << 30;

/// One searchable field (a name, an alias, a summary, a paragraph, …) as
/// the scoring loop needs it: 16 bytes, so that walking the fields of a
/// common word stays in cache. Where its text is, is kept apart in
/// [`SearchIndex::sources`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Field {
    /// The document (record or paragraph) it belongs to.
    pub(crate) doc: u32,
    /// Its first word, for "the field starts with the query"; [`NONE`] if none.
    pub(crate) first_word: u32,
    /// Its first compound, if its first run of non-spaces is one; else [`NONE`].
    pub(crate) first_compound: u32,
    /// Bits 0–23: [`LENGTH_MASK`] less its length in bytes, for "shorter
    /// fields rank higher"; bits 24–27: [`NAME_BONUS`] for a name or title
    /// ([`Source::is_name`]); bits 30 and 31: [`ONE_COMPOUND`] and [`ONE_WORD`].
    meta: u32,
}

impl Field {
    /// Its first word, or with `compound` its first compound.
    pub(crate) fn first(self, compound: bool) -> u32 {
        if compound {
            self.first_compound
        } else {
            self.first_word
        }
    }

    /// Whether the field is exactly one word, or with `compound` one
    /// compound (punctuation at its ends aside), for "the query is the whole field".
    pub(crate) fn is_one(self, compound: bool) -> bool {
        let flag = if compound { ONE_COMPOUND } else { ONE_WORD };
        self.meta & flag != 0
    }

    /// The field's packed score for a match of `tier` points: the points
    /// plus any name bonus above [`LENGTH_BITS`], the inverted length below,
    /// so that it compares as "higher score, then shorter field".
    pub(crate) fn packed(self, tier: u32) -> u32 {
        (self.meta & !(ONE_WORD | ONE_COMPOUND)) + (tier << LENGTH_BITS)
    }
}

/// A search index over one dataset's organizations, people, events, glossary
/// and article paragraphs, built once at load by [`SearchIndex::new`].
///
/// It keeps, for every distinct folded word, the sorted list of fields that
/// contain it, and the same for every compound (a run of non-spaces with
/// punctuation inside, such as "50/80", "non-aligned" or "turkmenistan's"),
/// plus a few numbers per field; no text but the words and compounds. A query
/// finds the entries that contain each of its terms (a substring search over
/// the entry lists, which are small), merges their field lists, and reads the
/// text back from the dataset only for the hits it shows.
///
/// Memory: one `u32` per distinct word or compound of each field (about 45
/// per synthetic paragraph of 80 words), 16 bytes per field and 4 per
/// document, plus the entry lists. The synthetic benchmark prints bytes per
/// article.
#[derive(Clone, Default)]
pub struct SearchIndex {
    /// Runs of letters and digits.
    pub(crate) words: Lexicon,
    /// Runs of non-spaces with punctuation inside, trimmed of it at the ends.
    pub(crate) compounds: Lexicon,
    pub(crate) fields: Vec<Field>,
    /// Where each article's first paragraph is among the paragraphs' documents
    /// (counted from the group's start), and the count last: a paragraph's
    /// document gives its article and block. Where a field's text is, is
    /// worked out for the hits shown ([`SearchIndex::doc_sources`]) rather
    /// than kept for every field (12 bytes each: 3.6 MB for 100,000 events).
    pub(crate) article_docs: Vec<u32>,
    /// Where each document's fields start in `fields`; one more entry than documents.
    pub(crate) doc_fields: Vec<u32>,
    /// Where each group's documents start, in [`GroupKind::ALL`] order, and the end.
    pub(crate) group_starts: [usize; 6],
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The lists run to millions of numbers: show their sizes only.
        f.debug_struct("SearchIndex")
            .field("words", &self.words.vocabulary.len())
            .field("compounds", &self.compounds.vocabulary.len())
            .field(
                "postings",
                &(self.words.posting_count() + self.compounds.posting_count()),
            )
            .field("fields", &self.fields.len())
            .field("documents", &self.doc_count())
            .finish()
    }
}

/// What the index notes of one field's text while building.
struct Scan {
    first_word: u32,
    words: usize,
    first_compound: u32,
    runs: usize,
}

impl SearchIndex {
    /// Indexes every searchable field of `dataset`.
    pub fn new(dataset: &Dataset) -> Self {
        let mut words_seen = LexiconBuilder::default();
        let mut compounds_seen = LexiconBuilder::default();
        // Counted first, so that the lists are made at their size rather
        // than grown by doubling and cut down (for 100,000 events, 12 MB
        // held at once while the fields' list grew, where 5 MB are kept).
        let (mut field_count, mut doc_count) = (0, 1);
        for_each_field(dataset, |visit| match visit {
            Visit::Record => doc_count += 1,
            Visit::Field(..) => field_count += 1,
        });
        let mut fields: Vec<Field> = Vec::with_capacity(field_count);
        let mut doc_fields: Vec<u32> = Vec::with_capacity(doc_count);
        let mut folded = String::new();
        for_each_field(dataset, |visit| {
            let (source, text) = match visit {
                Visit::Record => {
                    doc_fields.push(offset(fields.len()));
                    return;
                }
                Visit::Field(source, text) => (source, text),
            };
            let field = offset(fields.len());
            fold_into(&mut folded, text);
            let scan = scan(&folded, field, &mut words_seen, &mut compounds_seen);
            let bonus = if source.is_name() { NAME_BONUS } else { 0 };
            let one_word = if scan.words == 1 { ONE_WORD } else { 0 };
            let one_compound = if scan.runs == 1 && scan.first_compound != NONE {
                ONE_COMPOUND
            } else {
                0
            };
            let len = offset(text.len()).min(LENGTH_MASK);
            fields.push(Field {
                doc: offset(doc_fields.len().saturating_sub(1)),
                first_word: scan.first_word,
                first_compound: scan.first_compound,
                meta: (LENGTH_MASK - len) | (bonus << LENGTH_BITS) | one_word | one_compound,
            });
        });
        doc_fields.push(offset(fields.len()));

        let (words, word_numbers) = words_seen.finish();
        let (compounds, compound_numbers) = compounds_seen.finish();
        let renumber = |numbers: &[u32], id: u32| numbers.get(id as usize).copied().unwrap_or(NONE);
        for field in &mut fields {
            field.first_word = renumber(&word_numbers, field.first_word);
            field.first_compound = renumber(&compound_numbers, field.first_compound);
        }

        let paragraphs: usize = dataset.articles.iter().map(|a| a.body.len()).sum();
        let counts = [
            dataset.organizations.len(),
            dataset.people.len(),
            dataset.events.len(),
            dataset.glossary.len(),
            paragraphs,
        ];
        let mut group_starts = [0; 6];
        for (i, count) in counts.into_iter().enumerate() {
            group_starts[i + 1] = group_starts[i] + count;
        }
        let mut article_docs = Vec::with_capacity(dataset.articles.len() + 1);
        let mut paragraph = 0;
        for article in &dataset.articles {
            article_docs.push(offset(paragraph));
            paragraph += article.body.len();
        }
        article_docs.push(offset(paragraph));
        fields.shrink_to_fit();
        doc_fields.shrink_to_fit();
        Self {
            words,
            compounds,
            fields,
            article_docs,
            doc_fields,
            group_starts,
        }
    }

    /// How many documents (records and paragraphs) the index holds.
    pub(crate) fn doc_count(&self) -> usize {
        self.doc_fields.len().saturating_sub(1)
    }

    /// The documents of `group`, as a range of document numbers.
    pub(crate) fn group_docs(&self, group: GroupKind) -> Range<usize> {
        let i = group as usize;
        let start = self.group_starts.get(i).copied().unwrap_or(0);
        let end = self.group_starts.get(i + 1).copied().unwrap_or(start);
        start..end.min(self.doc_count())
    }

    /// Where the texts of document `doc`'s fields are, in field order, in
    /// `dataset` (the one the index was built from).
    pub(crate) fn doc_sources(&self, dataset: &Dataset, doc: usize) -> Vec<Source> {
        self.record(doc)
            .map(|record| record_sources(dataset, record))
            .unwrap_or_default()
    }

    /// The record that document `doc` is.
    fn record(&self, doc: usize) -> Option<Record> {
        let group = GroupKind::ALL
            .into_iter()
            .find(|&group| self.group_docs(group).contains(&doc))?;
        let i = doc - self.group_docs(group).start;
        Some(match group {
            GroupKind::Organizations => Record::Organization(i),
            GroupKind::People => Record::Person(i),
            GroupKind::Events => Record::Event(i),
            GroupKind::Glossary => Record::Term(i),
            GroupKind::Articles => {
                let article = self
                    .article_docs
                    .partition_point(|&first| first as usize <= i)
                    .checked_sub(1)?;
                let first = *self.article_docs.get(article)? as usize;
                Record::Paragraph(article, i - first)
            }
        })
    }

    /// How many distinct words the index holds.
    pub fn word_count(&self) -> usize {
        self.words.vocabulary.len()
    }

    /// Bytes the index keeps on the heap (its vectors' capacities), for
    /// memory reports; the benchmark cross-checks it with a counting allocator.
    pub fn heap_bytes(&self) -> usize {
        self.words.heap_bytes()
            + self.compounds.heap_bytes()
            + self.fields.capacity() * size_of::<Field>()
            + self.article_docs.capacity() * size_of::<u32>()
            + self.doc_fields.capacity() * size_of::<u32>()
    }
}

/// Notes the words and compounds of field `field`, whose folded text is `folded`.
fn scan(
    folded: &str,
    field: u32,
    words_seen: &mut LexiconBuilder,
    compounds_seen: &mut LexiconBuilder,
) -> Scan {
    let mut scan = Scan {
        first_word: NONE,
        words: 0,
        first_compound: NONE,
        runs: 0,
    };
    for (_, word) in words(folded) {
        let id = words_seen.add(word, field);
        if scan.words == 0 {
            scan.first_word = id;
        }
        scan.words += 1;
    }
    // Most runs of non-spaces are one word, perhaps with a comma or a full
    // stop: compounds are only those with punctuation between word characters.
    for run in folded.split_whitespace() {
        let run = trim_non_word(run);
        if run.is_empty() {
            continue;
        }
        scan.runs += 1;
        if run.contains(|c| !is_word_char(c)) {
            let id = compounds_seen.add(run, field);
            if scan.runs == 1 {
                scan.first_compound = id;
            }
        }
    }
    scan
}
