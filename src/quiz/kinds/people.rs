//! People and their roles, each role with the date the article gives it for.
//!
//! Distractors are other people's roles (or names). A role is never a
//! distractor if it is the answer's role or contains it or is contained in
//! it ("UN Assistant Secretary-General" in "UN Assistant Secretary-General,
//! Executive Director of …"), since the person might hold it too. Normal and
//! Hard prefer people named on the same date. A sentence of a cited paragraph
//! must name the person, so that the explanation can quote it.

use crate::model::Person;
use crate::quiz::Rng;

use super::super::claims::{Footprint, Record};
use super::super::distractors::shuffled_options;
use super::super::evidence::{self, Evidence, sources_with_first};
use super::super::options::Difficulty;
use super::super::question::{Question, QuestionKind};
use super::super::random::sample;
use super::super::text::{
    at_date, fold_case_and_punctuation, has_phrase, has_word, key_words, possessive, quoted,
};
use super::{Ask, footprints, one_answer};

/// The sentence that names the person, in full or by surname ("A. Atayeva").
fn named(ask: &Ask<'_, '_>, person: &Person) -> Option<Evidence> {
    let full = fold_case_and_punctuation(&person.name);
    let surname = person
        .name
        .split_whitespace()
        .next_back()
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(&person.name);
    // Cheap first: a paragraph that has not even the surname is passed over.
    if !evidence::states_somewhere(ask.bank.dataset, &person.sources, |text| {
        has_word(text, surname)
    }) {
        return None;
    }
    evidence::stating(
        ask.bank.dataset,
        &person.sources,
        |s| has_word(s, surname) || has_phrase(&fold_case_and_punctuation(s), &full),
        &key_words(&person.role),
    )
}

/// Whether two folded roles could be held by one person: equal, or one
/// within the other.
fn same_role(a: &str, b: &str) -> bool {
    a == b || has_phrase(a, b) || has_phrase(b, a)
}

/// Other people whose role surely differs, preferred first.
fn others<'d>(ask: &Ask<'_, 'd>, index: usize, rng: &mut Rng) -> Vec<&'d Person> {
    let people = &ask.bank.dataset.people;
    let Some(person) = people.get(index) else {
        return Vec::new();
    };
    let role = fold_case_and_punctuation(&person.role);
    let name = fold_case_and_punctuation(&person.name);
    let mut ranked: Vec<(u8, &Person)> = sample(people.len(), rng)
        .into_iter()
        .filter(|&j| j != index)
        .filter_map(|j| people.get(j))
        .filter(|other| {
            !same_role(&role, &fold_case_and_punctuation(&other.role))
                && fold_case_and_punctuation(&other.name) != name
        })
        .map(|other| {
            let far = ask.difficulty != Difficulty::Easy && other.as_of != person.as_of;
            (u8::from(far), other)
        })
        .collect();
    ranked.sort_by_key(|(r, _)| *r);
    ranked.into_iter().map(|(_, p)| p).collect()
}

/// About the person; asks the role and name together.
fn footprint(person: &Person) -> Footprint {
    Footprint::asking(
        vec![Record::Person(person.id.clone())],
        vec![footprints::role(person)],
    )
}

fn explanation(ask: &Ask<'_, '_>, person: &Person, evidence: &Evidence) -> String {
    format!(
        "{}: {} ({}). The article says: {}.",
        person.name,
        person.role,
        person.as_of.human(),
        evidence.cite(ask.bank.dataset)
    )
}

/// "What was Rashid Meredov’s role on 11 December 2024?"
pub(super) fn person_role(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let person = ask.bank.dataset.people.get(index)?;
    let evidence = named(ask, person)?;
    let candidates = others(ask, index, rng)
        .into_iter()
        .map(|p| p.role.clone())
        .collect::<Vec<_>>();
    let options = shuffled_options(person.role.clone(), candidates, rng)?;
    Some(
        one_answer(
            QuestionKind::PersonRole,
            format!("{}:{}", QuestionKind::PersonRole.key(), person.id),
            format!(
                "What was {} role {}?",
                possessive(&person.name),
                at_date(&person.as_of)
            ),
            options,
            explanation(ask, person, &evidence),
            sources_with_first(&evidence.source, &person.sources),
        )
        .with(footprint(person)),
    )
}

/// "Who held this role on 11 December 2024: “Minister of Foreign Affairs of Turkmenistan”?"
pub(super) fn role_person(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let person = ask.bank.dataset.people.get(index)?;
    let evidence = named(ask, person)?;
    let candidates = others(ask, index, rng)
        .into_iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>();
    let options = shuffled_options(person.name.clone(), candidates, rng)?;
    Some(
        one_answer(
            QuestionKind::RolePerson,
            format!("{}:{}", QuestionKind::RolePerson.key(), person.id),
            format!(
                "Who held this role {}: {}?",
                at_date(&person.as_of),
                quoted(&person.role)
            ),
            options,
            explanation(ask, person, &evidence),
            sources_with_first(&evidence.source, &person.sources),
        )
        .with(footprint(person)),
    )
}
