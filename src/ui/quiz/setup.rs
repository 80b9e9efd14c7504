//! Setting up a quiz: mode, topics, length, difficulty, a countdown for
//! Class mode, or a quiz code from the teacher; and what the student's memory
//! says: questions due for review, weakest topics, the score history.

use std::collections::BTreeSet;

use egui::{RichText, Sense};

use chrono::{DateTime, Datelike as _, NaiveDateTime, Utc};

use super::labels::{code_error_text, difficulty_label, mode_label, topic_label};
use super::runtime::{Notice, QuizRuntime, Setup};
use crate::dataset::Dataset;
use crate::i18n::{tr, trf};
use crate::quiz::session::Mode;
use crate::quiz::{
    DatasetMatch, Difficulty, Fingerprint, QuizBank, QuizCode, QuizOptions, Topic, generate,
};

/// The most questions the setup offers (a quiz code holds up to 64).
const MOST_QUESTIONS: usize = 40;

/// Draws the setup screen; starting a quiz fills `runtime.session`.
pub fn setup_ui(ui: &mut egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime) {
    let now = chrono::Utc::now();
    let due = runtime.memory.due(now).len();
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("quiz_setup")
        .auto_shrink([false, false]);
    if std::mem::take(&mut runtime.setup_from_top) {
        scroll = scroll.vertical_scroll_offset(0.0);
    }
    scroll.show(ui, |ui| {
        ui.set_max_width(760.0);
        ui.add_space(8.0);
        ui.heading(tr("quiz.heading"));
        ui.label(tr("quiz.intro"));
        ui.add_space(8.0);

        mode_ui(ui, &mut runtime.setup);
        ui.add_space(6.0);
        let offered = runtime
            .offered
            .get_or_insert_with(|| QuizBank::new(dataset).offered_topics());
        topics_ui(ui, &mut runtime.setup, offered);
        ui.add_space(6.0);
        length_ui(ui, &mut runtime.setup);
        ui.add_space(10.0);
        start_ui(ui, dataset, runtime);

        ui.add_space(14.0);
        code_ui(ui, dataset, runtime);

        ui.add_space(14.0);
        ui.separator();
        memory_ui(ui, dataset, runtime, due);
    });
}

/// The mode, and in Class mode the countdown.
fn mode_ui(ui: &mut egui::Ui, setup: &mut Setup) {
    ui.label(RichText::new(tr("quiz.mode")).strong());
    ui.horizontal_wrapped(|ui| {
        for mode in [Mode::Practice, Mode::Test, Mode::Class] {
            let hint = match mode {
                Mode::Practice => tr("quiz.mode_practice_hint"),
                Mode::Test => tr("quiz.mode_test_hint"),
                _ => tr("quiz.mode_class_hint"),
            };
            ui.selectable_value(&mut setup.mode, mode, mode_label(mode))
                .on_hover_text(hint);
        }
    });
    if setup.mode == Mode::Class {
        ui.horizontal(|ui| {
            let mut on = setup.countdown.is_some();
            let checkbox = ui.checkbox(&mut on, tr("quiz.countdown"));
            if checkbox.changed() {
                setup.countdown = on.then_some(30);
            }
            if let Some(seconds) = &mut setup.countdown {
                ui.add(egui::Slider::new(seconds, 5..=120).suffix(tr("quiz.seconds_suffix")))
                    .labelled_by(checkbox.id);
            }
        });
    }
}

/// A checkbox per topic the dataset has questions on.
fn topics_ui(ui: &mut egui::Ui, setup: &mut Setup, offered: &BTreeSet<Topic>) {
    ui.label(RichText::new(tr("quiz.topics")).strong());
    ui.horizontal_wrapped(|ui| {
        for &topic in offered {
            let mut on = setup.topics.contains(&topic);
            if ui.checkbox(&mut on, topic_label(topic)).changed() {
                if on {
                    setup.topics.insert(topic);
                } else {
                    setup.topics.remove(&topic);
                }
            }
        }
    });
}

