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
    /// Where the table scrolls sideways to on the next frame, so that the
    /// control the keyboard just focused is in view (egui's inner, vertical
    /// scroll area takes the sideways part of a scroll-into-view request).
    pub(super) sideways_to: Option<f32>,
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
            sideways_to: None,
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

    /// What a reload of the same dataset keeps: a fresh start on `dataset`
    /// with the filter, the sort and the as-of date kept, and the details
    /// open only while an organization is still selected
    /// (`organization_selected`).
    pub fn carried_over(self, dataset: &Dataset, organization_selected: bool) -> Self {
        // Every field named, so that a new one must be decided on here.
        let Self {
            rows: _,
            series: _,
            filter,
            column,
            direction,
            chips: _,
            shown: _,
            details_open,
            as_of,
            scroll_to_selected: _,
            details: _,
            sideways_to: _,
        } = self;
        Self {
            filter,
            column,
            direction,
            details_open: details_open && organization_selected,
            as_of,
            ..Self::new(dataset)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A runtime with every field away from its default.
    fn busy(dataset: &Dataset) -> OrganizationsRuntime {
        let mut runtime = OrganizationsRuntime::new(dataset);
        runtime.filter.text = "un".to_owned();
        runtime.sort_by(SortColumn::Mentions);
        runtime.as_of.set_text(dataset, "1995");
        runtime.details_open = true;
        runtime.scroll_to_selected = true;
        runtime.shown(dataset);
        runtime.details = Some(DetailLists::of(dataset, 0));
        runtime
    }

    #[test]
    fn a_reload_keeps_the_filter_sort_and_date() {
        let dataset = Dataset::embedded().unwrap();
        let before = busy(&dataset);
        let after = before.clone().carried_over(&dataset, true);
        assert_eq!(after.filter, before.filter);
        assert_eq!(after.column, SortColumn::Mentions);
        assert_eq!(after.direction, before.direction);
        assert_eq!(after.as_of.text, "1995");
        assert_eq!(after.as_of.date, before.as_of.date);
        assert!(after.as_of.date.is_some());
        assert!(after.details_open);
    }

    #[test]
    fn a_reload_works_everything_else_out_again_from_the_dataset() {
        let dataset = Dataset::embedded().unwrap();
        let fresh = OrganizationsRuntime::new(&dataset);
        let after = busy(&dataset).carried_over(&dataset, true);
        assert_eq!(after.rows, fresh.rows);
        assert_eq!(after.series, fresh.series);
        assert_eq!(after.chips.relationships, fresh.chips.relationships);
        assert_eq!(after.chips.kinds, fresh.chips.kinds);
        assert!(after.shown.is_none());
        assert!(after.details.is_none());
        assert!(!after.scroll_to_selected);
    }

    #[test]
    fn the_details_stay_open_only_with_an_organization_selected() {
        let dataset = Dataset::embedded().unwrap();
        assert!(!busy(&dataset).carried_over(&dataset, false).details_open);
        let closed = OrganizationsRuntime::new(&dataset).carried_over(&dataset, true);
        assert!(!closed.details_open);
    }
}
