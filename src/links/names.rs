//! Organization and person names: a trie over words, built once from the
//! dataset's names, aliases and acronyms, walked from every word of a block.
//!
//! The trie is generic over what a name stands for, so that the dataset's
//! lints ([`crate::dataset::lint`]) find names, and glossary terms, in the
//! text by the same rules as the reader's links.

use std::collections::HashMap;

use super::words::{Word, fold_gap, fold_word, gap, words};
use super::{LinkKind, LinkTarget};
use crate::dataset::Dataset;

/// A name that ends at a trie node.
#[derive(Clone, Debug)]
struct Entry<T> {
    target: T,
    kind: LinkKind,
    /// The words exactly as written, for names matched with their capitals
    /// (acronyms and surnames); `None` for names matched in any case.
    exact: Option<Box<[String]>>,
}

/// What the longest name starting at a word names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found<T = LinkTarget> {
    /// One record, recognised this way.
    One(T, LinkKind),
    /// Two or more records share this name: it is not linked, and nothing
    /// inside it is either.
    Ambiguous,
}

/// A name found in a text: words `first..=last`.
#[derive(Clone, Copy, Debug)]
pub(super) struct NameMatch<T = LinkTarget> {
    pub first: usize,
    pub last: usize,
    pub found: Found<T>,
}

/// The names of a dataset as a trie of words.
///
/// Words and gaps are interned to numbers, and the trie's edges are one map
/// from (node, gap, word) to node: one hash look-up per word of text walked,
/// and a text word no name uses ends the walk at once.
#[derive(Debug)]
pub(crate) struct Names<T = LinkTarget> {
    vocabulary: HashMap<String, u32>,
    /// Folded gaps between the words of names; 0 stands for "first word".
    gaps: HashMap<String, u32>,
    edges: HashMap<(u32, u32, u32), u32>,
    /// The number of the gap " ", if any name has one.
    space: Option<u32>,
    /// Names ending at each node; node 0 is the root.
    entries: Vec<Vec<Entry<T>>>,
}

impl Names {
    /// The names, aliases and acronyms of every organization, and the full
    /// name of every person, with the surname of each person whose surname no
    /// other person's name contains.
    pub fn new(dataset: &Dataset) -> Self {
        let mut names = Self::empty();
        for (index, organization) in dataset.organizations.iter().enumerate() {
            let target = LinkTarget::Organization(index);
            names.add(&organization.name, target, LinkKind::Name, false);
            for alias in &organization.aliases {
                names.add(alias, target, LinkKind::Alias, false);
            }
            if let Some(acronym) = &organization.acronym {
                names.add(acronym, target, LinkKind::Acronym, true);
            }
        }
        let mut folded = String::new();
        let mut surname_users: HashMap<String, usize> = HashMap::new();
        for person in &dataset.people {
            let mut seen = Vec::new();
            for word in person.name.split_whitespace() {
                fold_word(word, &mut folded);
                if !seen.contains(&folded) {
                    seen.push(folded.clone());
                    *surname_users.entry(folded.clone()).or_default() += 1;
                }
            }
        }
        for (index, person) in dataset.people.iter().enumerate() {
            let target = LinkTarget::Person(index);
            names.add(&person.name, target, LinkKind::Name, false);
            if let Some(surname) = surname(&person.name) {
                fold_word(surname, &mut folded);
                // A surname that any other person's name contains would be a guess.
                if surname_users.get(&folded) == Some(&1) {
                    names.add(surname, target, LinkKind::Surname, true);
                }
            }
        }
        names.finish();
        names
    }
}

impl<T: Copy + PartialEq> Names<T> {
    /// No names yet: [`Self::add`] them, then [`Self::finish`].
    pub fn empty() -> Self {
        Self {
            vocabulary: HashMap::new(),
            gaps: HashMap::new(),
            edges: HashMap::new(),
            space: None,
            entries: vec![Vec::new()],
        }
    }

    /// Ready to search once every name is added.
    pub fn finish(&mut self) {
        self.space = self.gaps.get(" ").copied();
    }

    /// Adds `name` for `target`: matched in any capitals, or with `exact`
    /// only as written (acronyms, surnames).
    pub fn add(&mut self, name: &str, target: T, kind: LinkKind, exact: bool) {
        let pattern = words(name);
        if pattern.is_empty() {
            return;
        }
        let mut buffer = String::new();
        let mut node = 0u32;
        for i in 0..pattern.len() {
            let gap_id = if i == 0 {
                0
            } else {
                fold_gap(gap(name, &pattern, i), &mut buffer);
                let next = self.gaps.len() as u32 + 1;
                *self.gaps.entry(buffer.clone()).or_insert(next)
            };
            let word = name.get(pattern[i].start..pattern[i].end).unwrap_or("");
            fold_word(word, &mut buffer);
            let next = self.vocabulary.len() as u32;
            let word_id = *self.vocabulary.entry(buffer.clone()).or_insert(next);
            let fresh = self.entries.len() as u32;
            node = *self.edges.entry((node, gap_id, word_id)).or_insert(fresh);
            if node == fresh {
                self.entries.push(Vec::new());
            }
        }
        let exact = exact.then(|| {
            pattern
                .iter()
                .map(|w| name.get(w.start..w.end).unwrap_or("").to_owned())
                .collect::<Box<[String]>>()
        });
        if let Some(entries) = self.entries.get_mut(node as usize) {
            // The same name twice for one record (an alias that repeats the
            // name in other capitals) keeps the first, better kind.
            if !entries
                .iter()
                .any(|e| e.target == target && e.exact == exact)
            {
                entries.push(Entry {
                    target,
                    kind,
                    exact,
                });
            }
        }
    }

