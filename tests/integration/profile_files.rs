//! The reader's own files on one profile: nothing in their place can hold the
//! window at start-up, and two windows on the same files lose nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::window;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::notes::Notes;
use neutrality_reader::quiz::action::QuizAction;
use neutrality_reader::quiz::memory::Memory;
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{Question, QuestionKind, QuizOptions, generate};
use neutrality_reader::storage::{self, Loaded};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::saved_settings::{self, ReadSettings, SettingsNotice};

/// Runs `f` on a thread and fails if it has not returned within ten
/// seconds: a read that waits on a pipe never returns.
fn within_seconds<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(f());
    });
    match receive.recv_timeout(Duration::from_secs(10)) {
        Ok(value) => value,
        Err(_) => panic!("{what} still waits after 10 s"),
    }
}

/// A named pipe made by coreutils' mkfifo (the crate forbids `unsafe`).
#[cfg(unix)]
fn make_pipe(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_a_save_is_set_aside_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["quiz-memory.json", "notes.json"] {
        let path = dir.path().join(name);
        make_pipe(&path);
        let (reason, moved_to) = {
            let path = path.clone();
            if name == "notes.json" {
                match within_seconds("loading notes", move || storage::load_json::<Notes>(&path)) {
                    Loaded::SetAside { reason, moved_to } => (reason, moved_to),
                    other => panic!("a pipe is not notes: {other:?}"),
                }
            } else {
                match within_seconds("loading the memory", move || {
                    storage::load_json::<Memory>(&path)
                }) {
                    Loaded::SetAside { reason, moved_to } => (reason, moved_to),
                    other => panic!("a pipe is not a memory: {other:?}"),
                }
            }
        };
        assert_eq!(
            reason,
            format!(
                "{} could not be read: it is a named pipe, not a file",
                path.display()
            )
        );
        assert!(moved_to.is_some(), "set aside, not left in the way");
        // The next save writes a real file in its place, without waiting either.
        let saved = path.clone();
        within_seconds("saving", move || storage::save_json(&saved, &Notes::new())).unwrap();
        assert!(std::fs::metadata(&path).unwrap().is_file());
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_the_settings_or_the_window_store_is_set_aside_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join(saved_settings::SETTINGS_FILE);
    make_pipe(&settings);
    let read = {
        let settings = settings.clone();
        within_seconds("reading the settings", move || {
            saved_settings::read_settings(&settings)
        })
    };
    let ReadSettings::Unusable(SettingsNotice::Unreadable { reason, moved_to }) = read else {
        panic!("a pipe is not settings: {read:?}");
    };
    assert!(
        reason.ends_with("it is a named pipe, not a file"),
        "{reason}"
    );
    assert!(moved_to.is_some());

    let store = dir.path().join(saved_settings::WINDOW_STORE_FILE);
    make_pipe(&store);
    let notice = {
        let store = store.clone();
        within_seconds("checking the window store", move || {
            saved_settings::check_window_store(&store)
        })
    };
    assert!(
        matches!(
            notice,
            Some(SettingsNotice::WindowStoreSetAside {
                moved_to: Some(_),
                ..
            })
        ),
        "{notice:?}"
    );
    // Nothing is left at the store's name for eframe to open and wait on.
    assert!(!store.exists());
}

#[test]
fn a_save_larger_than_the_limit_is_not_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(storage::MAX_SAVE_BYTES + 1).unwrap();
    let Loaded::SetAside { reason, .. } = storage::load_json::<Notes>(&path) else {
        panic!("a file over the limit is not read");
    };
    assert!(reason.ends_with("it is larger than 64 MiB"), "{reason}");
}

/// A window on the profile in `dir`: its quiz memory and notes there, the
/// Study view open on an article.
fn window_on(dir: &Path) -> Harness<'static, ReaderApp> {
    let (memory, notes) = (dir.join("quiz-memory.json"), dir.join("notes.json"));
    window::window([1400.0, 2400.0], move |app| {
        let mut app = app.with_quiz_memory(memory).with_notes_file(notes);
        app.open("mfa-foreign-policy", None);
        app
    })
}

