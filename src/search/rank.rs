//! Scoring every document for a query, and picking each group's best.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::dataset::Dataset;

use super::index::{LENGTH_BITS, LENGTH_MASK, SearchIndex};
use super::query::{Term, Tier, terms};
use super::results::{Group, GroupKind, SearchResults};
use super::vocabulary::Found;

/// A document's score so far, summed over terms: the points above bit 32,
/// the best fields' inverted lengths below, so that it compares as "higher
/// score, then shorter fields". `0` means no match.
fn widen(packed: u32) -> u64 {
    (u64::from(packed >> LENGTH_BITS) << 32) + u64::from(packed & LENGTH_MASK)
}

/// A matching document as ranked: its summed score, then dataset order; the
/// greatest is the best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Ranked {
    summed: u64,
    earlier: Reverse<usize>,
}

impl Ranked {
    fn score(self) -> u32 {
        u32::try_from(self.summed >> 32).unwrap_or(u32::MAX)
    }

    fn doc(self) -> usize {
        self.earlier.0
    }
}

impl SearchIndex {
    /// Searches for `query` and returns up to `limit_per_group` hits per
    /// group, best first, with each group's total number of matches.
    /// `dataset` must be the one the index was built from: the titles and
    /// snippets are read from it.
    ///
    /// Matching: the query is folded (case, the accents of Latin letters, and
    /// typographic apostrophes, quotes and dashes ignored) and split
    /// at spaces into terms, with punctuation trimmed from their ends. A
    /// record or paragraph matches when every term appears in it, in any
    /// order and in any of its fields; an article's title counts as part of
    /// its first paragraph. A term of one character matches only at the start
    /// of a word. A term holding punctuation ("50/80", "non-aligned") must
    /// appear as written, within one run of non-spaces. Empty or
    /// whitespace-only queries match nothing.
    ///
    /// Ranking, within each group: each term scores its best field, by tier —
    /// the whole field (5) > the field's start (4) > a whole word (3) > a
    /// word's start (2) > inside a word (1) — plus 5 in a name or title field
    /// (acronym, name, alias, person's name, event title or resolution,
    /// glossary term or alias, article title), so any name match beats any
    /// body match. A hit's score is the sum over terms; ties go to the
    /// shorter matched fields, then to dataset order.
    pub fn search(&self, dataset: &Dataset, query: &str, limit_per_group: usize) -> SearchResults {
        let terms = terms(query);
        if terms.is_empty() {
            return SearchResults::default();
        }
        let scores = self.score(&terms);
        let mut groups = Vec::new();
        for kind in GroupKind::ALL {
            let (best, total) = self.best_of(&scores, kind, limit_per_group);
            if total == 0 {
                continue;
            }
            let hits = best
                .into_iter()
                .filter_map(|ranked| self.hit(dataset, &terms, ranked.doc(), ranked.score()))
                .collect();
            groups.push(Group { kind, hits, total });
        }
        SearchResults { groups }
    }

    /// The `limit` best documents of `group`, best first, and how many match.
    fn best_of(&self, scores: &[u64], group: GroupKind, limit: usize) -> (Vec<Ranked>, usize) {
        // The shown hits are few: a heap of them, worst on top, turns most
        // matches away with one comparison and sorts nothing else.
        let mut kept: BinaryHeap<Reverse<Ranked>> = BinaryHeap::new();
        let mut total = 0;
        // Documents come in order, so a later one that only ties the worst
        // kept is worse: below or at this, a document is turned away at once.
        let mut bar = 0;
        let docs = self.group_docs(group);
        let start = docs.start;
        for (i, &summed) in scores.get(docs).unwrap_or_default().iter().enumerate() {
            // No branch on matching: which documents match is random enough
            // to defeat the branch predictor. A non-match (0) never clears the bar.
            total += usize::from(summed != 0);
            if summed <= bar {
                continue;
            }
            let ranked = Ranked {
                summed,
                earlier: Reverse(start + i),
            };
            if kept.len() < limit {
                kept.push(Reverse(ranked));
            } else if let Some(mut worst) = kept.peek_mut() {
                *worst = Reverse(ranked);
            }
            if kept.len() >= limit {
                bar = kept.peek().map_or(0, |worst| worst.0.summed);
            }
        }
        let best = kept.into_sorted_vec().into_iter().map(|r| r.0).collect();
        (best, total)
    }

    /// Scores every document for `terms`, term by term: a document drops out
    /// at the first term it lacks.
    fn score(&self, terms: &[Term]) -> Vec<u64> {
        let docs = self.doc_count();
        let mut scores = vec![0u64; docs];
        let mut best = vec![0u32; docs];
        let mut matching = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            if i > 0 {
                best.fill(0);
            }
            self.best_for(term, &mut best, &mut matching);
            // Branch-free, so that the compiler can vectorise the pass
            // (`widen(0)` is 0, and the mask clears documents that lack a term).
            if i == 0 {
                for (score, &best) in scores.iter_mut().zip(&best) {
                    *score = widen(best);
                }
            } else {
                for (score, &best) in scores.iter_mut().zip(&best) {
                    let alive = u64::from(*score != 0 && best != 0);
                    *score = (*score + widen(best)) & alive.wrapping_neg();
                }
            }
        }
        scores
    }

    /// Keeps in `best` each document's best packed score for `term`: every
    /// field holding a word (or, for a term with punctuation inside, a
    /// compound) that contains the term, scored from the entry lists alone.
    fn best_for(&self, term: &Term, best: &mut [u32], matching: &mut Vec<Found>) {
        let compound = !term.one_word;
        let lexicon = if compound {
            &self.compounds
        } else {
            &self.words
        };
        matching.clear();
        lexicon
            .vocabulary
            .matching(&term.text, term.word_starts_only, matching);
        for found in matching.iter() {
            for &f in lexicon.postings(found.entry) {
                let Some(&field) = self.fields.get(f as usize) else {
                    continue;
                };
                // The field's own start and whole are known from its first
                // entry; everything else from the entry.
                let tier = if found.at_start && field.first(compound) == found.entry {
                    if found.whole && field.is_one(compound) {
                        Tier::Field
                    } else {
                        Tier::FieldStart
                    }
                } else {
                    found.tier
                };
                let packed = field.packed(tier as u32);
                if let Some(slot) = best.get_mut(field.doc as usize)
                    && packed > *slot
                {
                    *slot = packed;
                }
            }
        }
    }
}