    /// The vocabulary number of each word of the text; `None` for a word no
    /// name uses, where no walk can start or pass.
    pub(super) fn word_ids(&self, text: &str, words: &[Word]) -> Vec<Option<u32>> {
        let mut folded = String::new();
        words
            .iter()
            .map(|w| {
                fold_word(text.get(w.start..w.end).unwrap_or(""), &mut folded);
                self.vocabulary.get(folded.as_str()).copied()
            })
            .collect()
    }

    /// The longest name starting at each word of the text, in word order.
    pub(super) fn find(
        &self,
        text: &str,
        words: &[Word],
        ids: &[Option<u32>],
    ) -> Vec<NameMatch<T>> {
        let mut found = Vec::new();
        let mut buffer = String::new();
        for first in 0..words.len() {
            if ids[first].is_none() {
                continue;
            }
            if let Some(m) = self.longest(text, words, ids, first, &mut buffer) {
                found.push(m);
            }
        }
        found
    }

    fn longest(
        &self,
        text: &str,
        words: &[Word],
        ids: &[Option<u32>],
        first: usize,
        buffer: &mut String,
    ) -> Option<NameMatch<T>> {
        let mut best = None;
        self.walk(text, words, ids, first, buffer, |i, entries| {
            if let Some(found) = accept(entries, text, &words[first..=i]) {
                best = Some(NameMatch {
                    first,
                    last: i,
                    found,
                });
            }
        });
        best
    }

    /// Every name `text` has, wherever it stands, each time it stands there:
    /// names inside longer names and names that several targets share
    /// included, unlike the links, which keep the longest and drop shared ones.
    pub fn every(&self, text: &str, mut found: impl FnMut(T, LinkKind)) {
        let words = words(text);
        let ids = self.word_ids(text, &words);
        let mut buffer = String::new();
        for first in 0..words.len() {
            if ids[first].is_none() {
                continue;
            }
            self.walk(text, &words, &ids, first, &mut buffer, |i, entries| {
                for entry in entries {
                    if exact_matches(entry, text, &words[first..=i]) {
                        found(entry.target, entry.kind);
                    }
                }
            });
        }
    }

    /// Walks the trie from word `first` as far as the text follows a name,
    /// handing each node's names to `reached` with the index of the last word.
    fn walk(
        &self,
        text: &str,
        words: &[Word],
        ids: &[Option<u32>],
        first: usize,
        buffer: &mut String,
        mut reached: impl FnMut(usize, &[Entry<T>]),
    ) {
        let mut node = 0u32;
        for (i, id) in ids.iter().enumerate().skip(first) {
            let Some(word_id) = *id else { break };
            let between = gap(text, words, i);
            let gap_id = if i == first {
                0
            } else if between == " " {
                // Most gaps are one plain space: no folding, no look-up.
                match self.space {
                    Some(g) => g,
                    None => break,
                }
            } else {
                fold_gap(between, buffer);
                match self.gaps.get(buffer.as_str()) {
                    Some(&g) => g,
                    None => break,
                }
            };
            let Some(&next) = self.edges.get(&(node, gap_id, word_id)) else {
                break;
            };
            node = next;
            let entries = self
                .entries
                .get(node as usize)
                .map_or(&[][..], Vec::as_slice);
            reached(i, entries);
        }
    }
}

/// What the names ending at a node say of the words matched: `None` when none
/// accepts them (an acronym written in other capitals).
fn accept<T: Copy + PartialEq>(
    entries: &[Entry<T>],
    text: &str,
    matched: &[Word],
) -> Option<Found<T>> {
    let mut found = None;
    for entry in entries {
        if !exact_matches(entry, text, matched) {
            continue;
        }
        found = match found {
            None => Some(Found::One(entry.target, entry.kind)),
            Some(Found::One(target, _)) if target == entry.target => found,
            Some(_) => Some(Found::Ambiguous),
        };
    }
    found
}

/// Whether the words matched are as `entry` wants them: always for a name in
/// any capitals, only as written for an acronym or a surname.
fn exact_matches<T>(entry: &Entry<T>, text: &str, matched: &[Word]) -> bool {
    entry.exact.as_ref().is_none_or(|exact| {
        exact.len() == matched.len()
            && exact
                .iter()
                .zip(matched)
                .all(|(want, w)| text.get(w.start..w.end) == Some(want.as_str()))
    })
}

/// The last word of a name of two words or more: "Atayeva" of "Aksoltan
/// Atayeva", "Ki-moon" of "Ban Ki-moon".
pub(super) fn surname(name: &str) -> Option<&str> {
    let mut parts = name.split_whitespace();
    let _first = parts.next()?;
    parts.last()
}
