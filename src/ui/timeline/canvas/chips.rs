//! A cluster's chip as a screen reader hears it, and the list a chip opens
//! when zooming cannot part its events (they share one date): a button per
//! event, which selects it and opens its card.

use egui::Pos2;

use super::config::{CanvasConfig, CanvasOutput};
use crate::dataset::Dataset;
use crate::i18n::trf;
use crate::timeline::{Cluster, TickUnit, TimeSpan};
use crate::ui::timeline::labels::day_label;

/// Titles a chip's name lists before "…": a chip of hundreds stays a sentence.
const TITLES_NAMED: usize = 12;

/// A chip's list of events, open under the chip.
#[derive(Clone, Debug, PartialEq)]
pub struct ChipList {
    /// The events, in chronological order.
    pub events: Vec<usize>,
    /// Their union, for the heading.
    pub span: TimeSpan,
    /// Where the list's top-left corner goes.
    pub at: Pos2,
    /// The pass it opened in: the click that opened it is not a click outside.
    pub opened: u64,
}

impl ChipList {
    /// The list of `cluster`'s events, under its chip's corner `at`.
    pub fn new(ui: &egui::Ui, cluster: &Cluster, at: Pos2) -> Self {
        Self::listing(ui, cluster.events.clone(), cluster.span, at)
    }

    /// The list of `events` (a band's part), over `span`, with its corner at `at`.
    pub fn listing(ui: &egui::Ui, events: Vec<usize>, span: TimeSpan, at: Pos2) -> Self {
        Self {
            events,
            span,
            at,
            opened: ui.ctx().cumulative_pass_nr(),
        }
    }
}

/// What a chip says: how many events, when, which, and what a click does.
pub fn chip_label(dataset: &Dataset, cluster: &Cluster, zooms: bool) -> String {
    let mut titles: Vec<&str> = cluster
        .events
        .iter()
        .take(TITLES_NAMED)
        .filter_map(|&i| dataset.events.get(i))
        .map(|e| &*e.title)
        .collect();
    if cluster.events.len() > TITLES_NAMED {
        titles.push("…");
    }
    let (n, from, to) = (
        cluster.count,
        day_label(cluster.span.start, TickUnit::Day),
        day_label(cluster.span.end - 1.0, TickUnit::Day),
    );
    let titles = titles.join("; ");
    let args: [(&str, &dyn std::fmt::Display); 4] =
        [("n", &n), ("from", &from), ("to", &to), ("titles", &titles)];
    // Literal keys, so that the check of the language files finds them.
    if zooms {
        trf("timeline.cluster_label", &args)
    } else {
        trf("timeline.cluster_list_label", &args)
    }
}

/// Shows the open list, if any: a click on an event selects it and opens its
/// card; Escape or a click elsewhere closes the list.
pub fn chip_list_ui(
    ui: &egui::Ui,
    list: &mut Option<ChipList>,
    config: &CanvasConfig<'_>,
    dataset: &Dataset,
    output: &mut CanvasOutput,
) {
    let Some(open) = list.as_ref() else {
        return;
    };
    let mut chosen = None;
    let area = egui::Area::new(config.id.with("chip_list"))
        .order(egui::Order::Foreground)
        .fixed_pos(open.at)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(trf(
                    "timeline.cluster_list_heading",
                    &[
                        ("n", &open.events.len()),
                        ("from", &day_label(open.span.start, TickUnit::Day)),
                        ("to", &day_label(open.span.end - 1.0, TickUnit::Day)),
                    ],
                ));
                egui::ScrollArea::vertical()
                    .max_height(260.0)
                    .show(ui, |ui| {
                        for &index in &open.events {
                            let Some(event) = dataset.events.get(index) else {
                                continue;
                            };
                            let text = format!(
                                "{}: {}",
                                crate::i18n::dates::human(&event.date),
                                event.title
                            );
                            let selected = config.selected == Some(index);
                            if ui.selectable_label(selected, text).clicked() {
                                chosen = Some(index);
                            }
                        }
                    });
            });
        });
    let clicked_outside = ui.input(|i| i.pointer.any_click())
        && ui.ctx().cumulative_pass_nr() > open.opened
        && !area.response.contains_pointer();
    let escape = ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    if let Some(index) = chosen {
        output.select = Some(Some(index));
        output.open_details = true;
    }
    if chosen.is_some() || clicked_outside || escape {
        *list = None;
    }
}
