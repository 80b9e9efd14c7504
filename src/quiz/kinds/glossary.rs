//! Glossary terms and their definitions, both ways.
//!
//! Every definition shown has its own term (and aliases) masked with "…", so
//! that an option does not name what it defines. A definition that mentions
//! the asked term is never a distractor (it could read as true of it), and a
//! term that the shown definition mentions is never offered as its term. A
//! sentence of a cited paragraph must use the term.

use crate::model::GlossaryTerm;
use crate::quiz::Rng;

use super::super::distractors::shuffled_options;
use super::super::evidence::{self, Evidence, sources_with_first};
use super::super::question::{Question, QuestionKind};
use super::super::random::sample;
use super::super::text::{
    contains_ignoring_case, fold_case_and_punctuation, has_phrase, key_words, masked, mentions,
    quoted,
};
use super::{Ask, one_answer};

fn phrases(term: &GlossaryTerm) -> Vec<&str> {
    std::iter::once(term.term.as_str())
        .chain(term.aliases.iter().map(String::as_str))
        .collect()
}

/// The definition with its own term masked.
fn shown(term: &GlossaryTerm) -> String {
    masked(&term.definition, &phrases(term))
}

fn used(ask: &Ask<'_, '_>, term: &GlossaryTerm) -> Option<Evidence> {
    let folded: Vec<String> = phrases(term)
        .iter()
        .map(|p| fold_case_and_punctuation(p))
        .collect();
    // Cheap first: a paragraph without the first word of any spelling,
    // whatever its case, is passed over unfolded.
    let firsts: Vec<&str> = folded.iter().filter_map(|p| p.split(' ').next()).collect();
    if !evidence::states_somewhere(ask.bank.dataset, &term.sources, |text| {
        firsts.iter().any(|w| contains_ignoring_case(text, w))
    }) {
        return None;
    }
    evidence::stating(
        ask.bank.dataset,
        &term.sources,
        |s| {
            if !firsts.iter().any(|w| contains_ignoring_case(s, w)) {
                return false;
            }
            let sentence = fold_case_and_punctuation(s);
            folded.iter().any(|p| has_phrase(&sentence, p))
        },
        &key_words(&term.definition),
    )
}

fn explanation(ask: &Ask<'_, '_>, term: &GlossaryTerm, evidence: &Evidence) -> String {
    format!(
        "{}: {} The article says: {}.",
        term.term,
        term.definition,
        evidence.cite(ask.bank.dataset)
    )
}

/// Other terms, in a random order.
fn others<'d>(ask: &Ask<'_, 'd>, index: usize, rng: &mut Rng) -> Vec<&'d GlossaryTerm> {
    let glossary = &ask.bank.dataset.glossary;
    sample(glossary.len(), rng)
        .into_iter()
        .filter(|&j| j != index)
        .filter_map(|j| glossary.get(j))
        .collect()
}

/// Whether two terms could be the same: a term or alias of one folds like one of the other.
fn same_term(a: &GlossaryTerm, b: &GlossaryTerm) -> bool {
    let b: Vec<String> = phrases(b)
        .iter()
        .map(|p| fold_case_and_punctuation(p))
        .collect();
    phrases(a)
        .iter()
        .any(|p| b.contains(&fold_case_and_punctuation(p)))
}

/// "What does “Preventive diplomacy” mean, as the articles use it?"
pub(super) fn term_to_definition(
    ask: &Ask<'_, '_>,
    index: usize,
    rng: &mut Rng,
) -> Option<Question> {
    let term = ask.bank.dataset.glossary.get(index)?;
    let evidence = used(ask, term)?;
    let asked = phrases(term);
    // Lazily: only the first three that fit are masked.
    let candidates = others(ask, index, rng)
        .into_iter()
        .filter(|other| !same_term(term, other) && !mentions(&other.definition, &asked))
        .map(shown);
    let options = shuffled_options(shown(term), candidates, rng)?;
    Some(one_answer(
        QuestionKind::TermToDefinition,
        format!("{}:{}", QuestionKind::TermToDefinition.key(), term.id),
        format!(
            "What does {} mean, as the articles use it?",
            quoted(&term.term)
        ),
        options,
        explanation(ask, term, &evidence),
        sources_with_first(&evidence.source, &term.sources),
    ))
}

/// "Which term do the articles explain like this: “…”?"
pub(super) fn definition_to_term(
    ask: &Ask<'_, '_>,
    index: usize,
    rng: &mut Rng,
) -> Option<Question> {
    let term = ask.bank.dataset.glossary.get(index)?;
    let evidence = used(ask, term)?;
    let definition = shown(term);
    let candidates = others(ask, index, rng)
        .into_iter()
        .filter(|other| !same_term(term, other) && !mentions(&definition, &phrases(other)))
        .map(|other| other.term.clone());
    let options = shuffled_options(term.term.clone(), candidates, rng)?;
    Some(one_answer(
        QuestionKind::DefinitionToTerm,
        format!("{}:{}", QuestionKind::DefinitionToTerm.key(), term.id),
        format!(
            "Which term do the articles explain like this: {}?",
            quoted(&definition)
        ),
        options,
        explanation(ask, term, &evidence),
        sources_with_first(&evidence.source, &term.sources),
    ))
}