/// How many questions, and how hard.
fn length_ui(ui: &mut egui::Ui, setup: &mut Setup) {
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr("quiz.questions")).strong());
        ui.add(egui::Slider::new(&mut setup.count, 1..=MOST_QUESTIONS))
            .labelled_by(label.id);
        ui.add_space(16.0);
        ui.label(RichText::new(tr("quiz.difficulty")).strong());
        for difficulty in [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard] {
            ui.selectable_value(
                &mut setup.difficulty,
                difficulty,
                difficulty_label(difficulty),
            );
        }
    });
}

/// "Start a new quiz" with the choices above, a fresh seed each time.
fn start_ui(ui: &mut egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime) {
    let offered = runtime.offered.clone().unwrap_or_default();
    let no_topic = runtime.setup.topics.is_disjoint(&offered);
    if offered.is_empty() {
        // A unit just begun: nothing to tick, so nothing to choose.
        ui.colored_label(ui.visuals().warn_fg_color, tr("quiz.no_records"));
    } else if no_topic {
        ui.colored_label(ui.visuals().warn_fg_color, tr("quiz.choose_a_topic"));
    }
    let start = ui
        .add_enabled(
            !no_topic,
            egui::Button::new(RichText::new(tr("quiz.start_new")).size(18.0)),
        )
        .clicked();
    if start {
        let options = setup_options(&runtime.setup, &offered);
        start_quiz(runtime, dataset, &options, runtime.setup.mode);
    }
    // Class mode on the desktop: the same quiz with the students answering
    // from their phones.
    let live = runtime.setup.mode == Mode::Class && runtime.live.starter.is_some();
    if live
        && ui
            .add_enabled(
                !no_topic,
                egui::Button::new(RichText::new(tr("live.start")).size(18.0)),
            )
            .on_hover_text(tr("live.start_hint"))
            .clicked()
    {
        let options = setup_options(&runtime.setup, &offered);
        start_quiz(runtime, dataset, &options, Mode::Class);
        runtime.live.start_asked = runtime.session.is_some();
    }
    ui.add_space(4.0);
    // The quiz these choices make, for another program: a fresh seed, as
    // "Start a new quiz" has; its code is in the file's name and heading.
    // The closure borrows the setup (not a copy each frame): only a click
    // makes the quiz.
    let setup = &runtime.setup;
    super::export::export_ui(ui, dataset, &mut runtime.export, || {
        (!no_topic)
            .then(|| generate(dataset, &setup_options(setup, &offered)))
            .filter(|quiz| !quiz.questions.is_empty())
    });
}

/// The quiz options the setup's choices make, with a fresh seed; the topics
/// only of those the dataset offers (all of them: none named).
fn setup_options(setup: &Setup, offered: &BTreeSet<Topic>) -> QuizOptions {
    let entropy = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let topics = if setup.topics.is_superset(offered) {
        Default::default()
    } else {
        setup.topics.intersection(offered).copied().collect()
    };
    QuizOptions {
        count: setup.count,
        topics,
        difficulty: setup.difficulty,
        ..QuizOptions::from_entropy(entropy)
    }
}

