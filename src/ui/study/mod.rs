//! The Study view: library, reader and the article's organizations and events.

mod context_panel;
pub mod image;
pub use context_panel::relationship_summary;
mod library;
mod linked;
mod reader;
mod text;
mod texture_budget;

use super::command::{Command, EventIx};
use super::state::Settings;
use super::timeline::{self, TimelineIndex, TimelineRuntime};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Article;

/// The timeline strip's share of the Study view.
pub struct StudyTimeline<'a> {
    /// The timelines built at load.
    pub index: &'a TimelineIndex,
    /// The timeline's state.
    pub runtime: &'a mut TimelineRuntime,
    /// The selected event.
    pub selected: Option<EventIx>,
    /// The links in the articles' text, found at load.
    pub links: &'a crate::links::LinkIndex,
}

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

/// Publisher and date as one line, in the current language where the data
/// does not say: "Ministry of Foreign Affairs of Turkmenistan · 23 March 2025".
fn source_line(article: &Article) -> String {
    let publisher = article
        .publisher
        .as_deref()
        .unwrap_or_else(|| tr("study.publisher_not_stated"));
    match &article.published {
        Some(when) => format!("{publisher} · {}", when.human()),
        None => format!("{publisher} · {}", tr("study.date_not_stated")),
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

/// Draws the Study view and pushes what the reader asked for into `commands`.
pub fn study_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    settings: &mut Settings,
    reader: &mut ReaderRuntime,
    strip: StudyTimeline<'_>,
    commands: &mut Vec<Command>,
) {
    let current = reader.article.clone();
    if settings.show_library {
        egui::Panel::left("library")
            .resizable(true)
            .default_size(270.0)
            .min_size(180.0)
            .show(ui, |ui| {
                library::library_ui(ui, dataset, settings, current.as_deref(), commands);
            });
    }
    if settings.show_context {
        egui::Panel::right("in_this_article")
            .resizable(true)
            .default_size(300.0)
            .min_size(200.0)
            .show(ui, |ui| {
                let event = strip.selected.and_then(|i| i.of(&dataset.events));
                context_panel::context_ui(ui, dataset, current.as_deref(), event, commands);
                context_panel::notes_ui(ui, dataset, reader, commands);
            });
    }
    if settings.show_strip {
        egui::Panel::bottom("timeline_strip")
            .resizable(true)
            .default_size(200.0)
            .min_size(120.0)
            .show(ui, |ui| {
                timeline::strip_ui(
                    ui,
                    dataset,
                    strip.index,
                    strip.runtime,
                    current.as_deref(),
                    strip.selected,
                    commands,
                );
            });
    }
    let page = settings.theme.palette().page;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(page))
        .show(ui, |ui| {
            reader::reader_ui(ui, dataset, settings, reader, strip.links, commands);
        });
}
