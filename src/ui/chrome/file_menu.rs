//! The "File" menu (open a dataset folder, the bundled dataset, a recent
//! folder), the "Open dataset folder" window where a path is typed, and the
//! desktop's own folder dialog, run on its own thread so the window keeps
//! drawing while it is open.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::{Color32, Key, Modifiers, RichText};

use crate::i18n::{tr, trf};
use crate::ui::command::Command;
use crate::ui::datasets;

/// The "Open dataset folder" window: a path typed, and what went wrong.
#[derive(Debug, Default)]
pub struct OpenDialog {
    /// Whether it is shown.
    pub open: bool,
    /// The path typed, or chosen in the desktop's dialog.
    pub path: String,
    /// Why the last folder did not open, in plain words.
    pub error: Option<String>,
    /// Give the path field the keyboard when it is next drawn.
    focus_pending: bool,
}

impl OpenDialog {
    /// Shows the window with `path` filled in.
    pub fn show(&mut self, path: String) {
        self.open = true;
        self.path = path;
        self.error = None;
        self.focus_pending = true;
    }

    /// Closes it.
    pub fn close(&mut self) {
        self.open = false;
        self.error = None;
    }
}

/// The desktop's folder dialog (through `rfd`), when there is one.
#[derive(Debug, Default)]
pub struct FolderPicker {
    /// Off in tests and screenshots: the typed path is all there is then.
    pub enabled: bool,
    pending: Option<Receiver<Option<PathBuf>>>,
}

impl FolderPicker {
    /// Whether the desktop's dialog is open.
    pub fn pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Opens the desktop's folder dialog (or, if `unit_file`, its file
    /// dialog for a `.zip`: no desktop dialog chooses either), once at a
    /// time, in `start_in`. Where there is no dialog (no portal, no zenity)
    /// it answers "nothing chosen" and the typed path, already on screen, serves.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn start(&mut self, ctx: &egui::Context, start_in: Option<PathBuf>, unit_file: bool) {
        if !self.enabled || self.pending.is_some() {
            return;
        }
        let title = tr("open.dialog_title").to_owned();
        let mut dialog = rfd::FileDialog::new().set_title(title);
        if let Some(dir) = start_in.filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        let pick = move || {
            if unit_file {
                dialog
                    .add_filter(tr("open.browse_zip_hint"), &["zip", "ZIP"])
                    .pick_file()
            } else {
                dialog.pick_folder()
            }
        };
        let (tx, rx) = mpsc::channel();
        if cfg!(target_os = "macos") {
            // AppKit's panels belong to the main thread.
            let _ = tx.send(pick());
        } else {
            let wake = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("folder-dialog".to_owned())
                .spawn(move || {
                    let _ = tx.send(pick());
                    wake.request_repaint();
                });
            if spawned.is_err() {
                return;
            }
        }
        self.pending = Some(rx);
    }

    /// The browser's file chooser for a unit file, or its folder chooser
    /// ([`super::folder_input`]): the bytes are held in memory
    /// ([`crate::dataset::held_units`]) and its path there is the answer.
    #[cfg(target_arch = "wasm32")]
    pub fn start(&mut self, ctx: &egui::Context, _start_in: Option<PathBuf>, unit_file: bool) {
        use crate::dataset::archive::MAX_ARCHIVE_BYTES;
        use crate::dataset::held_units;
        if !self.enabled || self.pending.is_some() {
            return;
        }
        if !unit_file {
            let (tx, rx) = mpsc::channel();
            super::folder_input::choose_folder(tx, ctx.clone());
            self.pending = Some(rx);
            return;
        }
        let dialog = rfd::AsyncFileDialog::new()
            .set_title(tr("open.dialog_title"))
            .add_filter(tr("open.browse_zip_hint"), &["zip", "ZIP"]);
        let (tx, rx) = mpsc::channel();
        let wake = ctx.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let chosen = match dialog.pick_file().await {
                // Not read if too large: the browser would read it whole first.
                Some(file) if file.inner().size() > MAX_ARCHIVE_BYTES as f64 => Some(
                    held_units::hold_too_large(&file.file_name(), file.inner().size() as u64),
                ),
                Some(file) => {
                    let bytes = file.read().await;
                    Some(held_units::hold(&file.file_name(), bytes.into()))
                }
                None => None,
            };
            let _ = tx.send(chosen);
            wake.request_repaint();
        });
        self.pending = Some(rx);
    }

    /// The folder chosen, once the dialog has closed with one.
    pub fn poll(&mut self) -> Option<PathBuf> {
        let rx = self.pending.as_ref()?;
        match rx.try_recv() {
            Ok(chosen) => {
                self.pending = None;
                chosen
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }
}

/// What the File menu needs to know.
pub struct FileMenu<'a> {
    /// The recent folders, most recent first.
    pub recent: &'a [String],
    /// The bundled dataset is open and nothing else asked for.
    pub bundled_open: bool,
    /// A folder is open or asked for: it can be reloaded.
    pub can_reload: bool,
    /// Why the open folder's changes are not followed, if they are not.
    pub watch_problem: Option<&'a str>,
    /// The app runs in a browser: a unit file is chosen, never a folder,
    /// and there is nothing to import into, reload or reopen.
    pub in_browser: bool,
}

