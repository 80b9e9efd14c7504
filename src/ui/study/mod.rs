//! The Study view: library, reader and the article's organizations and events.

mod context_panel;
pub use context_panel::relationship_summary;
mod library;
mod linked;
mod reader;
mod text;

use super::app::Command;
use super::state::Settings;
use super::timeline::{self, TimelineIndex, TimelineRuntime};
use crate::dataset::Dataset;

/// The timeline strip's share of the Study view.
pub struct StudyTimeline<'a> {
    /// The timelines built at load.
    pub index: &'a TimelineIndex,
    /// The timeline's state.
    pub runtime: &'a mut TimelineRuntime,
    /// The selected event.
    pub selected: Option<usize>,
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
    /// A save that failed, a damaged file set aside, an export done.
    pub notes_message: Option<String>,
}

impl ReaderRuntime {
    /// Loads the notes saved at `file`; a damaged file is set aside and said.
    pub fn load_notes(&mut self, file: std::path::PathBuf) {
        use crate::storage::{Loaded, load_json};
        match load_json::<crate::notes::Notes>(&file) {
            Loaded::Missing => {}
            Loaded::Read(notes) => self.notes = notes,
            Loaded::SetAside { reason, moved_to } => {
                self.notes_message = Some(match moved_to {
                    Some(path) => format!(
                        "Your notes could not be read: {reason}. They were kept as {}.",
                        path.display()
                    ),
                    None => format!("Your notes could not be read: {reason}."),
                });
            }
        }
        self.notes_file = Some(file);
    }

    /// Saves the notes, atomically; a failure is said, the notes are kept.
    pub fn save_notes(&mut self) {
        let Some(file) = &self.notes_file else { return };
        if let Err(error) = crate::storage::save_json(file, &self.notes) {
            self.notes_message = Some(format!(
                "Your notes could not be saved to {}: {error}. They are kept while the app runs.",
                file.display()
            ));
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
                let event = strip.selected.and_then(|i| dataset.events.get(i));
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
