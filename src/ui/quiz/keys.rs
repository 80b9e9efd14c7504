//! The quiz's keys, each turned into a [`QuizAction`] that the views apply
//! as they apply a click.

use egui::Key;

use crate::quiz::action::QuizAction;
use crate::quiz::memory::Grade;

/// The actions of the keys pressed on a question of Practice, Test or
/// Review: 1–8 or A–H choose, Enter confirms (then goes on), Right and Left
/// move between questions, Esc asks to end. Taken in that order. Once an
/// answer can be rated (`rating`), 1–4 rate it Again, Hard, Good or Easy,
/// as in Anki; the letters still choose (which does nothing then).
pub fn question_keys(ui: &egui::Ui, rating: bool) -> Vec<QuizAction> {
    let mut actions = Vec::new();
    if rating && let Some(grade) = grade_key(ui) {
        actions.push(QuizAction::Rate(grade));
    }
    if let Some(index) = option_key(ui) {
        actions.push(QuizAction::Choose(index));
    }
    if pressed(ui, Key::Enter) {
        actions.push(QuizAction::Confirm);
    }
    if pressed(ui, Key::ArrowRight) {
        actions.push(QuizAction::Next);
    }
    if pressed(ui, Key::ArrowLeft) {
        actions.push(QuizAction::Previous);
    }
    if pressed(ui, Key::Escape) {
        actions.push(QuizAction::AskToEnd);
    }
    actions
}

/// The keys while "End the quiz?" is asked: Enter ends, Esc keeps going.
/// No other key of the quiz acts meanwhile.
pub fn ending_keys(ui: &egui::Ui) -> Vec<QuizAction> {
    let mut actions = Vec::new();
    if pressed(ui, Key::Enter) {
        actions.push(QuizAction::End);
    }
    if pressed(ui, Key::Escape) {
        actions.push(QuizAction::KeepGoing);
    }
    actions
}

/// The actions of the keys pressed in Class mode and on the presentation
/// stage: Space reveals, Right or Down goes on, Left or Up goes back, Esc
/// asks to end (on the stage Esc leaves the stage first).
pub fn class_keys(ui: &egui::Ui) -> Vec<QuizAction> {
    let mut actions = Vec::new();
    if pressed(ui, Key::Space) {
        actions.push(QuizAction::Reveal);
    }
    if pressed(ui, Key::ArrowRight) || pressed(ui, Key::ArrowDown) {
        actions.push(QuizAction::Next);
    }
    if pressed(ui, Key::ArrowLeft) || pressed(ui, Key::ArrowUp) {
        actions.push(QuizAction::Previous);
    }
    if pressed(ui, Key::Escape) {
        actions.push(QuizAction::AskToEnd);
    }
    actions
}

/// A key that rates an answer: 1 Again, 2 Hard, 3 Good, 4 Easy.
fn grade_key(ui: &egui::Ui) -> Option<Grade> {
    const KEYS: [Key; 4] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    ui.input_mut(|i| {
        KEYS.iter()
            .position(|&key| i.consume_key(egui::Modifiers::NONE, key))
            .and_then(|p| Grade::ALL.get(p).copied())
    })
}

/// A key that chooses an option: 1–8 or A–H.
fn option_key(ui: &egui::Ui) -> Option<usize> {
    const KEYS: [(Key, Key); 8] = [
        (Key::Num1, Key::A),
        (Key::Num2, Key::B),
        (Key::Num3, Key::C),
        (Key::Num4, Key::D),
        (Key::Num5, Key::E),
        (Key::Num6, Key::F),
        (Key::Num7, Key::G),
        (Key::Num8, Key::H),
    ];
    ui.input_mut(|i| {
        KEYS.iter().position(|&(number, letter)| {
            i.consume_key(egui::Modifiers::NONE, number)
                || i.consume_key(egui::Modifiers::NONE, letter)
        })
    })
}

/// Whether a text field has the keyboard, so that letters are typing, not answers.
pub fn typing(ui: &egui::Ui) -> bool {
    ui.ctx().text_edit_focused()
}

/// Whether `key` was pressed (and takes it, so no other widget acts on it).
fn pressed(ui: &egui::Ui, key: Key) -> bool {
    ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key))
}
