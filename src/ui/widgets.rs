//! Small pieces shared by the views.

use egui::{Color32, RichText};

use super::command::Command;
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

/// What the "Dataset problems" panel shows.
pub struct ProblemsPanel<'a> {
    /// The folder that did not load, as the reader named it.
    pub folder: &'a str,
    /// Every problem, in reading order.
    pub problems: &'a [Problem],
    /// The folder is the dataset open, changed since it loaded: its last
    /// version that loaded stays on screen.
    pub after_reload: bool,
    /// Show the list at once rather than behind "Show the problems".
    pub list_open: bool,
    /// The dataset shown meanwhile: `None` for the bundled one.
    pub current: Option<&'a str>,
}

/// What the reader asked of the problems panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemAction {
    /// Load the folder again.
    Reload,
    /// Show the place of the problem at this index.
    Show(usize),
    /// Hide the panel.
    Hide,
}

/// "Dataset problems", under the top bar: what did not load, each problem
/// as file:line:column and its sentence (a button that shows the place),
/// and "Reload now".
pub fn problems_panel_ui(ui: &mut egui::Ui, panel: &ProblemsPanel<'_>) -> Option<ProblemAction> {
    let count = panel.problems.len();
    let folder = panel.folder;
    let message = match (panel.after_reload, panel.current, count) {
        (true, _, 1) => trf("open.reload_failed_one", &[("folder", &folder)]),
        (true, _, _) => trf(
            "open.reload_failed_many",
            &[("folder", &folder), ("count", &count)],
        ),
        (false, None, 1) => trf("common.load_failed_one", &[("folder", &folder)]),
        (false, None, _) => trf(
            "common.load_failed_many",
            &[("folder", &folder), ("count", &count)],
        ),
        (false, Some(current), 1) => trf(
            "open.load_failed_keep_one",
            &[("folder", &folder), ("current", &current)],
        ),
        (false, Some(current), _) => trf(
            "open.load_failed_keep_many",
            &[
                ("folder", &folder),
                ("count", &count),
                ("current", &current),
            ],
        ),
    };
    let red = Color32::from_rgb(0xC0, 0x39, 0x2B);
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr("open.problems_title")).strong());
        ui.label(RichText::new(message).color(red).strong());
    });
    ui.horizontal(|ui| {
        if ui
            .button(tr("open.reload_now"))
            .on_hover_text(tr("open.reload_hint"))
            .clicked()
        {
            action = Some(ProblemAction::Reload);
        }
        if ui.button(tr("open.hide_problems")).clicked() {
            action = Some(ProblemAction::Hide);
        }
    });
    // Asked for or just saved, the problems are the work: listed at once.
    egui::CollapsingHeader::new(tr("common.show_problems"))
        .id_salt(if panel.list_open {
            "load_problems_list_open"
        } else {
            "load_problems_list"
        })
        .default_open(panel.list_open)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .max_height(160.0)
                .id_salt("load_problems_scroll")
                .show(ui, |ui| {
                    for (index, problem) in panel.problems.iter().enumerate() {
                        let button =
                            egui::Button::new(RichText::new(problem.to_string()).monospace())
                                .wrap();
                        if ui
                            .add(button)
                            .on_hover_text(tr("open.show_place_hint"))
                            .clicked()
                        {
                            action = Some(ProblemAction::Show(index));
                        }
                    }
                });
        });
    action
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
