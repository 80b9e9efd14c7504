//! Asking where to save a file: the desktop's save dialog (run on its own
//! thread, as the folder dialog of the File menu is) where there is one; a
//! typed path, filled in with a sensible default, where there is not (no
//! desktop, tests, screenshots, or the dialog could not open). The notes'
//! export and the quiz's use it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// Asking where to save a file: the desktop's dialog or a typed path.
#[derive(Debug, Default)]
pub struct SaveDialog {
    /// The dialog's title and its file filter (a name and extensions).
    kind: Option<(String, String, Vec<String>)>,
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
impl Clone for SaveDialog {
    fn clone(&self) -> Self {
        Self {
            kind: self.kind.clone(),
            native: self.native,
            typed: self.typed.clone(),
            default: self.default.clone(),
            pending: None,
        }
    }
}

impl SaveDialog {
    /// Whether the desktop's dialog is open.
    pub fn choosing(&self) -> bool {
        self.pending.is_some()
    }

    /// The default the prompt started with.
    pub fn default_path(&self) -> PathBuf {
        self.default.clone().unwrap_or_default()
    }

    /// Whether the dialog is open or the typed prompt shown.
    pub fn asking(&self) -> bool {
        self.choosing() || self.typed.is_some()
    }

    /// Asks where to write, starting at `default`: the desktop's dialog (titled
    /// `title`, offering files of `filter`: a name and its extensions) if
    /// allowed, else (or if it cannot start) the typed prompt.
    pub fn ask(
        &mut self,
        ctx: Option<&egui::Context>,
        default: PathBuf,
        title: &str,
        filter: (&str, &[&str]),
    ) {
        if self.pending.is_some() {
            return;
        }
        self.default = Some(default.clone());
        self.kind = Some((
            title.to_owned(),
            filter.0.to_owned(),
            filter.1.iter().map(|e| (*e).to_owned()).collect(),
        ));
        match ctx.filter(|_| self.native) {
            Some(ctx) => {
                self.typed = None;
                self.pending = start_dialog(ctx, &default, title, filter);
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

/// In a browser, the file comes down as a download and the browser asks
/// where (or puts it in the Downloads folder): answered at once with the
/// download place ([`crate::browser::DOWNLOADS`]) and the default's name.
#[cfg(target_arch = "wasm32")]
fn start_dialog(
    _ctx: &egui::Context,
    default: &Path,
    _title: &str,
    _filter: (&str, &[&str]),
) -> Option<Receiver<Option<PathBuf>>> {
    let (tx, rx) = mpsc::channel();
    let name = default.file_name()?;
    let _ = tx.send(Some(Path::new(crate::browser::DOWNLOADS).join(name)));
    Some(rx)
}

/// Opens the desktop's save dialog on its own thread (AppKit's on the main
/// thread), answering through the channel returned.
#[cfg(not(target_arch = "wasm32"))]
fn start_dialog(
    ctx: &egui::Context,
    default: &Path,
    title: &str,
    filter: (&str, &[&str]),
) -> Option<Receiver<Option<PathBuf>>> {
    let mut dialog = rfd::FileDialog::new()
        .set_title(title)
        .add_filter(filter.0, filter.1);
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
            .name("save-dialog".to_owned())
            .spawn(move || {
                let _ = tx.send(dialog.save_file());
                wake.request_repaint();
            })
            .ok()?;
    }
    Some(rx)
}

/// What the typed prompt's reader did this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Prompted {
    /// Nothing yet (or no prompt shown).
    Nothing,
    /// Cancel: the prompt is closed.
    Cancelled,
    /// Save (or Enter): the prompt is closed, write here.
    Save(PathBuf),
}

/// The typed path, when there is no desktop dialog: `label` over the field
/// (filled in with the default), `save` and `cancel` buttons; Enter saves.
/// The notes' and the quiz's and timeline's exports ask with it.
pub fn typed_prompt_ui(
    ui: &mut egui::Ui,
    dialog: &mut SaveDialog,
    label: &str,
    save: &str,
    cancel: &str,
) -> Prompted {
    let Some(typed) = &mut dialog.typed else {
        return Prompted::Nothing;
    };
    let label = ui.label(label);
    let field = ui
        .add(egui::TextEdit::singleline(typed).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    let mut saved = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut cancelled = false;
    ui.horizontal_wrapped(|ui| {
        saved |= ui.button(save).clicked();
        cancelled = ui.button(cancel).clicked();
    });
    let typed = typed.clone();
    if cancelled {
        dialog.typed = None;
        return Prompted::Cancelled;
    }
    match typed_target(&typed, &dialog.default_path()).filter(|_| saved) {
        Some(path) => {
            dialog.typed = None;
            Prompted::Save(path)
        }
        None => Prompted::Nothing,
    }
}

/// Where a file is saved unless the reader says otherwise: the Documents
/// folder (or the home folder, or the working folder), named `stem` made safe
/// for every file system (or `fallback` if nothing of it is left) and `.ext`.
pub fn default_save_path(home: Option<&Path>, stem: &str, fallback: &str, ext: &str) -> PathBuf {
    let folder = match home {
        Some(home) if home.join("Documents").is_dir() => home.join("Documents"),
        Some(home) if home.is_dir() => home.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Only what every file system takes in a name.
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches(['-', '.']);
    let safe = if safe.is_empty() { fallback } else { safe };
    folder.join(format!("{safe}.{ext}"))
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
        let mut export = SaveDialog::default();
        export.ask(
            None,
            PathBuf::from("/home/r/Documents/n.md"),
            "Export",
            ("Markdown", &["md"]),
        );
        assert_eq!(export.typed.as_deref(), Some("/home/r/Documents/n.md"));
        assert!(!export.choosing());
        assert_eq!(export.poll(), None);
    }
}
