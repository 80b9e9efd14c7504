//! The strips under the top bar: what the reader should know about the
//! saved files (settings, notes, quiz memory), and "Dataset problems" while a
//! folder does not load.

use egui::{Color32, RichText};

use crate::dataset::Problem;
use crate::i18n::{tr, trf};
use crate::ui::command::Command;
use crate::ui::saved_settings::SettingsNotice;

/// The notices about the saved files, in one strip in every view, until
/// put away with one button.
pub fn file_notices_ui(ui: &mut egui::Ui, notices: &[String], commands: &mut Vec<Command>) {
    if notices.is_empty() {
        return;
    }
    egui::Panel::top("file_notices").show(ui, |ui| {
        for notice in notices {
            ui.add(egui::Label::new(RichText::new(notice).strong()).wrap());
        }
        if ui.button(SettingsNotice::dismiss_label()).clicked() {
            commands.push(Command::DismissFileNotices);
        }
    });
}

/// "Reading “unit”…", below the top bar, while a folder is read in the
/// background: the window answers meanwhile, showing what was on screen.
/// `checking`: the unit's files are read and this many bytes of them are
/// being parsed and checked (`None`: still reading them).
pub fn loading_strip_ui(ui: &mut egui::Ui, folder: &str, checking: Option<u64>) {
    egui::Panel::top("dataset_loading").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            crate::ui::widgets::busy_ui(ui);
            ui.add(egui::Label::new(trf("open.reading", &[("folder", &folder)])).wrap());
        });
        // A line of its own, so that a narrow window or a longer language
        // never cuts the stage mid-phrase after the sentence above.
        let stage = match checking {
            None => tr("open.stage_reading").to_owned(),
            Some(bytes) => trf(
                "open.stage_checking",
                &[("size", &format!("{:.1}", bytes as f64 / 1_048_576.0))],
            ),
        };
        ui.add(egui::Label::new(egui::RichText::new(stage).strong()).wrap());
    });
}

/// "Dataset problems", below the top bar, while a folder does not load.
pub fn problems_strip_ui(
    ui: &mut egui::Ui,
    panel: &ProblemsPanel<'_>,
    commands: &mut Vec<Command>,
) {
    let action = egui::Panel::top("load_problems")
        .show(ui, |ui| problems_panel_ui(ui, panel))
        .inner;
    match action {
        Some(ProblemAction::Reload) => commands.push(Command::ReloadDataset),
        Some(ProblemAction::Show(index)) => commands.push(Command::ShowProblem(index)),
        Some(ProblemAction::Hide) => commands.push(Command::HideProblems),
        None => {}
    }
}

/// Up to this many problems are listed whole, each wrapped; more are listed
/// a line each, only those on screen laid out.
pub const WRAPPED_PROBLEMS: usize = 50;

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
fn problems_panel_ui(ui: &mut egui::Ui, panel: &ProblemsPanel<'_>) -> Option<ProblemAction> {
    let message = problems_message(panel);
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
            let scroll = egui::ScrollArea::vertical()
                .max_height(160.0)
                .id_salt("load_problems_scroll");
            let mut problem_ui = |ui: &mut egui::Ui, index: usize, wrap: bool| {
                let Some(problem) = panel.problems.get(index) else {
                    return;
                };
                let text = RichText::new(problem.to_string()).monospace();
                let button = if wrap {
                    egui::Button::new(text).wrap()
                } else {
                    egui::Button::new(text).truncate()
                };
                let response = ui.add(button);
                let response = if wrap {
                    response.on_hover_text(tr("open.show_place_hint"))
                } else {
                    // Cut to a line: the whole of it on hover.
                    response.on_hover_text(format!("{problem}\n\n{}", tr("open.show_place_hint")))
                };
                if response.clicked() {
                    action = Some(ProblemAction::Show(index));
                }
            };
            if panel.problems.len() <= WRAPPED_PROBLEMS {
                scroll.show(ui, |ui| {
                    for index in 0..panel.problems.len() {
                        problem_ui(ui, index, true);
                    }
                });
            } else {
                // Thousands of problems: a line each, and only the lines on
                // screen laid out, so that a frame's work does not grow with them.
                let row_height = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
                scroll.show_rows(ui, row_height, panel.problems.len(), |ui, rows| {
                    for index in rows {
                        problem_ui(ui, index, false);
                    }
                });
            }
        });
    action
}

/// What did not load, and what is shown meanwhile, in a sentence.
fn problems_message(panel: &ProblemsPanel<'_>) -> String {
    let count = panel.problems.len();
    let folder = panel.folder;
    match (panel.after_reload, panel.current, count) {
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
    }
}
