//! Glossary terms and their definitions, both ways.
//!
//! Every definition shown has its own term (and aliases) masked with "…", so
//! that an option does not name what it defines. A definition that mentions
//! the asked term is never a distractor (it could read as true of it), and a
//! term that the shown definition mentions is never offered as its term. A
//! sentence of a cited paragraph must use the term.

use crate::model::GlossaryTerm;
use crate::quiz::Rng;

use super::super::claims::{Footprint, Record};
use super::super::distractors::shuffled_options;
use super::super::evidence::{self, Evidence, sources_with_first};
use super::super::guess::{elisions_read_well, share_words};
use super::super::question::{Question, QuestionKind};
use super::super::random::stable_rank;
use super::super::text::{
    contains_ignoring_case, fold_case_and_punctuation, has_phrase, key_words, masked, mentions,
    quoted,
};
use super::{Ask, footprints, one_answer};

fn phrases(term: &GlossaryTerm) -> Vec<&str> {
    std::iter::once(term.term.as_str())
        .chain(term.aliases.iter().map(String::as_str))
        .collect()
}

/// The definition with its own term masked.
fn shown(term: &GlossaryTerm) -> String {
    masked(&term.definition, &phrases(term))
}

/// The masked definition, if it can be shown: its elisions read as a
/// sentence ("on …." does not), and it shares no content word with the
/// term, which would answer the question by word match ("a chamber for
/// peace talks" for the Peace Mediation Chamber).
fn fair(term: &GlossaryTerm) -> Option<String> {
    let shown = shown(term);
    (elisions_read_well(&shown) && !share_words(&term.term, &shown)).then_some(shown)
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

/// About the term; asks the term and its definition together.
fn footprint(term: &GlossaryTerm) -> Footprint {
    Footprint::asking(
        vec![Record::Term(term.id.clone())],
        vec![footprints::definition(term)],
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

/// Other terms, in a random order that a term added to the glossary does
/// not reshuffle: by a hash of each term's id, so that a teacher's new term
/// takes the place of at most one option of the questions already made.
fn others<'d>(ask: &Ask<'_, 'd>, index: usize, rng: &mut Rng) -> Vec<&'d GlossaryTerm> {
    let glossary = &ask.bank.dataset.glossary;
    let salt = rng.next_u64();
    let mut others: Vec<(u64, &GlossaryTerm)> = glossary
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != index)
        .map(|(_, term)| (stable_rank(salt, &term.id), term))
        .collect();
    others.sort_unstable_by_key(|&(rank, _)| rank);
    others.into_iter().map(|(_, term)| term).collect()
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
    let answer = fair(term)?;
    let evidence = used(ask, term)?;
    let asked = phrases(term);
    // Lazily: only the first three that fit are masked. No option shares a
    // word with the term, so that none is picked by word match.
    let candidates = others(ask, index, rng)
        .into_iter()
        .filter(|other| !same_term(term, other) && !mentions(&other.definition, &asked))
        .map(shown)
        .filter(|definition| {
            elisions_read_well(definition)
                && !share_words(&term.term, definition)
                && (ask.may_show)(definition)
        });
    let options = shuffled_options(answer, candidates, rng)?;
    Some(
        one_answer(
            QuestionKind::TermToDefinition,
            format!("{}:{}", QuestionKind::TermToDefinition.key(), term.id),
            format!(
                "What does {} mean, as the articles use it?",
                quoted(&term.term)
            ),
            options,
            explanation(ask, term, &evidence),
            sources_with_first(&evidence.source, &term.sources),
        )
        .with(footprint(term)),
    )
}

/// "Which term do the articles explain like this: “…”?"
pub(super) fn definition_to_term(
    ask: &Ask<'_, '_>,
    index: usize,
    rng: &mut Rng,
) -> Option<Question> {
    let term = ask.bank.dataset.glossary.get(index)?;
    let definition = fair(term)?;
    let evidence = used(ask, term)?;
    let candidates = others(ask, index, rng)
        .into_iter()
        .filter(|other| !same_term(term, other) && !mentions(&definition, &phrases(other)))
        .map(|other| other.term.clone())
        .filter(|other| (ask.may_show)(other));
    let options = shuffled_options(term.term.clone(), candidates, rng)?;
    Some(
        one_answer(
            QuestionKind::DefinitionToTerm,
            format!("{}:{}", QuestionKind::DefinitionToTerm.key(), term.id),
            format!(
                "Which term do the articles explain like this: {}?",
                quoted(&definition)
            ),
            options,
            explanation(ask, term, &evidence),
            sources_with_first(&evidence.source, &term.sources),
        )
        .with(footprint(term)),
    )
}
