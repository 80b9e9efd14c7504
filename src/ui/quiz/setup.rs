//! Setting up a quiz: mode, topics, length, difficulty, a countdown for
//! Class mode, or a quiz code from the teacher; and what the student's memory
//! says: questions due for review, weakest topics, the score history.

use egui::{RichText, Sense};

use super::QuizRuntime;
use crate::dataset::Dataset;
use crate::quiz::session::Mode;
use crate::quiz::{Difficulty, QuizCode, QuizOptions, Topic, generate};

/// The most questions the setup offers (a quiz code holds up to 64).
const MOST_QUESTIONS: usize = 40;

/// Draws the setup screen; starting a quiz fills `runtime.session`.
pub fn setup_ui(ui: &mut egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime) {
    let now = chrono::Utc::now();
    let due = runtime.memory.due(now).len();
    egui::ScrollArea::vertical()
        .id_salt("quiz_setup")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(760.0);
            ui.add_space(8.0);
            ui.heading("Quiz");
            ui.label("Questions made from the dataset: each one cites the paragraph where its answer stands.");
            ui.add_space(8.0);

            ui.label(RichText::new("Mode").strong());
            ui.horizontal_wrapped(|ui| {
                for mode in [Mode::Practice, Mode::Test, Mode::Class] {
                    let hint = match mode {
                        Mode::Practice => "Right or wrong and the explanation after each answer",
                        Mode::Test => "The score at the end, then a review of every question",
                        _ => "For a projector: one question large, Space reveals the answer; nothing is recorded",
                    };
                    ui.selectable_value(&mut runtime.setup.mode, mode, mode.label())
                        .on_hover_text(hint);
                }
            });
            if runtime.setup.mode == Mode::Class {
                ui.horizontal(|ui| {
                    let mut on = runtime.setup.countdown.is_some();
                    if ui.checkbox(&mut on, "Countdown per question").changed() {
                        runtime.setup.countdown = on.then_some(30);
                    }
                    if let Some(seconds) = &mut runtime.setup.countdown {
                        ui.add(egui::Slider::new(seconds, 5..=120).suffix(" s"));
                    }
                });
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Topics").strong());
            ui.horizontal_wrapped(|ui| {
                for topic in Topic::ALL {
                    let mut on = runtime.setup.topics.contains(&topic);
                    if ui.checkbox(&mut on, topic.label()).changed() {
                        if on {
                            runtime.setup.topics.insert(topic);
                        } else {
                            runtime.setup.topics.remove(&topic);
                        }
                    }
                }
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let label = ui.label(RichText::new("Questions").strong());
                ui.add(egui::Slider::new(&mut runtime.setup.count, 1..=MOST_QUESTIONS))
                    .labelled_by(label.id);
                ui.add_space(16.0);
                ui.label(RichText::new("Difficulty").strong());
                for difficulty in [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard] {
                    ui.selectable_value(&mut runtime.setup.difficulty, difficulty, difficulty.label());
                }
            });
            ui.add_space(10.0);
            let no_topic = runtime.setup.topics.is_empty();
            if no_topic {
                ui.colored_label(ui.visuals().warn_fg_color, "Choose at least one topic.");
            }
            let start = ui
                .add_enabled(!no_topic, egui::Button::new(RichText::new("Start a new quiz").size(18.0)))
                .clicked();
            if start {
                let entropy = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64);
                let topics = if runtime.setup.topics.len() == Topic::ALL.len() {
                    Default::default()
                } else {
                    runtime.setup.topics.clone()
                };
                let options = QuizOptions {
                    count: runtime.setup.count,
                    topics,
                    difficulty: runtime.setup.difficulty,
                    ..QuizOptions::from_entropy(entropy)
                };
                start_quiz(runtime, dataset, &options, runtime.setup.mode);
            }

            ui.add_space(14.0);
            ui.label(RichText::new("Take a quiz by its code").strong());
            ui.horizontal(|ui| {
                let label = ui.label("Quiz code");
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut runtime.setup.code_text)
                            .hint_text("e.g. 7K2M-9QX4")
                            .desired_width(140.0),
                    )
                    .labelled_by(label.id);
                let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button("Start this quiz").clicked() || entered {
                    match QuizCode::parse(&runtime.setup.code_text) {
                        Ok(code) => {
                            runtime.setup.code_error = None;
                            let mode = runtime.setup.mode;
                            start_quiz(runtime, dataset, &code.options(), mode);
                        }
                        Err(error) => runtime.setup.code_error = Some(error.to_string()),
                    }
                }
            });
            if let Some(error) = &runtime.setup.code_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.weak("The same code gives everyone the same questions in the same order.");

            ui.add_space(14.0);
            ui.separator();
            memory_ui(ui, dataset, runtime, due);
        });
}

