//! The end of a quiz: the score, then every question with the answer given,
//! the right answer, the explanation and its source.

use egui::RichText;

use super::QuizRuntime;
use super::question::{RIGHT, WRONG, feedback_ui, right_answer_text};
use crate::dataset::Dataset;
use crate::quiz::session::Mode;
use crate::quiz::worksheet::letter;
use crate::ui::app::Command;

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
    let (right, answered) = session.score();
    let total = session.quiz.questions.len();
    let mode = session.mode;
    let mut again = false;
    let mut new = false;
    ui.add_space(8.0);
    if mode == Mode::Class {
        ui.heading(format!("End of the quiz: {total} questions"));
    } else {
        ui.heading(format!("Score: {right} of {total}"));
        if answered < total {
            ui.label(format!("{} question(s) left unanswered.", total - answered));
        }
    }
    if let Some(code) = session.quiz.code {
        ui.label(format!(
            "Quiz code {code}: type it in to take the same quiz again."
        ));
    }
    ui.horizontal(|ui| {
        again = ui.button("Take the same quiz again").clicked();
        new = ui.button("New quiz").clicked();
    });
    ui.separator();
    ui.label(RichText::new("Review").strong().size(18.0));
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
                ui.add_space(8.0);
                let mark = if !answer.confirmed {
                    RichText::new("not answered").italics()
                } else if question.is_correct(&answer.chosen) {
                    RichText::new("right").color(RIGHT).strong()
                } else {
                    RichText::new("wrong").color(WRONG).strong()
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
                    ui.label(format!("Your answer: {}", given.join(", then ")));
                }
                ui.label(format!("Right answer: {}", right_answer_text(question)));
                let mut shown = answer.clone();
                shown.revealed = true;
                // The review says right or wrong above; the feedback's own line is for Practice.
                shown.confirmed = false;
                feedback_ui(ui, dataset, question, &shown, commands);
                ui.separator();
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
