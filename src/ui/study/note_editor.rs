//! The reader's own note under a paragraph, and the editor that writes it and
//! toggles the paragraph's highlight.

use egui::RichText;

use super::runtime::ReaderRuntime;
use crate::i18n::{tr, trf};
use crate::notes::NOTE_MOST;
use crate::ui::theme::Palette;

/// The note editor's id, to give it the keyboard when it opens.
pub fn note_editor_id() -> egui::Id {
    egui::Id::unique("reader_note_editor")
}

/// The reader's own note under its paragraph.
pub fn your_note_ui(ui: &mut egui::Ui, palette: &Palette, size: f32, text: &str) {
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, palette.accent))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(tr("study.your_note"))
                    .size(size * 0.72)
                    .strong()
                    .color(palette.accent),
            );
            // A note longer than the editor takes (one saved by an older
            // version, or by hand) is shown in part: laid out whole, a pasted
            // book would hold the window's memory. Nothing of it is lost; the
            // export has all of it.
            let (shown, rest) = shown_part(text);
            ui.label(RichText::new(shown).size(size * 0.82).color(palette.text));
            if rest > 0 {
                ui.label(
                    RichText::new(trf("study.note_more", &[("n", &rest)]))
                        .size(size * 0.72)
                        .italics()
                        .color(palette.muted),
                );
            }
        });
}

/// The part of a note shown: at most [`NOTE_MOST`] characters, and how many
/// more there are.
fn shown_part(text: &str) -> (&str, usize) {
    match text.char_indices().nth(NOTE_MOST) {
        Some((cut, _)) => (&text[..cut], text[cut..].chars().count()),
        None => (text, 0),
    }
}

/// Writing a note on paragraph `number`, and highlighting it.
pub fn note_editor_ui(
    ui: &mut egui::Ui,
    article: &str,
    number: u32,
    reader: &mut ReaderRuntime,
    size: f32,
) {
    let now = chrono::Utc::now();
    let highlighted = reader.notes.is_highlighted(article, number);
    let mut save = false;
    let mut toggle = false;
    let mut close = false;
    let mut field = None;
    let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let label =
            ui.label(RichText::new(trf("study.note_on_paragraph", &[("n", &number)])).strong());
        let too_long = reader
            .editing
            .as_ref()
            .is_some_and(|(_, draft)| draft.chars().nth(NOTE_MOST).is_some());
        if too_long {
            // Not laid out in the editor: its text stays as saved.
            ui.label(RichText::new(trf("study.note_too_long", &[("most", &NOTE_MOST)])).italics());
        } else if let Some((_, draft)) = &mut reader.editing {
            let response = ui
                .add(
                    egui::TextEdit::multiline(draft)
                        .char_limit(NOTE_MOST)
                        .id(note_editor_id())
                        .desired_rows(3)
                        .desired_width(f32::INFINITY)
                        .font(egui::FontId::proportional(size * 0.85))
                        .hint_text(tr("study.note_hint")),
                )
                .labelled_by(label.id);
            field = Some(response);
        }
        // Wrapped: the buttons are longer in Русский and Türkmençe.
        ui.horizontal_wrapped(|ui| {
            save = ui.button(tr("study.save_note")).clicked();
            let highlight = if highlighted {
                tr("study.remove_highlight")
            } else {
                tr("study.highlight")
            };
            toggle = ui.button(highlight).clicked();
            close = ui.button(tr("study.close")).clicked();
        });
    });
    if reader.editor_pending && !ui.is_sizing_pass() {
        settle_editor(ui, reader, field.as_ref(), frame.response.rect);
    }
    if save && let Some((_, draft)) = reader.editing.take() {
        reader.notes.set_text(article, number, &draft, now);
        reader.save_notes();
    }
    if toggle {
        reader.notes.toggle_highlight(article, number, now);
        reader.save_notes();
    }
    if close {
        reader.editing = None;
    }
}

/// Gives the just-opened editor the keyboard and scrolls it whole into the
/// reader's view (above the timeline strip), asking again each frame until
/// both hold: the click that opened it may take the focus back this frame,
/// and the page's height settles over a frame or two.
fn settle_editor(
    ui: &mut egui::Ui,
    reader: &mut ReaderRuntime,
    field: Option<&egui::Response>,
    rect: egui::Rect,
) {
    let focused = field.is_none_or(egui::Response::has_focus);
    let clip = ui.clip_rect();
    let seen = clip.contains_rect(rect) || rect.height() >= clip.height();
    if focused && seen {
        reader.editor_pending = false;
        return;
    }
    if let Some(field) = field.filter(|f| !f.has_focus()) {
        field.request_focus();
    }
    if !seen {
        ui.scroll_to_rect_animation(rect, None, egui::style::ScrollAnimation::none());
    }
    ui.ctx().request_repaint();
}
