//! Class mode, for a projector: one question large with lettered options.
//! Space reveals the answer, the arrows move on and back, an optional
//! countdown reveals it when time is up. No names, no scores, no leaderboard.

use egui::RichText;

use super::question::{feedback_ui, option_button};
use super::{QuizRuntime, pressed};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
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
    let now = ui.input(|i| i.time);
    let countdown = runtime.setup.countdown;
    let Some(session) = &mut runtime.session else {
        return;
    };
    let before = session.position;
    if pressed(ui, egui::Key::Space) {
        session.toggle_reveal();
    }
    if pressed(ui, egui::Key::ArrowRight) || pressed(ui, egui::Key::ArrowDown) {
        session.next();
    }
    if pressed(ui, egui::Key::ArrowLeft) || pressed(ui, egui::Key::ArrowUp) {
        session.previous();
    }
    if session.position != before || session.finished {
        runtime.deadline = None;
    }
    let Some(session) = &mut runtime.session else {
        return;
    };
    if session.finished {
        return;
    }
    let Some(question) = session.question().cloned() else {
        session.finished = true;
        return;
    };
    let answer = session.answer().cloned().unwrap_or_default();
    // The countdown runs while the answer is hidden; at zero it is revealed.
    let mut remaining = None;
    if let Some(seconds) = countdown
        && !answer.revealed
    {
        let deadline = *runtime.deadline.get_or_insert(now + f64::from(seconds));
        let left = deadline - now;
        if left <= 0.0 {
            session.toggle_reveal();
            runtime.deadline = None;
        } else {
            remaining = Some(left.ceil());
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(200));
        }
    }
    let answer = session.answer().cloned().unwrap_or_default();
    let shows_answer = session.shows_answer();
    let position = session.position;
    let total = session.quiz.questions.len();
    let code = session.quiz.code;

    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "quiz.class_question_of",
                &[("n", &(position + 1)), ("total", &total)],
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
            if ui.button(tr("quiz.class_end")).clicked()
                && let Some(session) = &mut runtime.session
            {
                session.finished = true;
            }
            if let Some(code) = code {
                ui.label(
                    RichText::new(trf("quiz.code_shown", &[("code", &code)])).size(12.0 * scale),
                );
            }
        });
    });
    ui.separator();
    let mut reveal = false;
    egui::ScrollArea::vertical()
        .id_salt("quiz_class")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(10.0);
            ui.label(RichText::new(&question.prompt).size(22.0 * scale).strong());
            ui.add_space(16.0);
            for (index, option) in question.options.iter().enumerate() {
                option_button(
                    ui,
                    &question,
                    &answer,
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
                    feedback_ui(ui, dataset, &question, &answer, commands);
                });
            } else {
                reveal = ui
                    .button(RichText::new(tr("quiz.reveal")).size(14.0 * scale))
                    .clicked();
            }
            ui.add_space(8.0);
            ui.weak(tr("quiz.class_keys"));
        });
    if reveal && let Some(session) = &mut runtime.session {
        session.toggle_reveal();
    }
}