/// "File": open a folder, import a file as a unit, the bundled dataset,
/// reload, and the recent folders.
pub fn file_menu_ui(ui: &mut egui::Ui, menu: &FileMenu<'_>, commands: &mut Vec<Command>) {
    ui.menu_button(tr("open.menu_file"), |ui| {
        ui.set_min_width(260.0);
        open_items_ui(ui, menu.in_browser, commands);
        if ui
            .button(tr("timelinejs.menu"))
            .on_hover_text(tr("timelinejs.menu_hint"))
            .clicked()
        {
            commands.push(Command::ExportTimeline);
            ui.close();
        }
        if ui
            .add_enabled(
                !menu.bundled_open,
                egui::Button::new(tr("open.open_bundled")),
            )
            .clicked()
        {
            commands.push(Command::OpenBundledDataset);
            ui.close();
        }
        if menu.in_browser {
            // Reading the same bytes again, or folders of another session,
            // would do nothing in a page: only the above is offered.
            return;
        }
        if ui
            .add_enabled(menu.can_reload, egui::Button::new(tr("open.reload_now")))
            .on_hover_text(tr("open.reload_hint"))
            .clicked()
        {
            commands.push(Command::ReloadDataset);
            ui.close();
        }
        if let Some(error) = menu.watch_problem {
            let text = trf("open.watch_failed", &[("error", &error)]);
            ui.add(egui::Label::new(RichText::new(text).weak()).wrap());
        }
        ui.separator();
        ui.label(RichText::new(tr("open.recent")).strong());
        let entries = datasets::recent_entries(menu.recent);
        if entries.is_empty() {
            ui.weak(tr("open.recent_none"));
        }
        for entry in entries {
            if entry.missing {
                ui.add_enabled(
                    false,
                    egui::Button::new(trf("open.missing", &[("folder", &entry.folder)])),
                )
                .on_disabled_hover_text(tr("open.missing_hint"));
            } else if ui.button(&entry.folder).clicked() {
                commands.push(Command::OpenDatasetFolder(PathBuf::from(&entry.folder)));
                ui.close();
            }
        }
    });
}

/// The menu's first items: how a unit is opened (a unit file in a page,
/// a folder or an import on the desktop).
fn open_items_ui(ui: &mut egui::Ui, in_browser: bool, commands: &mut Vec<Command>) {
    if in_browser {
        // A page reads what it is given: a unit file, or a folder's files.
        if ui
            .button(tr("open.browser_open_zip"))
            .on_hover_text(tr("open.browser_zip_hint"))
            .clicked()
        {
            commands.push(Command::BrowseForUnitFile);
            ui.close();
        }
        if ui
            .button(tr("open.browser_open_folder"))
            .on_hover_text(tr("open.browser_folder_hint"))
            .clicked()
        {
            commands.push(Command::BrowseForDataset);
            ui.close();
        }
    } else {
        if ui.button(tr("open.open_folder")).clicked() {
            commands.push(Command::OpenDatasetDialog);
            ui.close();
        }
        if ui
            .button(tr("import.menu"))
            .on_hover_text(tr("import.menu_hint"))
            .clicked()
        {
            commands.push(Command::ShowImportDialog);
            ui.close();
        }
    }
}

