//! The sentences an explanation quotes, found in the paragraphs a record cites.
//!
//! A question is asked only if a sentence of a cited paragraph states its
//! answer (the year, the month, the number, the name), or the record says how
//! a date was worked out; then the explanation quotes that sentence, and the
//! question cites its paragraph first.

use crate::dataset::{Dataset, normalize_space};
use crate::model::{Block, Source};

use super::text::{quoted, sentences};

/// Sentences quoted from one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Evidence {
    /// The paragraph they come from.
    pub source: Source,
    /// The sentences, in the paragraph's order; two when the one that states
    /// the date is not the one that names the event ("On the same day, …").
    pub sentences: Vec<String>,
}

impl Evidence {
    /// “The sentence.” (Article title, paragraph 5)
    pub(crate) fn cite(&self, dataset: &Dataset) -> String {
        let title = dataset
            .article(&self.source.article)
            .map_or(self.source.article.as_str(), |a| a.title.as_str());
        format!(
            "{} ({title}, paragraph {})",
            quoted(&self.sentences.join(" … ")),
            self.source.paragraph
        )
    }
}

/// The text of a cited paragraph, if it exists.
pub(crate) fn paragraph(dataset: &Dataset, source: &Source) -> Option<String> {
    let article = dataset.article(&source.article)?;
    Some(article.paragraph(source.paragraph)?.text())
}

/// Calls `f` with the text of a cited paragraph, borrowed where the block
/// holds it in one piece (a list's items are joined first).
pub(crate) fn with_paragraph<R>(
    dataset: &Dataset,
    source: &Source,
    f: impl FnOnce(&str) -> R,
) -> Option<R> {
    let block = dataset
        .article(&source.article)?
        .paragraph(source.paragraph)?;
    Some(match block {
        Block::Heading { text, .. }
        | Block::Paragraph { text, .. }
        | Block::Quote { text, .. }
        | Block::Preamble { text, .. }
        | Block::Operative { text, .. } => f(text),
        other => f(&other.text()),
    })
}

/// How many of the `about` words (folded, sorted, from [`key_words`]) a
/// sentence has. Word by word against the sorted list, with no folded copy
/// of the sentence: this runs on every sentence of every paragraph quoted.
///
/// [`key_words`]: super::text::key_words
fn overlap(sentence: &str, about: &[String]) -> usize {
    if about.is_empty() {
        return 0;
    }
    let mut seen = vec![false; about.len()];
    let mut lower = String::new();
    for word in sentence.split(|c: char| !c.is_alphanumeric()) {
        if word.len() < 4 {
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Ok(i) = about.binary_search(&lower) {
            seen[i] = true;
        }
    }
    seen.into_iter().filter(|&s| s).count()
}

/// The sentence of the `sources` that `states` (the test) and, among those,
/// shares most of the `about` words; with it, the sentence of the same
/// paragraph that shares the most words, when that is another and shares
/// more. `None` if no sentence states it.
///
/// `states` must hold of a whole paragraph if it holds of one of its
/// sentences (a word or a number in it): paragraphs it does not hold of are
/// passed over unsplit, which is most of the work saved on large datasets.
pub(crate) fn stating(
    dataset: &Dataset,
    sources: &[Source],
    states: impl Fn(&str) -> bool,
    about: &[String],
) -> Option<Evidence> {
    let mut best: Option<(usize, Evidence)> = None;
    for source in sources {
        let found = with_paragraph(dataset, source, |text| {
            if !states(text) {
                return None;
            }
            let all = sentences(text);
            let scores: Vec<usize> = all.iter().map(|s| overlap(s, about)).collect();
            let (at, &score) = scores
                .iter()
                .enumerate()
                .filter(|&(i, _)| states(all[i]))
                .max_by_key(|&(i, score)| (*score, std::cmp::Reverse(i)))?;
            let companion = scores
                .iter()
                .enumerate()
                .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))
                .filter(|&(i, s)| i != at && *s > score)
                .map(|(i, _)| i);
            let mut picked = vec![at];
            picked.extend(companion);
            picked.sort_unstable();
            let sentences = picked
                .into_iter()
                .filter_map(|i| all.get(i).map(|s| (*s).to_owned()))
                .collect();
            Some((score, sentences))
        });
        let Some(Some((score, sentences))) = found else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            let evidence = Evidence {
                source: source.clone(),
                sentences,
            };
            best = Some((score, evidence));
        }
    }
    best.map(|(_, evidence)| evidence)
}

/// Whether some cited paragraph `states` it: [`stating`] without the
/// sentences, for checking many candidates cheaply.
pub(crate) fn states_somewhere(
    dataset: &Dataset,
    sources: &[Source],
    states: impl Fn(&str) -> bool,
) -> bool {
    sources
        .iter()
        .any(|source| with_paragraph(dataset, source, &states) == Some(true))
}

/// The sentence of the `sources` that shares most of the `about` words (at
/// least one), for a record whose date the text implies rather than states.
pub(crate) fn closest(dataset: &Dataset, sources: &[Source], about: &[String]) -> Option<Evidence> {
    let mut best: Option<(usize, Evidence)> = None;
    for source in sources {
        let found = with_paragraph(dataset, source, |text| {
            sentences(text)
                .into_iter()
                .enumerate()
                .map(|(i, s)| (overlap(s, about), i, s))
                .filter(|(score, _, _)| *score > 0)
                .max_by_key(|&(score, i, _)| (score, std::cmp::Reverse(i)))
                .map(|(score, _, s)| (score, s.to_owned()))
        });
        let Some(Some((score, sentence))) = found else {
            continue;
        };
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            let evidence = Evidence {
                source: source.clone(),
                sentences: vec![sentence],
            };
            best = Some((score, evidence));
        }
    }
    best.map(|(_, evidence)| evidence)
}

/// A record's own quote with the cited paragraph it stands in (the
/// validator checks that it stands in one of them word for word).
pub(crate) fn quote(dataset: &Dataset, quote: &str, sources: &[Source]) -> Option<Evidence> {
    let wanted = normalize_space(quote);
    let source = sources.iter().find(|source| {
        paragraph(dataset, source).is_some_and(|text| normalize_space(&text).contains(&wanted))
    })?;
    Some(Evidence {
        source: source.clone(),
        sentences: vec![quote.trim().to_owned()],
    })
}

/// `sources` with `first` moved to the front (or put there), without repeats.
pub(crate) fn sources_with_first(first: &Source, sources: &[Source]) -> Vec<Source> {
    let mut out = vec![first.clone()];
    out.extend(sources.iter().filter(|s| *s != first).cloned());
    out
}
