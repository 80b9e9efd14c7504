//! The window's chrome, around the views: the top bar with its File and
//! Reading menus, the strips under it (saved-settings notices, dataset
//! problems), the keyboard shortcuts (one table for the keys and the help
//! window), and the windows over the view (open a dataset folder, import
//! a file as a unit, a problem's place in its file). Like the views, it reads what it is given
//! and answers with [`Command`]s; it never imports the app.

pub mod code_view;
pub mod dropped;
pub mod file_menu;
#[cfg(target_arch = "wasm32")]
pub mod folder_input;
pub mod import_dialog;
pub mod notices;
pub mod shortcuts;
pub mod timeline_export;
pub mod top_bar;

use std::sync::{Arc, Mutex};

use crate::ui::command::Command;
use code_view::CodeView;
use file_menu::{FolderPicker, OpenDialog};
use import_dialog::ImportDialog;
use timeline_export::TimelineExport;

/// The chrome's own state, alive while the window is open.
#[derive(Default)]
pub struct Chrome {
    /// The "Open dataset folder" window.
    pub open_dialog: OpenDialog,
    /// The desktop's folder dialog, on its own thread.
    pub picker: FolderPicker,
    /// A unit dropped on the window, on its way to being opened.
    pub drops: dropped::Drops,
    /// The "Import" window (File > Import…).
    pub import_dialog: ImportDialog,
    /// File > "Export the timeline for TimelineJS…".
    pub timeline_export: TimelineExport,
    /// A problem's place in its file, while shown.
    pub code_view: Option<CodeView>,
    /// Whether the keyboard shortcuts window is open.
    pub shortcuts_open: bool,
    /// What became of the last "Save view as PNG", written by the
    /// screenshot's callback, shown in the top bar.
    pub saved_png: Arc<Mutex<Option<String>>>,
}

impl Chrome {
    /// What the last "Save view as PNG" did, once done.
    pub fn saved_png_message(&self) -> Option<String> {
        self.saved_png.lock().ok().and_then(|m| m.clone())
    }

    /// The windows over the view: the shortcuts (also on the stage), and,
    /// outside presentation, "Open dataset folder", Import, the timeline's
    /// export and the code view.
    pub fn windows_ui(
        &mut self,
        ctx: &egui::Context,
        dataset: &crate::dataset::Dataset,
        presenting: bool,
        commands: &mut Vec<Command>,
    ) {
        shortcuts::shortcuts_window_ui(ctx, &mut self.shortcuts_open);
        if !presenting {
            file_menu::open_dialog_ui(ctx, &mut self.open_dialog, &self.picker, commands);
            // The desktop's file dialog where its folder dialog is (not in tests).
            let can_browse = self.picker.enabled;
            import_dialog::import_dialog_ui(ctx, &mut self.import_dialog, can_browse, commands);
            timeline_export::timeline_export_ui(ctx, &mut self.timeline_export, dataset);
            code_view::code_view_ui(ctx, &mut self.code_view);
        }
    }
}
