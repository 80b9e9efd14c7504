//! One question at a time, for Practice, Test and Review: lettered options,
//! feedback and the explanation with its source where the mode gives them.
//! Keys and clicks alike become [`QuizAction`]s, applied by
//! [`QuizRuntime::act`].

use egui::RichText;

use super::bar::{bar_ui, ending_ui, slot_button};
use super::feedback::{feedback_ui, option_button};
use super::keys::{ending_keys, question_keys, typing};
use super::labels::{kind_label, mode_label};
use super::runtime::QuizRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::action::QuizAction;
use crate::quiz::memory::Grade;
use crate::quiz::session::{Mode, Session};
use crate::ui::command::Command;

/// Draws the question shown and handles its keys: 1–4 or A–D choose, Enter
/// confirms (then goes on), Right and Left move between questions, Esc asks
/// to end, and once answered in Practice or Review 1–4 rate the answer;
/// while the end is asked about, Enter ends and Esc keeps going.
pub fn question_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
) {
    let Some(session) = &mut runtime.session else {
        return;
    };
    if session.question().is_none() {
        session.finished = true;
        return;
    }
    let asking = session.asking_to_end;
    if !typing(ui) {
        let keys = if asking {
            ending_keys(ui)
        } else {
            question_keys(ui, session.can_rate())
        };
        for action in keys {
            runtime.act(action);
        }
    }
    // Keys may have moved on: draw the question now shown.
    let Some(session) = &runtime.session else {
        return;
    };
    let mut actions = Vec::new();
    ui.add_space(8.0);
    header_ui(ui, session, &mut actions);
    ui.separator();
    bar_ui(ui, "quiz_bar", |ui| {
        if session.asking_to_end {
            ending_ui(ui, session, &mut actions);
        } else {
            buttons_ui(ui, session, &mut actions);
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("quiz_question")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(760.0);
            // Until the end is answered, the question waits.
            if session.asking_to_end {
                ui.disable();
            }
            body_ui(ui, dataset, session, &mut actions, commands);
        });
    for action in actions {
        runtime.act(action);
    }
}

/// The line above the question: mode and place, the score so far (or how
/// many are answered, in a test), the quiz code and "End quiz".
fn header_ui(ui: &mut egui::Ui, session: &Session, actions: &mut Vec<QuizAction>) {
    let mode = session.mode;
    let total = session.quiz.questions.len();
    let (right_so_far, answered) = session.score();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "quiz.question_of",
                &[
                    ("mode", &mode_label(mode)),
                    ("n", &(session.position + 1)),
                    ("total", &total),
                ],
            ))
            .strong(),
        );
        if mode.gives_feedback() {
            ui.label(trf(
                "quiz.score_so_far",
                &[("right", &right_so_far), ("answered", &answered)],
            ));
        } else {
            ui.label(trf(
                "quiz.answered_so_far",
                &[("answered", &answered), ("total", &total)],
            ));
        }
        if let Some(code) = session.quiz.code {
            ui.weak(trf("quiz.code_shown", &[("code", &code)]));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Asked already: the band below answers it.
            if !session.asking_to_end
                && ui
                    .button(tr("quiz.end_quiz"))
                    .on_hover_text(tr("quiz.end_quiz_hint"))
                    .clicked()
            {
                actions.push(QuizAction::AskToEnd);
            }
        });
    });
}

/// The prompt, the options as buttons, the buttons that confirm and go on,
/// and the feedback once the answer is shown.
fn body_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    session: &Session,
    actions: &mut Vec<QuizAction>,
    commands: &mut Vec<Command>,
) {
    let (Some(question), Some(answer)) = (session.question(), session.answer()) else {
        return;
    };
    let shows_answer = session.shows_answer();
    ui.add_space(8.0);
    ui.label(RichText::new(kind_label(question.kind)).small().weak());
    ui.label(RichText::new(&question.prompt).size(22.0));
    ui.add_space(10.0);
    if question.kind.is_ordering() {
        ui.weak(tr("quiz.order_hint"));
    }
    for (index, option) in question.options.iter().enumerate() {
        if option_button(ui, question, answer, index, option, shows_answer, 17.0).clicked() {
            actions.extend(QuizAction::clicked_option(session, index));
        }
    }
    if shows_answer {
        ui.add_space(10.0);
        feedback_ui(ui, dataset, question, answer, commands);
    }
    if session.can_rate() {
        ui.add_space(8.0);
        rating_ui(ui, answer.grade, actions);
    }
}

/// "How well did you know it?" with Again, Hard, Good and Easy, as Anki asks
/// after each card (keys 1 to 4); the one given is shown selected. Right or
/// wrong is already counted: the rating only sets when the question returns.
fn rating_ui(ui: &mut egui::Ui, given: Option<Grade>, actions: &mut Vec<QuizAction>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr("quiz.rate_prompt")).strong());
        for (key, grade) in (1..).zip(Grade::ALL) {
            let text = format!("{key} · {}", grade_label(grade));
            let button =
                egui::Button::new(RichText::new(text).size(15.0)).selected(given == Some(grade));
            let hint = trf("quiz.rate_hint", &[("key", &key)]);
            if ui.add(button).on_hover_text(hint).clicked() {
                actions.push(QuizAction::Rate(grade));
            }
        }
    });
}

/// Again, Hard, Good, Easy in the current language.
pub fn grade_label(grade: Grade) -> &'static str {
    match grade {
        Grade::Again => tr("quiz.grade_again"),
        Grade::Hard => tr("quiz.grade_hard"),
        Grade::Good => tr("quiz.grade_good"),
        Grade::Easy => tr("quiz.grade_easy"),
    }
}

/// The band's buttons: "Start the order again" and "Confirm" at the left;
/// in the slot at the right, "Next question" (or "Finish") once answered,
/// "Skip" where the question may be left for later (a test, or a choice
/// picked but not confirmed: it is kept, and counts once confirmed).
fn buttons_ui(ui: &mut egui::Ui, session: &Session, actions: &mut Vec<QuizAction>) {
    let (Some(question), Some(answer)) = (session.question(), session.answer()) else {
        return;
    };
    let mode = session.mode;
    if question.kind.is_ordering()
        && !answer.confirmed
        && !answer.chosen.is_empty()
        && ui.button(tr("quiz.order_again")).clicked()
    {
        actions.push(QuizAction::Clear);
    }
    if session.can_confirm() {
        let label = if mode == Mode::Test {
            tr("quiz.confirm_and_go_on")
        } else {
            tr("quiz.confirm")
        };
        let button = egui::Button::new(RichText::new(label).size(16.0).strong());
        // A key's name, as printed on the keyboard.
        if ui.add(button).on_hover_text("Enter").clicked() {
            actions.push(QuizAction::Confirm);
        }
    }
    let picked = session.picked_not_confirmed();
    if picked {
        ui.weak(tr("quiz.picked_not_confirmed"));
    }
    let last = session.position + 1 == session.quiz.questions.len();
    let label = if answer.confirmed {
        if last {
            tr("quiz.finish")
        } else {
            tr("quiz.next_question")
        }
    } else if mode == Mode::Test || picked {
        if picked {
            tr("quiz.skip_keep")
        } else {
            tr("quiz.skip")
        }
    } else {
        return;
    };
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if slot_button(ui, label, tr("quiz.next_hint")).clicked() {
            actions.push(QuizAction::Next);
        }
    });
}
