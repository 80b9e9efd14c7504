//! What a question is about, asks and gives away, as data: the generator
//! keeps a quiz free of one question answering another by these, not by
//! comparing wording.
//!
//! * A question is about one or more [`Record`]s; a quiz asks about each
//!   record once.
//! * A question asks one or more [`Claim`]s: a record's field with its value
//!   ("the SCO's acronym ↔ name", "the date of event X is 1995").
//! * A question reveals claims: its keyed answer (the explanation states it),
//!   what its prompt states ("adopted on 12 December 1995"), what its options
//!   state (a resolution's date beside its subject). Besides these, a text
//!   reveals a claim when it names the record and states the value together
//!   ([`Claim::stated_in`]): an explanation that quotes "the Shanghai
//!   Cooperation Organization (SCO)" reveals the SCO's acronym.

use super::text::{fold_case_and_punctuation, has_phrase};

/// A record of the dataset that a question is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Record {
    /// An event, a UN resolution included, by id.
    Event(String),
    /// An organization, by id.
    Organization(String),
    /// A person, by id.
    Person(String),
    /// A figure (a fact), by id.
    Fact(String),
    /// A glossary term, by id.
    Term(String),
    /// A key sentence: a record's quote, named by that record's key.
    Sentence(String),
}

/// Which part of a record a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// An event's date (year, month or day).
    Date,
    /// A resolution's number, paired with its subject and date.
    Number,
    /// An organization's acronym, paired with its name.
    Acronym,
    /// Turkmenistan's relationship to an organization.
    Relationship,
    /// A person's role, paired with the name.
    Role,
    /// A figure's value.
    Value,
    /// A term's definition.
    Definition,
    /// A word or number of a key sentence.
    Word,
}

/// "This record's field has this value", with the phrases by which a text
/// would say so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// Whose.
    pub record: Record,
    /// Which field.
    pub field: Field,
    /// The value, as the question shows it.
    pub value: String,
    /// Folded phrases that name the record in a text (a title, a name, an
    /// acronym, a resolution number).
    names: Vec<String>,
    /// Folded phrases that state the value.
    values: Vec<String>,
    /// Sets of folded words that name the record when all stand in a text,
    /// in any order: "the delegates … signed the Charter of the United
    /// Nations" names the event "The Charter of the United Nations is signed".
    words: Vec<Vec<String>>,
}

impl Claim {
    /// A claim with the phrases that name its record and state its value.
    pub(crate) fn new<N, V>(record: Record, field: Field, value: &str, names: N, values: V) -> Self
    where
        N: IntoIterator,
        N::Item: AsRef<str>,
        V: IntoIterator,
        V::Item: AsRef<str>,
    {
        let fold = |items: Vec<String>| -> Vec<String> {
            let mut out: Vec<String> = items
                .iter()
                .map(|s| fold_case_and_punctuation(s))
                .filter(|s| !s.is_empty())
                .collect();
            out.sort();
            out.dedup();
            out
        };
        Self {
            record,
            field,
            value: value.to_owned(),
            names: fold(names.into_iter().map(|n| n.as_ref().to_owned()).collect()),
            values: fold(values.into_iter().map(|v| v.as_ref().to_owned()).collect()),
            words: Vec::new(),
        }
    }

    /// The same claim, its record also named by all of `words` (already
    /// folded) standing in a text; fewer than two words name nothing surely.
    pub(crate) fn or_words(mut self, words: Vec<String>) -> Self {
        if words.len() >= 2 {
            self.words.push(words);
        }
        self
    }

    /// Whether `folded` (text already folded by
    /// [`fold_case_and_punctuation`]) names the record and states the value.
    pub(crate) fn stated_in(&self, folded: &str) -> bool {
        self.values.iter().any(|v| has_phrase(folded, v))
            && (self.names.iter().any(|n| has_phrase(folded, n))
                || self
                    .words
                    .iter()
                    .any(|set| set.iter().all(|w| has_phrase(folded, w))))
    }

    /// Whether two claims are about the same field of the same record.
    pub fn same_as(&self, other: &Claim) -> bool {
        self.record == other.record && self.field == other.field
    }
}

/// What the generator knows of a question besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Footprint {
    /// The records it is about; a quiz asks about each once.
    pub about: Vec<Record>,
    /// What it asks.
    pub asks: Vec<Claim>,
    /// What its prompt, options and explanation state, its answer included.
    pub reveals: Vec<Claim>,
}

impl Footprint {
    /// A footprint about `about` that asks `asks` and reveals them (its
    /// explanation states its answer) and nothing else yet.
    pub(crate) fn asking(about: Vec<Record>, asks: Vec<Claim>) -> Self {
        Self {
            about,
            reveals: asks.clone(),
            asks,
        }
    }

    /// The same, also revealing `claims`.
    pub(crate) fn revealing(mut self, claims: impl IntoIterator<Item = Claim>) -> Self {
        self.reveals.extend(claims);
        self
    }
}
