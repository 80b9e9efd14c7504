//! Presentation mode as a teacher drives it: F5 enters on the current view,
//! the arrows and Space step through paragraphs, events or quiz questions, B
//! blanks the screen and Esc leaves. Runs without a display.

use crate::paint;
use crate::window;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use neutrality_reader::ui::theme::Theme;
use window::window;

fn app(setup: impl FnOnce(&mut ReaderApp) + 'static) -> Harness<'static, ReaderApp> {
    window([1280.0, 800.0], move |mut app| {
        setup(&mut app);
        app
    })
}

fn press(harness: &mut Harness<'static, ReaderApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}

#[test]
fn f5_presents_the_article_paragraph_by_paragraph_and_esc_leaves() {
    let dataset = Dataset::embedded().unwrap();
    let article = dataset
        .article("nam-ambassadors-briefing-2020")
        .unwrap()
        .clone();
    let mut harness = app(|app| app.open("nam-ambassadors-briefing-2020", None));
    assert_eq!(harness.state().presentation(), None);
    press(&mut harness, egui::Key::F5);
    assert_eq!(harness.state().presentation(), Some(0));
    let count = article.body.len();
    harness.get_by_label_contains(&format!("paragraph 1 of {count}"));
    harness.get_by_label(&article.body[0].text());
    // The top bar is gone: the stage is the view alone.
    assert!(harness.query_by_label("Organizations").is_none());
    press(&mut harness, egui::Key::ArrowRight);
    press(&mut harness, egui::Key::Space);
    assert_eq!(harness.state().presentation(), Some(2));
    harness.get_by_label(&article.body[2].text());
    press(&mut harness, egui::Key::ArrowLeft);
    assert_eq!(harness.state().presentation(), Some(1));
    press(&mut harness, egui::Key::End);
    assert_eq!(harness.state().presentation(), Some(count - 1));
    // Past the end it stays on the last paragraph.
    press(&mut harness, egui::Key::ArrowRight);
    assert_eq!(harness.state().presentation(), Some(count - 1));
    press(&mut harness, egui::Key::Escape);
    assert_eq!(harness.state().presentation(), None);
    let tabs = harness
        .query_all(egui_kittest::kittest::By::new().label("Organizations"))
        .count();
    assert!(tabs >= 1);
}

#[test]
fn b_blanks_the_screen_and_b_again_brings_it_back() {
    let dataset = Dataset::embedded().unwrap();
    let first = dataset.articles[0].body[0].text();
    let mut harness = app(|app| {
        app.open(&Dataset::embedded().unwrap().articles[0].id, None);
    });
    press(&mut harness, egui::Key::F5);
    harness.get_by_label(&first);
    press(&mut harness, egui::Key::B);
    assert!(harness.state().presentation_blank());
    assert!(harness.query_by_label(&first).is_none());
    // Arrows do nothing while blank: the class sees no jump.
    press(&mut harness, egui::Key::ArrowRight);
    assert_eq!(harness.state().presentation(), Some(0));
    press(&mut harness, egui::Key::B);
    harness.get_by_label(&first);
}

#[test]
fn the_timeline_is_presented_event_by_event_from_the_selected_one() {
    let mut harness = app(|app| {
        app.focus_event("un-resolution-50-80-a");
        app.show_view(View::Timeline);
    });
    press(&mut harness, egui::Key::F5);
    let start = harness.state().presentation().unwrap();
    harness.get_by_label(
        "First UN General Assembly resolution on Turkmenistan’s permanent neutrality",
    );
    harness.get_by_label_contains(&format!("Event {} of 37", start + 1));
    press(&mut harness, egui::Key::ArrowRight);
    assert_eq!(harness.state().presentation(), Some(start + 1));
    harness.get_by_label_contains(&format!("Event {} of 37", start + 2));
}

#[test]
fn a_class_quiz_is_presented_and_space_reveals_the_answer() {
    let dataset = Dataset::embedded().unwrap();
    let quiz = generate(
        &dataset,
        &QuizOptions {
            seed: 8,
            count: 3,
            ..QuizOptions::default()
        },
    );
    let first = quiz.questions[0].clone();
    let mut harness = app(move |app| {
        app.quiz_mut().start(quiz, Mode::Class);
        app.show_view(View::Quiz);
        app.start_presentation();
    });
    assert_eq!(harness.state().presentation(), Some(0));
    harness.get_by_label(&first.prompt);
    assert!(harness.query_by_label(&first.explanation).is_none());
    press(&mut harness, egui::Key::Space);
    harness.get_by_label(&first.explanation);
    press(&mut harness, egui::Key::ArrowRight);
    harness.get_by_label_contains("Question 2 of");
}

#[test]
fn the_organizations_are_presented_one_by_one_and_plus_enlarges_the_stage() {
    let mut harness = window([1280.0, 800.0], |mut app| {
        app.select_organization("nam");
        app.show_view(View::Organizations);
        app
    });
    press(&mut harness, egui::Key::F5);
    let start = harness.state().presentation().unwrap();
    harness.get_by_label_contains(&format!("Organization {} of 18", start + 1));
    harness.get_by_label("Non-Aligned Movement");
    press(&mut harness, egui::Key::ArrowRight);
    harness.get_by_label_contains(&format!("Organization {} of 18", start + 2));
    let before = harness.state().settings().present_scale;
    press(&mut harness, egui::Key::Plus);
    assert!(harness.state().settings().present_scale > before);
    press(&mut harness, egui::Key::Minus);
    press(&mut harness, egui::Key::Minus);
    assert!(harness.state().settings().present_scale < before);
}

/// Whether one of the next few frames asks the window for `wanted` (queued
/// input reaches the app over more than one frame).
fn asks_window(
    harness: &mut Harness<'static, ReaderApp>,
    wanted: fn(&egui::ViewportCommand) -> bool,
) -> bool {
    (0..5).any(|_| {
        harness.step();
        harness
            .output()
            .viewport_output
            .values()
            .any(|viewport| viewport.commands.iter().any(wanted))
    })
}

#[test]
fn save_view_as_png_asks_the_window_for_a_picture() {
    let mut harness = window([1280.0, 800.0], |app| app);
    assert!(!asks_window(&mut harness, |c| matches!(
        c,
        egui::ViewportCommand::Screenshot(_)
    )));
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Reading")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Save view as PNG")
        .click();
    assert!(asks_window(&mut harness, |c| matches!(
        c,
        egui::ViewportCommand::Screenshot(_)
    )));
}

/// The stage of `view` (set up by `setup`) drawn in `theme`: every text's
/// failure to read, as a line.
fn stage_failures(theme: Theme, view: View) -> Vec<String> {
    let dataset = Dataset::embedded().unwrap_or_else(|e| panic!("bundled dataset: {e}"));
    let quiz = generate(
        &dataset,
        &QuizOptions {
            seed: 8,
            count: 3,
            ..QuizOptions::default()
        },
    );
    let mut harness = window([1280.0, 800.0], move |mut app| {
        app.apply_theme(theme);
        match view {
            View::Study => app.open("nam-ambassadors-briefing-2020", None),
            View::Timeline => {
                app.focus_event("un-resolution-50-80-a");
            }
            View::Organizations => {
                app.select_organization("nam");
            }
            View::Quiz => app.quiz_mut().start(quiz, Mode::Class),
        }
        app.show_view(view);
        app.start_presentation();
        app
    });
    if view == View::Quiz {
        // The answer revealed, with its "Read in source".
        press(&mut harness, egui::Key::Space);
        harness.get_by_label_contains("Read in source");
    }
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let texts = paint::painted_texts(&harness.output().shapes, egui::Color32::BLACK, screen);
    assert!(!texts.is_empty());
    texts
        .iter()
        .filter(|t| !t.passes())
        .map(|t| {
            format!(
                "{view:?} in {theme:?}: {} on {} ({:.1}:1) {:?}",
                paint::hex(t.color),
                paint::hex(t.background),
                t.ratio(),
                paint::shorten(&t.text, 50)
            )
        })
        .collect()
}

#[test]
fn the_stage_is_light_on_black_whatever_the_theme() {
    // The light and sepia themes drew headings dark and buttons pale there.
    let mut failures = Vec::new();
    for theme in Theme::ALL {
        for view in [View::Study, View::Timeline, View::Organizations, View::Quiz] {
            failures.extend(stage_failures(theme, view));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
