//! A teacher's own dataset opened in the window: the File menu, a typed
//! path, the recent folders, notes kept per dataset, and live reload as the
//! author saves (a problem listed at file:line:column, its place shown).
//! Each test works on copies of `examples/founding-of-the-un` in a temporary
//! folder. Runs without a display.

#![expect(
    clippy::unwrap_used,
    reason = "helpers outside #[test]: a test that cannot copy its data should fail loudly"
)]

use crate::common;
use crate::window;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use common::{MemoryStorage, copy_dir, example_dir};
use neutrality_reader::dataset::{Dataset, Problem};
use neutrality_reader::ui::app::{DataOrigin, DatasetSource, ReaderApp};
use neutrality_reader::ui::datasets;
use window::window;

const CHARTER: &str = "The Charter comes into force";
const CHARTER_FILE: &str = "articles/the-charter-comes-into-force.ron";

/// The app on the bundled dataset, its notes and progress kept in `storage`.
/// Tall, so that every paragraph of the example's articles is on screen.
fn app(storage: &Path) -> Harness<'static, ReaderApp> {
    let storage = storage.to_path_buf();
    window([1400.0, 2400.0], move |app| app.with_storage_dir(storage))
}

/// File, "Open dataset folder…", the path typed, Open.
fn open_by_typed_path(harness: &mut Harness<'static, ReaderApp>, folder: &Path) {
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open dataset folder…")
        .click();
    harness.run();
    harness.get_by_label("Open dataset folder");
    // The path field has the keyboard as soon as the window opens.
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&folder.display().to_string());
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Open").click();
    harness.run();
}

/// Runs frames until `done`, for at most a few seconds (the watcher waits
/// for the files to be quiet, then wakes the window).
fn run_until(
    harness: &mut Harness<'static, ReaderApp>,
    what: &str,
    done: impl Fn(&Harness<'static, ReaderApp>) -> bool,
) {
    let started = Instant::now();
    loop {
        harness.run();
        if done(harness) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "gave up waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn has_button(harness: &Harness<'static, ReaderApp>, label: &str) -> bool {
    harness
        .query_by_role_and_label(Role::Button, label)
        .is_some()
}

#[test]
fn a_folder_opened_by_its_typed_path_replaces_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let mut harness = app(&dir.path().join("storage"));
    assert!(has_button(&harness, "Foreign Policy"));
    open_by_typed_path(&mut harness, &unit);
    // The library lists the folder's articles and nothing of the bundled one.
    harness.get_by_role_and_label(Role::Button, "From the Atlantic Charter to San Francisco");
    harness.get_by_role_and_label(Role::Button, CHARTER);
    assert!(!has_button(&harness, "Foreign Policy"));
    assert_eq!(
        harness.state().dataset_source(),
        &DatasetSource::Folder(unit.clone())
    );
    // The dialog closed; the top bar names the folder.
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Folder")
            .is_none()
    );
    // By its manifest's title; the folder's path is its hover.
    harness.get_by_label("Dataset: The founding of the United Nations");
    // Every view follows: the timeline and organizations are the folder's.
    assert!(
        harness
            .state()
            .dataset()
            .events
            .iter()
            .any(|e| e.id.contains("atlantic-charter"))
    );
    // And back to the bundled dataset from the File menu.
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Open the bundled dataset")
        .click();
    harness.run();
    assert!(has_button(&harness, "Foreign Policy"));
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
}

