//! A hit's title, snippet and highlights, made only for the hits shown.

use std::ops::Range;

use crate::dataset::Dataset;
use crate::i18n::{dates, tr};

use super::fields::Source;
use super::fold::Folded;
use super::index::SearchIndex;
use super::query::Term;
use super::results::{Hit, Target};

/// How many characters a snippet shows, at most (plus "…" at either end).
pub const SNIPPET_CHARS: usize = 120;

/// How many characters of context a snippet keeps before its first match.
const LEAD_CHARS: usize = 30;

impl SearchIndex {
    /// The hit for document `doc`; `None` only for a document without fields.
    pub(crate) fn hit(
        &self,
        dataset: &Dataset,
        terms: &[Term],
        doc: usize,
        score: u32,
    ) -> Option<Hit> {
        let sources = self.doc_sources(dataset, doc);
        let target = sources.first()?.target();
        let title = title(dataset, target);
        let title_highlights = highlights(&title, terms);
        let sources = sources.into_iter();
        let (snippet, highlights) = if let Target::Paragraph { .. } = target {
            let block = sources.rev().find(|s| matches!(s, Source::Block(..)));
            field_snippet(dataset, terms, block, false)
        } else {
            record_snippet(dataset, terms, sources)
        };
        Some(Hit {
            target,
            title,
            title_highlights,
            snippet,
            highlights,
            score,
        })
    }
}

/// What a hit shows as its title.
fn title(dataset: &Dataset, target: Target) -> String {
    let title = match target {
        Target::Organization(i) => dataset.organizations.get(i).map(|o| match &o.acronym {
            Some(acronym) => format!("{acronym} — {}", o.name),
            None => o.name.clone(),
        }),
        Target::Person(i) => dataset.people.get(i).map(|p| p.name.clone()),
        Target::Event(i) => dataset
            .events
            .get(i)
            .map(|e| format!("{} — {}", dates::human(&e.date), e.title)),
        Target::Glossary(i) => dataset.glossary.get(i).map(|t| t.term.clone()),
        Target::Paragraph { article, .. } => dataset.articles.get(article).map(|a| a.title.clone()),
    };
    title.unwrap_or_default()
}

/// Whether a field is a record's description, shown when nothing else is.
fn is_description(source: Source) -> bool {
    matches!(
        source,
        Source::OrganizationSummary(_)
            | Source::Role(_)
            | Source::EventDescription(_)
            | Source::Definition(_)
    )
}

/// A record's snippet: its description around a match if it has one, else
/// the first other field not in the title that matches, else the start of
/// the description.
fn record_snippet(
    dataset: &Dataset,
    terms: &[Term],
    sources: impl Iterator<Item = Source> + Clone,
) -> (String, Vec<Range<usize>>) {
    let description = sources.clone().find(|&s| is_description(s));
    let others = sources.filter(|&s| !s.in_title() && !is_description(s));
    for source in description.into_iter().chain(others) {
        let snippet = field_snippet(dataset, terms, Some(source), true);
        if !snippet.1.is_empty() {
            return snippet;
        }
    }
    field_snippet(dataset, terms, description, false)
}

/// The snippet of one field; with `only_matching`, an empty one when the
/// field does not match.
fn field_snippet(
    dataset: &Dataset,
    terms: &[Term],
    source: Option<Source>,
    only_matching: bool,
) -> (String, Vec<Range<usize>>) {
    let Some((source, text)) = source.and_then(|s| Some((s, s.text(dataset)?))) else {
        return (String::new(), Vec::new());
    };
    let ranges = highlights(&text, terms);
    if only_matching && ranges.is_empty() {
        return (String::new(), Vec::new());
    }
    let label = match source {
        Source::OrganizationAlias(..) | Source::TermAlias(..) => tr("search.also_called"),
        Source::Place(_) => tr("search.place"),
        Source::Resolution(_) => tr("search.resolution"),
        _ => "",
    };
    excerpt(label, &text, &ranges)
}

/// Where `terms` occur in `text`: byte ranges, sorted, merged where they
/// overlap or touch, on character boundaries.
pub(crate) fn highlights(text: &str, terms: &[Term]) -> Vec<Range<usize>> {
    let folded = Folded::new(text);
    let mut ranges: Vec<Range<usize>> = terms
        .iter()
        .flat_map(|term| term.occurrences(&folded.text))
        .map(|range| folded.original(range))
        .collect();
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// `label` and about [`SNIPPET_CHARS`] characters of `text` around the first
/// of `ranges` (its start if none), cut at spaces, with "…" where text is
/// left out; and `ranges` moved into the snippet and clipped to it.
/// Newlines become spaces, so a list reads as one line.
pub(crate) fn excerpt(
    label: &str,
    text: &str,
    ranges: &[Range<usize>],
) -> (String, Vec<Range<usize>>) {
    let (start, end) = window(text, ranges.first());
    let mut snippet = String::with_capacity(label.len() + end - start + 6);
    snippet.push_str(label);
    if start > 0 {
        snippet.push('…');
    }
    let shift = snippet.len();
    // Control spaces are one byte, as is the space they become: offsets hold.
    snippet.extend(
        text.get(start..end)
            .unwrap_or_default()
            .chars()
            .map(|c| if c.is_ascii_whitespace() { ' ' } else { c }),
    );
    if end < text.len() {
        snippet.push('…');
    }
    let highlights = ranges
        .iter()
        .filter(|r| r.start < end && r.end > start)
        .map(|r| r.start.max(start) - start + shift..r.end.min(end) - start + shift)
        .collect();
    (snippet, highlights)
}

/// The byte range of `text` a snippet shows.
fn window(text: &str, first: Option<&Range<usize>>) -> (usize, usize) {
    if text.chars().nth(SNIPPET_CHARS).is_none() {
        return (0, text.len());
    }
    let (anchor, anchor_end) = first.map_or((0, 0), |r| (r.start, r.end));
    let before = text.get(..anchor).unwrap_or_default();
    let lead_start = before
        .char_indices()
        .rev()
        .nth(LEAD_CHARS - 1)
        .map_or(0, |(i, _)| i);
    // A match near the end takes in more before it, so the snippet stays full.
    let tail_start = text
        .char_indices()
        .rev()
        .nth(SNIPPET_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let mut start = lead_start.min(tail_start);
    if start > 0
        && let Some((space, c)) = text
            .get(start..anchor)
            .and_then(|t| t.char_indices().find(|(_, c)| c.is_whitespace()))
    {
        start += space + c.len_utf8();
    }
    let rest = text.get(start..).unwrap_or_default();
    let mut end = rest
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    if end < text.len()
        && let Some(space) = text
            .get(start..end)
            .and_then(|t| t.rfind(char::is_whitespace))
        && start + space >= anchor_end
    {
        end = start + space;
    }
    (start, end.max(anchor_end).min(text.len()))
}
