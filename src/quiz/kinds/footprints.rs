//! The claims each kind of question asks and reveals (see
//! [`super::super::claims`]), built from the records themselves.

use crate::dataset::Dataset;
use crate::model::{Date, Event, Fact, GlossaryTerm, Organization, Person, Precision, month_name};

use super::super::bank::effective;
use super::super::claims::{Claim, Field, Record};
use super::super::text::{fold_case_and_punctuation, key_words};

/// The phrases that name an event: its title, its resolution number, and the
/// names of its organization when it has only one ("Turkmenistan joins the
/// United Nations" is named by "United Nations" beside "1992").
fn event_names(dataset: &Dataset, event: &Event) -> Vec<String> {
    let mut names = vec![event.title.to_string()];
    names.extend(event.resolution().map(str::to_owned));
    if let [only] = event.organizations()
        && let Some(organization) = dataset.organization(only)
    {
        names.extend(organization_names(organization));
    }
    names
}

/// The phrases that state `date` at `precision`: "1995"; "December 1995";
/// "12 December 1995" and "December 12".
fn date_values(date: &Date, precision: Precision) -> Vec<String> {
    let year = date.year_number().to_string();
    let month = date.month_number().map(month_name);
    match (precision, month, date.day_number()) {
        (Precision::Day, Some(month), Some(day)) => {
            vec![format!("{day} {month}"), format!("{month} {day}")]
        }
        (Precision::Month | Precision::Day, Some(month), _) => vec![month.to_owned()],
        _ => vec![year],
    }
}

/// "The date of `event` is …", at `precision` (its start, for a span).
pub(crate) fn event_date(dataset: &Dataset, event: &Event, precision: Precision) -> Claim {
    let start = effective(&event.date).start();
    let precision = precision.min(start.precision());
    Claim::new(
        Record::Event(event.id.to_string()),
        Field::Date,
        &start.human(),
        event_names(dataset, event),
        date_values(&start, precision),
    )
    .or_words(key_words(&event.title))
}

/// "Resolution `number` is the one of this date and subject."
pub(crate) fn resolution_number(event: &Event, number: &str, subject: &str) -> Claim {
    let date = effective(&event.date).start();
    let mut values = date_values(&date, Precision::Day);
    values.push(subject.to_owned());
    Claim::new(
        Record::Event(event.id.to_string()),
        Field::Number,
        number,
        [number],
        values,
    )
}

/// The name, aliases and acronym of an organization.
pub(crate) fn organization_names(organization: &Organization) -> Vec<String> {
    let mut names = vec![organization.name.clone()];
    names.extend(organization.aliases.iter().cloned());
    names.extend(organization.acronym.clone());
    names
}

/// "The acronym of this organization is …".
pub(crate) fn acronym(organization: &Organization, acronym: &str) -> Claim {
    let mut names = vec![organization.name.clone()];
    names.extend(organization.aliases.iter().cloned());
    Claim::new(
        Record::Organization(organization.id.clone()),
        Field::Acronym,
        acronym,
        names,
        [acronym],
    )
}

/// "Turkmenistan's relationship to this organization is …".
pub(crate) fn relationship(organization: &Organization, label: &str) -> Claim {
    Claim::new(
        Record::Organization(organization.id.clone()),
        Field::Relationship,
        label,
        organization_names(organization),
        [label],
    )
}

/// "This person's role is …".
pub(crate) fn role(person: &Person) -> Claim {
    Claim::new(
        Record::Person(person.id.clone()),
        Field::Role,
        &person.role,
        [person.name.as_str()],
        [person.role.as_str()],
    )
}

/// "This figure is …".
pub(crate) fn value(fact: &Fact) -> Claim {
    Claim::new(
        Record::Fact(fact.id.clone()),
        Field::Value,
        &fact.value_text(),
        [fact.measure.as_str()],
        [fact.value_text()],
    )
}

/// "This measure (at some date) is …": shared by every figure of one
/// measure, so that a quiz does not ask 149 countries for 2022 beside 155
/// for 2025, where one answer points to the other.
pub(crate) fn measure(fact: &Fact) -> Claim {
    let key = format!(
        "{}|{}",
        fold_case_and_punctuation(&fact.measure),
        fold_case_and_punctuation(&fact.unit)
    );
    Claim::new(
        Record::Fact(format!("measure:{key}")),
        Field::Value,
        &fact.value_text(),
        [fact.measure.as_str()],
        [fact.value_text()],
    )
}

/// "This term means …".
pub(crate) fn definition(term: &GlossaryTerm) -> Claim {
    let mut names = vec![term.term.clone()];
    names.extend(term.aliases.iter().cloned());
    Claim::new(
        Record::Term(term.id.clone()),
        Field::Definition,
        &term.definition,
        names,
        [term.definition.as_str()],
    )
}

/// "The blanked word of this sentence is …", named by the record the
/// sentence belongs to.
pub(crate) fn word(key: &str, names: Vec<String>, token: &str) -> Claim {
    Claim::new(
        Record::Sentence(key.to_owned()),
        Field::Word,
        token,
        names,
        [token],
    )
}

/// How many years an anniversary event counts: 15 for "15th anniversary of
/// the UN Centre …"; `None` for an event that is no anniversary.
pub(crate) fn anniversary_years(title: &str) -> Option<i32> {
    let lower = title.to_lowercase();
    let at = lower.find(" anniversary")?;
    let ordinal = lower[..at].rsplit(|c: char| !c.is_alphanumeric()).next()?;
    let digits: String = ordinal.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|&years: &i32| years > 0)
}

/// What an anniversary event states besides its own date: its title counts
/// the years from a beginning, so "15th anniversary of the UN Centre …" in
/// 2022 says the Centre opened in 2007. The claims of that beginning: each
/// of its organizations' relationships that began that year, and their
/// events of that year. A question on the anniversary asks them too, so that
/// a quiz does not ask both.
pub(crate) fn counted_from(dataset: &Dataset, event: &Event) -> Vec<Claim> {
    let Some(years) = anniversary_years(&event.title) else {
        return Vec::new();
    };
    let base = effective(&event.date).start().year_number() - years;
    let mut claims = Vec::new();
    for id in event.organizations() {
        let Some(organization) = dataset.organization(id) else {
            continue;
        };
        let began = organization
            .relationships
            .iter()
            .any(|r| r.since.is_some_and(|since| since.year_number() == base));
        if began {
            claims.push(relationship(organization, &base.to_string()));
        }
        claims.extend(
            dataset
                .events
                .iter()
                .filter(|e| e.id != event.id && e.organizations().contains(id))
                .filter(|e| effective(&e.date).start().year_number() == base)
                .map(|e| event_date(dataset, e, Precision::Year)),
        );
    }
    claims
}

/// The other events of the same occasion as `event`: at the same place, on
/// days that overlap ("Ashgabat International Conference", 11-12 December
/// 2020, and "… adopts its outcome document", 12 December 2020). A quiz asks
/// about one occasion once: a question on one of them is about them all.
pub(crate) fn same_occasion<'d>(dataset: &'d Dataset, event: &Event) -> Vec<&'d Event> {
    let Some(place) = event.place().map(fold_case_and_punctuation) else {
        return Vec::new();
    };
    let (first, last) = (event.date.start().first_day(), event.date.end().last_day());
    dataset
        .events
        .iter()
        .filter(|e| e.id != event.id)
        .filter(|e| {
            e.place()
                .is_some_and(|p| fold_case_and_punctuation(p) == place)
        })
        .filter(|e| e.date.start().first_day() <= last && first <= e.date.end().last_day())
        .collect()
}