/// A quiz code from the teacher: typed in, then started (or why not).
fn code_ui(ui: &mut egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime) {
    ui.label(RichText::new(tr("quiz.by_code")).strong());
    ui.horizontal(|ui| {
        let label = ui.label(tr("quiz.code_label"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut runtime.setup.code_text)
                    .hint_text(tr("quiz.code_hint"))
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(tr("quiz.start_this")).clicked() || entered {
            match QuizCode::parse(&runtime.setup.code_text) {
                Ok(code) => {
                    runtime.setup.code_error = None;
                    let mode = runtime.setup.mode;
                    start_quiz(runtime, dataset, &code.options(), mode);
                    // Said plainly, over the quiz it started: the questions
                    // are not the ones the code was shared with.
                    let made_on = code.fingerprint().compare(Fingerprint::of(dataset));
                    if runtime.session.is_some() {
                        runtime.notice = match made_on {
                            DatasetMatch::Same => None,
                            DatasetMatch::Edited => Some(Notice::CodeEditedDataset),
                            DatasetMatch::Other => Some(Notice::CodeOtherDataset),
                        };
                    }
                }
                Err(error) => runtime.setup.code_error = Some(error),
            }
        }
    });
    if let Some(error) = &runtime.setup.code_error {
        ui.colored_label(ui.visuals().error_fg_color, code_error_text(error));
    }
    ui.weak(tr("quiz.code_explained"));
}

/// Generates the quiz for `options` and starts it, or says why there is none.
fn start_quiz(runtime: &mut QuizRuntime, dataset: &Dataset, options: &QuizOptions, mode: Mode) {
    let quiz = generate(dataset, options);
    if quiz.questions.is_empty() {
        runtime.notice = Some(Notice::NoQuestion);
        return;
    }
    runtime.start(quiz, mode);
}

/// Due questions, weakest topics and the score history.
fn memory_ui(ui: &mut egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime, due: usize) {
    ui.label(RichText::new(tr("quiz.your_progress")).strong().size(18.0));
    ui.horizontal_wrapped(|ui| {
        let text = match due {
            0 => tr("quiz.due_none").to_owned(),
            1 => tr("quiz.due_one").to_owned(),
            n => trf("quiz.due_many", &[("n", &n)]),
        };
        ui.label(text);
        if due > 0 && ui.button(tr("quiz.review_them")).clicked() {
            let quiz = runtime
                .memory
                .review_quiz(dataset, chrono::Utc::now(), review_seed());
            if quiz.questions.is_empty() {
                runtime.notice = Some(Notice::NothingToReview);
            } else {
                runtime.start(quiz, Mode::Review);
            }
        }
    });
    if let Some(next) = runtime.memory.next_due(chrono::Utc::now())
        && due == 0
    {
        let now = chrono::Local::now().naive_local();
        let due = next.with_timezone(&chrono::Local).naive_local();
        ui.weak(trf("quiz.next_due", &[("date", &due_in_words(now, due))]));
    }
    let weakest = runtime.memory.weakest_topics();
    if !weakest.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(tr("quiz.weakest_topics")).strong());
        for record in weakest.iter().take(4) {
            ui.label(trf(
                "quiz.topic_record",
                &[
                    ("topic", &topic_label(record.topic)),
                    ("right", &record.right),
                    ("answered", &record.answered),
                    ("percent", &format!("{:.0}", record.fraction() * 100.0)),
                ],
            ));
        }
    }
    ui.add_space(6.0);
    history_ui(ui, runtime);
}

/// A seed for a review quiz: fresh wrong options each time.
fn review_seed() -> u64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The last scores as bars, oldest left; the share right is the height.
fn history_ui(ui: &mut egui::Ui, runtime: &QuizRuntime) {
    let scores = &runtime.memory.scores;
    if scores.is_empty() {
        ui.weak(tr("quiz.no_scores_yet"));
        return;
    }
    let shown = &scores[scores.len().saturating_sub(20)..];
    ui.label(RichText::new(trf("quiz.history_heading", &[("n", &shown.len())])).strong());
    let height = 80.0;
    let bar = 18.0;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2((bar + 6.0) * shown.len() as f32, height + 16.0),
        Sense::hover(),
    );
    let latest = shown.last().map_or(String::new(), |s| {
        trf(
            "quiz.history_score",
            &[("right", &s.right), ("total", &s.total)],
        )
    });
    let described = trf(
        "quiz.history_described",
        &[("n", &shown.len()), ("latest", &latest)],
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &described));
    let painter = ui.painter();
    let baseline = rect.top() + height;
    painter.hline(
        rect.x_range(),
        baseline,
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
    for (i, score) in shown.iter().enumerate() {
        let left = rect.left() + i as f32 * (bar + 6.0);
        let top = baseline - height * score.fraction() as f32;
        let bar_rect = egui::Rect::from_min_max(
            egui::pos2(left, top.min(baseline - 2.0)),
            egui::pos2(left + bar, baseline),
        );
        painter.rect_filled(bar_rect, 2.0, ui.visuals().selection.bg_fill);
    }
    response.on_hover_ui(|ui| {
        for score in shown.iter().rev().take(10) {
            ui.label(trf(
                "quiz.history_entry",
                &[
                    ("date", &short_date(score.at)),
                    ("right", &score.right),
                    ("total", &score.total),
                    ("mode", &history_mode(&score.mode)),
                ],
            ));
        }
    });
}

