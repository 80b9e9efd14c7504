//! Keyboard = mouse: in every mode, the same actions taken by keys on one app
//! and by clicks on another, both on the same quiz, leave the same session
//! and the same quiz memory, step after step. Both become the same
//! `QuizAction`s; this checks that they stay so. Runs without a display.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot load its data should fail loudly"
)]

use crate::memory_compare;
use crate::window;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use memory_compare::without_times;
use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::Rng;
use neutrality_reader::quiz::action::QuizAction;
use neutrality_reader::quiz::memory::Grade;
use neutrality_reader::quiz::session::{Mode, Session};
use neutrality_reader::quiz::worksheet::letter;
use neutrality_reader::quiz::{Quiz, QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// One thing done to the quiz, as a person does it: most have a key and a
/// button; a few have only one of them, and are then done the same way on
/// both apps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gesture {
    /// A click on option `index`; by keyboard, the keys of the actions the
    /// click stands for (its letter, and Enter where one click answers).
    Option(usize),
    /// "Confirm" or "Confirm and go on"; Enter.
    Confirm,
    /// "Next question" or "Finish"; the Right arrow.
    Next,
    /// "Reveal the answer" in Class mode; Space.
    Reveal,
    /// "Start the order again": no key.
    Clear,
    /// "End quiz", or "End" in Class mode; Esc. Both ask first.
    End,
    /// "End" of the question "End the quiz?"; Enter.
    EndNow,
    /// "Keep going" of the question "End the quiz?"; Esc.
    KeepGoing,
    /// "Practise the ones I got wrong" on the results; by keyboard, Tab to
    /// it and Enter.
    PractiseWrong,
    /// A key with no button: the Left arrow, the Right arrow where no button
    /// goes on, Space hiding a revealed answer.
    KeyOnly(egui::Key),
    /// "1 · Again" … "4 · Easy" once answered in Practice or Review; the keys
    /// 1 to 4. Grade `n` of [`Grade::ALL`].
    Rate(usize),
}

fn app(mode: Mode, quiz: &Quiz) -> Harness<'static, ReaderApp> {
    let quiz = quiz.clone();
    window([1400.0, 1000.0], move |mut app| {
        app.show_view(View::Quiz);
        app.quiz_mut().start(quiz, mode);
        app
    })
}

fn session(harness: &Harness<'static, ReaderApp>) -> Session {
    harness.state().quiz().session.clone().unwrap()
}

/// The gestures that can be made on the quiz as `session` shows it.
fn available(session: &Session) -> Vec<Gesture> {
    if session.finished {
        let wrong = !session.wrong_questions().is_empty();
        return if wrong && session.mode != Mode::Class {
            vec![Gesture::PractiseWrong]
        } else {
            Vec::new()
        };
    }
    if session.asking_to_end {
        return vec![Gesture::EndNow, Gesture::KeepGoing];
    }
    let (Some(question), Some(answer)) = (session.question(), session.answer()) else {
        return Vec::new();
    };
    let mut gestures = vec![Gesture::End, Gesture::KeyOnly(egui::Key::ArrowLeft)];
    if session.mode == Mode::Class {
        gestures.push(Gesture::KeyOnly(egui::Key::ArrowRight));
        gestures.push(if session.shows_answer() {
            Gesture::KeyOnly(egui::Key::Space)
        } else {
            Gesture::Reveal
        });
        return gestures;
    }
    gestures.extend((0..question.options.len()).map(Gesture::Option));
    if session.can_rate() {
        gestures.extend((0..Grade::ALL.len()).map(Gesture::Rate));
    }
    if session.can_confirm() {
        gestures.push(Gesture::Confirm);
    }
    if answer.confirmed || session.mode == Mode::Test || session.picked_not_confirmed() {
        gestures.push(Gesture::Next);
    } else {
        gestures.push(Gesture::KeyOnly(egui::Key::ArrowRight));
    }
    if question.kind.is_ordering() && !answer.confirmed && !answer.chosen.is_empty() {
        gestures.push(Gesture::Clear);
    }
    gestures
}

fn press(harness: &mut Harness<'static, ReaderApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}

fn click(harness: &mut Harness<'static, ReaderApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

/// The button of option `index` of the question shown, whatever follows its
/// text once placed or shown right or wrong.
fn click_option(harness: &mut Harness<'static, ReaderApp>, index: usize) {
    let question = session(harness).question().unwrap().clone();
    let start = format!("{}.  {}", letter(index), question.options[index]);
    harness
        .get_by(move |node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with(&start))
        })
        .click();
    harness.run();
}

