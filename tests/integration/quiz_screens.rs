//! The quiz's screens change under the pointer: whatever is clicked to go
//! on (the next question, the results, the setup, a new quiz), nothing the
//! new screen lets one click lies under it, so that the second click of a
//! double click never answers an option or starts a quiz. Checked on a
//! laptop's and a projector's window, over several quizzes, with the
//! widgets' own bounds as AccessKit gives them. Runs without a display.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use crate::window;

use egui::accesskit::{Action, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT as _, Queryable as _};

use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::session::{Mode, Session};
use neutrality_reader::quiz::worksheet::letter;
use neutrality_reader::quiz::{Quiz, QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// A laptop's window and a projector's.
const SIZES: [[f32; 2]; 2] = [[1366.0, 768.0], [1024.0, 768.0]];

fn session(harness: &Harness<'static, ReaderApp>) -> Option<Session> {
    harness.state().quiz().session.clone()
}

/// Every widget one can click or type into on screen now: its label and
/// bounds. Text is not counted: a click on it selects nothing but text.
fn clickable(harness: &Harness<'static, ReaderApp>) -> Vec<(String, egui::Rect)> {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, harness.ctx.content_rect().size());
    harness
        .query_all(By::new().predicate(|node| {
            let data = node.data();
            !node.is_disabled()
                && !node.is_hidden()
                && !matches!(node.role(), Role::Label | Role::TextRun)
                && (data.supports_action(Action::Click) || data.supports_action(Action::Focus))
                && node.bounding_box().is_some()
        }))
        .map(|node| {
            (
                node.accesskit_node().label().unwrap_or_default(),
                node.rect(),
            )
        })
        .filter(|(_, rect)| rect.intersects(screen))
        .collect()
}

/// Clicks the widget `label` and checks that nothing clickable of the
/// screen that follows lies under it; returns its label. The same control
/// found again at the same place (Skip after Skip) only does again what the
/// first click did, and is allowed.
fn click_and_check(harness: &mut Harness<'static, ReaderApp>, label: &str, context: &str) {
    let node = harness.get_by(|n| {
        n.role() == Role::Button && !n.is_disabled() && n.label().is_some_and(|l| l == label)
    });
    let clicked = node.rect();
    node.click();
    harness.run();
    for (other, rect) in clickable(harness) {
        if other == label {
            continue;
        }
        assert!(
            !rect.shrink(1.0).intersects(clicked.shrink(1.0)),
            "{context}: after {label:?} at {clicked:?}, {other:?} at {rect:?} lies under the pointer"
        );
    }
}

/// The button of option `index` of the question shown.
fn option_label(session: &Session, index: usize) -> String {
    let question = session.question().unwrap();
    format!("{}.  {}", letter(index), question.options[index])
}

fn quiz(seed: u64) -> Quiz {
    let dataset = Dataset::embedded().unwrap();
    generate(
        &dataset,
        &QuizOptions {
            seed,
            count: 5,
            ..QuizOptions::default()
        },
    )
}

/// Answers the question shown by clicks: a wrong option where there is one
/// (so that some are wrong), or the order as it stands.
fn answer_by_clicks(harness: &mut Harness<'static, ReaderApp>, wrong: bool) {
    let state = session(harness).unwrap();
    let question = state.question().unwrap().clone();
    let picks: Vec<usize> = if question.kind.is_ordering() {
        question.answer.clone()
    } else if wrong {
        vec![
            (0..question.options.len())
                .find(|i| !question.answer.contains(i))
                .unwrap(),
        ]
    } else {
        vec![question.answer[0]]
    };
    for index in picks {
        let label = option_label(&session(harness).unwrap(), index);
        harness.get_by_role_and_label(Role::Button, &label).click();
        harness.run();
    }
}

/// Takes a quiz in `mode` by clicks from question to question to the
/// results, then back to a new quiz, checking each change of screen.
fn through_the_screens(size: [f32; 2], seed: u64, mode: Mode) {
    let quiz = quiz(seed);
    let total = quiz.questions.len();
    let mut harness = window(size, move |mut app| {
        app.show_view(View::Quiz);
        app.quiz_mut().start(quiz, mode);
        app
    });
    let context = format!("{size:?}, seed {seed}, {mode:?}");
    for n in 0..total {
        let context = format!("{context}, question {}", n + 1);
        let last = n + 1 == total;
        match mode {
            Mode::Test if n == 1 => click_and_check(&mut harness, "Skip", &context),
            Mode::Test => {
                answer_by_clicks(&mut harness, n % 2 == 0);
                click_and_check(&mut harness, "Confirm and go on", &context);
            }
            _ => {
                answer_by_clicks(&mut harness, n % 2 == 0);
                if session(&harness).unwrap().can_confirm() {
                    harness
                        .get_by_role_and_label(Role::Button, "Confirm")
                        .click();
                    harness.run();
                }
                let next = if last { "Finish" } else { "Next question" };
                click_and_check(&mut harness, next, &context);
            }
        }
    }
    let state = session(&harness).unwrap();
    if state.asking_to_end {
        click_and_check(&mut harness, "End", &format!("{context}, asked to end"));
    }
    assert!(session(&harness).unwrap().finished, "{context}");
    // From the results: the wrong ones, a new quiz.
    let wrong = session(&harness).unwrap().wrong_questions().len();
    if wrong > 0 {
        let label = format!("Practise the ones I got wrong ({wrong})");
        click_and_check(&mut harness, &label, &format!("{context}, results"));
        let again = session(&harness).unwrap();
        assert_eq!(again.quiz.questions.len(), wrong);
        assert_eq!(again.mode, Mode::Practice);
        harness
            .get_by_role_and_label(Role::Button, "End quiz")
            .click();
        harness.run();
        click_and_check(
            &mut harness,
            "End",
            &format!("{context}, practice asked to end"),
        );
    }
    click_and_check(&mut harness, "New quiz", &format!("{context}, results"));
    assert!(session(&harness).is_none(), "{context}");
}

#[test]
fn nothing_to_click_lies_under_the_click_that_changed_the_screen() {
    for size in SIZES {
        for seed in [1, 7, 42, 99] {
            for mode in [Mode::Practice, Mode::Test] {
                through_the_screens(size, seed, mode);
            }
        }
    }
}
