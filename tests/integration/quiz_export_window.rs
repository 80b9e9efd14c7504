//! "Export…" on the quiz's setup and results, clicked and typed as a teacher
//! would: each format of the list (the command line's list) is chosen,
//! exported to a typed path (no desktop dialog in tests), and the file
//! holds exactly what `neutrality-reader quiz --code CODE --format F` makes
//! for the quiz whose code its name carries; the results screen exports the
//! quiz just taken. Runs without a display.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::window;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::Dataset;
use neutrality_reader::quiz::action::QuizAction;
use neutrality_reader::quiz::export::{QuizExportFormat, export};
use neutrality_reader::quiz::session::Mode;
use neutrality_reader::quiz::{QuizCode, QuizOptions, generate};
use neutrality_reader::ui::app::ReaderApp;
use neutrality_reader::ui::command::View;
use window::window;

/// The label the list gives `format` (as the interface's English says it).
fn label(format: QuizExportFormat) -> &'static str {
    match format {
        QuizExportFormat::Markdown => "Paper (Markdown worksheet)",
        QuizExportFormat::Json => "Other programs (JSON)",
        QuizExportFormat::Gift => "Moodle (GIFT)",
        QuizExportFormat::MoodleXml => "Moodle (Moodle XML)",
        QuizExportFormat::Qti => "Canvas, Blackboard (QTI 1.2 .zip)",
        QuizExportFormat::Quizlet => "Quizlet (term and definition)",
        QuizExportFormat::Anki => "Anki (.apkg deck)",
        QuizExportFormat::Kahoot => "Kahoot (.xlsx spreadsheet)",
        QuizExportFormat::Pdf => "Paper (PDF, versions A and B)",
    }
}

/// Chooses `format` in the list, clicks Export…, and types `path` over the
/// default offered; returns the default's file name.
fn export_to(
    harness: &mut Harness<'static, ReaderApp>,
    format: QuizExportFormat,
    path: &std::path::Path,
) -> String {
    harness
        .get_by_role_and_label(Role::ComboBox, "Export this quiz for")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, label(format))
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export…")
        .click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Save the quiz as");
    let default = field.value().unwrap_or_default();
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Save the quiz as")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    std::path::Path::new(&default)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The quiz code in a default file name: "…-quiz-ABCDE-FGHIJ.ext".
fn code_in(name: &str) -> QuizCode {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let code = stem
        .rsplit_once("-quiz-")
        .map(|(_, c)| c)
        .unwrap_or_default();
    QuizCode::parse(code).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The entries of a zip file (an .xlsx, .apkg or QTI .zip), by name.
fn zip_entries(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            entry.read_to_end(&mut data).unwrap();
            (entry.name().unwrap().into_owned(), data)
        })
        .collect()
}

/// The notes of an Anki deck: guid and fields, by guid.
fn anki_notes(bytes: &[u8]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("collection.anki2");
    std::fs::write(&path, &zip_entries(bytes)["collection.anki2"]).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let mut query = db
        .prepare("SELECT guid, flds FROM notes ORDER BY guid")
        .unwrap();
    query
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The window wrote what the command line makes: the same bytes, but for
/// the times a file carries of its making (Anki's modification times that
/// make a later export update the notes; the spreadsheet's creation date).
fn assert_same_content(format: QuizExportFormat, written: &[u8], expected: &[u8]) {
    match format {
        QuizExportFormat::Anki => {
            let notes = anki_notes(written);
            assert!(!notes.is_empty());
            assert_eq!(notes, anki_notes(expected));
        }
        QuizExportFormat::Kahoot => {
            let mut written = zip_entries(written);
            let mut expected = zip_entries(expected);
            written.remove("docProps/core.xml");
            expected.remove("docProps/core.xml");
            assert!(written.keys().any(|name| name.contains("sheet")));
            assert_eq!(written, expected);
        }
        _ => assert_eq!(written, expected, "{format:?}"),
    }
}

#[test]
fn every_format_is_exported_from_the_setup_as_the_command_line_makes_it() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = Dataset::embedded().unwrap();
    let mut harness = window([1280.0, 900.0], |mut app| {
        app.show_view(View::Quiz);
        app
    });
    for format in QuizExportFormat::ALL {
        let path = dir
            .path()
            .join(format!("out-{}.{}", format.key(), format.extension()));
        let default = export_to(&mut harness, format, &path);
        assert!(
            default.ends_with(&format!(".{}", format.extension())),
            "{default}"
        );
        let quiz = generate(&dataset, &code_in(&default).options());
        let written = std::fs::read(&path).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        let expected = export(&quiz, &dataset, format).unwrap().into_bytes();
        assert_same_content(format, &written, &expected);
        harness.get_by_label(&format!(
            "Exported the quiz ({} questions) for {} to {}",
            quiz.questions.len(),
            label(format),
            path.display()
        ));
    }
}

