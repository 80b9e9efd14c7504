//! The Organizations view's state while the app runs: the rows and figures
//! derived once per dataset, the filter, the sort and the as-of date, and the
//! lists worked out for what is shown.

use super::as_of::AsOf;
use super::filters::Chips;
use crate::dataset::Dataset;
use crate::organizations::{self, FigureSeries, Filter, OrgRow, SortColumn, SortOrder};

/// The Organizations view's state, alive while the app runs; the selected
/// organization is the app's, shared with the other views.
#[derive(Clone, Debug)]
pub struct OrganizationsRuntime {
    /// One row per organization, in file order.
    pub(super) rows: Vec<OrgRow>,
    /// Turkmenistan's headline figures, one series per measure.
    pub(super) series: Vec<FigureSeries>,
    /// The filter box and the chips.
    pub filter: Filter,
    /// The column the table is sorted by.
    pub column: SortColumn,
    /// Which way.
    pub direction: SortOrder,
    /// The chips and their counts.
    pub(super) chips: Chips,
    /// The rows shown, in order, for the filter and sort they were computed for.
    pub(super) shown: Option<(ShownKey, Vec<usize>)>,
    /// Whether the selected organization's details are open.
    pub details_open: bool,
    /// The date the relationships are shown as of, if any.
    pub as_of: AsOf,
    /// Bring the selected row into view on the next frame.
    pub scroll_to_selected: bool,
    /// The details' lists for the organization they were worked out for.
    pub(super) details: Option<DetailLists>,
}

/// What a shown order was computed for.
type ShownKey = (Filter, SortColumn, SortOrder);

impl OrganizationsRuntime {
    /// Derives the rows, figures and tally of `dataset`; the table starts
    /// sorted by acronym, A first.
    pub fn new(dataset: &Dataset) -> Self {
        let rows = organizations::rows(dataset);
        Self {
            series: organizations::figure_series(dataset),
            rows,
            chips: Chips::new(dataset),
            filter: Filter::default(),
            column: SortColumn::Acronym,
            direction: SortOrder::Ascending,
            shown: None,
            details_open: false,
            as_of: AsOf::default(),
            scroll_to_selected: false,
            details: None,
        }
    }

    /// The table's rows, in file order.
    pub fn rows(&self) -> &[OrgRow] {
        &self.rows
    }

    /// Indices into the rows (and the dataset's organizations) of the rows the
    /// table shows, in table order; recomputed only when the filter or the
    /// sort changed since the last call.
    pub fn shown(&mut self, dataset: &Dataset) -> &[usize] {
        // Compared in place; the filter is cloned only when it changed.
        let current = self
            .shown
            .as_ref()
            .is_some_and(|((filter, column, direction), _)| {
                *filter == self.filter && *column == self.column && *direction == self.direction
            });
        if !current {
            let mut order = organizations::filter(&self.rows, dataset, &self.filter);
            organizations::sort(&self.rows, &mut order, self.column, self.direction);
            self.shown = Some(((self.filter.clone(), self.column, self.direction), order));
        }
        self.shown
            .as_ref()
            .map_or(&[], |(_, order)| order.as_slice())
    }

    /// The rows and, in table order, the indices of those shown.
    pub(super) fn rows_and_shown(&mut self, dataset: &Dataset) -> (&[OrgRow], &[usize]) {
        self.shown(dataset);
        let shown = self
            .shown
            .as_ref()
            .map_or(&[][..], |(_, order)| order.as_slice());
        (&self.rows, shown)
    }

    /// Makes sure the organization at `index` is in the table: clears the
    /// filter if it hides it, and scrolls to it on the next frame.
    pub fn reveal(&mut self, dataset: &Dataset, index: usize) {
        if !self.shown(dataset).contains(&index) {
            self.filter = Filter::default();
        }
        self.scroll_to_selected = true;
    }

    /// Sorts by `column`: a new column starts ascending (most mentioned first
    /// for Mentions); the same column again reverses.
    pub(super) fn sort_by(&mut self, column: SortColumn) {
        if self.column == column {
            self.direction = match self.direction {
                SortOrder::Ascending => SortOrder::Descending,
                SortOrder::Descending => SortOrder::Ascending,
            };
        } else {
            self.column = column;
            self.direction = match column {
                SortColumn::Mentions => SortOrder::Descending,
                _ => SortOrder::Ascending,
            };
        }
    }
}

/// What the details list for one organization, worked out when it is selected
/// rather than on every frame.
#[derive(Clone, Debug, Default)]
pub(super) struct DetailLists {
    /// The organization these are for.
    pub organization: usize,
    /// Indices of its events, chronological.
    pub events: Vec<usize>,
    /// Indices of the facts about it.
    pub facts: Vec<usize>,
    /// (article index, paragraph) places that mention it.
    pub mentions: Vec<(usize, u32)>,
}

impl DetailLists {
    /// Works the lists out for the organization at `organization`.
    pub fn of(dataset: &Dataset, organization: usize) -> Self {
        Self {
            organization,
            events: organizations::events_of(dataset, organization),
            facts: organizations::facts_about(dataset, organization),
            mentions: organizations::mentions(dataset, organization),
        }
    }
}
