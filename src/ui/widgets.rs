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

/// "Read in source: title, paragraph n", opening the article there.
pub fn read_in_source(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    source: &Source,
    commands: &mut Vec<Command>,
) {
    let Some(article) = dataset.article(&source.article) else {
        return;
    };
    let text = trf(
        "common.read_in_source",
        &[("title", &article.title), ("paragraph", &source.paragraph)],
    );
    if ui
        .add(egui::Button::new(text).wrap())
        .on_hover_text(tr("common.read_in_source_hint"))
        .clicked()
    {
        commands.push(Command::OpenArticle {
            article: source.article.clone(),
            paragraph: Some(source.paragraph),
        });
    }
}