/// A score's mode as saved ("practice"), in the current language; a name this
/// version does not know stays as saved.
fn history_mode(key: &str) -> &str {
    match key {
        "practice" => tr("quiz.history_mode_practice"),
        "test" => tr("quiz.history_mode_test"),
        "class" => tr("quiz.history_mode_class"),
        "review" => tr("quiz.history_mode_review"),
        other => other,
    }
}

/// When something falls due, as the reader's clock says it: "today at
/// 14:00", "tomorrow at 09:30", "in 3 days", or "on 3 March 2025, 14:00",
/// in the current language. Both times are local.
pub fn due_in_words(now: NaiveDateTime, due: NaiveDateTime) -> String {
    let time = due.format("%H:%M").to_string();
    match (due.date() - now.date()).num_days() {
        ..=0 => trf("quiz.due_today", &[("time", &time)]),
        1 => trf("quiz.due_tomorrow", &[("time", &time)]),
        n @ 2..=13 => trf("quiz.due_in_days", &[("n", &n)]),
        _ => long_date(due),
    }
}

/// "on 3 March 2025, 14:00" in the current language.
fn long_date(at: NaiveDateTime) -> String {
    let month = match at.month() {
        1 => tr("quiz.month_january"),
        2 => tr("quiz.month_february"),
        3 => tr("quiz.month_march"),
        4 => tr("quiz.month_april"),
        5 => tr("quiz.month_may"),
        6 => tr("quiz.month_june"),
        7 => tr("quiz.month_july"),
        8 => tr("quiz.month_august"),
        9 => tr("quiz.month_september"),
        10 => tr("quiz.month_october"),
        11 => tr("quiz.month_november"),
        _ => tr("quiz.month_december"),
    };
    trf(
        "quiz.date_long",
        &[
            ("day", &at.day()),
            ("month", &month),
            ("year", &at.year()),
            ("time", &at.format("%H:%M")),
        ],
    )
}

/// "3 Mar 2025" in the current language.
fn short_date(at: DateTime<Utc>) -> String {
    let month = match at.month() {
        1 => tr("quiz.month_short_january"),
        2 => tr("quiz.month_short_february"),
        3 => tr("quiz.month_short_march"),
        4 => tr("quiz.month_short_april"),
        5 => tr("quiz.month_short_may"),
        6 => tr("quiz.month_short_june"),
        7 => tr("quiz.month_short_july"),
        8 => tr("quiz.month_short_august"),
        9 => tr("quiz.month_short_september"),
        10 => tr("quiz.month_short_october"),
        11 => tr("quiz.month_short_november"),
        _ => tr("quiz.month_short_december"),
    };
    trf(
        "quiz.date_short",
        &[("day", &at.day()), ("month", &month), ("year", &at.year())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 3, day)
            .and_then(|d| d.and_hms_opt(hour, 30, 0))
            .unwrap_or_default()
    }

    #[test]
    fn due_dates_are_said_in_words_by_the_local_calendar() {
        let now = at(3, 23);
        assert_eq!(due_in_words(now, at(3, 23)), "today at 23:30");
        // Past midnight is tomorrow, though fewer than 24 hours away.
        assert_eq!(due_in_words(now, at(4, 1)), "tomorrow at 01:30");
        assert_eq!(due_in_words(now, at(6, 9)), "in 3 days");
        assert_eq!(due_in_words(now, at(31, 9)), "on 31 March 2025, 09:30");
        for words in [at(3, 23), at(4, 1), at(6, 9), at(31, 9)].map(|d| due_in_words(now, d)) {
            assert!(!words.contains("UTC"), "{words}");
        }
    }
}
