//! The Organizations view: a sortable, filterable table of every organization
//! with Turkmenistan's relationship to it, the details of the one selected,
//! the headline figures and a small chart; and the "as of a date" control that
//! shows how the relationships stood on a day.
//!
//! The logic lives in [`crate::organizations`]; this module draws it. Rows,
//! figure series and the chart's tally are derived once per dataset; the
//! sorted and filtered order is recomputed only when a filter or the sort
//! changes, so a frame draws only the rows on screen.

mod as_of;
mod chart;
mod details;
mod figures;
mod filters;
mod table;

use egui::{Key, RichText};

use super::command::{Command, OrgIx};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::{Date, Event, OrganizationKind, Relationship, RelationshipKind};
use crate::organizations::{self, FigureSeries, Filter, OrgRow, SortColumn, SortOrder, StandingOn};

pub use as_of::AsOf;

/// The Organizations view's state, alive while the app runs; the selected
/// organization is the app's, shared with the other views.
#[derive(Clone, Debug)]
pub struct OrganizationsRuntime {
    /// One row per organization, in file order.
    rows: Vec<OrgRow>,
    /// Turkmenistan's headline figures, one series per measure.
    series: Vec<FigureSeries>,
    /// The filter box and the chips.
    pub filter: Filter,
    /// The column the table is sorted by.
    pub column: SortColumn,
    /// Which way.
    pub direction: SortOrder,
    /// The chips and their counts.
    chips: filters::Chips,
    /// The rows shown, in order, for the filter and sort they were computed for.
    shown: Option<(ShownKey, Vec<usize>)>,
    /// Whether the selected organization's details are open.
    pub details_open: bool,
    /// The date the relationships are shown as of, if any.
    pub as_of: AsOf,
    /// Bring the selected row into view on the next frame.
    pub scroll_to_selected: bool,
    /// The details' lists for the organization they were worked out for.
    details: Option<details::DetailLists>,
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
            chips: filters::Chips::new(dataset),
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
    fn rows_and_shown(&mut self, dataset: &Dataset) -> (&[OrgRow], &[usize]) {
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
    fn sort_by(&mut self, column: SortColumn) {
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

/// Draws the full Organizations view.
pub fn organizations_view_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut OrganizationsRuntime,
    selected: Option<OrgIx>,
    selected_event: Option<&Event>,
    commands: &mut Vec<Command>,
) {
    if dataset.organizations.is_empty() {
        // Nothing to filter, date or chart: only the sentence that says where to add them.
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(8.0);
            ui.label(tr("org.none"));
        });
        return;
    }
    keyboard(ui, dataset, runtime, selected, commands);
    let chosen = selected.and_then(|i| i.of(&dataset.organizations).map(|o| (i.0, o)));
    if let (true, Some((index, organization))) = (runtime.details_open, chosen) {
        egui::Panel::right("organization_details")
            .resizable(true)
            .default_size(400.0)
            .min_size(260.0)
            .show(ui, |ui| {
                details::details_ui(ui, dataset, index, organization, runtime, commands);
            });
    }
    egui::Panel::bottom("organizations_overview")
        .resizable(true)
        .default_size(220.0)
        .min_size(120.0)
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                if let [left, right] = columns {
                    figures::figures_ui(left, dataset, &runtime.series, commands);
                    chart::chart_ui(right, &runtime.chips, &mut runtime.filter);
                }
            });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        filters::filters_ui(ui, runtime);
        as_of::as_of_ui(ui, dataset, runtime, selected_event);
        ui.separator();
        table::table_ui(ui, dataset, runtime, selected.map(|i| i.0), commands);
    });
}

/// Up/Down move the selection through the rows as shown, Enter opens the
/// details and Escape closes them. They work while nothing has the keyboard
/// focus or the filter box has it, so a reader can type a name, press Down and
/// Enter; in the as-of box the arrows stay the text cursor's.
fn keyboard(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut OrganizationsRuntime,
    selected: Option<OrgIx>,
    commands: &mut Vec<Command>,
) {
    let focused = ui.ctx().memory(|m| m.focused());
    if focused.is_some() && focused != Some(filters::filter_box_id()) {
        return;
    }
    let (down, up, enter, escape) = ui.ctx().input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::Enter),
            i.key_pressed(Key::Escape),
        )
    });
    if enter && selected.is_some() {
        runtime.details_open = true;
    }
    if escape && focused.is_none() {
        runtime.details_open = false;
    }
    if !(down || up) {
        return;
    }
    let shown = runtime.shown(dataset);
    let position = selected.and_then(|s| shown.iter().position(|&i| i == s.0));
    let next = match (position, down) {
        (None, true) => shown.first(),
        (None, false) => shown.last(),
        (Some(at), true) => shown.get(at + 1).or(shown.get(at)),
        (Some(at), false) => shown.get(at.saturating_sub(1)),
    };
    if let Some(&next) = next {
        runtime.scroll_to_selected = true;
        commands.push(Command::SelectOrganization {
            organization: Some(OrgIx(next)),
            details: false,
            show: false,
        });
    }
}

