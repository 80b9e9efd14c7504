//! A list that grows with the unit, shown a page at a time: an article or
//! an organization that a 100,000-event unit ties to every event would
//! otherwise have every row laid out in every frame (half a second a frame,
//! and a gigabyte of laid-out text).

use crate::i18n::{tr, trf};

/// How many rows a list shows at first, and how many more each "Show more"
/// adds.
pub const AT_ONCE: usize = 100;

/// Draws the first rows of a list of `len` (as many as shown so far under
/// `id`, [`AT_ONCE`] at first) with `row(ui, i)`, which gives the row's
/// control that takes the keyboard focus, if it has one; then, while some
/// are left, how many of how many are shown and "Show more".
///
/// "Show more" pressed from the keyboard moves the focus to the first row
/// it added, so that a keyboard user goes on reading where the new rows
/// start (and keeps a focus when the last page makes the button go).
pub fn paged_ui(
    ui: &mut egui::Ui,
    id: egui::Id,
    len: usize,
    mut row: impl FnMut(&mut egui::Ui, usize) -> Option<egui::Response>,
) {
    let Page { shown, focus } = ui.data(|d| d.get_temp::<Page>(id)).unwrap_or_default();
    let shown = shown.min(len);
    for i in 0..shown {
        let control = row(ui, i);
        if focus == Some(i)
            && let Some(control) = control
        {
            control.request_focus();
            control.scroll_to_me(None);
        }
    }
    if focus.is_some() {
        ui.data_mut(|d| d.insert_temp(id, Page { shown, focus: None }));
    }
    if shown < len {
        ui.weak(trf("paged.shown", &[("shown", &shown), ("total", &len)]));
        // An id of its own, whatever comes before it: with an automatic one
        // (even under `push_id`), the rows it adds would take over its id.
        let more = ui.scope_builder(
            egui::UiBuilder::new().scope_id(id.with("show more")),
            |ui| ui.button(tr("paged.show_more")),
        );
        if more.inner.clicked() {
            let focus = more.inner.has_focus().then_some(shown);
            ui.data_mut(|d| {
                d.insert_temp(
                    id,
                    Page {
                        shown: shown + AT_ONCE,
                        focus,
                    },
                );
            });
        }
    }
}

/// How much of a list is shown, and the row to give the focus to in the
/// next frame.
#[derive(Clone, Copy, Debug)]
struct Page {
    /// How many rows are shown.
    shown: usize,
    /// The first row "Show more" added from the keyboard, until focused.
    focus: Option<usize>,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            shown: AT_ONCE,
            focus: None,
        }
    }
}
