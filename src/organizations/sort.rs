//! Sorting the table by a column.

use std::cmp::Ordering;
use std::ops::Range;

use super::rows::OrgRow;
use super::text;

/// A column of the organizations table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// The acronym, or the name where there is none.
    Acronym,
    /// The full name.
    Name,
    /// The kind of body, in [`crate::model::OrganizationKind`]'s order.
    Kind,
    /// The first relationship, in [`crate::model::RelationshipKind`]'s order.
    Relationship,
    /// Since when the first relationship holds, chronologically.
    Since,
    /// How many places mention it.
    Mentions,
}

/// Which way a column is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Smallest, earliest or A first.
    Ascending,
    /// Largest, latest or Z first.
    Descending,
}

/// Sorts `order` (indices into `rows`) in place by `column`.
///
/// The sort is stable. Rows equal in the column are ordered by name, A to Z in
/// both directions, so a reader scanning one group finds names where expected.
/// Rows without a value (no relationship stated, since-date unknown) always go
/// last, in both directions: a missing value is not "smallest". Text compares
/// ignoring case, then exactly; letters compare by code point, without locale
/// collation ("é" after "z"). An index outside `rows` goes after every row.
pub fn sort(rows: &[OrgRow], order: &mut [usize], column: SortColumn, direction: SortOrder) {
    // Every column falls back on the name, so names are compared tens of
    // thousands of times for a few thousand rows. Folding each text once into
    // one buffer and comparing the folded bytes is several times faster than
    // folding inside every comparison, and orders the same way: UTF-8 bytes
    // compare as their code points do.
    let mut folded = String::new();
    let texts: Vec<(Range<usize>, Range<usize>)> = order
        .iter()
        .map(|&index| {
            let Some(row) = rows.get(index) else {
                return (0..0, 0..0);
            };
            let name = text::fold_into(&mut folded, &row.name);
            let short = match (&row.acronym, column) {
                (Some(acronym), SortColumn::Acronym) => text::fold_into(&mut folded, acronym),
                // Only the Acronym column looks at it; elsewhere the name will do.
                _ => name.clone(),
            };
            (short, name)
        })
        .collect();
    let slice = |range: &Range<usize>| folded.get(range.clone()).unwrap_or_default();
    let mut entries: Vec<Entry<'_>> = order
        .iter()
        .zip(&texts)
        .map(|(&index, (short, name))| Entry {
            index,
            row: rows.get(index),
            short: slice(short),
            name: slice(name),
        })
        .collect();
    entries.sort_by(|a, b| match (a.row, b.row) {
        (Some(row_a), Some(row_b)) => compare(a, row_a, b, row_b, column, direction),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    for (slot, entry) in order.iter_mut().zip(&entries) {
        *slot = entry.index;
    }
}

/// One index of `order` with its row and folded texts.
struct Entry<'a> {
    index: usize,
    row: Option<&'a OrgRow>,
    /// The folded acronym, or name where there is none (for the Acronym column).
    short: &'a str,
    /// The folded name.
    name: &'a str,
}

fn compare(
    a: &Entry<'_>,
    row_a: &OrgRow,
    b: &Entry<'_>,
    row_b: &OrgRow,
    column: SortColumn,
    direction: SortOrder,
) -> Ordering {
    let directed = |ordering: Ordering| match direction {
        SortOrder::Ascending => ordering,
        SortOrder::Descending => ordering.reverse(),
    };
    let by_name = || a.name.cmp(b.name).then_with(|| row_a.name.cmp(&row_b.name));
    let primary = match column {
        SortColumn::Acronym => directed(
            a.short
                .cmp(b.short)
                .then_with(|| row_a.short_name().cmp(row_b.short_name())),
        ),
        // The name is the column itself, so there is no tie to break.
        SortColumn::Name => return directed(by_name()),
        SortColumn::Kind => directed(row_a.kind.cmp(&row_b.kind)),
        SortColumn::Relationship => missing_last(row_a.relationship, row_b.relationship, directed),
        SortColumn::Since => missing_last(row_a.since, row_b.since, directed),
        SortColumn::Mentions => directed(row_a.mentions.cmp(&row_b.mentions)),
    };
    primary.then_with(by_name)
}

/// Known values in `directed` order, then every missing one.
fn missing_last<T: Ord>(
    a: Option<T>,
    b: Option<T>,
    directed: impl Fn(Ordering) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
