//! The saved files' notices have one place: a damaged settings file, notes
//! file and quiz memory are each set aside, and all three are said in one
//! strip under the top bar, in every view, until one button puts them away.

use crate::window;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

use neutrality_reader::ui::command::View;
use neutrality_reader::ui::datasets;
use neutrality_reader::ui::saved_settings::SETTINGS_FILE;
use window::window;

const SETTINGS: &str = "Your settings could not be read";
const NOTES: &str = "Your notes could not be read";
const QUIZ: &str = "Your quiz progress could not be read";

#[test]
fn damaged_settings_notes_and_quiz_memory_are_said_in_one_strip_in_every_view() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (notes, memory) = datasets::saved_files(dir.path(), None);
    for file in [dir.path().join(SETTINGS_FILE), notes, memory] {
        std::fs::write(&file, "{ this is not what was saved").unwrap_or_else(|e| panic!("{e}"));
    }
    let storage = dir.path().to_path_buf();
    let mut harness = window([1280.0, 800.0], move |app| app.with_storage_dir(storage));
    for view in View::ALL {
        harness.state_mut().show_view(view);
        harness.run();
        for notice in [SETTINGS, NOTES, QUIZ] {
            harness.get_by_label_contains(notice);
        }
        // One strip, one button, whatever the view.
        assert_eq!(
            harness
                .query_all_by_role_and_label(Role::Button, "Dismiss")
                .count(),
            1,
            "{view:?}"
        );
    }
    harness
        .get_by_role_and_label(Role::Button, "Dismiss")
        .click();
    harness.run();
    for notice in [SETTINGS, NOTES, QUIZ] {
        assert!(
            harness.query_by_label_contains(notice).is_none(),
            "{notice}"
        );
    }
    assert!(harness.state().settings_notices().is_empty());
    // Each damaged file was kept beside, not deleted.
    let kept = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .count();
    assert_eq!(kept, 3);
}
