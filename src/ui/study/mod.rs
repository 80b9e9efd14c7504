//! The Study view: library, reader and the article's organizations and events.

mod context_panel;
pub use context_panel::relationship_summary;
mod library;
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
        .show(ui, |ui| reader::reader_ui(ui, dataset, settings, reader));
}
