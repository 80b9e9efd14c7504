//! The per-dataset index the generator draws from, built once: which records
//! can be asked about by each kind, and the look-ups distractors need. With
//! it, a question costs the same in a dataset of 36 events or of 100,000.

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::model::{EventCategory, Precision, Qualifier, When};

use super::fingerprint::Fingerprint;
use super::question::QuestionKind;
use super::text::{fold_case_and_punctuation, fold_hash, month_number, ordinal};

/// A dataset with the indexes the generator needs. Build it once per dataset
/// and call [`QuizBank::generate`] as often as needed.
#[derive(Clone, Debug)]
pub struct QuizBank<'a> {
    pub(crate) dataset: &'a Dataset,
    /// Events whose title no other event has, so a prompt that names one by its
    /// title means one event, and whose date the articles state (not worked
    /// out, corrected or ambiguous: [`crate::model::Event::date_stated`]):
    /// asked for their year.
    pub(crate) dated: Vec<u32>,
    /// Of those, the ones dated at least to the month (a span: its start).
    pub(crate) by_month: Vec<u32>,
    /// Of those, the ones dated to the day.
    pub(crate) by_day: Vec<u32>,
    /// Of those, the ones not planned, in chronological order: which came
    /// first and ordering ask only about what happened.
    pub(crate) chronology: Vec<u32>,
    /// UN resolutions with a number, not planned, in chronological order.
    pub(crate) resolutions: Vec<u32>,
    /// How many resolutions carry each (folded) number.
    pub(crate) resolution_numbers: HashMap<String, u32>,
    /// Organizations with an acronym that the articles write.
    pub(crate) acronyms: Vec<u32>,
    /// Organizations with at least one stated relationship.
    pub(crate) related: Vec<u32>,
    /// Facts whose number and measure the articles state, exactly or approximately ("more than 34" cannot have a
    /// provably wrong "more than" option, so those are not asked).
    pub(crate) figures: Vec<u32>,
    /// Every value of each (folded) measure and unit, at any date.
    pub(crate) measures: HashMap<(String, String), Vec<f64>>,
    /// Words and numbers of quotes that can be blanked.
    pub(crate) blanks: Vec<Blank>,
    /// The latest year an article was published, the present of the data.
    pub(crate) latest_year: i32,
    /// The dataset's fingerprint, which its quiz codes carry: worked out
    /// when a quiz is first made, not when the setup only asks which topics
    /// there are (it hashes the whole dataset: 100,000 events take a while).
    fingerprint: std::sync::OnceLock<Fingerprint>,
}

/// A quote of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuoteRef {
    /// The quote of `dataset.facts[i]`.
    Fact(u32),
    /// The quote of relationship `r` of `dataset.organizations[o]`.
    Relationship(u32, u32),
}

/// What kind of token a blank hides; the options are of the same kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A year after "in", "since", a month name….
    Year(i32),
    /// A month name.
    Month(u8),
    /// An ordinal: "30th".
    Ordinal(i64),
    /// A whole number counting something: "149 countries".
    Count(i64),
}

/// A token of a quote that a cloze question can blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Blank {
    /// Whose quote.
    pub quote: QuoteRef,
    /// Byte range of the token in the quote.
    pub start: usize,
    pub end: usize,
    /// What it is.
    pub shape: Shape,
}

/// The event's date with a span that starts and ends on the same date read as
/// that date: "2025/2025" is the year 2025, not a span.
pub(crate) fn effective(when: &When) -> When {
    match *when {
        When::Span(start, end) if start == end => When::On(start),
        other => other,
    }
}

