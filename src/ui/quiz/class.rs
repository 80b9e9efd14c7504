//! Class mode, for a projector: one question large with lettered options.
//! Space reveals the answer, the arrows move on and back, an optional
//! countdown reveals it when time is up. No names, no scores, no leaderboard.

use egui::RichText;

use super::bar::{bar_ui, ending_ui};
use super::feedback::{feedback_ui, option_button};
use super::keys::{class_keys, ending_keys};
use super::live_view::{LiveAsk, live_bars_ui, live_panel_ui};
use super::runtime::QuizRuntime;
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::live::room::LiveCounts;
use crate::quiz::action::QuizAction;
use crate::quiz::session::Session;
use crate::ui::command::Command;

/// How much larger than the normal quiz text.
pub const CLASS_SCALE: f32 = 2.0;

/// Draws the question shown in Class mode, `scale` times the normal quiz
/// text, and handles its keys; `on_stage` when it fills the screen (F5),
/// where Esc leaves the stage rather than ending the quiz.
pub fn class_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
    (scale, on_stage): (f32, bool),
) {
    let Some(session) = &runtime.session else {
        return;
    };
    let before = session.position;
    let keys = if session.asking_to_end {
        ending_keys(ui)
    } else {
        class_keys(ui)
    };
    for action in keys {
        runtime.act(action);
    }
    live_step(ui, dataset, runtime);
    let Some(session) = &mut runtime.session else {
        return;
    };
    if session.position != before || session.finished {
        runtime.deadline = None;
    }
    if session.finished {
        return;
    }
    if session.question().is_none() {
        session.finished = true;
        return;
    }
    let remaining = countdown(ui, runtime);
    let Some(session) = &runtime.session else {
        return;
    };
    let mut actions = Vec::new();
    ui.add_space(12.0);
    // "Start a live class", offered where a server can be started.
    let offer = runtime.live.starter.is_some() && runtime.live.running.is_none();
    let mut start_live = false;
    class_header_ui(
        ui,
        session,
        (remaining, scale),
        offer.then_some(&mut start_live),
        &mut actions,
    );
    start_failed_ui(ui, runtime.live.error.as_deref());
    ui.separator();
    class_bar_ui(ui, session, (scale, on_stage), &mut actions);
    let mut ask = LiveAsk::Nothing;
    let counts = runtime.live.running.as_mut().map(|class| {
        ask = live_panel_ui(ui, class, scale);
        class.counts().clone()
    });
    body_ui(
        ui,
        dataset,
        (session, counts.as_ref()),
        (scale, on_stage),
        &mut actions,
        commands,
    );
    for action in actions {
        runtime.act(action);
    }
    if start_live {
        runtime.live.start(ui.ctx(), crate::i18n::language().code());
    }
    if ask == LiveAsk::End {
        runtime.end_live();
    }
    live_step(ui, dataset, runtime);
}

/// Why the live class did not start, if it did not.
fn start_failed_ui(ui: &mut egui::Ui, error: Option<&str>) {
    if let Some(error) = error {
        let said = trf("live.start_failed", &[("error", &error)]);
        ui.colored_label(ui.visuals().error_fg_color, said);
    }
}

/// The band at the bottom: the keys, or the question "End the quiz?".
fn class_bar_ui(
    ui: &mut egui::Ui,
    session: &Session,
    (scale, on_stage): (f32, bool),
    actions: &mut Vec<QuizAction>,
) {
    bar_ui(ui, "quiz_bar", |ui| {
        if session.asking_to_end {
            // On the stage the question "End the quiz?" grows with it.
            let stage = (scale / CLASS_SCALE).max(1.0);
            for font in ui.style_mut().text_styles.values_mut() {
                font.size *= stage;
            }
            ending_ui(ui, session, actions);
        } else {
            // Read by the teacher from the room: grown with the stage.
            let keys = if on_stage {
                tr("quiz.class_keys_stage")
            } else {
                tr("quiz.class_keys")
            };
            ui.label(RichText::new(keys).size(8.0 * scale).weak());
        }
    });
}

/// Starts the live class `--live` asked for, ends it if its quiz was left,
/// or tells its room the question on show and its reveal.
fn live_step(ui: &egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime) {
    if runtime.live.start_asked {
        runtime.live.start(ui.ctx(), crate::i18n::language().code());
    }
    runtime.end_live_if_left();
    if let (Some(class), Some(session)) = (&mut runtime.live.running, &runtime.session) {
        class.sync(dataset, session);
    }
}