#[test]
fn the_results_export_the_quiz_just_taken_and_cancel_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = Dataset::embedded().unwrap();
    let quiz = generate(
        &dataset,
        &QuizOptions {
            seed: 77,
            count: 5,
            ..Default::default()
        },
    );
    let mut harness = window([1280.0, 900.0], |mut app| {
        app.show_view(View::Quiz);
        app
    });
    harness
        .state_mut()
        .quiz_mut()
        .start(quiz.clone(), Mode::Test);
    for action in [QuizAction::AskToEnd, QuizAction::End] {
        harness.state_mut().quiz_mut().act(action);
    }
    harness.run();
    harness.get_by_label_contains("Take the same quiz again");

    // Cancel: nothing written, nothing said.
    harness
        .get_by_role_and_label(Role::Button, "Export…")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Save the quiz as")
            .is_none()
    );

    let path = dir.path().join("taken.txt");
    let default = export_to(&mut harness, QuizExportFormat::Gift, &path);
    assert!(
        default.contains(&quiz.code.map(|c| c.to_string()).unwrap_or_default()),
        "{default}"
    );
    let expected = export(&quiz, &dataset, QuizExportFormat::Gift)
        .unwrap()
        .into_bytes();
    assert_eq!(std::fs::read(&path).unwrap(), expected);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_place_that_cannot_be_written_is_said() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file"), b"").unwrap();
    let path = dir.path().join("a-file/quiz.md");
    let mut harness = window([1280.0, 900.0], |mut app| {
        app.show_view(View::Quiz);
        app
    });
    export_to(&mut harness, QuizExportFormat::Markdown, &path);
    harness.get_by_label_contains(&format!("Could not export the quiz to {}", path.display()));
}

#[test]
fn a_pdf_is_set_for_the_paper_chosen() {
    use neutrality_reader::quiz::export::{ExportSettings, Paper, export_with};
    let dir = tempfile::tempdir().unwrap();
    let dataset = Dataset::embedded().unwrap();
    let mut harness = window([1280.0, 900.0], |mut app| {
        app.show_view(View::Quiz);
        app
    });
    // The paper is offered only for the PDF (the first choice).
    harness.get_by_role_and_label(Role::Button, "Letter");
    harness
        .get_by_role_and_label(Role::ComboBox, "Export this quiz for")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, label(QuizExportFormat::Markdown))
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Letter")
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::ComboBox, "Export this quiz for")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, label(QuizExportFormat::Pdf))
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Letter")
        .click();
    harness.run();
    let path = dir.path().join("letter.pdf");
    let default = export_to(&mut harness, QuizExportFormat::Pdf, &path);
    let quiz = generate(&dataset, &code_in(&default).options());
    let settings = ExportSettings {
        paper: Paper::Letter,
    };
    let letter = export_with(&quiz, &dataset, QuizExportFormat::Pdf, settings).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), letter.exported.into_bytes());
    let a4 = export(&quiz, &dataset, QuizExportFormat::Pdf)
        .unwrap()
        .into_bytes();
    assert_ne!(std::fs::read(&path).unwrap(), a4);
}
