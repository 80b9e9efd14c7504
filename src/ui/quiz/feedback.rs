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

/// The fill of an option shown right or wrong, and the colour of its text
/// and mark: opaque, so that what it says is readable on its own (at least
/// 4.5:1) whatever the theme and whatever lies behind the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Behind the option.
    pub fill: Color32,
    /// Its text and mark.
    pub text: Color32,
}

/// How the right option is shown in a theme of these `visuals`.
pub fn right_colours(visuals: &egui::Visuals) -> Shown {
    if visuals.dark_mode {
        Shown {
            fill: Color32::from_rgb(0x14, 0x5A, 0x32),
            text: Color32::WHITE,
        }
    } else {
        Shown {
            fill: Color32::from_rgb(0xD3, 0xEE, 0xDC),
            text: Color32::from_rgb(0x0B, 0x3D, 0x1F),
        }
    }
}

/// How a wrong choice is shown in a theme of these `visuals`.
pub fn wrong_colours(visuals: &egui::Visuals) -> Shown {
    if visuals.dark_mode {
        Shown {
            fill: Color32::from_rgb(0x7A, 0x1F, 0x16),
            text: Color32::WHITE,
        }
    } else {
        Shown {
            fill: Color32::from_rgb(0xF6, 0xD5, 0xD1),
            text: Color32::from_rgb(0x6B, 0x12, 0x0A),
        }
    }
}

/// One option as a wide button, lettered. Once the answer is shown, the
/// right option says so in words with a mark ("✔ Right answer") on a green
/// fill, and a wrong choice says "✖ Your answer" on a red one: never colour
/// alone. For an ordering question, the place given to it ("2nd").
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
    let mut shown = None;
    if shows_answer {
        let right = right_colours(ui.visuals());
        let wrong = wrong_colours(ui.visuals());
        if question.kind.is_ordering() {
            if let Some(place) = question.answer.iter().position(|&a| a == index) {
                let yours = chosen_at.map_or("—".to_owned(), |p| ordinal(p + 1));
                let placed = trf(
                    "quiz.order_place",
                    &[("place", &ordinal(place + 1)), ("yours", &yours)],
                );
                text = format!("{}.  {option}   — {placed}", letter(index));
            }
            let placed_right = chosen_at == question.answer.iter().position(|&a| a == index);
            shown = Some(if placed_right {
                (right, Mark::Right)
            } else {
                (wrong, Mark::Wrong)
            });
        } else if is_answer {
            text = format!("{text}   — {}", tr("quiz.right_answer_mark"));
            shown = Some((right, Mark::Right));
        } else if chosen_at.is_some() {
            text = format!("{text}   — {}", tr("quiz.wrong_choice_mark"));
            shown = Some((wrong, Mark::Wrong));
        }
    }
    let mut rich = RichText::new(text).size(size);
    if let Some((colours, _)) = shown {
        rich = rich.color(colours.text).strong();
    }
    let mut button = egui::Button::selectable(chosen_at.is_some(), rich)
        .wrap()
        .min_size(egui::vec2(ui.available_width(), size * 2.0));
    let Some((colours, mark)) = shown else {
        return ui.add(button);
    };
    button = button.fill(colours.fill);
    // Room for the mark inside the fill, left of the letter.
    let gutter = size * 1.6;
    let response = ui
        .scope(|ui| {
            ui.spacing_mut().button_padding.x = gutter;
            ui.add(button)
        })
        .inner;
    let side = size * 0.9;
    let square = egui::Rect::from_center_size(
        egui::pos2(
            response.rect.left() + gutter / 2.0,
            response.rect.center().y,
        ),
        egui::vec2(side, side),
    );
    paint_mark(ui.painter(), square, mark, colours.text);
    response
}

/// The mark drawn beside an option shown: a tick or a cross. Drawn, not a
/// glyph: the app's fonts (egui's defaults and Noto Serif) have neither ✓
/// nor ✗.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Right,
    Wrong,
}

/// Paints `mark` in `square` with `colour`.
fn paint_mark(painter: &egui::Painter, square: egui::Rect, mark: Mark, colour: Color32) {
    let at = |x: f32, y: f32| square.lerp_inside(egui::vec2(x, y));
    let stroke = egui::Stroke::new((square.width() / 7.0).max(2.0), colour);
    match mark {
        Mark::Right => {
            painter.line(vec![at(0.1, 0.55), at(0.4, 0.85), at(0.92, 0.18)], stroke);
        }
        Mark::Wrong => {
            painter.line_segment([at(0.15, 0.15), at(0.85, 0.85)], stroke);
            painter.line_segment([at(0.85, 0.15), at(0.15, 0.85)], stroke);
        }
    }
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

/// The room a "Read in source" takes on one line.
const SOURCE_HEIGHT: f32 = 20.0;

/// One "Read in source" for a question: its first source, the paragraph the
/// explanation quotes (a review of twenty questions is not a wall of buttons).
fn sources_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    question: &Question,
    commands: &mut Vec<Command>,
) {
    let Some(source) = question.sources.first() else {
        return;
    };
    // Scrolled out of a review, the button is only room kept: a hidden
    // button still takes clicks at its place in the window's tree.
    let probe = egui::Rect::from_min_size(
        ui.next_widget_position(),
        egui::vec2(ui.available_width(), SOURCE_HEIGHT),
    );
    if ui.is_rect_visible(probe) {
        crate::ui::widgets::read_in_source(ui, dataset, source, commands);
    } else {
        ui.add_space(SOURCE_HEIGHT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::Theme;

    /// The WCAG contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let channel = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.039_28 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn right_and_wrong_are_readable_in_every_theme() {
        for theme in Theme::ALL {
            let visuals = theme.visuals();
            for (what, shown) in [
                ("right", right_colours(&visuals)),
                ("wrong", wrong_colours(&visuals)),
            ] {
                assert_eq!(shown.fill.a(), 255, "{theme:?} {what}: the fill is opaque");
                let ratio = contrast(shown.text, shown.fill);
                assert!(ratio >= 4.5, "{theme:?} {what}: {ratio:.2}:1");
            }
            // Right and wrong differ by more than hue: their words differ too,
            // but the fills also differ from each other.
            assert_ne!(right_colours(&visuals), wrong_colours(&visuals));
        }
    }
}
