//! The reader's state while the app runs: the open article, the places
//! jumped to, and the reader's own notes with where they are saved.

use crate::dataset::Dataset;
use crate::i18n::{tr, trf};

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
    /// Where the notes are saved, merged with other windows' notes
    /// ([`crate::shared_save::SharedSave`]); `None` keeps them for this run only.
    pub notes_file: Option<crate::shared_save::SharedSave<crate::notes::Notes>>,
    /// The paragraph whose note is being written, and the draft.
    pub editing: Option<(u32, String)>,
    /// The note editor has just opened: it takes the keyboard and is
    /// brought whole into view once drawn.
    pub editor_pending: bool,
    /// An export done or failed, as the app words it.
    pub notes_message: Option<String>,
    /// Asking where to export the notes.
    pub export: super::export::NotesExport,
    /// A save that failed or a damaged file set aside, worded when drawn (the
    /// notes load before the interface's language is set).
    pub notes_problem: Option<NotesProblem>,
    /// The reader asked to see the side panels even where they leave the
    /// text fewer than [`super::view::READABLE_CHARACTERS`] a line.
    pub panels_kept: bool,
    /// The blocks' heights of a long article, drawn near the screen only.
    pub heights: super::block_heights::BlockHeights,
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
        use crate::storage::Loaded;
        let (shared, loaded) = crate::shared_save::SharedSave::load(file);
        match loaded {
            Loaded::Missing => {}
            Loaded::Read(notes) => self.notes = notes,
            Loaded::SetAside { reason, moved_to } => {
                self.notes_problem = Some(NotesProblem::Unreadable { reason, moved_to });
            }
        }
        self.notes_file = Some(shared);
    }

    /// Saves the notes, atomically, merged with what another window on the
    /// same profile saved meanwhile; a failure is said, the notes are kept.
    pub fn save_notes(&mut self) {
        let Some(file) = &mut self.notes_file else {
            return;
        };
        if let Err(error) = file.save(&mut self.notes) {
            self.notes_problem = Some(NotesProblem::Unsaved {
                file: file.path().to_path_buf(),
                error: error.to_string(),
            });
        }
    }

    /// Asks where to export the notes: the desktop's save dialog, or a typed
    /// path, starting in Documents with a file named after `unit` (the
    /// dataset's folder, `None` for the bundled one) and today's date.
    pub fn ask_export_path(&mut self, ctx: Option<&egui::Context>, unit: Option<&str>) {
        let today = chrono::Local::now().format("%Y-%m-%d").to_string();
        let home = crate::ui::save_dialog::home_folder();
        let default = super::export::default_export_path(home.as_deref(), unit, &today);
        self.notes_message = None;
        self.export.ask(
            ctx,
            default,
            tr("study.export_notes"),
            ("Markdown", &["md"]),
        );
    }

    /// Writes the notes as Markdown to `path` and says where they went (or
    /// why they did not).
    pub fn export_notes_to(&mut self, dataset: &Dataset, path: &std::path::Path) {
        let text = self.notes.to_markdown(dataset);
        let shown = path.display();
        self.notes_message = Some(
            match crate::storage::write_atomically(path, text.as_bytes()) {
                Ok(()) => trf("app.notes_exported", &[("path", &shown)]),
                Err(error) => trf(
                    "app.notes_export_failed",
                    &[("path", &shown), ("error", &error)],
                ),
            },
        );
    }

    /// What a reload of the same dataset keeps: everything (the notes, their
    /// file and messages, the place being scrolled to) but what may no longer
    /// be there. The open article stays if `dataset` still has it, and then
    /// the highlighted paragraph if it is in that article and still within its
    /// body, and the note being written if its paragraph is; the Ctrl+F match
    /// is found again. With the article gone, nothing of it is kept (the app
    /// then opens the first article).
    pub fn carried_over(self, dataset: &Dataset) -> Self {
        // Every field named, so that a new one must be decided on here.
        let Self {
            article,
            highlight,
            scroll_to_paragraph,
            scroll_attempts,
            restore_offset,
            found: _,
            notes,
            notes_file,
            editing,
            editor_pending,
            notes_message,
            export,
            notes_problem,
            panels_kept,
            heights: _,
        } = self;
        let still_there =
            article.and_then(|id| dataset.article(&id).map(|a| a.body.len()).map(|n| (id, n)));
        let (article, highlight, editing) = match still_there {
            Some((article, paragraphs)) => {
                // Paragraphs are counted from 1.
                let fits = |p: u32| usize::try_from(p).is_ok_and(|p| p >= 1 && p <= paragraphs);
                let highlight = highlight.filter(|(a, p)| *a == article && fits(*p));
                let editing = editing.filter(|(p, _)| fits(*p));
                (Some(article), highlight, editing)
            }
            None => (None, None, None),
        };
        Self {
            article,
            highlight,
            scroll_to_paragraph,
            scroll_attempts,
            restore_offset,
            found: None,
            notes,
            notes_file,
            editing,
            editor_pending,
            notes_message,
            export,
            notes_problem,
            // The reader's wish for the side panels holds in any dataset.
            panels_kept,
            // Measured in another dataset's text.
            heights: super::block_heights::BlockHeights::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first article of the bundled dataset and how many paragraphs it has.
    fn first_article(dataset: &Dataset) -> (String, u32) {
        let article = dataset.articles.first().unwrap();
        (
            article.id.clone(),
            u32::try_from(article.body.len()).unwrap(),
        )
    }

    /// A reader with every field away from its default, in `article`.
    fn busy(article: &str, paragraph: u32) -> ReaderRuntime {
        let mut notes = crate::notes::Notes::default();
        notes.toggle_highlight(article, 1, chrono::Utc::now());
        ReaderRuntime {
            article: Some(article.to_owned()),
            highlight: Some((article.to_owned(), paragraph)),
            scroll_to_paragraph: Some(paragraph),
            scroll_attempts: 2,
            restore_offset: Some(120.0),
            found: Some((article.to_owned(), paragraph, 0..3)),
            notes,
            notes_file: Some(crate::shared_save::SharedSave::unread("notes.json".into())),
            editing: Some((paragraph, "draft".to_owned())),
            editor_pending: true,
            notes_message: Some("exported".to_owned()),
            export: super::super::export::NotesExport::default(),
            notes_problem: Some(NotesProblem::Unsaved {
                file: std::path::PathBuf::from("notes.json"),
                error: "disk full".to_owned(),
            }),
            panels_kept: true,
            heights: super::super::block_heights::BlockHeights::default(),
        }
    }

    #[test]
    fn a_reload_keeps_the_article_its_paragraphs_and_the_notes() {
        let dataset = Dataset::embedded().unwrap();
        let (article, paragraphs) = first_article(&dataset);
        let before = busy(&article, paragraphs);
        let after = before.clone().carried_over(&dataset);
        assert_eq!(after.article, before.article);
        assert_eq!(after.highlight, before.highlight);
        assert_eq!(after.editing, before.editing);
        assert_eq!(after.scroll_to_paragraph, before.scroll_to_paragraph);
        assert_eq!(after.scroll_attempts, before.scroll_attempts);
        assert_eq!(after.restore_offset, before.restore_offset);
        assert_eq!(after.notes, before.notes);
        assert_eq!(after.notes_file, before.notes_file);
        assert_eq!(after.notes_message, before.notes_message);
        assert!(after.notes_problem.is_some());
        // The match is looked for again in the new text.
        assert_eq!(after.found, None);
    }

    #[test]
    fn a_paragraph_past_the_end_is_let_go() {
        let dataset = Dataset::embedded().unwrap();
        let (article, paragraphs) = first_article(&dataset);
        for paragraph in [0, paragraphs + 1] {
            let after = busy(&article, paragraph).carried_over(&dataset);
            assert_eq!(after.article.as_deref(), Some(article.as_str()));
            assert_eq!(after.highlight, None, "paragraph {paragraph}");
            assert_eq!(after.editing, None, "paragraph {paragraph}");
        }
    }

    #[test]
    fn a_highlight_in_another_article_is_let_go() {
        let dataset = Dataset::embedded().unwrap();
        let (article, _) = first_article(&dataset);
        let mut reader = busy(&article, 1);
        reader.highlight = Some(("some-other-article".to_owned(), 1));
        let after = reader.carried_over(&dataset);
        assert_eq!(after.highlight, None);
        assert_eq!(after.editing, Some((1, "draft".to_owned())));
    }

    #[test]
    fn an_article_gone_takes_its_places_with_it() {
        let dataset = Dataset::embedded().unwrap();
        let after = busy("no-such-article", 1).carried_over(&dataset);
        assert_eq!(after.article, None);
        assert_eq!(after.highlight, None);
        assert_eq!(after.editing, None);
        assert_eq!(after.found, None);
        // What is the reader's own stays.
        assert!(!after.notes.entries.is_empty());
        assert_eq!(after.notes_message.as_deref(), Some("exported"));
    }
}
