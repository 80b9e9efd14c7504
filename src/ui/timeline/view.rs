//! The full Timeline view: filters and legend, the chronological list, the
//! canvas, and the selected event's card. The list and canvas share one selection.

use egui::RichText;

use super::canvas::{CanvasConfig, canvas_ui};
use super::card::event_card_ui;
use super::colors::category_color;
use super::index::TimelineIndex;
use super::labels::{category_label, category_lane_label};
use super::runtime::{TimelineRuntime, event_included};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::timeline::{Item, TimeSpan};
use crate::ui::command::{Command, EventIx};

/// The most rows a category lane may stack in the full view; the height
/// there is shares them out.
const MAX_ROWS: usize = 8;

/// The most of the view's width the filters and list may take.
const LIST_SHARE: f32 = 0.25;
/// The most of the view's width the details pane may take with a card open.
const DETAILS_SHARE: f32 = 1.0 / 3.0;
/// The least of the view's width the plot keeps.
const PLOT_SHARE: f32 = 0.5;
/// The central panel's margins and the panels' edges around the plot.
const PLOT_MARGINS: f32 = 24.0;
/// The details pane's width while it only says how to choose or open an event.
const HINT_WIDTH: f32 = 170.0;

/// Draws the Timeline view.
pub fn timeline_view_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
    selected: Option<EventIx>,
    commands: &mut Vec<Command>,
) {
    // The panels take shares of the width, so that in a small window the
    // plot keeps at least half of it.
    let total = ui.available_width();
    let list_max = total * LIST_SHARE;
    egui::Panel::left("timeline_filters")
        .resizable(true)
        .default_size(300.0)
        .size_range(220.0_f32.min(list_max)..=list_max)
        .show(ui, |ui| {
            filters_and_list_ui(ui, dataset, index, runtime, selected, commands)
        });
    let details_max = (total * DETAILS_SHARE)
        .min(ui.available_width() - total * PLOT_SHARE - PLOT_MARGINS)
        .max(HINT_WIDTH);
    let card = runtime.details_open && selected.and_then(|i| i.of(&dataset.events)).is_some();
    // Without a card the pane only holds a sentence: narrow, and apart from
    // the card's pane so that the card keeps the width it was given.
    let pane = if card {
        egui::Panel::right("timeline_details")
            .resizable(true)
            .default_size(340.0)
            .size_range(240.0_f32.min(details_max)..=details_max)
    } else {
        egui::Panel::right("timeline_details_hint")
            .resizable(false)
            .exact_size(HINT_WIDTH)
    };
    pane.show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("timeline_card_scroll")
            .show(ui, |ui| {
                details_ui(ui, dataset, runtime, selected, commands)
            });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        toolbar_ui(ui, dataset, index, runtime);
        ui.add_space(4.0);
        canvas_panel_ui(ui, dataset, index, runtime, selected, commands);
    });
}

/// Zooms the full canvas around its middle.
fn zoom(runtime: &mut TimelineRuntime, factor: f64) {
    if let Some(t) = &mut runtime.full.transform {
        let center = t.left() + t.width() / 2.0;
        t.zoom_at(center, factor);
    }
}

/// The time the events shown under the filters take.
fn included_bounds(
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &TimelineRuntime,
) -> Option<TimeSpan> {
    index
        .by_category
        .items()
        .iter()
        .filter(|item| event_included(dataset, runtime, item.event))
        .map(|item| item.span)
        .reduce(|a, b| a.union(&b))
}

/// The left panel: the category filters, the organization filter and the list.
fn filters_and_list_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
    selected: Option<EventIx>,
    commands: &mut Vec<Command>,
) {
    categories_ui(ui, dataset, index, runtime);
    ui.add_space(6.0);
    let before = runtime.organization.clone();
    organization_filter_ui(ui, dataset, index, runtime);
    // Choosing an organization shows its events: fit the view to them.
    if runtime.organization != before
        && let Some(bounds) = included_bounds(dataset, index, runtime)
    {
        runtime.full.fit(bounds);
    }
    ui.add_space(6.0);
    ui.separator();
    event_list_ui(ui, dataset, runtime, selected, commands);
}

