//! The band at the bottom of the quiz's screens, the same height on each:
//! the buttons that go on (a question), the question "End the quiz?" (a
//! question and Class mode), the quiz code (the results). Because the band
//! holds the buttons that change the screen and each screen keeps its own
//! things in it, a second click of a double click never lands on an option
//! of the next question or on a button of the results.

use egui::RichText;

use crate::i18n::{tr, trf};
use crate::quiz::action::QuizAction;
use crate::quiz::session::{Mode, Session};

/// The band's height, on every screen of the quiz.
pub const BAR_HEIGHT: f32 = 56.0;

/// The width of the slot at the band's right end: the button that goes on
/// is always exactly there, and "End" of the question "End the quiz?" is
/// always left of it, so that a double click on "Finish" keeps going.
pub const SLOT_WIDTH: f32 = 260.0;

/// Shows the band at the bottom of `ui`, its contents centred vertically.
pub fn bar_ui(ui: &mut egui::Ui, id: &'static str, add_contents: impl FnOnce(&mut egui::Ui)) {
    egui::Panel::bottom(id)
        .exact_size(BAR_HEIGHT)
        .show(ui, |ui| {
            ui.horizontal_centered(add_contents);
        });
}

/// A button of the band's right-hand slot, exactly [`SLOT_WIDTH`] wide.
pub fn slot_button(ui: &mut egui::Ui, label: &str, hint: &str) -> egui::Response {
    let button =
        egui::Button::new(RichText::new(label).size(16.0)).min_size(egui::vec2(SLOT_WIDTH, 32.0));
    ui.add_sized([SLOT_WIDTH, 32.0], button).on_hover_text(hint)
}

/// "End the quiz? 3 of 5 answered." with "End" (Enter) and "Keep going"
/// (Esc), drawn right to left in the band: "Keep going" in the slot.
pub fn ending_ui(ui: &mut egui::Ui, session: &Session, actions: &mut Vec<QuizAction>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if slot_button(ui, tr("quiz.keep_going"), "Esc").clicked() {
            actions.push(QuizAction::KeepGoing);
        }
        let end = egui::Button::new(RichText::new(tr("quiz.end_confirm")).size(16.0).strong());
        if ui.add(end).on_hover_text("Enter").clicked() {
            actions.push(QuizAction::End);
        }
        ui.add(egui::Label::new(RichText::new(ending_question(session)).strong()).wrap());
    });
}

/// The question asked before the end, with what is left undone.
pub fn ending_question(session: &Session) -> String {
    let total = session.quiz.questions.len();
    if session.mode == Mode::Class {
        return trf(
            "quiz.end_ask_class",
            &[("n", &(session.position + 1)), ("total", &total)],
        );
    }
    let (_, answered) = session.score();
    let mut text = trf(
        "quiz.end_ask",
        &[("answered", &answered), ("total", &total)],
    );
    let picks = session.picks_not_confirmed();
    if picks > 0 {
        text.push(' ');
        text.push_str(&trf("quiz.end_ask_picks", &[("n", &picks)]));
    }
    text
}