/// The question's body in its scroll area. On the stage the question and its
/// options (and, revealed, the explanation) are set smaller until they fit the
/// screen: a class cannot scroll the projector. In the window they scroll.
fn body_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    (session, live): (&Session, Option<&LiveCounts>),
    (scale, on_stage): (f32, bool),
    actions: &mut Vec<QuizAction>,
    commands: &mut Vec<Command>,
) {
    let revealed = session.answer().is_some_and(|a| a.revealed);
    let fit_id = egui::Id::unique("quiz_class_fit").with((session.position, revealed));
    let state = if on_stage {
        ui.data(|d| d.get_temp::<Fit>(fit_id)).unwrap_or_default()
    } else {
        Fit::default()
    };
    let fit = state.fit;
    let output = egui::ScrollArea::vertical()
        .id_salt("quiz_class")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if session.asking_to_end {
                ui.disable();
            }
            // On the stage the explanation shrinks with the rest, a little
            // under the options but never below what a room can read.
            let explanation =
                on_stage.then(|| (OPTION_SIZE * scale * fit * 0.8).max(READABLE_EXPLANATION));
            let sizes = (scale * fit, explanation);
            class_body_ui(ui, dataset, (session, live), sizes, actions, commands);
        });
    if on_stage {
        let (room, content) = (output.inner_rect.height(), output.content_size.y);
        // Never so small that the room cannot read the options: what
        // still does not fit (a long explanation, whose size is the
        // window's) scrolls.
        let floor = (READABLE_OPTION / (OPTION_SIZE * scale)).max(MIN_FIT);
        if let Some(next) = state.next(room, content, floor) {
            ui.data_mut(|d| d.insert_temp(fit_id, next));
            ui.ctx().request_repaint();
        }
    }
}

/// How large the stage's question is set, against its usual size, found
/// frame by frame: the largest size at which it fits the room, by halving
/// the interval between one known to fit (or the floor) and one known to
/// run over. Text shrinks faster than its size (fewer lines wrap), so a
/// single step by the ratio would leave the screen half empty.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Fit {
    /// The size tried (or settled on).
    fit: f32,
    /// The largest known to fit, or the floor.
    fits: f32,
    /// The smallest known to run over, or just above the usual size.
    over: f32,
    /// The room it settled for; `None` while searching.
    settled: Option<f32>,
}

impl Default for Fit {
    fn default() -> Self {
        Self {
            fit: 1.0,
            fits: 0.0,
            over: 1.0 + PRECISION,
            settled: None,
        }
    }
}

/// How close the search comes to the largest size that fits.
const PRECISION: f32 = 0.01;

impl Fit {
    /// The next state, when `content` points tall at [`Self::fit`] in
    /// `room`, never below `floor`; `None` when it stays as it is.
    fn next(self, room: f32, content: f32, floor: f32) -> Option<Fit> {
        if room <= 0.0 {
            return None;
        }
        let overflows = content > room;
        let mut s = self;
        match s.settled {
            // Settled: searched again only if the room changed (a resized
            // window) and the text now runs over or could grow.
            Some(settled) if (settled - room).abs() <= 1.0 => return None,
            Some(_) if !overflows && s.fit >= 1.0 => return None,
            Some(_) if overflows => {
                s = Fit {
                    fits: floor,
                    over: s.fit,
                    settled: None,
                    ..s
                };
            }
            Some(_) => {
                s = Fit {
                    fits: s.fit,
                    over: 1.0 + PRECISION,
                    settled: None,
                    ..s
                };
            }
            None if overflows => s.over = s.fit,
            None => s.fits = s.fit,
        }
        s.fits = s.fits.max(floor);
        if s.over - s.fits <= PRECISION {
            // The largest known to fit; at the floor, what still does not
            // fit scrolls.
            return Some(Fit {
                fit: s.fits,
                settled: Some(room),
                ..s
            });
        }
        s.fit = (s.fits + s.over) / 2.0;
        Some(s)
    }
}

/// The smallest the stage's question is set, against its usual size.
const MIN_FIT: f32 = 0.34;

/// An option's size in points, before the class scale.
const OPTION_SIZE: f32 = 17.0;

/// The smallest an option is set on the stage, in points.
const READABLE_OPTION: f32 = 14.0;

/// The smallest the explanation is set on the stage, in points.
const READABLE_EXPLANATION: f32 = 13.0;

/// The countdown runs while the answer is hidden; at zero it is revealed.
/// Returns the seconds left, while it runs.
fn countdown(ui: &egui::Ui, runtime: &mut QuizRuntime) -> Option<f64> {
    let now = ui.input(|i| i.time);
    let seconds = runtime.setup.countdown?;
    let session = runtime.session.as_ref()?;
    if session.answer().is_none_or(|a| a.revealed) {
        return None;
    }
    let deadline = *runtime.deadline.get_or_insert(now + f64::from(seconds));
    let left = deadline - now;
    if left <= 0.0 {
        runtime.act(QuizAction::Reveal);
        runtime.deadline = None;
        None
    } else {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(200));
        Some(left.ceil())
    }
}

