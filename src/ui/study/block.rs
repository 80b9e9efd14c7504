//! One block of an article on the page: its number in the margin (the way to
//! a note), its background, and its text set by kind, with links.

use super::image;
use super::linked::linked_text_ui;
use super::text::{self, Face};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::links::Link;
use crate::model::Block;
use crate::ui::command::Command;
use crate::ui::theme::Palette;

/// Width of the paragraph-number margin, in multiples of the text size.
pub const GUTTER: f32 = 2.4;

/// A block as the page shows it: its number, its place among the operative
/// paragraphs, and its background.
pub struct Row<'a> {
    /// The block.
    pub block: &'a Block,
    /// Its number, from 1.
    pub number: u32,
    /// Its number among the operative paragraphs so far.
    pub operative: u32,
    /// Its background.
    pub fill: egui::Color32,
}

/// One block with its number in the margin; returns the block's area and
/// whether the number (the way to a note or highlight) was clicked.
pub fn block_row_ui(
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

/// A frame that indents its content by `left` points (egui margins are whole
/// points up to 127).
pub fn indented(left: f32) -> egui::Frame {
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
pub struct Linked<'a> {
    /// The paragraph's links.
    pub links: &'a [Link],
    /// The Ctrl+F matches in it, the one shown marked as such.
    pub found: Vec<super::linked::FindMark>,
    /// The dataset the links point into.
    pub dataset: &'a Dataset,
    /// Where a click on a link goes.
    pub commands: &'a mut Vec<Command>,
}

impl Linked<'_> {
    /// Draws `job` with the links and the match marked.
    fn text(self, ui: &mut egui::Ui, job: egui::text::LayoutJob, accent: egui::Color32) {
        linked_text_ui(
            ui,
            job,
            self.links,
            &self.found,
            self.dataset,
            accent,
            self.commands,
        );
    }
}

/// The block's text, set as its kind asks.
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
            image_block_ui(ui, linked.dataset, path, alt, size, palette);
        }
    }
}

/// A picture as wide as the column, and its description under it.
fn image_block_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    path: &str,
    alt: &str,
    size: f32,
    palette: &Palette,
) {
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
        image::image_ui(ui, dataset, path, alt, room, look);
    });
    ui.add_space(size * 0.3);
    wrapped(ui, text::run(alt, size * 0.8, Face::Italic, palette.muted));
}