/// A relationship kind's name in the interface's language (the model's
/// [`RelationshipKind::label`] stays English for the command line).
pub fn relationship_label(kind: RelationshipKind) -> &'static str {
    match kind {
        RelationshipKind::Member => tr("org.rel_member"),
        RelationshipKind::Office => tr("org.rel_office"),
        RelationshipKind::GuestOfHonour => tr("org.rel_guest_of_honour"),
        RelationshipKind::Host => tr("org.rel_host"),
        RelationshipKind::Initiator => tr("org.rel_initiator"),
        RelationshipKind::Cooperation => tr("org.rel_cooperation"),
        RelationshipKind::National => tr("org.rel_national"),
    }
}

/// A relationship chip's or bar's name: the kind, or "Not stated" for `None`.
pub fn relationship_chip_label(kind: Option<RelationshipKind>) -> &'static str {
    kind.map_or_else(|| tr("org.rel_not_stated"), relationship_label)
}

/// An organization kind's name in the interface's language (the model's
/// [`OrganizationKind::label`] stays English for the command line).
pub fn kind_label(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Global => tr("org.kind_global"),
        OrganizationKind::Regional => tr("org.kind_regional"),
        OrganizationKind::UnBody => tr("org.kind_un_body"),
        OrganizationKind::Specialized => tr("org.kind_specialized"),
        OrganizationKind::Informal => tr("org.kind_informal"),
        OrganizationKind::Institute => tr("org.kind_institute"),
        OrganizationKind::National => tr("org.kind_national"),
    }
}

/// A relationship as it stood on `date`, in a few words: "Member",
/// "Not yet (Member from 1992)", "Member — unknown on this date".
pub fn standing_text(relationship: &Relationship, date: Date) -> String {
    let kind = relationship_label(relationship.kind);
    let since = relationship.since.map(|since| since.human());
    match (organizations::standing(relationship, date), since) {
        (StandingOn::Held(_), Some(since)) => trf(
            "org.standing_held_since",
            &[("kind", &kind), ("date", &since)],
        ),
        (StandingOn::Held(_), None) => kind.to_owned(),
        (StandingOn::NotYet(_), Some(since)) => trf(
            "org.standing_not_yet_from",
            &[("kind", &kind), ("date", &since)],
        ),
        (StandingOn::NotYet(_), None) => trf("org.standing_not_yet", &[("kind", &kind)]),
        (StandingOn::Unknown(_), Some(since)) => trf(
            "org.standing_unknown_from",
            &[("kind", &kind), ("date", &since)],
        ),
        (StandingOn::Unknown(_), None) => trf("org.standing_unknown_since", &[("kind", &kind)]),
        (StandingOn::NotStated, _) => tr("org.standing_not_stated").to_owned(),
    }
}

/// A relationship without a date to stand on: "Office holder since June 2022:
/// vice-chair of the 77th session".
pub fn undated_text(relationship: &Relationship) -> String {
    let kind = relationship_label(relationship.kind);
    let mut text = match relationship.since {
        Some(since) => trf(
            "org.undated_since",
            &[("kind", &kind), ("date", &since.human())],
        ),
        None => kind.to_owned(),
    };
    if let Some(detail) = &relationship.detail {
        text.push_str(&format!(": {detail}"));
    }
    text
}

/// How a standing is drawn: held plain, not yet faint, unknown in italics.
pub fn standing_rich(relationship: &Relationship, date: Date) -> RichText {
    let text = RichText::new(standing_text(relationship, date));
    match organizations::standing(relationship, date) {
        StandingOn::Held(_) => text,
        StandingOn::NotYet(_) => text.weak(),
        StandingOn::Unknown(_) | StandingOn::NotStated => text.italics(),
    }
}
