//! Links in the article text: organization names and acronyms, people,
//! resolution numbers and dated mentions, recognised once when the dataset
//! loads from the dataset's own names, aliases, resolution numbers, dates and
//! citations, not marked by hand paragraph by paragraph.
//!
//! Nothing here knows of egui: the reader draws the ranges [`LinkIndex::of`]
//! returns, and a click selects the [`LinkTarget`].
//!
//! # Rules
//!
//! Text is read as words, maximal runs of letters and digits, so every match
//! starts and ends on a word boundary. Between the words of a name the text
//! must have the same separator as the name, after folding: any run of spaces
//! is one space, every hyphen or dash is '-', every curly apostrophe is '\''
//! ("Non‑Aligned" with a non-breaking hyphen is "Non-Aligned"). A newline,
//! which separates a list's items, never lies inside a match.
//!
//! - **Organizations** by full name and every alias, in any capitals ("UN
//!   General Assembly", "General Assembly", "non-aligned countries"), and by
//!   acronym only as written ("UN", "EU": never "Un", and never inside
//!   "UNESCO", "unanimously" or "Europe").
//! - **People** by full name in any capitals, and by surname alone ("Atayeva",
//!   with an initial before it: "A. Atayeva") only as written, only when no
//!   other person's name contains that word, and only in an article whose
//!   text also has the full name.
//! - **Resolution numbers**: digits, '/', digits and an optional capital
//!   after a space ("50/80 A", "69/285"), linked to the event whose
//!   `resolution` is that number. "50/80 A" is tried before "50/80"; a number
//!   glued to more digits ("1/50/80") is not one.
//! - **Dated mentions**: a date phrase ("12 December 1995", "December 12,
//!   1995", "10th of June 2020", "December 2007", "October of 1995", "1997",
//!   "18 to 20 October 1995", "2022-2052") is linked to an event only when
//!   that event cites this very paragraph and its date agrees: the same date
//!   or span, the first or last year of a span ("1995" of 1995–1996), or the
//!   month holding the whole event ("October of 1995" for 18–20 October
//!   1995). Where several agree equally (two events of 13 May 1996), the
//!   earliest in the timeline's order is taken. A phrase no citing event
//!   agrees with is not a link: never a guess.
//!
//! Where matches overlap, the one starting first wins, and of those starting
//! together the longest: "UN General Assembly" beats "UN", "United Nations
//! Regional Centre for Preventive Diplomacy for Central Asia" beats "United
//! Nations", and nothing is linked inside a link. A name that two records
//! share, a resolution number that two events claim, or a date phrase that
//! agrees with no event is not linked either, and still keeps shorter
//! matches out of its words ("12 December 1995" never becomes a link on
//! "1995" alone).

mod dates;
pub(crate) mod names;
mod numbers;
mod words;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::dataset::Dataset;
use crate::model::Article;
use names::{Found, Names};
use numbers::Resolutions;
use words::Word;

/// What a link points at: an index into one of the dataset's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkTarget {
    /// An index into `dataset.organizations`: select it in the organization panel.
    Organization(usize),
    /// An index into `dataset.people`.
    Person(usize),
    /// An index into `dataset.events`: select it on the timeline.
    Event(usize),
}

/// How a link was recognised, for a hover card to say so and for tests to
/// check the text against the right field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkKind {
    /// An organization's or a person's full name.
    Name,
    /// One of an organization's aliases.
    Alias,
    /// An organization's acronym.
    Acronym,
    /// A person's surname, perhaps with the first name's initial.
    Surname,
    /// An event's resolution number.
    Resolution,
    /// A date phrase agreeing with an event that cites the paragraph.
    Date,
}

/// One link: a byte range of a block's [`Block::text`](crate::model::Block::text)
/// and what it points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Bytes of the block's text; both ends lie on char boundaries.
    pub range: Range<usize>,
    /// What a click selects.
    pub target: LinkTarget,
    /// How it was recognised.
    pub kind: LinkKind,
}

/// Every link of every block of every article, computed once at load.
#[derive(Clone, Debug, Default)]
pub struct LinkIndex {
    /// `articles[a][p - 1]`: the links of paragraph `p` of article `a`,
    /// sorted and not overlapping.
    articles: Vec<Vec<Vec<Link>>>,
}

impl LinkIndex {
    /// Recognises the links of every block of every article of the dataset.
    pub fn new(dataset: &Dataset) -> Self {
        let names = Names::new(dataset);
        let resolutions = Resolutions::new(dataset);
        let articles = dataset
            .articles
            .iter()
            .map(|article| article_links(dataset, article, &names, &resolutions))
            .collect();
        Self { articles }
    }

    /// The links of paragraph `paragraph` (counted from 1, as citations count)
    /// of the article at `article` in `dataset.articles`, sorted by position
    /// and not overlapping; empty for a paragraph or article that does not exist.
    pub fn of(&self, article: usize, paragraph: u32) -> &[Link] {
        let Some(index) = usize::try_from(paragraph)
            .ok()
            .and_then(|p| p.checked_sub(1))
        else {
            return &[];
        };
        self.articles
            .get(article)
            .and_then(|blocks| blocks.get(index))
            .map_or(&[], Vec::as_slice)
    }

    /// Every link as (article index, paragraph from 1, link), in article,
    /// paragraph and text order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, u32, &Link)> {
        self.articles.iter().enumerate().flat_map(|(a, blocks)| {
            blocks
                .iter()
                .zip(1u32..)
                .flat_map(move |(links, paragraph)| {
                    links.iter().map(move |link| (a, paragraph, link))
                })
        })
    }

    /// How many links there are in all.
    pub fn len(&self) -> usize {
        self.articles.iter().flatten().map(Vec::len).sum()
    }

    /// True when no text has a link.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A possible link; `target: None` marks words that must not be linked (a
