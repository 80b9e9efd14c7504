//! The stage's keys.

use egui::Key;

use super::state::Presentation;

/// Smallest and largest presentation scale (1 = text as large as the screen
/// comfortably holds; the first is
/// [`crate::ui::state::PRESENT_SCALE_DEFAULT`]).
const SCALE_MIN: f32 = 0.5;
/// See [`SCALE_MIN`].
const SCALE_MAX: f32 = 2.5;

/// The stage's own keys, in every view: Esc leaves (then returns false), B
/// blanks, + and − change the text scale.
pub fn stage_keys(ui: &egui::Ui, presentation: &mut Presentation, scale: &mut f32) -> bool {
    let (escape, blank, larger, smaller) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::Escape),
            i.consume_key(egui::Modifiers::NONE, Key::B),
            i.consume_key(egui::Modifiers::NONE, Key::Plus)
                || i.consume_key(egui::Modifiers::NONE, Key::Equals),
            i.consume_key(egui::Modifiers::NONE, Key::Minus),
        )
    });
    if escape {
        presentation.stop(ui.ctx());
        return false;
    }
    if blank {
        presentation.blank = !presentation.blank;
    }
    if larger {
        *scale = (*scale + 0.125).min(SCALE_MAX);
    }
    if smaller {
        *scale = (*scale - 0.125).max(SCALE_MIN);
    }
    true
}

/// The keys that step through `count` slides and their parts (the quiz has
/// its own).
pub fn slide_keys(ui: &egui::Ui, presentation: &mut Presentation, count: usize) {
    let (next, previous, first, last) = ui.input_mut(|i| {
        let mut any = |keys: &[Key]| {
            keys.iter()
                .any(|&k| i.consume_key(egui::Modifiers::NONE, k))
        };
        (
            any(&[Key::ArrowRight, Key::ArrowDown, Key::Space, Key::PageDown]),
            any(&[Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace]),
            any(&[Key::Home]),
            any(&[Key::End]),
        )
    });
    if next {
        presentation.next(count);
    }
    if previous {
        presentation.previous();
    }
    if first {
        presentation.go_to(0);
    }
    if last {
        presentation.go_to(count.saturating_sub(1));
    }
}
