//! The reader: one article as a book page, with paragraph numbers in the margin,
//! editor's notes inline and the resolution's operative paragraphs set apart.
//! This file scrolls it and keeps the reading place; `page` draws it.

use super::page::{PageLinks, page_ui};
use super::runtime::ReaderRuntime;
use super::text::{self, LEADING};
use crate::dataset::Dataset;
use crate::i18n::tr;
use crate::links::LinkIndex;
use crate::ui::command::Command;
use crate::ui::state::Settings;

/// Draws the open article and records how far it has been read.
pub fn reader_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    settings: &mut Settings,
    reader: &mut ReaderRuntime,
    links: Option<&LinkIndex>,
    commands: &mut Vec<Command>,
) {
    let Some(article) = reader.article.as_deref().and_then(|id| dataset.article(id)) else {
        // Centred, not justified: a wrapped sentence keeps its word gaps.
        let centred =
            egui::Layout::top_down(egui::Align::Center).with_main_align(egui::Align::Center);
        ui.with_layout(centred, |ui| ui.label(tr("study.choose_article")));
        return;
    };
    let palette = settings.theme.palette();
    let size = settings.text_size;
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("reader", article.id.as_str()))
        .auto_shrink(false);
    if let Some(offset) = reader.restore_offset.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let keys = scroll_keys(ui.ctx());
    let output = area.show(ui, |ui| {
        if let Some(keys) = keys {
            let page = ui.clip_rect().height() - size * LEADING * 2.0;
            let delta = match keys {
                ScrollKey::Lines(lines) => lines * size * LEADING,
                ScrollKey::Pages(pages) => pages * page.max(size),
                // Far enough to reach either end of any article; the area clamps it.
                ScrollKey::Ends(direction) => direction * 1.0e7,
            };
            ui.scroll_with_delta_animation(
                egui::vec2(0.0, -delta),
                egui::style::ScrollAnimation::none(),
            );
        }
        let available = ui.available_width();
        let column = text::measure(size, settings.line_width)
            .min(available - 24.0)
            .max(120.0);
        let side = ((available - column) / 2.0).max(0.0);
        ui.horizontal_top(|ui| {
            ui.add_space(side);
            ui.vertical(|ui| {
                ui.set_width(column);
                let links = PageLinks {
                    dataset,
                    index: links,
                    commands: &mut *commands,
                };
                page_ui(ui, article, size, &palette, reader, links);
            });
        });
    });
    let offset = output.state.clamped_offset().y;
    let visible = output.inner_rect.height();
    let content = output.content_size.y;
    let progress = if content <= visible {
        1.0
    } else {
        (offset + visible) / content
    };
    settings.record_position(&article.id, offset, progress);
}

/// A keyboard request to scroll the page; positive is down.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ScrollKey {
    /// Arrow keys: a few lines.
    Lines(f32),
    /// Page Up/Down, Space, Shift+Space: a screenful less two lines.
    Pages(f32),
    /// Home/End.
    Ends(f32),
}

/// Reads the scrolling keys. Page Up/Down and Home/End always scroll the page
/// (unless text is being typed); Space and the arrows only when no control has
/// the focus, since Space presses a focused button and arrows move the focus.
fn scroll_keys(ctx: &egui::Context) -> Option<ScrollKey> {
    if ctx.egui_wants_keyboard_input() {
        return None;
    }
    let free = ctx.memory(|m| m.focused().is_none());
    ctx.input_mut(|i| {
        use egui::{Key, Modifiers};
        let none = Modifiers::NONE;
        if i.consume_key(none, Key::PageDown) || (free && i.consume_key(none, Key::Space)) {
            Some(ScrollKey::Pages(1.0))
        } else if i.consume_key(none, Key::PageUp)
            || (free && i.consume_key(Modifiers::SHIFT, Key::Space))
        {
            Some(ScrollKey::Pages(-1.0))
        } else if free && i.consume_key(none, Key::ArrowDown) {
            Some(ScrollKey::Lines(3.0))
        } else if free && i.consume_key(none, Key::ArrowUp) {
            Some(ScrollKey::Lines(-3.0))
        } else if i.consume_key(none, Key::End) {
            Some(ScrollKey::Ends(1.0))
        } else if i.consume_key(none, Key::Home) {
            Some(ScrollKey::Ends(-1.0))
        } else {
            None
        }
    })
}
