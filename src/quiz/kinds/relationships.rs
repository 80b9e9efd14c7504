//! Since when a relationship holds: "Since which year has Turkmenistan been
//! a member of the Non-Aligned Movement?"
//!
//! The labels question ([`super::organizations`]) needs three labels the data
//! rules out, which few organizations have. A relationship with a `since`
//! date can be asked by its year instead, for every kind of relationship:
//! any other year is provably wrong, since the relationship began that year.
//! Only a year the articles state is asked: the record's quote must state it,
//! and a year worked out or marked as the editor's is never asked (rule 4).
//! Turkmenistan's own institutions are not asked about.

use crate::model::{OrganizationKind, Precision, RelationshipKind, possessive};
use crate::quiz::Rng;

use super::super::bank::effective;
use super::super::claims::{Footprint, Record};
use super::super::distractors::{sorted_options, years};
use super::super::evidence::{quote, sources_with_first};
use super::super::question::{Question, QuestionKind};
use super::super::text::{has_number, quoted, with_the};
use super::{Ask, footprints, one_answer};

/// The prompt for a relationship of `subject` ("Austria") of `kind` to
/// `name` (with "the").
fn prompt(
    subject: &str,
    kind: RelationshipKind,
    name: &str,
    detail: Option<&str>,
) -> Option<String> {
    let subjects = possessive(subject);
    Some(match kind {
        RelationshipKind::Member => {
            format!("Since which year has {subject} been a member of {name}?")
        }
        RelationshipKind::Office => match detail {
            Some(detail) => format!(
                "In which year did {subject} take up this office in {name}: {}?",
                quoted(detail)
            ),
            None => format!("In which year did {subject} take up an office in {name}?"),
        },
        RelationshipKind::GuestOfHonour => {
            format!("Since which year has {subject} been a guest of honour of {name}?")
        }
        RelationshipKind::Host => format!("Since which year has {subject} hosted {name}?"),
        RelationshipKind::Initiator => {
            format!("In which year was {name} set up at {subjects} initiative?")
        }
        RelationshipKind::Cooperation => {
            format!("Since which year has {subject} cooperated with {name}?")
        }
        RelationshipKind::National => return None,
        // A unit's own kind, by the label its manifest gives it.
        RelationshipKind::Custom(custom) => format!(
            "In which year, as the articles state it, did this relationship of {subject} to {name} begin: {}?",
            quoted(&custom.label)
        ),
    })
}

/// A "since which year" question about one relationship of
/// `dataset.organizations[index]` that has a date.
pub(super) fn since(ask: &Ask<'_, '_>, index: usize, rng: &mut Rng) -> Option<Question> {
    let dataset = ask.bank.dataset;
    let organization = dataset.organizations.get(index)?;
    if organization.kind == OrganizationKind::National {
        return None;
    }
    let dated: Vec<(usize, _)> = organization
        .relationships
        .iter()
        .enumerate()
        .filter(|(_, r)| r.since_stated() && r.kind_stated())
        .collect();
    let &(r, relationship) = dated.get(rng.below(dated.len()))?;
    let year = relationship.since?.year_number();
    if !has_number(&relationship.quote, i64::from(year)) {
        return None;
    }
    let evidence = quote(
        dataset,
        &relationship.quote,
        std::slice::from_ref(&relationship.source),
    )?;
    let name = with_the(&organization.name);
    // A unit that names no subject has no one to ask "since when" about.
    let subject = dataset.subject()?;
    let prompt = prompt(
        subject,
        relationship.kind,
        &name,
        relationship.detail.as_deref(),
    )?;
    let excluded = Vec::new();
    let latest = ask.bank.latest_year.max(year);
    let candidates = years(year, &excluded, latest, ask.difficulty, rng);
    let options = sorted_options((i64::from(year), year.to_string()), candidates)?;
    let explanation = format!(
        "{}: {} since {year}. The article says: {}.",
        organization.name,
        relationship.kind.label(),
        evidence.cite(dataset)
    );
    // The events of the organization in that year date the same beginning
    // ("Turkmenistan joins the United Nations", 1992).
    let mut asks = vec![footprints::relationship(organization, &year.to_string())];
    asks.extend(
        dataset
            .events
            .iter()
            .filter(|e| e.organizations().iter().any(|o| **o == *organization.id))
            .filter(|e| effective(&e.date).start().year_number() == year)
            .map(|e| footprints::event_date(dataset, e, Precision::Year)),
    );
    let footprint = Footprint::asking(vec![Record::Organization(organization.id.clone())], asks);
    Some(
        one_answer(
            QuestionKind::Relationship,
            format!(
                "{}:{}:since:{r}",
                QuestionKind::Relationship.key(),
                organization.id
            ),
            prompt,
            options,
            explanation,
            sources_with_first(&evidence.source, &organization.sources),
        )
        .with(footprint),
    )
}
