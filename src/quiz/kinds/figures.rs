//! A number with what its date rests on: "According to “Foreign Policy”
//! (Ministry of Foreign Affairs of Turkmenistan, dated 1 October 2022), what
//! is the number of countries with which Turkmenistan has diplomatic
//! relations?"
//!
//! A figure whose date the text states is asked as of that date ("As of
//! 2022, what is …"). A figure whose date was worked out (the article is
//! undated, or only its footer dates it) is asked by the article it comes
//! from, with the date the article prints, if any, and the explanation says
//! how the date is known: the question never states a worked-out year as
//! fact. The prompt is in the present tense throughout, as the measures are
//! ("… has been operating"). A figure whose number or measure rests on the
//! editor is never asked (the bank leaves it out). Distractors are nearby
//! numbers of the same magnitude that are no figure of the same measure at
//! any date: asked for 155, 149 is never offered, being the true figure of
//! 2022. An approximate figure ("about 50") gets distractors at least 30 %
//! away, and a "more than" figure is not asked, since "more than 30" would be
//! true of "more than 34".

use crate::dataset::Dataset;
use crate::model::{Article, Fact, Source};
use crate::quiz::Rng;

use super::super::claims::{Footprint, Record};
use super::super::distractors::{number_text, numbers, sorted_options};
use super::super::evidence::{quote, sources_with_first};
use super::super::question::{Question, QuestionKind};
use super::super::text::{capitalize, fold_case_and_punctuation};
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

/// What the figure's date rests on, to open the prompt: "As of 2022" when the
/// text states the date; else "According to “Title” (Publisher, dated 1
/// October 2022)", or "(undated)" when the article prints no date.
pub(crate) fn date_basis(dataset: &Dataset, fact: &Fact, source: &Source) -> String {
    if fact.derived.is_none() {
        return format!("As of {}", fact.as_of.human());
    }
    let Some(article) = dataset.article(&source.article) else {
        return "According to the article".to_owned();
    };
    let printed = printed_date(article);
    let about = match &article.publisher {
        Some(publisher) => format!("{publisher}, {printed}"),
        None => printed,
    };
    format!("According to “{}” ({about})", article.title.trim())
}

/// The date an article prints, "dated 1 October 2022", or "undated" when
/// its date is worked out or unknown.
pub(crate) fn printed_date(article: &Article) -> String {
    match (&article.published, &article.derived) {
        (Some(when), None) => format!("dated {}", when.human()),
        _ => "undated".to_owned(),
    }
}

/// "According to “…” (…), what is the number of countries with which …?"
fn prompt(basis: &str, fact: &Fact) -> String {
    let measure = fact.measure.trim();
    let lower = measure.to_lowercase();
    if QUANTITIES.iter().any(|q| lower.starts_with(q)) {
        format!("{basis}, what is the {measure}?")
    } else {
        format!("{basis}, what is the number of {measure}?")
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
    let basis = date_basis(dataset, fact, &evidence.source);
    Some(
        one_answer(
            QuestionKind::Figure,
            format!("{}:{}", QuestionKind::Figure.key(), fact.id),
            prompt(&basis, fact),
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
