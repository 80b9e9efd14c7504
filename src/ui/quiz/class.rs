//! Class mode, for a projector: one question large with lettered options.
//! Space reveals the answer, the arrows move on and back, an optional
//! countdown reveals it when time is up. No names, no scores, no leaderboard.

use egui::RichText;

use super::bar::{bar_ui, ending_ui};
use super::feedback::{feedback_ui, option_button};
use super::keys::{class_keys, ending_keys};
use super::runtime::QuizRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::action::QuizAction;
use crate::quiz::session::Session;
use crate::ui::command::Command;

/// How much larger than the normal quiz text.
pub const CLASS_SCALE: f32 = 2.0;

/// Draws the question shown in Class mode, `scale` times the normal quiz
/// text, and handles its keys.
pub fn class_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
    scale: f32,
) {
    let Some(session) = &runtime.session else {
        return;
    };
    let before = session.position;
    let keys = if session.asking_to_end {
        ending_keys(ui)
    } else {
        class_keys(ui)
    };
    for action in keys {
        runtime.act(action);
    }
    let Some(session) = &mut runtime.session else {
        return;
    };
    if session.position != before || session.finished {
        runtime.deadline = None;
    }
    if session.finished {
        return;
    }
    if session.question().is_none() {
        session.finished = true;
        return;
    }
    let remaining = countdown(ui, runtime);
    let Some(session) = &runtime.session else {
        return;
    };
    let mut actions = Vec::new();
    ui.add_space(12.0);
    class_header_ui(ui, session, remaining, scale, &mut actions);
    ui.separator();
    bar_ui(ui, "quiz_bar", |ui| {
        if session.asking_to_end {
            ending_ui(ui, session, &mut actions);
        } else {
            ui.weak(tr("quiz.class_keys"));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("quiz_class")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if session.asking_to_end {
                ui.disable();
            }
            class_body_ui(ui, dataset, session, scale, &mut actions, commands);
        });
    for action in actions {
        runtime.act(action);
    }
}

/// The countdown runs while the answer is hidden; at zero it is revealed.
/// Returns the seconds left, while it runs.
fn countdown(ui: &egui::Ui, runtime: &mut QuizRuntime) -> Option<f64> {
    let now = ui.input(|i| i.time);
    let seconds = runtime.setup.countdown?;
    let session = runtime.session.as_ref()?;
    if session.answer().is_none_or(|a| a.revealed) {
        return None;
    }
    let deadline = *runtime.deadline.get_or_insert(now + f64::from(seconds));
    let left = deadline - now;
    if left <= 0.0 {
        runtime.act(QuizAction::Reveal);
        runtime.deadline = None;
        None
    } else {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(200));
        Some(left.ceil())
    }
}

/// The line above the question: its place, the seconds left, the quiz code
/// and "End".
fn class_header_ui(
    ui: &mut egui::Ui,
    session: &Session,
    remaining: Option<f64>,
    scale: f32,
    actions: &mut Vec<QuizAction>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "quiz.class_question_of",
                &[
                    ("n", &(session.position + 1)),
                    ("total", &session.quiz.questions.len()),
                ],
            ))
            .size(14.0 * scale)
            .strong(),
        );
        if let Some(left) = remaining {
            ui.label(
                RichText::new(trf(
                    "quiz.seconds_left",
                    &[("seconds", &format!("{left:.0}"))],
                ))
                .size(14.0 * scale)
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Asked already: the band below answers it.
            if !session.asking_to_end && ui.button(tr("quiz.class_end")).clicked() {
                actions.push(QuizAction::AskToEnd);
            }
            if let Some(code) = session.quiz.code {
                ui.label(
                    RichText::new(trf("quiz.code_shown", &[("code", &code)])).size(12.0 * scale),
                );
            }
        });
    });
}

/// The prompt, the options (not clickable: the class answers aloud), and
/// the answer once revealed, or the button that reveals it.
fn class_body_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    session: &Session,
    scale: f32,
    actions: &mut Vec<QuizAction>,
    commands: &mut Vec<Command>,
) {
    let (Some(question), Some(answer)) = (session.question(), session.answer()) else {
        return;
    };
    let shows_answer = session.shows_answer();
    ui.add_space(10.0);
    ui.label(RichText::new(&question.prompt).size(22.0 * scale).strong());
    ui.add_space(16.0);
    for (index, option) in question.options.iter().enumerate() {
        option_button(
            ui,
            question,
            answer,
            index,
            option,
            shows_answer,
            17.0 * scale,
        );
        ui.add_space(4.0);
    }
    ui.add_space(10.0);
    if shows_answer {
        ui.scope(|ui| {
            ui.style_mut().override_text_style = Some(egui::TextStyle::Heading);
            feedback_ui(ui, dataset, question, answer, commands);
        });
    } else if ui
        .button(RichText::new(tr("quiz.reveal")).size(14.0 * scale))
        .clicked()
    {
        actions.push(QuizAction::Reveal);
    }
}
