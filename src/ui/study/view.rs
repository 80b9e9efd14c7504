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

/// Where the side panels go at a window width and text size: each one shown
/// (and how wide it may be at most), or folded away for the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SidePanels {
    /// The library's widest, or `None` when it is not shown.
    pub library: Option<f32>,
    /// "In this article"'s widest, or `None` when it is not shown.
    pub context: Option<f32>,
    /// A panel the reader wants was folded to keep the text readable.
    pub folded: bool,
}

/// The widest the library and "In this article" may be, so that the reader
/// keeps a readable measure at the text size, never below their least. Where
/// even their least leaves the reader too few characters a line (a large
/// text in a small window), the library folds away first, then "In this
/// article", unless the reader asked to keep them (`kept`).
pub fn side_panels(total: f32, settings: &Settings, kept: bool) -> SidePanels {
    let needed = text::measure(settings.text_size, READABLE_CHARACTERS) + READER_MARGINS;
    let room = (total - needed).max(0.0);
    let mut library = settings.show_library;
    let mut context = settings.show_context;
    let least = |library: bool, context: bool| {
        f32::from(u8::from(library)) * LIBRARY_LEAST + f32::from(u8::from(context)) * CONTEXT_LEAST
    };
    if !kept {
        if library && room < least(library, context) {
            library = false;
        }
        if context && room < least(library, context) {
            context = false;
        }
    }
    let folded = (settings.show_library && !library) || (settings.show_context && !context);
    // The room shared in the panels' usual proportion; one that would get
    // less than its least takes its least, and the other the rest.
    let (library_most, context_most) = match (library, context) {
        (true, true) => {
            let share = room * LIBRARY_USUAL / (LIBRARY_USUAL + CONTEXT_USUAL);
            if share < LIBRARY_LEAST {
                (LIBRARY_LEAST, (room - LIBRARY_LEAST).max(CONTEXT_LEAST))
            } else if room - share < CONTEXT_LEAST {
                ((room - CONTEXT_LEAST).max(LIBRARY_LEAST), CONTEXT_LEAST)
            } else {
                (share, room - share)
            }
        }
        _ => (room.max(LIBRARY_LEAST), room.max(CONTEXT_LEAST)),
    };
    SidePanels {
        library: library.then_some(library_most),
        context: context.then_some(context_most),
        folded,
    }
}

/// The timeline strip's share of the Study view.
pub struct StudyTimeline<'a> {
    /// The timelines built at load.
    pub index: &'a TimelineIndex,
    /// The timeline's state.
    pub runtime: &'a mut TimelineRuntime,
    /// The selected event.
    pub selected: Option<EventIx>,
    /// The links in the articles' text, once they are found (`None`
    /// while they are being prepared: the text is shown without them).
    pub links: Option<&'a crate::links::LinkIndex>,
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
    // down to their least, before the reader's lines get too short; then
    // they fold away, and the reader says so with a way to bring them back.
    let panels = side_panels(ui.available_width(), settings, reader.panels_kept);
    if let Some(library_most) = panels.library {
        egui::Panel::left("library")
            .resizable(true)
            .default_size(LIBRARY_USUAL)
            .size_range(180.0_f32.min(library_most)..=library_most)
            .show(ui, |ui| {
                library_ui(ui, dataset, settings, current.as_deref(), commands);
            });
    }
    if let Some(context_most) = panels.context {
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
            if panels.folded {
                folded_notice_ui(ui, settings, &mut reader.panels_kept);
            }
            reader_ui(ui, dataset, settings, reader, strip.links, commands);
        });
}

/// One line over the reader when the side panels were folded for the text:
/// why, and a button that brings them back all the same.
fn folded_notice_ui(ui: &mut egui::Ui, settings: &Settings, kept: &mut bool) {
    let palette = settings.theme.palette();
    // Kept off the window's edge, as the page is (the central panel has no
    // margin of its own: the reader centres its column).
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(12, 6))
        .show(ui, |ui| folded_line_ui(ui, settings, &palette, kept));
}

/// The words and the button of [`folded_notice_ui`].
fn folded_line_ui(
    ui: &mut egui::Ui,
    settings: &Settings,
    palette: &crate::ui::theme::Palette,
    kept: &mut bool,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(crate::i18n::trf(
                "study.panels_folded",
                &[("size", &format!("{:.0}", settings.text_size))],
            ))
            .color(palette.muted),
        );
        if ui.button(crate::i18n::tr("study.panels_show")).clicked() {
            *kept = true;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(text_size: f32) -> Settings {
        Settings {
            text_size,
            ..Settings::default()
        }
    }

    /// At every text size and window width, the panels shown leave the
    /// reader its readable measure, or are at their least; a panel folds only
    /// when the text needs its room, the library before "In this article".
    #[test]
    fn the_panels_fold_only_when_the_text_needs_the_room() {
        for total in (700..=2600).step_by(20).map(|w| w as f32) {
            for size in (12..=40).map(|s| s as f32) {
                let settings = settings(size);
                let needed = text::measure(size, READABLE_CHARACTERS) + READER_MARGINS;
                let panels = side_panels(total, &settings, false);
                let taken = panels.library.unwrap_or(0.0) + panels.context.unwrap_or(0.0);
                let at_least = panels.library.map_or(0.0, |_| LIBRARY_LEAST)
                    + panels.context.map_or(0.0, |_| CONTEXT_LEAST);
                assert!(
                    total - taken >= needed - 0.5 || (taken - at_least).abs() < 0.5,
                    "{total} wide at {size} pt: {panels:?}"
                );
                if panels.library.is_some() {
                    assert!(panels.context.is_some(), "the library folds first");
                }
                let both = LIBRARY_LEAST + CONTEXT_LEAST;
                assert_eq!(panels.folded, total - needed < both, "{total} at {size}");
                // Kept, they are both there, at least at their least.
                let kept = side_panels(total, &settings, true);
                assert!(kept.library.is_some_and(|w| w >= LIBRARY_LEAST));
                assert!(kept.context.is_some_and(|w| w >= CONTEXT_LEAST));
                assert!(!kept.folded);
            }
        }
    }

    #[test]
    fn a_panel_turned_off_is_not_called_folded() {
        let settings = Settings {
            show_library: false,
            show_context: false,
            ..settings(40.0)
        };
        let panels = side_panels(1024.0, &settings, false);
        assert_eq!(
            panels,
            SidePanels {
                library: None,
                context: None,
                folded: false
            }
        );
    }
}
