//! The reader's settings in `settings.json`, as a reader meets them: kept
//! across a restart, taken over from eframe's older store, a damaged file
//! set aside with a notice on screen, a newer version's file left alone, a
//! failed save said and tried again.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot set up its files should fail loudly"
)]

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::MemoryStorage;
use neutrality_reader::dataset::Dataset;
use neutrality_reader::ui::app::{DataOrigin, DatasetSource, ReaderApp};
use neutrality_reader::ui::command::View;
use neutrality_reader::ui::datasets;
use neutrality_reader::ui::saved_settings::{
    ReadSettings, SETTINGS_FILE, SettingsNotice, read_settings,
};
use neutrality_reader::ui::state::{STORAGE_KEY, Settings, TEXT_SIZE_DEFAULT};

const FOREIGN_POLICY: &str = "mfa-foreign-policy";

/// The app as it starts: eframe's store `store` (the older home of the
/// settings), then the storage folder `dir`.
fn start(dir: &Path, store: &MemoryStorage) -> Harness<'static, ReaderApp> {
    let dir = dir.to_path_buf();
    let store = store.clone();
    let data = Arc::new(Dataset::embedded().unwrap());
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| {
            ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), Some(&store))
                .with_storage_dir(dir)
        });
    harness.run();
    harness
}

/// What eframe does every 30 seconds and when the window closes.
fn save(harness: &mut Harness<'static, ReaderApp>, store: &mut MemoryStorage) {
    eframe::App::save(harness.state_mut(), store);
    harness.run();
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Opens "Foreign Policy" from the library and makes the text larger twice.
fn change_settings(harness: &mut Harness<'static, ReaderApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Foreign Policy")
        .click();
    harness.run();
    for _ in 0..2 {
        harness.get_by_role_and_label(Role::Button, "A+").click();
        harness.run();
    }
}

#[test]
fn settings_are_kept_in_their_own_file_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = MemoryStorage::default();
    let mut harness = start(dir.path(), &store);
    change_settings(&mut harness);
    save(&mut harness, &mut store);
    drop(harness);

    let file = dir.path().join(SETTINGS_FILE);
    let ReadSettings::Read(saved) = read_settings(&file) else {
        panic!("the settings were written to {}", file.display());
    };
    assert_eq!(saved.text_size, TEXT_SIZE_DEFAULT + 4.0);
    assert_eq!(saved.open_article.as_deref(), Some(FOREIGN_POLICY));
    assert!(
        !store.0.contains_key(STORAGE_KEY),
        "nothing of the settings is written to eframe's store"
    );
    // Written whole, with no temporary file left beside it.
    assert_eq!(file_names(dir.path()), [SETTINGS_FILE]);

    let restarted = start(dir.path(), &store);
    let settings = restarted.state().settings();
    assert_eq!(settings.text_size, TEXT_SIZE_DEFAULT + 4.0);
    assert_eq!(settings.open_article.as_deref(), Some(FOREIGN_POLICY));
    restarted.get_by_label("22 pt");
    restarted.get_by_label_contains("implemented based on the Constitution of Turkmenistan");
    assert!(restarted.state().settings_notices().is_empty());
}

#[test]
fn settings_from_eframes_older_store_are_taken_over_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = MemoryStorage::default();
    let older = Settings {
        open_article: Some(FOREIGN_POLICY.to_owned()),
        text_size: 26.0,
        view: View::Timeline,
        ..Settings::default()
    };
    eframe::set_value(&mut store, STORAGE_KEY, &older);
    store
        .0
        .insert("egui".to_owned(), "(the window's layout)".to_owned());

    let mut harness = start(dir.path(), &store);
    assert_eq!(harness.state().settings().text_size, 26.0);
    assert_eq!(harness.state().settings().view, View::Timeline);
    assert_eq!(
        harness.state().settings().open_article.as_deref(),
        Some(FOREIGN_POLICY)
    );
    // The article's text size is shown beside it, in Study only.
    assert!(harness.query_by_label("26 pt").is_none());
    harness.state_mut().show_view(View::Study);
    harness.run();
    harness.get_by_label("26 pt");
    assert!(harness.state().settings_notices().is_empty());
    save(&mut harness, &mut store);
    drop(harness);

    // Now in the file, and gone from eframe's store, whose own state stays.
    let ReadSettings::Read(saved) = read_settings(&dir.path().join(SETTINGS_FILE)) else {
        panic!("the settings taken over were written to the file");
    };
    assert_eq!(saved.text_size, 26.0);
    assert_eq!(store.0.keys().collect::<Vec<_>>(), ["egui"]);

    // The file now wins over anything put back in eframe's store.
    eframe::set_value(
        &mut store,
        STORAGE_KEY,
        &Settings {
            text_size: 14.0,
            ..Settings::default()
        },
    );
    let restarted = start(dir.path(), &store);
    assert_eq!(restarted.state().settings().text_size, 26.0);
}