/// The "Open dataset folder" window: the path, Browse… (the desktop's
/// dialog, where there is one), Open and Cancel, and why the last folder did
/// not open.
pub fn open_dialog_ui(
    ctx: &egui::Context,
    dialog: &mut OpenDialog,
    picker: &FolderPicker,
    commands: &mut Vec<Command>,
) {
    if !dialog.open {
        return;
    }
    let mut open = true;
    let mut submit = false;
    egui::Window::new(tr("open.dialog_title"))
        .id(egui::Id::unique("open_dataset_dialog"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.add(egui::Label::new(tr("open.dialog_intro")).wrap());
            if picker.pending() {
                ui.add(egui::Label::new(RichText::new(tr("open.dialog_waiting")).weak()).wrap());
            }
            ui.add_space(4.0);
            let label = ui.label(RichText::new(tr("open.path_label")).strong());
            submit |= path_row_ui(ui, dialog, picker, label.id, commands);
            if let Some(error) = &dialog.error {
                ui.add_space(4.0);
                ui.add(
                    egui::Label::new(
                        RichText::new(error.as_str()).color(Color32::from_rgb(0xC0, 0x39, 0x2B)),
                    )
                    .wrap(),
                );
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(tr("open.open")).clicked() {
                    submit = true;
                }
                if ui.button(tr("open.cancel")).clicked() {
                    dialog.close();
                }
            });
        });
    if !open || ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        dialog.close();
        return;
    }
    if submit {
        let path = dialog.path.trim();
        if path.is_empty() {
            dialog.error = Some(tr("open.empty_path").to_owned());
        } else {
            commands.push(Command::OpenDatasetFolder(PathBuf::from(path)));
        }
    }
}

/// The path field and Browse…; true when Enter was pressed in the field.
fn path_row_ui(
    ui: &mut egui::Ui,
    dialog: &mut OpenDialog,
    picker: &FolderPicker,
    label: egui::Id,
    commands: &mut Vec<Command>,
) -> bool {
    let mut submit = false;
    ui.horizontal(|ui| {
        let browse_width = if picker.enabled { 220.0 } else { 0.0 };
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut dialog.path)
                    .desired_width((ui.available_width() - browse_width).max(200.0))
                    .hint_text(tr("open.path_hint")),
            )
            .labelled_by(label);
        // Asked until it holds: a window's first frame only measures
        // it, and egui drops a focus request for a widget not shown.
        if dialog.focus_pending {
            if field.has_focus() && !ui.is_sizing_pass() {
                dialog.focus_pending = false;
            } else {
                field.request_focus();
            }
        }
        if field.changed() {
            dialog.error = None;
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            submit = true;
        }
        if picker.enabled
            && ui
                .add_enabled(!picker.pending(), egui::Button::new(tr("open.browse")))
                .on_hover_text(tr("open.browse_hint"))
                .clicked()
        {
            commands.push(Command::BrowseForDataset);
        }
        if picker.enabled
            && ui
                .add_enabled(!picker.pending(), egui::Button::new(tr("open.browse_zip")))
                .on_hover_text(tr("open.browse_zip_hint"))
                .clicked()
        {
            commands.push(Command::BrowseForUnitFile);
        }
    });
    submit
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// The File menu opened by a click, in the desktop's form or the page's;
    /// returns whether each of `labels` is in it, and the commands of a
    /// click on `click` (if given).
    fn menu(in_browser: bool, labels: &[&str], click: Option<&str>) -> (Vec<bool>, Vec<Command>) {
        let recent = vec!["/home/t/unit".to_owned()];
        let mut harness = Harness::new_ui_state(
            |ui, commands: &mut Vec<Command>| {
                let menu = FileMenu {
                    recent: &recent,
                    bundled_open: false,
                    can_reload: true,
                    watch_problem: None,
                    in_browser,
                };
                file_menu_ui(ui, &menu, commands);
            },
            Vec::new(),
        );
        harness.get_by_label(tr("open.menu_file")).click();
        harness.run();
        let present = labels
            .iter()
            .map(|label| harness.query_by_label(label).is_some())
            .collect();
        if let Some(label) = click {
            harness.get_by_label(label).click();
            harness.run();
        }
        (present, harness.state().clone())
    }

    #[test]
    fn a_page_offers_a_unit_file_and_nothing_that_needs_folders() {
        let folder_only = [
            tr("open.open_folder"),
            tr("import.menu"),
            tr("open.reload_now"),
            tr("open.recent"),
        ];
        let both = [tr("timelinejs.menu"), tr("open.open_bundled")];
        let page_only = [tr("open.browser_open_zip"), tr("open.browser_open_folder")];
        let mut labels: Vec<&str> = folder_only.to_vec();
        labels.extend(both);
        labels.extend(page_only);

        let (desktop, _) = menu(false, &labels, None);
        assert_eq!(desktop, [true, true, true, true, true, true, false, false]);
        let (page, commands) = menu(true, &labels, Some(page_only[0]));
        assert_eq!(page, [false, false, false, false, true, true, true, true]);
        assert!(matches!(commands.as_slice(), [Command::BrowseForUnitFile]));
        let (_, commands) = menu(true, &labels, Some(page_only[1]));
        assert!(matches!(commands.as_slice(), [Command::BrowseForDataset]));
    }
}
