//! Small pieces shared by the views.

use egui::RichText;

use super::command::Command;
use super::theme::Palette;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::model::Source;

/// A boxed editor's note: where the articles are garbled, contradictory or silent.
pub fn editor_note_ui(ui: &mut egui::Ui, palette: &Palette, size: f32, text: &str) {
    egui::Frame::new()
        .fill(palette.note_fill)
        .stroke(egui::Stroke::new(1.0, palette.note_stroke))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(tr("common.editor_note"))
                    .size(size * 0.72)
                    .strong()
                    .color(palette.muted),
            );
            ui.label(RichText::new(text).size(size * 0.82).color(palette.text));
        });
}

/// "Read in source: title, paragraph n", opening the article there; its
/// button, unless the article is not in the unit.
pub fn read_in_source(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    source: &Source,
    commands: &mut Vec<Command>,
) -> Option<egui::Response> {
    let article = dataset.article(&source.article)?;
    let text = trf(
        "common.read_in_source",
        &[("title", &article.title), ("paragraph", &source.paragraph)],
    );
    let response = ui
        .add(egui::Button::new(text).wrap())
        .on_hover_text(tr("common.read_in_source_hint"));
    if response.clicked() {
        commands.push(Command::OpenArticle {
            article: source.article.clone(),
            paragraph: Some(source.paragraph),
        });
    }
    Some(response)
}

/// How often [`busy_ui`] moves on.
const BUSY_STEP: f64 = 0.125;

/// A sign that work is under way, in place of egui's spinner: it moves
/// eight times a second rather than at every frame, so that the window does
/// not draw sixty frames a second (software rendering takes a core for
/// that) while the work it waits for needs the processor.
pub fn busy_ui(ui: &mut egui::Ui) {
    let side = ui.spacing().interact_size.y;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let time = ui.input(|i| i.time);
    let steps = (time / BUSY_STEP).floor();
    // Eight dots round a circle, the lit one stepping on.
    let lit = steps.rem_euclid(8.0) as usize;
    let color = ui.visuals().strong_text_color();
    let radius = rect.height() * 0.32;
    for dot in 0..8 {
        let angle = dot as f32 * std::f32::consts::TAU / 8.0;
        let centre = rect.center() + radius * egui::vec2(angle.cos(), angle.sin());
        let behind = (lit + 8 - dot) % 8;
        let alpha = 1.0 - behind as f32 / 8.0;
        ui.painter()
            .circle_filled(centre, side * 0.07, color.gamma_multiply(alpha.max(0.15)));
    }
    let next = (steps + 1.0) * BUSY_STEP - time;
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_secs_f64(next.max(0.01)));
}
