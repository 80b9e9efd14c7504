//! A large unit is read in the background: the window answers while it is
//! read, says so under the top bar, and shows the unit when it is ready.
//! Runs without a display.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot write its data should fail loudly"
)]

use crate::common;
use crate::window;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use common::{copy_dir, example_dir};
use neutrality_reader::ui::app::ReaderApp;
use window::window;

/// What the top bar names the unit by: its manifest's title.
const TITLE: &str = "Dataset: The founding of the United Nations";

/// The example unit with a paragraph of about `megabytes` MB added at the
/// end of an article, so that reading and checking it takes a while.
fn large_unit(dir: &Path, megabytes: usize) -> PathBuf {
    let unit = dir.join("large-unit");
    copy_dir(&example_dir(), &unit);
    let article = unit.join("articles/the-charter-comes-into-force.ron");
    let text = std::fs::read_to_string(&article).unwrap();
    let end = text.rfind("\n    ],").unwrap();
    let long = "Word after word of a long paragraph. ".repeat(megabytes * 1_000_000 / 37);
    let text = format!(
        "{}\n        Paragraph(text: \"{long}\"),{}",
        &text[..end],
        &text[end..]
    );
    std::fs::write(&article, text).unwrap();
    unit
}

/// File, "Open dataset folder…", the path typed, Open.
fn open_by_typed_path(harness: &mut Harness<'static, ReaderApp>, folder: &Path) {
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open dataset folder…")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&folder.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    // Frame by frame: `run` would go on while the spinner turns, until the
    // unit is read.
    harness.step();
    harness.step();
}

/// The line under the top bar names the unit being read: by its folder
/// until its manifest is read, then by its title.
fn reading_shown(harness: &Harness<'static, ReaderApp>) -> bool {
    harness
        .query_by_label_contains("Reading “large-unit”")
        .or_else(|| harness.query_by_label_contains("Reading “The founding of the United Nations”"))
        .is_some()
}

#[test]
fn the_window_answers_while_a_large_unit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let unit = large_unit(dir.path(), 6);
    let storage = dir.path().join("profile");
    let mut harness = window([1280.0, 800.0], move |app| {
        app.with_storage_dir(storage).with_load_wait(Duration::ZERO)
    });
    open_by_typed_path(&mut harness, &unit);
    // Asked for, not yet read: said under the top bar, the bundled dataset
    // still on screen.
    assert!(
        reading_shown(&harness),
        "no line says the unit is being read"
    );
    assert!(harness.query_by_label(TITLE).is_none());
    // The window answers meanwhile: another view opens.
    harness
        .get_by_role_and_label(Role::Button, "Organizations")
        .click();
    harness.step();
    harness.step();
    assert!(
        reading_shown(&harness),
        "the unit was read within a few frames"
    );
    assert!(harness.state().settings().view == neutrality_reader::ui::command::View::Organizations);
    // Then the unit arrives, and the line goes.
    let started = Instant::now();
    while harness.query_by_label(TITLE).is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the unit never arrived"
        );
        std::thread::sleep(Duration::from_millis(50));
        // A frame at a time: the spinner asks for frames while it turns.
        harness.step();
    }
    harness.run();
    assert!(!reading_shown(&harness));
}
