//! Organization and person names: a trie over words, built once from the
//! dataset's names, aliases and acronyms, walked from every word of a block.

use std::collections::HashMap;

use super::words::{Word, fold_gap, fold_word, gap, words};
use super::{LinkKind, LinkTarget};
use crate::dataset::Dataset;

/// A name that ends at a trie node.
#[derive(Clone, Debug)]
struct Entry {
    target: LinkTarget,
    kind: LinkKind,
    /// The words exactly as written, for names matched with their capitals
    /// (acronyms and surnames); `None` for names matched in any case.
    exact: Option<Box<[String]>>,
}

/// What the longest name starting at a word names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// One record, recognised this way.
    One(LinkTarget, LinkKind),
    /// Two or more records share this name: it is not linked, and nothing
    /// inside it is either.
    Ambiguous,
}

/// A name found in a text: words `first..=last`.
#[derive(Clone, Copy, Debug)]
pub(super) struct NameMatch {
    pub first: usize,
    pub last: usize,
    pub found: Found,
}

/// The names of a dataset as a trie of words.
///
/// Words and gaps are interned to numbers, and the trie's edges are one map
/// from (node, gap, word) to node: one hash look-up per word of text walked,
/// and a text word no name uses ends the walk at once.
#[derive(Debug, Default)]
pub(super) struct Names {
    vocabulary: HashMap<String, u32>,
    /// Folded gaps between the words of names; 0 stands for "first word".
    gaps: HashMap<String, u32>,
    edges: HashMap<(u32, u32, u32), u32>,
    /// The number of the gap " ", if any name has one.
    space: Option<u32>,
    /// Names ending at each node; node 0 is the root.
    entries: Vec<Vec<Entry>>,
}

impl Names {
    /// The names, aliases and acronyms of every organization, and the full
    /// name of every person, with the surname of each person whose surname no
    /// other person's name contains.
    pub fn new(dataset: &Dataset) -> Self {
        let mut names = Self {
            entries: vec![Vec::new()],
            ..Self::default()
        };
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
        names.space = names.gaps.get(" ").copied();
        names
    }

    fn add(&mut self, name: &str, target: LinkTarget, kind: LinkKind, exact: bool) {
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
    pub fn word_ids(&self, text: &str, words: &[Word]) -> Vec<Option<u32>> {
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
    pub fn find(&self, text: &str, words: &[Word], ids: &[Option<u32>]) -> Vec<NameMatch> {
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
    ) -> Option<NameMatch> {
        let mut node = 0u32;
        let mut best = None;
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
            if let Some(found) = accept(entries, text, &words[first..=i]) {
                best = Some(NameMatch {
                    first,
                    last: i,
                    found,
                });
            }
        }
        best
    }
}

/// What the names ending at a node say of the words matched: `None` when none
/// accepts them (an acronym written in other capitals).
fn accept(entries: &[Entry], text: &str, matched: &[Word]) -> Option<Found> {
    let mut found = None;
    for entry in entries {
        if let Some(exact) = &entry.exact {
            let same = exact.len() == matched.len()
                && exact
                    .iter()
                    .zip(matched)
                    .all(|(want, w)| text.get(w.start..w.end) == Some(want.as_str()));
            if !same {
                continue;
            }
        }
        found = match found {
            None => Some(Found::One(entry.target, entry.kind)),
            Some(Found::One(target, _)) if target == entry.target => found,
            Some(_) => Some(Found::Ambiguous),
        };
    }
    found
}

/// The last word of a name of two words or more: "Atayeva" of "Aksoltan
/// Atayeva", "Ki-moon" of "Ban Ki-moon".
pub(super) fn surname(name: &str) -> Option<&str> {
    let mut parts = name.split_whitespace();
    let _first = parts.next()?;
    parts.last()
}
