//! File > "Export the timeline for TimelineJS…": the unit's timeline as a
//! TimelineJS 3 file (the command line's `export --format timelinejs`),
//! written where the teacher says: the desktop's save dialog, or a typed
//! path in a small window, which then says what was written.

use std::path::Path;

use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::ui::save_dialog::{
    Prompted, SaveDialog, default_save_path, home_folder, typed_prompt_ui,
};

/// The export's state: the asking, and what the last export did.
#[derive(Clone, Debug, Default)]
pub struct TimelineExport {
    /// Asking where to write.
    pub dialog: SaveDialog,
    /// Whether the window is shown.
    pub open: bool,
    /// What the last export did, in words.
    pub message: Option<String>,
}

impl TimelineExport {
    /// Asks where to write the timeline of `dataset`, starting in Documents
    /// with a file named after the unit.
    pub fn ask(&mut self, ctx: Option<&egui::Context>, dataset: &Dataset) {
        let unit = dataset
            .manifest
            .title
            .as_deref()
            .unwrap_or("neutrality-reader");
        let default = default_save_path(
            home_folder().as_deref(),
            &format!("{unit}-timeline"),
            "timeline",
            "json",
        );
        self.open = true;
        self.message = None;
        self.dialog.ask(
            ctx,
            default,
            tr("timelinejs.window"),
            ("TimelineJS JSON", &["json"]),
        );
    }

    /// Writes the timeline of `dataset` to `path` and says what happened.
    fn write_to(&mut self, dataset: &Dataset, path: &Path) {
        let shown = path.display();
        let json = crate::dataset::to_timelinejs(dataset);
        let written = serde_json::to_string_pretty(&json)
            .map_err(|error| error.to_string())
            .and_then(|text| {
                crate::storage::write_atomically(path, format!("{text}\n").as_bytes())
                    .map_err(|error| error.to_string())
            });
        self.open = true;
        self.message = Some(match written {
            Ok(()) => trf(
                "timelinejs.exported",
                &[("n", &dataset.events.len()), ("path", &shown)],
            ),
            Err(error) => trf("timelinejs.failed", &[("path", &shown), ("error", &error)]),
        });
    }
}

/// The window: what the file is for, the place asked for (a word while the
/// desktop's dialog is open, or the typed path with Save and Cancel), and
/// what the last export did.
pub fn timeline_export_ui(ctx: &egui::Context, state: &mut TimelineExport, dataset: &Dataset) {
    if let Some(path) = state.dialog.poll() {
        state.write_to(dataset, &path);
    }
    if !state.open {
        return;
    }
    let mut open = true;
    egui::Window::new(tr("timelinejs.window"))
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(tr("timelinejs.explained"));
            ui.add_space(6.0);
            if state.dialog.choosing() {
                ui.weak(tr("timelinejs.choosing"));
            }
            let prompted = typed_prompt_ui(
                ui,
                &mut state.dialog,
                tr("timelinejs.save_as"),
                tr("timelinejs.save"),
                tr("timelinejs.cancel"),
            );
            match prompted {
                Prompted::Nothing => {}
                Prompted::Cancelled => state.open = false,
                Prompted::Save(path) => state.write_to(dataset, &path),
            }
            if let Some(message) = &state.message {
                ui.label(message);
            }
        });
    if !open {
        state.open = false;
        state.dialog.typed = None;
    }
}