#[test]
fn a_new_starter_dataset_opens_says_what_is_empty_and_counts_one_in_the_singular() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("my-unit");
    neutrality_reader::dataset::starter::write_starter(&unit).unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_by_typed_path(&mut harness, &unit);
    harness.get_by_role_and_label(Role::Button, "The title of your first article");
    harness.get_by_label_contains("Paste the article's first paragraph here, word for word.");
    harness.get_by_label("Dataset: The title of your unit");
    harness.get_by_label("1 article");
    // No events, organizations or questions yet: each view says so.
    harness.get_by_label(
        "This dataset has no events yet. Add them to events.ron and they appear here.",
    );
    harness
        .get_by_role_and_label(Role::Button, "Timeline")
        .click();
    harness.run();
    harness.get_by_label("Events (0)");
    harness.get_by_label(
        "This dataset has no events yet. Add them to events.ron and they appear here.",
    );
    harness
        .get_by_role_and_label(Role::Button, "Organizations")
        .click();
    harness.run();
    harness.get_by_label(
        "This dataset has no organizations yet. Add them to organizations.ron and they appear here.",
    );
    // No filter box, chips, date or empty chart around the sentence.
    for label in ["matches the filter", "Filter", "Relationship:", "Kind:"] {
        assert!(harness.query_by_label_contains(label).is_none(), "{label}");
    }
    harness.get_by_role_and_label(Role::Button, "Quiz").click();
    harness.run();
    // Nothing to ask yet: no topic to tick, and the setup says why.
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Events")
            .is_none()
    );
    harness.get_by_label_contains("This unit has nothing to ask about yet");

    // One event and one organization written in, and the folder reloaded:
    // each is counted in the singular.
    std::fs::write(
        unit.join("events.ron"),
        r#"[Event(id: "first-event", date: "1815-06-09", title: "The Final Act is signed",
            description: "The Final Act is signed.", category: Agreement,
            sources: [("first-article", 2)])]"#,
    )
    .unwrap();
    std::fs::write(
        unit.join("organizations.ron"),
        r#"[Organization(id: "first-organization", name: "Paste", kind: Global,
            summary: "A name the paragraph has.", sources: [("first-article", 2)])]"#,
    )
    .unwrap();
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Reload now")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Organizations")
        .click();
    harness.run();
    harness.get_by_label("1 organization");
    harness.get_by_role_and_label(Role::Button, "Study").click();
    harness.run();
    harness.get_by_label("1 event of this article emphasised · drag to pan, scroll to zoom");
    assert_eq!(
        harness.state().dataset_source(),
        &DatasetSource::Folder(unit.clone())
    );
}

#[test]
fn a_folder_that_does_not_load_keeps_the_dataset_shown_and_lists_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("broken");
    copy_dir(&example_dir(), &unit);
    let events = unit.join("events.ron");
    let text = std::fs::read_to_string(&events).unwrap();
    std::fs::write(&events, text.replacen("title:", "titel:", 1)).unwrap();
    let expected = match Dataset::load_dir(&unit) {
        Ok(_) => panic!("the broken copy loaded"),
        Err(error) => error.problems,
    };
    let mut harness = app(&dir.path().join("storage"));
    open_by_typed_path(&mut harness, &unit);
    // The bundled dataset stays on screen.
    assert!(has_button(&harness, "Foreign Policy"));
    assert_eq!(harness.state().dataset_source(), &DatasetSource::Bundled);
    assert_eq!(harness.state().load_problems(), expected.as_slice());
    // The window says so in plain words, and the panel lists the problems.
    harness.get_by_label_contains("could not be loaded: it has");
    harness.get_by_label("Dataset problems");
    harness.get_by_label_contains(&format!("{} could not be loaded (", unit.display()));
    harness.get_by_label_contains("showing the bundled dataset instead");
    // Listed at once, each a button to its place.
    harness.get_by_role_and_label(Role::Button, &expected[0].to_string());
    assert!(expected[0].line.is_some() && expected[0].column.is_some());
    // A path that is no folder is said in the window, and nothing changes.
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    open_by_typed_path(&mut harness, &dir.path().join("no-such-folder"));
    harness.get_by_label_contains("There is no folder at ");
    assert!(has_button(&harness, "Foreign Policy"));
}

