//! File > "Export the timeline for TimelineJS…" in the window, as a teacher
//! drives it with no desktop dialog: the path typed over the default, Save,
//! and the file holds what `export --format timelinejs` makes; Cancel
//! writes nothing; a place that cannot be written is said. Runs without a
//! display.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::window;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::dataset::{Dataset, to_timelinejs};
use neutrality_reader::ui::app::ReaderApp;
use window::window;

/// File, the menu item, and `path` typed over the default offered; returns
/// the default.
fn export_to(harness: &mut Harness<'static, ReaderApp>, path: &std::path::Path) -> String {
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export the timeline for TimelineJS…")
        .click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Save the timeline as");
    let default = field.value().unwrap_or_default();
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Save the timeline as")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save").click();
    harness.run();
    default
}

#[test]
fn the_timeline_is_written_as_the_command_line_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.json");
    let mut harness = window([1280.0, 800.0], |app| app);
    let default = export_to(&mut harness, &path);
    assert!(
        default.ends_with("Turkmenistan-s-foreign-policy-and-permanent-neutrality-timeline.json"),
        "{default}"
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let dataset = Dataset::embedded().unwrap();
    assert_eq!(written, to_timelinejs(&dataset));
    harness.get_by_label(&format!(
        "Exported {} events to {}",
        dataset.events.len(),
        path.display()
    ));
}

#[test]
fn cancel_writes_nothing_and_a_bad_place_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window([1024.0, 700.0], |app| app);
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Export the timeline for TimelineJS…")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Save the timeline as")
            .is_none()
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    std::fs::write(dir.path().join("a-file"), b"").unwrap();
    let path = dir.path().join("a-file/timeline.json");
    export_to(&mut harness, &path);
    harness.get_by_label_contains(&format!(
        "Could not export the timeline to {}",
        path.display()
    ));
}
