//! Every shortcut the help window lists does something: each press of each
//! row of the one shortcuts table is pressed in a fresh window, in the view
//! (or on the stage) where the row says it works, and what the reader can
//! see must change. The table drives the help window, so a key listed there
//! that nothing answers fails here.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a window that cannot be set up should fail loudly"
)]

use crate::window;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::chrome::shortcuts::{self, Does, Press, Section};
use neutrality_reader::ui::command::View;
use window::window;

/// The longest article, where every reading key has room to move.
const LONG_ARTICLE: &str = "un-resolution-permanent-neutrality-2025";

/// Everything a reader could see change, in one comparable string.
fn seen(harness: &Harness<'static, ReaderApp>) -> String {
    let app = harness.state();
    format!(
        "{:?}",
        (
            app.view(),
            app.settings(),
            app.selected_event(),
            app.details_open(),
            app.selected_organization(),
            app.organization_details_open(),
            (app.presentation(), app.presentation_blank()),
            app.shortcuts_open(),
            app.quiz().session.as_ref(),
            app.timeline_visible(),
            app.highlighted(),
            harness.ctx.memory(|m| m.focused()),
        )
    )
}

fn press(harness: &mut Harness<'static, ReaderApp>, press: Press) {
    match press {
        Press::Key(modifiers, key) => harness.key_press_modifiers(modifiers, key),
        Press::Typed(text) => harness.event(egui::Event::Text(text.to_owned())),
    }
    harness.run();
}

fn key(harness: &mut Harness<'static, ReaderApp>, key: Key) {
    press(harness, Press::Key(Modifiers::NONE, key));
}

fn quiz_app(mode: Mode) -> Harness<'static, ReaderApp> {
    window([1400.0, 1000.0], move |mut app| {
        let dataset = Dataset::embedded().unwrap();
        let options = QuizOptions {
            seed: 7,
            count: 5,
            ..QuizOptions::default()
        };
        app.quiz_mut().start(generate(&dataset, &options), mode);
        app.show_view(View::Quiz);
        app
    })
}

/// A window set up where `press` of a row of `section` applies, with the
/// presses that put it in a state where the key has something to do (a
/// paragraph below, a selection to move, details to open).
fn set_up(section: Section, each: Press) -> Harness<'static, ReaderApp> {
    let Press::Key(_, pressed) = each else {
        return window([1280.0, 800.0], |app| app);
    };
    match section {
        Section::Everywhere => {
            let mut harness = window([1280.0, 800.0], |app| app);
            if pressed == Key::Num0 {
                // Back to normal from a size that is not.
                press(&mut harness, Press::Key(Modifiers::COMMAND, Key::Plus));
            }
            harness
        }
        Section::Reading => {
            let mut harness = window([1280.0, 800.0], |mut app| {
                app.open(LONG_ARTICLE, None);
                app
            });
            // Half way down, so that up and down both have somewhere to go.
            for _ in 0..3 {
                key(&mut harness, Key::PageDown);
            }
            harness
        }
        Section::Timeline => {
            let mut harness = window([1600.0, 1000.0], |mut app| {
                assert!(app.focus_event("un-resolution-78-266"));
                app.show_view(View::Timeline);
                app
            });
            // "Click it first": the canvas takes the keys once clicked.
            harness.get_by_label_contains("Timeline, ").focus();
            harness.run();
            if pressed == Key::Enter {
                key(&mut harness, Key::Escape);
            }
            harness
        }
        Section::Organizations => {
            let mut harness = window([1400.0, 900.0], |mut app| {
                assert!(app.select_organization("osce"));
                app.show_view(View::Organizations);
                app
            });
            if pressed == Key::Enter {
                key(&mut harness, Key::Escape);
            }
            harness
        }
        Section::Quiz => {
            let mode = if pressed == Key::Space {
                Mode::Class
            } else {
                Mode::Practice
            };
            let mut harness = quiz_app(mode);
            match pressed {
                Key::Enter => key(&mut harness, Key::Num2),
                Key::ArrowLeft => key(&mut harness, Key::ArrowRight),
                _ => {}
            }
            harness
        }
        Section::Presentation => {
            let mut harness = window([1280.0, 800.0], |mut app| {
                app.open(LONG_ARTICLE, Some(3));
                app.start_presentation();
                app
            });
            harness.run();
            harness
        }
    }
}

#[test]
fn every_shortcut_in_the_help_window_does_what_it_says() {
    let mut pressed = 0;
    let mut nothing = Vec::new();
    for shortcut in shortcuts::table() {
        for (each, does) in &shortcut.presses {
            // Closing the window cannot be seen in a test window (the
            // harness keeps no Close command); the table's unit tests check
            // that Ctrl+Q gives the command, and the real window was closed
            // with it by hand.
            if matches!(
                does,
                Does::Command(neutrality_reader::ui::command::Command::Quit)
            ) {
                continue;
            }
            let mut harness = set_up(shortcut.section, *each);
            let before = seen(&harness);
            press(&mut harness, *each);
            pressed += 1;
            if seen(&harness) == before {
                nothing.push(format!(
                    "{:?} {} ({each:?})",
                    shortcut.section, shortcut.keys
                ));
            }
        }
    }
    assert!(pressed > 40, "{pressed}");
    assert!(nothing.is_empty(), "these keys did nothing: {nothing:#?}");
}
