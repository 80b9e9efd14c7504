//! Organizations: acronym ↔ full name, and Turkmenistan's relationship to one.
//!
//! Acronyms: the distractors are other organizations' names (or acronyms),
//! of the same kind first. A name is never a distractor if its organization
//! has the same acronym, if it is the answer's name or alias, if one name
//! contains the other ("United Nations" and "United Nations Regional Centre
//! …"), or if it spells out the acronym itself ("UN General Assembly" for
//! "UN"). A cited paragraph must give both the acronym and the name, so that
//! the explanation can quote them.
//!
//! Relationships: the options are relationship labels. The articles rarely
//! say what Turkmenistan is *not* to an organization, and the absence of a
//! statement proves nothing (the 2022 article names "about 50" memberships
//! without listing them). So a label is a distractor only if the data rules
//! it out, by [`ruled_out`]: never "Cooperation", which every relationship
//! implies; "Member" only beside "Guest of honour" or for a state's own
//! body; and so on. An organization with fewer than three labels ruled out
//! is not asked about.

use crate::model::{Organization, OrganizationKind, RelationshipKind, possessive};
use crate::quiz::Rng;

use super::super::claims::{Footprint, Record};
use super::super::distractors::shuffled_options;
use super::super::evidence::{Evidence, paragraph, quote, sources_with_first};
use super::super::guess::{fits_acronym, trivial_acronym};
use super::super::options::Difficulty;
use super::super::question::{Question, QuestionKind};
use super::super::random::{sample, shuffle};
use super::super::text::{
    capitalize, fold_case_and_punctuation, has_phrase, has_word, sentences, with_the,
};
use super::{Ask, footprints, one_answer};

/// Every label, in the order the model lists them.
const LABELS: [RelationshipKind; 7] = [
    RelationshipKind::Member,
    RelationshipKind::Office,
    RelationshipKind::GuestOfHonour,
    RelationshipKind::Host,
    RelationshipKind::Initiator,
    RelationshipKind::Cooperation,
    RelationshipKind::National,
];

/// Why `label` cannot be Turkmenistan's relationship to an organization of
/// `kind` whose stated relationships are `stated`, or `None` if the data does
/// not rule it out (which is not to say it is true).
///
/// * Own institution: only a body of one state can be a state's own body.
/// * Member: a guest of honour is invited because it is not a member, and a
///   state is not a member of its own institution or of another state's body.
/// * Office holder: offices go to members, so not to a guest of honour, and
///   not in a state's own institution or in another state's body.
/// * Guest of honour: a member or an office holder takes part as such, and a
///   state is not the guest of its own institution.
/// * Host country, Initiator and Cooperation are never ruled out: hosting a
///   body, having proposed it or working with it sit with any other tie.
pub(crate) fn ruled_out(
    label: RelationshipKind,
    stated: &[RelationshipKind],
    kind: OrganizationKind,
) -> Option<&'static str> {
    // Worded without the subject's name, which the unit's manifest gives.
    use RelationshipKind as R;
    if stated.contains(&label) {
        return None;
    }
    let has = |k: R| stated.contains(&k);
    let state_body = has(R::National) || kind == OrganizationKind::National;
    match label {
        R::National if kind != OrganizationKind::National => Some("it is not a national body"),
        R::Member if has(R::GuestOfHonour) => Some("a guest of honour is not a member"),
        R::Member if state_body => Some("a state’s own body has no member states"),
        R::Office if has(R::GuestOfHonour) => Some("offices go to members, not to guests"),
        R::Office if state_body => Some("a state’s own body has no offices for states"),
        R::GuestOfHonour if has(R::Member) => {
            Some("a member takes part as a member, not as a guest")
        }
        R::GuestOfHonour if has(R::Office) => Some("an office holder is a member, not a guest"),
        R::GuestOfHonour if has(R::National) => {
            Some("a state is not the guest of its own institution")
        }
        _ => None,
    }
}

/// The organization at `index`, with its acronym.
fn with_acronym<'d>(ask: &Ask<'_, 'd>, index: usize) -> Option<(&'d Organization, &'d str)> {
    let organization = ask.bank.dataset.organizations.get(index)?;
    let acronym = organization.acronym.as_deref()?.trim();
    (!acronym.is_empty()).then_some((organization, acronym))
}

/// The organization at `index` with an acronym worth asking about: not
/// "UN" or "EU", which every student knows and which initials give away.
fn askable<'d>(ask: &Ask<'_, 'd>, index: usize) -> Option<(&'d Organization, &'d str)> {
    with_acronym(ask, index).filter(|(_, acronym)| !trivial_acronym(acronym))
}

