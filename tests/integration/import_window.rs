//! File > Import… in the window, driven as a user drives it with no desktop
//! file dialog (as in tests): the file's path typed, the folder beside it
//! offered, Import; the report is shown and the new unit is open. Runs
//! without a display.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::window;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::ui::app::{DatasetSource, ReaderApp};
use window::window;

fn app(storage: &Path) -> Harness<'static, ReaderApp> {
    let storage = storage.to_path_buf();
    window([1400.0, 1200.0], move |app| app.with_storage_dir(storage))
}

/// Runs frames until `done`, for at most 20 seconds: the import runs on its
/// own thread and the unit is read on the loading thread.
fn run_until(
    harness: &mut Harness<'static, ReaderApp>,
    what: &str,
    done: impl Fn(&Harness<'static, ReaderApp>) -> bool,
) {
    let started = Instant::now();
    loop {
        // A spinner asks for frames while the import runs.
        let _ = harness.try_run();
        if done(harness) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "gave up waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// File, "Import…", the file's path typed.
fn open_import_with(harness: &mut Harness<'static, ReaderApp>, source: &Path) {
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Import…")
        .click();
    harness.run();
    harness.get_by_label("Import into a new unit");
    harness
        .get_by_role_and_label(Role::TextInput, "File to import")
        .type_text(&source.display().to_string());
    harness.run();
}

#[test]
fn an_article_imported_from_the_file_menu_opens_as_a_unit() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("lesson.md");
    std::fs::write(
        &source,
        "# Neutrality lesson\n\nThe first paragraph.\n\n## Words\n\n- neutrality\n- trust\n\n![A map](map.png)\n",
    )
    .unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_import_with(&mut harness, &source);
    // The folder beside the file, named after it, is offered.
    let unit = dir.path().join("lesson");
    let offered = harness
        .get_by_role_and_label(Role::TextInput, "New unit folder (new or empty)")
        .value()
        .unwrap_or_default();
    assert_eq!(offered, unit.display().to_string());
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    run_until(&mut harness, "the unit to open", |h| {
        h.state().dataset_source() == &DatasetSource::Folder(unit.clone())
            && h.state().dataset().articles.len() == 1
    });
    // The report: done, and the image that was not carried over, by line.
    harness.get_by_label("Imported: the new unit is open.");
    harness.get_by_label("Not carried over, or carried over otherwise (1):");
    harness.get_by_label("lesson.md: line 10: an image (map.png) is not carried over");
    // The unit's article is in the library.
    harness.get_by_role_and_label(Role::Button, "Neutrality lesson");
    let article = &harness.state().dataset().articles[0];
    assert_eq!(article.body.len(), 3);
    assert_eq!(article.body[2].kind_name(), "list");
}

#[test]
fn a_folder_with_files_is_refused_in_the_window_and_nothing_opens() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("notes.txt");
    std::fs::write(&source, "Notes\n\nOne paragraph.\n").unwrap();
    let taken = dir.path().join("taken");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("mine.txt"), "mine").unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_import_with(&mut harness, &source);
    harness
        .get_by_role_and_label(Role::TextInput, "New unit folder (new or empty)")
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "New unit folder (new or empty)")
        .type_text(&taken.display().to_string());
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    run_until(&mut harness, "the refusal", |h| {
        h.query_by_label("Nothing was imported:").is_some()
    });
    harness.get_by_label(&format!(
        "{} already has files in it; `import` writes only into a new or empty folder, so that nothing of yours is written over",
        taken.display()
    ));
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
    assert_eq!(std::fs::read_dir(&taken).unwrap().count(), 1);
}