/// Four questions answered by one click each (no ordering question).
fn four_questions() -> Vec<Question> {
    let dataset = Dataset::embedded().unwrap();
    let options = QuizOptions {
        count: 12,
        ..QuizOptions::from_entropy(16)
    };
    let mut questions = generate(&dataset, &options).questions;
    questions.retain(|q| q.kind != QuestionKind::Order);
    questions.truncate(4);
    assert_eq!(questions.len(), 4);
    questions
}

/// Answers `question` in `window`, right or wrong, as a click would.
fn answer(window: &mut Harness<'static, ReaderApp>, question: &Question, right: bool) {
    let quiz = neutrality_reader::quiz::Quiz {
        options: QuizOptions::default(),
        code: None,
        questions: vec![question.clone()],
    };
    let chosen = if right {
        question.answer[0]
    } else {
        (0..question.options.len())
            .find(|i| !question.answer.contains(i))
            .unwrap()
    };
    let runtime = window.state_mut().quiz_mut();
    runtime.start(quiz, Mode::Practice);
    runtime.act(QuizAction::Choose(chosen));
    let applied = runtime.act(QuizAction::Confirm);
    assert_eq!(applied.answered, Some(right), "{}", question.id);
    window.run();
}

/// Writes `text` as the note on `paragraph` (empty: removes it), through the editor.
fn write_note(window: &mut Harness<'static, ReaderApp>, paragraph: u32, text: &str) {
    window
        .get_by_role_and_label(
            Role::Button,
            &format!("Paragraph {paragraph}: highlight or note"),
        )
        .click();
    window.run();
    let label = format!("Note on paragraph {paragraph}");
    window
        .get_by_role_and_label(Role::MultilineTextInput, &label)
        .set_text_value_accesskit(text);
    window.run();
    window
        .get_by_role_and_label(Role::Button, "Save note")
        .click();
    window.run();
}

fn saved<T: neutrality_reader::storage::Versioned + std::fmt::Debug>(path: PathBuf) -> T {
    match storage::load_json::<T>(&path) {
        Loaded::Read(value) => value,
        other => panic!("{} does not read back: {other:?}", path.display()),
    }
}

#[test]
fn two_windows_on_one_profile_lose_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    let q = four_questions();
    let mut one = window_on(dir.path());
    let mut two = window_on(dir.path());
    // In turn, each saving after every answer as the app does.
    answer(&mut one, &q[0], true);
    answer(&mut two, &q[0], false);
    answer(&mut one, &q[1], true);
    answer(&mut two, &q[2], false);
    answer(&mut one, &q[0], true);
    answer(&mut two, &q[3], true);
    let memory: Memory = saved(dir.path().join("quiz-memory.json"));
    let counts = |id: &str| {
        let recall = &memory.questions[id];
        (recall.right, recall.wrong)
    };
    assert_eq!(memory.questions.len(), 4, "{:?}", memory.questions.keys());
    assert_eq!(
        counts(&q[0].id),
        (2, 1),
        "two right in one, one wrong in two"
    );
    assert_eq!(counts(&q[1].id), (1, 0));
    assert_eq!(counts(&q[2].id), (0, 1));
    assert_eq!(counts(&q[3].id), (1, 0));
    // The window that saved last shows everything too.
    assert_eq!(two.state().quiz().memory, memory);
}

#[test]
fn two_windows_on_one_profile_lose_no_note_and_bring_none_back() {
    let dir = tempfile::tempdir().unwrap();
    let notes_file = dir.path().join("notes.json");
    let mut one = window_on(dir.path());
    let mut two = window_on(dir.path());
    write_note(&mut one, 10, "155 countries in 2025");
    write_note(&mut two, 2, "neutrality recognised twice");
    let notes: Notes = saved(notes_file.clone());
    assert!(notes.get("mfa-foreign-policy", 10).is_some(), "{notes:?}");
    assert!(notes.get("mfa-foreign-policy", 2).is_some(), "{notes:?}");
    // One removes its note; two, which still has it, writes another.
    write_note(&mut one, 10, "");
    write_note(&mut two, 3, "a third");
    let notes: Notes = saved(notes_file);
    let text = |p: u32| notes.get("mfa-foreign-policy", p).map(|n| n.text.clone());
    assert_eq!(text(10), None, "a removed note came back: {notes:?}");
    assert_eq!(text(2).as_deref(), Some("neutrality recognised twice"));
    assert_eq!(text(3).as_deref(), Some("a third"));
    assert_eq!(two.state().notes(), &notes);
}
