//! Small pieces shared by the views.

use egui::{Color32, RichText};

use super::app::Command;
use super::theme::Palette;
use crate::dataset::{Dataset, Problem};
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

/// The banner shown when a dataset given with `--data` could not be loaded.
pub fn load_problems_ui(ui: &mut egui::Ui, folder: Option<&str>, problems: &[Problem]) {
    let count = problems.len();
    let folder = folder.unwrap_or(tr("common.the_dataset"));
    let message = if count == 1 {
        trf("common.load_failed_one", &[("folder", &folder)])
    } else {
        trf(
            "common.load_failed_many",
            &[("folder", &folder), ("count", &count)],
        )
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(message)
                .color(Color32::from_rgb(0xC0, 0x39, 0x2B))
                .strong(),
        );
    });
    egui::CollapsingHeader::new(tr("common.show_problems"))
        .id_salt("load_problems_list")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .id_salt("load_problems_scroll")
                .show(ui, |ui| {
                    for problem in problems {
                        ui.monospace(problem.to_string());
                    }
                });
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