/// Makes `gesture` with the keyboard, or with the mouse where it has no key.
fn by_keys(harness: &mut Harness<'static, ReaderApp>, gesture: Gesture) {
    const LETTERS: [egui::Key; 8] = [
        egui::Key::A,
        egui::Key::B,
        egui::Key::C,
        egui::Key::D,
        egui::Key::E,
        egui::Key::F,
        egui::Key::G,
        egui::Key::H,
    ];
    match gesture {
        Gesture::Option(index) => {
            for action in QuizAction::clicked_option(&session(harness), index) {
                match action {
                    QuizAction::Choose(i) => press(harness, LETTERS[i]),
                    QuizAction::Confirm => press(harness, egui::Key::Enter),
                    other => panic!("a click on an option is not {other:?}"),
                }
            }
        }
        Gesture::Confirm | Gesture::EndNow => press(harness, egui::Key::Enter),
        Gesture::Next => press(harness, egui::Key::ArrowRight),
        Gesture::Reveal => press(harness, egui::Key::Space),
        Gesture::End | Gesture::KeepGoing => press(harness, egui::Key::Escape),
        Gesture::PractiseWrong => tab_to_and_enter(harness, "Practise the ones I got wrong"),
        Gesture::KeyOnly(key) => press(harness, key),
        Gesture::Clear => by_mouse(harness, gesture),
        Gesture::Rate(n) => {
            const NUMBERS: [egui::Key; 4] = [
                egui::Key::Num1,
                egui::Key::Num2,
                egui::Key::Num3,
                egui::Key::Num4,
            ];
            press(harness, NUMBERS[n]);
        }
    }
}

/// Moves the keyboard focus with Tab to the button whose name starts with
/// `start`, then presses Enter.
fn tab_to_and_enter(harness: &mut Harness<'static, ReaderApp>, start: &str) {
    for _ in 0..200 {
        press(harness, egui::Key::Tab);
        let focused = harness
            .query_all(egui_kittest::kittest::By::new().predicate(|n| {
                n.is_focused()
                    && n.role() == Role::Button
                    && n.label().is_some_and(|l| l.starts_with(start))
            }))
            .next()
            .is_some();
        if focused {
            press(harness, egui::Key::Enter);
            return;
        }
    }
    panic!("Tab never reaches {start:?}");
}

fn answer_confirmed(session: &Session) -> bool {
    session.answer().is_some_and(|a| a.confirmed)
}

/// Makes `gesture` with the mouse, or with the keyboard where it has no button.
fn by_mouse(harness: &mut Harness<'static, ReaderApp>, gesture: Gesture) {
    let session = session(harness);
    let last = session.position + 1 == session.quiz.questions.len();
    match gesture {
        Gesture::Option(index) => click_option(harness, index),
        Gesture::Confirm if session.mode == Mode::Test => click(harness, "Confirm and go on"),
        Gesture::Confirm => click(harness, "Confirm"),
        Gesture::Next if answer_confirmed(&session) && last => click(harness, "Finish"),
        Gesture::Next if answer_confirmed(&session) => click(harness, "Next question"),
        Gesture::Next if session.picked_not_confirmed() => click(harness, "Skip, keep my choice"),
        Gesture::Next => click(harness, "Skip"),
        Gesture::EndNow => click(harness, "End"),
        Gesture::KeepGoing => click(harness, "Keep going"),
        Gesture::PractiseWrong => {
            let wrong = session.wrong_questions().len();
            click(harness, &format!("Practise the ones I got wrong ({wrong})"));
        }
        Gesture::Reveal => click(harness, "Reveal the answer (Space)"),
        Gesture::Clear => click(harness, "Start the order again"),
        Gesture::End if session.mode == Mode::Class => click(harness, "End"),
        Gesture::End => click(harness, "End quiz"),
        Gesture::KeyOnly(key) => press(harness, key),
        Gesture::Rate(n) => {
            let name = ["Again", "Hard", "Good", "Easy"][n];
            click(harness, &format!("{} · {name}", n + 1));
        }
    }
}

/// Takes random gestures (End seldom, options and Confirm often) by keys on one app and by clicks on
/// the other until the quiz ends or `steps` are taken, comparing both after
/// each; returns the gestures made.
fn same_by_keys_and_clicks(mode: Mode, quiz: &Quiz, seed: u64, steps: usize) -> Vec<Gesture> {
    let mut keys = app(mode, quiz);
    let mut clicks = app(mode, quiz);
    let mut rng = Rng::new(seed, 7);
    let mut made = Vec::new();
    for step in 0..steps {
        let state = session(&keys);
        let mut gestures = available(&state);
        if gestures.is_empty() {
            break;
        }
        if rng.below(20) != 0 && gestures.len() > 1 {
            gestures.retain(|&g| g != Gesture::End);
        }
        // Four ratings would crowd out the rest: one step in four may rate.
        if rng.below(4) != 0 && gestures.iter().any(|g| !matches!(g, Gesture::Rate(_))) {
            gestures.retain(|g| !matches!(g, Gesture::Rate(_)));
        }
        // A complete order is rare by chance: options are clicked, and a
        // complete choice confirmed, more often than the rest.
        // Options not yet placed first, so that orders get completed.
        let placed = state.answer().map(|a| a.chosen.clone()).unwrap_or_default();
        let mut options: Vec<Gesture> = gestures
            .iter()
            .copied()
            .filter(|g| matches!(g, Gesture::Option(i) if !placed.contains(i)))
            .collect();
        if options.is_empty() {
            options = gestures
                .iter()
                .copied()
                .filter(|g| matches!(g, Gesture::Option(_)))
                .collect();
        }
        let gesture = match rng.below(4) {
            0 if gestures.contains(&Gesture::Confirm) => Gesture::Confirm,
            0 | 1 if !options.is_empty() => options[rng.below(options.len())],
            _ => gestures[rng.below(gestures.len())],
        };
        by_keys(&mut keys, gesture);
        by_mouse(&mut clicks, gesture);
        made.push(gesture);
        let context = format!("{mode:?}, seed {seed}, step {step}: {made:?}");
        assert_eq!(session(&keys), session(&clicks), "{context}");
        assert_eq!(
            without_times(&keys.state().quiz().memory),
            without_times(&clicks.state().quiz().memory),
            "{context}"
        );
    }
    made
}