impl<'a> QuizBank<'a> {
    /// Indexes `dataset`: one pass over each kind of record.
    pub fn new(dataset: &'a Dataset) -> Self {
        // Titles are compared by a hash of their folded text: a collision
        // could only make two titles look alike, and so skip an event, never
        // ask an ambiguous question.
        let hashes: Vec<u64> = dataset.events.iter().map(|e| fold_hash(&e.title)).collect();
        let empty = fold_hash("");
        let mut title_counts: HashMap<u64, u32> = HashMap::with_capacity(hashes.len());
        for &h in &hashes {
            *title_counts.entry(h).or_default() += 1;
        }
        let mut bank = Self {
            dataset,
            dated: Vec::new(),
            by_month: Vec::new(),
            by_day: Vec::new(),
            chronology: Vec::new(),
            resolutions: Vec::new(),
            resolution_numbers: HashMap::new(),
            acronyms: Vec::new(),
            related: Vec::new(),
            figures: Vec::new(),
            measures: HashMap::new(),
            blanks: Vec::new(),
            latest_year: 0,
            fingerprint: std::sync::OnceLock::new(),
        };
        for (i, event) in dataset.events.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            if let (Some(number), true, false) = (
                &event.resolution(),
                event.category.is(EventCategory::UnResolution),
                event.planned,
            ) {
                if event.date_stated() {
                    bank.resolutions.push(index);
                }
                *bank
                    .resolution_numbers
                    .entry(fold_case_and_punctuation(number))
                    .or_default() += 1;
            }
            // An empty title hashes like every other empty title.
            if title_counts.get(&hashes[i]) != Some(&1) || hashes[i] == empty {
                continue;
            }
            // Rule 4: a date worked out, corrected or read from an ambiguous
            // sentence is never asked, nor put in order with others.
            if !event.date_stated() {
                continue;
            }
            bank.dated.push(index);
            let start = effective(&event.date).start();
            if start.precision() >= Precision::Month {
                bank.by_month.push(index);
            }
            if start.precision() == Precision::Day {
                bank.by_day.push(index);
            }
            if !event.planned {
                bank.chronology.push(index);
            }
        }
        for (i, organization) in dataset.organizations.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            // Rule 4: an acronym or name the editor supplied is never asked,
            // nor offered as a wrong option.
            if organization
                .acronym
                .as_deref()
                .is_some_and(|a| !a.trim().is_empty())
                && organization.acronym_stated()
            {
                bank.acronyms.push(index);
            }
            if !organization.relationships.is_empty()
                && organization.name_stated()
                && organization.relationships.iter().all(|r| r.kind_stated())
            {
                bank.related.push(index);
            }
            for (r, relationship) in organization.relationships.iter().enumerate() {
                let Ok(r) = u32::try_from(r) else { break };
                if !relationship.unstated.is_empty() {
                    continue;
                }
                blanks(
                    &relationship.quote,
                    QuoteRef::Relationship(index, r),
                    &mut bank.blanks,
                );
            }
        }
        for (i, fact) in dataset.facts.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            bank.measures
                .entry((
                    fold_case_and_punctuation(&fact.measure),
                    fold_case_and_punctuation(&fact.unit),
                ))
                .or_default()
                .push(fact.value);
            // Rule 4: a figure whose number or measure rests on the editor
            // (the web text credits it to another body) is never asked.
            if !fact.stated() {
                continue;
            }
            let decimals = fact.value_text().split('.').nth(1).map_or(0, str::len);
            if fact.qualifier != Qualifier::MoreThan && fact.value > 0.0 && decimals <= 3 {
                bank.figures.push(index);
            }
            blanks(&fact.quote, QuoteRef::Fact(index), &mut bank.blanks);
        }
        bank.latest_year = dataset
            .articles
            .iter()
            .filter_map(|a| a.published.as_ref())
            .map(|w| w.end().year_number())
            .max()
            .or_else(|| dataset.events.last().map(|e| e.date.end().year_number()))
            .unwrap_or(0);
        bank
    }

    /// The dataset it indexes.
    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    /// The dataset's fingerprint, as its quiz codes carry it.
    pub fn fingerprint(&self) -> Fingerprint {
        *self
            .fingerprint
            .get_or_init(|| Fingerprint::of(self.dataset))
    }

    /// The topics this dataset has questions on: a topic whose records are
    /// missing (a unit with no UN resolution, no people) is not offered.
    /// Relationship questions need the unit's subject, whom they are about.
    pub fn offered_topics(&self) -> std::collections::BTreeSet<super::Topic> {
        QuestionKind::ALL
            .into_iter()
            .filter(|&kind| {
                // Which came first and ordering need two events at least.
                let least = match kind {
                    QuestionKind::WhichFirst | QuestionKind::Order => 2,
                    _ => 1,
                };
                let subject =
                    kind != QuestionKind::Relationship || self.dataset.subject().is_some();
                subject && self.pool_len(kind) >= least
            })
            .map(QuestionKind::topic)
            .collect()
    }

    /// How many records (or tokens) questions of `kind` may be drawn from.
    pub(crate) fn pool_len(&self, kind: QuestionKind) -> usize {
        match kind {
            QuestionKind::EventYear => self.dated.len(),
            QuestionKind::EventMonth => self.by_month.len(),
            QuestionKind::EventDay => self.by_day.len(),
            QuestionKind::WhichFirst | QuestionKind::Order => self.chronology.len(),
            QuestionKind::ResolutionNumber | QuestionKind::ResolutionSubject => {
                self.resolutions.len()
            }
            QuestionKind::AcronymToName | QuestionKind::NameToAcronym => self.acronyms.len(),
            QuestionKind::Relationship => self.related.len(),
            QuestionKind::PersonRole | QuestionKind::RolePerson => self.dataset.people.len(),
            QuestionKind::Figure => self.figures.len(),
            QuestionKind::TermToDefinition | QuestionKind::DefinitionToTerm => {
                self.dataset.glossary.len()
            }
            QuestionKind::Cloze => self.blanks.len(),
        }
    }
}

/// Words before a year or month that make it a date ("in 2007", "since 1992").
const DATE_WORDS: [&str; 9] = [
    "in", "since", "of", "by", "from", "until", "to", "before", "after",
];
/// Words that make the number after them approximate, so that a nearby
/// number would not be wrong.
const APPROXIMATE: [&str; 12] = [
    "about",
    "approximately",
    "around",
    "nearly",
    "almost",
    "over",
    "some",
    "roughly",
    "than",
    "least",
    "up",
    "under",
];

