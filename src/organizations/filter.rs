//! Filtering the table by text and by chips.

use std::collections::BTreeSet;

use crate::dataset::Dataset;
use crate::model::{OrganizationKind, RelationshipKind};

use super::rows::OrgRow;
use super::text;

/// What the reader filters by. Empty sets mean "all"; the three parts combine
/// with "and".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Text to find, ignoring case, in the acronym, name or any alias;
    /// surrounding spaces are ignored and an empty text matches every row.
    pub text: String,
    /// Relationship chips: a row passes if any of its stated relationships is
    /// chosen; `None` is the "not stated" chip, for rows with no relationship.
    pub relationships: BTreeSet<Option<RelationshipKind>>,
    /// Kind chips.
    pub kinds: BTreeSet<OrganizationKind>,
}

/// Indices of the rows that pass `filter`, in ascending order.
///
/// A relationship chip matches any stated relationship, not just the first
/// shown in the table: the SCO is a guest of honour first but also cooperates,
/// and a reader asking for "Cooperation" should see it. Aliases come from
/// `dataset` (a row whose index is not in it matches on acronym and name only).
/// The text is folded once per call; rows are checked without allocating.
pub fn filter(rows: &[OrgRow], dataset: &Dataset, filter: &Filter) -> Vec<usize> {
    let needle = text::lowercase(filter.text.trim());
    rows.iter()
        .enumerate()
        .filter(|(_, row)| filter.kinds.is_empty() || filter.kinds.contains(&row.kind))
        .filter(|(_, row)| {
            filter.relationships.is_empty() || relationship_matches(row, dataset, filter)
        })
        .filter(|(_, row)| text_matches(row, dataset, &needle))
        .map(|(i, _)| i)
        .collect()
}

fn relationship_matches(row: &OrgRow, dataset: &Dataset, filter: &Filter) -> bool {
    let chosen = |kind: Option<RelationshipKind>| filter.relationships.contains(&kind);
    match dataset.organizations.get(row.index) {
        Some(organization) if organization.relationships.is_empty() => chosen(None),
        Some(organization) => organization
            .relationships
            .iter()
            .any(|relationship| chosen(Some(relationship.kind))),
        // Not from this dataset: the row's own first relationship is all we know.
        None => chosen(row.relationship),
    }
}

fn text_matches(row: &OrgRow, dataset: &Dataset, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let found = |haystack: &str| text::contains_folded(haystack, needle);
    row.acronym.as_deref().is_some_and(found)
        || found(&row.name)
        || dataset
            .organizations
            .get(row.index)
            .is_some_and(|organization| organization.aliases.iter().any(|alias| found(alias)))
}