/// A checkbox per category that has events, with its colour and how many of
/// its events the organization filter lets through, and Show all / Hide all.
fn categories_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
) {
    let dark = ui.visuals().dark_mode;
    let filtered = runtime.category_counts(dataset, &index.category_counts);
    ui.add_space(6.0);
    ui.heading(tr("timeline.categories"));
    for (lane, category) in dataset.categories.iter().enumerate() {
        let count = index.category_counts.get(lane).copied().unwrap_or(0);
        if count == 0 {
            continue;
        }
        let count = filtered.get(lane).copied().unwrap_or(0);
        let mut shown = !runtime.hidden.contains(&category.key);
        ui.horizontal(|ui| {
            let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(swatch, 2.0, category_color(category, dark));
            if ui
                .checkbox(
                    &mut shown,
                    format!("{} ({count})", category_label(category)),
                )
                .changed()
            {
                if shown {
                    runtime.hidden.remove(&category.key);
                } else {
                    runtime.hidden.insert(category.key.clone());
                }
            }
        });
    }
    ui.horizontal(|ui| {
        if ui.small_button(tr("timeline.show_all")).clicked() {
            runtime.hidden.clear();
        }
        if ui.small_button(tr("timeline.hide_all")).clicked() {
            runtime.hidden = dataset.categories.iter().map(|c| c.key.clone()).collect();
        }
    });
}

/// Only the events of one organization, or of all.
fn organization_filter_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
) {
    let current = runtime
        .organization
        .as_ref()
        .and_then(|id| dataset.organization(id))
        .map_or(tr("timeline.all_organizations").to_owned(), |o| {
            o.short_name().to_owned()
        });
    let label = ui.label(tr("timeline.organization"));
    egui::ComboBox::from_id_salt("timeline_organization")
        .selected_text(current)
        .width(ui.available_width() - 8.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(
                &mut runtime.organization,
                None,
                tr("timeline.all_organizations"),
            );
            for organization in index
                .organizations_with_events(dataset)
                .iter()
                .filter_map(|&i| dataset.organizations.get(i))
            {
                ui.selectable_value(
                    &mut runtime.organization,
                    Some(organization.id.clone()),
                    organization.short_name(),
                );
            }
        })
        .response
        .labelled_by(label.id);
}

/// The events shown, one line each, in date order; a click selects one and
/// opens its card.
fn event_list_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut TimelineRuntime,
    selected: Option<EventIx>,
    commands: &mut Vec<Command>,
) {
    // Read before the list borrows the runtime: the list is not copied per frame.
    let followed_before = runtime.list_followed;
    let shown = runtime.shown_events(dataset);
    ui.heading(trf("timeline.events_heading", &[("n", &shown.len())]));
    // One line per event, so that only the rows on screen are built, however
    // many events there are; the full title is on hover and in the card.
    let row_height = ui.spacing().interact_size.y;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("timeline_list")
        .auto_shrink([false, false]);
    // When the selection changes elsewhere (the canvas, the keyboard), bring
    // its row into view once; the rows off screen are never built, so it
    // cannot scroll itself into view.
    let mut followed = followed_before;
    if followed_before != selected {
        followed = selected;
        if let Some(position) = selected.and_then(|s| shown.iter().position(|&i| i == s.0)) {
            let pitch = row_height + ui.spacing().item_spacing.y;
            let above = 3.0 * pitch;
            area = area.vertical_scroll_offset((position as f32 * pitch - above).max(0.0));
        }
    }
    area.show_rows(ui, row_height, shown.len(), |ui, rows| {
        for index in shown.get(rows).unwrap_or(&[]).iter().copied() {
            let Some(event) = dataset.events.get(index) else {
                continue;
            };
            let is_selected = selected == Some(EventIx(index));
            let text = format!(
                "{} — {}",
                crate::i18n::dates::human(&event.date),
                event.title
            );
            let response = ui
                .add(egui::Button::selectable(is_selected, text).truncate())
                .on_hover_text(&event.title);
            if response.clicked() {
                // Chosen here, so already in view: the list must not jump.
                followed = Some(EventIx(index));
                commands.push(Command::SelectEvent {
                    event: Some(EventIx(index)),
                    details: true,
                });
            }
        }
    });
    runtime.list_followed = followed;
}