/// The line above the question: its place, the seconds left, the quiz code
/// and "End".
fn class_header_ui(
    ui: &mut egui::Ui,
    session: &Session,
    (remaining, scale): (Option<f64>, f32),
    start_live: Option<&mut bool>,
    actions: &mut Vec<QuizAction>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(trf(
                "quiz.class_question_of",
                &[
                    ("n", &(session.position + 1)),
                    ("total", &session.quiz.questions.len()),
                ],
            ))
            .size(14.0 * scale)
            .strong(),
        );
        if let Some(left) = remaining {
            ui.label(
                RichText::new(trf(
                    "quiz.seconds_left",
                    &[("seconds", &format!("{left:.0}"))],
                ))
                .size(14.0 * scale)
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Asked already: the band below answers it.
            let end = RichText::new(tr("quiz.class_end")).size(12.0 * scale);
            if !session.asking_to_end && ui.button(end).clicked() {
                actions.push(QuizAction::AskToEnd);
            }
            if let Some(start) = start_live {
                let label = RichText::new(tr("live.start")).size(12.0 * scale);
                *start = ui
                    .button(label)
                    .on_hover_text(tr("live.start_hint"))
                    .clicked();
            }
            if let Some(code) = session.quiz.code {
                ui.label(
                    RichText::new(trf("quiz.code_shown", &[("code", &code)])).size(12.0 * scale),
                );
            }
        });
    });
}

/// The prompt, the options (not clickable: the class answers aloud), and
/// the answer once revealed, or the button that reveals it.
fn class_body_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    (session, live): (&Session, Option<&LiveCounts>),
    (scale, explanation): (f32, Option<f32>),
    actions: &mut Vec<QuizAction>,
    commands: &mut Vec<Command>,
) {
    let (Some(question), Some(answer)) = (session.question(), session.answer()) else {
        return;
    };
    let shows_answer = session.shows_answer();
    ui.add_space(10.0);
    ui.label(RichText::new(&question.prompt).size(22.0 * scale).strong());
    ui.add_space(16.0);
    for (index, option) in question.options.iter().enumerate() {
        option_button(
            ui,
            question,
            answer,
            index,
            option,
            shows_answer,
            OPTION_SIZE * scale,
        );
        ui.add_space(4.0);
    }
    if let Some(counts) = live.filter(|c| shows_answer && c.revealed) {
        live_bars_ui(ui, question, counts, OPTION_SIZE * scale);
    }
    ui.add_space(10.0);
    if shows_answer {
        ui.scope(|ui| {
            let style = ui.style_mut();
            if let Some(size) = explanation {
                style
                    .text_styles
                    .insert(egui::TextStyle::Heading, egui::FontId::proportional(size));
            }
            style.override_text_style = Some(egui::TextStyle::Heading);
            feedback_ui(ui, dataset, question, answer, commands);
        });
    } else if ui
        .button(RichText::new(tr("quiz.reveal")).size(14.0 * scale))
        .clicked()
    {
        actions.push(QuizAction::Reveal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the search on a text whose height is `height(fit)` until it
    /// settles; returns the fit and the number of frames it took.
    fn settle(room: f32, floor: f32, height: impl Fn(f32) -> f32) -> (f32, usize) {
        let mut state = Fit::default();
        for frame in 1..=40 {
            match state.next(room, height(state.fit), floor) {
                Some(next) => state = next,
                None => return (state.fit, frame),
            }
        }
        panic!("did not settle: {state:?}");
    }

    #[test]
    fn the_fit_is_the_largest_that_fits_and_not_below_its_floor() {
        // Fits at the usual size: stays.
        assert_eq!(settle(500.0, MIN_FIT, |_| 400.0), (1.0, 2));
        // Text that shrinks faster than its size (its square): the largest
        // fit is about 0.707, not the ratio's 0.5.
        let (fit, frames) = settle(500.0, MIN_FIT, |f| 1000.0 * f * f);
        assert!(
            (0.69..=0.71).contains(&fit) && 1000.0 * fit * fit <= 500.0,
            "{fit}"
        );
        assert!(frames < 12, "{frames} frames");
        // Never below the floor: what does not fit there scrolls.
        let (fit, _) = settle(500.0, 0.6, |f| 5000.0 * f);
        assert!((fit - 0.6).abs() < 0.001, "{fit}");
    }

    #[test]
    fn a_settled_fit_is_searched_again_only_when_the_room_changes() {
        let height = |f: f32| 1000.0 * f * f;
        let mut state = Fit::default();
        while let Some(next) = state.next(500.0, height(state.fit), MIN_FIT) {
            state = next;
        }
        assert!(state.settled.is_some());
        assert_eq!(state.next(500.0, height(state.fit), MIN_FIT), None);
        // A larger room: it grows.
        let mut grown = state;
        while let Some(next) = grown.next(800.0, height(grown.fit), MIN_FIT) {
            grown = next;
        }
        assert!(
            grown.fit > state.fit && height(grown.fit) <= 800.0,
            "{grown:?}"
        );
    }
}