#[test]
fn the_recent_list_remembers_folders_and_shows_a_vanished_one_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first-unit");
    let second = dir.path().join("second-unit");
    copy_dir(&example_dir(), &first);
    copy_dir(&example_dir(), &second);
    let mut harness = app(&dir.path().join("storage"));
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_label("No dataset folder opened yet");
    harness.key_press(egui::Key::Escape);
    harness.run();
    open_by_typed_path(&mut harness, &first);
    open_by_typed_path(&mut harness, &second);
    let first_path = datasets::canonical(&first).display().to_string();
    let second_path = datasets::canonical(&second).display().to_string();
    assert_eq!(
        harness.state().settings().recent_datasets,
        vec![second_path.clone(), first_path.clone()]
    );
    // Remembered across a restart, in the settings file of the storage folder.
    eframe::App::save(harness.state_mut(), &mut MemoryStorage::default());
    drop(harness);
    std::fs::rename(&second, dir.path().join("moved-away")).unwrap();
    let mut harness = app(&dir.path().join("storage"));
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    let missing_label = format!("{second_path} (missing)");
    let missing = harness.get_by_role_and_label(Role::Button, &missing_label);
    assert!(missing.accesskit_node().is_disabled());
    let there = harness.get_by_role_and_label(Role::Button, &first_path);
    assert!(!there.accesskit_node().is_disabled());
    there.click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, CHARTER);
    assert_eq!(
        harness.state().dataset_source(),
        &DatasetSource::Folder(PathBuf::from(&first_path))
    );
}

#[test]
fn notes_belong_to_their_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let storage = dir.path().join("storage");
    // Two copies: the same article ids, two datasets.
    let a = dir.path().join("unit-a");
    let b = dir.path().join("unit-b");
    copy_dir(&example_dir(), &a);
    copy_dir(&example_dir(), &b);
    let article = "from-the-atlantic-charter-to-san-francisco";
    let mut harness = app(&storage);
    open_by_typed_path(&mut harness, &a);
    harness
        .get_by_role_and_label(Role::Button, "Paragraph 2: highlight or note")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Highlight")
        .click();
    harness.run();
    assert!(
        harness.state().notes().is_highlighted(article, 2),
        "{:?} {:?}",
        harness.state().settings().open_article,
        harness.state().notes()
    );
    let (notes_a, _) = datasets::saved_files(&storage, Some(&datasets::dataset_key(&a)));
    assert!(std::fs::read_to_string(&notes_a).unwrap().contains(article));
    // The bundled dataset's notes file is not touched.
    assert!(!storage.join("notes.json").exists());

    open_by_typed_path(&mut harness, &b);
    assert!(!harness.state().notes().is_highlighted(article, 2));
    assert!(harness.state().notes().entries.is_empty());
    harness.get_by_label("My notes (0)");

    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    let a_path = datasets::canonical(&a).display().to_string();
    harness.get_by_role_and_label(Role::Button, &a_path).click();
    harness.run();
    assert!(harness.state().notes().is_highlighted(article, 2));
    harness.get_by_label("My notes (1)");
}

