//! Marks on the parts of a record that the articles do not state as the data
//! gives them: the editor corrected a garbled word, inferred a value, or read
//! an ambiguous sentence one way. The views show such records with their
//! editor's note; the quiz never asks the marked values, since a student can
//! only be asked what the articles say.
//!
//! A worked-out date (the `derived` field of an event, a relationship, a
//! fact) is the same kind of thing and predates these marks: it stays where it
//! is, and [`Event::date_stated`] and [`Relationship::since_stated`] count it.

use serde::{Deserialize, Serialize};

use super::{Event, Fact, Organization, Relationship};

/// Which part of a record a mark is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Field {
    /// An event's date.
    Date,
    /// What an event's title says happened: who held it, what it was.
    Title,
    /// An organization's acronym.
    Acronym,
    /// An organization's full name.
    Name,
    /// What a figure counts (its measure and unit).
    Measure,
    /// A figure's number.
    Value,
    /// The kind of a relationship.
    Kind,
    /// Since when a relationship holds.
    Since,
}

impl Field {
    /// The field's name as the data files and messages write it.
    pub fn key(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Title => "title",
            Field::Acronym => "acronym",
            Field::Name => "name",
            Field::Measure => "measure",
            Field::Value => "value",
            Field::Kind => "kind",
            Field::Since => "since",
        }
    }
}

/// Why the articles do not state the marked value as the data gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum Basis {
    /// The web text has another word there (a wrong acronym, a misspelling);
    /// the value is the editor's correction.
    Corrected,
    /// No article gives the value; the editor supplied or inferred it.
    Inferred,
    /// The sentence can be read more than one way, and only one reading gives
    /// the value.
    Ambiguous,
}

impl Basis {
    /// A stable kebab-case name, used in exports.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Corrected => "corrected",
            Basis::Inferred => "inferred",
            Basis::Ambiguous => "ambiguous",
        }
    }
}

/// A part of a record that rests on the editor rather than on what the
/// articles state. Written `Unstated(field: Acronym, basis: Inferred,
/// reason: "…")` in a record's `unstated` list.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Unstated {
    /// Which part of the record.
    pub field: Field,
    /// Corrected, inferred or read from an ambiguous sentence.
    pub basis: Basis,
    /// What the articles do say, and why the data differs, for the reader.
    pub reason: String,
}

/// Whether `marks` mark any of `fields`.
fn marked(marks: &[Unstated], fields: &[Field]) -> bool {
    marks.iter().any(|m| fields.contains(&m.field))
}

impl Event {
    /// Whether the articles state both the event's date and what it was, so
    /// that its date may be asked and it may be put in order with others.
    pub fn date_stated(&self) -> bool {
        self.derived().is_none() && !marked(self.unstated(), &[Field::Date, Field::Title])
    }
}

impl Organization {
    /// Whether the articles write the organization's acronym and full name as
    /// the data gives them, so that either may be asked from the other.
    pub fn acronym_stated(&self) -> bool {
        !marked(&self.unstated, &[Field::Acronym, Field::Name])
    }

    /// Whether the articles name the organization as the data does.
    pub fn name_stated(&self) -> bool {
        !marked(&self.unstated, &[Field::Name])
    }
}

impl Relationship {
    /// Whether the articles state the kind of relationship.
    pub fn kind_stated(&self) -> bool {
        !marked(&self.unstated, &[Field::Kind])
    }

    /// Whether the articles state since when it holds (not worked out, not marked).
    pub fn since_stated(&self) -> bool {
        self.since.is_some() && self.derived.is_none() && !marked(&self.unstated, &[Field::Since])
    }
}

impl Fact {
    /// Whether the articles state the figure's number and what it counts. Its
    /// as-of date may still be worked out (`derived`): a question then names
    /// the article it rests on rather than a year.
    pub fn stated(&self) -> bool {
        !marked(&self.unstated, &[Field::Measure, Field::Value])
    }
}

/// The fields a mark may name on each kind of record, for the validator.
pub fn fields_of(record_kind: &str) -> &'static [Field] {
    match record_kind {
        "event" => &[Field::Date, Field::Title],
        "organization" => &[Field::Acronym, Field::Name],
        "relationship" => &[Field::Kind, Field::Since],
        "fact" => &[Field::Measure, Field::Value],
        _ => &[],
    }
}