/// Quizzes of five questions, the first two opening with an ordering
/// question (so that "Start the order again" and "Confirm" get their turn).
fn quizzes() -> Vec<(u64, Quiz)> {
    let dataset = Dataset::embedded().unwrap();
    let quiz = |seed| {
        generate(
            &dataset,
            &QuizOptions {
                seed,
                count: 5,
                ..QuizOptions::default()
            },
        )
    };
    let mut chosen: Vec<(u64, Quiz)> = (0..200)
        .map(|seed| (seed, quiz(seed)))
        .filter(|(_, q)| q.questions.first().is_some_and(|q| q.kind.is_ordering()))
        .take(2)
        .collect();
    chosen.push((1, quiz(1)));
    chosen
}

fn check_mode(mode: Mode, steps: usize) -> BTreeSet<Gesture> {
    let mut made = BTreeSet::new();
    for (seed, quiz) in quizzes() {
        made.extend(same_by_keys_and_clicks(mode, &quiz, seed, steps));
        // Once more: asked to end, kept going, asked again and ended, then
        // the wrong ones practised, compared after each.
        let mut keys = app(mode, &quiz);
        let mut clicks = app(mode, &quiz);
        let mut ending = vec![
            Gesture::End,
            Gesture::KeepGoing,
            Gesture::End,
            Gesture::EndNow,
        ];
        if mode != Mode::Class {
            // One wrong answer first, so that there is one to practise.
            let question = session(&keys).question().unwrap().clone();
            if !question.kind.is_ordering() {
                let wrong = (0..question.options.len())
                    .find(|i| !question.answer.contains(i))
                    .unwrap();
                ending.insert(0, Gesture::Option(wrong));
                if session(&keys).mode == Mode::Test {
                    ending.insert(1, Gesture::Confirm);
                }
                ending.push(Gesture::PractiseWrong);
            }
        }
        for (step, &gesture) in ending.iter().enumerate() {
            by_keys(&mut keys, gesture);
            by_mouse(&mut clicks, gesture);
            let context = format!("{mode:?}, seed {seed}, ending step {step}: {gesture:?}");
            let state = session(&keys);
            match gesture {
                Gesture::End => assert!(state.asking_to_end && !state.finished, "{context}"),
                Gesture::KeepGoing => assert!(!state.asking_to_end && !state.finished, "{context}"),
                Gesture::EndNow => assert!(state.finished, "{context}"),
                Gesture::PractiseWrong => {
                    assert_eq!(
                        (state.mode, state.quiz.questions.len()),
                        (Mode::Practice, 1)
                    );
                }
                _ => {}
            }
            assert_eq!(state, session(&clicks), "{context}");
            assert_eq!(
                without_times(&keys.state().quiz().memory),
                without_times(&clicks.state().quiz().memory),
                "{context}"
            );
        }
    }
    made
}

/// Every gesture of the question view was made at least once.
fn assert_question_gestures(mode: Mode, made: &BTreeSet<Gesture>) {
    for wanted in [Gesture::Confirm, Gesture::Next, Gesture::Clear] {
        assert!(
            made.contains(&wanted),
            "{mode:?}: {wanted:?} never made: {made:?}"
        );
    }
    assert!(made.iter().any(|g| matches!(g, Gesture::Option(_))));
    // Practice and Review ask how well the answer was known (a test only
    // once its wrong ones are practised).
    if mode.gives_feedback() {
        assert!(
            made.iter().any(|g| matches!(g, Gesture::Rate(_))),
            "{mode:?}: {made:?}"
        );
    }
}

#[test]
fn practice_by_keyboard_is_practice_by_mouse() {
    let made = check_mode(Mode::Practice, 40);
    assert_question_gestures(Mode::Practice, &made);
}

#[test]
fn a_test_by_keyboard_is_a_test_by_mouse() {
    let made = check_mode(Mode::Test, 40);
    assert_question_gestures(Mode::Test, &made);
}

#[test]
fn review_by_keyboard_is_review_by_mouse() {
    let made = check_mode(Mode::Review, 40);
    assert_question_gestures(Mode::Review, &made);
}

#[test]
fn class_mode_by_keyboard_is_class_mode_by_mouse() {
    let made = check_mode(Mode::Class, 20);
    assert!(made.contains(&Gesture::Reveal), "{made:?}");
}