/// Generates the quiz for `options` and starts it, or says why there is none.
fn start_quiz(runtime: &mut QuizRuntime, dataset: &Dataset, options: &QuizOptions, mode: Mode) {
    let quiz = generate(dataset, options);
    if quiz.questions.is_empty() {
        runtime.notice = Some("The dataset has no question to ask on these topics.".to_owned());
        return;
    }
    runtime.start(quiz, mode);
}

/// Due questions, weakest topics and the score history.
fn memory_ui(ui: &mut egui::Ui, dataset: &Dataset, runtime: &mut QuizRuntime, due: usize) {
    ui.label(RichText::new("Your progress").strong().size(18.0));
    ui.horizontal(|ui| {
        let text = match due {
            0 => "No question is due for review.".to_owned(),
            1 => "1 question is due for review.".to_owned(),
            n => format!("{n} questions are due for review."),
        };
        ui.label(text);
        if due > 0 && ui.button("Review them").clicked() {
            let quiz = runtime
                .memory
                .review_quiz(dataset, chrono::Utc::now(), review_seed());
            if quiz.questions.is_empty() {
                runtime.notice = Some(
                    "The questions due are no longer in this dataset; nothing to review."
                        .to_owned(),
                );
            } else {
                runtime.start(quiz, Mode::Review);
            }
        }
    });
    if let Some(next) = runtime.memory.next_due(chrono::Utc::now())
        && due == 0
    {
        ui.weak(format!(
            "The next review falls due {}.",
            next.format("%-d %B %Y, %H:%M UTC")
        ));
    }
    let weakest = runtime.memory.weakest_topics();
    if !weakest.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new("Topics, weakest first").strong());
        for record in weakest.iter().take(4) {
            ui.label(format!(
                "{}: {} of {} right ({:.0} %)",
                record.topic.label(),
                record.right,
                record.answered,
                record.fraction() * 100.0
            ));
        }
    }
    ui.add_space(6.0);
    history_ui(ui, runtime);
}

/// A seed for a review quiz: fresh wrong options each time.
fn review_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The last scores as bars, oldest left; the share right is the height.
fn history_ui(ui: &mut egui::Ui, runtime: &QuizRuntime) {
    let scores = &runtime.memory.scores;
    if scores.is_empty() {
        ui.weak("Your scores will show here after your first quiz.");
        return;
    }
    let shown = &scores[scores.len().saturating_sub(20)..];
    ui.label(RichText::new(format!("Score history (last {})", shown.len())).strong());
    let height = 80.0;
    let bar = 18.0;
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2((bar + 6.0) * shown.len() as f32, height + 16.0),
        Sense::hover(),
    );
    let latest = shown
        .last()
        .map_or(String::new(), |s| format!("{} of {}", s.right, s.total));
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!(
                "Score history: {} quizzes, the latest {latest}",
                shown.len()
            ),
        )
    });
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
            ui.label(format!(
                "{}: {} of {} ({})",
                score.at.format("%-d %b %Y"),
                score.right,
                score.total,
                score.mode
            ));
        }
    });
}
