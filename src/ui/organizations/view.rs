//! The Organizations view: the details of the selection on the right, the
//! figures and the chart below, the filters, the as-of date and the table in
//! the middle; and the keys that move through the table.

use egui::Key;

use super::as_of::as_of_ui;
use super::chart::chart_ui;
use super::details::details_ui;
use super::figures::figures_ui;
use super::filters::{filter_box_id, filters_ui};
use super::runtime::OrganizationsRuntime;
use super::table::table_ui;
use crate::dataset::Dataset;
use crate::i18n::tr;
use crate::model::Event;
use crate::ui::command::{Command, OrgIx};

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
                details_ui(ui, dataset, index, organization, runtime, commands);
            });
    }
    egui::Panel::bottom("organizations_overview")
        .resizable(true)
        .default_size(220.0)
        .min_size(120.0)
        .show(ui, |ui| {
            ui.columns(2, |columns| {
                if let [left, right] = columns {
                    // `columns` lays out justified, which stretches the word
                    // gaps of every wrapped caption: lay them out ragged.
                    let ragged = egui::Layout::top_down(egui::Align::Min);
                    left.with_layout(ragged, |ui| {
                        figures_ui(ui, dataset, &runtime.series, commands);
                    });
                    right.with_layout(ragged, |ui| {
                        chart_ui(ui, &runtime.chips, &mut runtime.filter);
                    });
                }
            });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        filters_ui(ui, &mut runtime.filter, &runtime.chips);
        as_of_ui(ui, dataset, &mut runtime.as_of, selected_event);
        ui.separator();
        table_ui(ui, dataset, runtime, selected.map(|i| i.0), commands);
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
    if focused.is_some() && focused != Some(filter_box_id()) {
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
