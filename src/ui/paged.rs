//! A list that grows with the unit, shown a page at a time: an article or
//! an organization that a 100,000-event unit ties to every event would
//! otherwise have every row laid out in every frame (half a second a frame,
//! and a gigabyte of laid-out text).

use crate::i18n::{tr, trf};

/// How many rows a list shows at first, and how many more each "Show more"
/// adds.
pub const AT_ONCE: usize = 100;

/// Draws the first rows of a list of `len` (as many as shown so far under
/// `id`, [`AT_ONCE`] at first) with `row(ui, i)`, then, while some are
/// left, how many of how many are shown and "Show more".
pub fn paged_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    len: usize,
    mut row: impl FnMut(&mut egui::Ui, usize),
) {
    let shown = ui
        .data(|d| d.get_temp::<usize>(id))
        .unwrap_or(AT_ONCE)
        .min(len);
    for i in 0..shown {
        row(ui, i);
    }
    if shown < len {
        ui.weak(trf("paged.shown", &[("shown", &shown), ("total", &len)]));
        // An id of its own, whatever comes before it: with an automatic one
        // (even under `push_id`), the rows it adds would take over its id,
        // and the keyboard focus would land on one of them.
        let more = ui.scope_builder(
            egui::UiBuilder::new().scope_id(id.with("show more")),
            |ui| ui.button(tr("paged.show_more")),
        );
        if more.inner.clicked() {
            ui.data_mut(|d| d.insert_temp(id, shown + AT_ONCE));
        }
    }
}
