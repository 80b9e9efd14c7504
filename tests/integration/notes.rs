//! Notes as a reader writes them: click a paragraph's number, write, save,
//! highlight, find it in "My notes", export it as Markdown; a damaged notes
//! file is set aside. Runs without a display.

use crate::window;

use std::path::PathBuf;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::ui::app::ReaderApp;
use window::window;

fn app(notes: PathBuf) -> Harness<'static, ReaderApp> {
    window([1400.0, 2400.0], move |app| {
        let mut app = app.with_notes_file(notes);
        app.open("mfa-foreign-policy", None);
        app
    })
}

/// Clicks paragraph `n`'s number, as a reader does, and types `text` in
/// the note editor it opens.
fn open_and_type(harness: &mut Harness<'static, ReaderApp>, n: u32, text: &str) {
    harness
        .get_by_role_and_label(Role::Button, &format!("Paragraph {n}: highlight or note"))
        .click();
    harness.run();
    let field = format!("Note on paragraph {n}");
    harness.get_by_label(&field);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, &field)
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, &field)
        .type_text(text);
    harness.run();
}

#[test]
fn a_note_is_written_highlighted_listed_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    let mut harness = app(file.clone());
    open_and_type(&mut harness, 10, "155 in 2025, against 149 in 2022");
    harness
        .get_by_role_and_label(Role::Button, "Highlight")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Save note")
        .click();
    harness.run();
    let note = harness
        .state()
        .notes()
        .get("mfa-foreign-policy", 10)
        .unwrap()
        .clone();
    assert_eq!(note.text, "155 in 2025, against 149 in 2022");
    assert!(note.highlighted);
    // Shown under its paragraph, listed in "My notes", saved to disk.
    harness.get_by_label("Your note");
    harness.get_by_label("My notes (1)");
    harness.get_by_role_and_label(
        Role::Button,
        "¶10 · Foreign Policy: 155 in 2025, against 149 in 2022",
    );
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("155 in 2025, against 149 in 2022"));
    // Export: the reader is asked where (a typed path, without a desktop),
    // starting with a file named after the dataset and the date.
    harness
        .get_by_role_and_label(Role::Button, "Export notes as Markdown")
        .click();
    harness.run();
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let field = harness.get_by_role_and_label(Role::TextInput, "Save the notes as");
    let default = field.value().unwrap();
    assert!(
        default.ends_with(&format!("neutrality-reader-notes-{today}.md")),
        "{default}"
    );
    let exported = dir.path().join("chosen").join("my-notes.md");
    std::fs::create_dir(dir.path().join("chosen")).unwrap();
    field.set_text_value_accesskit(&exported.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    // Markdown with the paragraph quoted and its source, where it was asked.
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(text.contains("## Foreign Policy"), "{text}");
    assert!(text.contains("### Paragraph 10 (highlighted)"), "{text}");
    assert!(text.contains("155 in 2025, against 149 in 2022"), "{text}");
    assert!(
        text.contains("Source: *Foreign Policy*, paragraph 10."),
        "{text}"
    );
    harness.get_by_label(&format!("Notes exported to {}", exported.display()));
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Save the notes as")
            .is_none()
    );
}

#[test]
fn an_export_can_be_cancelled_and_a_folder_typed_gets_the_default_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    let mut harness = app(file);
    harness
        .get_by_role_and_label(Role::Button, "Paragraph 2: highlight or note")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Highlight")
        .click();
    harness.run();
    let export = |h: &mut Harness<'static, ReaderApp>| {
        h.get_by_role_and_label(Role::Button, "Export notes as Markdown")
            .click();
        h.run();
    };
    export(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Save the notes as")
            .is_none()
    );
    export(&mut harness);
    let field = harness.get_by_role_and_label(Role::TextInput, "Save the notes as");
    let default = std::path::PathBuf::from(field.value().unwrap());
    field.set_text_value_accesskit(&dir.path().display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    let written = dir.path().join(default.file_name().unwrap());
    assert!(written.is_file(), "{written:?}");
    harness.get_by_label_contains("Notes exported to ");
}

#[test]
fn notes_come_back_after_a_restart_and_a_damaged_file_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    {
        let mut harness = app(file.clone());
        harness
            .get_by_role_and_label(Role::Button, "Paragraph 2: highlight or note")
            .click();
        harness.run();
        harness
            .get_by_role_and_label(Role::Button, "Highlight")
            .click();
        harness.run();
    }
    let harness = app(file.clone());
    assert!(
        harness
            .state()
            .notes()
            .is_highlighted("mfa-foreign-policy", 2)
    );
    drop(harness);
    std::fs::write(&file, "{\"entries\": [").unwrap();
    let harness = app(file.clone());
    assert!(harness.state().notes().entries.is_empty());
    harness.get_by_label_contains("Your notes could not be read");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("notes.json.corrupt-")),
        "{names:?}"
    );
}

/// Replaces, in the saved notes file, every string `from` with `to`.
#[expect(
    clippy::unwrap_used,
    reason = "a test that cannot rewrite its notes file should fail loudly"
)]
fn rewrite_note(file: &std::path::Path, from: &str, to: &str) {
    fn walk(value: &mut serde_json::Value, from: &str, to: &str) {
        match value {
            serde_json::Value::String(text) if text == from => *text = to.to_owned(),
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| walk(v, from, to)),
            serde_json::Value::Object(map) => map.values_mut().for_each(|v| walk(v, from, to)),
            _ => {}
        }
    }
    let mut json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    walk(&mut json, from, to);
    std::fs::write(file, serde_json::to_string(&json).unwrap()).unwrap();
}

#[test]
fn a_five_megabyte_note_is_shown_in_part_kept_whole_and_not_laid_out_in_the_editor() {
    use neutrality_reader::notes::NOTE_MOST;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.json");
    {
        let mut harness = app(file.clone());
        open_and_type(&mut harness, 2, "short");
        harness
            .get_by_role_and_label(Role::Button, "Save note")
            .click();
        harness.run();
    }
    let huge = format!("{}end", "word ".repeat(1_000_000));
    rewrite_note(&file, "short", &huge);
    let mut harness = app(file.clone());
    let kept = harness
        .state()
        .notes()
        .get("mfa-foreign-policy", 2)
        .unwrap()
        .text
        .clone();
    assert_eq!(kept.len(), huge.len(), "the note is kept whole");
    // Shown in part, with how much more there is.
    let painted: usize = harness
        .output()
        .shapes
        .iter()
        .filter_map(|s| match &s.shape {
            egui::Shape::Text(text) => Some(text.galley.job.text.chars().count()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    assert!(
        painted <= NOTE_MOST + 1,
        "a text of {painted} characters was laid out"
    );
    harness.get_by_label_contains("more characters");
    // The editor does not lay it out, and saving keeps it.
    harness
        .get_by_role_and_label(Role::Button, "Paragraph 2: highlight or note")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::MultilineTextInput, "Note on paragraph 2")
            .is_none()
    );
    harness.get_by_label_contains("longer than the");
    harness
        .get_by_role_and_label(Role::Button, "Save note")
        .click();
    harness.run();
    let after = harness
        .state()
        .notes()
        .get("mfa-foreign-policy", 2)
        .unwrap()
        .text
        .clone();
    assert_eq!(after.len(), huge.len());
}
