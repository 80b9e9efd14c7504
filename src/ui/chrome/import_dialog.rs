//! File > Import…: a TimelineJS timeline (.json, .csv, .xlsx) or an article
//! (.txt, .md, .html) made into a new unit, as `neutrality-reader import`
//! makes it. The file is typed or chosen in the desktop's file dialog; the
//! folder defaults to a new one beside the file, named after it. The import
//! runs on its own thread (an HTML page of megabytes takes a moment to
//! parse), then its report is shown and the new unit opens.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::{Color32, Key, Modifiers, RichText};

use crate::i18n::{tr, trf};
use crate::import::run::{Destination, Outcome, import_file};
use crate::ui::command::Command;

/// The extensions the import reads, for the desktop's file dialog.
pub const EXTENSIONS: [&str; 7] = ["json", "csv", "xlsx", "txt", "md", "html", "htm"];

/// What became of the last import: its report, or why nothing was written.
#[derive(Clone, Debug)]
pub enum Finished {
    /// Imported; the unit opens.
    Done(Outcome),
    /// Nothing written: the error, after the notes that explain it.
    Failed(Vec<String>),
}

/// The "Import" window.
#[derive(Debug, Default)]
pub struct ImportDialog {
    /// Whether it is shown.
    pub open: bool,
    /// The file to import, typed or chosen.
    pub source: String,
    /// The folder to make the unit in.
    pub dest: String,
    /// The folder was typed, so a new source no longer changes it.
    dest_typed: bool,
    /// What is wrong with the fields, in plain words.
    pub error: Option<String>,
    /// The last import's result, shown until the next.
    pub finished: Option<Finished>,
    running: Option<Receiver<Finished>>,
    picking: Option<Receiver<Option<PathBuf>>>,
    /// Give the file field the keyboard when it is next drawn.
    focus_pending: bool,
}

impl ImportDialog {
    /// Shows the window, empty.
    pub fn show(&mut self) {
        *self = Self {
            open: true,
            focus_pending: true,
            ..Self::default()
        };
    }

    /// Whether an import is running.
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// Sets the source, and the folder beside it unless one was typed.
    fn set_source(&mut self, source: String) {
        self.source = source;
        if !self.dest_typed {
            self.dest = default_dest(Path::new(self.source.trim()))
                .map(|d| d.display().to_string())
                .unwrap_or_default();
        }
    }

    /// Opens the desktop's file dialog on its own thread (not in tests).
    /// Never in a browser: importing writes a unit's folder, which a page
    /// has not, so the File menu does not offer it there.
    #[cfg(target_arch = "wasm32")]
    fn pick(&mut self, _ctx: &egui::Context) {}

    /// Opens the desktop's file dialog on its own thread (not in tests).
    #[cfg(not(target_arch = "wasm32"))]
    fn pick(&mut self, ctx: &egui::Context) {
        if self.picking.is_some() {
            return;
        }
        let dialog = rfd::FileDialog::new()
            .set_title(tr("import.title"))
            .add_filter(tr("import.file_filter"), &EXTENSIONS);
        let (tx, rx) = mpsc::channel();
        if cfg!(target_os = "macos") {
            // AppKit's panels belong to the main thread.
            let _ = tx.send(dialog.pick_file());
        } else {
            let wake = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("import-file-dialog".to_owned())
                .spawn(move || {
                    let _ = tx.send(dialog.pick_file());
                    wake.request_repaint();
                });
            if spawned.is_err() {
                return;
            }
        }
        self.picking = Some(rx);
    }

    /// Starts the import of the fields' file into the fields' folder.
    fn start(&mut self, ctx: &egui::Context) {
        let (source, dest) = (self.source.trim(), self.dest.trim());
        if source.is_empty() {
            self.error = Some(tr("import.empty_source").to_owned());
            return;
        }
        if dest.is_empty() {
            self.error = Some(tr("import.empty_dest").to_owned());
            return;
        }
        let (source, dest) = (PathBuf::from(source), PathBuf::from(dest));
        let (tx, rx) = mpsc::channel();
        let wake = ctx.clone();
        let job = move || {
            let finished = match import_file(&source, Destination::New(&dest)) {
                Ok(outcome) => Finished::Done(outcome),
                Err(failure) => {
                    let mut lines = failure.notes;
                    lines.push(failure.error.to_string());
                    Finished::Failed(lines)
                }
            };
            let _ = tx.send(finished);
            wake.request_repaint();
        };
        if std::thread::Builder::new()
            .name("import".to_owned())
            .spawn(job)
            .is_ok()
        {
            self.error = None;
            self.finished = None;
            self.running = Some(rx);
        }
    }

    /// The import's end and the file dialog's answer, once there; the
    /// folder to open when an import has just finished.
    pub fn poll(&mut self) -> Option<PathBuf> {
        if let Some(rx) = &self.picking {
            match rx.try_recv() {
                Ok(chosen) => {
                    self.picking = None;
                    if let Some(path) = chosen {
                        self.set_source(path.display().to_string());
                    }
                }
                Err(TryRecvError::Disconnected) => self.picking = None,
                Err(TryRecvError::Empty) => {}
            }
        }
        let finished = match self.running.as_ref()?.try_recv() {
            Ok(finished) => finished,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                return None;
            }
        };
        self.running = None;
        let folder = match &finished {
            Finished::Done(outcome) => Some(outcome.folder.clone()),
            Finished::Failed(_) => None,
        };
        self.finished = Some(finished);
        folder
    }
}

