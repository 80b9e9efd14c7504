//! A unit's own event categories and relationship kinds: the manifest
//! defines them (name, label, colour; whether a kind makes a member), the
//! timeline's legend, the organization panel and the quiz follow them, and
//! `check` says where one is misspelled or badly defined.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use egui::accesskit::Toggled;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use neutrality_reader::dataset::{DataFile, DataFiles, Dataset, Problem};
use neutrality_reader::quiz::{QuizBank, QuizOptions};
use neutrality_reader::ui::app::{DataOrigin, ReaderApp};
use neutrality_reader::ui::command::View;

/// A history class's categories for the example unit: "Treaty" for its
/// agreements, "War" added, the others kept under their names.
const MANIFEST: &str = r##"Dataset(
    title: "The founding of the United Nations",
    categories: [
        (key: Agreement, label: "Treaty", colour: "#aa2200"),
        (key: War, label: "War"),
        (key: Conference, label: "Conference"),
        (key: Summit, label: "Summit"),
        (key: Meeting, label: "Meeting"),
        (key: Membership, label: "Membership"),
        (key: Establishment, label: "Founding"),
        (key: Milestone, label: "Milestone"),
    ],
)
"##;

fn unit(manifest: &str, events: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    common::copy_dir(&common::example_dir(), dir.path());
    fs::write(dir.path().join("dataset.ron"), manifest).unwrap();
    let path = dir.path().join("events.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, events(text)).unwrap();
    dir
}

fn problems(dir: &Path) -> Vec<Problem> {
    match Dataset::load_dir(dir) {
        Ok(_) => Vec::new(),
        Err(error) => error.problems,
    }
}

/// The line and column of the first `needle` in `file` of `dir`.
fn place_of(dir: &Path, file: &str, needle: &str) -> (usize, usize) {
    let text = fs::read_to_string(dir.join(file)).unwrap();
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

#[test]
fn the_units_categories_are_its_legend_in_its_order() {
    // The Yalta conference becomes a war event (a teacher's choice).
    let dir = unit(MANIFEST, |text| {
        text.replacen("category: Summit,", "category: War,", 1)
    });
    let dataset = Dataset::load_dir(dir.path()).unwrap();
    let labels: Vec<&str> = dataset
        .categories
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels[..3], ["Treaty", "War", "Conference"]);
    assert_eq!(dataset.categories[0].rgb, [0xaa, 0x22, 0x00]);
    let war = dataset
        .events
        .iter()
        .find(|e| e.category.as_str() == "War")
        .unwrap();
    assert_eq!(dataset.category_lane(&war.category), 1);

    let data = Arc::new(dataset);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64)
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None));
    harness.run();
    harness.state_mut().show_view(View::Timeline);
    harness.run();
    // The legend names the unit's categories with their counts; none of
    // the built-in ones it does not define.
    harness.get_by_label("Treaty (4)");
    harness.get_by_label("War (1)");
    harness.get_by_label("Founding (2)");
    assert!(harness.query_by_label("Agreement (4)").is_none());
    assert!(harness.query_by_label("Summit (1)").is_none());
    // Hiding a category of the unit's own hides its lane's events.
    harness.get_by_label("War (1)").click();
    harness.run();
    let toggled = harness.get_by_label("War (1)").accesskit_node().toggled();
    assert_eq!(toggled, Some(Toggled::False));
}

