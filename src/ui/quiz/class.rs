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
/// text, and handles its keys; `on_stage` when it fills the screen (F5),
/// where Esc leaves the stage rather than ending the quiz.
pub fn class_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
    (scale, on_stage): (f32, bool),
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
            // On the stage the question "End the quiz?" grows with it.
            let stage = (scale / CLASS_SCALE).max(1.0);
            for font in ui.style_mut().text_styles.values_mut() {
                font.size *= stage;
            }
            ending_ui(ui, session, &mut actions);
        } else {
            // Read by the teacher from the room: grown with the stage.
            let keys = if on_stage {
                tr("quiz.class_keys_stage")
            } else {
                tr("quiz.class_keys")
            };
            ui.label(RichText::new(keys).size(8.0 * scale).weak());
        }
    });
    body_ui(
        ui,
        dataset,
        session,
        (scale, on_stage),
        &mut actions,
        commands,
    );
    for action in actions {
        runtime.act(action);
    }
}

/// The question's body in its scroll area. On the stage the question and its
/// options (and, revealed, the explanation) are set smaller until they fit the
/// screen: a class cannot scroll the projector. In the window they scroll.
fn body_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    session: &Session,
    (scale, on_stage): (f32, bool),
    actions: &mut Vec<QuizAction>,
    commands: &mut Vec<Command>,
) {
    let revealed = session.answer().is_some_and(|a| a.revealed);
    let fit_id = egui::Id::unique("quiz_class_fit").with((session.position, revealed));
    let fit = if on_stage {
        ui.data(|d| d.get_temp::<f32>(fit_id)).unwrap_or(1.0)
    } else {
        1.0
    };
    let output = egui::ScrollArea::vertical()
        .id_salt("quiz_class")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if session.asking_to_end {
                ui.disable();
            }
            // On the stage the explanation shrinks with the rest, a little
            // under the options but never below what a room can read.
            let explanation =
                on_stage.then(|| (OPTION_SIZE * scale * fit * 0.8).max(READABLE_EXPLANATION));
            let sizes = (scale * fit, explanation);
            class_body_ui(ui, dataset, session, sizes, actions, commands);
        });
    if on_stage {
        let (room, content) = (output.inner_rect.height(), output.content_size.y);
        // Never so small that the room cannot read the options: what
        // still does not fit (a long explanation, whose size is the
        // window's) scrolls.
        let floor = (READABLE_OPTION / (OPTION_SIZE * scale)).max(MIN_FIT);
        if let Some(next) = next_fit(fit, room, content, floor) {
            ui.data_mut(|d| d.insert_temp(fit_id, next));
            ui.ctx().request_repaint();
        }
    }
}

/// The next fit factor of the stage's question, when `content` points tall
/// at `fit` does not fill `room` as it should: smaller when it runs over (a
/// little under the ratio, as wrapping does not shrink in proportion), never
/// below `floor`; `None` when it fits.
fn next_fit(fit: f32, room: f32, content: f32, floor: f32) -> Option<f32> {
    if content <= room || room <= 0.0 || fit <= floor {
        return None;
    }
    Some((fit * room / content * 0.97).max(floor))
}

/// The smallest the stage's question is set, against its usual size.
const MIN_FIT: f32 = 0.34;

/// An option's size in points, before the class scale.
const OPTION_SIZE: f32 = 17.0;

/// The smallest an option is set on the stage, in points.
const READABLE_OPTION: f32 = 14.0;

/// The smallest the explanation is set on the stage, in points.
const READABLE_EXPLANATION: f32 = 13.0;

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
            let end = RichText::new(tr("quiz.class_end")).size(12.0 * scale);
            if !session.asking_to_end && ui.button(end).clicked() {
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
    (scale, explanation): (f32, Option<f32>),
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
            OPTION_SIZE * scale,
        );
        ui.add_space(4.0);
    }
    ui.add_space(10.0);
    if shows_answer {
        ui.scope(|ui| {
            let style = ui.style_mut();
            if let Some(size) = explanation {
                style
                    .text_styles
                    .insert(egui::TextStyle::Heading, egui::FontId::proportional(size));
            }
            style.override_text_style = Some(egui::TextStyle::Heading);
            feedback_ui(ui, dataset, question, answer, commands);
        });
    } else if ui
        .button(RichText::new(tr("quiz.reveal")).size(14.0 * scale))
        .clicked()
    {
        actions.push(QuizAction::Reveal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fit_shrinks_to_the_room_but_not_below_its_floor() {
        assert_eq!(next_fit(1.0, 500.0, 400.0, MIN_FIT), None);
        let next = next_fit(1.0, 500.0, 1000.0, MIN_FIT).unwrap_or_default();
        assert!((next - 0.485).abs() < 0.001, "{next}");
        assert_eq!(next_fit(1.0, 500.0, 5000.0, 0.6), Some(0.6));
        // At the floor, what does not fit scrolls.
        assert_eq!(next_fit(0.6, 500.0, 5000.0, 0.6), None);
    }
}