/// A new folder beside `source`, named after it ("lesson.md" gives
/// "lesson"), with "-2", "-3"… added while that name is taken.
pub fn default_dest(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_string_lossy().into_owned();
    let parent = source.parent().unwrap_or(Path::new(""));
    let mut candidate = parent.join(&stem);
    let mut n = 2;
    while candidate.exists() {
        candidate = parent.join(format!("{stem}-{n}"));
        n += 1;
    }
    Some(candidate)
}

/// The "Import" window: the file (and Browse…, where there is a dialog),
/// the folder, Import and Cancel; then the report.
pub fn import_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut ImportDialog,
    can_browse: bool,
    commands: &mut Vec<Command>,
) {
    if !dialog.open {
        return;
    }
    if let Some(folder) = dialog.poll() {
        commands.push(Command::OpenDatasetFolder(folder));
    }
    let mut open = true;
    egui::Window::new(tr("import.title"))
        .id(egui::Id::unique("import_dialog"))
        .open(&mut open)
        .collapsible(false)
        .default_width(600.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| fields_ui(ui, dialog, can_browse));
    if !open || ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        dialog.open = false;
    }
}

fn fields_ui(ui: &mut egui::Ui, dialog: &mut ImportDialog, can_browse: bool) {
    ui.add(egui::Label::new(tr("import.intro")).wrap());
    if dialog.picking.is_some() {
        ui.add(egui::Label::new(RichText::new(tr("import.waiting")).weak()).wrap());
    }
    ui.add_space(4.0);
    let label = ui.label(RichText::new(tr("import.source_label")).strong());
    ui.horizontal(|ui| {
        let browse_width = if can_browse { 110.0 } else { 0.0 };
        let mut source = dialog.source.clone();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut source)
                    .desired_width((ui.available_width() - browse_width).max(200.0))
                    .hint_text(tr("import.source_hint")),
            )
            .labelled_by(label.id);
        // Asked until it holds: a window's first frame only measures it.
        if dialog.focus_pending {
            if field.has_focus() && !ui.is_sizing_pass() {
                dialog.focus_pending = false;
            } else {
                field.request_focus();
            }
        }
        if field.changed() {
            dialog.set_source(source);
            dialog.error = None;
        }
        if can_browse
            && ui
                .add_enabled(
                    dialog.picking.is_none(),
                    egui::Button::new(tr("open.browse")),
                )
                .on_hover_text(tr("import.browse_hint"))
                .clicked()
        {
            dialog.pick(ui.ctx());
        }
    });
    let label = ui.label(RichText::new(tr("import.dest_label")).strong());
    let field = ui
        .add(
            egui::TextEdit::singleline(&mut dialog.dest)
                .desired_width(ui.available_width())
                .hint_text(tr("import.dest_hint")),
        )
        .labelled_by(label.id);
    if field.changed() {
        dialog.dest_typed = true;
        dialog.error = None;
    }
    if let Some(error) = &dialog.error {
        ui.colored_label(Color32::from_rgb(0xC0, 0x39, 0x2B), error.as_str());
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if dialog.running() {
            ui.spinner();
            ui.label(tr("import.running"));
        } else if ui.button(tr("import.import")).clicked() {
            dialog.start(ui.ctx());
        }
        if ui.button(tr("import.close")).clicked() {
            dialog.open = false;
        }
    });
    if let Some(finished) = &dialog.finished {
        ui.separator();
        report_ui(ui, finished);
    }
}

/// What the last import did, and what it did not carry over.
fn report_ui(ui: &mut egui::Ui, finished: &Finished) {
    let lines: Vec<String> = match finished {
        Finished::Done(outcome) => {
            ui.add(egui::Label::new(RichText::new(tr("import.done")).strong()).wrap());
            ui.add(egui::Label::new(outcome.headline.as_str()).wrap());
            if outcome.notes.is_empty() {
                ui.label(tr("import.all_carried"));
            } else {
                ui.label(trf(
                    "import.not_carried",
                    &[("count", &outcome.notes.len())],
                ));
            }
            outcome.notes.clone()
        }
        Finished::Failed(lines) => {
            ui.colored_label(Color32::from_rgb(0xC0, 0x39, 0x2B), tr("import.failed"));
            lines.clone()
        }
    };
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .show(ui, |ui| {
            for line in lines {
                ui.add(egui::Label::new(line).wrap());
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_offered_is_beside_the_file_and_new() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("lesson.md");
        assert_eq!(default_dest(&source), Some(dir.path().join("lesson")));
        std::fs::create_dir(dir.path().join("lesson")).unwrap();
        std::fs::write(dir.path().join("lesson-2"), "a file").unwrap();
        assert_eq!(default_dest(&source), Some(dir.path().join("lesson-3")));
        assert_eq!(default_dest(Path::new("")), None);
    }

    #[test]
    fn a_typed_folder_stays_when_the_file_changes() {
        let mut dialog = ImportDialog::default();
        dialog.set_source("/nowhere/timeline.xlsx".to_owned());
        assert_eq!(dialog.dest, "/nowhere/timeline");
        dialog.dest = "/elsewhere/unit".to_owned();
        dialog.dest_typed = true;
        dialog.set_source("/nowhere/other.md".to_owned());
        assert_eq!(dialog.dest, "/elsewhere/unit");
    }
}
