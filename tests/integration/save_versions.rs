//! Saved state from an older version is migrated, and state from a newer one
//! is left alone.
//!
//! `tests/fixtures/quiz-memory-v1.json` and `notes-v1.json` were written by
//! the app as it was before format version 2 (the code of commit 72d2d41,
//! `Memory::new()` with answers recorded, and the Study view's
//! `Notes::default()` with notes written, each saved with
//! `storage::save_json`): real version-1 files, not made up for the test.
//! The memory says `"version": 1`, the notes `"version": 0`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::window;

use std::fs;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use serde_json::Value;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::notes::{NOTES_VERSION, Notes};
use neutrality_reader::quiz::memory::{MEMORY_VERSION, Memory};
use neutrality_reader::quiz::{Fingerprint, QuizCode, QuizOptions, generate};
use neutrality_reader::storage::{self, Loaded, Unreadable};
use neutrality_reader::ui::command::View;
use window::window;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs::read_to_string(path).unwrap()
}

/// `text` written as `name` in a fresh folder.
fn in_folder(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    (dir, path)
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `json` with its version set to `version`.
fn with_version(mut json: Value, version: u32) -> Value {
    json["version"] = Value::from(version);
    json
}

#[test]
fn both_saves_are_version_2() {
    assert_eq!(MEMORY_VERSION, 2);
    assert_eq!(NOTES_VERSION, 2);
    assert_eq!(Memory::new().version, 2);
    assert_eq!(Memory::default().version, 2);
    assert_eq!(Notes::new().version, 2);
    assert_eq!(Notes::default().version, 2);
}

#[test]
fn a_version_1_quiz_memory_is_read_and_migrated_with_everything_in_it() {
    let text = fixture("quiz-memory-v1.json");
    let v1: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v1["version"], 1);
    let (dir, path) = in_folder("quiz-memory.json", &text);
    let Loaded::Read(memory) = storage::load_json::<Memory>(&path) else {
        panic!("the version-1 memory must be read");
    };
    assert_eq!(memory.version, 2);
    // Every question, schedule, count and score as it was; only the number moved.
    assert_eq!(
        serde_json::to_value(&memory).unwrap(),
        with_version(v1.clone(), 2)
    );
    assert_eq!(memory.questions.len(), 5);
    assert_eq!(memory.scores.len(), 2);
    assert_eq!(memory.scores[1].code.as_deref(), Some("NKXQ-RZX6"));
    // Reading changed nothing on disk.
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // Its questions are asked again: a review a month later has them all.
    let dataset = Dataset::embedded().unwrap();
    let later = chrono::DateTime::parse_from_rfc3339("2026-04-01T09:00:00Z")
        .unwrap()
        .to_utc();
    assert_eq!(memory.due(later).len(), 5);
    assert_eq!(memory.review_quiz(&dataset, later, 1).questions.len(), 5);
    // The next save writes version 2, and reads back the same.
    storage::save_json(&path, &memory).unwrap();
    let saved: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved, with_version(v1, 2));
    let Loaded::Read(again) = storage::load_json::<Memory>(&path) else {
        panic!("the version-2 memory must be read");
    };
    assert_eq!(again, memory);
    assert_eq!(names_in(dir.path()), ["quiz-memory.json"]);
}

#[test]
fn version_1_notes_are_read_and_migrated_with_everything_in_them() {
    let text = fixture("notes-v1.json");
    let v1: Value = serde_json::from_str(&text).unwrap();
    // The Study view's notes started from Notes::default(), which said 0.
    assert_eq!(v1["version"], 0);
    let (dir, path) = in_folder("notes.json", &text);
    let Loaded::Read(notes) = storage::load_json::<Notes>(&path) else {
        panic!("the version-1 notes must be read");
    };
    assert_eq!(notes.version, 2);
    assert_eq!(
        serde_json::to_value(&notes).unwrap(),
        with_version(v1.clone(), 2)
    );
    assert_eq!(notes.entries.len(), 3);
    assert!(notes.is_highlighted("nam-ambassadors-briefing-2020", 3));
    assert_eq!(
        notes.get("mfa-foreign-policy", 10).unwrap().text,
        "155 countries in 2025; compare 149 in 2022.\nSecond line “quoted”."
    );
    let markdown = notes.to_markdown(&Dataset::embedded().unwrap());
    assert!(
        markdown.contains("Operative ¶ — Year of Peace and Trust"),
        "{markdown}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    storage::save_json(&path, &notes).unwrap();
    let saved: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved, with_version(v1, 2));
    assert_eq!(names_in(dir.path()), ["notes.json"]);
}

#[test]
fn a_save_without_a_version_is_version_1() {
    let mut memory: Value = serde_json::from_str(&fixture("quiz-memory-v1.json")).unwrap();
    memory.as_object_mut().unwrap().remove("version");
    let read: Memory = storage::read_versioned(&memory.to_string()).unwrap();
    assert_eq!(
        serde_json::to_value(&read).unwrap(),
        with_version(memory, 2)
    );
    let mut notes: Value = serde_json::from_str(&fixture("notes-v1.json")).unwrap();
    notes.as_object_mut().unwrap().remove("version");
    let read: Notes = storage::read_versioned(&notes.to_string()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), with_version(notes, 2));
}

