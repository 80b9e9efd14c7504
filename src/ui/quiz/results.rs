//! The end of a quiz: the score and how each topic went, "Practise the ones
//! I got wrong", then every question with the answer given, the right
//! answer, the explanation and one "Read in source".

use egui::RichText;

use super::bar::bar_ui;
use super::feedback::{RIGHT, WRONG, feedback_ui, right_answer_text};
use super::labels::topic_label;
use super::runtime::QuizRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::Question;
use crate::quiz::session::{Answer, Mode, Session};
use crate::quiz::worksheet::letter;
use crate::ui::command::Command;

/// The room left empty between the review and the band at the bottom.
const REVIEW_MARGIN: f32 = 40.0;

/// What the buttons above the review were asked to do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    /// Nothing yet.
    Stay,
    /// The same quiz again, in the same mode.
    Again,
    /// A Practice session of the questions answered wrong.
    WrongOnes,
    /// Back to the setup screen.
    New,
}

/// Draws the score, its buttons and how each topic went, the review of
/// every question, and the quiz code in the band at the bottom (where the
/// button that ended the quiz was: nothing there to click twice).
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
    let then = score_ui(ui, session);
    if session.mode != Mode::Class {
        topics_ui(ui, session);
    }
    // Copied only when Export… is clicked, not each frame.
    let session = &runtime.session;
    super::export::export_ui(ui, dataset, &mut runtime.export, || {
        session.as_ref().map(|s| s.quiz.clone())
    });
    let Some(session) = &runtime.session else {
        return;
    };
    ui.separator();
    bar_ui(ui, "quiz_bar", |ui| {
        if let Some(code) = session.quiz.code {
            ui.label(trf("quiz.code_again", &[("code", &code)]));
        }
    });
    ui.label(RichText::new(tr("quiz.review_heading")).strong().size(18.0));
    // The review stops a button's height short of the band: a link half
    // scrolled out at its foot reaches no lower than that, and so never lies
    // where the button that ended the quiz was.
    egui::ScrollArea::vertical()
        .id_salt("quiz_review")
        .auto_shrink([false, false])
        .max_height((ui.available_height() - REVIEW_MARGIN).max(0.0))
        .show(ui, |ui| {
            ui.set_max_width(820.0);
            for number in 0..session.quiz.questions.len() {
                reviewed_ui(ui, dataset, session, number, commands);
            }
        });
    match then {
        Then::Stay => {}
        Then::Again => {
            let (quiz, mode) = (session.quiz.clone(), session.mode);
            runtime.start(quiz, mode);
        }
        Then::WrongOnes => {
            if let Some(quiz) = session.wrong_ones_quiz() {
                runtime.start(quiz, Mode::Practice);
            }
        }
        Then::New => runtime.back_to_setup(),
    }
}

/// The score (or, in Class mode, how many questions there were) on one line
/// with the buttons: the same quiz again, the wrong ones again, a new quiz.
/// They sit level with the setup screen's heading, where it has nothing to
/// click.
fn score_ui(ui: &mut egui::Ui, session: &Session) -> Then {
    let (right, answered) = session.score();
    let total = session.quiz.questions.len();
    let wrong = answered - right;
    let mut then = Then::Stay;
    ui.horizontal_wrapped(|ui| {
        if session.mode == Mode::Class {
            ui.heading(trf("quiz.class_end_heading", &[("total", &total)]));
        } else {
            ui.heading(trf(
                "quiz.final_score",
                &[("right", &right), ("total", &total)],
            ));
        }
        ui.add_space(12.0);
        if ui.button(tr("quiz.same_again")).clicked() {
            then = Then::Again;
        }
        if session.mode != Mode::Class
            && ui
                .add_enabled(
                    wrong > 0,
                    egui::Button::new(trf("quiz.practise_wrong", &[("n", &wrong)])),
                )
                .on_hover_text(tr("quiz.practise_wrong_hint"))
                .clicked()
        {
            then = Then::WrongOnes;
        }
        if ui.button(tr("quiz.new_quiz")).clicked() {
            then = Then::New;
        }
    });
    if session.mode != Mode::Class && answered < total {
        ui.label(trf("quiz.unanswered", &[("n", &(total - answered))]));
    }
    then
}

/// Right of answered for each topic of the quiz.
fn topics_ui(ui: &mut egui::Ui, session: &Session) {
    ui.add_space(4.0);
    ui.label(RichText::new(tr("quiz.by_topic")).strong());
    egui::Grid::new("quiz_by_topic")
        .num_columns(2)
        .spacing([24.0, 2.0])
        .show(ui, |ui| {
            for tally in session.by_topic() {
                ui.label(topic_label(tally.topic));
                ui.label(trf(
                    "quiz.topic_tally",
                    &[
                        ("right", &tally.right),
                        ("answered", &tally.answered),
                        ("total", &tally.total),
                    ],
                ));
                ui.end_row();
            }
        });
}

/// Question `number` of the review: right or wrong, the answer given, the
/// right answer, the explanation and its source.
fn reviewed_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    session: &Session,
    number: usize,
    commands: &mut Vec<Command>,
) {
    let (Some(question), Some(answer)) = (
        session.quiz.questions.get(number),
        session.answers.get(number),
    ) else {
        return;
    };
    let mode = session.mode;
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
    let given = given_text(question, answer);
    if answer.confirmed {
        ui.label(trf("quiz.your_answer", &[("answer", &given)]));
    } else if !answer.chosen.is_empty() {
        // Picked, then left: said, so that it is not lost without a word.
        ui.label(trf("quiz.your_pick_not_confirmed", &[("answer", &given)]));
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

/// The options chosen, lettered, in the order chosen.
fn given_text(question: &Question, answer: &Answer) -> String {
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
    given.join(tr("quiz.then"))
}
