//! One question at a time, for Practice, Test and Review: lettered options,
//! feedback and the explanation with its source where the mode gives them.

use egui::{Color32, RichText};

use super::{QuizRuntime, kind_label, mode_label, option_key, pressed, sources_ui, typing};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::Question;
use crate::quiz::session::{Answer, Mode};
use crate::quiz::worksheet::letter;
use crate::ui::command::Command;

/// Right and wrong, readable on both themes.
pub const RIGHT: Color32 = Color32::from_rgb(0x2E, 0x8B, 0x57);
/// See [`RIGHT`].
pub const WRONG: Color32 = Color32::from_rgb(0xC0, 0x39, 0x2B);

/// Draws the question shown and handles its keys: 1–4 or A–D choose, Enter
/// confirms (then goes on), Right and Left move between questions.
pub fn question_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
) {
    let Some(session) = &mut runtime.session else {
        return;
    };
    let Some(question) = session.question().cloned() else {
        session.finished = true;
        return;
    };
    let mode = session.mode;
    let mut confirmed_now = None;
    if !typing(ui) {
        if let Some(index) = option_key(ui) {
            session.choose(index);
        }
        if pressed(ui, egui::Key::Enter) {
            if session.can_confirm() {
                confirmed_now = session.confirm();
                if mode == Mode::Test {
                    session.next();
                }
            } else if session.answer().is_some_and(|a| a.confirmed) {
                session.next();
            }
        }
        if pressed(ui, egui::Key::ArrowRight) {
            session.next();
        }
        if pressed(ui, egui::Key::ArrowLeft) {
            session.previous();
        }
    }
    // Keys may have moved on: draw the question now shown.
    let Some(question) = session.question().cloned().or(Some(question)) else {
        return;
    };
    let answer = session.answer().cloned().unwrap_or_default();
    let position = session.position;
    let total = session.quiz.questions.len();
    let (right_so_far, answered) = session.score();
    let shows_answer = session.shows_answer();
    let code = session.quiz.code;

    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "quiz.question_of",
                &[
                    ("mode", &mode_label(mode)),
                    ("n", &(position + 1)),
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
        if let Some(code) = code {
            ui.weak(trf("quiz.code_shown", &[("code", &code)]));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(tr("quiz.end_quiz"))
                .on_hover_text(tr("quiz.end_quiz_hint"))
                .clicked()
                && let Some(session) = &mut runtime.session
            {
                session.finished = true;
            }
        });
    });
    ui.separator();
    let mut clicked = None;
    let mut clear = false;
    let mut confirm = false;
    let mut next = false;
    egui::ScrollArea::vertical()
        .id_salt("quiz_question")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(760.0);
            ui.add_space(8.0);
            ui.label(RichText::new(kind_label(question.kind)).small().weak());
            ui.label(RichText::new(&question.prompt).size(22.0));
            ui.add_space(10.0);
            if question.kind.is_ordering() {
                ui.weak(tr("quiz.order_hint"));
            }
            for (index, option) in question.options.iter().enumerate() {
                if option_button(ui, &question, &answer, index, option, shows_answer, 17.0)
                    .clicked()
                {
                    clicked = Some(index);
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if question.kind.is_ordering() && !answer.confirmed && !answer.chosen.is_empty() {
                    clear = ui.button(tr("quiz.order_again")).clicked();
                }
                let can_confirm = !answer.confirmed
                    && if question.kind.is_ordering() {
                        answer.chosen.len() == question.options.len()
                    } else {
                        answer.chosen.len() == 1
                    };
                if can_confirm {
                    let label = if mode == Mode::Test {
                        tr("quiz.confirm_and_go_on")
                    } else {
                        tr("quiz.confirm")
                    };
                    // A key's name, as printed on the keyboard.
                    confirm = ui.button(label).on_hover_text("Enter").clicked();
                }
                if answer.confirmed || mode == Mode::Test {
                    let label = if position + 1 == total {
                        tr("quiz.finish")
                    } else {
                        tr("quiz.next_question")
                    };
                    next = ui
                        .button(label)
                        .on_hover_text(tr("quiz.next_hint"))
                        .clicked();
                }
            });
            if shows_answer {
                ui.add_space(10.0);
                feedback_ui(ui, dataset, &question, &answer, commands);
            }
        });

    let Some(session) = &mut runtime.session else {
        return;
    };
    if let Some(index) = clicked {
        session.choose(index);
        // One click answers a single-answer question where feedback follows.
        if mode.gives_feedback() && !question.kind.is_ordering() {
            confirmed_now = confirmed_now.or(session.confirm());
        }
    }
    if clear {
        session.clear_choice();
    }
    if confirm {
        confirmed_now = confirmed_now.or(session.confirm());
        if mode == Mode::Test {
            session.next();
        }
    }
    if next {
        session.next();
    }
    let finished = session.finished;
    if let Some(right) = confirmed_now
        && mode.records()
    {
        let asked = session
            .quiz
            .questions
            .iter()
            .zip(&session.answers)
            .filter(|(_, a)| a.confirmed)
            .map(|(q, _)| q)
            .find(|q| q.id == question.id)
            .cloned();
        if let Some(asked) = asked {
            runtime.record(&asked, right);
        }
    }
    if finished {
        runtime.record_score();
    }
}

