//! The reader's state while the app runs: the open article, the places
//! jumped to, and the reader's own notes with where they are saved.

use crate::i18n::trf;

/// Reader state that lives only while the app runs.
#[derive(Clone, Debug, Default)]
pub struct ReaderRuntime {
    /// The article shown.
    pub article: Option<String>,
    /// A paragraph jumped to, highlighted until another is chosen.
    pub highlight: Option<(String, u32)>,
    /// A paragraph to bring into view on the next frame.
    pub scroll_to_paragraph: Option<u32>,
    /// Frames spent bringing `scroll_to_paragraph` into view.
    pub scroll_attempts: u32,
    /// A saved scroll offset to restore on the next frame.
    pub restore_offset: Option<f32>,
    /// The Ctrl+F match shown: article, paragraph, byte range in its text.
    pub found: Option<(String, u32, std::ops::Range<usize>)>,
    /// The reader's notes and highlights.
    pub notes: crate::notes::Notes,
    /// Where the notes are saved; `None` keeps them for this run only.
    pub notes_file: Option<std::path::PathBuf>,
    /// The paragraph whose note is being written, and the draft.
    pub editing: Option<(u32, String)>,
    /// An export done or failed, as the app words it.
    pub notes_message: Option<String>,
    /// A save that failed or a damaged file set aside, worded when drawn (the
    /// notes load before the interface's language is set).
    pub notes_problem: Option<NotesProblem>,
}

/// Something that went wrong with the notes file.
#[derive(Clone, Debug)]
pub enum NotesProblem {
    /// The file could not be read; it was moved to `moved_to`, if it could be.
    Unreadable {
        /// Why, in a sentence (from the storage layer, in English).
        reason: String,
        /// Where the unreadable file now is.
        moved_to: Option<std::path::PathBuf>,
    },
    /// The notes could not be written to `file`.
    Unsaved {
        /// The notes file.
        file: std::path::PathBuf,
        /// Why (the system's error text).
        error: String,
    },
}

impl NotesProblem {
    /// The problem in a sentence, in the current language.
    pub fn text(&self) -> String {
        match self {
            NotesProblem::Unreadable {
                reason,
                moved_to: Some(path),
            } => {
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("reason", reason), ("path", &path.display())];
                trf("study.notes_unreadable_kept", &args)
            }
            NotesProblem::Unreadable {
                reason,
                moved_to: None,
            } => trf("study.notes_unreadable", &[("reason", reason)]),
            NotesProblem::Unsaved { file, error } => {
                let path = file.display();
                trf("study.notes_unsaved", &[("path", &path), ("error", error)])
            }
        }
    }
}

impl ReaderRuntime {
    /// Loads the notes saved at `file`; a damaged file is set aside and said.
    pub fn load_notes(&mut self, file: std::path::PathBuf) {
        use crate::storage::{Loaded, load_json};
        match load_json::<crate::notes::Notes>(&file) {
            Loaded::Missing => {}
            Loaded::Read(notes) => self.notes = notes,
            Loaded::SetAside { reason, moved_to } => {
                self.notes_problem = Some(NotesProblem::Unreadable { reason, moved_to });
            }
        }
        self.notes_file = Some(file);
    }

    /// Saves the notes, atomically; a failure is said, the notes are kept.
    pub fn save_notes(&mut self) {
        let Some(file) = &self.notes_file else { return };
        if let Err(error) = crate::storage::save_json(file, &self.notes) {
            self.notes_problem = Some(NotesProblem::Unsaved {
                file: file.clone(),
                error: error.to_string(),
            });
        }
    }
}