#[test]
fn a_saved_change_is_reloaded_and_a_broken_file_is_listed_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let file = unit.join(CHARTER_FILE);
    let original = std::fs::read_to_string(&file).unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_by_typed_path(&mut harness, &unit);
    harness
        .state_mut()
        .open("the-charter-comes-into-force", Some(3));
    harness.run();

    // A new title, saved: the library shows it, the article stays open at
    // its highlighted paragraph.
    let retitled = original.replacen(CHARTER, "The Charter enters into force", 1);
    std::fs::write(&file, &retitled).unwrap();
    run_until(&mut harness, "the new title", |h| {
        has_button(h, "The Charter enters into force")
    });
    assert_eq!(
        harness.state().settings().open_article.as_deref(),
        Some("the-charter-comes-into-force")
    );
    assert_eq!(
        harness.state().highlighted(),
        Some(("the-charter-comes-into-force", 3))
    );
    harness.get_by_label_contains("reloaded at ");

    // A comma left out: the last good version stays, the problem is listed.
    let broken = retitled.replacen("enters into force\",", "enters into force\"", 1);
    std::fs::write(&file, &broken).unwrap();
    run_until(&mut harness, "the problem", |h| {
        !h.state().load_problems().is_empty()
    });
    assert!(has_button(&harness, "The Charter enters into force"));
    let problem = harness.state().load_problems()[0].clone();
    assert_eq!(problem.file, file.display().to_string());
    let (Some(line), Some(column)) = (problem.line, problem.column) else {
        panic!("no place in {problem}");
    };
    // The comma was due at the end of line 3, before `publisher` on line 4.
    assert!((3..=4).contains(&line), "{problem}");
    let place = format!("{}:{line}:{column}: ", file.display());
    harness.get_by_label("Dataset problems");
    harness.get_by_label_contains("since your last change; the last version that loaded stays");
    let entry_label = problem.to_string();
    let entry = harness.get_by_role_and_label(Role::Button, &entry_label);
    assert!(problem.to_string().starts_with(&place), "{problem}");
    entry.click();
    harness.run();
    // The file's text, at that line, in a window named after the file.
    harness.get_by_label("the-charter-comes-into-force.ron");
    assert_eq!(
        harness.state().code_view_place(),
        Some((file.as_path(), Some(line)))
    );
    let shown_line = broken.lines().nth(line - 1).unwrap();
    let digits = broken.lines().count().to_string().len();
    harness.get_by_label(&format!("{line:>digits$}  {shown_line}"));
    harness.get_by_label(&format!("{}, line {line}, column {column}", file.display()));

    // Fixed: the next reload clears the panel.
    std::fs::write(&file, &retitled).unwrap();
    run_until(&mut harness, "the panel to clear", |h| {
        h.state().load_problems().is_empty()
    });
    assert!(harness.query_by_label("Dataset problems").is_none());
    assert!(has_button(&harness, "The Charter enters into force"));
}

/// The code view open on a problem follows it when a saved change moves it
/// and says it is fixed when a saved change makes the folder load.
#[test]
fn the_code_view_follows_its_problem_through_reloads_and_says_when_it_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let file = unit.join(CHARTER_FILE);
    let original = std::fs::read_to_string(&file).unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_by_typed_path(&mut harness, &unit);

    // A comma left out after the title; its problem opened in the code view.
    let broken = original.replacen(&format!("{CHARTER}\","), &format!("{CHARTER}\""), 1);
    std::fs::write(&file, &broken).unwrap();
    run_until(&mut harness, "the problem", |h| {
        !h.state().load_problems().is_empty()
    });
    let problem = harness.state().load_problems()[0].clone();
    harness
        .get_by_role_and_label(Role::Button, &problem.to_string())
        .click();
    harness.run();
    let line = problem.line.unwrap();
    assert_eq!(
        harness.state().code_view_place(),
        Some((file.as_path(), Some(line)))
    );

    // Two lines written above it: the problem moves down, and the view with it.
    let moved = format!("// A note\n// and another\n{broken}");
    std::fs::write(&file, &moved).unwrap();
    run_until(&mut harness, "the problem to move", |h| {
        h.state().load_problems().first().and_then(|p| p.line) == Some(line + 2)
    });
    assert_eq!(
        harness.state().code_view_place(),
        Some((file.as_path(), Some(line + 2))),
        "the code view still shows the old place"
    );
    let moved_problem = harness.state().load_problems()[0].clone();
    harness.get_by_label(&format!(
        "{}, line {}, column {}",
        file.display(),
        line + 2,
        moved_problem.column.unwrap()
    ));

    // Fixed: the folder loads, and the code view says so, no line marked.
    std::fs::write(&file, &original).unwrap();
    run_until(&mut harness, "the folder to load", |h| {
        h.state().load_problems().is_empty()
    });
    harness.run();
    assert_eq!(
        harness.state().code_view_place(),
        Some((file.as_path(), None)),
        "the code view still marks the old problem"
    );
    harness.get_by_label("Fixed: the folder was reloaded and this problem is no longer reported.");
    assert!(
        harness.query_by_label(&problem.message).is_none(),
        "the old error is still shown"
    );
}

