//! An audit a screen-reader user and a keyboard-only user would do: every
//! control in every view and dialog has an AccessKit name, and Tab reaches
//! the controls of each view with the focus shown.

use crate::controls;
use crate::window;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use controls::CONTROLS;
use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// The controls on screen that have no name, described for the failure message.
fn unnamed(harness: &Harness<'static, ReaderApp>) -> Vec<String> {
    harness
        .query_all(By::new().predicate(|node| {
            CONTROLS.contains(&node.role())
                && !node.is_hidden()
                && node.label().is_none_or(|l| l.trim().is_empty())
        }))
        .map(|node| {
            let node = node.accesskit_node();
            format!(
                "{:?} at {:?} value {:?}",
                node.role(),
                node.bounding_box(),
                node.value()
            )
        })
        .collect()
}

fn assert_all_named(harness: &Harness<'static, ReaderApp>, place: &str) {
    let missing = unnamed(harness);
    assert!(
        missing.is_empty(),
        "{place}: unnamed controls: {missing:#?}"
    );
    let count = harness
        .query_all(By::new().predicate(|node| CONTROLS.contains(&node.role())))
        .count();
    assert!(
        count > 3,
        "{place}: only {count} controls: the audit saw nothing"
    );
}

#[test]
fn every_control_of_every_view_has_a_name() {
    let mut harness = window([1400.0, 1000.0], |app| app);
    assert_all_named(&harness, "study");
    for view in [View::Timeline, View::Organizations, View::Quiz] {
        harness.state_mut().show_view(view);
        harness.run();
        assert_all_named(&harness, &format!("{view:?}"));
    }
}

#[test]
fn every_control_of_details_dialogs_and_menus_has_a_name() {
    let mut harness = window([1400.0, 1000.0], |app| app);
    // The Reading menu.
    harness
        .get_by_role_and_label(Role::Button, "Reading")
        .click();
    harness.run();
    assert_all_named(&harness, "Reading menu");
    harness.key_press(Key::Escape);
    harness.run();

    // A timeline event's card.
    let event = Dataset::embedded()
        .ok()
        .and_then(|d| d.events.first().map(|e| e.id.clone()))
        .unwrap_or_default();
    assert!(harness.state_mut().focus_event(&event));
    harness.run();
    assert!(harness.state().details_open(), "the card is open");
    assert_all_named(&harness, "timeline card");

    // An organization's details.
    assert!(harness.state_mut().select_organization("un"));
    harness.state_mut().show_view(View::Organizations);
    harness.run();
    assert_eq!(harness.state().view(), View::Organizations);
    assert!(harness.state().organization_details_open());
    assert_all_named(&harness, "organization details");

    // The note editor.
    harness.state_mut().show_view(View::Study);
    harness.run();
    if let Some(paragraph) = harness
        .query_all(
            By::new()
                .role(Role::Button)
                .label_contains(": highlight or note"),
        )
        .next()
    {
        paragraph.click();
    }
    harness.run();
    assert!(
        harness
            .query_all(By::new().role(Role::MultilineTextInput))
            .next()
            .is_some(),
        "the note editor is open"
    );
    assert_all_named(&harness, "note editor");

    // Search everything (Ctrl+K) with results, and the shortcuts window.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness.event(egui::Event::Text("neutral".into()));
    harness.run();
    assert!(
        harness
            .query_all(By::new().role(Role::Button).label_contains("Neutral"))
            .next()
            .is_some(),
        "search results are listed"
    );
    assert_all_named(&harness, "search window");
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press(Key::F1);
    harness.run();
    assert_all_named(&harness, "shortcuts window");
}

#[test]
fn every_control_of_a_running_quiz_has_a_name() {
    let mut harness = window([1400.0, 1000.0], |app| app);
    let data = Dataset::embedded().ok();
    let quiz = data.map(|d| {
        generate(
            &d,
            &QuizOptions {
                seed: 7,
                count: 5,
                ..QuizOptions::default()
            },
        )
    });
    let Some(quiz) = quiz else {
        panic!("the bundled dataset gives no quiz");
    };
    harness.state_mut().show_view(View::Quiz);
    harness.state_mut().quiz_mut().start(quiz, Mode::Practice);
    harness.run();
    assert_all_named(&harness, "quiz question");
    harness.key_press(Key::Num1);
    harness.run();
    assert_all_named(&harness, "quiz feedback");
}

/// The name of the control that has the keyboard focus, if any.
fn focused(harness: &Harness<'static, ReaderApp>) -> Option<String> {
    harness
        .query_all(By::new().predicate(|node| node.is_focused()))
        .next()
        .and_then(|n| n.accesskit_node().label())
}

/// Presses Tab up to `limit` times and returns the names focused on the way.
fn tab_through(harness: &mut Harness<'static, ReaderApp>, limit: usize) -> Vec<String> {
    let mut seen = Vec::new();
    for _ in 0..limit {
        harness.key_press(Key::Tab);
        harness.run();
        if let Some(name) = focused(harness) {
            seen.push(name);
        }
    }
    seen
}

#[test]
fn tab_reaches_the_tabs_the_menu_the_library_and_the_text() {
    let mut harness = window([1400.0, 1000.0], |app| app);
    let seen = tab_through(&mut harness, 160);
    for wanted in ["Timeline", "Reading", "Library"] {
        assert!(
            seen.iter().any(|s| s == wanted),
            "Tab never reached {wanted}: {seen:?}"
        );
    }
    assert!(
        seen.iter().any(|s| s.ends_with(": highlight or note")),
        "Tab never reached a paragraph: {seen:?}"
    );
}

#[test]
fn tab_reaches_the_controls_of_the_other_views() {
    for (view, wanted) in [
        (View::Timeline, "Zoom in"),
        (View::Organizations, "Filter"),
        (View::Quiz, "Quiz code"),
    ] {
        let mut harness = window([1400.0, 1000.0], move |mut app| {
            app.show_view(view);
            app
        });
        let seen = tab_through(&mut harness, 120);
        assert!(
            seen.iter().any(|s| s.contains(wanted)),
            "{view:?}: Tab never reached {wanted}: {seen:?}"
        );
    }
}
