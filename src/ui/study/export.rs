//! "Export notes": where the Markdown goes. The desktop's save dialog (run on
//! its own thread, as the folder dialog of the File menu is) where there is
//! one; a typed path, filled in with a sensible default, where there is not
//! (no desktop, tests, screenshots, or the dialog could not open).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::i18n::tr;

/// Asking where to export the notes.
#[derive(Debug, Default)]
pub struct NotesExport {
    /// Whether the desktop's save dialog may be opened (off in tests and
    /// screenshots: the typed path is all there is then).
    pub native: bool,
    /// The path being typed, while the typed prompt is shown.
    pub typed: Option<String>,
    /// Where the prompt started, to give the dialog's answer the same default.
    default: Option<PathBuf>,
    /// The desktop's dialog, while it is open.
    pending: Option<Receiver<Option<PathBuf>>>,
}

/// A copy has no dialog open: the desktop's answer goes to the original.
impl Clone for NotesExport {
    fn clone(&self) -> Self {
        Self {
            native: self.native,
            typed: self.typed.clone(),
            default: self.default.clone(),
            pending: None,
        }
    }
}

impl NotesExport {
    /// Whether the desktop's dialog is open.
    pub fn choosing(&self) -> bool {
        self.pending.is_some()
    }

    /// The default the prompt started with.
    pub fn default_path(&self) -> PathBuf {
        self.default.clone().unwrap_or_default()
    }

    /// Asks where to write, starting at `default`: the desktop's dialog if
    /// allowed, else (or if it cannot start) the typed prompt.
    pub fn ask(&mut self, ctx: Option<&egui::Context>, default: PathBuf) {
        if self.pending.is_some() {
            return;
        }
        self.default = Some(default.clone());
        match ctx.filter(|_| self.native) {
            Some(ctx) => {
                self.typed = None;
                self.pending = start_dialog(ctx, &default);
                if self.pending.is_none() {
                    self.typed = Some(default.display().to_string());
                }
            }
            None => self.typed = Some(default.display().to_string()),
        }
    }

    /// The path chosen in the desktop's dialog, once it closed with one. A
    /// dialog that closed with nothing (cancelled, or no dialog on this
    /// desktop) leaves the typed prompt, which can be cancelled too.
    pub fn poll(&mut self) -> Option<PathBuf> {
        let rx = self.pending.as_ref()?;
        let answer = match rx.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        self.pending = None;
        if answer.is_none() {
            self.typed = self.default.as_ref().map(|path| path.display().to_string());
        }
        answer
    }
}

/// Opens the desktop's save dialog on its own thread (AppKit's on the main
/// thread), answering through the channel returned.
fn start_dialog(ctx: &egui::Context, default: &Path) -> Option<Receiver<Option<PathBuf>>> {
    let mut dialog = rfd::FileDialog::new()
        .set_title(tr("study.export_notes"))
        .add_filter("Markdown", &["md"]);
    if let Some(folder) = default.parent().filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = default.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let (tx, rx) = mpsc::channel();
    if cfg!(target_os = "macos") {
        let _ = tx.send(dialog.save_file());
    } else {
        let wake = ctx.clone();
        std::thread::Builder::new()
            .name("notes-export-dialog".to_owned())
            .spawn(move || {
                let _ = tx.send(dialog.save_file());
                wake.request_repaint();
            })
            .ok()?;
    }
    Some(rx)
}

/// Where the notes go unless the reader says otherwise: the Documents folder
/// (or the home folder, or the working folder), in a file named after the
/// dataset's folder (`unit`, or the app for the bundled dataset) and `date`.
pub fn default_export_path(home: Option<&Path>, unit: Option<&str>, date: &str) -> PathBuf {
    let folder = match home {
        Some(home) if home.join("Documents").is_dir() => home.join("Documents"),
        Some(home) if home.is_dir() => home.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Only what every file system takes in a name.
    let unit: String = unit
        .unwrap_or("neutrality-reader")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let unit = unit.trim_matches(['-', '.']);
    let unit = if unit.is_empty() { "notes" } else { unit };
    folder.join(format!("{unit}-notes-{date}.md"))
}

/// The home folder, where the desktop says it is.
pub fn home_folder() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
}

/// What the reader typed, as the file to write: a folder gets the default
/// file name in it.
pub fn typed_target(typed: &str, default: &Path) -> Option<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let path = PathBuf::from(typed);
    match default.file_name() {
        Some(name) if path.is_dir() => Some(path.join(name)),
        _ => Some(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_in_documents_named_after_the_unit_and_the_date() {
        let home = tempfile::tempdir().unwrap();
        let bare = default_export_path(Some(home.path()), Some("My unit: 3"), "2026-05-01");
        assert_eq!(bare, home.path().join("My-unit--3-notes-2026-05-01.md"));
        std::fs::create_dir(home.path().join("Documents")).unwrap();
        let bundled = default_export_path(Some(home.path()), None, "2026-05-01");
        assert_eq!(
            bundled,
            home.path()
                .join("Documents")
                .join("neutrality-reader-notes-2026-05-01.md")
        );
        let nowhere = default_export_path(None, Some("unit"), "2026-05-01");
        assert_eq!(nowhere, PathBuf::from(".").join("unit-notes-2026-05-01.md"));
    }

    #[test]
    fn a_typed_folder_gets_the_default_name() {
        let dir = tempfile::tempdir().unwrap();
        let default = PathBuf::from("x/unit-notes-2026-05-01.md");
        assert_eq!(
            typed_target(&dir.path().display().to_string(), &default),
            Some(dir.path().join("unit-notes-2026-05-01.md"))
        );
        assert_eq!(typed_target("  ", &default), None);
        assert_eq!(
            typed_target("/tmp/a.md", &default),
            Some(PathBuf::from("/tmp/a.md"))
        );
    }

    #[test]
    fn without_a_desktop_the_path_is_typed() {
        let mut export = NotesExport::default();
        export.ask(None, PathBuf::from("/home/r/Documents/n.md"));
        assert_eq!(export.typed.as_deref(), Some("/home/r/Documents/n.md"));
        assert!(!export.choosing());
        assert_eq!(export.poll(), None);
    }
}