/// The window as `--data` opens it on a folder that does not load: the
/// bundled dataset, with the folder's problems (also returned) listed.
fn start_on_broken_folder(unit: &Path) -> (Vec<Problem>, Harness<'static, ReaderApp>) {
    let problems = match Dataset::load_dir(unit) {
        Ok(_) => panic!("{} loaded", unit.display()),
        Err(error) => error.problems,
    };
    let data = Arc::new(Dataset::embedded().unwrap());
    let origin = DataOrigin {
        folder: Some(unit.display().to_string()),
        problems: problems.clone(),
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, origin, None));
    harness.run();
    (problems, harness)
}

/// A data file far over the limit is listed as a problem; opening its place
/// says why its text is not shown instead of reading it all into the window.
#[test]
fn the_place_of_a_file_too_large_to_load_is_not_read_into_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let people = unit.join("people.ron");
    // 2 GiB as the file system sees it, and no disk used.
    std::fs::File::options()
        .write(true)
        .open(&people)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let (problems, mut harness) = start_on_broken_folder(&unit);
    let problem = problems[0].to_string();
    assert!(
        problem.contains("people.ron") && problem.contains("2048 MiB"),
        "{problem}"
    );
    harness.get_by_label("Show the problems").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, &problem)
        .click();
    harness.run();
    harness.get_by_label("people.ron");
    harness.get_by_label(&format!(
        "{} is larger than 64 MiB, the most a data file may hold, so it is not shown here.",
        people.display()
    ));
}

#[test]
fn a_folder_given_at_start_that_does_not_load_opens_with_reload_now_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let people = unit.join("people.ron");
    let good = std::fs::read_to_string(&people).unwrap();
    std::fs::write(&people, good.replacen("Person(", "Persn(", 1)).unwrap();
    let (_, mut harness) = start_on_broken_folder(&unit);
    harness.get_by_label("Dataset problems");
    assert!(has_button(&harness, "Foreign Policy"));
    std::fs::write(&people, &good).unwrap();
    harness
        .get_by_role_and_label(Role::Button, "Reload now")
        .click();
    harness.run();
    assert!(harness.query_by_label("Dataset problems").is_none());
    harness.get_by_role_and_label(Role::Button, CHARTER);
    assert_eq!(
        harness.state().dataset_source(),
        &DatasetSource::Folder(unit.clone())
    );
}

#[test]
fn while_a_broken_folder_waits_the_open_one_still_reloads_and_the_fixed_one_opens() {
    let dir = tempfile::tempdir().unwrap();
    let open_unit = dir.path().join("open-unit");
    let broken = dir.path().join("broken-unit");
    copy_dir(&example_dir(), &open_unit);
    copy_dir(&example_dir(), &broken);
    let people = broken.join("people.ron");
    let good = std::fs::read_to_string(&people).unwrap();
    std::fs::write(&people, good.replacen("Person(", "Persn(", 1)).unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_by_typed_path(&mut harness, &open_unit);
    open_by_typed_path(&mut harness, &broken);
    harness.get_by_label_contains("(1 problem); open-unit stays open.");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();

    // The author keeps working on the open folder: it reloads.
    let file = open_unit.join(CHARTER_FILE);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen(CHARTER, "The Charter is ratified", 1)).unwrap();
    run_until(&mut harness, "the open folder to reload", |h| {
        has_button(h, "The Charter is ratified")
    });
    harness.get_by_label_contains("(1 problem); open-unit stays open.");

    // The broken one, fixed, opens by itself.
    std::fs::write(&people, &good).unwrap();
    run_until(&mut harness, "the fixed folder to open", |h| {
        h.state().dataset_source() == &DatasetSource::Folder(broken.clone())
    });
    assert!(harness.query_by_label("Dataset problems").is_none());
    harness.get_by_role_and_label(Role::Button, CHARTER);
}

