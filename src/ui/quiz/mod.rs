//! The Quiz view: set up a quiz (mode, topics, length, difficulty, or a quiz
//! code), take it with the mouse or the keyboard, see the score and review
//! every question; Class mode shows one question large for a projector. The
//! student's memory (spaced repetition and score history) is saved after
//! every answer.
//!
//! This file only assembles: the state is in `runtime`, keys in `keys`, names
//! in `labels`, and the views import those leaves, never this file.

mod bar;
mod class;
mod export;
mod feedback;
mod keys;
mod labels;
mod live;
mod live_end;
mod live_view;
mod question;
mod results;
mod runtime;
mod setup;

pub use live::{LIVE_PORT, LiveStarter, LiveState};
pub use live_end::summary_paths;
pub use runtime::{Notice, QuizRuntime, Setup};

use crate::dataset::Dataset;
use crate::i18n::tr;
use crate::quiz::session::Mode;
use crate::ui::command::Command;

/// Draws the Quiz view.
pub fn quiz_view_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    commands: &mut Vec<Command>,
) {
    // A notice about the memory's file is in the window's notices strip.
    let notice = runtime.notice.as_ref().filter(|n| !n.is_about_the_file());
    if let Some(notice) = notice.map(Notice::text) {
        egui::Panel::top("quiz_notice").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, notice);
                if ui.small_button(tr("quiz.dismiss")).clicked() {
                    runtime.notice = None;
                }
            });
        });
    }
    runtime.end_live_if_left();
    live_end::ended_band_ui(ui, runtime);
    egui::CentralPanel::default().show(ui, |ui| {
        let finished = runtime.session.as_ref().map(|s| (s.finished, s.mode));
        match finished {
            None => setup::setup_ui(ui, dataset, runtime),
            Some((true, _)) => results::results_ui(ui, dataset, runtime, commands),
            Some((false, Mode::Class)) => {
                class::class_ui(ui, dataset, runtime, commands, (class::CLASS_SCALE, false));
            }
            Some((false, _)) => question::question_ui(ui, dataset, runtime, commands),
        }
    });
}

/// The quiz under way on the presentation stage: its question as in Class
/// mode (Space reveals, arrows move), at `scale` times the Class size; the
/// score and review at the end.
pub fn present_question_ui(
    ui: &mut egui::Ui,
    dataset: &Dataset,
    runtime: &mut QuizRuntime,
    scale: f32,
    commands: &mut Vec<Command>,
) {
    runtime.end_live_if_left();
    live_end::ended_band_ui(ui, runtime);
    let finished = runtime.session.as_ref().is_some_and(|s| s.finished);
    if finished {
        results::results_ui(ui, dataset, runtime, commands);
    } else {
        class::class_ui(
            ui,
            dataset,
            runtime,
            commands,
            (class::CLASS_SCALE * scale, true),
        );
    }
}
