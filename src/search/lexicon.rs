//! A word list with, for each word, the fields that hold it.

use std::collections::HashMap;

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
    starts: Vec<usize>,
}

impl Lexicon {
    /// The fields holding entry `entry`, ascending.
    pub(crate) fn postings(&self, entry: u32) -> &[u32] {
        let i = entry as usize;
        let start = self.starts.get(i).copied().unwrap_or(0);
        let end = self.starts.get(i + 1).copied().unwrap_or(start);
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
            + self.starts.capacity() * size_of::<usize>()
    }
}

/// Collects entries field by field, numbering them as first seen; then
/// [`LexiconBuilder::finish`] sorts them.
#[derive(Debug, Default)]
pub(crate) struct LexiconBuilder {
    ids: HashMap<Box<str>, u32>,
    lists: Vec<Vec<u32>>,
}

impl LexiconBuilder {
    /// Notes that field `field` holds `entry`; returns the entry's provisional
    /// id. Fields must come in ascending order.
    pub(crate) fn add(&mut self, entry: &str, field: u32) -> u32 {
        let id = match self.ids.get(entry) {
            Some(&id) => id,
            None => {
                let id = offset(self.lists.len());
                self.ids.insert(entry.into(), id);
                self.lists.push(Vec::new());
                id
            }
        };
        if let Some(list) = self.lists.get_mut(id as usize)
            // Fields come in order, so a repeat can only be the last entry.
            && list.last() != Some(&field)
        {
            list.push(field);
        }
        id
    }

    /// The lexicon, with entries numbered in sorted order (so that a prefix
    /// is a range), and the new number of each provisional id.
    pub(crate) fn finish(self) -> (Lexicon, Vec<u32>) {
        let Self { ids, mut lists } = self;
        let mut sorted: Vec<(Box<str>, u32)> = ids.into_iter().collect();
        sorted.sort_unstable();
        let mut renumber = vec![NONE; sorted.len()];
        let mut postings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        let mut starts = Vec::with_capacity(sorted.len() + 1);
        for (new, (_, old)) in sorted.iter().enumerate() {
            if let Some(slot) = renumber.get_mut(*old as usize) {
                *slot = offset(new);
            }
            starts.push(postings.len());
            // Taken, not appended: each list's memory goes as it is moved
            // (100,000 events: a list for each of 200,000 words).
            if let Some(list) = lists.get_mut(*old as usize) {
                postings.extend_from_slice(&std::mem::take(list));
            }
        }
        drop(lists);
        starts.push(postings.len());
        let vocabulary = Vocabulary::new(sorted.iter().map(|(entry, _)| &**entry));
        let lexicon = Lexicon {
            vocabulary,
            postings,
            starts,
        };
        (lexicon, renumber)
    }
}