/// The selected event's card, or its title and how to open the card, or how
/// to select one.
fn details_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &TimelineRuntime,
    selected: Option<EventIx>,
    commands: &mut Vec<Command>,
) {
    ui.add_space(6.0);
    match selected.and_then(|i| i.of(&dataset.events)) {
        Some(event) if runtime.details_open => {
            event_card_ui(ui, dataset, event, commands);
        }
        Some(event) => {
            ui.label(RichText::new(&*event.title).strong());
            ui.weak(tr("timeline.press_enter_hint"));
        }
        None => {
            ui.weak(tr("timeline.select_hint"));
        }
    }
}

/// The heading, Fit, Zoom in and Zoom out, and the keys' hint.
fn toolbar_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
) {
    // Wrapped: the hint is longer in Türkmençe and Русский.
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr("timeline.title"));
        ui.separator();
        if ui
            .button(tr("timeline.fit"))
            .on_hover_text(tr("timeline.fit_hover"))
            .clicked()
            && let Some(bounds) = included_bounds(dataset, index, runtime)
        {
            runtime.full.fit(bounds);
        }
        if ui
            .button(tr("timeline.zoom_in"))
            .on_hover_text(tr("timeline.zoom_in_hover"))
            .clicked()
        {
            zoom(runtime, 1.5);
        }
        if ui
            .button(tr("timeline.zoom_out"))
            .on_hover_text(tr("timeline.zoom_out_hover"))
            .clicked()
        {
            zoom(runtime, 1.0 / 1.5);
        }
        ui.weak(tr("timeline.navigation_hint"));
    });
}

/// The canvas over the shown categories' lanes; its selection goes to the app.
fn canvas_panel_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
    selected: Option<EventIx>,
    commands: &mut Vec<Command>,
) {
    let lanes: Vec<usize> = dataset
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| !runtime.hidden.contains(&c.key))
        .map(|(lane, _)| lane)
        .filter(|&lane| index.category_counts.get(lane).is_some_and(|n| *n > 0))
        .collect();
    let organization = runtime.organization.clone();
    // `include` answers by the organization filter alone (the hidden
    // categories are the lanes): the canvas keeps its layout while it stays.
    runtime.full.set_filters_key(&organization);
    let include = |item: &Item| {
        dataset.events.get(item.event).is_some_and(|e| {
            organization
                .as_ref()
                .is_none_or(|o| e.organizations().iter().any(|e| **e == **o))
        })
    };
    let config = CanvasConfig {
        id: egui::Id::unique("timeline_full"),
        timeline: &index.by_category,
        lanes: &lanes,
        lane_count: dataset.categories.len(),
        lane_label: &|lane| category_lane_label(dataset, lane),
        max_rows: MAX_ROWS,
        include: &include,
        emphasised: &|_| true,
        pinned: &|_| false,
        selected: selected.map(|i| i.0),
        height: ui.available_height(),
    };
    let output = canvas_ui(ui, &mut runtime.full, &config, dataset);
    if let Some(select) = output.select {
        commands.push(Command::SelectEvent {
            event: select.map(EventIx),
            details: output.open_details,
        });
    } else if output.open_details {
        runtime.details_open = true;
    }
    if output.close_details {
        runtime.details_open = false;
    }
}
