//! An option and what is said of it once the answer is shown: the option
//! buttons, right and wrong, the explanation and "Read in source". Shared by
//! the question, Class mode and the review at the end.

use egui::{Color32, RichText};

use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::Question;
use crate::quiz::session::Answer;
use crate::quiz::worksheet::letter;
use crate::ui::command::Command;

/// Right and wrong, readable on both themes.
pub const RIGHT: Color32 = Color32::from_rgb(0x2E, 0x8B, 0x57);
/// See [`RIGHT`].
pub const WRONG: Color32 = Color32::from_rgb(0xC0, 0x39, 0x2B);

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

/// "Read in source" buttons for a question's sources.
fn sources_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    question: &Question,
    commands: &mut Vec<Command>,
) {
    for source in &question.sources {
        crate::ui::widgets::read_in_source(ui, dataset, source, commands);
    }
}