/// shared name, a date phrase no citing event agrees with) but that still
/// keep shorter matches out.
#[derive(Clone, Debug)]
struct Candidate {
    range: Range<usize>,
    target: Option<LinkTarget>,
    kind: LinkKind,
}

fn article_links(
    dataset: &Dataset,
    article: &Article,
    names: &Names,
    resolutions: &Resolutions,
) -> Vec<Vec<Link>> {
    let citing = citing_events(dataset, article);
    let mut blocks: Vec<Vec<Candidate>> = article
        .body
        .iter()
        .zip(1u32..)
        .map(|(block, paragraph)| {
            let text = block.text();
            let events = citing.get(&paragraph).map_or(&[][..], Vec::as_slice);
            candidates(&text, dataset, names, resolutions, events)
        })
        .collect();
    // A surname stands for a person only where the article names them in full.
    let named_in_full: HashSet<LinkTarget> = blocks
        .iter()
        .flatten()
        .filter(|c| c.kind == LinkKind::Name)
        .filter_map(|c| c.target)
        .collect();
    for candidates in &mut blocks {
        candidates.retain(|c| {
            c.kind != LinkKind::Surname || c.target.is_some_and(|t| named_in_full.contains(&t))
        });
    }
    blocks.into_iter().map(select).collect()
}

/// Indices of the events citing each paragraph of the article, in timeline order.
fn citing_events(dataset: &Dataset, article: &Article) -> HashMap<u32, Vec<usize>> {
    let mut citing: HashMap<u32, Vec<usize>> = HashMap::new();
    for &index in dataset.event_indices_of_article(&article.id) {
        let Some(event) = dataset.events.get(index) else {
            continue;
        };
        for source in event.sources.iter().filter(|s| s.article == article.id) {
            let list = citing.entry(source.paragraph).or_default();
            if !list.contains(&index) {
                list.push(index);
            }
        }
    }
    citing
}

/// Every possible link of one block's text.
fn candidates(
    text: &str,
    dataset: &Dataset,
    names: &Names,
    resolutions: &Resolutions,
    citing: &[usize],
) -> Vec<Candidate> {
    let words = words::words(text);
    let ids = names.word_ids(text, &words);
    let span = |first: usize, last: usize| -> Range<usize> {
        let start = words.get(first).map_or(0, |w| w.start);
        let end = words.get(last).map_or(start, |w| w.end);
        start..end
    };
    let mut out = Vec::new();
    for m in names.find(text, &words, &ids) {
        let mut range = span(m.first, m.last);
        let (target, kind) = match m.found {
            Found::One(target, kind) => (Some(target), kind),
            Found::Ambiguous => (None, LinkKind::Name),
        };
        if let (Some(LinkTarget::Person(p)), LinkKind::Surname) = (target, kind)
            && let Some(initial) = dataset.people.get(p).and_then(|p| p.name.chars().next())
        {
            range.start = with_initial(text, range.start, initial);
        }
        out.push(Candidate {
            range,
            target,
            kind,
        });
    }
    for i in 0..words.len() {
        if !starts_with_digit_or_capital(text, &words, i) {
            continue;
        }
        if let Some(m) = resolutions.at(text, &words, i) {
            out.push(Candidate {
                range: span(m.first, m.last),
                target: m.event.map(LinkTarget::Event),
                kind: LinkKind::Resolution,
            });
        }
        if let Some(m) = dates::at(text, &words, i) {
            out.push(Candidate {
                range: span(m.first, m.last),
                target: dates::event_of(m.phrase, citing, &dataset.events).map(LinkTarget::Event),
                kind: LinkKind::Date,
            });
        }
    }
    out
}

/// Resolution numbers and date phrases start with a digit or a month name;
/// the check skips most words cheaply.
fn starts_with_digit_or_capital(text: &str, words: &[Word], i: usize) -> bool {
    words::word(text, words, i)
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// The start of "A. Atayeva" when the surname at `start` follows the first
/// name's initial and a full stop; `start` otherwise.
fn with_initial(text: &str, start: usize, initial: char) -> usize {
    let before = text.get(..start).unwrap_or("");
    let before = before
        .strip_suffix(' ')
        .or_else(|| before.strip_suffix('\u{a0}'))
        .unwrap_or(before);
    let Some(rest) = before
        .strip_suffix('.')
        .and_then(|b| b.strip_suffix(initial))
    else {
        return start;
    };
    // "CA. Atayeva" is not an initial.
    if rest.chars().next_back().is_some_and(char::is_alphanumeric) {
        start
    } else {
        rest.len()
    }
}

/// The links among the candidates: leftmost first, then longest, none
/// overlapping one already taken; blockers take their words and are dropped.
fn select(mut candidates: Vec<Candidate>) -> Vec<Link> {
    // Stable, so that of two equal ranges the first found (a name before a
    // number or a date) is kept.
    candidates.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
    });
    let mut links = Vec::new();
    let mut taken = 0;
    for candidate in candidates {
        if candidate.range.start < taken || candidate.range.is_empty() {
            continue;
        }
        taken = candidate.range.end;
        if let Some(target) = candidate.target {
            links.push(Link {
                range: candidate.range,
                target,
                kind: candidate.kind,
            });
        }
    }
    links
}