#[test]
fn a_damaged_settings_file_is_set_aside_and_the_reader_told() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(SETTINGS_FILE);
    let torn = "{\n  \"text_size\": 26.0,\n  \"open_art";
    fs::write(&file, torn).unwrap();
    let mut store = MemoryStorage::default();
    let mut harness = start(dir.path(), &store);

    // The usual settings, and the file kept under another name (beside it
    // the usual settings as the first frame left them: written on change).
    assert_eq!(harness.state().settings().text_size, TEXT_SIZE_DEFAULT);
    let names = file_names(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(names[0], SETTINGS_FILE);
    assert!(names[1].starts_with("settings.json.corrupt-"), "{names:?}");
    let kept = dir.path().join(&names[1]);
    assert_eq!(fs::read_to_string(&kept).unwrap(), torn);
    let expected = format!(
        "Your settings could not be read: {} is damaged (line 3, column 11: EOF while parsing a string). \
         The file was kept as {}, and the reader starts with the usual settings.",
        file.display(),
        kept.display()
    );
    harness.get_by_label(&expected);

    // Put away by the reader; the next save writes a good file in its place.
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    assert!(harness.query_by_label(&expected).is_none());
    change_settings(&mut harness);
    save(&mut harness, &mut store);
    let ReadSettings::Read(saved) = read_settings(&file) else {
        panic!("a good file was written in place of the damaged one");
    };
    assert_eq!(saved.text_size, TEXT_SIZE_DEFAULT + 4.0);
    assert_eq!(fs::read_to_string(&kept).unwrap(), torn);
}

#[test]
fn a_settings_file_from_a_newer_version_is_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(SETTINGS_FILE);
    let newer = "{\"version\": 5, \"text_size\": {\"study\": 20, \"quiz\": 30}}";
    fs::write(&file, newer).unwrap();
    let mut store = MemoryStorage::default();
    let mut harness = start(dir.path(), &store);
    harness.get_by_label(&format!(
        "Your settings in {} were saved by a newer version of Neutrality Reader. They are left as \
         they are; the reader starts with the usual settings, and changes made now are not saved.",
        file.display()
    ));
    change_settings(&mut harness);
    save(&mut harness, &mut store);
    assert_eq!(fs::read_to_string(&file).unwrap(), newer);
    assert_eq!(file_names(dir.path()), [SETTINGS_FILE]);
    assert!(!store.0.contains_key(STORAGE_KEY));
}

#[test]
fn a_failed_save_is_said_and_tried_again() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("storage");
    let mut store = MemoryStorage::default();
    let mut harness = start(&dir, &store);
    // The storage folder is gone and a file stands in its place; the
    // settings change (each change is written as it comes: that fails too).
    fs::remove_dir_all(&dir).unwrap();
    fs::write(&dir, "not a folder").unwrap();
    change_settings(&mut harness);
    save(&mut harness, &mut store);
    let notices = harness.state().settings_notices().to_vec();
    let [SettingsNotice::Unsaved { file, error }] = notices.as_slice() else {
        panic!("a failed save is said");
    };
    assert_eq!(*file, dir.join(SETTINGS_FILE));
    harness.get_by_label(&format!(
        "Your settings could not be saved to {}: {error}. They are kept while the app runs, and \
         saving is tried again.",
        file.display()
    ));
    assert_eq!(
        harness.state().settings().text_size,
        TEXT_SIZE_DEFAULT + 4.0
    );

    // The folder is back: the next save writes the file and the notice goes.
    fs::remove_file(&dir).unwrap();
    save(&mut harness, &mut store);
    assert!(harness.state().settings_notices().is_empty());
    let ReadSettings::Read(saved) = read_settings(file) else {
        panic!("the settings were saved once the folder was back");
    };
    assert_eq!(saved.text_size, TEXT_SIZE_DEFAULT + 4.0);
}

