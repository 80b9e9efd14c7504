//! The Study view: the library on the left, "In this article" and the notes
//! on the right, the timeline strip below and the reader in the middle.

use super::context_panel::{context_ui, notes_ui};
use super::library::library_ui;
use super::reader::reader_ui;
use super::runtime::ReaderRuntime;
use super::text;
use crate::dataset::Dataset;
use crate::ui::command::{Command, EventIx};
use crate::ui::state::Settings;
use crate::ui::timeline::{TimelineIndex, TimelineRuntime, strip_ui};

/// The fewest characters a line of the reader keeps before the side panels
/// give way.
pub const READABLE_CHARACTERS: u32 = 45;
/// Around the reader's column: the central panel's margins, the scroll bar
/// and the reader's own spacing.
const READER_MARGINS: f32 = 64.0;
/// The narrowest the library gets when the reader needs the room.
const LIBRARY_LEAST: f32 = 150.0;
/// The narrowest "In this article" gets when the reader needs the room.
const CONTEXT_LEAST: f32 = 170.0;
/// The panels' usual widths, whose proportion they keep as they shrink.
const LIBRARY_USUAL: f32 = 270.0;
const CONTEXT_USUAL: f32 = 300.0;

/// The widest the library and "In this article" may be, so that the reader
/// keeps a readable measure at the text size; never below their least.
fn side_panel_widths(total: f32, settings: &Settings) -> (f32, f32) {
    let needed = text::measure(settings.text_size, READABLE_CHARACTERS) + READER_MARGINS;
    let room = (total - needed).max(0.0);
    let library = if settings.show_library {
        LIBRARY_USUAL
    } else {
        0.0
    };
    let context = if settings.show_context {
        CONTEXT_USUAL
    } else {
        0.0
    };
    let both = (library + context).max(1.0);
    (
        (room * library / both).max(LIBRARY_LEAST),
        (room * context / both).max(CONTEXT_LEAST),
    )
}

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
    // The desktop's save dialog answered.
    if let Some(path) = reader.export.poll() {
        reader.export_notes_to(dataset, &path);
    }
    // In a small window (or at a large text size) the side panels narrow,
    // down to their least, before the reader's lines get too short.
    let (library_most, context_most) = side_panel_widths(ui.available_width(), settings);
    if settings.show_library {
        egui::Panel::left("library")
            .resizable(true)
            .default_size(LIBRARY_USUAL)
            .size_range(180.0_f32.min(library_most)..=library_most)
            .show(ui, |ui| {
                library_ui(ui, dataset, settings, current.as_deref(), commands);
            });
    }
    if settings.show_context {
        egui::Panel::right("in_this_article")
            .resizable(true)
            .default_size(CONTEXT_USUAL)
            .size_range(200.0_f32.min(context_most)..=context_most)
            .show(ui, |ui| {
                // One scroll for the whole panel: a long article's events
                // must not push "My notes" and its export out of reach.
                egui::ScrollArea::vertical()
                    .id_salt("in_this_article_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let event = strip.selected.and_then(|i| i.of(&dataset.events));
                        context_ui(ui, dataset, current.as_deref(), event, commands);
                        notes_ui(ui, dataset, reader, commands);
                    });
            });
    }
    if settings.show_strip {
        egui::Panel::bottom("timeline_strip")
            .resizable(true)
            .default_size(200.0)
            .min_size(120.0)
            .show(ui, |ui| {
                strip_ui(
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
            reader_ui(ui, dataset, settings, reader, strip.links, commands);
        });
}
