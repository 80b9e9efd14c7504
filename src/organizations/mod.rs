//! The pure logic behind the organization membership panel: one table row per
//! organization, sorting and filtering the rows, how each relationship stood on
//! a date, the headline figures, a tally for the chart, and where an
//! organization is mentioned.
//!
//! Nothing here knows of egui: the panel draws what this computes, and every
//! piece can be tested and benchmarked on its own. [`rows`] is derived once per
//! dataset; sorting and filtering then work on indices into those rows, so the
//! panel can re-sort or re-filter on every click without copying records.

mod figures;
mod filter;
mod rows;
mod sort;
mod standing;
mod text;

#[cfg(test)]
mod tests;

pub use figures::{FigureSeries, change_text, facts_about, figure_series};
pub use filter::{Filter, filter};
pub use rows::{KindTally, OrgRow, RelationshipTally, events_of, mentions, rows, tally};
pub use sort::{SortColumn, SortOrder, sort};
pub use standing::{Counts, StandingOn, counts_on, standing, standing_on};