/// The tokens of `quote` that a blank can hide, added to `out`: years after a
/// date word or a month, month names in a date, ordinals, and counts before a
/// lower-case word that no approximating word precedes. A token that stands
/// twice in the quote is left alone, since the blank would be ambiguous.
pub(crate) fn blanks(quote: &str, reference: QuoteRef, out: &mut Vec<Blank>) {
    // Most quotes have no number and no month: nothing to tokenize.
    let has_digit = quote.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && !(1..=12).any(|m| quote.contains(crate::model::month_name(m))) {
        return;
    }
    // (start, end, core) of each whitespace-separated token, its core being
    // the token without the punctuation around it.
    let tokens: Vec<(usize, usize, &str)> = quote
        .split_whitespace()
        .filter_map(|token| {
            let offset = token.as_ptr() as usize - quote.as_ptr() as usize;
            let core = token.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                return None;
            }
            let start = offset + (core.as_ptr() as usize - token.as_ptr() as usize);
            Some((start, start + core.len(), core))
        })
        .collect();
    if tokens.len() < 6 {
        return;
    }
    for (i, &(start, end, core)) in tokens.iter().enumerate() {
        // Only numbers and month names can be blanked.
        if !core.starts_with(|c: char| c.is_ascii_digit()) && month_number(core).is_none() {
            continue;
        }
        if tokens.iter().filter(|t| t.2 == core).count() > 1 {
            continue;
        }
        // "60%" would leave its sign after the blank.
        if quote[end..].starts_with('%') {
            continue;
        }
        let previous = i.checked_sub(1).and_then(|p| tokens.get(p)).map(|t| t.2);
        let next = tokens.get(i + 1).map(|t| t.2);
        let after_date_word =
            previous.is_some_and(|p| DATE_WORDS.contains(&p.to_lowercase().as_str()));
        let digits = core.bytes().all(|b| b.is_ascii_digit());
        let year_like = digits && core.len() == 4 && core.starts_with(['1', '2']);
        let shape = if let Some(month) = month_number(core) {
            let next_is_year =
                next.is_some_and(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()));
            (after_date_word || next_is_year || next == Some("of")).then_some(Shape::Month(month))
        } else if year_like {
            let after_month = previous.and_then(month_number).is_some();
            let year = core.parse().ok();
            year.filter(|_| after_date_word || after_month)
                .map(Shape::Year)
        } else if digits {
            let approximate =
                previous.is_some_and(|p| APPROXIMATE.contains(&p.to_lowercase().as_str()));
            let counts = next.is_some_and(|n| n.starts_with(|c: char| c.is_lowercase()));
            // A capitalized word before a number is a name ("Body 12"), unless
            // the number opens the sentence.
            let in_name = previous.is_some_and(|p| p.starts_with(char::is_uppercase)) && i > 0;
            core.parse()
                .ok()
                .filter(|&n: &i64| n > 0 && counts && !approximate && !in_name)
                .map(Shape::Count)
        } else {
            let number: String = core.chars().take_while(char::is_ascii_digit).collect();
            number
                .parse()
                .ok()
                .filter(|&n: &i64| n > 0 && ordinal(n) == core)
                .map(Shape::Ordinal)
        };
        if let Some(shape) = shape {
            out.push(Blank {
                quote: reference,
                start,
                end,
                shape,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(quote: &str) -> Vec<(String, Shape)> {
        let mut out = Vec::new();
        blanks(quote, QuoteRef::Fact(0), &mut out);
        out.into_iter()
            .map(|b| (quote[b.start..b.end].to_owned(), b.shape))
            .collect()
    }

    #[test]
    fn finds_blankable_tokens() {
        assert_eq!(
            shapes(
                "As it is known, in June of this year, Turkmenistan was unanimously elected as the vice-chairman of the 77th session of the UN General Assembly."
            ),
            [
                ("June".into(), Shape::Month(6)),
                ("77th".into(), Shape::Ordinal(77))
            ]
        );
        assert_eq!(
            shapes(
                "an informal group established at the initiative of Turkmenistan in August 2020"
            ),
            [
                ("August".into(), Shape::Month(8)),
                ("2020".into(), Shape::Year(2020))
            ]
        );
        assert_eq!(
            shapes("46 diplomatic missions of foreign countries operate in our country."),
            [("46".into(), Shape::Count(46))]
        );
        // Approximate numbers, percentages and names are left alone.
        assert!(
            shapes("Our country is a member of about 50 prestigious international organizations.")
                .is_empty()
        );
        assert!(
            shapes(
                "The total area of the [SCO] countries is more than 34 million square kilometers"
            )
            .is_empty()
        );
        assert!(shapes("more than 60% of the territory of Eurasia and more").is_empty());
        assert!(
            shapes("Turkmenistan is a member of the Organization of Alpha Beta 12.").is_empty()
        );
    }

    #[test]
    fn a_token_that_stands_twice_is_not_blanked() {
        assert!(shapes("In 2020 it met, and in 2020 it met again.").is_empty());
    }
}
