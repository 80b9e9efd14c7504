//! The timeline strip under the reader: every event in one lane, the open
//! article's events emphasised and brought into view, a compact card for the
//! selection.

use egui::RichText;

use super::canvas::{CanvasConfig, canvas_ui};
use super::index::TimelineIndex;
use super::labels::date_with_precision;
use super::runtime::TimelineRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Event;
use crate::timeline::TimeSpan;
use crate::ui::command::{Command, EventIx, View};

/// Draws the strip for the article `article`.
pub fn strip_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    index: &TimelineIndex,
    runtime: &mut TimelineRuntime,
    article: Option<&str>,
    selected: Option<EventIx>,
    commands: &mut Vec<Command>,
) {
    let article_events: &[usize] = article.map_or(&[], |a| dataset.event_indices_of_article(a));
    follow_article(dataset, runtime, article, article_events);
    header_ui(ui, article_events.len(), commands);
    let card_width = if selected.is_some() { 320.0 } else { 0.0 };
    ui.horizontal_top(|ui| {
        let height = ui.available_height();
        ui.vertical(|ui| {
            ui.set_width((ui.available_width() - card_width).max(200.0));
            // A search, not a scan: this runs for every event in view, and an
            // article may have thousands (the index lists them in file order).
            let sorted = article_events.is_sorted();
            let emphasised = |event: usize| {
                if sorted {
                    article_events.binary_search(&event).is_ok()
                } else {
                    article_events.contains(&event)
                }
            };
            // The pinned events are the article's: the canvas keeps its
            // layout while the article stays.
            runtime.strip.set_filters_key(&article);
            let config = CanvasConfig {
                id: egui::Id::unique("timeline_strip"),
                timeline: index.single_lane(),
                lanes: &[0],
                lane_count: 1,
                lane_label: &|_| None,
                max_rows: 8,
                include: &|_| true,
                emphasised: &emphasised,
                pinned: &emphasised,
                selected: selected.map(|i| i.0),
                height,
            };
            let output = canvas_ui(ui, &mut runtime.strip, &config, dataset);
            if let Some(select) = output.select {
                commands.push(Command::SelectEvent {
                    event: select.map(EventIx),
                    details: output.open_details,
                });
            }
            if output.open_details && output.select.is_none() {
                commands.push(Command::ShowView(View::Timeline));
            }
        });
        if let Some(event) = selected.and_then(|i| i.of(&dataset.events)) {
            ui.vertical(|ui| {
                ui.set_width(card_width - 12.0);
                egui::ScrollArea::vertical()
                    .id_salt("strip_card")
                    .max_height(height)
                    .show(ui, |ui| card_ui(ui, dataset, event, commands));
            });
        }
    });
}

/// Brings the article's events into view when another article is opened.
fn follow_article(
    dataset: &Dataset,
    runtime: &mut TimelineRuntime,
    article: Option<&str>,
    article_events: &[usize],
) {
    if runtime.strip_article.as_deref() == article {
        return;
    }
    runtime.strip_article = article.map(str::to_owned);
    let span = article_events
        .iter()
        .filter_map(|&i| dataset.events.get(i))
        .map(|e| TimeSpan::of(&e.date))
        .reduce(|a, b| a.union(&b));
    if let Some(span) = span {
        runtime.strip.fit(span);
    }
}

/// The title, how many events the article has, and the way to the full view.
fn header_ui(ui: &mut egui::Ui, article_events: usize, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.strong(tr("timeline.title"));
        // The button first, from the right, so that a long hint (Türkmençe,
        // Русский) is cut short with an ellipsis instead of running under it.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr("timeline.open_full")).clicked() {
                commands.push(Command::ShowView(View::Timeline));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let hint = if article_events == 1 {
                    tr("timeline.strip_hint_one").to_owned()
                } else {
                    trf("timeline.strip_hint", &[("n", &article_events)])
                };
                ui.add(egui::Label::new(RichText::new(hint).weak()).truncate());
            });
        });
    });
}

/// The compact card of the selection: date, title, what happened, and a
/// button per source that opens its paragraph.
fn card_ui(ui: &mut egui::Ui, dataset: &Dataset, event: &Event, commands: &mut Vec<Command>) {
    ui.label(
        RichText::new(date_with_precision(&event.date))
            .small()
            .weak(),
    );
    ui.label(RichText::new(&*event.title).strong());
    ui.label(RichText::new(&*event.description).small());
    for source in &event.sources {
        let Some(a) = dataset.article(&source.article) else {
            continue;
        };
        let text = trf(
            "timeline.strip_read_in_source",
            &[("title", &a.title), ("paragraph", &source.paragraph)],
        );
        if ui
            .add(egui::Button::new(RichText::new(text).small()).wrap())
            .clicked()
        {
            commands.push(Command::OpenArticle {
                article: source.article.clone(),
                paragraph: Some(source.paragraph),
            });
        }
    }
}
