//! A key sentence with one token blanked: a record's own quote (a fact's or a
//! relationship's), which the validator has checked stands word for word in
//! the paragraph it cites.
//!
//! Only tokens whose replacement is surely wrong are blanked (see
//! [`crate::quiz`]'s bank): a year or month of a date, an ordinal, an exact
//! count. Names are not, since a sentence that names one organization often
//! lists others ("such as the United Nations, the European Union, …") and
//! another name in the blank could make it true. The options are of the
//! token's type: years, months, ordinals or counts, none of them standing
//! elsewhere in the sentence, and for a count none stated in the same
//! paragraph nor another figure of the same measure.

use crate::model::{Event, Fact, Organization, Precision, month_name};
use crate::quiz::Rng;

use super::super::bank::{QuoteRef, Shape, effective};
use super::super::claims::{Footprint, Record};
use super::super::distractors::{months, number_text, numbers, ordinals, sorted_options, years};
use super::super::evidence::{paragraph, quote, sources_with_first};
use super::super::question::{Question, QuestionKind};
use super::super::text::{
    fold_case_and_punctuation, month_number, numbers as digit_runs, quoted, with_the,
};
use super::{Ask, footprints, one_answer};

/// What is put where the token was.
pub(crate) const BLANK: &str = "_____";

/// A cloze question on blank `pos` of the bank.
pub(super) fn cloze(ask: &Ask<'_, '_>, pos: usize, rng: &mut Rng) -> Option<Question> {
    let dataset = ask.bank.dataset;
    let blank = *ask.bank.blanks.get(pos)?;
    let (text, sources, record, fact, organization): (_, _, _, _, Option<&Organization>) =
        match blank.quote {
            QuoteRef::Fact(i) => {
                let fact = dataset.facts.get(i as usize)?;
                (
                    fact.quote.as_str(),
                    fact.sources.clone(),
                    format!("fact:{}", fact.id),
                    Some(fact),
                    None,
                )
            }
            QuoteRef::Relationship(o, r) => {
                let organization = dataset.organizations.get(o as usize)?;
                let relationship = organization.relationships.get(r as usize)?;
                (
                    relationship.quote.as_str(),
                    vec![relationship.source.clone()],
                    format!("relationship:{}:{r}", organization.id),
                    None,
                    Some(organization),
                )
            }
        };
    let token = text.get(blank.start..blank.end)?;
    let evidence = quote(dataset, text, &sources)?;
    let in_sentence: Vec<i64> = digit_runs(text).collect();
    let (answer, candidates) = match blank.shape {
        Shape::Year(year) => {
            let excluded: Vec<i32> = in_sentence
                .iter()
                .filter_map(|&n| i32::try_from(n).ok())
                .collect();
            let latest = ask.bank.latest_year.max(year) + 2;
            (
                (i64::from(year), year.to_string()),
                years(year, &excluded, latest, ask.difficulty, rng),
            )
        }
        Shape::Month(month) => {
            let excluded: Vec<u8> = text
                .split(|c: char| !c.is_alphabetic())
                .filter_map(month_number)
                .collect();
            (
                (i64::from(month), month_name(month).to_owned()),
                months(month, &excluded, ask.difficulty, rng),
            )
        }
        Shape::Ordinal(n) => (
            (n, token.to_owned()),
            ordinals(n, &in_sentence, ask.difficulty, rng),
        ),
        Shape::Count(n) => {
            let mut excluded: Vec<f64> = paragraph(dataset, &evidence.source)
                .map(|p| digit_runs(&p).map(|m| m as f64).collect())
                .unwrap_or_default();
            let measure = fact.map(|f| {
                (
                    fold_case_and_punctuation(&f.measure),
                    fold_case_and_punctuation(&f.unit),
                )
            });
            if let Some(values) = measure.and_then(|key| ask.bank.measures.get(&key)) {
                excluded.extend(values);
            }
            excluded.retain(|&v| v != n as f64);
            let candidates = numbers(n as f64, 0, false, &excluded, ask.difficulty, rng)
                .into_iter()
                .map(|(k, v)| (k, number_text(v, 0)))
                .collect();
            ((n, token.to_owned()), candidates)
        }
    };
    let options = sorted_options(answer, candidates)?;
    let blanked = format!("{}{BLANK}{}", &text[..blank.start], &text[blank.end..]);
    let article = dataset
        .article(&evidence.source.article)
        .map_or(evidence.source.article.as_str(), |a| a.title.as_str());
    // A number never goes without what its date rests on: the date, when the
    // text states it; else the date the article prints ("currently" on a page
    // dated 2022 but seen in 2025), and the working in the explanation.
    let as_of = fact
        .map(|f| match &f.derived {
            None => format!(" The figure holds for {}.", f.as_of.human()),
            Some(how) => format!(" The figure is read as of {}: {how}", f.as_of.human()),
        })
        .unwrap_or_default();
    let printed = dataset
        .article(&evidence.source.article)
        .map_or_else(|| "undated".to_owned(), super::figures::printed_date);
    let holds_for = fact
        .map(|f| match &f.derived {
            None => format!(" (the figure for {})", f.as_of.human()),
            Some(_) => format!(" ({printed})"),
        })
        .unwrap_or_default();
    let footprint = footprint(ask, &record, (fact, organization), blank.shape, token);
    // A sentence cut from its paragraph ("an informal group established …")
    // may not name what it is about: the prompt does.
    let subject = organization
        .map(|o| format!(" about {}", with_the(&o.name)))
        .unwrap_or_default();
    Some(
        one_answer(
            QuestionKind::Cloze,
            format!("{}:{record}:{token}", QuestionKind::Cloze.key()),
            format!(
                "Fill in the blank in this sentence{subject} from {}{holds_for}: {}",
                quoted(article),
                quoted(&blanked)
            ),
            options,
            format!(
                "The missing word is “{token}”. The article says: {}.{as_of}",
                evidence.cite(dataset)
            ),
            sources_with_first(&evidence.source, &sources),
        )
        .with(footprint),
    )
}

/// About the sentence and the record it belongs to; asks the blanked word,
/// and where the word is the year or month of one of the organization's
/// events, that event's date too ("established in Ashgabat in December
/// _____" asks when the Centre opened).
fn footprint(
    ask: &Ask<'_, '_>,
    key: &str,
    (fact, organization): (Option<&Fact>, Option<&Organization>),
    shape: Shape,
    token: &str,
) -> Footprint {
    let dataset = ask.bank.dataset;
    let mut about = vec![Record::Sentence(key.to_owned())];
    let mut names = Vec::new();
    let mut asks = Vec::new();
    if let Some(fact) = fact {
        about.push(Record::Fact(fact.id.clone()));
        names.push(fact.measure.clone());
        asks.push(footprints::measure(fact));
    }
    if let Some(organization) = organization {
        about.push(Record::Organization(organization.id.clone()));
        names.extend(footprints::organization_names(organization));
        let precision = match shape {
            Shape::Month(_) => Precision::Month,
            _ => Precision::Year,
        };
        let dated = |event: &Event| {
            let start = effective(&event.date).start();
            match shape {
                Shape::Year(year) => start.year_number() == year,
                Shape::Month(month) => start.month_number() == Some(month),
                _ => false,
            }
        };
        asks.extend(
            dataset
                .events
                .iter()
                .filter(|e| e.organizations().iter().any(|o| **o == *organization.id) && dated(e))
                .map(|e| footprints::event_date(dataset, e, precision)),
        );
    }
    asks.insert(0, footprints::word(key, names, token));
    Footprint::asking(about, asks)
}