/// One option as a wide button, lettered; coloured once the answer is shown:
/// the right option green, a wrong choice red. For an ordering question, the
/// place given to it ("2nd").
pub fn option_button(
    ui: &mut egui::Ui,
    question: &Question,
    answer: &Answer,
    index: usize,
    option: &str,
    shows_answer: bool,
    size: f32,
) -> egui::Response {
    let chosen_at = answer.chosen.iter().position(|&c| c == index);
    let is_answer = question.answer.first() == Some(&index);
    let mut text = format!("{}.  {option}", letter(index));
    if question.kind.is_ordering()
        && let Some(place) = chosen_at
    {
        text = format!("{text}   — {}", ordinal(place + 1));
    }
    let mut rich = RichText::new(text).size(size);
    let mut fill = None;
    if shows_answer {
        if question.kind.is_ordering() {
            if let Some(place) = question.answer.iter().position(|&a| a == index) {
                let yours = chosen_at.map_or("—".to_owned(), |p| ordinal(p + 1));
                let placed = trf(
                    "quiz.order_place",
                    &[("place", &ordinal(place + 1)), ("yours", &yours)],
                );
                rich =
                    RichText::new(format!("{}.  {option}   — {placed}", letter(index))).size(size);
            }
            fill = Some(
                if chosen_at == question.answer.iter().position(|&a| a == index) {
                    RIGHT.gamma_multiply(0.35)
                } else {
                    WRONG.gamma_multiply(0.35)
                },
            );
        } else if is_answer {
            fill = Some(RIGHT.gamma_multiply(0.45));
        } else if chosen_at.is_some() {
            fill = Some(WRONG.gamma_multiply(0.45));
        }
    }
    let mut button = egui::Button::selectable(chosen_at.is_some(), rich)
        .wrap()
        .min_size(egui::vec2(ui.available_width(), size * 2.0));
    if let Some(fill) = fill {
        button = button.fill(fill);
    }
    ui.add(button)
}

/// "1st", "2nd", "3rd", "4th"… in the current language. The cases are those
/// English needs, plus the numbers whose Turkmen name ends in a back vowel
/// (alty, dokuz, on, otuz, kyrk, altmyş, togsan: "6-njy"), which take
/// `quiz.ordinal_back`; in English that one is "th" like the others.
pub fn ordinal(n: usize) -> String {
    let args: [(&str, &dyn std::fmt::Display); 1] = [("n", &n)];
    match (n % 10, n % 100) {
        (_, 11..=13) => trf("quiz.ordinal_th", &args),
        (1, _) => trf("quiz.ordinal_st", &args),
        (2, _) => trf("quiz.ordinal_nd", &args),
        (3, _) => trf("quiz.ordinal_rd", &args),
        (6 | 9, _) | (0, 10 | 30 | 40 | 60 | 90) => trf("quiz.ordinal_back", &args),
        _ => trf("quiz.ordinal_th", &args),
    }
}

/// The right answer in words; for an ordering question, the options in order.
pub fn right_answer_text(question: &Question) -> String {
    if question.kind.is_ordering() {
        question
            .answer
            .iter()
            .filter_map(|&i| question.options.get(i))
            .cloned()
            .collect::<Vec<_>>()
            .join(tr("quiz.then"))
    } else {
        question.answer_text().to_owned()
    }
}

/// Right or wrong, the explanation quoting the source, and "Read in source".
pub fn feedback_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    question: &Question,
    answer: &Answer,
    commands: &mut Vec<Command>,
) {
    if answer.confirmed {
        if question.is_correct(&answer.chosen) {
            ui.label(
                RichText::new(tr("quiz.feedback_right"))
                    .color(RIGHT)
                    .strong()
                    .size(18.0),
            );
        } else {
            let right = right_answer_text(question);
            ui.label(
                RichText::new(trf("quiz.feedback_wrong", &[("answer", &right)]))
                    .color(WRONG)
                    .strong()
                    .size(18.0),
            );
        }
    } else if !answer.revealed {
        ui.label(RichText::new(tr("quiz.feedback_not_answered")).italics());
    }
    ui.label(&question.explanation);
    sources_ui(ui, dataset, question, commands);
}
