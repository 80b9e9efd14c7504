//! The reader: one article as a book page, with paragraph numbers in the margin,
//! editor's notes inline and the resolution's operative paragraphs set apart.

use egui::{Align, RichText};

use super::ReaderRuntime;
use super::image;
use super::linked::linked_text_ui;
use super::text::{self, Face, LEADING};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::links::{Link, LinkIndex};
use crate::model::{Article, Block};
use crate::ui::command::Command;
use crate::ui::state::Settings;
use crate::ui::theme::Palette;
use crate::ui::widgets::editor_note_ui;

/// Width of the paragraph-number margin, in multiples of the text size.
const GUTTER: f32 = 2.4;

/// Draws the open article and records how far it has been read.
pub fn reader_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    settings: &mut Settings,
    reader: &mut ReaderRuntime,
    links: &LinkIndex,
    commands: &mut Vec<Command>,
) {
    let Some(article) = reader.article.as_deref().and_then(|id| dataset.article(id)) else {
        ui.centered_and_justified(|ui| ui.label(tr("study.choose_article")));
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

/// The page's links: the dataset they point into, where they are, and the
/// commands a click pushes.
struct PageLinks<'a> {
    dataset: &'a Dataset,
    index: &'a LinkIndex,
    commands: &'a mut Vec<Command>,
}

fn page_ui(
    ui: &mut egui::Ui,
    article: &Article,
    size: f32,
    palette: &Palette,
    reader: &mut ReaderRuntime,
    page_links: PageLinks<'_>,
) {
    let PageLinks {
        dataset,
        index: links,
        commands,
    } = page_links;
    ui.add_space(size * 2.0);
    ui.label(text::run(
        &article.title,
        size * 1.55,
        Face::Bold,
        palette.text,
    ));
    ui.add_space(size * 0.4);
    ui.label(
        RichText::new(super::source_line(article))
            .size(size * 0.78)
            .color(palette.muted),
    );
    if let Some(url) = &article.url {
        ui.hyperlink_to(RichText::new(url).size(size * 0.72), url);
    }
    ui.add_space(size * 0.8);
    ui.label(text::run(
        &article.summary,
        size * 0.95,
        Face::Italic,
        palette.muted,
    ));
    if let Some(derived) = &article.derived {
        ui.add_space(size * 0.5);
        editor_note_ui(
            ui,
            palette,
            size,
            &trf("study.date_found", &[("derived", derived)]),
        );
    }
    if let Some(note) = &article.note {
        ui.add_space(size * 0.5);
        editor_note_ui(ui, palette, size, note);
    }
    ui.add_space(size * 0.8);
    ui.separator();
    ui.add_space(size * 0.6);
    let mut operative = 0;
    let article_index = dataset
        .articles
        .iter()
        .position(|a| a.id == article.id)
        .unwrap_or(usize::MAX);
    for (index, block) in article.body.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if matches!(block, Block::Operative { .. }) {
            operative += 1;
        }
        let jumped_to = reader
            .highlight
            .as_ref()
            .is_some_and(|(id, paragraph)| *id == article.id && *paragraph == number);
        let marked = reader.notes.is_highlighted(&article.id, number);
        let fill = if jumped_to {
            palette.highlight
        } else if marked {
            palette.note_fill
        } else if matches!(block, Block::Operative { .. }) {
            palette.operative_fill
        } else {
            egui::Color32::TRANSPARENT
        };
        let found = reader
            .found
            .as_ref()
            .filter(|(id, paragraph, _)| *id == article.id && *paragraph == number)
            .map(|(_, _, range)| range.clone());
        let linked = Linked {
            links: links.of(article_index, number),
            found,
            dataset,
            commands: &mut *commands,
        };
        let (response, number_clicked) = block_row_ui(
            ui,
            Row {
                block,
                number,
                operative,
                fill,
            },
            size,
            palette,
            linked,
        );
        if number_clicked {
            let draft = reader
                .notes
                .get(&article.id, number)
                .map(|n| n.text.clone())
                .unwrap_or_default();
            reader.editing = match reader.editing {
                Some((open, _)) if open == number => None,
                _ => Some((number, draft)),
            };
            if reader.editing.is_some() {
                // Opened to write in: the cursor goes straight to the note.
                ui.memory_mut(|m| m.request_focus(note_editor_id()));
            }
        }
        if reader.scroll_to_paragraph == Some(number) {
            // On the first frames the page's height is not known yet and the
            // scroll stops short: keep asking until the paragraph is in view.
            let in_view = ui.clip_rect().contains(response.rect.left_top());
            reader.scroll_attempts += 1;
            if in_view || reader.scroll_attempts > 10 {
                reader.scroll_to_paragraph = None;
                reader.scroll_attempts = 0;
            } else {
                ui.scroll_to_rect_animation(
                    response.rect,
                    Some(Align::Min),
                    egui::style::ScrollAnimation::none(),
                );
                ui.ctx().request_repaint();
            }
        }
        if let Some(note) = block.note() {
            indented(size * GUTTER).show(ui, |ui| editor_note_ui(ui, palette, size, note));
        }
        if reader.editing.as_ref().is_some_and(|(p, _)| *p == number) {
            indented(size * GUTTER).show(ui, |ui| {
                note_editor_ui(ui, &article.id, number, reader, size)
            });
        } else if let Some(note) = reader
            .notes
            .get(&article.id, number)
            .filter(|n| !n.text.is_empty())
        {
            indented(size * GUTTER).show(ui, |ui| your_note_ui(ui, palette, size, &note.text));
        }
        ui.add_space(size * 0.7);
    }
    ui.add_space(size * 3.0);
}

