//! The Study view: library, reader and the article's organizations and events.

mod context_panel;
mod library;
mod reader;
mod text;

use super::app::Command;
use super::state::Settings;
use crate::dataset::Dataset;

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
                context_panel::context_ui(ui, dataset, current.as_deref(), commands);
            });
    }
    let page = settings.theme.palette().page;
    egui::CentralPanel::default()
        .frame(egui::Frame::new().fill(page))
        .show(ui, |ui| reader::reader_ui(ui, dataset, settings, reader));
}