#[test]
fn a_window_store_set_aside_is_said_with_the_settings_until_put_away() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(SETTINGS_FILE), "not json").unwrap();
    let moved = dir.path().join("app.ron.corrupt-20261123-101500");
    let data = Arc::new(Dataset::embedded().unwrap());
    let notice = SettingsNotice::WindowStoreSetAside {
        file: dir.path().join("app.ron"),
        moved_to: Some(moved.clone()),
    };
    let storage_dir = dir.path().to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| {
            ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None)
                .with_storage_dir(storage_dir)
                .with_settings_notice(notice)
        });
    harness.run();
    // Both said, one under the other.
    let window_store = format!(
        "The window’s saved size and layout could not be read; the file was kept as {}, and they \
         start afresh. Your settings, notes and quiz progress are not affected.",
        moved.display()
    );
    harness.get_by_label(&window_store);
    harness.get_by_label_contains("Your settings could not be read: ");
    assert_eq!(harness.state().settings_notices().len(), 2);
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    assert!(harness.query_by_label(&window_store).is_none());
    assert!(
        harness
            .query_by_label_contains("Your settings could not be read: ")
            .is_none()
    );
}

/// The app as it starts with no `--data`: the storage folder `dir`, then the
/// dataset folder that was open at the last close, if any.
fn start_reopening(dir: &Path) -> Harness<'static, ReaderApp> {
    let dir = dir.to_path_buf();
    let data = Arc::new(Dataset::embedded().unwrap());
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| {
            ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None)
                .with_storage_dir(dir)
                .reopen_last_dataset()
        });
    harness.run();
    harness
}

/// A first run that opens `unit` (a copy of the example), then `then`, and
/// closes: storage in `root/storage`.
fn run_with_unit_open(
    root: &Path,
    unit: &Path,
    store: &mut MemoryStorage,
    then: impl FnOnce(&mut Harness<'static, ReaderApp>),
) {
    let mut harness = start_reopening(&root.join("storage"));
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
    harness.state_mut().open_dataset_folder(unit);
    harness.run();
    then(&mut harness);
    save(&mut harness, store);
}

#[test]
fn the_dataset_folder_open_at_the_last_close_opens_again() {
    let root = tempfile::tempdir().unwrap();
    let storage = root.path().join("storage");
    let unit = root.path().join("unit");
    common::copy_dir(&common::example_dir(), &unit);
    let mut store = MemoryStorage::default();
    run_with_unit_open(root.path(), &unit, &mut store, |harness| {
        harness
            .get_by_role_and_label(Role::Button, "The Charter comes into force")
            .click();
        harness.run();
    });

    // Back where it was: the folder, at the article that was open.
    let mut harness = start_reopening(&storage);
    let canonical = datasets::canonical(&unit);
    assert_eq!(
        harness.state().dataset_source(),
        &DatasetSource::Folder(canonical.clone())
    );
    assert_eq!(
        harness.state().settings().open_article.as_deref(),
        Some("the-charter-comes-into-force")
    );
    harness.get_by_label("Dataset: The founding of the United Nations");

    // Back to the bundled dataset: that is what the next start shows.
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open the bundled dataset")
        .click();
    harness.run();
    save(&mut harness, &mut store);
    drop(harness);
    let harness = start_reopening(&storage);
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
}

#[test]
fn a_last_folder_broken_meanwhile_is_listed_and_one_gone_is_left() {
    let root = tempfile::tempdir().unwrap();
    let storage = root.path().join("storage");
    let unit = root.path().join("unit");
    common::copy_dir(&common::example_dir(), &unit);
    let mut store = MemoryStorage::default();
    run_with_unit_open(root.path(), &unit, &mut store, |_| {});

    // Broken between two runs: the bundled dataset, and the folder's problem listed.
    let events = unit.join("events.ron");
    let text = fs::read_to_string(&events).unwrap();
    fs::write(&events, text.replacen("title:", "titel:", 1)).unwrap();
    let mut harness = start_reopening(&storage);
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
    assert_eq!(harness.state().load_problems().len(), 1);
    harness.get_by_label_contains("unit could not be loaded (1 problem)");
    // Not tried again at the next start, unless it was fixed and opened.
    save(&mut harness, &mut store);
    drop(harness);
    let harness = start_reopening(&storage);
    assert!(harness.state().load_problems().is_empty());
    drop(harness);

    // Gone: nothing is said but the recent list's "(missing)".
    fs::write(&events, text).unwrap();
    run_with_unit_open(root.path(), &unit, &mut store, |_| {});
    fs::remove_dir_all(&unit).unwrap();
    let harness = start_reopening(&storage);
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
    assert!(harness.state().load_problems().is_empty());
}