/// A block as the page shows it: its number, its place among the operative
/// paragraphs, and its background.
struct Row<'a> {
    block: &'a Block,
    number: u32,
    operative: u32,
    fill: egui::Color32,
}

/// One block with its number in the margin; returns the block's area and
/// whether the number (the way to a note or highlight) was clicked.
fn block_row_ui(
    ui: &mut egui::Ui,
    row: Row<'_>,
    size: f32,
    palette: &Palette,
    linked: Linked<'_>,
) -> (egui::Response, bool) {
    let Row {
        block,
        number,
        operative,
        fill,
    } = row;
    let gutter = size * GUTTER;
    let response = indented(gutter)
        .show(ui, |ui| {
            egui::Frame::new()
                .fill(fill)
                .corner_radius(3.0)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    block_ui(ui, block, operative, size, palette, linked);
                });
        })
        .response;
    // The number sits in the margin, level with the first line; it is also
    // the button for a note or a highlight on this paragraph.
    let number_rect = egui::Rect::from_min_size(
        response.rect.left_top() + egui::vec2(0.0, 2.0),
        egui::vec2(gutter - size * 0.3, size * 1.2),
    );
    let button = ui.interact(
        number_rect,
        ui.scope_id().with(("paragraph_number", number)),
        egui::Sense::click(),
    );
    let name = trf("study.paragraph_button", &[("n", &number)]);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    let color = if button.hovered() || button.has_focus() {
        palette.accent
    } else {
        palette.muted
    };
    ui.painter().text(
        response.rect.left_top() + egui::vec2(gutter - size * 0.5, 2.0 + size * 0.35),
        egui::Align2::RIGHT_TOP,
        number.to_string(),
        egui::FontId::proportional(size * 0.62),
        color,
    );
    let clicked = button.on_hover_text(tr("study.paragraph_hover")).clicked();
    (response, clicked)
}

/// The note editor's id, to give it the keyboard when it opens.
fn note_editor_id() -> egui::Id {
    egui::Id::unique("reader_note_editor")
}

/// The reader's own note under its paragraph.
fn your_note_ui(ui: &mut egui::Ui, palette: &Palette, size: f32, text: &str) {
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
            ui.label(RichText::new(text).size(size * 0.82).color(palette.text));
        });
}