/// Options whose initials fit, at least two, or none: a question that only
/// the answer's initials fit is answered by spelling, not by knowing.
fn enough_fit(options: &(Vec<String>, usize), fits: impl Fn(&str) -> bool) -> bool {
    options.0.iter().filter(|o| fits(o)).count() >= 2
}

/// The name and aliases, folded.
fn names(organization: &Organization) -> Vec<String> {
    std::iter::once(&organization.name)
        .chain(&organization.aliases)
        .map(|n| fold_case_and_punctuation(n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// The sentences of a cited paragraph that give the acronym and a name, one
/// sentence if one gives both.
fn acronym_evidence(
    ask: &Ask<'_, '_>,
    organization: &Organization,
    acronym: &str,
) -> Option<Evidence> {
    let names = names(organization);
    let mut fallback = None;
    for source in &organization.sources {
        let Some(text) = paragraph(ask.bank.dataset, source).filter(|t| has_word(t, acronym))
        else {
            continue;
        };
        let all = sentences(&text);
        let named = |s: &str| {
            let folded = fold_case_and_punctuation(s);
            names.iter().any(|n| has_phrase(&folded, n))
        };
        let spelled = |s: &str| has_word(s, acronym);
        if let Some(both) = all.iter().find(|s| spelled(s) && named(s)) {
            return Some(Evidence {
                source: source.clone(),
                sentences: vec![(*both).to_owned()],
            });
        }
        let first_named = all.iter().position(|s| named(s));
        let first_spelled = all.iter().position(|s| spelled(s));
        if let (Some(a), Some(b), None) = (first_named, first_spelled, &fallback) {
            let (a, b) = (a.min(b), a.max(b));
            fallback = Some(Evidence {
                source: source.clone(),
                sentences: vec![all[a].to_owned(), all[b].to_owned()],
            });
        }
    }
    fallback
}

/// Preference of a distractor organization: the same kind first, except at Easy.
fn rank(ask: &Ask<'_, '_>, organization: &Organization, other: &Organization) -> u8 {
    u8::from(ask.difficulty != Difficulty::Easy && other.kind != organization.kind)
}

/// "What does the acronym “OSCE” stand for?"
pub(super) fn acronym_to_name(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let organizations = &ask.bank.dataset.organizations;
    let (organization, acronym) = askable(ask, index)?;
    let evidence = acronym_evidence(ask, organization, acronym)?;
    let own = names(organization);
    let folded_acronym = fold_case_and_punctuation(acronym);
    let mut candidates: Vec<(u8, &str)> = sample(organizations.len(), rng)
        .into_iter()
        .filter(|&j| j != index)
        .filter_map(|j| organizations.get(j))
        .filter(|other| {
            let name = fold_case_and_punctuation(&other.name);
            other.acronym.as_deref().map(fold_case_and_punctuation) != Some(folded_acronym.clone())
                && !has_word(&other.name, acronym)
                && !own
                    .iter()
                    .any(|n| n == &name || has_phrase(n, &name) || has_phrase(&name, n))
        })
        .map(|other| {
            // Names the acronym's letters fit come first: they are the ones
            // that make the student know rather than spell.
            let fits = u8::from(!fits_acronym(acronym, &other.name));
            (
                fits * 2 + rank(ask, organization, other),
                other.name.as_str(),
            )
        })
        .collect();
    candidates.sort_by_key(|(r, _)| *r);
    let options = shuffled_options(
        organization.name.clone(),
        candidates.into_iter().map(|(_, n)| n.to_owned()),
        rng,
    )?;
    if !enough_fit(&options, |name| fits_acronym(acronym, name)) {
        return None;
    }
    Some(
        one_answer(
            QuestionKind::AcronymToName,
            format!("{}:{}", QuestionKind::AcronymToName.key(), organization.id),
            format!("What does the acronym “{acronym}” stand for?"),
            options,
            format!(
                "{acronym} is {}. The article says: {}.",
                with_the(&organization.name),
                evidence.cite(ask.bank.dataset)
            ),
            sources_with_first(&evidence.source, &organization.sources),
        )
        .with(acronym_footprint(organization, acronym)),
    )
}

/// "What is the usual acronym of the Organization of Islamic Cooperation?"
pub(super) fn name_to_acronym(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let (organization, acronym) = askable(ask, index)?;
    // A name that spells its acronym out gives the answer away.
    if has_word(&organization.name, acronym) {
        return None;
    }
    let evidence = acronym_evidence(ask, organization, acronym)?;
    let own = names(organization);
    let pool = &ask.bank.acronyms;
    let mut candidates: Vec<(u8, &str)> = sample(pool.len(), rng)
        .into_iter()
        .filter_map(|p| pool.get(p))
        .filter(|&&j| j as usize != index)
        .filter_map(|&j| with_acronym(ask, j as usize))
        // Another body of the same name: its acronym could be right too.
        .filter(|(other, _)| !own.contains(&fold_case_and_punctuation(&other.name)))
        .map(|(other, other_acronym)| {
            let fits = u8::from(!fits_acronym(other_acronym, &organization.name));
            (fits * 2 + rank(ask, organization, other), other_acronym)
        })
        .collect();
    candidates.sort_by_key(|(r, _)| *r);
    let options = shuffled_options(
        acronym.to_owned(),
        candidates.into_iter().map(|(_, a)| a.to_owned()),
        rng,
    )?;
    if !enough_fit(&options, |option| fits_acronym(option, &organization.name)) {
        return None;
    }
    Some(
        one_answer(
            QuestionKind::NameToAcronym,
            format!("{}:{}", QuestionKind::NameToAcronym.key(), organization.id),
            format!(
                "What is the usual acronym of {}?",
                with_the(&organization.name)
            ),
            options,
            format!(
                "{} is known as {acronym}. The article says: {}.",
                with_the_capital(&organization.name),
                evidence.cite(ask.bank.dataset)
            ),
            sources_with_first(&evidence.source, &organization.sources),
        )
        .with(acronym_footprint(organization, acronym)),
    )
}

/// About the organization; asks its acronym and name together.
fn acronym_footprint(organization: &Organization, acronym: &str) -> Footprint {
    Footprint::asking(
        vec![Record::Organization(organization.id.clone())],
        vec![footprints::acronym(organization, acronym)],
    )
}

fn with_the_capital(name: &str) -> String {
    capitalize(&with_the(name))
}

/// "As the articles state it, what is Turkmenistan's relationship to …?"
pub(super) fn relationship(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let dataset = ask.bank.dataset;
    let organization = dataset.organizations.get(index)?;
    // "Turkmenistan's relationship to its own ministry" teaches nothing.
    if organization.kind == OrganizationKind::National {
        return None;
    }
    let mut stated: Vec<RelationshipKind> =
        organization.relationships.iter().map(|r| r.kind).collect();
    // What proves a wrong label wrong (a guest is not a member) is known of
    // the built-in kinds only: a unit's own kinds are asked "since when".
    if stated
        .iter()
        .any(|k| matches!(k, RelationshipKind::Custom(_)))
    {
        return None;
    }
    stated.sort();
    stated.dedup();
    let mut wrong: Vec<(RelationshipKind, &str)> = LABELS
        .into_iter()
        .filter_map(|label| Some((label, ruled_out(label, &stated, organization.kind)?)))
        .collect();
    if wrong.len() < 3 || stated.is_empty() {
        return None;
    }
    shuffle(&mut wrong, rng);
    wrong.truncate(3);
    let relationship = organization
        .relationships
        .get(rng.below(organization.relationships.len()))?;
    let evidence = quote(
        dataset,
        &relationship.quote,
        std::slice::from_ref(&relationship.source),
    )?;
    let options = shuffled_options(
        relationship.kind.label().to_owned(),
        wrong.iter().map(|(label, _)| label.label().to_owned()),
        rng,
    )?;
    let name = with_the(&organization.name);
    // Whose relationship: the unit's subject; a unit that names none is not
    // asked about relationships.
    let subjects = possessive(dataset.subject()?);
    let prompt = if stated.len() == 1 {
        format!("As the articles state it, what is {subjects} relationship to {name}?")
    } else {
        format!(
            "Which of these is one of {subjects} relationships to {name}, as the articles state them?"
        )
    };
    let detail = relationship
        .detail
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let reasons: Vec<String> = wrong
        .iter()
        .map(|(label, why)| format!("{}: {why}", label.label()))
        .collect();
    let explanation = format!(
        "{}: {}{detail}. The article says: {}. The other options are ruled out by what the articles do state — {}.",
        capitalize(&name),
        relationship.kind.label(),
        evidence.cite(dataset),
        reasons.join("; ")
    );
    let footprint = Footprint::asking(
        vec![Record::Organization(organization.id.clone())],
        vec![footprints::relationship(
            organization,
            relationship.kind.label(),
        )],
    );
    Some(
        one_answer(
            QuestionKind::Relationship,
            format!("{}:{}", QuestionKind::Relationship.key(), organization.id),
            prompt,
            options,
            explanation,
            sources_with_first(&evidence.source, &organization.sources),
        )
        .with(footprint),
    )
}
