//! The end of a quiz: the score, then every question with the answer given,
//! the right answer, the explanation and its source.

use egui::RichText;

use super::feedback::{RIGHT, WRONG, feedback_ui, right_answer_text};
use super::runtime::QuizRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::Question;
use crate::quiz::session::{Answer, Mode, Session};
use crate::quiz::worksheet::letter;
use crate::ui::command::Command;

/// Draws the score and the review of every question.
pub fn results_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
) {
    let Some(session) = &runtime.session else {
        return;
    };
    ui.add_space(8.0);
    let (again, new) = score_ui(ui, session);
    ui.separator();
    ui.label(RichText::new(tr("quiz.review_heading")).strong().size(18.0));
    egui::ScrollArea::vertical()
        .id_salt("quiz_review")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            for (number, (question, answer)) in session
                .quiz
                .questions
                .iter()
                .zip(&session.answers)
                .enumerate()
            {
                reviewed_ui(
                    ui,
                    dataset,
                    session.mode,
                    number,
                    question,
                    answer,
                    commands,
                );
            }
        });
    if again && let Some(session) = &runtime.session {
        let (quiz, mode) = (session.quiz.clone(), session.mode);
        runtime.start(quiz, mode);
    }
    if new {
        runtime.session = None;
    }
}

/// The score (or, in Class mode, how many questions there were), the code,
/// and the buttons to take the same quiz again or a new one; returns which
/// was clicked.
fn score_ui(ui: &mut egui::Ui, session: &Session) -> (bool, bool) {
    let (right, answered) = session.score();
    let total = session.quiz.questions.len();
    if session.mode == Mode::Class {
        ui.heading(trf("quiz.class_end_heading", &[("total", &total)]));
    } else {
        ui.heading(trf(
            "quiz.final_score",
            &[("right", &right), ("total", &total)],
        ));
        if answered < total {
            ui.label(trf("quiz.unanswered", &[("n", &(total - answered))]));
        }
    }
    if let Some(code) = session.quiz.code {
        ui.label(trf("quiz.code_again", &[("code", &code)]));
    }
    let mut again = false;
    let mut new = false;
    ui.horizontal_wrapped(|ui| {
        again = ui.button(tr("quiz.same_again")).clicked();
        new = ui.button(tr("quiz.new_quiz")).clicked();
    });
    (again, new)
}

/// Question `number` of the review: right or wrong, the answer given, the
/// right answer, the explanation and its source.
fn reviewed_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    mode: Mode,
    number: usize,
    question: &Question,
    answer: &Answer,
    commands: &mut Vec<Command>,
) {
    ui.add_space(8.0);
    let mark = if !answer.confirmed {
        RichText::new(tr("quiz.mark_not_answered")).italics()
    } else if question.is_correct(&answer.chosen) {
        RichText::new(tr("quiz.mark_right")).color(RIGHT).strong()
    } else {
        RichText::new(tr("quiz.mark_wrong")).color(WRONG).strong()
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}.", number + 1)).strong());
        ui.label(RichText::new(&question.prompt).strong());
        if mode != Mode::Class {
            ui.label(mark);
        }
    });
    if answer.confirmed {
        let given: Vec<String> = answer
            .chosen
            .iter()
            .filter_map(|&i| {
                question
                    .options
                    .get(i)
                    .map(|o| format!("{}. {o}", letter(i)))
            })
            .collect();
        ui.label(trf(
            "quiz.your_answer",
            &[("answer", &given.join(tr("quiz.then")))],
        ));
    }
    ui.label(trf(
        "quiz.right_answer",
        &[("answer", &right_answer_text(question))],
    ));
    let mut shown = answer.clone();
    shown.revealed = true;
    // The review says right or wrong above; the feedback's own line is for Practice.
    shown.confirmed = false;
    feedback_ui(ui, dataset, question, &shown, commands);
    ui.separator();
}