/// Writing a note on paragraph `number`, and highlighting it.
fn note_editor_ui(
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
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let label =
            ui.label(RichText::new(trf("study.note_on_paragraph", &[("n", &number)])).strong());
        if let Some((_, draft)) = &mut reader.editing {
            ui.add(
                egui::TextEdit::multiline(draft)
                    .id(note_editor_id())
                    .desired_rows(3)
                    .desired_width(f32::INFINITY)
                    .font(egui::FontId::proportional(size * 0.85))
                    .hint_text(tr("study.note_hint")),
            )
            .labelled_by(label.id);
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

/// A frame that indents its content by `left` points (egui margins are whole
/// points up to 127).
fn indented(left: f32) -> egui::Frame {
    egui::Frame::new().inner_margin(egui::Margin {
        left: left.clamp(0.0, 127.0) as i8,
        ..egui::Margin::ZERO
    })
}

/// A label that wraps at the column's edge even inside a row.
fn wrapped(ui: &mut egui::Ui, job: egui::text::LayoutJob) {
    ui.add(egui::Label::new(job).wrap());
}

/// A paragraph's links and what drawing them needs.
struct Linked<'a> {
    links: &'a [Link],
    found: Option<std::ops::Range<usize>>,
    dataset: &'a Dataset,
    commands: &'a mut Vec<Command>,
}

impl Linked<'_> {
    fn text(self, ui: &mut egui::Ui, job: egui::text::LayoutJob, accent: egui::Color32) {
        linked_text_ui(
            ui,
            job,
            self.links,
            self.found,
            self.dataset,
            accent,
            self.commands,
        );
    }
}

fn block_ui(
    ui: &mut egui::Ui,
    block: &Block,
    operative: u32,
    size: f32,
    palette: &Palette,
    linked: Linked<'_>,
) {
    match block {
        Block::Heading { text, .. } => {
            ui.add_space(size * 0.6);
            ui.label(text::run(text, size * 1.25, Face::Bold, palette.accent));
        }
        Block::Paragraph { text, .. } => {
            linked.text(
                ui,
                text::run(text, size, Face::Regular, palette.text),
                palette.accent,
            );
        }
        Block::Quote { text, .. } => {
            indented(16.0).show(ui, |ui| {
                linked.text(
                    ui,
                    text::run(text, size, Face::Italic, palette.text),
                    palette.accent,
                );
            });
        }
        Block::List { items, .. } => {
            for item in items {
                ui.horizontal_top(|ui| {
                    ui.label(text::run("•", size, Face::Regular, palette.accent));
                    wrapped(ui, text::run(item, size, Face::Regular, palette.text));
                });
            }
        }
        Block::Preamble { text, .. } => {
            linked.text(
                ui,
                text::resolution_paragraph(text, size, palette.text),
                palette.accent,
            );
        }
        Block::Operative { text, .. } => {
            ui.horizontal_top(|ui| {
                // A row does not wrap its labels unless told: without this the
                // paragraph runs past the column and widens every block after it.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                ui.label(text::run(
                    &format!("{operative}."),
                    size,
                    Face::Bold,
                    palette.accent,
                ));
                linked.text(
                    ui,
                    text::resolution_paragraph(text, size, palette.text),
                    palette.accent,
                );
            });
        }
        Block::Image { path, alt, .. } => {
            let look = image::Look {
                size,
                text: palette.text,
                muted: palette.muted,
                stroke: palette.note_stroke,
            };
            // As wide as the column, and short enough to be seen whole.
            let room = egui::vec2(
                ui.available_width(),
                (ui.ctx().content_rect().height() * 0.8).max(size * 8.0),
            );
            ui.vertical_centered(|ui| {
                image::image_ui(ui, linked.dataset, path, alt, room, look);
            });
            ui.add_space(size * 0.3);
            wrapped(ui, text::run(alt, size * 0.8, Face::Italic, palette.muted));
        }
    }
}