#[test]
fn a_folder_waiting_for_a_missing_image_opens_when_the_image_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    neutrality_reader::dataset::starter::write_starter(&unit).unwrap();
    let article = unit.join("articles/first-article.ron");
    let text = std::fs::read_to_string(&article).unwrap().replace(
        "    ],\n)",
        "        Image(path: \"assets/map.png\", alt: \"A map of the unit\"),\n    ],\n)",
    );
    std::fs::write(&article, text).unwrap();
    std::fs::create_dir(unit.join("assets")).unwrap();
    let mut harness = app(&dir.path().join("storage"));
    open_by_typed_path(&mut harness, &unit);
    // A missing picture is a mistake in the dataset: listed, and waited for.
    harness.get_by_label_contains("unit could not be loaded (1 problem)");
    harness.get_by_label_contains(
        "first-article.ron:21:21: article “first-article”: paragraph 4 (image): the image file assets/map.png does not exist",
    );
    // The author saves the picture: the folder opens and the picture shows.
    let picture = common::data_dir().join("assets/un-neutrality-resolutions.png");
    std::fs::copy(picture, unit.join("assets/map.png")).unwrap();
    run_until(&mut harness, "the picture to show", |h| {
        h.query_by_role_and_label(Role::Image, "A map of the unit")
            .is_some()
    });
    assert!(harness.query_by_label_contains("Image not shown").is_none());
}

/// A file linked from outside the unit (`articles/passwd.ron` to a secret)
/// is refused by the load, and its problem opened in the code view shows
/// the refusal, never the file; nor is a problem naming a file outside the
/// unit shown from the disk.
#[cfg(unix)]
#[test]
fn the_code_view_shows_only_files_inside_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let secret = dir.path().join("secret.ron");
    std::fs::write(&secret, "SECRET-LINE root:x:0:0\n").unwrap();
    std::os::unix::fs::symlink(&secret, unit.join("articles/passwd.ron")).unwrap();
    let mut problems = Dataset::load_dir(&unit).unwrap_err().problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("leads out of the dataset folder")
    );
    problems.push(Problem {
        file: secret.display().to_string(),
        line: Some(1),
        column: Some(1),
        message: "a problem in a file outside".to_owned(),
    });
    let data = Arc::new(Dataset::embedded().unwrap());
    let origin = DataOrigin {
        folder: Some(unit.display().to_string()),
        problems: problems.clone(),
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 900.0])
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, origin, None));
    harness.run();
    harness.get_by_label("Show the problems").click();
    harness.run();
    for problem in &problems {
        harness
            .get_by_role_and_label(Role::Button, &problem.to_string())
            .click();
        harness.run();
        assert!(
            harness.query_by_label_contains("SECRET-LINE").is_none(),
            "{problem}"
        );
        harness.get_by_label_contains("is not a file of the dataset folder");
    }
}

/// A file dropped on the window, as the desktop's window system hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// A unit's folder or its .zip dropped from the file manager opens as
/// "Open dataset folder…" opens it; something that is no unit is said as a
/// problem and the unit on screen stays.
#[test]
fn a_folder_or_a_unit_file_dropped_on_the_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("unit");
    copy_dir(&example_dir(), &unit);
    let zip = dir.path().join("unit.zip");
    neutrality_reader::dataset::archive::pack(&unit, &zip, false).unwrap();
    let mut harness = window([1280.0, 800.0], |app| app);
    for dropped in [&unit, &zip] {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(DroppedPath(dropped.clone())));
        harness.run();
        assert_eq!(
            harness.state().dataset_source(),
            &DatasetSource::Folder(dropped.clone()),
            "{}",
            dropped.display()
        );
        harness.get_by_label("Dataset: The founding of the United Nations");
    }
}
