//! A number with its as-of date: "In 2025, what was the number of countries
//! with which Turkmenistan has diplomatic relations?"
//!
//! The prompt always gives the date. Distractors are nearby numbers of the
//! same magnitude that are no figure of the same measure at any date: asked
//! for 2025 (155), 149 is never offered, being the true figure of 2022. An
//! approximate figure ("about 50") gets distractors at least 30 % away, and a
//! "more than" figure is not asked, since "more than 30" would be true of
//! "more than 34".

use crate::model::Fact;
use crate::quiz::Rng;

use super::super::claims::{Footprint, Record};
use super::super::distractors::{number_text, numbers, sorted_options};
use super::super::evidence::{quote, sources_with_first};
use super::super::question::{Question, QuestionKind};
use super::super::text::{at_date, capitalize, fold_case_and_punctuation};
use super::{Ask, footprints, one_answer};

/// Measures that read as a quantity ("the total area of …") rather than as
/// things counted ("countries with which …").
const QUANTITIES: [&str; 6] = [
    "total ",
    "share ",
    "percentage ",
    "proportion ",
    "number ",
    "amount ",
];

/// "In 2025, what was the number of countries with which …?"
fn prompt(fact: &Fact) -> String {
    let when = capitalize(&at_date(&fact.as_of));
    let measure = fact.measure.trim();
    let lower = measure.to_lowercase();
    if QUANTITIES.iter().any(|q| lower.starts_with(q)) {
        format!("{when}, what was the {measure}?")
    } else {
        format!("{when}, what was the number of {measure}?")
    }
}

/// Decimals the value is written with: 0 for "155", 1 for "3.4".
pub(crate) fn decimals(fact: &Fact) -> u32 {
    fact.value_text()
        .split('.')
        .nth(1)
        .map_or(0, |d| d.len() as u32)
}

/// "about 50 organizations".
fn shown(fact: &Fact, value: f64, decimals: u32) -> String {
    format!(
        "{}{} {}",
        fact.qualifier.prefix(),
        number_text(value, decimals),
        fact.unit
    )
}

/// A figure question about `dataset.facts[index]`.
pub(super) fn figure(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let dataset = ask.bank.dataset;
    let fact = dataset.facts.get(index)?;
    let evidence = quote(dataset, &fact.quote, &fact.sources)?;
    let places = decimals(fact);
    let approximate = fact.qualifier != crate::model::Qualifier::Exactly;
    let key = (
        fold_case_and_punctuation(&fact.measure),
        fold_case_and_punctuation(&fact.unit),
    );
    let excluded = ask.bank.measures.get(&key).map_or(&[][..], Vec::as_slice);
    let candidates = numbers(
        fact.value,
        places,
        approximate,
        excluded,
        ask.difficulty,
        rng,
    )
    .into_iter()
    .map(|(k, v)| (k, shown(fact, v, places)));
    let scale = 10f64.powi(places as i32);
    let answer_key = (fact.value * scale).round() as i64;
    let options = sorted_options((answer_key, shown(fact, fact.value, places)), candidates)?;
    let mut explanation = format!(
        "{}. The article says: {}.",
        capitalize(&fact.headline()),
        evidence.cite(dataset)
    );
    if let Some(derived) = &fact.derived {
        explanation.push_str(&format!(" How the date is known: {derived}"));
    }
    Some(
        one_answer(
            QuestionKind::Figure,
            format!("{}:{}", QuestionKind::Figure.key(), fact.id),
            prompt(fact),
            options,
            explanation,
            sources_with_first(&evidence.source, &fact.sources),
        )
        .with(Footprint::asking(
            vec![Record::Fact(fact.id.clone())],
            vec![footprints::value(fact), footprints::measure(fact)],
        )),
    )
}
