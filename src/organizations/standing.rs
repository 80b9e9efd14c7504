//! How each relationship stood on a date, never guessing inside a vague since-date.

use crate::dataset::Dataset;
use crate::model::{Date, Organization, Relationship, RelationshipKind};

/// A relationship as it stood on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandingOn {
    /// Held on that date (since is known and on or before it).
    Held(RelationshipKind),
    /// Began after that date.
    NotYet(RelationshipKind),
    /// The articles give no since-date, or the date falls inside a since-date
    /// known only to its year or month: unknown, never guessed.
    Unknown(RelationshipKind),
    /// The articles state no relationship.
    NotStated,
}

/// How many organizations stand each way on a date, by their first relationship.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// First relationship held on the date.
    pub held: usize,
    /// First relationship begun after the date.
    pub not_yet: usize,
    /// First relationship of unknown standing on the date.
    pub unknown: usize,
    /// No relationship stated.
    pub not_stated: usize,
}

/// How one relationship stood on `date`.
///
/// A since-date stands for every day it may mean, from its `first_day()` to its
/// `last_day()`: since "1995" is held on 1995-12-31 and after, not yet before
/// 1995-01-01, and unknown on any day inside 1995, when it may or may not have
/// begun. Likewise a month. `date` itself may be vague too: it counts as held
/// only if held on every day it may mean, and as not yet only if not yet on
/// every one.
pub fn standing(relationship: &Relationship, date: Date) -> StandingOn {
    let kind = relationship.kind;
    match relationship.since {
        None => StandingOn::Unknown(kind),
        Some(since) if since.last_day() <= date.first_day() => StandingOn::Held(kind),
        Some(since) if date.last_day() < since.first_day() => StandingOn::NotYet(kind),
        Some(_) => StandingOn::Unknown(kind),
    }
}

/// Each of the organization's relationships as it stood on `date`, in order;
/// `[NotStated]` when the articles state none.
pub fn standing_on(organization: &Organization, date: Date) -> Vec<StandingOn> {
    if organization.relationships.is_empty() {
        return vec![StandingOn::NotStated];
    }
    organization
        .relationships
        .iter()
        .map(|relationship| standing(relationship, date))
        .collect()
}

/// How many organizations are held, not yet, unknown or not stated on `date`,
/// by their first relationship (the one the table shows); the same answer as
/// the first entry of [`standing_on`], without building its vector.
pub fn counts_on(dataset: &Dataset, date: Date) -> Counts {
    let mut counts = Counts::default();
    for organization in &dataset.organizations {
        let first = organization.relationships.first();
        match first.map_or(StandingOn::NotStated, |r| standing(r, date)) {
            StandingOn::Held(_) => counts.held += 1,
            StandingOn::NotYet(_) => counts.not_yet += 1,
            StandingOn::Unknown(_) => counts.unknown += 1,
            StandingOn::NotStated => counts.not_stated += 1,
        }
    }
    counts
}