#[test]
fn a_misspelled_category_is_named_with_the_nearest() {
    let dir = unit(MANIFEST, |text| {
        text.replacen("category: Summit,", "category: Wat,", 1)
    });
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    let (line, column) = place_of(dir.path(), "events.ron", "category: Wat,");
    assert_eq!((found[0].line, found[0].column), (Some(line), Some(column)));
    assert!(found[0].file.ends_with("events.ron"));
    assert!(
        found[0]
            .message
            .contains("`Wat` is not one of the categories of dataset.ron; did you mean `War`?"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_built_in_category_the_unit_does_not_define_is_refused() {
    // The unit defines its own list: UnResolution is not in it.
    let dir = unit(MANIFEST, |text| {
        text.replacen("category: Meeting,", "category: UnResolution,", 1)
    });
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("`UnResolution` is not one of the categories of dataset.ron")
    );
    // Without a manifest list, the built-in categories are the unit's.
    let dir = unit("Dataset()", |text| {
        text.replacen("category: Meeting,", "category: Meting,", 1)
    });
    let found = problems(dir.path());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("`Meting` is not one of the built-in categories; did you mean `Meeting`?"),
        "{}",
        found[0].message
    );
}

#[test]
fn a_bad_definition_is_named_where_it_is() {
    let manifest = MANIFEST
        .replace(r##"colour: "#aa2200""##, r##"colour: "red""##)
        .replace(
            r#"(key: Summit, label: "Summit"),"#,
            r#"(key: Summit, label: " "), (key: War, label: "Battle"),"#,
        );
    let dir = unit(&manifest, |text| text);
    let found = problems(dir.path());
    let messages: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 3, "{messages:#?}");
    let at = |needle: &str| {
        let (line, column) = place_of(dir.path(), "dataset.ron", needle);
        (Some(line), Some(column))
    };
    let colour = found
        .iter()
        .find(|p| p.message.contains("is not a colour"))
        .unwrap();
    assert_eq!((colour.line, colour.column), at(r#"colour: "red""#));
    let empty = found
        .iter()
        .find(|p| p.message.contains("empty label"))
        .unwrap();
    assert_eq!((empty.line, empty.column), at("key: Summit"));
    let twice = found
        .iter()
        .find(|p| p.message.contains("defined twice"))
        .unwrap();
    // The second `War`, not the first.
    let text = fs::read_to_string(dir.path().join("dataset.ron")).unwrap();
    let second = text.rfind("key: War").unwrap();
    assert_eq!(twice.line, Some(text[..second].matches('\n').count() + 1));
}

/// The bundled unit with relationship kinds of its own: the built-in names
/// relabelled, the UN membership told as `Founding` (a kind the manifest
/// adds), and `edit` applied to organizations.ron.
fn with_own_kinds(edit: impl Fn(String) -> String) -> Result<Dataset, Vec<Problem>> {
    let mut files = DataFiles::embedded();
    let organizations = &mut files.records[1];
    assert!(organizations.name.ends_with("organizations.ron"));
    organizations.text = edit(
        organizations
            .text
            .replacen("kind: Member,", "kind: Founding,", 1),
    );
    files.manifest = Some(DataFile {
        name: "dataset.ron".to_owned(),
        text: r#"Dataset(
    subject: "Turkmenistan",
    relationship_kinds: [
        (key: Founding, label: "Founding member", membership: true),
        (key: Member, label: "Member state", membership: true),
        (key: Office, label: "Office", membership: true),
        (key: GuestOfHonour, label: "Guest"),
        (key: Host, label: "Host"),
        (key: Initiator, label: "Initiator"),
        (key: Cooperation, label: "Partner"),
        (key: National, label: "Own body"),
    ],
)"#
        .to_owned(),
    });
    Dataset::from_files(&files).map_err(|error| error.problems)
}

#[test]
fn a_units_own_relationship_kinds_are_its_labels() {
    let dataset = with_own_kinds(|text| text).unwrap();
    let un = dataset.organization("un").unwrap();
    let kind = un.relationships[0].kind;
    assert_eq!(kind.label(), "Founding member");
    assert!(kind.implies_membership());
    let nam = dataset.organization("nam").unwrap();
    assert_eq!(nam.relationships[0].kind.label(), "Member state");

    // The quiz asks "since when" of the unit's own kind, by its label, and
    // never offers a built-in label the unit does not use.
    let bank = QuizBank::new(&dataset);
    let mut since = 0;
    for seed in 1..=200 {
        let quiz = bank.generate(&QuizOptions {
            seed,
            count: 40,
            ..QuizOptions::default()
        });
        for question in quiz.questions {
            let text = format!(
                "{} {:?} {}",
                question.prompt, question.options, question.explanation
            );
            assert!(!text.contains("Own institution"), "{text}");
            assert!(!text.contains("Guest of honour"), "{text}");
            since +=
                usize::from(question.prompt.contains(
                    "as the articles state it, did this relationship of Turkmenistan to",
                ));
        }
    }
    assert!(since > 0, "the unit's own kind was never asked");

    // The window's chips and details name it so.
    let data = Arc::new(dataset);
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64)
        .build_eframe(move |cc| ReaderApp::new(&cc.egui_ctx, data, DataOrigin::default(), None));
    harness.run();
    harness.state_mut().show_view(View::Organizations);
    harness.run();
    harness.get_by_label("Founding member (1)");
    assert!(harness.state_mut().select_organization("un"));
    harness.run();
    harness.get_by_label_contains("Founding member since 1992");
}

#[test]
fn a_misspelled_relationship_kind_is_named_where_it_is() {
    let problems =
        with_own_kinds(|text| text.replacen("kind: Member,", "kind: Membr,", 1)).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let problem = &problems[0];
    assert!(
        problem.message.contains(
            "organization “nam”: `Membr` is not one of the relationship kinds of dataset.ron; did you mean `Member`?"
        ),
        "{}",
        problem.message
    );
    // At the `kind:` of NAM's relationship, not at NAM's own `kind: Global`.
    let text = DataFiles::embedded().records[1].text.clone();
    let nam = text.find("id: \"nam\"").unwrap();
    let at = nam + text[nam..].find("Relationship(").unwrap();
    let at = at + text[at..].find("kind:").unwrap();
    assert_eq!(problem.line, Some(text[..at].matches('\n').count() + 1));
    // Without the manifest's list, a kind not built in is refused the same way.
    let mut files = DataFiles::embedded();
    files.records[1].text = files.records[1]
        .text
        .replacen("kind: Member,", "kind: Founding,", 1);
    let problems = Dataset::from_files(&files).unwrap_err().problems;
    assert!(
        problems[0].message.contains(
            "`Founding` is not one of the built-in relationship kinds; the kinds are `Member`"
        ),
        "{problems:#?}"
    );
}