#[test]
fn a_version_2_save_reads_as_it_is() {
    let memory: Value = with_version(
        serde_json::from_str(&fixture("quiz-memory-v1.json")).unwrap(),
        2,
    );
    let read: Memory = storage::read_versioned(&memory.to_string()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), memory);
    let notes = with_version(serde_json::from_str(&fixture("notes-v1.json")).unwrap(), 2);
    let read: Notes = storage::read_versioned(&notes.to_string()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), notes);
}

/// A save from a future version: version 3, a field this version does not
/// know, and one it knows in a new shape.
fn newer_memory() -> String {
    let mut memory: Value = serde_json::from_str(&fixture("quiz-memory-v1.json")).unwrap();
    memory["version"] = Value::from(3);
    memory["scores"] = serde_json::json!({"kept": "in a new shape"});
    memory["streak"] = Value::from(12);
    serde_json::to_string_pretty(&memory).unwrap()
}

fn newer_notes() -> String {
    let mut notes: Value = serde_json::from_str(&fixture("notes-v1.json")).unwrap();
    notes["version"] = Value::from(3);
    notes["folders"] = serde_json::json!(["History"]);
    serde_json::to_string_pretty(&notes).unwrap()
}

#[test]
fn a_newer_save_is_left_in_place_untouched_and_never_written_over() {
    for (name, text) in [
        ("quiz-memory.json", newer_memory()),
        ("notes.json", newer_notes()),
    ] {
        let (dir, path) = in_folder(name, &text);
        let expected = format!(
            "{} was saved by a newer version of Neutrality Reader (format 3); not changed",
            path.display()
        );
        let loaded = if name == "notes.json" {
            match storage::load_json::<Notes>(&path) {
                Loaded::SetAside { reason, moved_to } => (reason, moved_to),
                other => panic!("{name}: {other:?}"),
            }
        } else {
            match storage::load_json::<Memory>(&path) {
                Loaded::SetAside { reason, moved_to } => (reason, moved_to),
                other => panic!("{name}: {other:?}"),
            }
        };
        assert_eq!(loaded, (expected.clone(), None), "{name}");
        // Saving over it is refused, with the same words.
        let refused = if name == "notes.json" {
            storage::save_json(&path, &Notes::new())
        } else {
            storage::save_json(&path, &Memory::new())
        };
        assert_eq!(refused.unwrap_err().to_string(), expected);
        assert_eq!(fs::read_to_string(&path).unwrap(), text, "{name}");
        assert_eq!(names_in(dir.path()), [name]);
    }
    assert_eq!(
        storage::read_versioned::<Memory>(&newer_memory()),
        Err(Unreadable::Newer { version: 3 })
    );
}

/// The code of a quiz whose first question takes one option, not an order.
fn quiz_code_with_a_single_answer_first() -> QuizCode {
    let dataset = Dataset::embedded().unwrap();
    (1..100)
        .map(|seed| {
            QuizCode::from_options(
                &QuizOptions {
                    seed,
                    count: 5,
                    ..QuizOptions::default()
                },
                Fingerprint::of(&dataset),
            )
            .unwrap()
        })
        .find(|code| {
            !generate(&dataset, &code.options()).questions[0]
                .kind
                .is_ordering()
        })
        .unwrap()
}

#[test]
fn the_quiz_view_says_so_and_answers_go_unsaved_over_a_newer_memory() {
    let text = newer_memory();
    let (dir, path) = in_folder("quiz-memory.json", &text);
    let file = path.clone();
    let mut harness = window([1400.0, 1000.0], move |app| {
        let mut app = app.with_quiz_memory(file);
        app.show_view(View::Quiz);
        app
    });
    harness.get_by_label_contains("Your quiz progress could not be read: ");
    harness.get_by_label_contains("was saved by a newer version of Neutrality Reader (format 3); not changed. A fresh record was started for this session.");
    // A quiz answered: the app works, and the file stays as the newer version left it.
    let code = quiz_code_with_a_single_answer_first();
    harness
        .get_by_role_and_label(Role::TextInput, "Quiz code")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Quiz code")
        .type_text(&code.to_string());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Start this quiz")
        .click();
    harness.run();
    harness.key_press(egui::Key::A);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().quiz().memory.questions.len(), 1);
    harness.get_by_label_contains("Your quiz progress could not be saved to");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // Beside it only the empty lock file of the merging save (shared_save.rs).
    assert_eq!(
        names_in(dir.path()),
        [".quiz-memory.json.lock", "quiz-memory.json"]
    );
}

#[test]
fn the_study_view_says_so_and_notes_go_unsaved_over_newer_notes() {
    let text = newer_notes();
    let (dir, path) = in_folder("notes.json", &text);
    let file = path.clone();
    let mut harness = window([1400.0, 2400.0], move |app| {
        let mut app = app.with_notes_file(file);
        app.open("mfa-foreign-policy", None);
        app
    });
    harness.get_by_label_contains("Your notes could not be read: ");
    harness.get_by_label_contains(
        "was saved by a newer version of Neutrality Reader (format 3); not changed",
    );
    assert!(harness.state().notes().entries.is_empty());
    harness
        .get_by_role_and_label(Role::Button, "Paragraph 2: highlight or note")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Highlight")
        .click();
    harness.run();
    assert!(
        harness
            .state()
            .notes()
            .is_highlighted("mfa-foreign-policy", 2)
    );
    harness.get_by_label_contains("Your notes could not be saved to");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    // Beside it only the empty lock file of the merging save (shared_save.rs).
    assert_eq!(names_in(dir.path()), [".notes.json.lock", "notes.json"]);
}
