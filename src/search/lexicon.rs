//! A word list with, for each word, the fields that hold it.

use std::hash::BuildHasher as _;

use hashbrown::{DefaultHashBuilder, HashTable};

use super::vocabulary::{Vocabulary, offset};

/// An index entry's id when there is none (a field without words).
pub(crate) const NONE: u32 = u32::MAX;

/// Sorted distinct entries (words, or compounds such as "50/80") and, for
/// each, the ascending list of fields holding it, all lists in one vector.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    pub(crate) vocabulary: Vocabulary,
    postings: Vec<u32>,
    /// Where entry `i`'s list starts in `postings`; one more than entries.
    starts: Vec<u32>,
}

impl Lexicon {
    /// The fields holding entry `entry`, ascending.
    pub(crate) fn postings(&self, entry: u32) -> &[u32] {
        let i = entry as usize;
        let start = self.starts.get(i).map_or(0, |&s| s as usize);
        let end = self.starts.get(i + 1).map_or(start, |&s| s as usize);
        self.postings.get(start..end).unwrap_or_default()
    }

    /// How many (entry, field) pairs it holds.
    pub(crate) fn posting_count(&self) -> usize {
        self.postings.len()
    }

    /// Bytes kept on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.vocabulary.heap_bytes()
            + self.postings.capacity() * size_of::<u32>()
            + self.starts.capacity() * size_of::<u32>()
    }
}

/// Collects entries field by field, numbering them as first seen; then
/// [`LexiconBuilder::finish`] sorts them.
///
/// Built for little memory held while it works (100,000 events: some
/// 200,000 entries and 1.5 million (entry, field) pairs): the entries sit
/// end to end in one string and are found through a table of their ids,
/// and the pairs are noted as one entry id each, field by field, then
/// sorted into the lists by counting. A map of boxed strings to a list
/// per entry held 25 MB at once there, in 400,000 small allocations.
#[derive(Debug, Default)]
pub(crate) struct LexiconBuilder {
    /// Every entry once, end to end, in the order first seen.
    text: String,
    /// Where each entry ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// The entries' ids, found by their text (hashed with a seed of this
    /// run's own, so that no file can make them all collide).
    ids: HashTable<u32>,
    hasher: DefaultHashBuilder,
    /// The field each entry was last noted in: a field holds an entry once.
    last_field: Vec<u32>,
    /// Field after field, the field's number marked with [`FIELD`], then
    /// the ids of the entries it holds.
    noted: Vec<u32>,
    /// The field last marked in `noted`.
    field: u32,
}

/// Marks a field's number in [`LexiconBuilder::noted`]; entry ids stay
/// below it (a vocabulary of 2 billion entries is not indexed: see `add`).
const FIELD: u32 = 1 << 31;

impl LexiconBuilder {
    /// Notes that field `field` holds `entry`; returns the entry's provisional
    /// id. Fields must come in ascending order.
    pub(crate) fn add(&mut self, entry: &str, field: u32) -> u32 {
        let hash = self.hasher.hash_one(entry);
        let (text, ends) = (&self.text, &self.ends);
        let found = self
            .ids
            .find(hash, |&id| entry_in(text, ends, id) == entry)
            .copied();
        let id = match found {
            Some(id) => id,
            None => {
                let id = offset(self.ends.len());
                self.text.push_str(entry);
                self.ends.push(offset(self.text.len()));
                self.last_field.push(NONE);
                let (text, ends, hasher) = (&self.text, &self.ends, &self.hasher);
                self.ids
                    .insert_unique(hash, id, |&id| hasher.hash_one(entry_in(text, ends, id)));
                id
            }
        };
        if id >= FIELD || field >= FIELD {
            // Beyond what a unit within the size limits can hold.
            return NONE;
        }
        if let Some(last) = self.last_field.get_mut(id as usize)
            && *last != field
        {
            *last = field;
            if self.noted.is_empty() || self.field != field {
                self.field = field;
                self.noted.push(field | FIELD);
            }
            self.noted.push(id);
        }
        id
    }

    /// The lexicon, with entries numbered in sorted order (so that a prefix
    /// is a range), and the new number of each provisional id.
    pub(crate) fn finish(self) -> (Lexicon, Vec<u32>) {
        let Self {
            text,
            ends,
            ids,
            last_field,
            noted,
            ..
        } = self;
        drop((ids, last_field));
        let count = ends.len();
        let mut order: Vec<u32> = (0..offset(count)).collect();
        order.sort_unstable_by(|&a, &b| entry_in(&text, &ends, a).cmp(entry_in(&text, &ends, b)));
        let mut renumber = vec![NONE; count];
        for (new, &old) in order.iter().enumerate() {
            if let Some(slot) = renumber.get_mut(old as usize) {
                *slot = offset(new);
            }
        }
        let vocabulary = Vocabulary::new(order.iter().map(|&id| entry_in(&text, &ends, id)));
        drop((order, text, ends));
        // Each list's length, then where it starts: a counting sort.
        let mut starts = vec![0u32; count + 1];
        for &id in noted.iter().filter(|&&id| id < FIELD) {
            if let Some(n) = renumber
                .get(id as usize)
                .and_then(|&new| starts.get_mut(new as usize + 1))
            {
                *n += 1;
            }
        }
        let mut total = 0;
        for start in &mut starts {
            total += *start;
            *start = total;
        }
        let mut next = starts.clone();
        let mut postings = vec![0u32; starts.last().map_or(0, |&n| n as usize)];
        let mut field = 0;
        for &id in &noted {
            if id >= FIELD {
                field = id & !FIELD;
                continue;
            }
            let Some(slot) = renumber
                .get(id as usize)
                .and_then(|&new| next.get_mut(new as usize))
            else {
                continue;
            };
            if let Some(posting) = postings.get_mut(*slot as usize) {
                *posting = field;
            }
            *slot += 1;
        }
        drop((noted, next));
        let lexicon = Lexicon {
            vocabulary,
            postings,
            starts,
        };
        (lexicon, renumber)
    }
}

/// Entry `id` of the entries end to end in `text`, ending at `ends`.
fn entry_in<'t>(text: &'t str, ends: &[u32], id: u32) -> &'t str {
    let i = id as usize;
    let end = ends.get(i).map_or(0, |&e| e as usize);
    let start = match i.checked_sub(1) {
        Some(before) => ends.get(before).map_or(0, |&e| e as usize),
        None => 0,
    };
    text.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// Whatever entries the fields hold, in whatever order and with
        /// repeats, the lexicon lists each distinct entry once, sorted, with
        /// the ascending fields that hold it; and each provisional id is
        /// renumbered to its entry's place.
        #[test]
        fn the_lexicon_is_each_entry_with_the_fields_holding_it(
            fields in proptest::collection::vec(
                proptest::collection::vec("[a-c]{0,3}|é|50/80|日本", 0..6),
                0..40,
            ),
            gaps in proptest::collection::vec(1..4u32, 40),
        ) {
            let mut builder = LexiconBuilder::default();
            let mut model: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
            let mut given = Vec::new();
            let mut field = 0;
            for (entries, gap) in fields.iter().zip(&gaps) {
                field += gap;
                for entry in entries {
                    given.push((entry.clone(), builder.add(entry, field)));
                    model.entry(entry.clone()).or_default().insert(field);
                }
            }
            let (lexicon, renumber) = builder.finish();
            prop_assert_eq!(lexicon.vocabulary.len(), model.len());
            for (i, (entry, holding)) in model.iter().enumerate() {
                prop_assert_eq!(lexicon.vocabulary.entry(i), entry.as_str());
                let listed: Vec<u32> = holding.iter().copied().collect();
                prop_assert_eq!(lexicon.postings(offset(i)), listed.as_slice());
            }
            prop_assert_eq!(
                lexicon.posting_count(),
                model.values().map(BTreeSet::len).sum::<usize>()
            );
            for (entry, id) in given {
                let new = renumber.get(id as usize).copied().unwrap_or(NONE);
                prop_assert_eq!(lexicon.vocabulary.entry(new as usize), entry.as_str());
            }
        }
    }
}
